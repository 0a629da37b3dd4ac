//! Invalid input: exit 2, empty stdout, exactly one line on stderr naming the
//! problem (the field, when there is one), never a panic. Each request goes
//! through both the file argument and stdin.

use super::support::{assert_invalid, assert_rejected, estimate, estimate_ok, run, TempFile};

fn with_asset(asset: &str) -> String {
    format!(r#"{{"asset": {asset}, "snapshots": ["1000"]}}"#)
}

fn with_snapshots(snapshots: &str) -> String {
    format!(r#"{{"asset": {{"symbol": "BNB", "apr": "0.05"}}, "snapshots": {snapshots}}}"#)
}

fn with_extra(extra: &str) -> String {
    format!(r#"{{"asset": {{"symbol": "BNB", "apr": "0.05"}}, "snapshots": ["1"], {extra}}}"#)
}

#[test]
fn malformed_decimals() {
    for apr in [
        "0.0.5", "5%", "1e-2", "", " ", "0,05", "abc", "NaN", "+0.05",
    ] {
        assert_invalid(
            &with_asset(&format!(r#"{{"symbol": "BNB", "apr": "{apr}"}}"#)),
            "asset.apr",
        );
    }
    assert_invalid(&with_snapshots(r#"["1000", "1,000"]"#), "snapshots[1]");
    assert_invalid(
        &with_snapshots(r#"["0.00000000000000000000000000001"]"#),
        "snapshots[0]",
    );
    assert_invalid(
        &with_snapshots(r#"["79228162514264337593543950336"]"#),
        "snapshots[0]",
    );
    let line = assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "min_amount": "1.2.3"}"#),
        "asset.min_amount",
    );
    assert!(line.contains("decimal point"), "{line}");
    // Padding is not part of a contract decimal.
    for padded in [r#"" 1""#, r#""1 ""#, r#""\t1\n""#, r#""1\u00a0""#] {
        let line = assert_invalid(&with_snapshots(&format!("[{padded}]")), "snapshots[0]");
        assert!(line.contains("spaces"), "{line}");
    }
}

#[test]
fn negative_balances() {
    let line = assert_invalid(&with_snapshots(r#"["1000", "-1"]"#), "snapshots[1]");
    assert!(line.contains("negative"), "{line}");
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "timeline": {"opening": "-5"}}"#,
        "timeline.opening",
    );
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"},
            "timeline": {"opening": "5", "changes": [{"at": "01:00", "balance": "-1"}]}}"#,
        "timeline.changes[0].balance",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "-0.05"}"#),
        "asset.apr",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "max_cap": "-1"}"#),
        "asset.max_cap",
    );
}

#[test]
fn both_apr_and_tiers() {
    let line = assert_invalid(
        &with_asset(
            r#"{"symbol": "BNB", "apr": "0.05", "tiers": [{"up_to": null, "apr": "0.1"}]}"#,
        ),
        "asset.tiers",
    );
    assert!(line.contains("apr"), "{line}");
    // Neither: the missing rate is named.
    assert_invalid(&with_asset(r#"{"symbol": "BNB"}"#), "asset.apr");
}

#[test]
fn tiers_out_of_order_or_malformed() {
    assert_invalid(
        &with_asset(
            r#"{"symbol": "USDT", "tiers": [
                {"up_to": "5000", "apr": "0.12"}, {"up_to": "500", "apr": "0.008"},
                {"up_to": null, "apr": "0.003"}]}"#,
        ),
        "asset.tiers[1].up_to",
    );
    assert_invalid(
        &with_asset(
            r#"{"symbol": "USDT", "tiers": [{"up_to": null, "apr": "0.1"}, {"up_to": "5", "apr": "0.1"}]}"#,
        ),
        "asset.tiers[0].up_to",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "USDT", "tiers": [{"up_to": "5", "apr": "0.1"}]}"#),
        "asset.tiers[0].up_to",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "USDT", "tiers": []}"#),
        "asset.tiers",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "USDT", "tiers": [{"up_to": null, "apr": 0.1}]}"#),
        "asset.tiers[0].apr",
    );
}

#[test]
fn json_numbers_instead_of_decimal_strings() {
    let line = assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": 0.05}"#),
        "asset.apr",
    );
    assert!(line.contains("decimal string"), "{line}");
    assert_invalid(&with_asset(r#"{"symbol": "BNB", "apr": 1}"#), "asset.apr");
    assert_invalid(&with_snapshots("[1000]"), "snapshots[0]");
    assert_invalid(&with_snapshots(r#"["1000", 1e3]"#), "snapshots[1]");
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "min_amount": 0.5}"#),
        "asset.min_amount",
    );
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "timeline": {"opening": 1000}}"#,
        "timeline.opening",
    );
}

