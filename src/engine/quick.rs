//! A fast path for the common case "one balance held all day" (cohorts,
//! projections): the same exact rule as [`day_from_balance`](super::day_from_balance),
//! precompiled per asset into native 128/64-bit integer arithmetic.
//!
//! Exactness is kept by construction: every product and scaling is checked,
//! and whenever a value would not fit, [`QuickAsset::payout`] answers `None`
//! and the caller uses the general 512-bit path. Both must agree to the digit;
//! the test suite checks that on random inputs.

use super::asset::{Asset, Rate};
use super::day::Status;

/// Largest scale a `Decimal` carries.
const MAX_SCALE: usize = 28;

/// A balance as an integer mantissa and a decimal scale: `mantissa ÷ 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawAmount {
    /// Digits without the point.
    pub mantissa: u128,
    /// Number of decimals.
    pub scale: u32,
}

/// The outcome of one day at a constant balance, in payout units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickPayout {
    /// Minimum / cap / eligible.
    pub status: Status,
    /// Payout in units of 10^-payout_decimals.
    pub units: u128,
    /// The exact reward is positive but the payout is zero.
    pub below_payout_precision: bool,
}

/// One tier bound and APR at a given scale.
#[derive(Clone, Copy, Debug)]
struct QuickTier {
    /// Upper bound at the row's scale; `None` = unbounded.
    up_to: Option<u128>,
    /// APR mantissa at the common APR scale.
    apr: u128,
}

/// An asset precompiled for fast constant-balance payouts.
#[derive(Clone, Debug)]
pub struct QuickAsset {
    /// For each balance scale s (0..=28): thresholds and divisor at the common scale.
    by_scale: Vec<Option<ScaleTable>>,
}

#[derive(Clone, Debug)]
struct ScaleTable {
    /// Common scale S = max(balance scale, threshold scale).
    scale: u32,
    min: u128,
    cap: Option<u128>,
    tiers: Vec<QuickTier>,
    /// `10^(S + apr_scale − pd) × 365` when the exponent is ≥ 0.
    divisor: Option<u128>,
    /// `10^(pd − S − apr_scale)` when the exponent is > 0 (multiply instead).
    multiplier: Option<u128>,
}

fn pow10(exp: u32) -> Option<u128> {
    10u128.checked_pow(exp)
}

/// `a × b`, with a native 64-bit multiply when both factors fit in 32 bits
/// (128-bit multiplication is a library call in WebAssembly).
#[inline]
fn mul(a: u128, b: u128) -> Option<u128> {
    if (a | b) >> 32 == 0 {
        Some(u128::from((a as u64) * (b as u64)))
    } else {
        a.checked_mul(b)
    }
}

impl QuickAsset {
    /// Precompiles `asset`. Scales whose constants do not fit in `u128` are
    /// left out (their balances take the general path).
    pub fn new(asset: &Asset) -> QuickAsset {
        let threshold_scale = asset.threshold_scale();
        let pd = asset.payout_decimals();
        let (apr_scale, tiers): (
            u32,
            Vec<(Option<rust_decimal::Decimal>, rust_decimal::Decimal)>,
        ) = match asset.rate() {
            Rate::Flat(apr) => (apr.scale(), vec![(None, *apr)]),
            Rate::Tiered(ts) => (
                ts.iter().map(|t| t.apr.scale()).max().unwrap_or(0),
                ts.iter().map(|t| (t.up_to, t.apr)).collect(),
            ),
        };
        let at = |d: rust_decimal::Decimal, scale: u32| -> Option<u128> {
            d.mantissa()
                .unsigned_abs()
                .checked_mul(pow10(scale.checked_sub(d.scale())?)?)
        };
        let by_scale = (0..=MAX_SCALE as u32)
            .map(|s| {
                let scale = s.max(threshold_scale);
                let min = at(asset.min_amount(), scale)?;
                let cap = match asset.max_cap() {
                    Some(c) => Some(at(c, scale)?),
                    None => None,
                };
                let tiers = tiers
                    .iter()
                    .map(|(up, apr)| {
                        Some(QuickTier {
                            up_to: match up {
                                Some(u) => Some(at(*u, scale)?),
                                None => None,
                            },
                            apr: at(*apr, apr_scale)?,
                        })
                    })
                    .collect::<Option<Vec<_>>>()?;
                let total = scale + apr_scale;
                let (divisor, multiplier) = if total >= pd {
                    (Some(pow10(total - pd)?.checked_mul(365)?), None)
                } else {
                    (None, Some(pow10(pd - total)?))
                };
                Some(ScaleTable {
                    scale,
                    min,
                    cap,
                    tiers,
                    divisor,
                    multiplier,
                })
            })
            .collect();
        QuickAsset { by_scale }
    }

