//! Structured inputs straight into the engine: any asset the validator
//! accepts and any balances give a result or an error; a result is never
//! above the uncapped reward, and the fast path agrees with the exact one.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use soft_staking::engine::quick::{QuickAsset, RawAmount};
use soft_staking::engine::{day_from_balance, day_from_snapshots, project, Asset, AssetSpec, Rate, Tier};

#[derive(Arbitrary, Debug)]
struct Input {
    apr: (u64, u8),
    tiers: Vec<((u64, u8), (u64, u8))>,
    min: (u64, u8),
    cap: Option<(u64, u8)>,
    payout_decimals: u8,
    snapshots_per_day: u16,
    balances: Vec<(u128, u8)>,
    days: u16,
    compound: bool,
}

fn dec((m, s): (u64, u8)) -> Decimal {
    Decimal::from_i128_with_scale(i128::from(m), u32::from(s % 29))
}

fuzz_target!(|input: Input| {
    let rate = if input.tiers.is_empty() {
        Rate::Flat(dec(input.apr))
    } else {
        let mut tiers: Vec<Tier> = input.tiers.iter().map(|&(up, apr)| Tier { up_to: Some(dec(up)), apr: dec(apr) }).collect();
        if let Some(last) = tiers.last_mut() {
            last.up_to = None;
        }
        Rate::Tiered(tiers)
    };
    let spec = AssetSpec {
        symbol: "FUZZ".into(),
        name: None,
        rate,
        min_amount: dec(input.min),
        max_cap: input.cap.map(dec),
        payout_decimals: u32::from(input.payout_decimals % 19),
        snapshots_per_day: u32::from(input.snapshots_per_day % 1441),
        price: None,
    };
    let Ok(asset) = Asset::new(spec) else { return };
    let balances: Vec<Decimal> = input
        .balances
        .iter()
        .take(64)
        .filter_map(|&(m, s)| Decimal::try_from_i128_with_scale((m >> 32) as i128, u32::from(s % 29)).ok())
        .collect();
    if balances.is_empty() {
        return;
    }
    let _ = day_from_snapshots(&asset, &balances);
    let _ = project(&asset, &balances, u32::from(input.days % 120) + 1, input.compound);
    let quick = QuickAsset::new(&asset);
    for b in &balances {
        let raw = RawAmount { mantissa: b.mantissa().unsigned_abs(), scale: b.scale() };
        if let (Some(fast), Ok(exact)) = (quick.payout(raw), day_from_balance(&asset, *b)) {
            let mut units = exact.reward;
            units.rescale(asset.payout_decimals());
            assert_eq!(fast.units, units.mantissa().unsigned_abs(), "fast path differs for {b}");
            assert_eq!(fast.status, exact.status);
        }
    }
});
