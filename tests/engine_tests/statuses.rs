//! Steps 2 and 4 of the spec: every status, every boundary (exactly at the
//! minimum, exactly at the cap), dust and payout precision.

use rust_decimal::Decimal;
use soft_staking::engine::{day_from_balance, day_from_snapshots, AssetSpec, Status};

use super::support::{asset, d, ds, flat, text};

/// 3.65% makes R = E ÷ 10,000 exactly, which keeps the derivations short.
fn bounded(min: &str, cap: Option<&str>) -> AssetSpec {
    AssetSpec {
        min_amount: d(min),
        max_cap: cap.map(d),
        ..flat("0.0365")
    }
}

#[test]
fn status_contract_names() {
    assert_eq!(Status::BelowMinimum.as_str(), "below_minimum");
    assert_eq!(Status::Capped.as_str(), "capped");
    assert_eq!(Status::Eligible.as_str(), "eligible");
}

#[test]
fn below_minimum_earns_nothing_and_is_not_dust() {
    // A = 99.99999999 < 100 → below_minimum, E = 0, R = 0, P = 0.
    let a = asset(bounded("100", Some("1000")));
    let day = day_from_balance(&a, d("99.99999999")).unwrap();
    assert_eq!(day.status, Status::BelowMinimum);
    assert_eq!(day.eligible_balance, Decimal::ZERO);
    assert_eq!(text(day.reward), "0.00000000");
    // R = 0, so the payout is not "below payout precision".
    assert!(!day.below_payout_precision);
    assert_eq!(day.average_balance, d("99.99999999"));
}

#[test]
fn exactly_at_the_minimum_is_eligible() {
    // A = 100 is not < 100 → eligible; R = 100 × 0.0365 ÷ 365 = 0.01.
    let a = asset(bounded("100", Some("1000")));
    let day = day_from_balance(&a, d("100")).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(day.eligible_balance, d("100"));
    assert_eq!(text(day.reward), "0.01000000");
}

#[test]
fn average_exactly_at_the_minimum_is_eligible() {
    // (50 + 150) ÷ 2 = 100 = min → eligible; R = 0.01.
    let a = asset(bounded("100", None));
    let day = day_from_snapshots(&a, &ds(&["50", "150"])).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(text(day.reward), "0.01000000");
    // (50 + 149.99999998) ÷ 2 = 99.99999999 < 100 → below_minimum even though
    // one snapshot is above the minimum.
    let day = day_from_snapshots(&a, &ds(&["50", "149.99999998"])).unwrap();
    assert_eq!(day.status, Status::BelowMinimum);
    assert_eq!(text(day.reward), "0.00000000");
}

#[test]
fn one_unit_below_a_28_decimal_minimum() {
    // min = 1 − 10^-28; A = 1 − 2×10^-28 < min → below_minimum.
    let a = asset(bounded("0.9999999999999999999999999999", None));
    let day = day_from_balance(&a, d("0.9999999999999999999999999998")).unwrap();
    assert_eq!(day.status, Status::BelowMinimum);
    // A = min exactly → eligible; R = A ÷ 10^4 → 0.00009999 (8 decimals).
    let day = day_from_balance(&a, d("0.9999999999999999999999999999")).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(text(day.reward), "0.00009999");
}

#[test]
fn a_cap_below_the_minimum_applies_the_minimum_first() {
    // Minimum 100, cap 50 (step 2 in order): A < 100 → below_minimum, E = 0;
    // A ≥ 100 is > 50 → capped, E = 50, R = 50 ÷ 10^4 = 0.005.
    let a = asset(bounded("100", Some("50")));
    let below = day_from_balance(&a, d("99.99999999")).unwrap();
    assert_eq!(below.status, Status::BelowMinimum);
    assert_eq!(below.eligible_balance, Decimal::ZERO);
    assert_eq!(text(below.reward), "0.00000000");
    for balance in ["100", "120", "1000000"] {
        let day = day_from_balance(&a, d(balance)).unwrap();
        assert_eq!(day.status, Status::Capped, "{balance}");
        assert_eq!(day.eligible_balance, d("50"), "{balance}");
        assert_eq!(text(day.reward), "0.00500000", "{balance}");
    }
}

#[test]
fn exactly_at_the_cap_is_eligible_not_capped() {
    // A = 1000 = cap is not > cap → eligible; R = 1000 ÷ 10^4 = 0.1.
    let a = asset(bounded("100", Some("1000")));
    let day = day_from_balance(&a, d("1000")).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(day.eligible_balance, d("1000"));
    assert_eq!(text(day.reward), "0.10000000");
}

#[test]
fn above_the_cap_earns_on_the_cap_only() {
    // A = 1000.00000001 > 1000 → capped, E = 1000, R = 0.1.
    let a = asset(bounded("100", Some("1000")));
    for balance in [
        "1000.00000001",
        "1000.0000000000000000000000001",
        "5000",
        "79228162514264",
    ] {
        let day = day_from_balance(&a, d(balance)).unwrap();
        assert_eq!(day.status, Status::Capped, "{balance}");
        assert_eq!(day.eligible_balance, d("1000"), "{balance}");
        assert_eq!(text(day.reward), "0.10000000", "{balance}");
        assert_eq!(day.average_balance, d(balance));
    }
}

