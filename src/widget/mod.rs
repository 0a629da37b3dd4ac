//! The Yew widget. `state` (reducer), `row`, `field`, `rate_edits`, `estimate`,
//! `explain`, `format`, `snapshot_text`, `plot_scale`, `cohort_job`,
//! `carry_over`, `activation_record` and `class_list` are pure Rust, compiled
//! and tested natively too; the components, hooks, `copy_as_shown`,
//! `yield_now`, `app` and `root` exist only in the WebAssembly build.

pub mod activation_record;
pub mod carry_over;
pub mod class_list;
pub mod cohort_job;
pub mod estimate;
pub mod explain;
pub mod field;
pub mod format;
pub mod plot_scale;
pub mod rate_edits;
pub mod row;
pub mod snapshot_text;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod copy_as_shown;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod root;
#[cfg(target_arch = "wasm32")]
pub mod yield_now;
