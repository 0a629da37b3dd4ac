//! Widgets under one `storage_key` show one activation: when a widget stores
//! a change, the others under that key follow at once, on the same page and
//! in the visitor's other tabs (a `BroadcastChannel` per key). The message is
//! the stored record itself, so they follow even when the browser refuses
//! local storage.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};
use yew::prelude::*;

use super::use_activation_store::ActivationStore;
use crate::widget::activation_record::{decode, encode};
use crate::widget::state::Activation;

/// The channel of `store`'s key.
fn channel_name(store: &ActivationStore) -> String {
    format!("soft-staking-activation:{}", store.key())
}

/// Tells the other widgets under `store`'s key that the activation is now
/// `activation` (nothing when the browser has no `BroadcastChannel`).
pub fn announce_activation(store: &ActivationStore, activation: Activation) {
    if let Ok(channel) = BroadcastChannel::new(&channel_name(store)) {
        // A message posted before close() is still delivered.
        let _ = channel.post_message(&JsValue::from_str(&encode(activation)));
        channel.close();
    }
}

/// Calls `follow` with each activation another widget under `store`'s key
/// announces (this widget's own announcements too: `follow` ignores an
/// activation already shown). Listens again when the key changes.
#[hook]
pub fn use_activation_sync(store: &ActivationStore, follow: Callback<Activation>) {
    use_effect_with(store.clone(), move |store| {
        let channel = BroadcastChannel::new(&channel_name(store)).ok();
        let listener = channel.as_ref().map(|channel| {
            EventListener::new(channel, "message", move |event| {
                let text = event
                    .dyn_ref::<MessageEvent>()
                    .and_then(|m| m.data().as_string());
                if let Some(activation) = text.as_deref().and_then(decode) {
                    follow.emit(activation);
                }
            })
        });
        move || {
            drop(listener);
            if let Some(channel) = channel {
                channel.close();
            }
        }
    });
}
