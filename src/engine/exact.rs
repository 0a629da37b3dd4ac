//! Exact reward arithmetic. A day's average balance is kept as the fraction
//! `sum ÷ (n × 10^s)` and the reward as one integer numerator over a known
//! denominator, so the payout is a single floor division of exact integers:
//! no intermediate value is ever rounded.
//!
//! Width bound: balances and APRs are `Decimal`s (mantissa < 2^96, scale ≤ 28),
//! so at a common scale each is < 2^96 × 10^28 < 2^190; a sum of 86,400
//! snapshots (the CLI's limit) is < 2^207; times an APR numerator (< 2^190),
//! summed over ≤ 32 tiers (2^5), times 10^18 for the payout digits (< 2^60),
//! stays < 2^462 < 2^512.
//! Every step is checked anyway: overflow is an error, never a wrong digit.

use rust_decimal::Decimal;

use super::asset::{Asset, Rate};
use super::error::{EngineError, Result};
use super::wide::Wide;

/// Days in the APR year.
const DAYS_PER_YEAR: u32 = 365;
/// Largest scale a `Decimal` can carry.
const MAX_SCALE: u32 = 28;
/// Largest `Decimal` mantissa (2^96 − 1).
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// A non-negative exact amount `num ÷ (count × 10^scale)`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Exact {
    num: Wide,
    count: u32,
    scale: u32,
}

/// Where the average balance falls against the minimum and the cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Average below `min_amount`: nothing is earned.
    BelowMinimum,
    /// Average above `max_cap`: only the cap earns.
    Capped,
    /// The whole average earns.
    Eligible,
}

impl Status {
    /// The contract name: `below_minimum`, `capped` or `eligible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::BelowMinimum => "below_minimum",
            Status::Capped => "capped",
            Status::Eligible => "eligible",
        }
    }
}

/// The exact outcome of applying steps 2–4 of the spec to one day's average.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ExactReward {
    pub status: Status,
    pub average: Exact,
    pub eligible: Exact,
    /// The payout, rounded down to the asset's payout decimals.
    pub payout: Decimal,
    /// The raw reward is positive but rounds down to zero.
    pub below_payout_precision: bool,
}

fn overflow(field: &str) -> EngineError {
    EngineError::new(field, "value too large to compute exactly")
}

fn decimal_num(d: Decimal) -> Wide {
    // Callers only pass validated, non-negative decimals.
    Wide::from_u128(d.mantissa().unsigned_abs())
}

impl Exact {
    /// The exact average of non-negative `values` (at least one).
    pub fn average(values: &[Decimal], field: &str) -> Result<Exact> {
        let count = u32::try_from(values.len()).map_err(|_| overflow(field))?;
        if count == 0 {
            return Err(EngineError::new(field, "needs at least one balance"));
        }
        let scale = values.iter().map(|v| v.scale()).max().unwrap_or(0);
        let mut num = Wide::ZERO;
        for v in values {
            let term = decimal_num(*v)
                .checked_mul_pow10(scale - v.scale())
                .ok_or_else(|| overflow(field))?;
            num = num.checked_add(&term).ok_or_else(|| overflow(field))?;
        }
        Ok(Exact { num, count, scale })
    }

    /// A single decimal, exactly.
    pub fn of(value: Decimal) -> Exact {
        Exact {
            num: decimal_num(value),
            count: 1,
            scale: value.scale(),
        }
    }

    /// The value as a plain mantissa and scale, when it is a single decimal
    /// (not an average) whose digits fit in 128 bits.
    pub fn as_raw(&self) -> Option<super::quick::RawAmount> {
        if self.count != 1 {
            return None;
        }
        Some(super::quick::RawAmount {
            mantissa: self.num.to_u128()?,
            scale: self.scale,
        })
    }

    /// `self + d`, exactly (a compounding balance collecting payouts can
    /// carry more digits than a `Decimal` holds), or `None` when the whole
    /// part no longer fits a `Decimal`.
    pub fn checked_add_decimal(&self, d: Decimal) -> Option<Exact> {
        let scale = self.scale.max(d.scale());
        let own = self.num.checked_mul_pow10(scale - self.scale)?;
        let added = decimal_num(d)
            .checked_mul_pow10(scale - d.scale())?
            .checked_mul_small(self.count)?;
        let num = own.checked_add(&added)?;
        let whole = num.div_rem_small(self.count)?.0.div_pow10(scale);
        (whole <= Wide::from_u128(MAX_MANTISSA)).then_some(Exact {
            num,
            count: self.count,
            scale,
        })
    }

    /// The same value with its numerator brought to `scale` (≥ its own).
    fn rescaled(&self, scale: u32, field: &str) -> Result<Exact> {
        let num = self
            .num
            .checked_mul_pow10(scale - self.scale)
            .ok_or_else(|| overflow(field))?;
        Ok(Exact {
            num,
            count: self.count,
            scale,
        })
    }

