//! Proptest generators, ordinary and adversarial: decimals with up to 28
//! decimals and 29 significant digits, up to 1440 snapshots, several tiers,
//! payout decimals 0..=18.

use proptest::prelude::*;
use rust_decimal::Decimal;
use soft_staking::engine::{AssetSpec, Rate, Tier};

/// Largest `Decimal` mantissa, 2^96 − 1.
pub const MAX_MANTISSA: u128 = (1 << 96) - 1;

fn decimal(mantissa: u128, scale: u32) -> Decimal {
    Decimal::from_i128_with_scale(mantissa.min(MAX_MANTISSA) as i128, scale)
}

/// Any non-negative decimal: 1–29 significant digits, 0–28 decimals, with
/// adversarial shapes (all nines, powers of ten and their neighbours, the
/// largest mantissa).
pub fn any_decimal() -> impl Strategy<Value = Decimal> {
    let random = (1u32..=29, 0u32..=28)
        .prop_flat_map(|(digits, scale)| (0..10u128.pow(digits).min(MAX_MANTISSA + 1), Just(scale)))
        .prop_map(|(m, s)| decimal(m, s));
    let nines = (1u32..=28, 0u32..=28).prop_map(|(digits, s)| decimal(10u128.pow(digits) - 1, s));
    let pow10 = (0u32..=28, 0u32..=28, 0u8..3).prop_map(|(k, s, shift)| {
        let p = 10u128.pow(k);
        decimal(
            if shift == 0 {
                p - 1
            } else {
                p + u128::from(shift) - 1
            },
            s,
        )
    });
    let extreme = (0u32..=28, 0u128..1000).prop_map(|(s, below)| decimal(MAX_MANTISSA - below, s));
    prop_oneof![6 => random, 1 => nines, 1 => pow10, 1 => extreme]
}

/// A balance of everyday size (0 to 10^12) with up to 16 decimals.
pub fn plain_balance() -> impl Strategy<Value = Decimal> {
    (0u32..=16)
        .prop_flat_map(|scale| (0..=10u128.pow(12 + scale), Just(scale)))
        .prop_map(|(m, s)| decimal(m, s))
}

/// A balance: mostly everyday sizes, often adversarial (28 decimals, 29 digits).
pub fn balance() -> impl Strategy<Value = Decimal> {
    prop_oneof![1 => plain_balance(), 1 => any_decimal()]
}

/// An APR: mostly a fraction below 2 with up to 28 decimals, sometimes any decimal.
pub fn apr() -> impl Strategy<Value = Decimal> {
    let fraction = (0u32..=28)
        .prop_flat_map(|scale| (0..=2 * 10u128.pow(scale), Just(scale)))
        .prop_map(|(m, s)| decimal(m, s));
    prop_oneof![8 => fraction, 1 => any_decimal()]
}

/// Snapshot balances: 1–30 of them usually, up to 1440 sometimes; around a
/// common magnitude or fully random.
pub fn snapshots() -> impl Strategy<Value = Vec<Decimal>> {
    prop_oneof![
        6 => prop::collection::vec(balance(), 1..=30),
        1 => prop::collection::vec(balance(), 1400..=1440),
        1 => (balance(), 1usize..=1440).prop_map(|(b, n)| vec![b; n]),
    ]
}

/// 1–6 marginal tiers with strictly ascending bounds, the last unbounded.
pub fn tier_list() -> impl Strategy<Value = Vec<Tier>> {
    (
        prop::collection::btree_set(balance(), 0..=5),
        prop::collection::vec(apr(), 6),
    )
        .prop_map(|(bounds, aprs)| {
            let bounds: Vec<Decimal> = bounds.into_iter().filter(|b| !b.is_zero()).collect();
            // Sets compare by value: 1.0 and 1.00 are one element already.
            let mut tiers: Vec<Tier> = bounds
                .iter()
                .zip(&aprs)
                .map(|(b, apr)| Tier {
                    up_to: Some(*b),
                    apr: *apr,
                })
                .collect();
            tiers.push(Tier {
                up_to: None,
                apr: aprs[tiers.len()],
            });
            tiers
        })
}

/// A rate: flat or tiered.
pub fn rate() -> impl Strategy<Value = Rate> {
    prop_oneof![
        apr().prop_map(Rate::Flat),
        tier_list().prop_map(Rate::Tiered)
    ]
}

/// A valid asset spec: any rate, optional minimum and cap (drawn
/// independently, so the cap may be below the minimum),
/// payout decimals 0..=18, snapshots 1..=1440.
pub fn asset_spec() -> impl Strategy<Value = AssetSpec> {
    (
        rate(),
        prop::option::of(balance()),
        prop::option::of(balance()),
        0u32..=18,
        1u32..=1440,
    )
        .prop_map(|(rate, min, cap, payout_decimals, snapshots_per_day)| {
            let min_amount = min.unwrap_or(Decimal::ZERO);
            AssetSpec {
                symbol: "GEN".to_string(),
                name: None,
                rate,
                min_amount,
                max_cap: cap,
                payout_decimals,
                snapshots_per_day,
                price: None,
            }
        })
}
