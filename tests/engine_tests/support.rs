//! Small builders shared by the engine tests.

use rust_decimal::Decimal;
use soft_staking::engine::{Asset, AssetSpec, Rate, Tier};

/// A decimal written exactly as given (panics on a typo: tests only).
pub fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("bad test decimal {text:?}: {e}"))
}

/// Several decimals.
pub fn ds(texts: &[&str]) -> Vec<Decimal> {
    texts.iter().map(|t| d(t)).collect()
}

/// A flat-APR spec with the spec's defaults (no minimum, no cap, 8 decimals, 24 snapshots).
pub fn flat(apr: &str) -> AssetSpec {
    AssetSpec::flat("TST", d(apr))
}

/// Marginal tiers from `(up_to, apr)` pairs.
pub fn tiers(list: &[(Option<&str>, &str)]) -> Rate {
    Rate::Tiered(
        list.iter()
            .map(|(up_to, apr)| Tier {
                up_to: up_to.map(d),
                apr: d(apr),
            })
            .collect(),
    )
}

/// A tiered spec with the spec's defaults.
pub fn tiered(list: &[(Option<&str>, &str)]) -> AssetSpec {
    AssetSpec {
        rate: tiers(list),
        ..flat("0")
    }
}

/// Validates a spec that the test knows to be valid.
pub fn asset(spec: AssetSpec) -> Asset {
    Asset::new(spec).expect("test asset must be valid")
}

/// A decimal as text with exactly its own scale (`0.13698630`, not `0.1369863`).
pub fn text(value: Decimal) -> String {
    value.to_string()
}