    /// The payout for `balance` held all day, or `None` when the fast path
    /// cannot answer exactly (then use `day_from_balance`).
    pub fn payout(&self, balance: RawAmount) -> Option<QuickPayout> {
        let table = self.by_scale.get(balance.scale as usize)?.as_ref()?;
        let shift = table.scale - balance.scale.min(table.scale);
        let b = if shift == 0 {
            balance.mantissa
        } else {
            mul(balance.mantissa, pow10(shift)?)?
        };
        let (status, eligible) = if b < table.min {
            (Status::BelowMinimum, 0)
        } else {
            match table.cap {
                Some(cap) if b > cap => (Status::Capped, cap),
                _ => (Status::Eligible, b),
            }
        };
        let mut numerator: u128 = 0;
        let mut lower: u128 = 0;
        for tier in &table.tiers {
            if eligible <= lower {
                break;
            }
            let upper = tier.up_to.unwrap_or(eligible);
            // Tiers ascend (checked by `Asset::new`); were they ever not,
            // the exact path answers instead of a wrapped subtraction.
            let part = upper.min(eligible).checked_sub(lower)?;
            numerator = numerator.checked_add(mul(part, tier.apr)?)?;
            lower = upper;
        }
        let units = match (table.divisor, table.multiplier) {
            (Some(d), _) => {
                if numerator <= u128::from(u64::MAX) && d <= u128::from(u64::MAX) {
                    // Native 64-bit division: the hot path for ordinary balances.
                    u128::from(numerator as u64 / d as u64)
                } else {
                    numerator / d
                }
            }
            (None, Some(m)) => mul(numerator, m)? / 365,
            (None, None) => return None,
        };
        Some(QuickPayout {
            status,
            units,
            below_payout_precision: numerator > 0 && units == 0,
        })
    }
}

/// Parses a plain non-negative decimal (`digits[.digits]`, ASCII only) without
/// allocating; `None` for anything else or more than 28 decimals / 38 digits.
/// Callers fall back to the strict parser for the error message.
pub fn parse_raw_amount(text: &[u8]) -> Option<RawAmount> {
    // Digits accumulate in a u64 (native in WebAssembly) while they fit; only
    // longer values continue in u128.
    let mut small: u64 = 0;
    let mut mantissa: u128 = 0;
    let mut wide = false;
    let mut scale: u32 = 0;
    let mut seen_point = false;
    let mut digits = 0u32;
    for &b in text {
        match b {
            b'0'..=b'9' => {
                let d = b - b'0';
                if !wide && small < 1_000_000_000_000_000_000 {
                    small = small * 10 + u64::from(d);
                } else {
                    if !wide {
                        wide = true;
                        mantissa = u128::from(small);
                    }
                    mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(d))?;
                }
                digits += 1;
                if seen_point {
                    scale += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => return None,
        }
    }
    if !wide {
        mantissa = u128::from(small);
    }
    // A Decimal mantissa is below 2^96.
    if digits == 0 || scale as usize > MAX_SCALE || mantissa >> 96 != 0 {
        return None;
    }
    Some(RawAmount { mantissa, scale })
}
