//! Valid requests: the result JSON of the spec, digit for digit.

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::support::{estimate_ok, run, TempFile};

fn dec(v: &Value) -> Decimal {
    Decimal::from_str_exact(v.as_str().expect("decimals are strings")).unwrap()
}

#[test]
fn worked_example_full_result() {
    // 1000 × 0.05 ÷ 365 = 0.136986301369… → 0.13698630;
    // APY (1 + 0.05 ÷ 365)^365 − 1 = 0.05126749646… → 0.0512674965.
    let got = estimate_ok(r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "snapshots": ["1000"]}"#);
    let want = json!({
        "symbol": "BNB",
        "status": "eligible",
        "average_balance": "1000",
        "eligible_balance": "1000",
        "daily_reward": "0.13698630",
        "below_payout_precision": false,
        "days": [{"day": 1, "balance": "1000", "eligible": "1000", "reward": "0.13698630"}],
        "total_reward": "0.13698630",
        "apy": "0.0512674965"
    });
    assert_eq!(got, want);
}

#[test]
fn tiered_example() {
    // 500×0.12 + 4500×0.008 + 5000×0.003 = 111; 111 ÷ 365 = 0.304109589… → 0.30410958.
    // APY uses the first tier: (1 + 0.12 ÷ 365)^365 − 1 = 0.12747461563… → 0.1274746156.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "USDT", "tiers": [
              {"up_to": "500", "apr": "0.12"},
              {"up_to": "5000", "apr": "0.008"},
              {"up_to": null, "apr": "0.003"}]},
            "snapshots": ["10000"]}"#,
    );
    assert_eq!(got["daily_reward"], "0.30410958");
    assert_eq!(got["status"], "eligible");
    assert_eq!(got["eligible_balance"], "10000");
    assert_eq!(got["apy"], "0.1274746156");
}

#[test]
fn spec_request_example_compounding_30_days() {
    // Day 1: A = 2500/3, 0.11415525. Day 2: 500.11415525 → 0.06850878.
    // Day 3: 500.18266403 → 0.06851817 (see the engine's worked examples).
    let got = estimate_ok(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"},
            "snapshots": ["1000", "1000", "500"], "days": 30, "compound": true}"#,
    );
    let days = got["days"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    assert_eq!(got["daily_reward"], "0.11415525");
    assert_eq!(days[0]["reward"], "0.11415525");
    assert_eq!(days[1]["reward"], "0.06850878");
    assert_eq!(days[1]["balance"], "500.11415525");
    assert_eq!(days[2]["reward"], "0.06851817");
    assert_eq!(days[2]["balance"], "500.18266403");
    // Every later day holds 500 plus all earlier payouts; every payout has 8
    // decimals; the total is their sum.
    let mut paid = Decimal::ZERO;
    for (i, day) in days.iter().enumerate() {
        assert_eq!(day["day"], i + 1);
        let reward = day["reward"].as_str().unwrap();
        assert_eq!(reward.split('.').nth(1).map(str::len), Some(8), "{reward}");
        if i > 0 {
            assert_eq!(
                dec(&day["balance"]),
                Decimal::from(500) + paid,
                "day {}",
                i + 1
            );
        }
        paid += dec(&day["reward"]);
    }
    assert_eq!(dec(&got["total_reward"]), paid);
    assert_eq!(
        got["total_reward"]
            .as_str()
            .unwrap()
            .split('.')
            .nth(1)
            .unwrap()
            .len(),
        8
    );
}

#[test]
fn simple_projection_30_days() {
    // 0.11415525 + 29 × (500 × 0.05 ÷ 365 → 0.06849315) = 0.11415525 + 1.98630135 = 2.10045660.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"},
            "snapshots": ["1000", "1000", "500"], "days": 30}"#,
    );
    assert_eq!(got["total_reward"], "2.10045660");
    assert_eq!(got["days"][29]["reward"], "0.06849315");
    assert_eq!(got["days"][29]["balance"], "500");
}

