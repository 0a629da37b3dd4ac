//! Demo mode: an asset's APR (or tiers), minimum and cap as editable text.
//! APRs are typed in percent (`1.5` = 1.5%), like the table shows them.

use rust_decimal::Decimal;

use super::field::Field;
use super::format::{fraction_from_percent, percent_text};
use crate::config::decimal::Separators;
use crate::config::typed_number::{parse_typed, split_percent, typed_form};
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
    /// The fields that rule concerns (both bounds of a pair out of order).
    pub conflicts: Vec<EditTarget>,
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
        let tiers = tiers_of(asset)
            .iter()
            .map(|t| TierEdit {
                up_to: field(t.up_to.map(|u| u.to_string()).unwrap_or_default()),
                apr: field(percent_text(t.apr)),
            })
            .collect();
        RateEdits {
            tiers,
            min: field(asset.min_amount().to_string()),
            max: field(asset.max_cap().map(|c| c.to_string()).unwrap_or_default()),
            error: None,
            conflicts: Vec::new(),
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

    /// Some field does not read, or the values together break a rule: the
    /// asset in force is not all of what is typed.
    pub fn has_errors(&self) -> bool {
        self.error.is_some()
            || self.min.error.is_some()
            || self.max.error.is_some()
            || self
                .tiers
                .iter()
                .any(|t| t.apr.error.is_some() || t.up_to.error.is_some())
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

    /// Validates every field and builds the edited asset from `original`.
    /// A field that does not read (its error set) keeps its value in
    /// `in_force` (the asset shown; after an `update()`, the configured one),
    /// so an edit of another field still applies; `None` when the values
    /// together break a rule (`error` set).
    pub fn build(&mut self, original: &Asset, in_force: &Asset, seps: Separators) -> Option<Asset> {
        self.conflicts.clear();
        let (kept_tiers, original_tiers) = (tiers_of(in_force), tiers_of(original));
        let last = self.tiers.len().saturating_sub(1);
        let mut tiers = Vec::with_capacity(self.tiers.len());
        for (i, tier) in self.tiers.iter_mut().enumerate() {
            // The edits have as many tiers as the original (and the asset in
            // force: a shared scenario with another count is refused).
            let kept = kept_tiers.get(i).or(original_tiers.get(i));
            let apr = parse_percent_into(seps, &mut tier.apr).or(kept.map(|t| t.apr));
            let up_to = if i == last {
                tier.up_to.error = None;
                Some(None)
            } else {
                let label = format!("Tier {} up to", i + 1);
                parse_into(seps, &mut tier.up_to, &label, Ok)
                    .map(Some)
                    .or(kept.map(|t| t.up_to))
            };
            let (Some(apr), Some(up_to)) = (apr, up_to) else {
                // Not read, and no value in force to keep: nothing to build.
                self.error = None;
                return None;
            };
            tiers.push(Tier { up_to, apr });
        }
        let min = parse_into(seps, &mut self.min, "Minimum", Ok).unwrap_or(in_force.min_amount());
        let max = if self.max.text.trim().is_empty() {
            self.max.error = None;
            None
        } else {
            parse_into(seps, &mut self.max, "Cap", Ok)
                .map(Some)
                .unwrap_or(in_force.max_cap())
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
                self.conflicts = conflicting_fields(&e.field, self.tiers.len());
                self.error = Some(format!("{}: {}", friendly_field(&e.field), e.message));
                None
            }
        }
    }
}

/// The editable fields an engine error on `field` concerns: a tier bound
/// out of order is the pair of bounds (the one before it and itself).
fn conflicting_fields(field: &str, tiers: usize) -> Vec<EditTarget> {
    let tier = tier_part(field);
    let bound = |k: usize| (k + 1 < tiers).then_some(EditTarget::UpTo(k));
    match (field, tier) {
        ("min_amount", _) => vec![EditTarget::Min],
        ("max_cap", _) => vec![EditTarget::Max],
        ("apr", _) => vec![EditTarget::Apr(0)],
        (_, Some((k, ".up_to"))) => k
            .checked_sub(1)
            .and_then(bound)
            .into_iter()
            .chain(bound(k))
            .collect(),
        (_, Some((k, ".apr"))) => vec![EditTarget::Apr(k)],
        _ => Vec::new(),
    }
}

/// The tiers of `asset`; a flat APR as one unbounded tier.
fn tiers_of(asset: &Asset) -> Vec<Tier> {
    match asset.rate() {
        Rate::Flat(apr) => vec![Tier {
            up_to: None,
            apr: *apr,
        }],
        Rate::Tiered(tiers) => tiers.clone(),
    }
}

/// The label of the field the editor shows: `tiers[1].up_to` → `Tier 2 up to`.
fn friendly_field(field: &str) -> String {
    match field {
        "min_amount" => "Minimum".into(),
        "max_cap" => "Cap".into(),
        "apr" => "APR".into(),
        other => match tier_part(other) {
            Some((k, ".up_to")) => format!("Tier {} up to", k + 1),
            Some((k, ".apr")) => format!("Tier {} APR", k + 1),
            _ => other.to_string(),
        },
    }
}

