//! Reusable UI logic with a name: persisted activation, focus trapping.

pub mod use_activation_store;
pub mod use_focus_trap;