#[test]
fn timeline_request() {
    // Hourly snapshots: 00:00–11:00 see 1000, 12:00–23:00 see 500 → A = 750;
    // 750 × 0.05 ÷ 365 = 0.102739726… → 0.10273972. The changes come out of
    // order; the two at 12:00 resolve to the later one in the list (500).
    let got = estimate_ok(
        r#"{"asset": {"symbol": "ETH", "apr": "0.05"},
            "timeline": {"opening": "1000", "changes": [
                {"at": "12:00", "balance": "1"},
                {"at": "06:00", "balance": "1000"},
                {"at": "12:00", "balance": "500"}]}}"#,
    );
    assert_eq!(got["average_balance"], "750");
    assert_eq!(got["daily_reward"], "0.10273972");
}

#[test]
fn timeline_with_one_snapshot_a_day() {
    // snapshots_per_day 1: only 00:00 counts, where the opening 200 holds.
    // 200 × 0.0365 ÷ 365 = 0.02.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "ETH", "apr": "0.0365", "snapshots_per_day": 1},
            "timeline": {"opening": "200", "changes": [{"at": "00:01", "balance": "0"}]}}"#,
    );
    assert_eq!(got["average_balance"], "200");
    assert_eq!(got["daily_reward"], "0.02000000");
}

#[test]
fn capped_and_below_minimum() {
    // BNB: min 0.5, cap 1000, 0.15%. 2000 → capped, E = 1000,
    // 1000 × 0.0015 ÷ 365 = 0.004109589… → 0.00410958.
    let asset = r#""asset": {"symbol": "BNB", "name": "BNB", "apr": "0.0015",
                   "min_amount": "0.5", "max_cap": "1000", "price": "600"}"#;
    let got = estimate_ok(&format!(r#"{{{asset}, "snapshots": ["2000"]}}"#));
    assert_eq!(got["status"], "capped");
    assert_eq!(got["average_balance"], "2000");
    assert_eq!(got["eligible_balance"], "1000");
    assert_eq!(got["daily_reward"], "0.00410958");
    // 0.4 < 0.5 → below_minimum: E = 0, nothing paid, not flagged as dust.
    let got = estimate_ok(&format!(r#"{{{asset}, "snapshots": ["0.4"]}}"#));
    assert_eq!(got["status"], "below_minimum");
    assert_eq!(got["eligible_balance"], "0");
    assert_eq!(got["daily_reward"], "0.00000000");
    assert_eq!(got["below_payout_precision"], false);
    // Exactly at the minimum: eligible. 0.5 × 0.0015 ÷ 365 = 0.0000020547… → 0.00000205.
    let got = estimate_ok(&format!(r#"{{{asset}, "snapshots": ["0.5"]}}"#));
    assert_eq!(got["status"], "eligible");
    assert_eq!(got["daily_reward"], "0.00000205");
}

#[test]
fn cap_below_the_minimum_follows_step_two_in_order() {
    // min 10, cap 5, 5%: 9 < 10 → below_minimum; 20 ≥ 10 and > 5 → capped,
    // E = 5, 5 × 0.05 ÷ 365 = 0.000684931… → 0.00068493.
    let asset = r#""asset": {"symbol": "ABC", "apr": "0.05", "min_amount": "10", "max_cap": "5"}"#;
    let got = estimate_ok(&format!(r#"{{{asset}, "snapshots": ["20"]}}"#));
    assert_eq!(got["status"], "capped");
    assert_eq!(got["eligible_balance"], "5");
    assert_eq!(got["daily_reward"], "0.00068493");
    let got = estimate_ok(&format!(r#"{{{asset}, "snapshots": ["9"]}}"#));
    assert_eq!(got["status"], "below_minimum");
    assert_eq!(got["daily_reward"], "0.00000000");
}

#[test]
fn more_snapshots_than_minutes_in_a_day() {
    // 1000 × "1000" then 1000 × "0": A = 500, 500 × 0.05 ÷ 365 = 0.0684931506… → 0.06849315.
    let snapshots: Vec<&str> = [r#""1000""#; 1000]
        .into_iter()
        .chain([r#""0""#; 1000])
        .collect();
    let got = estimate_ok(&format!(
        r#"{{"asset": {{"symbol": "BNB", "apr": "0.05"}}, "snapshots": [{}]}}"#,
        snapshots.join(",")
    ));
    assert_eq!(got["average_balance"], "500");
    assert_eq!(got["daily_reward"], "0.06849315");
}

#[test]
fn dust_below_payout_precision() {
    // 2 payout decimals: 1 × 0.05 ÷ 365 = 0.000136… → 0.00, flagged.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "0.05", "payout_decimals": 2},
            "snapshots": ["1"], "days": 3}"#,
    );
    assert_eq!(got["daily_reward"], "0.00");
    assert_eq!(got["below_payout_precision"], true);
    assert_eq!(got["total_reward"], "0.00");
    assert_eq!(got["days"][2]["reward"], "0.00");
}

#[test]
fn payout_decimals_zero_and_eighteen() {
    // 0 decimals: 10000 × 0.05 ÷ 365 = 1.369… → "1"; 3 days → "3".
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "0.05", "payout_decimals": 0},
            "snapshots": ["10000"], "days": 3}"#,
    );
    assert_eq!(got["daily_reward"], "1");
    assert_eq!(got["total_reward"], "3");
    // 18 decimals: 50 ÷ 365 = 0.(13698630) → 0.136986301369863013.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "0.05", "payout_decimals": 18},
            "snapshots": ["1000"]}"#,
    );
    assert_eq!(got["daily_reward"], "0.136986301369863013");
}

#[test]
fn exact_average_of_thirds() {
    // A = 2/3, apr 1.095: R = 2/3 × 0.003 = 0.002 exactly, 18 decimals.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "1.095", "payout_decimals": 18},
            "snapshots": ["2", "0", "0"]}"#,
    );
    assert_eq!(got["daily_reward"], "0.002000000000000000");
    assert!(got["average_balance"]
        .as_str()
        .unwrap()
        .starts_with("0.6666666666666666666666666"));
}

#[test]
fn nulls_count_as_absent_and_apy_may_be_null() {
    // (1 + 10^6 ÷ 365)^365 is far beyond a Decimal: APY is null.
    // 1 × 10^6 ÷ 365 = 2739.726027397… → 2739.72602739.
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "1000000", "name": null, "max_cap": null,
                      "tiers": null, "price": null},
            "snapshots": ["1"], "timeline": null, "compound": null, "days": null}"#,
    );
    assert_eq!(got["apy"], Value::Null);
    assert_eq!(got["daily_reward"], "2739.72602739");
    assert_eq!(got["days"].as_array().unwrap().len(), 1);
}