#[test]
fn days_out_of_range() {
    for days in [
        "0",
        "3651",
        "-1",
        "1.5",
        "\"ten\"",
        "\"30\"",
        "99999999999999999999999",
    ] {
        let line = assert_invalid(&with_extra(&format!(r#""days": {days}"#)), "days");
        assert!(line.contains("3650"), "{line}");
    }
}

#[test]
fn unknown_fields() {
    assert_invalid(&with_extra(r#""compund": true"#), "compund");
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "apy": "0.05"}"#),
        "asset.apy",
    );
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "timeline": {"opening": "1", "close": "2"}}"#,
        "timeline.close",
    );
}

#[test]
fn fields_given_twice() {
    // JSON parsers disagree on which of two values counts: the request is
    // refused, naming the field, instead of read one way.
    let line = assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "apr": "0.10"}"#),
        "asset.apr",
    );
    assert!(line.contains("more than once"), "{line}");
    assert_invalid(&with_extra(r#""days": 2, "days": 3"#), "days");
    assert_invalid(
        &with_asset(r#"{"symbol": "X", "tiers": [{"up_to": null, "apr": "0.1", "apr": "0.2"}]}"#),
        "asset.tiers[0].apr",
    );
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "timeline": {"opening": "1", "changes": [{"at": "01:00", "at": "02:00", "balance": "2"}]}}"#,
        "timeline.changes[0].at",
    );
    // The same key in two different objects is no duplicate.
    let result = estimate_ok(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "timeline": {"opening": "1000", "changes": [{"at": "12:00", "balance": "1000"}, {"at": "13:00", "balance": "1000"}]}}"#,
    );
    assert_eq!(result["daily_reward"], "0.13698630");
}

#[test]
fn other_wrong_types_and_values() {
    assert_invalid(&with_extra(r#""compound": "yes""#), "compound");
    assert_invalid(&with_snapshots("[]"), "snapshots");
    assert_invalid(&with_snapshots(r#""1000""#), "snapshots");
    assert_invalid(&with_extra(r#""timeline": {"opening": "1"}"#), "timeline");
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}}"#,
        "snapshots",
    );
    assert_invalid(r#"{"snapshots": ["1"]}"#, "asset");
    assert_invalid(&with_asset(r#"{"apr": "0.05"}"#), "asset.symbol");
    assert_invalid(
        &with_asset(r#"{"symbol": "bnb", "apr": "0.05"}"#),
        "asset.symbol",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "payout_decimals": 19}"#),
        "asset.payout_decimals",
    );
    assert_invalid(
        &with_asset(r#"{"symbol": "BNB", "apr": "0.05", "snapshots_per_day": 1441}"#),
        "asset.snapshots_per_day",
    );
    let too_many: Vec<&str> = vec![r#""1""#; 86_401];
    assert_invalid(
        &with_snapshots(&format!("[{}]", too_many.join(","))),
        "snapshots",
    );
}

#[test]
fn timeline_bad_times() {
    for at in [
        "24:00", "12:60", "7:00", "07:0", "0700", "07.00", "", "noon",
    ] {
        let line = assert_invalid(
            &format!(
                r#"{{"asset": {{"symbol": "BNB", "apr": "0.05"}},
                    "timeline": {{"opening": "1", "changes": [{{"at": "{at}", "balance": "2"}}]}}}}"#
            ),
            "timeline.changes[0].at",
        );
        assert!(line.contains("HH:MM"), "{line}");
    }
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"},
            "timeline": {"opening": "1", "changes": [{"balance": "2"}, {"at": 700, "balance": "2"}]}}"#,
        "timeline.changes[0].at",
    );
    assert_invalid(
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"},
            "timeline": {"opening": "1", "changes": [{"at": "01:00", "balance": "2"}, {"at": 700, "balance": "2"}]}}"#,
        "timeline.changes[1].at",
    );
}

#[test]
fn invalid_json() {
    for text in [
        "",
        "{",
        "not json",
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "snapshots": ["1000"]} trailing"#,
        r#"{"asset": {"symbol": "BNB", "apr": "0.05"}, "snapshots": ["1000"],}"#,
        "\u{feff}",
        "\u{feff}\u{feff}{}",
    ] {
        let line = assert_rejected(&estimate(text));
        assert!(line.contains("JSON"), "{text:?} → {line}");
    }
    // Valid JSON that is not an object.
    for text in ["[]", "42", "\"estimate\"", "null"] {
        let line = assert_rejected(&estimate(text));
        assert!(line.contains("object"), "{text:?} → {line}");
    }
}

#[test]
fn deep_nesting_is_rejected_without_a_crash() {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert_rejected(&estimate(&deep));
}

#[test]
fn non_utf8_input() {
    let file = TempFile::with(b"{\"asset\": \xff}");
    assert_rejected(&run(&["estimate", file.path()], b""));
    assert_rejected(&run(&["estimate"], b"{\"asset\": \xff}"));
}

#[test]
fn payout_too_large_for_a_decimal() {
    // (2^96 − 1) × 1 ÷ 365 with 8 decimals needs 35 digits: an error, not a panic.
    assert_invalid(
        &with_asset(r#"{"symbol": "BIG", "apr": "1"}"#)
            .replace(r#"["1000"]"#, r#"["79228162514264337593543950335"]"#),
        "snapshots",
    );
}

#[test]
fn missing_file() {
    let path = std::env::temp_dir().join("soft-staking-cli-test-does-not-exist.json");
    let path = path.to_str().unwrap();
    let line = assert_rejected(&run(&["estimate", path], b""));
    assert!(line.contains(path), "{line}");
    // A directory is not a request file either.
    let dir = std::env::temp_dir();
    assert_rejected(&run(&["estimate", dir.to_str().unwrap()], b""));
}

#[test]
fn usage_errors() {
    for args in [
        &[][..],
        &["estimate", "a.json", "b.json"][..],
        &["frobnicate"][..],
    ] {
        let line = assert_rejected(&run(args, b""));
        assert!(line.contains("usage"), "{args:?} → {line}");
    }
}
