//! Asset definitions as they arrive in JSON (the spec's field names) →
//! validated engine [`Asset`]s. Errors carry the full field path.

use rust_decimal::Decimal;

use super::decimal::parse_decimal;
use super::loose::{Fields, Loose};
use crate::engine::asset::{
    DEFAULT_PAYOUT_DECIMALS, DEFAULT_SNAPSHOTS_PER_DAY, MAX_PAYOUT_DECIMALS, MAX_SNAPSHOTS_PER_DAY,
};
use crate::engine::{Asset, AssetSpec, EngineError, Rate, Tier};

/// The asset fields of the contract.
pub const ASSET_FIELDS: &[&str] = &[
    "symbol",
    "name",
    "apr",
    "tiers",
    "min_amount",
    "max_cap",
    "payout_decimals",
    "snapshots_per_day",
    "price",
];

/// Reads the decimal-string `value` at `path`.
pub fn decimal_at(value: &Loose, path: &str) -> Result<Decimal, EngineError> {
    match value {
        Loose::Text(text) => parse_decimal(text).map_err(|why| EngineError::new(path, why)),
        Loose::Integer(_) | Loose::Number => Err(EngineError::new(
            path,
            "must be a decimal string such as \"0.05\", not a JSON number",
        )),
        other => Err(EngineError::new(
            path,
            format!("must be a decimal string, not {}", other.kind()),
        )),
    }
}

fn opt_decimal(fields: &Fields, key: &str) -> Result<Option<Decimal>, EngineError> {
    fields
        .get(key)
        .map(|v| decimal_at(v, &fields.path_of(key)))
        .transpose()
}

/// Parses one asset definition at `path` (e.g. `assets[2]` or `asset`).
pub fn parse_asset(value: &Loose, path: &str) -> Result<Asset, EngineError> {
    let fields = Fields::of(value, path)?;
    fields.check_keys(ASSET_FIELDS)?;
    let symbol = fields.text("symbol")?.to_string();
    let name = fields.opt_text("name")?.map(str::to_string);
    let rate = match (fields.get("apr"), fields.get("tiers")) {
        (Some(_), Some(_)) => {
            return Err(EngineError::new(
                fields.path_of("tiers"),
                "give either apr or tiers, not both",
            ))
        }
        (Some(apr), None) => Rate::Flat(decimal_at(apr, &fields.path_of("apr"))?),
        (None, Some(tiers)) => Rate::Tiered(parse_tiers(tiers, &fields.path_of("tiers"))?),
        (None, None) => {
            return Err(EngineError::new(
                fields.path_of("apr"),
                "is required (or give tiers)",
            ))
        }
    };
    let spec = AssetSpec {
        symbol,
        name,
        rate,
        min_amount: opt_decimal(&fields, "min_amount")?.unwrap_or(Decimal::ZERO),
        max_cap: opt_decimal(&fields, "max_cap")?,
        payout_decimals: fields
            .opt_integer("payout_decimals", 0..=i128::from(MAX_PAYOUT_DECIMALS))?
            .map_or(DEFAULT_PAYOUT_DECIMALS, |n| n as u32),
        snapshots_per_day: fields
            .opt_integer("snapshots_per_day", 1..=i128::from(MAX_SNAPSHOTS_PER_DAY))?
            .map_or(DEFAULT_SNAPSHOTS_PER_DAY, |n| n as u32),
        price: opt_decimal(&fields, "price")?,
    };
    Asset::new(spec).map_err(|e| e.within(path))
}

fn parse_tiers(value: &Loose, path: &str) -> Result<Vec<Tier>, EngineError> {
    let Loose::List(items) = value else {
        return Err(EngineError::new(
            path,
            format!("must be an array of tiers, not {}", value.kind()),
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let tier_path = format!("{path}[{i}]");
            let fields = Fields::of(item, &tier_path)?;
            fields.check_keys(&["up_to", "apr"])?;
            if !fields.has("up_to") {
                return Err(EngineError::new(
                    fields.path_of("up_to"),
                    "is required (null for the last, unbounded tier)",
                ));
            }
            let apr = match fields.get("apr") {
                Some(v) => decimal_at(v, &fields.path_of("apr"))?,
                None => return Err(EngineError::new(fields.path_of("apr"), "is required")),
            };
            Ok(Tier {
                up_to: opt_decimal(&fields, "up_to")?,
                apr,
            })
        })
        .collect()
}
