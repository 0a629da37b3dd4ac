//! The built-in sample asset list, shown when a host gives no assets.
//! Minimums (all) and the BNB and SUI caps are Binance's published values;
//! every APR, the other caps and the prices are sample values and the widget
//! labels them as such.

use rust_decimal::Decimal;

use crate::engine::asset::{DEFAULT_PAYOUT_DECIMALS, DEFAULT_SNAPSHOTS_PER_DAY};
use crate::engine::{Asset, AssetSpec, EngineError, Rate};

/// One built-in asset and which of its values are samples, not published facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleAsset {
    /// The asset.
    pub asset: Asset,
    /// The cap is a sample value (true unless published).
    pub sample_cap: bool,
}

/// (symbol, name, APR, minimum, cap, published cap?, price), decimals as
/// (mantissa, scale).
type Row = (
    &'static str,
    &'static str,
    (i64, u32),
    (i64, u32),
    (i64, u32),
    bool,
    (i64, u32),
);

const ROWS: [Row; 10] = [
    ("BNB", "BNB", (15, 4), (5, 1), (1000, 0), true, (600, 0)),
    (
        "SOL",
        "Solana",
        (525, 4),
        (1, 0),
        (10_000, 0),
        false,
        (150, 0),
    ),
    (
        "ADA",
        "Cardano",
        (22, 3),
        (150, 0),
        (500_000, 0),
        false,
        (45, 2),
    ),
    ("SUI", "Sui", (24, 3), (100, 0), (50_000, 0), true, (12, 1)),
    (
        "TON",
        "Toncoin",
        (31, 3),
        (100, 0),
        (100_000, 0),
        false,
        (31, 1),
    ),
    (
        "NEAR",
        "NEAR Protocol",
        (45, 3),
        (100, 0),
        (100_000, 0),
        false,
        (25, 1),
    ),
    (
        "POL",
        "Polygon Ecosystem Token",
        (38, 3),
        (500, 0),
        (1_000_000, 0),
        false,
        (2, 1),
    ),
    (
        "ALGO",
        "Algorand",
        (41, 3),
        (1000, 0),
        (1_000_000, 0),
        false,
        (18, 2),
    ),
    (
        "S",
        "Sonic",
        (52, 3),
        (200, 0),
        (500_000, 0),
        false,
        (35, 2),
    ),
    (
        "AXS",
        "Axie Infinity",
        (65, 3),
        (100, 0),
        (50_000, 0),
        false,
        (45, 1),
    ),
];

fn dec((mantissa, scale): (i64, u32)) -> Decimal {
    Decimal::new(mantissa, scale)
}

/// The built-in sample assets, in display order.
pub fn sample_assets() -> Result<Vec<SampleAsset>, EngineError> {
    ROWS.iter()
        .map(|&(symbol, name, apr, min, cap, published_cap, price)| {
            let asset = Asset::new(AssetSpec {
                symbol: symbol.to_string(),
                name: Some(name.to_string()),
                rate: Rate::Flat(dec(apr)),
                min_amount: dec(min),
                max_cap: Some(dec(cap)),
                payout_decimals: DEFAULT_PAYOUT_DECIMALS,
                snapshots_per_day: DEFAULT_SNAPSHOTS_PER_DAY,
                price: Some(dec(price)),
            })?;
            Ok(SampleAsset {
                asset,
                sample_cap: !published_cap,
            })
        })
        .collect()
}
