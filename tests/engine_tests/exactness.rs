//! Exactness: the payout is the truncation of the exact rational reward; no
//! intermediate rounding (of the average, of E × apr, of a tier part, of a
//! compounded balance, of a total) changes a digit. Hand cases first, then
//! random and adversarial inputs against the exact reference.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;
use proptest::prelude::*;
use rust_decimal::Decimal;
use soft_staking::engine::{day_from_snapshots, project, Asset, AssetSpec, Status};

use super::generators::{asset_spec, balance, plain_balance, snapshots};
use super::reference::{self, pow10, rat};
use super::support::{asset, d, ds, flat, text, tiered};

fn pd18(spec: AssetSpec) -> AssetSpec {
    AssetSpec {
        payout_decimals: 18,
        ..spec
    }
}

#[test]
fn average_of_two_thirds_is_not_rounded() {
    // A = (2 + 0 + 0) ÷ 3 = 2/3; apr 1.095 = 3 × 0.365, so R = 2/3 × 1.095 ÷ 365
    // = 2/3 × 0.003 = 0.002 exactly. An average cut to 28 decimals
    // (0.666…6) would pay 0.001999999999999999.
    let a = asset(pd18(flat("1.095")));
    let day = day_from_snapshots(&a, &ds(&["2", "0", "0"])).unwrap();
    assert_eq!(text(day.reward), "0.002000000000000000");
    // A = 1/3 → R = 0.001 exactly.
    let day = day_from_snapshots(&a, &ds(&["1", "0", "0"])).unwrap();
    assert_eq!(text(day.reward), "0.001000000000000000");
}

#[test]
fn product_e_times_apr_beyond_28_digits_is_not_rounded() {
    // E = 7.2999999999999999999999999999 (29 digits), apr 0.05:
    // E × apr = 0.364999999999999999999999999995 (30 digits; 28-digit
    // arithmetic would round it to 0.365 and pay 0.001).
    // R = 0.364999…995 ÷ 365 = 0.000999999999999999999999999999986… → 0.000999999999999999.
    let a = asset(pd18(flat("0.05")));
    let day = day_from_snapshots(&a, &ds(&["7.2999999999999999999999999999"])).unwrap();
    assert_eq!(text(day.reward), "0.000999999999999999");
}

#[test]
fn tier_part_of_a_repeating_average_is_not_rounded() {
    // 0% up to 0.1, 109.5% above; A = 2/3: the part above is 2/3 − 1/10 = 17/30,
    // R = 17/30 × 1.095 ÷ 365 = 17/30 × 0.003 = 0.0017 exactly.
    let a = asset(pd18(tiered(&[(Some("0.1"), "0"), (None, "1.095")])));
    let day = day_from_snapshots(&a, &ds(&["2", "0", "0"])).unwrap();
    assert_eq!(text(day.reward), "0.001700000000000000");
}

#[test]
fn average_of_1440_snapshots() {
    // One snapshot of 1 among 1440: A = 1/1440 (repeating). apr 0.5256 = 1.44 × 0.365,
    // so R = 1/1440 × 0.5256 ÷ 365 = 1/1440 × 0.00144 = 0.000001 exactly.
    let a = asset(pd18(flat("0.5256")));
    let mut snaps = vec![Decimal::ZERO; 1439];
    snaps.push(d("1"));
    let day = day_from_snapshots(&a, &snaps).unwrap();
    assert_eq!(text(day.reward), "0.000001000000000000");
    assert!(!day.below_payout_precision);
}

#[test]
fn snapshot_sum_beyond_the_decimal_range() {
    // (7.9228162514264337593543950335 + 10^-28) ÷ 2 = 3.9614081257132168796771975168;
    // the sum alone has no Decimal. apr 0.73: R = A × 0.002 = 0.0079228162514264337593543950336
    // → 0.007922816251426433.
    let a = asset(pd18(flat("0.73")));
    let day = day_from_snapshots(
        &a,
        &ds(&[
            "7.9228162514264337593543950335",
            "0.0000000000000000000000000001",
        ]),
    )
    .unwrap();
    assert_eq!(text(day.reward), "0.007922816251426433");
    assert_eq!(day.average_balance, d("3.9614081257132168796771975168"));
}

#[test]
fn largest_balance_with_a_28_decimal_apr() {
    // E = 79228162514264337593543950335 (2^96 − 1), apr = 365 × 10^-28:
    // R = E × 10^-28 = 7.9228162514264337593543950335 → 7.922816251426433759.
    let a = asset(pd18(flat("0.0000000000000000000000000365")));
    let day = day_from_snapshots(&a, &ds(&["79228162514264337593543950335"])).unwrap();
    assert_eq!(text(day.reward), "7.922816251426433759");
}

#[test]
fn payout_too_large_for_a_decimal_is_an_error_not_a_panic() {
    // 79228162514264337593543950335 × 1 ÷ 365 ≈ 2.17×10^26: with 8 decimals it
    // needs a 35-digit mantissa, which no Decimal holds.
    let a = asset(flat("1"));
    let e = day_from_snapshots(&a, &ds(&["79228162514264337593543950335"])).unwrap_err();
    assert_eq!(e.field, "snapshots");
    // With 0 decimals it fits: ⌊(2^96 − 1) ÷ 365⌋ = 217063458943189966009709452.
    let a = asset(AssetSpec {
        payout_decimals: 0,
        ..flat("1")
    });
    let day = day_from_snapshots(&a, &ds(&["79228162514264337593543950335"])).unwrap();
    assert_eq!(text(day.reward), "217063458943189966009709452");
}

