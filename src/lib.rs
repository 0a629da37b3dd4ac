//! Soft staking reward estimator: an exact reward engine shared by an
//! embeddable Yew/WebAssembly widget and a native CLI.
//!
//! Data flows one way: [`config`] (JSON-like input → validated types) →
//! [`engine`] (pure, exact math) → [`widget`] state → view. The `widget`
//! module's state and formatting are also built and tested natively; its
//! components and hooks, and the `embed` module, exist only in the
//! WebAssembly build.

pub mod config;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod engine;
pub mod widget;

/// The WebAssembly build's allocator: Talc, smaller than Rust's default
/// (dlmalloc) in both builds' downloads (README, Performance).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
