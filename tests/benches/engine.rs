//! Native engine throughput: `cargo bench --bench engine`.
//!
//! Each case runs for about one second (after a short warm-up) and the table
//! shows operations per second and the time per operation. The inputs are
//! realistic: 8 payout decimals, 24 snapshots a day, a cap and a minimum.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use soft_staking::engine::{
    day_from_balance, day_from_snapshots, project, Asset, AssetSpec, BalanceChange, Rate, Tier,
    TimeOfDay, Timeline,
};

/// A named operation to time.
type Case<'a> = (&'static str, Box<dyn FnMut() + 'a>);

const RUN_FOR: Duration = Duration::from_secs(1);
const WARM_UP: Duration = Duration::from_millis(200);

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).expect("bench decimal")
}

/// Runs `op` repeatedly for about `RUN_FOR`; returns (operations, elapsed).
fn measure(mut op: impl FnMut()) -> (u64, Duration) {
    let start = Instant::now();
    while start.elapsed() < WARM_UP {
        op();
    }
    let mut count = 0u64;
    let mut batch = 1u64;
    let start = Instant::now();
    loop {
        for _ in 0..batch {
            op();
        }
        count += batch;
        let elapsed = start.elapsed();
        if elapsed >= RUN_FOR {
            return (count, elapsed);
        }
        // Grow batches so that the clock is read rarely.
        if elapsed < RUN_FOR / 100 {
            batch *= 2;
        }
    }
}

fn row(name: &str, (count, elapsed): (u64, Duration)) {
    let per_op = elapsed.as_secs_f64() / count as f64;
    println!(
        "{name:<44} {count:>10} {:>14.0} {:>12.3}",
        1.0 / per_op,
        per_op * 1e6
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument selects cases by name.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));

    let bnb = Asset::new(AssetSpec {
        symbol: "BNB".into(),
        name: Some("BNB".into()),
        rate: Rate::Flat(dec("0.0015")),
        min_amount: dec("0.5"),
        max_cap: Some(dec("1000")),
        payout_decimals: 8,
        snapshots_per_day: 24,
        price: None,
    })
    .expect("valid asset");
    let usdt = Asset::new(AssetSpec {
        symbol: "USDT".into(),
        rate: Rate::Tiered(vec![
            Tier {
                up_to: Some(dec("500")),
                apr: dec("0.12"),
            },
            Tier {
                up_to: Some(dec("5000")),
                apr: dec("0.008"),
            },
            Tier {
                up_to: None,
                apr: dec("0.003"),
            },
        ]),
        ..AssetSpec::flat("USDT", Decimal::ZERO)
    })
    .expect("valid asset");
    let uncapped = Asset::new(AssetSpec::flat("ETH", dec("0.05"))).expect("valid asset");

    let snapshots_24: Vec<Decimal> = (0..24)
        .map(|i| dec("812.34567891") + Decimal::new(i * 7, 3))
        .collect();
    let snapshots_1440: Vec<Decimal> = (0..1440)
        .map(|i| dec("812.34567891") + Decimal::new(i * 7, 5))
        .collect();
    let timeline = Timeline {
        opening: dec("1000"),
        changes: vec![
            BalanceChange {
                at: TimeOfDay::parse("14:30").unwrap(),
                balance: dec("250.5"),
            },
            BalanceChange {
                at: TimeOfDay::parse("06:15").unwrap(),
                balance: dec("1200.123"),
            },
            BalanceChange {
                at: TimeOfDay::parse("21:00").unwrap(),
                balance: dec("900"),
            },
        ],
    };

    println!(
        "soft-staking engine throughput (native, {} s per case)",
        RUN_FOR.as_secs()
    );
    println!(
        "{:<44} {:>10} {:>14} {:>12}",
        "case", "ops", "ops/s", "µs/op"
    );
    println!("{}", "-".repeat(83));

    let cases: Vec<Case> = vec![
        (
            "day: one held balance (flat, capped)",
            Box::new(|| {
                black_box(
                    day_from_balance(black_box(&bnb), black_box(Decimal::new(1000, 0))).unwrap(),
                );
            }),
        ),
        (
            "day: 24 snapshots (flat, capped)",
            Box::new(|| {
                black_box(day_from_snapshots(black_box(&bnb), black_box(&snapshots_24)).unwrap());
            }),
        ),
        (
            "day: 24 snapshots (3 tiers)",
            Box::new(|| {
                black_box(day_from_snapshots(black_box(&usdt), black_box(&snapshots_24)).unwrap());
            }),
        ),
        (
            "day: 24-snapshot timeline (3 changes)",
            Box::new(|| {
                let balances = black_box(&timeline).snapshot_balances(24).unwrap();
                black_box(day_from_snapshots(black_box(&bnb), &balances).unwrap());
            }),
        ),
        (
            "day: 1440 snapshots (flat)",
            Box::new(|| {
                black_box(
                    day_from_snapshots(black_box(&uncapped), black_box(&snapshots_1440)).unwrap(),
                );
            }),
        ),
        (
            "projection: 365 days simple",
            Box::new(|| {
                black_box(
                    project(black_box(&uncapped), black_box(&snapshots_24), 365, false).unwrap(),
                );
            }),
        ),
        (
            "projection: 365 days compounding (flat)",
            Box::new(|| {
                black_box(
                    project(black_box(&uncapped), black_box(&snapshots_24), 365, true).unwrap(),
                );
            }),
        ),
        (
            "projection: 365 days compounding (3 tiers)",
            Box::new(|| {
                black_box(project(black_box(&usdt), black_box(&snapshots_24), 365, true).unwrap());
            }),
        ),
    ];
    for (name, mut op) in cases {
        if wanted(name) {
            row(name, measure(&mut op));
        }
    }
}