/// `tiers[1].up_to` → `(1, ".up_to")`: the tier index an engine error names,
/// and the rest of the path.
fn tier_part(field: &str) -> Option<(usize, &str)> {
    let (index, part) = field.strip_prefix("tiers[")?.split_once(']')?;
    Some((index.parse().ok()?, part))
}

/// An APR typed as a percent (`5`, `0.15`, `1.5 %`) into its fraction.
fn parse_percent_into(seps: Separators, field: &mut Field) -> Option<Decimal> {
    field.check(|text| {
        let (number, _) = split_percent(text, seps);
        if number.trim().is_empty() {
            return Err("APR is empty: enter a percent such as 5 or 0.15.".into());
        }
        parse_typed(&number, seps)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::asset::spec_tiers;

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    const EN: Separators = Separators::COMMA_POINT;

    #[test]
    fn a_percent_typed_with_an_input_method_reads_as_typed_with_ascii() {
        // ５％ (full width) and ٥٫٥٪ (Arabic-Indic, Arabic separator and percent sign).
        for (typed, fraction) in [
            ("５％", "0.05"),
            ("５ ％", "0.05"),
            ("٥٫٥٪", "0.055"),
            ("5%", "0.05"),
        ] {
            let mut field = Field::new(typed);
            assert_eq!(
                parse_percent_into(EN, &mut field),
                Some(d(fraction)),
                "{typed}"
            );
            assert_eq!(field.error, None);
        }
        let mut field = Field::new("5 APR");
        assert_eq!(parse_percent_into(EN, &mut field), None);
        assert_eq!(
            field.error.as_deref(),
            Some("APR must be the number alone (no currency, token or other word).")
        );
    }

    #[test]
    fn a_field_that_does_not_read_keeps_its_value_and_the_others_apply() {
        let mut spec = AssetSpec::flat("BNB", d("0.05"));
        spec.min_amount = d("0.5");
        spec.max_cap = Some(d("1000"));
        let original = Asset::new(spec).expect("asset");
        let mut edits = RateEdits::from_asset(&original, EN);
        edits.tiers[0].apr.text = "x".into();
        edits.max.text = "3000".into();
        let edited = edits
            .build(&original, &original, EN)
            .expect("the cap applies");
        assert_eq!(
            *edited.rate(),
            Rate::Flat(d("0.05")),
            "the APR in force stays"
        );
        assert_eq!(edited.max_cap(), Some(d("3000")));
        assert_eq!(edited.min_amount(), d("0.5"));
        assert!(
            edits.tiers[0].apr.error.is_some(),
            "the APR field shows its error"
        );
        assert_eq!(edits.max.error, None);

        // Now the minimum does not read either: it keeps 0.5; the APR, fixed, applies.
        edits.min.text = "1,0".into();
        edits.tiers[0].apr.text = "10".into();
        let edited = edits
            .build(&original, &edited, EN)
            .expect("the APR applies");
        assert_eq!(*edited.rate(), Rate::Flat(d("0.1")));
        assert_eq!(edited.min_amount(), d("0.5"));
        assert_eq!(
            edited.max_cap(),
            Some(d("3000")),
            "the cap edited before stays"
        );
        assert!(edits.min.error.is_some());
    }

    #[test]
    fn tiers_fall_back_one_value_at_a_time_and_a_broken_order_applies_nothing() {
        // The spec's tiers: 12 % up to 500, 0.8 % up to 5,000, 0.3 % above.
        let mut spec = AssetSpec::flat("USDT", d("0.12"));
        spec.rate = Rate::Tiered(spec_tiers());
        let original = Asset::new(spec).expect("asset");
        let mut edits = RateEdits::from_asset(&original, EN);
        edits.tiers[0].up_to.text = "five hundred".into();
        edits.tiers[1].apr.text = "1.6".into();
        let edited = edits
            .build(&original, &original, EN)
            .expect("tier 2's APR applies");
        let Rate::Tiered(tiers) = edited.rate() else {
            panic!("still tiered")
        };
        assert_eq!(
            tiers[0].up_to,
            Some(d("500")),
            "tier 1's bound in force stays"
        );
        assert_eq!(tiers[1].apr, d("0.016"));
        assert_eq!(tiers[2].apr, d("0.003"));
        assert!(edits.tiers[0].up_to.error.is_some());

        // Bounds out of order: the combination is refused as a whole.
        edits.tiers[0].up_to.text = "6000".into();
        assert_eq!(edits.build(&original, &edited, EN), None);
        assert_eq!(
            edits.error.as_deref(),
            Some("Tier 2 up to: must be greater than 6000 (tiers ascend by up_to)")
        );
        assert_eq!(
            edits.conflicts,
            vec![EditTarget::UpTo(0), EditTarget::UpTo(1)]
        );
        assert!(edits.has_errors());
        // Put right, nothing conflicts any more.
        edits.tiers[0].up_to.text = "500".into();
        assert!(edits.build(&original, &edited, EN).is_some());
        assert_eq!(
            (edits.error.clone(), edits.conflicts.clone()),
            (None, vec![])
        );
    }
}
