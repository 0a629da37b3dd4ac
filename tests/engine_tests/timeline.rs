//! Intraday timeline: snapshot i of n at ⌊i × 86400 ÷ n⌋ seconds sees the
//! latest change with `at` ≤ that time (ties: the later in the list), else
//! the opening balance.

use proptest::prelude::*;
use rust_decimal::Decimal;
use soft_staking::engine::timeline::snapshot_second;
use soft_staking::engine::{day_from_snapshots, BalanceChange, TimeOfDay, Timeline};

use super::generators::balance;
use super::reference;
use super::support::{asset, d, flat, text};

fn at(hhmm: &str) -> TimeOfDay {
    TimeOfDay::parse(hhmm).unwrap_or_else(|| panic!("bad time {hhmm}"))
}

fn timeline(opening: &str, changes: &[(&str, &str)]) -> Timeline {
    Timeline {
        opening: d(opening),
        changes: changes
            .iter()
            .map(|(t, b)| BalanceChange {
                at: at(t),
                balance: d(b),
            })
            .collect(),
    }
}

#[test]
fn snapshot_seconds_are_floored_even_spacing() {
    // 24 a day: every hour.
    assert_eq!(snapshot_second(0, 24), 0);
    assert_eq!(snapshot_second(1, 24), 3_600);
    assert_eq!(snapshot_second(23, 24), 82_800);
    // 7 a day: 86400 ÷ 7 = 12342.857… → 12342; 6 × 86400 ÷ 7 = 74057.14… → 74057.
    assert_eq!(snapshot_second(1, 7), 12_342);
    assert_eq!(snapshot_second(6, 7), 74_057);
    // 1440 a day: every minute, the last at 23:59.
    assert_eq!(snapshot_second(1, 1440), 60);
    assert_eq!(snapshot_second(1439, 1440), 86_340);
    // One a day: at 00:00.
    assert_eq!(snapshot_second(0, 1), 0);
    // 3 a day: 00:00, 08:00, 16:00.
    assert_eq!(snapshot_second(2, 3), 57_600);
}

