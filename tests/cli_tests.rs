//! The `soft-staking estimate` CLI, run as a real process: requests from a
//! file argument and from stdin, results compared as parsed JSON, and every
//! invalid input answered by one line on stderr and exit status 2.
#![cfg(not(target_arch = "wasm32"))]

mod cli_tests {
    mod support;

    mod happy_path;
    mod hostile_input;
    mod invalid_input;
}
