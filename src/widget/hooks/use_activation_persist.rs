//! What follows a change of the activation, on every change after mount:
//! the visitor's own change is stored and announced to the other widgets
//! under the key; a switch on or off is told to the host
//! (`softstaking:activation`).

use web_sys::Element;
use yew::prelude::*;

use super::use_activation_store::ActivationStore;
use super::use_activation_sync::ActivationSync;
use crate::embed::dispatch_activation;
use crate::widget::state::Activation;

/// The activation a render shows, and where it came from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ActivationChange {
    /// The activation shown.
    pub activation: Activation,
    /// The visitor changed it in this widget (rather than it being loaded,
    /// followed from another widget or taken over).
    pub by_visitor: bool,
    /// What the widget this one replaced had told the host: a difference
    /// from it is told (`None`: the activation at mount).
    pub told: Option<Activation>,
}

/// Stores and announces `change` when it is the visitor's, in `store` and
/// through `sync`, and tells `host` when soft staking switches. One just
/// read from a new storage key is told, not written back.
#[hook]
pub fn use_activation_persist(
    change: ActivationChange,
    store: &ActivationStore,
    sync: ActivationSync,
    host: &Element,
) {
    let last = use_mut_ref(|| change.told.unwrap_or(change.activation));
    // A visitor's switch drawn in the same render as the host's update()
    // to another key belongs to neither key: not stored or announced
    // under the new one (the widget shows that key's state next).
    let rendered_key = use_mut_ref(|| store.clone());
    let key_moved = std::mem::replace(&mut *rendered_key.borrow_mut(), store.clone()) != *store;
    let by_visitor = change.by_visitor && !key_moved;
    let (store, host) = (store.clone(), host.clone());
    use_effect_with(change.activation, move |activation| {
        let previous = std::mem::replace(&mut *last.borrow_mut(), *activation);
        if previous != *activation {
            // Only the visitor's change here is stored and announced: a
            // followed one is another widget's (announcing it back could
            // bounce it between them), a loaded one is stored already.
            // Announced even when the store holds it: a store that
            // refuses writes may hold an older record that is the same.
            if by_visitor {
                if store.load() != *activation {
                    store.save(*activation);
                }
                sync.announce(*activation);
            }
            if previous.on != activation.on {
                dispatch_activation(&host, activation.on);
            }
        }
    });
}
