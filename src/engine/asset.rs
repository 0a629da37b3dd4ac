//! Asset definitions: the rate (flat APR or marginal tiers), minimum, cap and
//! payout precision. An [`Asset`] can only be built through [`Asset::new`],
//! which checks every rule of the spec, so the math never sees a bad asset.

use rust_decimal::Decimal;

use super::checked::CheckedOps;
use super::error::{EngineError, Result};

/// Largest `payout_decimals`.
pub const MAX_PAYOUT_DECIMALS: u32 = 18;
/// Largest `snapshots_per_day` (one a minute).
pub const MAX_SNAPSHOTS_PER_DAY: u32 = 1440;
/// Most tiers one asset may have (keeps the exact math inside its integer width).
pub const MAX_TIERS: usize = 32;
/// Longest symbol.
pub const MAX_SYMBOL_LEN: usize = 12;
/// Longest display name.
pub const MAX_NAME_LEN: usize = 64;
/// Default `payout_decimals`.
pub const DEFAULT_PAYOUT_DECIMALS: u32 = 8;
/// Default `snapshots_per_day`.
pub const DEFAULT_SNAPSHOTS_PER_DAY: u32 = 24;

/// One marginal APR tier: the part of the eligible balance up to `up_to`
/// (from the previous tier's bound) earns `apr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    /// Upper bound of the tier; `None` for the last, unbounded tier.
    pub up_to: Option<Decimal>,
    /// APR of this tier as a fraction (`0.05` = 5%).
    pub apr: Decimal,
}

/// How an asset's reward rate is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rate {
    /// One APR for the whole eligible balance.
    Flat(Decimal),
    /// Marginal tiers, ascending, the last unbounded.
    Tiered(Vec<Tier>),
}

impl Rate {
    /// The headline APR: the flat APR, or the first tier's.
    pub fn headline_apr(&self) -> Decimal {
        match self {
            Rate::Flat(apr) => *apr,
            Rate::Tiered(tiers) => tiers.first().map_or(Decimal::ZERO, |t| t.apr),
        }
    }

    /// The APR an `eligible` balance earns on average (display only): the
    /// flat APR, or across marginal tiers Σ (part in the tier × its APR) ÷
    /// `eligible`. `None` for nothing eligible, or a value too large to
    /// compute.
    pub fn average_apr(&self, eligible: Decimal) -> Option<Decimal> {
        if eligible <= Decimal::ZERO {
            return None;
        }
        let tiers = match self {
            Rate::Flat(apr) => return Some(*apr),
            Rate::Tiered(tiers) => tiers,
        };
        let mut lower = Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for tier in tiers {
            let upper = tier.up_to.map_or(eligible, |u| u.min(eligible));
            if upper > lower {
                sum = sum.add_checked(upper.sub_checked(lower)?.mul_checked(tier.apr)?)?;
            }
            lower = lower.max(upper);
        }
        sum.div_checked(eligible)
    }
}

/// The plain data of an asset definition, before validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetSpec {
    /// Token symbol, 1–12 characters `[A-Z0-9]`.
    pub symbol: String,
    /// Optional display name.
    pub name: Option<String>,
    /// Flat APR or tiers.
    pub rate: Rate,
    /// Minimum eligible average balance.
    pub min_amount: Decimal,
    /// Cap on the eligible balance; `None` = uncapped.
    pub max_cap: Option<Decimal>,
    /// Payouts are rounded down to this many decimals (0–18).
    pub payout_decimals: u32,
    /// Snapshots a day (1–1440), evenly spaced from 00:00 UTC.
    pub snapshots_per_day: u32,
    /// Optional fiat quote, for display only.
    pub price: Option<Decimal>,
}

impl AssetSpec {
    /// A flat-APR asset with the defaults of the spec: no minimum, no cap,
    /// 8 payout decimals, 24 snapshots a day.
    pub fn flat(symbol: &str, apr: Decimal) -> Self {
        AssetSpec {
            symbol: symbol.to_string(),
            name: None,
            rate: Rate::Flat(apr),
            min_amount: Decimal::ZERO,
            max_cap: None,
            payout_decimals: DEFAULT_PAYOUT_DECIMALS,
            snapshots_per_day: DEFAULT_SNAPSHOTS_PER_DAY,
            price: None,
        }
    }
}

/// A validated asset definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asset {
    spec: AssetSpec,
    /// Largest scale among the balance thresholds (minimum, cap, tier bounds).
    threshold_scale: u32,
}

impl Asset {
    /// Validates `spec` against the rules of the spec; errors name the field.
    pub fn new(spec: AssetSpec) -> Result<Asset> {
        validate_symbol(&spec.symbol)?;
        if let Some(name) = &spec.name {
            if name.chars().count() > MAX_NAME_LEN {
                return Err(EngineError::new(
                    "name",
                    format!("must be at most {MAX_NAME_LEN} characters"),
                ));
            }
        }
        validate_rate(&spec.rate)?;
        non_negative("min_amount", spec.min_amount)?;
        // A cap below the minimum is allowed: step 2 decides the minimum
        // first, so such an asset pays on the cap from the minimum up.
        if let Some(cap) = spec.max_cap {
            non_negative("max_cap", cap)?;
        }
        if spec.payout_decimals > MAX_PAYOUT_DECIMALS {
            return Err(EngineError::new(
                "payout_decimals",
                format!("must be an integer from 0 to {MAX_PAYOUT_DECIMALS}"),
            ));
        }
        if !(1..=MAX_SNAPSHOTS_PER_DAY).contains(&spec.snapshots_per_day) {
            return Err(EngineError::new(
                "snapshots_per_day",
                format!("must be an integer from 1 to {MAX_SNAPSHOTS_PER_DAY}"),
            ));
        }
        if let Some(price) = spec.price {
            non_negative("price", price)?;
        }
        let mut threshold_scale = spec.min_amount.scale();
        if let Some(cap) = spec.max_cap {
            threshold_scale = threshold_scale.max(cap.scale());
        }
        if let Rate::Tiered(tiers) = &spec.rate {
            for bound in tiers.iter().filter_map(|t| t.up_to) {
                threshold_scale = threshold_scale.max(bound.scale());
            }
        }
        Ok(Asset {
            spec,
            threshold_scale,
        })
    }

