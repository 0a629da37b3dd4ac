//! Arbitrary text into every string parser.

use proptest::prelude::*;
use soft_staking::config::cohort_csv::parse_line;
use soft_staking::config::decimal::parse_decimal;
use soft_staking::config::scenario::Scenario;
use soft_staking::config::typed_number::parse_typed_balance;
use soft_staking::engine::quick::parse_raw_amount;
use soft_staking::engine::TimeOfDay;

/// Text mixing the characters the parsers care about with any unicode.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.,eE+\\-_ ]{0,40}",
        "[0-9]{0,60}(\\.[0-9]{0,60})?",
        "\\PC{0,40}",
        "[A-Za-z0-9~_.:\\-é١２]{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn decimal_parsers_never_panic_and_agree_on_plain_digits(s in tricky()) {
        let strict = parse_decimal(&s);
        let typed = parse_typed_balance(&s);
        // Anything the strict parser accepts, the typed one accepts equally.
        if let Ok(d) = strict {
            prop_assert_eq!(typed, Ok(d));
            prop_assert!(!d.is_sign_negative());
        }
        // The zero-copy cohort parser never accepts what the strict one refuses.
        if parse_raw_amount(s.as_bytes()).is_some() {
            prop_assert!(parse_decimal(&s).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn scenario_decoding_never_panics(s in tricky(), prefix in prop_oneof![Just("v1~"), Just("v1~BNB_"), Just("v2~"), Just("v2~h1~z"), Just("")]) {
        let text = format!("{prefix}{s}");
        if let Ok(scenario) = Scenario::decode(&text) {
            // Whatever decodes re-encodes to something that decodes the same.
            prop_assert_eq!(Scenario::decode(&scenario.encode()), Ok(scenario));
        }
    }

    #[test]
    fn times_and_cohort_lines_never_panic(s in tricky()) {
        if let Some(t) = TimeOfDay::parse(&s) {
            prop_assert!(t.seconds() < 86_400);
        }
        let _ = parse_line(&s);
        let _ = parse_line(&format!("BNB,{s}"));
        let _ = parse_line(&format!("{s},1"));
    }
}

#[test]
fn multibyte_text_in_scenarios_is_an_error_not_a_panic() {
    for text in [
        "v1~BNB_é1",
        "v1~BNB_k1é12-5",
        "v1~BNB_kéé-5",
        "v1~ñ",
        "v1~BNB_\u{1F600}",
        "v2~BNB_é1~z",
        "v2~~zé",
        "v2é~z0",
    ] {
        assert!(Scenario::decode(text).is_err(), "{text}");
    }
    // With their right check (FNV-1a of the UTF-8 bytes before "~z",
    // computed apart): the check passes, the parts are read, and refused.
    for text in [
        "v2~BNB_kéé-5~zdd2d931d",
        "v2~BNB_é1~z539de3d5",
        "v2~ñ~z5534e5a1",
        "v2~BNB_\u{1F600}~zbe3cb333",
    ] {
        let why = Scenario::decode(text).unwrap_err();
        assert!(!why.contains("incomplete"), "{text}: {why}");
    }
}