/// `shown` is `exact` rounded down at some scale that keeps 28 − (integer
/// digits) decimals or more: never above, and close.
fn shown_is_floor(shown: Decimal, exact: &BigRational) -> Result<(), String> {
    let shown_r = rat(shown);
    if shown_r > *exact {
        return Err(format!("shown {shown} is above the exact value {exact}"));
    }
    let digits = reference::integer_digits(exact).min(28);
    let ulp = BigRational::new(BigInt::from(1), pow10(28 - digits));
    if exact - &shown_r >= ulp {
        return Err(format!(
            "shown {shown} is too far below the exact value {exact}"
        ));
    }
    Ok(())
}

fn check_day(spec: &AssetSpec, snaps: &[Decimal]) -> Result<(), TestCaseError> {
    let a = Asset::new(spec.clone()).expect("generated specs are valid");
    let exact = reference::day_from_snapshots(spec, snaps);
    let pd = spec.payout_decimals;
    match day_from_snapshots(&a, snaps) {
        Ok(day) => {
            prop_assert!(
                reference::same(day.reward, &exact.payout),
                "payout {} but exact truncation is {}",
                day.reward,
                exact.payout
            );
            prop_assert_eq!(day.reward.scale(), pd);
            prop_assert_eq!(day.status, exact.status);
            prop_assert_eq!(day.below_payout_precision, exact.below_payout_precision());
            shown_is_floor(day.average_balance, &exact.balance).map_err(TestCaseError::fail)?;
            shown_is_floor(day.eligible_balance, &exact.eligible).map_err(TestCaseError::fail)?;
            match exact.status {
                Status::BelowMinimum => prop_assert!(day.eligible_balance.is_zero()),
                Status::Capped => prop_assert_eq!(Some(day.eligible_balance), spec.max_cap),
                Status::Eligible => prop_assert_eq!(day.eligible_balance, day.average_balance),
            }
        }
        Err(e) => prop_assert!(
            !reference::fits_at(&exact.payout, pd),
            "engine refused ({}) although the exact payout {} fits a Decimal",
            e,
            exact.payout
        ),
    }
    Ok(())
}

fn check_projection(
    spec: &AssetSpec,
    snaps: &[Decimal],
    days: u32,
    compound: bool,
) -> Result<(), TestCaseError> {
    let a = Asset::new(spec.clone()).expect("generated specs are valid");
    let exact = reference::project(spec, snaps, days, compound);
    let exact_total = reference::total(&exact);
    let pd = spec.payout_decimals;
    match project(&a, snaps, days, compound) {
        Ok(p) => {
            prop_assert_eq!(p.days.len(), days as usize);
            for (i, (got, want)) in p.days.iter().zip(&exact).enumerate() {
                prop_assert!(
                    reference::same(got.reward, &want.payout),
                    "day {}: payout {} but exact truncation is {}",
                    i + 1,
                    got.reward,
                    want.payout
                );
                prop_assert_eq!(got.status, want.status, "day {}", i + 1);
                prop_assert_eq!(got.day, i as u32 + 1);
                shown_is_floor(got.balance, &want.balance)
                    .map_err(|m| TestCaseError::fail(format!("day {}: {m}", i + 1)))?;
            }
            prop_assert!(
                reference::same(p.total_reward, &exact_total),
                "total {} but the exact sum of payouts is {}",
                p.total_reward,
                exact_total
            );
        }
        Err(e) => {
            let max = BigRational::from_integer(reference::max_mantissa());
            let payout_too_large = exact.iter().any(|d| !reference::fits_at(&d.payout, pd));
            let balance_too_large = exact.iter().any(|d| d.balance > max);
            let total_too_large = !reference::fits_at(&exact_total, pd);
            prop_assert!(
                payout_too_large || balance_too_large || total_too_large,
                "engine refused ({}) although every exact value fits a Decimal",
                e
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any asset (flat or tiered, any minimum, cap and precision) and any
    /// snapshots: the payout equals the reference's truncation.
    #[test]
    fn day_matches_the_exact_reference(spec in asset_spec(), snaps in snapshots()) {
        check_day(&spec, &snaps)?;
    }

    /// Repeating averages: n snapshots of which one holds a value, the rest 0.
    #[test]
    fn repeating_averages_match_the_reference(
        spec in asset_spec(),
        value in balance(),
        n in 2usize..=1440,
    ) {
        let mut snaps = vec![Decimal::ZERO; n - 1];
        snaps.push(value);
        check_day(&spec, &snaps)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Projections, simple and compounding, day by day and in total.
    #[test]
    fn projection_matches_the_exact_reference(
        spec in asset_spec(),
        snaps in prop::collection::vec(balance(), 1..=6),
        days in prop_oneof![1u32..=10, 1u32..=120],
        compound in any::<bool>(),
    ) {
        check_projection(&spec, &snaps, days, compound)?;
    }

    /// Compounding at 18 payout decimals on large everyday balances, where
    /// balances and totals outgrow 28 digits.
    #[test]
    fn compounding_at_18_decimals_matches_the_reference(
        closing in plain_balance(),
        apr in (0u32..=2000).prop_map(|m| Decimal::new(i64::from(m), 3)),
        days in 2u32..=60,
    ) {
        let spec = pd18(flat("0"));
        let spec = AssetSpec { rate: soft_staking::engine::Rate::Flat(apr), ..spec };
        check_projection(&spec, &[closing], days, true)?;
        check_projection(&spec, &[closing], days, false)?;
    }
}

#[test]
fn reference_self_check() {
    // The reference itself on the spec's example: 1000 × 0.05 ÷ 365 → 0.13698630.
    let spec = flat("0.05");
    let day = reference::day_from_snapshots(&spec, &ds(&["1000"]));
    assert!(reference::same(d("0.13698630"), &day.payout));
    assert!(!day.raw.is_zero());
}
