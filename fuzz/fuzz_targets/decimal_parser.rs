//! Any bytes into every text parser: strict decimals, typed balances, the
//! zero-copy cohort parser, cohort lines, share-link scenarios, times.
#![no_main]

use libfuzzer_sys::fuzz_target;
use soft_staking::config::cohort_csv::parse_line;
use soft_staking::config::decimal::{parse_decimal, parse_typed_balance};
use soft_staking::config::scenario::Scenario;
use soft_staking::engine::quick::parse_raw_amount;
use soft_staking::engine::TimeOfDay;

fuzz_target!(|data: &[u8]| {
    let _ = parse_raw_amount(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(d) = parse_decimal(text) {
            assert_eq!(parse_typed_balance(text), Ok(d));
        }
        let _ = parse_line(text);
        let _ = TimeOfDay::parse(text);
        if let Ok(s) = Scenario::decode(text) {
            assert_eq!(Scenario::decode(&s.encode()), Ok(s));
        }
    }
});