    /// `d` in this value's units (`count × 10^scale` per token); needs
    /// `d.scale() ≤ self.scale`.
    fn units_of(&self, d: Decimal, field: &str) -> Result<Wide> {
        decimal_num(d)
            .checked_mul_pow10(self.scale - d.scale())
            .and_then(|w| w.checked_mul_small(self.count))
            .ok_or_else(|| overflow(field))
    }

    /// The value rounded down to the finest decimal that a `Decimal` holds
    /// (exact whenever it terminates within 28 decimals), trailing zeros removed.
    pub fn to_decimal_floor(self) -> Decimal {
        // A Decimal mantissa has at most 29 digits, so the integer part's
        // digit count fixes the finest scale worth trying (at most two tries).
        let whole = self
            .num
            .div_rem_small(self.count)
            .map(|(q, _)| q.div_pow10(self.scale))
            .unwrap_or(Wide::ZERO);
        let first = MAX_SCALE.min(29u32.saturating_sub(whole.decimal_digits()));
        for scale in (0..=first).rev() {
            let Some(scaled) = self.num.checked_mul_pow10(scale) else {
                continue;
            };
            let Some((q, _)) = scaled.div_rem_small(self.count) else {
                continue;
            };
            let q = q.div_pow10(self.scale);
            if let Some(m) = q.to_u128().and_then(|m| i128::try_from(m).ok()) {
                if let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) {
                    return d.normalize();
                }
            }
        }
        // Unreachable for values built from Decimals (they fit at scale 0).
        Decimal::MAX
    }
}

/// Applies status, eligibility, rate and rounding (steps 2–4) to `average`.
pub(crate) fn reward(asset: &Asset, average: Exact, field: &str) -> Result<ExactReward> {
    let scale = average.scale.max(asset.threshold_scale());
    let avg = average.rescaled(scale, field)?;
    let min_units = avg.units_of(asset.min_amount(), "min_amount")?;
    let (status, eligible_num) = if avg.num < min_units {
        (Status::BelowMinimum, Wide::ZERO)
    } else {
        match asset.max_cap() {
            Some(cap) => {
                let cap_units = avg.units_of(cap, "max_cap")?;
                if avg.num > cap_units {
                    (Status::Capped, cap_units)
                } else {
                    (Status::Eligible, avg.num)
                }
            }
            None => (Status::Eligible, avg.num),
        }
    };
    let eligible = Exact {
        num: eligible_num,
        ..avg
    };
    // Reward numerator over `count × 10^(scale + apr_scale) × 365`.
    let (reward_num, apr_scale) = rate_numerator(asset.rate(), &eligible, field)?;
    let pd = asset.payout_decimals();
    let payout_units = reward_num
        .checked_mul_pow10(pd)
        .and_then(|x| x.div_rem_small(eligible.count))
        .and_then(|(x, _)| x.div_rem_small(DAYS_PER_YEAR))
        .map(|(x, _)| x.div_pow10(scale + apr_scale))
        .ok_or_else(|| overflow(field))?;
    let payout = payout_units
        .to_u128()
        .and_then(|m| i128::try_from(m).ok())
        .and_then(|m| Decimal::try_from_i128_with_scale(m, pd).ok())
        .ok_or_else(|| EngineError::new(field, "reward too large for a decimal payout"))?;
    Ok(ExactReward {
        status,
        average,
        eligible,
        payout,
        below_payout_precision: !reward_num.is_zero() && payout_units.is_zero(),
    })
}

/// `E × apr` (flat) or `Σ part_i × apr_i` (tiers) as an integer numerator,
/// with the common APR scale it is expressed at.
fn rate_numerator(rate: &Rate, eligible: &Exact, field: &str) -> Result<(Wide, u32)> {
    match rate {
        Rate::Flat(apr) => {
            let num = eligible
                .num
                .checked_mul(&decimal_num(*apr))
                .ok_or_else(|| overflow(field))?;
            Ok((num, apr.scale()))
        }
        Rate::Tiered(tiers) => {
            let apr_scale = tiers.iter().map(|t| t.apr.scale()).max().unwrap_or(0);
            let mut total = Wide::ZERO;
            let mut lower = Wide::ZERO;
            for tier in tiers {
                if eligible.num <= lower {
                    break;
                }
                let upper = match tier.up_to {
                    Some(bound) => eligible.units_of(bound, field)?,
                    None => eligible.num,
                };
                let top = upper.min(eligible.num);
                let part = top.checked_sub(&lower).unwrap_or(Wide::ZERO);
                let apr = decimal_num(tier.apr)
                    .checked_mul_pow10(apr_scale - tier.apr.scale())
                    .ok_or_else(|| overflow(field))?;
                let term = part.checked_mul(&apr).ok_or_else(|| overflow(field))?;
                total = total.checked_add(&term).ok_or_else(|| overflow(field))?;
                lower = upper;
            }
            Ok((total, apr_scale))
        }
    }
}
