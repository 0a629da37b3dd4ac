//! The activation state in local storage under the config's `storage_key`.
//! Corrupted or foreign data reads as "not activated" and is left alone until
//! the visitor acts; a browser whose storage throws (private mode, blocked
//! storage) keeps the state in memory for the page's lifetime.

use web_sys::Storage;
use yew::prelude::*;

use crate::widget::activation_record::{decode, encode};
use crate::widget::state::Activation;

/// Reads and writes the activation record of one storage key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivationStore {
    key: String,
}

impl ActivationStore {
    /// The stored activation, or the default when absent, unreadable or foreign.
    pub fn load(&self) -> Activation {
        storage()
            .and_then(|s| s.get_item(&self.key).ok().flatten())
            .and_then(|text| decode(&text))
            .unwrap_or_default()
    }

    /// Stores `activation`; false when the browser refused (state stays in memory).
    pub fn save(&self, activation: Activation) -> bool {
        storage().is_some_and(|s| s.set_item(&self.key, &encode(activation)).is_ok())
    }

    /// The storage key.
    pub fn key(&self) -> &str {
        &self.key
    }
}

fn storage() -> Option<Storage> {
    // `localStorage` itself may throw (storage disabled): that is a `None`.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The activation store for `key`, stable across renders.
#[hook]
pub fn use_activation_store(key: &str) -> ActivationStore {
    (*use_memo(key.to_string(), |key| ActivationStore { key: key.clone() })).clone()
}
