//! Projection over D days: day 1 from its snapshots, every later day at the
//! closing balance (plus, when compounding, every earlier payout).

use rust_decimal::Decimal;
use soft_staking::engine::{day_from_snapshots, project, AssetSpec, Status, MAX_DAYS};

use super::reference;
use super::support::{asset, d, ds, flat, text};

fn rewards(p: &soft_staking::engine::Projection) -> Vec<String> {
    p.days.iter().map(|d| text(d.reward)).collect()
}

#[test]
fn one_day_is_day_one() {
    let a = asset(flat("0.05"));
    let p = project(&a, &ds(&["1000"]), 1, true).unwrap();
    assert_eq!(p.days.len(), 1);
    assert_eq!(p.days[0].day, 1);
    assert_eq!(text(p.total_reward), "0.13698630");
    assert_eq!(p.first_day, day_from_snapshots(&a, &ds(&["1000"])).unwrap());
}

#[test]
fn simple_projection_holds_the_closing_balance() {
    // Day 1: A = 2500/3 → 0.11415525 (worked example). Days 2–30 hold the
    // closing 500: 500 × 0.05 ÷ 365 = 0.068493150… → 0.06849315.
    // Total = 0.11415525 + 29 × 0.06849315 = 0.11415525 + 1.98630135 = 2.10045660.
    let a = asset(flat("0.05"));
    let p = project(&a, &ds(&["1000", "1000", "500"]), 30, false).unwrap();
    assert_eq!(p.days.len(), 30);
    assert_eq!(text(p.days[0].reward), "0.11415525");
    for (i, day) in p.days.iter().enumerate().skip(1) {
        assert_eq!(day.day, i as u32 + 1);
        assert_eq!(day.balance, d("500"));
        assert_eq!(day.status, Status::Eligible);
        assert_eq!(text(day.reward), "0.06849315");
    }
    assert_eq!(text(p.total_reward), "2.10045660");
    let cumulative: Vec<Decimal> = p.cumulative().collect();
    assert_eq!(cumulative.len(), 30);
    assert_eq!(cumulative[0], d("0.11415525"));
    assert_eq!(cumulative[1], d("0.18264840"));
    assert_eq!(cumulative[29], p.total_reward);
}

#[test]
fn compounding_adds_each_payout_from_the_next_day_on() {
    // 3.65%: R = E ÷ 10^4. Day 1 holds 10000 → 1. Day 2: 10001 → 1.0001.
    // Day 3: 10002.0001 → 1.00020001. Day 4: 10003.00030001 → 1.00030003(0001) → 1.00030003.
    let a = asset(flat("0.0365"));
    let p = project(&a, &ds(&["10000"]), 4, true).unwrap();
    assert_eq!(
        rewards(&p),
        ["1.00000000", "1.00010000", "1.00020001", "1.00030003"]
    );
    assert_eq!(p.days[1].balance, d("10001"));
    assert_eq!(p.days[2].balance, d("10002.0001"));
    assert_eq!(p.days[3].balance, d("10003.00030001"));
    // 1 + 1.0001 + 1.00020001 + 1.00030003 = 4.00060004.
    assert_eq!(text(p.total_reward), "4.00060004");
    // Without compounding: 4 × 1 = 4.
    let simple = project(&a, &ds(&["10000"]), 4, false).unwrap();
    assert_eq!(text(simple.total_reward), "4.00000000");
}

#[test]
fn compounding_across_the_cap() {
    // cap 1000, 3.65% (R = E ÷ 10^4). Day 1: 999.9999 → 0.09999999.
    // Day 2: 999.9999 + 0.09999999 = 1000.09989999 > 1000 → capped, E = 1000, 0.1.
    // Day 3: 1000.19989999 → capped, 0.1. Total 0.29999999.
    let a = asset(AssetSpec {
        max_cap: Some(d("1000")),
        ..flat("0.0365")
    });
    let p = project(&a, &ds(&["999.9999"]), 3, true).unwrap();
    assert_eq!(rewards(&p), ["0.09999999", "0.10000000", "0.10000000"]);
    let statuses: Vec<Status> = p.days.iter().map(|d| d.status).collect();
    assert_eq!(statuses, [Status::Eligible, Status::Capped, Status::Capped]);
    assert_eq!(p.days[1].balance, d("1000.09989999"));
    assert_eq!(p.days[1].eligible, d("1000"));
    assert_eq!(text(p.total_reward), "0.29999999");
    // Simple: the balance stays 999.9999, under the cap: 3 × 0.09999999 = 0.29999997.
    let simple = project(&a, &ds(&["999.9999"]), 3, false).unwrap();
    assert!(simple.days.iter().all(|d| d.status == Status::Eligible));
    assert_eq!(text(simple.total_reward), "0.29999997");
}

#[test]
fn compounding_once_capped_pays_the_cap_every_day() {
    // Capped from day 1 (A = 5000 > 1000): every day pays 1000 ÷ 10^4 = 0.1;
    // 365 days → 36.5, with or without compounding.
    let a = asset(AssetSpec {
        max_cap: Some(d("1000")),
        ..flat("0.0365")
    });
    for compound in [false, true] {
        let p = project(&a, &ds(&["5000"]), 365, compound).unwrap();
        assert!(p.days.iter().all(|d| d.status == Status::Capped));
        assert_eq!(text(p.total_reward), "36.50000000");
    }
}