#[test]
fn ten_year_horizon() {
    let got = estimate_ok(
        r#"{"asset": {"symbol": "X", "apr": "0.0365"}, "snapshots": ["1000"],
            "days": 3650, "compound": false}"#,
    );
    // 1000 × 0.0365 ÷ 365 = 0.1 every day; 3650 days → 365.
    assert_eq!(got["days"].as_array().unwrap().len(), 3650);
    assert_eq!(got["days"][3649]["day"], 3650);
    assert_eq!(got["total_reward"], "365.00000000");
}

#[test]
fn dash_reads_stdin() {
    let out = run(
        &["estimate", "-"],
        br#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "snapshots": ["1000"]}"#,
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let got: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(got["daily_reward"], "0.13698630");
}

#[test]
fn file_with_bom_free_crlf_and_trailing_whitespace() {
    let file = TempFile::with(
        b"{\r\n \"asset\": {\"symbol\": \"BNB\", \"apr\": \"0.05\"},\r\n \"snapshots\": [\"1000\"]\r\n}\r\n\r\n  ",
    );
    let out = run(&["estimate", file.path()], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let got: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(got["daily_reward"], "0.13698630");
}

#[test]
fn help_and_version() {
    for args in [
        &["--help"][..],
        &["estimate", "--help"],
        &["estimate", "-h"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
        assert!(out.stdout.contains("soft-staking estimate"), "{args:?}");
    }
    let out = run(&["--version"], b"");
    assert_eq!(out.code, Some(0));
    assert!(out.stdout.starts_with("soft-staking "));
}
