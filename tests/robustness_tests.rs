//! Hostile and random input never panics: every parser and the engine answer
//! with a value or an error naming the field (issue "Reliability and
//! security"). The same properties run deeper under `cargo fuzz` (fuzz/).
#![cfg(not(target_arch = "wasm32"))]

mod robustness_tests {
    mod documents;
    mod hostile_config;
    mod strings;
}
