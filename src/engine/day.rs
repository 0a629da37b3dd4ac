//! One day of soft staking: snapshot balances → average → status, eligible
//! balance and payout (steps 1–4 of the spec).

use rust_decimal::Decimal;

use super::asset::{check_balance, Asset};
use super::error::Result;
use super::exact::{self, Exact};
use super::quick::QuickAsset;

pub use super::exact::Status;

/// The outcome of one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayResult {
    /// Where the average falls against the minimum and the cap.
    pub status: Status,
    /// The average balance, rounded down to 28 decimals for display.
    pub average_balance: Decimal,
    /// The balance that earns (0, the cap or the average), for display.
    pub eligible_balance: Decimal,
    /// The payout: the exact reward rounded down to the payout decimals.
    pub reward: Decimal,
    /// The exact reward is positive but the payout is zero.
    pub below_payout_precision: bool,
}

/// One day from its snapshot balances (at least one, none negative).
pub fn day_from_snapshots(asset: &Asset, snapshots: &[Decimal]) -> Result<DayResult> {
    for (i, balance) in snapshots.iter().enumerate() {
        check_balance(&format!("snapshots[{i}]"), *balance)?;
    }
    let average = Exact::average(snapshots, "snapshots")?;
    result(asset, average, "snapshots")
}

/// One day during which `balance` is held at every snapshot.
pub fn day_from_balance(asset: &Asset, balance: Decimal) -> Result<DayResult> {
    check_balance("balance", balance)?;
    result(asset, Exact::of(balance), "balance")
}

/// One day during which the exact amount `balance` is held (a compounding
/// balance, which may carry more digits than a `Decimal`).
pub(crate) fn day_from_exact(asset: &Asset, balance: Exact) -> Result<DayResult> {
    result(asset, balance, "balance")
}

/// One day at a constant balance through the fast path, when it can answer
/// (the same result as [`day_from_exact`]; the test suite checks both agree).
pub(crate) fn day_from_quick(
    asset: &Asset,
    quick: &QuickAsset,
    balance: Exact,
) -> Option<DayResult> {
    let raw = balance.as_raw()?;
    let q = quick.payout(raw)?;
    let decimal = |m: u128, scale: u32| {
        Decimal::try_from_i128_with_scale(i128::try_from(m).ok()?, scale).ok()
    };
    let average = decimal(raw.mantissa, raw.scale)?;
    let eligible = match q.status {
        Status::BelowMinimum => Decimal::ZERO,
        Status::Capped => asset.max_cap()?,
        Status::Eligible => average,
    };
    Some(DayResult {
        status: q.status,
        average_balance: average.normalize(),
        eligible_balance: eligible.normalize(),
        reward: decimal(q.units, asset.payout_decimals())?,
        below_payout_precision: q.below_payout_precision,
    })
}

fn result(asset: &Asset, average: Exact, field: &str) -> Result<DayResult> {
    let r = exact::reward(asset, average, field)?;
    Ok(DayResult {
        status: r.status,
        average_balance: r.average.to_decimal_floor(),
        eligible_balance: r.eligible.to_decimal_floor(),
        reward: r.payout,
        below_payout_precision: r.below_payout_precision,
    })
}