    /// The definition this asset was built from.
    pub fn spec(&self) -> &AssetSpec {
        &self.spec
    }
    /// Token symbol.
    pub fn symbol(&self) -> &str {
        &self.spec.symbol
    }
    /// Display name, or the symbol when none is set.
    pub fn display_name(&self) -> &str {
        self.spec.name.as_deref().unwrap_or(&self.spec.symbol)
    }
    /// Rate definition.
    pub fn rate(&self) -> &Rate {
        &self.spec.rate
    }
    /// Minimum eligible average balance.
    pub fn min_amount(&self) -> Decimal {
        self.spec.min_amount
    }
    /// Cap on the eligible balance.
    pub fn max_cap(&self) -> Option<Decimal> {
        self.spec.max_cap
    }
    /// Payout precision in decimals.
    pub fn payout_decimals(&self) -> u32 {
        self.spec.payout_decimals
    }
    /// Snapshots a day.
    pub fn snapshots_per_day(&self) -> u32 {
        self.spec.snapshots_per_day
    }
    /// Fiat quote, if any.
    pub fn price(&self) -> Option<Decimal> {
        self.spec.price
    }
    /// Largest scale among the minimum, the cap and the tier bounds.
    pub(crate) fn threshold_scale(&self) -> u32 {
        self.threshold_scale
    }
}

fn validate_symbol(symbol: &str) -> Result<()> {
    let ok_len = (1..=MAX_SYMBOL_LEN).contains(&symbol.len());
    let ok_chars = symbol
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok_len && ok_chars {
        Ok(())
    } else {
        Err(EngineError::new(
            "symbol",
            format!("must be 1 to {MAX_SYMBOL_LEN} characters A-Z or 0-9"),
        ))
    }
}

fn validate_rate(rate: &Rate) -> Result<()> {
    match rate {
        Rate::Flat(apr) => non_negative("apr", *apr),
        Rate::Tiered(tiers) => validate_tiers(tiers),
    }
}

fn validate_tiers(tiers: &[Tier]) -> Result<()> {
    if tiers.is_empty() {
        return Err(EngineError::new("tiers", "must have at least one tier"));
    }
    if tiers.len() > MAX_TIERS {
        return Err(EngineError::new(
            "tiers",
            format!("must have at most {MAX_TIERS} tiers"),
        ));
    }
    let last = tiers.len() - 1;
    let mut previous = Decimal::ZERO;
    for (i, tier) in tiers.iter().enumerate() {
        non_negative(&format!("tiers[{i}].apr"), tier.apr)?;
        match (tier.up_to, i == last) {
            (None, true) => {}
            (None, false) => {
                return Err(EngineError::new(
                    format!("tiers[{i}].up_to"),
                    "only the last tier may be unbounded (null)",
                ))
            }
            (Some(_), true) => {
                return Err(EngineError::new(
                    format!("tiers[{i}].up_to"),
                    "the last tier must be unbounded (null)",
                ))
            }
            (Some(bound), false) => {
                if bound <= previous {
                    return Err(EngineError::new(
                        format!("tiers[{i}].up_to"),
                        format!("must be greater than {previous} (tiers ascend by up_to)"),
                    ));
                }
                previous = bound;
            }
        }
    }
    Ok(())
}

fn non_negative(field: &str, value: Decimal) -> Result<()> {
    if value.is_sign_negative() && !value.is_zero() {
        Err(EngineError::new(field, "must not be negative"))
    } else {
        Ok(())
    }
}

/// Checks that a balance is not negative; errors name `field`.
pub(crate) fn check_balance(field: &str, value: Decimal) -> Result<()> {
    non_negative(field, value)
}

/// The spec's marginal tiers (PRODUCT.md §1): 12 % up to 500, 0.8 % up to
/// 5,000, 0.3 % above. For unit tests across modules.
#[cfg(test)]
pub(crate) fn spec_tiers() -> Vec<Tier> {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    vec![
        Tier {
            up_to: Some(d("500")),
            apr: d("0.12"),
        },
        Tier {
            up_to: Some(d("5000")),
            apr: d("0.008"),
        },
        Tier {
            up_to: None,
            apr: d("0.003"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_average_apr_across_tiers() {
        let tiers = Rate::Tiered(spec_tiers());
        // The spec's 10,000: (500 × 0.12 + 4,500 × 0.008 + 5,000 × 0.003) ÷ 10,000
        // = (60 + 36 + 15) ÷ 10,000 = 0.0111.
        assert_eq!(tiers.average_apr(d("10000")), Some(d("0.0111")));
        // Inside the first tier: its APR.
        assert_eq!(tiers.average_apr(d("200")), Some(d("0.12")));
        // 1,000: (60 + 500 × 0.008) ÷ 1,000 = 64 ÷ 1,000.
        assert_eq!(tiers.average_apr(d("1000")), Some(d("0.064")));
        assert_eq!(tiers.average_apr(Decimal::ZERO), None);
        // Flat: the APR itself, once anything is eligible.
        assert_eq!(Rate::Flat(d("0.05")).average_apr(d("1")), Some(d("0.05")));
        assert_eq!(Rate::Flat(d("0.05")).average_apr(Decimal::ZERO), None);
    }
}
