//! The hostile requests of the reliability issue: each is one line on stderr
//! naming the field, exit status 2, never a panic.

use super::support::{assert_invalid, assert_rejected, estimate, run};

fn request(asset_fields: &str, rest: &str) -> String {
    format!(r#"{{"asset": {{"symbol": "BNB", {asset_fields}}}, {rest}}}"#)
}

#[test]
fn enormous_and_long_decimals() {
    let forty = "9".repeat(40);
    assert_invalid(
        &request(&format!(r#""apr": "{forty}""#), r#""snapshots": ["1"]"#),
        "asset.apr",
    );
    let line = assert_invalid(
        &request(r#""apr": "0.05""#, &format!(r#""snapshots": ["{forty}"]"#)),
        "snapshots[0]",
    );
    assert!(line.contains("too large"), "{line}");
    // A reward too large for a decimal payout (the largest balance at 100 %,
    // 18 decimals: ~2.2 × 10^26 × 10^18 units) names what the request gave.
    let max = "79228162514264337593543950335";
    let asset = r#""apr": "1", "min_amount": "0", "payout_decimals": 18"#;
    let line = assert_invalid(
        &request(asset, &format!(r#""snapshots": ["{max}"]"#)),
        "snapshots",
    );
    assert!(line.contains("too large"), "{line}");
    let line = assert_invalid(
        &request(
            asset,
            &format!(r#""timeline": {{"opening": "{max}", "changes": []}}"#),
        ),
        "timeline",
    );
    assert!(line.contains("too large"), "{line}");
    let many_decimals = format!("0.{}", "1".repeat(40));
    let line = assert_invalid(
        &request(
            &format!(r#""apr": "{many_decimals}""#),
            r#""snapshots": ["1"]"#,
        ),
        "asset.apr",
    );
    assert!(line.contains("decimals"), "{line}");
    // A JSON number no integer type holds names the field; one beyond even a
    // float is refused by the JSON reader itself, with its position.
    assert_invalid(
        &request(r#""apr": "0.05""#, r#""snapshots": ["1"], "days": 1e300"#),
        "days",
    );
    let line = assert_rejected(&estimate(&request(
        r#""apr": "0.05""#,
        r#""snapshots": ["1"], "days": 1e400"#,
    )));
    assert!(
        line.contains("invalid JSON: number out of range at line 1"),
        "{line}"
    );
}

#[test]
fn nan_infinity_and_unicode_digits() {
    for (value, why) in [
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("-Infinity", "finite"),
        ("١٠٠", "0-9"),
        ("１００", "0-9"),
    ] {
        let line = assert_invalid(
            &request(r#""apr": "0.05""#, &format!(r#""snapshots": ["{value}"]"#)),
            "snapshots[0]",
        );
        assert!(line.contains(why), "{value}: {line}");
    }
    // Bare NaN is not JSON at all.
    let line = assert_rejected(&estimate(&request(
        r#""apr": NaN"#,
        r#""snapshots": ["1"]"#,
    )));
    assert!(line.contains("invalid JSON"), "{line}");
}

#[test]
fn html_in_names_is_data_and_comes_back_unchanged() {
    let out = estimate(&request(
        r#""name": "<script>alert(1)</script>", "apr": "0.05""#,
        r#""snapshots": ["1000"]"#,
    ));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // 1000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630
    assert!(
        out.stdout.contains("\"daily_reward\": \"0.13698630\""),
        "{}",
        out.stdout
    );
}

#[test]
fn duplicate_missing_extra_fields_and_wrong_types() {
    assert_invalid(
        &request(r#""apr": "0.05", "colour": "red""#, r#""snapshots": ["1"]"#),
        "asset.colour",
    );
    assert_invalid(
        r#"{"asset": {"apr": "0.05"}, "snapshots": ["1"]}"#,
        "asset.symbol",
    );
    assert_invalid(
        &request(r#""apr": "0.05""#, r#""snapshots": "1000""#),
        "snapshots",
    );
    assert_invalid(
        &request(
            r#""apr": "0.05""#,
            r#""snapshots": ["1"], "compound": "yes""#,
        ),
        "compound",
    );
    assert_invalid(
        &request(r#""apr": "0.05""#, r#""snapshots": ["1"], "extra": 1"#),
        "extra",
    );
    // Duplicate keys: refused, naming the field (tests/cli_tests/invalid_input.rs).
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.01", "apr": "0.05"}, "snapshots": ["1000"]}"#,
        "asset.apr",
    );
}

#[test]
fn deep_nesting_and_binary_garbage() {
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let line = assert_rejected(&estimate(&deep));
    assert!(line.contains("nested more than 32 levels"), "{line}");
    let line = assert_rejected(&run(&["estimate"], &[0xff, 0xfe, 0x00, 0x9f]));
    assert!(line.starts_with("soft-staking:"), "{line}");
}

#[test]
fn a_later_day_too_large_names_days_and_the_day() {
    // 100 % APR, 18 decimals: a day's payout fits a decimal while the balance
    // is at most (2^96 − 1) ÷ 10^18 × 365 ≈ 2.89183 × 10^13. From 2.8 × 10^13,
    // compounding grows it by 1/365 a day: (1 + 1/365)^(d − 1) > 1.032797 first
    // for d − 1 = 12 (ln 1.032797 ÷ ln(1 + 1/365) = 11.8), on day 13.
    let line = assert_invalid(
        &request(
            r#""apr": "1", "min_amount": "0", "payout_decimals": 18"#,
            r#""snapshots": ["28000000000000"], "days": 30, "compound": true"#,
        ),
        "days",
    );
    assert!(line.contains("day 13: reward too large"), "{line}");
}

#[test]
fn a_byte_order_mark_before_the_json_is_fine() {
    let out = run(
        &["estimate"],
        "\u{feff}{\"asset\": {\"symbol\": \"BNB\", \"apr\": \"0.05\"}, \"snapshots\": [\"1000\"]}"
            .as_bytes(),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    // 1000 × 0.05 ÷ 365 = 0.1369863013… → 0.13698630.
    assert!(
        out.stdout.contains(r#""daily_reward": "0.13698630""#),
        "{}",
        out.stdout
    );
}
