//! Demo mode: an asset's APR (or tiers), minimum and cap as editable text.
//! APRs are typed in percent (`1.5` = 1.5%), like the table shows them.

use rust_decimal::Decimal;

use super::format::{fraction_from_percent, percent_text};
use super::row::Field;
use crate::config::decimal::{parse_typed, typed_form, Separators};
use crate::engine::{Asset, AssetSpec, Rate, Tier};

/// One tier being edited (a flat APR is a single unbounded tier).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierEdit {
    /// Upper bound; empty for the last, unbounded tier.
    pub up_to: Field,
    /// APR in percent.
    pub apr: Field,
}

/// The editable rate, minimum and cap of one asset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateEdits {
    /// Tiers; exactly one (unbounded) for a flat APR.
    pub tiers: Vec<TierEdit>,
    /// Minimum holding.
    pub min: Field,
    /// Cap; empty = uncapped.
    pub max: Field,
    /// A rule broken by the combination (e.g. tier bounds out of order).
    pub error: Option<String>,
}

/// Which editable value an edit is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// APR (percent) of tier `n` (0 for a flat APR).
    Apr(usize),
    /// Upper bound of tier `n`.
    UpTo(usize),
    /// Minimum holding.
    Min,
    /// Cap.
    Max,
}

impl RateEdits {
    /// The fields of `asset` as configured, written the way the locale
    /// (`seps`) types numbers.
    pub fn from_asset(asset: &Asset, seps: Separators) -> RateEdits {
        let field = |plain: String| Field::new(typed_form(&plain, seps));
        let tiers = match asset.rate() {
            Rate::Flat(apr) => vec![TierEdit {
                up_to: Field::default(),
                apr: field(percent_text(*apr)),
            }],
            Rate::Tiered(tiers) => tiers
                .iter()
                .map(|t| TierEdit {
                    up_to: field(t.up_to.map(|u| u.to_string()).unwrap_or_default()),
                    apr: field(percent_text(t.apr)),
                })
                .collect(),
        };
        RateEdits {
            tiers,
            min: field(asset.min_amount().to_string()),
            max: field(asset.max_cap().map(|c| c.to_string()).unwrap_or_default()),
            error: None,
        }
    }

    /// Rewrites every field for a locale that types numbers with `to`
    /// instead of `from`; see [`Field::retype`].
    pub fn retype(&mut self, from: Separators, to: Separators) {
        for tier in &mut self.tiers {
            tier.up_to.retype(from, to);
            tier.apr.retype(from, to);
        }
        self.min.retype(from, to);
        self.max.retype(from, to);
    }

    /// The field an edit targets, if it exists.
    pub fn field(&self, target: EditTarget) -> Option<&Field> {
        match target {
            EditTarget::Apr(i) => self.tiers.get(i).map(|t| &t.apr),
            EditTarget::UpTo(i) => self.tiers.get(i).map(|t| &t.up_to),
            EditTarget::Min => Some(&self.min),
            EditTarget::Max => Some(&self.max),
        }
    }

    /// The field an edit targets, for changing it.
    pub fn field_mut(&mut self, target: EditTarget) -> Option<&mut Field> {
        match target {
            EditTarget::Apr(i) => self.tiers.get_mut(i).map(|t| &mut t.apr),
            EditTarget::UpTo(i) => self.tiers.get_mut(i).map(|t| &mut t.up_to),
            EditTarget::Min => Some(&mut self.min),
            EditTarget::Max => Some(&mut self.max),
        }
    }

    /// Validates every field and builds the edited asset from `original`;
    /// `None` (with errors set) when something is invalid.
    pub fn build(&mut self, original: &Asset, seps: Separators) -> Option<Asset> {
        let mut ok = true;
        let last = self.tiers.len().saturating_sub(1);
        let mut tiers = Vec::with_capacity(self.tiers.len());
        for (i, tier) in self.tiers.iter_mut().enumerate() {
            let apr = parse_percent_into(seps, &mut tier.apr);
            let up_to = if i == last {
                tier.up_to.error = None;
                Some(None)
            } else {
                let label = format!("Tier {} up to", i + 1);
                parse_into(seps, &mut tier.up_to, &label, Ok).map(Some)
            };
            match (apr, up_to) {
                (Some(apr), Some(up_to)) => tiers.push(Tier { up_to, apr }),
                _ => ok = false,
            }
        }
        let min = parse_into(seps, &mut self.min, "Minimum", Ok);
        let max = if self.max.text.trim().is_empty() {
            self.max.error = None;
            Some(None)
        } else {
            parse_into(seps, &mut self.max, "Cap", Ok).map(Some)
        };
        let (Some(min), Some(max), true) = (min, max, ok) else {
            self.error = None;
            return None;
        };
        let rate = match original.rate() {
            Rate::Flat(_) => Rate::Flat(tiers.first().map_or(Decimal::ZERO, |t| t.apr)),
            Rate::Tiered(_) => Rate::Tiered(tiers),
        };
        let spec = AssetSpec {
            rate,
            min_amount: min,
            max_cap: max,
            ..original.spec().clone()
        };
        match Asset::new(spec) {
            Ok(asset) => {
                self.error = None;
                Some(asset)
            }
            Err(e) => {
                self.error = Some(format!("{}: {}", friendly_field(&e.field), e.message));
                None
            }
        }
    }
}

/// The label of the field the editor shows: `tiers[1].up_to` → `Tier 2 up to`.
fn friendly_field(field: &str) -> String {
    match field {
        "min_amount" => "Minimum".into(),
        "max_cap" => "Cap".into(),
        "apr" => "APR".into(),
        other => {
            let tier = other
                .strip_prefix("tiers[")
                .and_then(|rest| rest.split_once(']'))
                .and_then(|(index, part)| Some((index.parse::<usize>().ok()? + 1, part)));
            match tier {
                Some((n, ".up_to")) => format!("Tier {n} up to"),
                Some((n, ".apr")) => format!("Tier {n} APR"),
                _ => other.to_string(),
            }
        }
    }
}

/// An APR typed as a percent (`5`, `0.15`, `1.5 %`) into its fraction.
fn parse_percent_into(seps: Separators, field: &mut Field) -> Option<Decimal> {
    field.check(|text| {
        let number = text.trim_end();
        let number = number.strip_suffix('%').unwrap_or(number);
        if number.trim().is_empty() {
            return Err("APR is empty: enter a percent such as 5 or 0.15.".into());
        }
        parse_typed(number, seps)
            .map_err(|why| format!("APR {why}."))
            .and_then(|d| {
                fraction_from_percent(d).ok_or_else(|| "APR has too many decimals.".to_string())
            })
    })
}

fn parse_into<T>(
    seps: Separators,
    field: &mut Field,
    label: &str,
    then: impl FnOnce(Decimal) -> Result<T, String>,
) -> Option<T> {
    field.check(|text| {
        parse_typed(text, seps)
            .map_err(|why| format!("{label} {why}."))
            .and_then(then)
    })
}