#[test]
fn compounding_across_the_minimum() {
    // min 100, 3.65%. Day 1: A = (200 + 99.99) ÷ 2 = 149.995 → 0.0149995 → 0.01499950.
    // Day 2 compounding: 99.99 + 0.0149995 = 100.0049995 ≥ 100 → eligible,
    // R = 0.01000049995 → 0.01000049. Simple: 99.99 < 100 → below_minimum, 0.
    let a = asset(AssetSpec {
        min_amount: d("100"),
        ..flat("0.0365")
    });
    let snaps = ds(&["200", "99.99"]);
    let p = project(&a, &snaps, 2, true).unwrap();
    assert_eq!(rewards(&p), ["0.01499950", "0.01000049"]);
    assert_eq!(p.days[1].status, Status::Eligible);
    let simple = project(&a, &snaps, 2, false).unwrap();
    assert_eq!(rewards(&simple), ["0.01499950", "0.00000000"]);
    assert_eq!(simple.days[1].status, Status::BelowMinimum);
    assert_eq!(simple.days[1].eligible, Decimal::ZERO);
}

#[test]
fn day_one_below_minimum_then_closing_balance_earns() {
    // min 150: A = (0 + 0 + 300) ÷ 3 = 100 < 150 → day 1 pays 0;
    // day 2 holds 300 → 300 ÷ 10^4 = 0.03; day 3 holds 300.03 → 0.030003.
    let a = asset(AssetSpec {
        min_amount: d("150"),
        ..flat("0.0365")
    });
    let p = project(&a, &ds(&["0", "0", "300"]), 3, true).unwrap();
    assert_eq!(p.first_day.status, Status::BelowMinimum);
    assert_eq!(rewards(&p), ["0.00000000", "0.03000000", "0.03000300"]);
    assert_eq!(text(p.total_reward), "0.06000300");
}

#[test]
fn dust_never_compounds() {
    // 0.00000001 at 5% pays 0 every day, so the balance never moves.
    let a = asset(flat("0.05"));
    let p = project(&a, &ds(&["0.00000001"]), 50, true).unwrap();
    assert!(p.days.iter().all(|x| x.reward.is_zero()));
    assert!(p.days.iter().all(|x| x.balance == d("0.00000001")));
    assert!(p.first_day.below_payout_precision);
    assert_eq!(text(p.total_reward), "0.00000000");
}

#[test]
fn days_out_of_range_are_errors_naming_days() {
    let a = asset(flat("0.05"));
    for days in [0, MAX_DAYS + 1, u32::MAX] {
        let e = project(&a, &ds(&["1"]), days, false).unwrap_err();
        assert_eq!(e.field, "days", "{days}");
        assert!(e.message.contains("3650"), "{e}");
    }
    assert_eq!(MAX_DAYS, 3650);
}

#[test]
fn ten_years_of_daily_compounding() {
    // 1000 at 3.65% for 3650 days; every day pays at least the simple 0.1
    // and the total exceeds the simple 365.
    let a = asset(flat("0.0365"));
    let p = project(&a, &ds(&["1000"]), MAX_DAYS, true).unwrap();
    assert_eq!(p.days.len(), 3650);
    assert!(p.days.iter().all(|x| x.reward >= d("0.1")));
    assert!(p.total_reward > d("365"));
    let exact = reference::project(a.spec(), &ds(&["1000"]), MAX_DAYS, true);
    assert!(reference::same(p.total_reward, &reference::total(&exact)));
    assert!(reference::same(p.days[3649].reward, &exact[3649].payout));
}

#[test]
fn empty_snapshots_are_an_error() {
    let a = asset(flat("0.05"));
    let e = project(&a, &[], 3, false).unwrap_err();
    assert_eq!(e.field, "snapshots");
}

#[test]
fn compounded_balance_beyond_28_digits_is_not_rounded() {
    // apr 0.365: R = E ÷ 1000. Closing 7.9220779299999999999999999995 (the
    // largest mantissa is 7.92281625…×10^28, so this fits with 28 decimals).
    // Day 1: R = 0.0079220779299… → 0.00792207.
    // Day 2 holds 7.9220779299999999999999999995 + 0.00792207
    //            = 7.9299999999999999999999999995 (exact; too many digits for
    //              a Decimal, which would round it to 7.930000000000000000000000000),
    // R = 0.0079299999999999999999999999995 → 0.00792999 (not 0.00793000).
    let a = asset(flat("0.365"));
    let p = project(&a, &ds(&["7.9220779299999999999999999995"]), 2, true).unwrap();
    assert_eq!(rewards(&p), ["0.00792207", "0.00792999"]);
    assert_eq!(text(p.total_reward), "0.01585206");
    // The displayed balance may be shortened, but never rounded up.
    assert!(p.days[1].balance <= d("7.93"));
    assert!(p.days[1].balance > d("7.9299999999999999999999999"));
}

#[test]
fn total_too_large_for_a_decimal_is_an_error_not_a_rounded_total() {
    // 18 payout decimals: 365000000000001 × 0.05 ÷ 365 = 50000000000.000136986301369863013…
    // → 50000000000.000136986301369863 per day. Two days:
    // 100000000000.000273972602739726, 30 digits: no Decimal holds it with
    // 18 decimals, so the engine must say so instead of printing a rounded total.
    let a = asset(AssetSpec {
        payout_decimals: 18,
        ..flat("0.05")
    });
    let snaps = ds(&["365000000000001"]);
    match project(&a, &snaps, 2, false) {
        Ok(p) => panic!(
            "a total of 100000000000.000273972602739726 cannot be a Decimal, got {}",
            p.total_reward
        ),
        Err(e) => assert_eq!(e.field, "days", "{e}"),
    }
    // One day is fine: 29 digits.
    let p = project(&a, &snaps, 1, false).unwrap();
    assert_eq!(text(p.total_reward), "50000000000.000136986301369863");
}
