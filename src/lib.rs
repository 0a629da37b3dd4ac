//! Soft staking reward estimator: an exact reward engine shared by an
//! embeddable Yew/WebAssembly widget and a native CLI.
//!
//! Data flows one way: [`config`] (JSON-like input → validated types) →
//! [`engine`] (pure, exact math) → `widget` state → view. The `widget` and
//! `embed` modules exist only in the WebAssembly build.

pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod engine;
pub mod widget;
