//! Native tests of the reward engine and the config layer, grouped by topic
//! (one file per topic under `tests/engine_tests/`).
//!
//! Every expected value is derived by hand from the spec (the derivation is
//! in a comment next to it) or by `reference`, an independent exact-rational
//! implementation of the spec's formulas that never calls the engine.
#![cfg(not(target_arch = "wasm32"))]

mod engine_tests {
    mod generators;
    mod reference;
    mod support;

    mod exactness;
    mod projection;
    mod properties;
    mod quick;
    mod statuses;
    mod tiers;
    mod timeline;
    mod validation;
    mod worked_examples;
}
