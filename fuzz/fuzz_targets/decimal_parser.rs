//! Any bytes into every text parser: strict decimals, typed balances in every
//! locale's separators, the zero-copy cohort parser, cohort lines and whole
//! cohort files, share-link scenarios, times (strict and as typed), locale tags.
#![no_main]

use std::rc::Rc;

use libfuzzer_sys::fuzz_target;
use soft_staking::config::cohort_csv::parse_line;
use soft_staking::config::decimal::{parse_decimal, Separators};
use soft_staking::config::typed_number::{parse_typed, parse_typed_balance};
use soft_staking::config::locale::NumberStyle;
use soft_staking::config::scenario::Scenario;
use soft_staking::config::typed_time::parse_typed_time;
use soft_staking::engine::quick::parse_raw_amount;
use soft_staking::engine::{Asset, AssetSpec, TimeOfDay};
use soft_staking::widget::cohort_job::CohortJob;

fuzz_target!(|data: &[u8]| {
    let _ = parse_raw_amount(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(d) = parse_decimal(text) {
            assert_eq!(parse_typed_balance(text), Ok(d));
        }
        for seps in [
            Separators::POINT_COMMA,
            Separators::SPACE_COMMA,
            Separators::APOSTROPHE_POINT,
            Separators::COMMA_POINT_LAKH,
        ] {
            let _ = parse_typed(text, seps);
        }
        let _ = NumberStyle::for_locale(text);
        let _ = parse_line(text);
        if let Some(t) = TimeOfDay::parse(text) {
            // A strict HH:MM reads the same in the widget's lenient reader.
            assert_eq!(parse_typed_time(text), Some(t));
        }
        if let Some(t) = parse_typed_time(text) {
            assert_eq!(TimeOfDay::parse(&t.to_string()), Some(t));
        }
        if let Ok(s) = Scenario::decode(text) {
            assert_eq!(Scenario::decode(&s.encode()), Ok(s));
        }
        let _ = Scenario::decode_parts(text);
        // A whole cohort file (any line ends) through the sliced reader.
        let spec = AssetSpec::flat("BNB", "0.05".parse().unwrap());
        let asset = Asset::new(spec).unwrap();
        let mut job = CohortJob::new(Rc::from(text), vec![(asset.clone(), asset)]);
        while !job.step(64) {}
        let _ = job.summary();
    }
});
