//! The constant-balance fast path (`engine::quick`) and the cohort totals
//! built on it: same digits as the general path and the exact reference.

use proptest::prelude::*;
use rust_decimal::Decimal;
use soft_staking::config::decimal::parse_decimal;
use soft_staking::engine::cohort::{Cohort, Side};
use soft_staking::engine::quick::{parse_raw_amount, QuickAsset, RawAmount};
use soft_staking::engine::{day_from_balance, Asset, AssetSpec, Status};

use super::generators::{asset_spec, balance, plain_balance};
use super::reference::{self, floor_units, rat};
use super::support::{asset, d, flat};

fn raw(value: Decimal) -> RawAmount {
    RawAmount {
        mantissa: value.mantissa().unsigned_abs(),
        scale: value.scale(),
    }
}

#[test]
fn fast_path_answers_the_worked_example() {
    // 1000 × 0.05 ÷ 365 = 0.13698630… → 13698630 units of 10^-8.
    let q = QuickAsset::new(&asset(flat("0.05")));
    let p = q
        .payout(raw(d("1000")))
        .expect("ordinary balances take the fast path");
    assert_eq!(p.units, 13_698_630);
    assert_eq!(p.status, Status::Eligible);
    assert!(!p.below_payout_precision);
    // Dust: 0.00000001 × 0.05 ÷ 365 → 0 units, flagged.
    let p = q.payout(raw(d("0.00000001"))).unwrap();
    assert_eq!(p.units, 0);
    assert!(p.below_payout_precision);
}

#[test]
fn raw_amounts_parse_like_contract_decimals() {
    assert_eq!(
        parse_raw_amount(b"1000.50"),
        Some(RawAmount {
            mantissa: 100_050,
            scale: 2
        })
    );
    for bad in [&b""[..], b".", b"-1", b"1e5", b"1,000", b"1.2.3", b" 1"] {
        assert_eq!(
            parse_raw_amount(bad),
            None,
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    // 2^96 does not fit a Decimal mantissa.
    assert_eq!(parse_raw_amount(b"79228162514264337593543950336"), None);
    assert!(parse_raw_amount(b"79228162514264337593543950335").is_some());
    // 29 decimals: more than a Decimal carries.
    assert_eq!(parse_raw_amount(b"0.00000000000000000000000000001"), None);
}

#[test]
fn cohort_totals_before_and_after() {
    // BNB: min 0.5, cap 1000. Before 5%, after 10%.
    // Holdings 1000 (eligible), 0.4 (below minimum), 2000 (capped at 1000).
    // Before: 1000 × 0.05 ÷ 365 → 0.13698630, twice (the cap pays like 1000) = 0.27397260.
    // After: 1000 × 0.1 ÷ 365 = 0.273972602… → 0.27397260, twice = 0.54794520.
    let spec = |apr: &str| AssetSpec {
        symbol: "BNB".into(),
        min_amount: d("0.5"),
        max_cap: Some(d("1000")),
        ..flat(apr)
    };
    let mut cohort = Cohort::new(vec![(asset(spec("0.05")), asset(spec("0.1")))]);
    let i = cohort.lookup(b"BNB").unwrap();
    assert_eq!(cohort.lookup(b"SOL"), None);
    for b in ["1000", "0.4", "2000"] {
        cohort.add(i, raw(d(b)));
    }
    let t = &cohort.tallies()[i];
    assert_eq!(t.holdings, 3);
    assert_eq!(t.total(Side::Before), Some(d("0.27397260")));
    assert_eq!(t.total(Side::After), Some(d("0.54794520")));
    for side in 0..2 {
        assert_eq!(t.sides[side].below_minimum, 1);
        assert_eq!(t.sides[side].capped, 1);
        assert_eq!(t.sides[side].below_payout_precision, 0);
    }
    assert!(!cohort.overflowed());
}

fn check_fast_path(spec: &AssetSpec, b: Decimal) -> Result<(), TestCaseError> {
    let a = Asset::new(spec.clone()).expect("generated specs are valid");
    let q = QuickAsset::new(&a);
    let Some(fast) = q.payout(raw(b)) else {
        return Ok(());
    };
    let exact = reference::day(spec, &rat(b));
    let want_units = floor_units(&exact.raw, spec.payout_decimals);
    prop_assert_eq!(
        num_bigint::BigInt::from(fast.units),
        want_units,
        "balance {}",
        b
    );
    prop_assert_eq!(fast.status, exact.status);
    prop_assert_eq!(fast.below_payout_precision, exact.below_payout_precision());
    if let Ok(general) = day_from_balance(&a, b) {
        prop_assert_eq!(general.reward.mantissa().unsigned_abs(), fast.units);
        prop_assert_eq!(general.status, fast.status);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Whenever the fast path answers, it answers the exact truncation.
    #[test]
    fn fast_path_matches_the_exact_reference(spec in asset_spec(), b in balance()) {
        check_fast_path(&spec, b)?;
    }

    /// Everyday balances with a short APR always take the fast path.
    #[test]
    fn fast_path_answers_everyday_balances(
        b in plain_balance(),
        apr_millis in 0i64..=500,
        payout_decimals in 0u32..=18,
    ) {
        let spec = AssetSpec { payout_decimals, ..AssetSpec::flat("E", Decimal::new(apr_millis, 3)) };
        let q = QuickAsset::new(&Asset::new(spec.clone()).unwrap());
        prop_assert!(q.payout(raw(b)).is_some(), "no fast answer for {}", b);
        check_fast_path(&spec, b)?;
    }

    /// The allocation-free parser reads what the strict parser reads.
    #[test]
    fn raw_parser_agrees_with_the_strict_parser(b in balance()) {
        let text = b.to_string();
        let strict = parse_decimal(&text).unwrap();
        prop_assert_eq!(parse_raw_amount(text.as_bytes()), Some(raw(strict)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Compounding projections take the fast path from day 2 on; every field
    /// of every day must equal the general path applied to the same balance
    /// (closing balance plus the payouts so far, summed exactly here).
    #[test]
    fn compounding_days_match_the_general_path(spec in asset_spec(), opening in plain_balance()) {
        let asset = Asset::new(spec).unwrap();
        let Ok(projection) = soft_staking::engine::project(&asset, &[opening], 8, true) else {
            return Ok(());
        };
        let mut held = opening;
        for day in &projection.days[1..] {
            let payout = projection.days[day.day as usize - 2].reward;
            let sum = held.checked_add(payout).unwrap();
            // A Decimal sum that needed more than 28 digits was rounded: the
            // engine keeps it exact, so this comparison stops there.
            if sum.scale() < held.scale().max(payout.scale()) {
                break;
            }
            held = sum;
            let general = day_from_balance(&asset, held).unwrap();
            prop_assert_eq!(day.balance, general.average_balance, "day {}", day.day);
            prop_assert_eq!(day.status, general.status, "day {}", day.day);
            prop_assert_eq!(day.eligible, general.eligible_balance, "day {}", day.day);
            prop_assert_eq!(day.reward, general.reward, "day {}", day.day);
        }
    }
}
