//! Widgets under one `storage_key` show one activation: when a widget stores
//! a change, the others under that key follow at once, on the same page and
//! in the visitor's other tabs (a `BroadcastChannel` per key carrying the
//! record: another tab's copy of the store may not have it yet, and without
//! local storage it is the only copy).
//!
//! Only the visitor's own change in a widget is announced, never one it
//! followed or loaded (`State::activation_by_visitor`), so two widgets cannot
//! bounce a change back and forth; one widget's changes arrive in order, so
//! the others end where it ends.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};
use yew::prelude::*;

use super::use_activation_store::ActivationStore;
use crate::widget::activation_record::{decode, encode};
use crate::widget::state::Activation;

/// One widget's link to the others under its storage key.
#[derive(Clone, Default)]
pub struct ActivationSync {
    /// The key's channel while the widget is mounted (`None` without
    /// `BroadcastChannel`). A channel does not hear its own messages.
    channel: Rc<RefCell<Option<BroadcastChannel>>>,
}

impl ActivationSync {
    /// Tells the other widgets under the key about this widget's own change.
    pub fn announce(&self, activation: Activation) {
        if let Some(channel) = self.channel.borrow().as_ref() {
            // Nothing to do if the channel refuses: the others keep their state.
            let _ = channel.post_message(&JsValue::from_str(&encode(activation)));
        }
    }
}

/// Listens to the other widgets under `store`'s key (again when the key
/// changes) and calls `follow` with each activation they announce.
#[hook]
pub fn use_activation_sync(
    store: &ActivationStore,
    follow: Callback<Activation>,
) -> ActivationSync {
    let sync = use_memo((), |_| ActivationSync::default());
    {
        let sync = (*sync).clone();
        use_effect_with(store.clone(), move |store| {
            let channel =
                BroadcastChannel::new(&format!("soft-staking-activation:{}", store.key())).ok();
            let listener = channel.as_ref().map(|channel| {
                EventListener::new(channel, "message", move |event| {
                    let message = event
                        .dyn_ref::<MessageEvent>()
                        .and_then(|m| m.data().as_string());
                    // Anything but a record (another script's message) is not heard.
                    if let Some(activation) = message.as_deref().and_then(decode) {
                        follow.emit(activation);
                    }
                })
            });
            *sync.channel.borrow_mut() = channel;
            move || {
                drop(listener);
                if let Some(channel) = sync.channel.borrow_mut().take() {
                    channel.close();
                }
            }
        });
    }
    (*sync).clone()
}