#[test]
fn average_of_one_third_against_a_28_decimal_cap() {
    // A = (1 + 0 + 0) ÷ 3 = 0.333…; cap = 0.3333333333333333333333333333
    // (28 threes) < 1/3 → capped. An average truncated to 28 decimals would
    // equal the cap and wrongly read "eligible".
    let a = asset(bounded("0", Some("0.3333333333333333333333333333")));
    let day = day_from_snapshots(&a, &ds(&["1", "0", "0"])).unwrap();
    assert_eq!(day.status, Status::Capped);
    assert_eq!(day.eligible_balance, d("0.3333333333333333333333333333"));
    // And with a minimum of 28 threes followed by a 4 (> 1/3) → below_minimum.
    let a = asset(bounded("0.3333333333333333333333333334", None));
    let day = day_from_snapshots(&a, &ds(&["1", "0", "0"])).unwrap();
    assert_eq!(day.status, Status::BelowMinimum);
}

#[test]
fn minimum_equal_to_cap() {
    // min = cap = 100: 99 below, 100 eligible (R = 0.01), 101 capped (R = 0.01).
    let a = asset(bounded("100", Some("100")));
    let cases = [
        ("99", Status::BelowMinimum, "0.00000000"),
        ("100", Status::Eligible, "0.01000000"),
        ("101", Status::Capped, "0.01000000"),
    ];
    for (balance, status, reward) in cases {
        let day = day_from_balance(&a, d(balance)).unwrap();
        assert_eq!(day.status, status, "{balance}");
        assert_eq!(text(day.reward), reward, "{balance}");
    }
}

#[test]
fn dust_is_flagged_below_payout_precision() {
    // 0.00000001 × 0.05 ÷ 365 = 1.369…×10^-12 > 0, rounds down to 0.00000000.
    let a = asset(flat("0.05"));
    let day = day_from_balance(&a, d("0.00000001")).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(text(day.reward), "0.00000000");
    assert!(day.below_payout_precision);
}

#[test]
fn dust_boundary_at_one_payout_unit() {
    // apr 1: R = balance ÷ 365. 0.00000365 ÷ 365 = 0.00000001 exactly → paid, not flagged.
    let a = asset(flat("1"));
    let day = day_from_balance(&a, d("0.00000365")).unwrap();
    assert_eq!(text(day.reward), "0.00000001");
    assert!(!day.below_payout_precision);
    // 0.0000036499…9 ÷ 365 is a hair under 10^-8 → 0, flagged.
    let day = day_from_balance(&a, d("0.0000036499999999999999999999")).unwrap();
    assert_eq!(text(day.reward), "0.00000000");
    assert!(day.below_payout_precision);
}

#[test]
fn zero_balance_and_zero_apr_are_not_dust() {
    // R = 0 exactly: nothing to flag.
    let a = asset(flat("0.05"));
    let day = day_from_balance(&a, d("0")).unwrap();
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(text(day.reward), "0.00000000");
    assert!(!day.below_payout_precision);
    let a = asset(flat("0"));
    let day = day_from_balance(&a, d("123456.789")).unwrap();
    assert_eq!(text(day.reward), "0.00000000");
    assert!(!day.below_payout_precision);
}

#[test]
fn payout_decimals_zero_and_eighteen() {
    // 50 ÷ 365 = 10 ÷ 73 = 0.(13698630) repeating.
    let mut spec = flat("0.05");
    spec.payout_decimals = 0;
    let a = asset(spec.clone());
    let day = day_from_balance(&a, d("1000")).unwrap();
    assert_eq!(text(day.reward), "0");
    assert!(day.below_payout_precision);
    // 10000 × 0.05 ÷ 365 = 1.369… → 1.
    let day = day_from_balance(&a, d("10000")).unwrap();
    assert_eq!(text(day.reward), "1");
    assert!(!day.below_payout_precision);
    spec.payout_decimals = 18;
    let a = asset(spec);
    let day = day_from_balance(&a, d("1000")).unwrap();
    assert_eq!(text(day.reward), "0.136986301369863013");
}

#[test]
fn every_payout_decimals_truncates_not_rounds() {
    // 2 ÷ 3 × 0.365 ÷ 365 = 2 ÷ 3000 = 0.000666…: truncation keeps 6s only.
    for pd in 0..=18u32 {
        let mut spec = flat("0.365");
        spec.payout_decimals = pd;
        let a = asset(spec);
        let day = day_from_snapshots(&a, &ds(&["2", "0", "0"])).unwrap();
        let expected = if pd == 0 {
            "0".to_string()
        } else if pd <= 3 {
            format!("0.{}", "0".repeat(pd as usize))
        } else {
            format!("0.000{}", "6".repeat(pd as usize - 3))
        };
        assert_eq!(text(day.reward), expected, "payout_decimals {pd}");
        assert_eq!(day.below_payout_precision, pd <= 3, "payout_decimals {pd}");
    }
}
