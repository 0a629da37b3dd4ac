//! Projection over 1–3650 days: day 1 from its snapshots, every later day at
//! the closing balance of day 1 plus, when compounding, every earlier payout.

use rust_decimal::Decimal;

use super::asset::Asset;
use super::day::{day_from_exact, day_from_quick, day_from_snapshots, DayResult, Status};
use super::error::{EngineError, Result};
use super::exact::Exact;
use super::quick::QuickAsset;
use crate::engine::checked::CheckedOps;

/// Longest projection, in days (ten years).
pub const MAX_DAYS: u32 = 3650;

/// One day of a projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectedDay {
    /// 1-based day number.
    pub day: u32,
    /// The balance the day's rules apply to (day 1: the snapshot average).
    pub balance: Decimal,
    /// Status of that balance.
    pub status: Status,
    /// The balance that earns.
    pub eligible: Decimal,
    /// The day's payout.
    pub reward: Decimal,
}

/// A whole projection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Projection {
    /// Day 1 in full (status, average, flags).
    pub first_day: DayResult,
    /// Every day, in order.
    pub days: Vec<ProjectedDay>,
    /// Sum of all payouts.
    pub total_reward: Decimal,
}

impl Projection {
    /// Running totals of the payouts, one per day.
    pub fn cumulative(&self) -> impl Iterator<Item = Decimal> + '_ {
        self.days.iter().scan(Decimal::ZERO, |acc, d| {
            // Bounded by `total_reward`, which was summed with overflow checks.
            *acc = acc.add_checked(d.reward).unwrap_or(Decimal::MAX);
            Some(*acc)
        })
    }
}

/// Checks a horizon in days (1–3650).
pub fn check_days(days: u32) -> Result<()> {
    if (1..=MAX_DAYS).contains(&days) {
        Ok(())
    } else {
        Err(EngineError::new(
            "days",
            format!("must be an integer from 1 to {MAX_DAYS}"),
        ))
    }
}

/// Projects `days` days from day 1's `snapshots`, compounding or not.
pub fn project(
    asset: &Asset,
    snapshots: &[Decimal],
    days: u32,
    compound: bool,
) -> Result<Projection> {
    check_days(days)?;
    let first_day = day_from_snapshots(asset, snapshots)?;
    let closing = snapshots.last().copied().unwrap_or(Decimal::ZERO);
    let mut out = Vec::with_capacity(days as usize);
    out.push(ProjectedDay {
        day: 1,
        balance: first_day.average_balance,
        status: first_day.status,
        eligible: first_day.eligible_balance,
        reward: first_day.reward,
    });
    // `Decimal` addition silently rounds a sum that needs more than 28
    // digits, so the balance is kept as an exact fraction and the total as
    // an integer count of payout units (every payout has exactly
    // `payout_decimals` decimals).
    let mut total_units = payout_units(first_day.reward);
    let mut balance = Exact::of(closing);
    let mut held: Option<DayResult> = None;
    // Compounding changes the balance every day: the native-integer fast path
    // pays for its set-up after a few days.
    let quick = (compound && days > 3).then(|| QuickAsset::new(asset));
    for day in 2..=days {
        if compound {
            let last = out.last().map_or(Decimal::ZERO, |d| d.reward);
            balance = balance.checked_add_decimal(last).ok_or_else(too_large)?;
        }
        // Without compounding (or once payouts are zero) every later day holds
        // the same balance, so its result is computed once and reused.
        let reuse = held
            .as_ref()
            .filter(|_| !compound || out.last().is_some_and(|d| d.reward.is_zero()));
        let result = match (reuse, &quick) {
            (Some(r), _) => r.clone(),
            (None, Some(q)) => match day_from_quick(asset, q, balance) {
                Some(r) => r,
                None => day_from_exact(asset, balance).map_err(|e| on_day(day, e))?,
            },
            (None, None) => day_from_exact(asset, balance).map_err(|e| on_day(day, e))?,
        };
        total_units = total_units
            .checked_add(payout_units(result.reward))
            .ok_or_else(total_too_large)?;
        out.push(ProjectedDay {
            day,
            // The exact balance, rounded down to what a `Decimal` shows.
            balance: result.average_balance,
            status: result.status,
            eligible: result.eligible_balance,
            reward: result.reward,
        });
        held = Some(result);
    }
    let total_reward = i128::try_from(total_units)
        .ok()
        .and_then(|m| Decimal::try_from_i128_with_scale(m, asset.payout_decimals()).ok())
        .ok_or_else(total_too_large)?;
    Ok(Projection {
        first_day,
        days: out,
        total_reward,
    })
}

/// A payout in units of its last decimal (payouts are never negative and
/// always carry exactly the asset's payout decimals).
fn payout_units(payout: Decimal) -> u128 {
    payout.mantissa().unsigned_abs()
}

/// An error of a later day's estimate, reported on `days` (the field that
/// asked for that day), with the day it happened on.
fn on_day(day: u32, e: EngineError) -> EngineError {
    EngineError::new("days", format!("day {day}: {}", e.message))
}

fn too_large() -> EngineError {
    EngineError::new("days", "the projected balance is too large for a decimal")
}

fn total_too_large() -> EngineError {
    EngineError::new("days", "the total reward is too large for a decimal")
}
