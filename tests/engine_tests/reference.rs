//! An independent, exact reference implementation of the spec's formulas
//! (section 2), on big-integer rationals. It reads only the plain data of an
//! `AssetSpec` and never calls the engine, so it can check the engine's digits.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;
use soft_staking::engine::{AssetSpec, Rate, Status};

/// Largest `Decimal` mantissa, 2^96 − 1.
pub fn max_mantissa() -> BigInt {
    (BigInt::one() << 96u32) - 1
}

/// 10^n.
pub fn pow10(n: u32) -> BigInt {
    BigInt::from(10u32).pow(n)
}

/// The exact value of a decimal.
pub fn rat(value: Decimal) -> BigRational {
    BigRational::new(BigInt::from(value.mantissa()), pow10(value.scale()))
}

/// An integer as a rational.
pub fn int(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

/// ⌊r × 10^decimals⌋: the payout in units of 10^-decimals.
pub fn floor_units(r: &BigRational, decimals: u32) -> BigInt {
    (r * BigRational::from_integer(pow10(decimals)))
        .floor()
        .to_integer()
}

/// r rounded down to `decimals` decimals.
pub fn floor_to(r: &BigRational, decimals: u32) -> BigRational {
    BigRational::new(floor_units(r, decimals), pow10(decimals))
}

/// True when `value` is exactly `r` (same number, any scale).
pub fn same(value: Decimal, r: &BigRational) -> bool {
    rat(value) == *r
}

/// True when the exact value `r` can be written as a `Decimal` with exactly
/// `decimals` decimals (a payout or total that the engine can return).
pub fn fits_at(r: &BigRational, decimals: u32) -> bool {
    let scaled = r * BigRational::from_integer(pow10(decimals));
    scaled.is_integer() && !scaled.is_negative() && scaled.to_integer() <= max_mantissa()
}

/// Number of decimal digits of ⌊r⌋ (0 when r < 1).
pub fn integer_digits(r: &BigRational) -> u32 {
    let whole = r.floor().to_integer();
    if whole.is_zero() {
        0
    } else {
        whole.to_string().len() as u32
    }
}

/// Step 1: the exact average of the snapshot balances.
pub fn average(snapshots: &[Decimal]) -> BigRational {
    let sum = snapshots
        .iter()
        .fold(BigRational::zero(), |acc, b| acc + rat(*b));
    sum / int(snapshots.len() as i64)
}

/// The exact outcome of steps 2–4 for one day.
#[derive(Clone, Debug, PartialEq)]
pub struct RefDay {
    /// The balance the rules were applied to (day 1: the average).
    pub balance: BigRational,
    pub status: Status,
    pub eligible: BigRational,
    /// R, the exact raw reward.
    pub raw: BigRational,
    /// P = R rounded down to `payout_decimals`.
    pub payout: BigRational,
}

impl RefDay {
    /// R > 0 with P = 0.
    pub fn below_payout_precision(&self) -> bool {
        self.raw.is_positive() && self.payout.is_zero()
    }
}

/// Step 3: R = Σ (part of E inside tier) × tier apr ÷ 365, or E × apr ÷ 365.
pub fn raw_reward(rate: &Rate, eligible: &BigRational) -> BigRational {
    let year = int(365);
    match rate {
        Rate::Flat(apr) => eligible * rat(*apr) / year,
        Rate::Tiered(tiers) => {
            let mut sum = BigRational::zero();
            let mut lower = BigRational::zero();
            for tier in tiers {
                let upper = tier.up_to.map(rat);
                let top = match &upper {
                    Some(u) if u < eligible => u.clone(),
                    _ => eligible.clone(),
                };
                if top > lower {
                    sum += (&top - &lower) * rat(tier.apr);
                }
                match upper {
                    Some(u) => lower = u,
                    None => break,
                }
            }
            sum / year
        }
    }
}

/// Steps 2–4 applied to `balance` (an average or a held balance).
pub fn day(spec: &AssetSpec, balance: &BigRational) -> RefDay {
    let min = rat(spec.min_amount);
    let (status, eligible) = if *balance < min {
        (Status::BelowMinimum, BigRational::zero())
    } else {
        match spec.max_cap.map(rat) {
            Some(cap) if *balance > cap => (Status::Capped, cap),
            _ => (Status::Eligible, balance.clone()),
        }
    };
    let raw = raw_reward(&spec.rate, &eligible);
    let payout = floor_to(&raw, spec.payout_decimals);
    RefDay {
        balance: balance.clone(),
        status,
        eligible,
        raw,
        payout,
    }
}

/// One day from snapshot balances.
pub fn day_from_snapshots(spec: &AssetSpec, snapshots: &[Decimal]) -> RefDay {
    day(spec, &average(snapshots))
}

/// A projection over `days` days (spec: "Projection over D days").
pub fn project(spec: &AssetSpec, snapshots: &[Decimal], days: u32, compound: bool) -> Vec<RefDay> {
    let mut out = vec![day_from_snapshots(spec, snapshots)];
    let closing = rat(*snapshots.last().expect("at least one snapshot"));
    let mut balance = closing;
    for _ in 2..=days {
        if compound {
            balance += &out.last().expect("day 1 exists").payout;
        }
        out.push(day(spec, &balance));
    }
    out
}

/// Sum of the payouts of a projection.
pub fn total(days: &[RefDay]) -> BigRational {
    days.iter()
        .fold(BigRational::zero(), |acc, d| acc + &d.payout)
}

/// Second of snapshot `i` of `n`: ⌊i × 86400 ÷ n⌋, in big integers.
pub fn snapshot_second(i: u32, n: u32) -> u32 {
    let s = BigInt::from(i) * BigInt::from(86_400u32) / BigInt::from(n);
    s.to_string().parse().expect("fits a u32")
}

/// The balances seen by the `n` snapshots of a day: the latest change with
/// `at ≤ t` (ties: the later in the list), else the opening balance.
/// `changes` are `(seconds after 00:00, balance)` in list order.
pub fn timeline_balances(opening: Decimal, changes: &[(u32, Decimal)], n: u32) -> Vec<Decimal> {
    (0..n)
        .map(|i| {
            let t = snapshot_second(i, n);
            let mut best: Option<(u32, Decimal)> = None;
            for &(at, balance) in changes {
                if at <= t && best.is_none_or(|(b, _)| at >= b) {
                    best = Some((at, balance));
                }
            }
            best.map_or(opening, |(_, b)| b)
        })
        .collect()
}

/// (1 + apr ÷ 365)^365 − 1, exactly.
pub fn apy(apr: Decimal) -> BigRational {
    let daily = BigRational::one() + rat(apr) / int(365);
    daily.pow(365) - BigRational::one()
}

/// r rounded half away from zero to `decimals` decimals (r ≥ 0).
pub fn round_half_up(r: &BigRational, decimals: u32) -> BigRational {
    let half = BigRational::new(BigInt::one(), BigInt::from(2u32));
    let scaled = r * BigRational::from_integer(pow10(decimals)) + half;
    BigRational::new(scaled.floor().to_integer(), pow10(decimals))
}
