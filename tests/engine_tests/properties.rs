//! Invariants over random inputs: monotone in the balance, bounded by the
//! cap, compounding ≥ simple, tiers continuous at their bounds, symmetric in
//! the snapshot order.

use num_rational::BigRational;
use num_traits::Signed;
use proptest::prelude::*;
use rust_decimal::Decimal;
use soft_staking::engine::{
    day_from_balance, day_from_snapshots, project, Asset, AssetSpec, Rate, Status, Tier,
};

use super::generators::{apr, asset_spec, balance, plain_balance, tier_list};
use super::reference::{self, pow10, rat};

fn build(spec: &AssetSpec) -> Asset {
    Asset::new(spec.clone()).expect("generated specs are valid")
}

/// A random (non-zero) tier bound of `tiers`, if any.
fn bounds(tiers: &[Tier]) -> Vec<Decimal> {
    tiers.iter().filter_map(|t| t.up_to).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// More balance never pays less (and never turns a computable payout into an error).
    #[test]
    fn payout_never_decreases_when_the_balance_grows(
        spec in asset_spec(),
        x in balance(),
        y in balance(),
    ) {
        let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
        let a = build(&spec);
        match (day_from_balance(&a, lo), day_from_balance(&a, hi)) {
            (Ok(l), Ok(h)) => prop_assert!(l.reward <= h.reward, "{} at {} > {} at {}", l.reward, lo, h.reward, hi),
            (Ok(_), Err(_)) | (Err(_), Err(_)) => {}
            (Err(e), Ok(h)) => prop_assert!(false, "{} refused ({}) but larger {} pays {}", lo, e, hi, h.reward),
        }
    }

    /// With a cap, no balance pays more than the cap itself; above the cap
    /// every balance pays exactly what the cap pays.
    #[test]
    fn payout_never_exceeds_the_capped_value(
        spec in asset_spec(),
        cap in balance(),
        b in balance(),
    ) {
        let spec = AssetSpec { max_cap: Some(cap.max(spec.min_amount)), ..spec };
        let cap = spec.max_cap.unwrap();
        let a = build(&spec);
        let (Ok(at_cap), Ok(day)) = (day_from_balance(&a, cap), day_from_balance(&a, b)) else {
            return Ok(());
        };
        prop_assert!(day.reward <= at_cap.reward);
        prop_assert!(day.eligible_balance <= cap);
        if b > cap {
            prop_assert_eq!(day.status, Status::Capped);
            prop_assert_eq!(day.reward, at_cap.reward);
            prop_assert_eq!(day.eligible_balance, cap);
        } else {
            prop_assert_ne!(day.status, Status::Capped);
        }
    }

    /// Compounding pays at least the simple payout every day, so in total.
    #[test]
    fn compounding_never_pays_less_than_simple(
        spec in asset_spec(),
        snaps in prop::collection::vec(balance(), 1..=4),
        days in 1u32..=90,
    ) {
        let a = build(&spec);
        let (Ok(c), Ok(s)) = (project(&a, &snaps, days, true), project(&a, &snaps, days, false)) else {
            return Ok(());
        };
        for (cd, sd) in c.days.iter().zip(&s.days) {
            prop_assert!(cd.reward >= sd.reward, "day {}: {} < {}", cd.day, cd.reward, sd.reward);
            prop_assert!(cd.balance >= sd.balance);
        }
        prop_assert!(c.total_reward >= s.total_reward);
        prop_assert_eq!(&c.first_day, &s.first_day);
    }

    /// At each tier bound u, moving the balance by ε moves the exact reward by
    /// at most ε × (largest APR) ÷ 365, so the payout moves by at most that
    /// plus one payout unit: no jump at a bound.
    #[test]
    fn tiers_are_continuous_at_their_bounds(
        tiers in tier_list(),
        pick in any::<prop::sample::Index>(),
        eps_scale in 0u32..=28,
        payout_decimals in 0u32..=18,
    ) {
        let b = bounds(&tiers);
        prop_assume!(!b.is_empty());
        let u = b[pick.index(b.len())];
        let max_apr = tiers.iter().map(|t| t.apr).max().unwrap();
        let spec = AssetSpec {
            rate: Rate::Tiered(tiers),
            payout_decimals,
            ..AssetSpec::flat("TIER", Decimal::ZERO)
        };
        let a = build(&spec);
        let eps = Decimal::new(1, eps_scale);
        let Ok(at) = day_from_balance(&a, u) else { return Ok(()) };
        let unit = BigRational::new(1.into(), pow10(payout_decimals));
        // Decimal arithmetic may round u ± ε, so the slack uses the real distance.
        let slack = |x: Decimal| (rat(x) - rat(u)).abs() * rat(max_apr) / reference::int(365) + &unit;
        let zero = BigRational::from_integer(0.into());
        if let Some(x) = u.checked_add(eps) {
            if let Ok(above) = day_from_balance(&a, x) {
                let diff = rat(above.reward) - rat(at.reward);
                prop_assert!(diff >= zero);
                prop_assert!(diff <= slack(x), "jump above {}: {} → {}", u, at.reward, above.reward);
            }
        }
        if eps <= u {
            let x = u - eps;
            let below = day_from_balance(&a, x).unwrap();
            let diff = rat(at.reward) - rat(below.reward);
            prop_assert!(diff >= zero);
            prop_assert!(diff <= slack(x), "jump below {}: {} → {}", u, below.reward, at.reward);
        }
    }

    /// Splitting one rate into two tiers of the same APR at any bound changes
    /// nothing: the tier parts add up exactly.
    #[test]
    fn equal_rate_tiers_equal_a_flat_rate(
        rate in apr(),
        split in prop::collection::btree_set(balance(), 1..=4),
        b in balance(),
        payout_decimals in 0u32..=18,
    ) {
        let mut tiers: Vec<Tier> = split
            .into_iter()
            .filter(|u| !u.is_zero())
            .map(|u| Tier { up_to: Some(u), apr: rate })
            .collect();
        tiers.push(Tier { up_to: None, apr: rate });
        let flat = AssetSpec { payout_decimals, ..AssetSpec::flat("ONE", rate) };
        let tiered = AssetSpec { rate: Rate::Tiered(tiers), ..flat.clone() };
        let f = day_from_balance(&build(&flat), b).map(|d| d.reward).ok();
        let t = day_from_balance(&build(&tiered), b).map(|d| d.reward).ok();
        prop_assert_eq!(f, t);
    }

    /// The order of the snapshots does not matter, and a balance held at
    /// every snapshot is the same as that balance held all day.
    #[test]
    fn snapshot_order_does_not_matter(
        spec in asset_spec(),
        snaps in prop::collection::vec(balance(), 1..=40),
        n in 1usize..=1440,
    ) {
        let a = build(&spec);
        let mut reversed = snaps.clone();
        reversed.reverse();
        let mut rotated = snaps.clone();
        rotated.rotate_left(snaps.len() / 2);
        let forward = day_from_snapshots(&a, &snaps).map(|d| d.reward).ok();
        prop_assert_eq!(&forward, &day_from_snapshots(&a, &reversed).map(|d| d.reward).ok());
        prop_assert_eq!(&forward, &day_from_snapshots(&a, &rotated).map(|d| d.reward).ok());
        let held = day_from_balance(&a, snaps[0]);
        let repeated = day_from_snapshots(&a, &vec![snaps[0]; n]);
        match (held, repeated) {
            (Ok(h), Ok(r)) => {
                prop_assert_eq!(h.reward, r.reward);
                prop_assert_eq!(h.status, r.status);
                prop_assert_eq!(h.below_payout_precision, r.below_payout_precision);
            }
            (Err(_), Err(_)) => {}
            (h, r) => prop_assert!(false, "held {:?} vs repeated {:?}", h, r),
        }
    }

    /// The payout is never above the exact reward and less than one payout
    /// unit below it (everyday balances, any rate).
    #[test]
    fn payout_is_within_one_unit_below_the_exact_reward(
        rate in prop_oneof![apr().prop_map(Rate::Flat), tier_list().prop_map(Rate::Tiered)],
        b in plain_balance(),
        payout_decimals in 0u32..=18,
    ) {
        let spec = AssetSpec { rate, payout_decimals, ..AssetSpec::flat("P", Decimal::ZERO) };
        let Ok(day) = day_from_balance(&build(&spec), b) else { return Ok(()) };
        let exact = reference::raw_reward(&spec.rate, &rat(b));
        let unit = BigRational::new(1.into(), pow10(payout_decimals));
        prop_assert!(rat(day.reward) <= exact);
        prop_assert!(exact - rat(day.reward) < unit);
    }
}
