//! Reusable UI logic with a name: persisted activation (and the other
//! widgets under its key following it, and the host told), focus trapping,
//! the current UTC date, sliced cohort runs, estimate events for the host,
//! an element's rendered width, the visitor's focus kept across a host's
//! update, a pause in typing, a shared scenario applied.

pub mod use_activation_persist;
pub mod use_activation_store;
pub mod use_activation_sync;
pub mod use_cohort_run;
pub mod use_estimate_event;
pub mod use_focus_trap;
pub mod use_keep_focus;
pub mod use_shared_scenario;
pub mod use_typing_pause;
pub mod use_utc_day;
pub mod use_width;