#[test]
fn time_of_day_parsing_and_display() {
    assert_eq!(at("00:00").seconds(), 0);
    assert_eq!(at("12:30").seconds(), 45_000);
    assert_eq!(at("23:59").seconds(), 86_340);
    assert_eq!(at("07:05").to_string(), "07:05");
    assert_eq!(TimeOfDay::new(23, 59), Some(at("23:59")));
    assert_eq!(TimeOfDay::new(24, 0), None);
    assert_eq!(TimeOfDay::new(0, 60), None);
    for bad in [
        "24:00", "12:60", "1:00", "12:0", "12-00", "ab:cd", "", "12:000", " 1:00", "+1:00",
    ] {
        assert_eq!(TimeOfDay::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn change_at_noon_with_hourly_snapshots() {
    // Snapshots 00:00…11:00 see 1000, 12:00…23:00 see 500 (at ≤ time):
    // A = (12×1000 + 12×500) ÷ 24 = 750; R = 750 × 0.05 ÷ 365 = 0.102739726… → 0.10273972.
    let t = timeline("1000", &[("12:00", "500")]);
    let snaps = t.snapshots(24).unwrap();
    assert_eq!(snaps.len(), 24);
    assert_eq!(snaps[11].second, 39_600);
    assert_eq!(snaps[11].balance, d("1000"));
    assert_eq!(snaps[12].second, 43_200);
    assert_eq!(snaps[12].balance, d("500"));
    let a = asset(flat("0.05"));
    let day = day_from_snapshots(&a, &t.snapshot_balances(24).unwrap()).unwrap();
    assert_eq!(day.average_balance, d("750"));
    assert_eq!(text(day.reward), "0.10273972");
}

#[test]
fn change_one_minute_after_a_snapshot_misses_it() {
    // 12:01 > 12:00, so the 12:00 snapshot still sees 1000:
    // A = (13×1000 + 11×500) ÷ 24 = 18500 ÷ 24 = 770.8333…
    let t = timeline("1000", &[("12:01", "500")]);
    let b = t.snapshot_balances(24).unwrap();
    assert_eq!(b[12], d("1000"));
    assert_eq!(b[13], d("500"));
    assert_eq!(b.iter().filter(|x| **x == d("1000")).count(), 13);
}

#[test]
fn uneven_spacing_uses_the_floored_second() {
    // n = 7: snapshot 1 at 12342 s (03:25:42). 03:25 = 12300 s ≤ 12342 → seen;
    // 03:26 = 12360 s > 12342 → not seen.
    let seen = timeline("0", &[("03:25", "7")])
        .snapshot_balances(7)
        .unwrap();
    assert_eq!(
        seen,
        [d("0"), d("7"), d("7"), d("7"), d("7"), d("7"), d("7")]
    );
    let missed = timeline("0", &[("03:26", "7")])
        .snapshot_balances(7)
        .unwrap();
    assert_eq!(missed[1], d("0"));
    assert_eq!(missed[2], d("7"));
}

#[test]
fn change_at_midnight_replaces_the_opening_balance() {
    let b = timeline("1000", &[("00:00", "3")])
        .snapshot_balances(24)
        .unwrap();
    assert!(b.iter().all(|x| *x == d("3")));
}

#[test]
fn change_at_23_59() {
    // Hourly: the last snapshot is 23:00, so 23:59 is never seen.
    let t = timeline("10", &[("23:59", "0")]);
    assert!(t
        .snapshot_balances(24)
        .unwrap()
        .iter()
        .all(|x| *x == d("10")));
    // Every minute: only the last snapshot (86340 s = 23:59) sees it.
    let b = t.snapshot_balances(1440).unwrap();
    assert_eq!(b[1438], d("10"));
    assert_eq!(b[1439], d("0"));
}

#[test]
fn one_snapshot_a_day_sees_only_midnight() {
    let t = timeline("10", &[("00:01", "20")]);
    assert_eq!(t.snapshot_balances(1).unwrap(), [d("10")]);
}

#[test]
fn changes_in_any_order() {
    // Sorted: 06:00 → 2000, 18:00 → 0. Hours 0–5: 1000, 6–17: 2000, 18–23: 0:
    // A = (6×1000 + 12×2000 + 6×0) ÷ 24 = 30000 ÷ 24 = 1250.
    let t = timeline("1000", &[("18:00", "0"), ("06:00", "2000")]);
    let a = asset(flat("0.0365"));
    let day = day_from_snapshots(&a, &t.snapshot_balances(24).unwrap()).unwrap();
    assert_eq!(day.average_balance, d("1250"));
    // R = 1250 × 0.0365 ÷ 365 = 0.125.
    assert_eq!(text(day.reward), "0.12500000");
}

#[test]
fn of_two_changes_at_the_same_time_the_later_in_the_list_wins() {
    let b = timeline("0", &[("12:00", "1"), ("12:00", "2")])
        .snapshot_balances(24)
        .unwrap();
    assert_eq!(b[12], d("2"));
    let b = timeline("0", &[("12:00", "2"), ("12:00", "1")])
        .snapshot_balances(24)
        .unwrap();
    assert_eq!(b[12], d("1"));
    // Interleaved with another time: still list order among equals.
    let b = timeline("0", &[("12:00", "5"), ("06:00", "9"), ("12:00", "6")])
        .snapshot_balances(24)
        .unwrap();
    assert_eq!(b[6], d("9"));
    assert_eq!(b[12], d("6"));
}

#[test]
fn negative_balances_are_errors_naming_the_field() {
    let bad_opening = Timeline {
        opening: d("-1"),
        changes: vec![],
    };
    let e = bad_opening.snapshots(24).unwrap_err();
    assert_eq!(e.field, "opening");
    let bad_change = timeline("1", &[("01:00", "2"), ("02:00", "3")]);
    let mut bad_change = bad_change;
    bad_change.changes[1].balance = d("-0.5");
    let e = bad_change.snapshot_balances(24).unwrap_err();
    assert_eq!(e.field, "changes[1].balance");
    assert!(e.message.contains("negative"), "{e}");
}

#[test]
fn zero_snapshots_a_day_is_an_error() {
    let e = timeline("1", &[]).snapshots(0).unwrap_err();
    assert_eq!(e.field, "snapshots_per_day");
}

fn change() -> impl Strategy<Value = (u32, Decimal)> {
    (0u32..1440, balance()).prop_map(|(minute, b)| (minute * 60, b))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The engine's sampler agrees with the reference on random days.
    #[test]
    fn sampling_matches_the_reference(
        opening in balance(),
        changes in prop::collection::vec(change(), 0..24),
        n in prop_oneof![1u32..=48, 1u32..=1440],
    ) {
        let t = Timeline {
            opening,
            changes: changes
                .iter()
                .map(|&(s, b)| BalanceChange {
                    at: TimeOfDay::new(s / 3600, (s / 60) % 60).unwrap(),
                    balance: b,
                })
                .collect(),
        };
        let snaps = t.snapshots(n).unwrap();
        prop_assert_eq!(snaps.len(), n as usize);
        for (i, s) in snaps.iter().enumerate() {
            prop_assert_eq!(s.second, reference::snapshot_second(i as u32, n));
            prop_assert_eq!(snapshot_second(i as u32, n), s.second);
        }
        let expected = reference::timeline_balances(opening, &changes, n);
        let got: Vec<Decimal> = snaps.iter().map(|s| s.balance).collect();
        // Same values and same representation (scale) as entered.
        prop_assert_eq!(
            got.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            expected.iter().map(|x| x.to_string()).collect::<Vec<_>>()
        );
    }

    /// Changes given in reverse time order (same times kept in list order)
    /// sample the same day.
    #[test]
    fn order_of_distinct_times_does_not_matter(
        opening in balance(),
        minutes in prop::collection::btree_set(0u32..1440, 0..12),
        n in 1u32..=1440,
    ) {
        let changes: Vec<BalanceChange> = minutes
            .iter()
            .map(|&m| BalanceChange {
                at: TimeOfDay::new(m / 60, m % 60).unwrap(),
                balance: Decimal::from(m),
            })
            .collect();
        let forward = Timeline { opening, changes: changes.clone() };
        let mut reversed = changes;
        reversed.reverse();
        let backward = Timeline { opening, changes: reversed };
        prop_assert_eq!(
            forward.snapshot_balances(n).unwrap(),
            backward.snapshot_balances(n).unwrap()
        );
    }
}

#[test]
fn the_balance_in_force_at_a_time_follows_the_snapshot_rule() {
    // Out of order, two at 12:00 (the later in the list wins).
    let t = timeline(
        "1000",
        &[("18:00", "300"), ("12:00", "500"), ("12:00", "400")],
    );
    assert_eq!(t.balance_at(at("11:59")), d("1000"));
    assert_eq!(t.balance_at(at("12:00")), d("400"));
    assert_eq!(t.balance_at(at("17:59")), d("400"));
    assert_eq!(t.balance_at(at("23:59")), d("300"));
}
