//! Errors are values that name the field: asset validation, decimal parsing,
//! the request and widget-config documents.

use rust_decimal::Decimal;
use serde_json::json;
use soft_staking::config::decimal::parse_decimal;
use soft_staking::config::request::parse_request;
use soft_staking::config::typed_number::parse_typed_balance;
use soft_staking::config::widget_config::{Mode, Theme, WidgetConfig};
use soft_staking::config::Loose;
use soft_staking::engine::{day_from_balance, day_from_snapshots, Asset, AssetSpec, EngineError};

use super::support::{asset, d, ds, flat};

fn spec_error(spec: AssetSpec) -> EngineError {
    Asset::new(spec).unwrap_err()
}

fn loose(value: serde_json::Value) -> Loose {
    Loose::from_deserializer(value).unwrap()
}

fn loose_text(json: &str) -> Result<Loose, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    Loose::from_deserializer(&mut de)
}

/// The field named by the error for a request document.
fn request_error(value: serde_json::Value) -> EngineError {
    parse_request(&loose(value)).unwrap_err()
}

fn config_error(value: serde_json::Value) -> EngineError {
    WidgetConfig::parse(&loose(value)).unwrap_err()
}

#[test]
fn symbol_rules() {
    for bad in ["", "bnb", "BN-B", "ABCDEFGHIJKLM", "ÄB", "B B"] {
        let e = spec_error(AssetSpec {
            symbol: bad.into(),
            ..flat("0.05")
        });
        assert_eq!(e.field, "symbol", "{bad:?}");
    }
    // 12 characters A-Z / 0-9 is the limit.
    assert!(Asset::new(AssetSpec {
        symbol: "ABCDEFGHIJ12".into(),
        ..flat("0.05")
    })
    .is_ok());
}

#[test]
fn name_and_display_name() {
    let e = spec_error(AssetSpec {
        name: Some("x".repeat(65)),
        ..flat("0.05")
    });
    assert_eq!(e.field, "name");
    let named = asset(AssetSpec {
        name: Some("Solana".into()),
        ..flat("0.05")
    });
    assert_eq!(named.display_name(), "Solana");
    assert_eq!(asset(flat("0.05")).display_name(), "TST");
}

#[test]
fn negative_values_name_their_field() {
    assert_eq!(spec_error(flat("-0.05")).field, "apr");
    let neg = |f: fn(&mut AssetSpec)| {
        let mut s = flat("0.05");
        f(&mut s);
        spec_error(s).field
    };
    assert_eq!(neg(|s| s.min_amount = d("-1")), "min_amount");
    assert_eq!(neg(|s| s.max_cap = Some(d("-1"))), "max_cap");
    assert_eq!(neg(|s| s.price = Some(d("-0.01"))), "price");
    // A negative zero is zero, not negative.
    assert!(Asset::new(AssetSpec {
        min_amount: d("-0"),
        ..flat("0.05")
    })
    .is_ok());
}

#[test]
fn cap_below_minimum_is_accepted() {
    // The spec lists no such error: step 2 orders the two rules.
    assert!(Asset::new(AssetSpec {
        min_amount: d("100"),
        max_cap: Some(d("99.99")),
        ..flat("0.05")
    })
    .is_ok());
}

#[test]
fn payout_decimals_and_snapshots_per_day_ranges() {
    let with = |pd: u32, n: u32| {
        Asset::new(AssetSpec {
            payout_decimals: pd,
            snapshots_per_day: n,
            ..flat("0.05")
        })
    };
    assert!(with(0, 1).is_ok());
    assert!(with(18, 1440).is_ok());
    assert_eq!(with(19, 24).unwrap_err().field, "payout_decimals");
    assert_eq!(with(8, 0).unwrap_err().field, "snapshots_per_day");
    assert_eq!(with(8, 1441).unwrap_err().field, "snapshots_per_day");
}

#[test]
fn negative_and_missing_balances() {
    let a = asset(flat("0.05"));
    let e = day_from_snapshots(&a, &ds(&["1", "-2", "3"])).unwrap_err();
    assert_eq!(e.field, "snapshots[1]");
    assert_eq!(e.to_string(), format!("snapshots[1]: {}", e.message));
    assert_eq!(
        day_from_balance(&a, d("-0.00000001")).unwrap_err().field,
        "balance"
    );
    assert_eq!(day_from_snapshots(&a, &[]).unwrap_err().field, "snapshots");
}

#[test]
fn engine_error_display_and_within() {
    let e = EngineError::new("apr", "must not be negative");
    assert_eq!(e.to_string(), "apr: must not be negative");
    assert_eq!(e.clone().within("asset").field, "asset.apr");
    assert_eq!(e.clone().within("").field, "apr");
    assert_eq!(
        EngineError::new("[2]", "x").within("snapshots").field,
        "snapshots[2]"
    );
    assert_eq!(EngineError::new("", "x").within("asset").field, "asset");
    assert_eq!(EngineError::new("", "bare").to_string(), "bare");
}

#[test]
fn parse_decimal_accepts_contract_decimals() {
    let ok = |t: &str| parse_decimal(t).unwrap().to_string();
    assert_eq!(ok("1000"), "1000");
    assert_eq!(ok("0.05"), "0.05");
    assert_eq!(ok("1.50"), "1.50");
    assert_eq!(ok(".5"), "0.5");
    assert_eq!(
        ok("0.0000000000000000000000000001"),
        "0.0000000000000000000000000001"
    );
    assert_eq!(
        ok("79228162514264337593543950335"),
        "79228162514264337593543950335"
    );
    assert_eq!(
        ok("7.9228162514264337593543950335"),
        "7.9228162514264337593543950335"
    );
    // Zeros past the 28th decimal change nothing and are dropped.
    assert_eq!(
        parse_decimal("1.000000000000000000000000000000").unwrap(),
        Decimal::ONE
    );
}

#[test]
fn parse_decimal_rejects_with_reasons() {
    let why = |t: &str| parse_decimal(t).unwrap_err();
    assert!(why("").contains("empty"));
    assert!(why("   ").contains("empty"));
    assert!(why("-1").contains("negative"));
    assert!(why("+1").contains("sign"));
    assert!(why("1e5").contains("exponent"));
    assert!(why("1E-3").contains("exponent"));
    assert!(why("1.2.3").contains("more than one decimal point"));
    assert!(why("1,000").contains("thousands"));
    assert!(why("1 000").contains("spaces"));
    // A contract value is exactly its digits: no padding either.
    assert!(why(" 7").contains("spaces"));
    assert!(why("7\n").contains("spaces"));
    assert!(why("7\u{a0}").contains("spaces"));
    assert!(why("NaN").contains("finite"));
    assert!(why("-inf").contains("finite"));
    assert!(why("abc").contains("not a number"));
    assert!(why(".").contains("not a number"));
    assert!(why("0x10").contains("not a number"));
    assert!(why("١٢").contains("0-9"));
    // 29 decimals, and a mantissa of 2^96.
    assert!(why("0.00000000000000000000000000001").contains("28 decimals"));
    assert!(why("79228162514264337593543950336").contains("too large"));
    // With a fraction the trouble is the number of digits: 9 then 28 decimals
    // is a 29-digit mantissa above 2^96 − 1.
    assert_eq!(
        why("9.0000000000000000000000000001"),
        "is too large for a decimal: too many digits (without the '.' at most 79228162514264337593543950335)"
    );
}

#[test]
fn typed_balances_accept_thousands_separators() {
    assert_eq!(parse_typed_balance("10,000.5").unwrap(), d("10000.5"));
    assert_eq!(parse_typed_balance("1,234,567").unwrap(), d("1234567"));
    assert_eq!(parse_typed_balance("999").unwrap(), d("999"));
    assert!(parse_typed_balance("1,00")
        .unwrap_err()
        .contains("misplaced"));
    assert!(parse_typed_balance(",100")
        .unwrap_err()
        .contains("misplaced"));
    assert!(parse_typed_balance("1.0,5")
        .unwrap_err()
        .contains("after the decimal point"));
    assert!(parse_typed_balance("-1,000")
        .unwrap_err()
        .contains("negative"));
}

fn request(asset: serde_json::Value) -> serde_json::Value {
    json!({ "asset": asset, "snapshots": ["1000"] })
}

#[test]
fn request_defaults_and_run() {
    let r = parse_request(&loose(request(json!({"symbol": "BNB", "apr": "0.05"})))).unwrap();
    assert_eq!(r.days, 1);
    assert!(!r.compound);
    assert_eq!(r.asset.payout_decimals(), 8);
    assert_eq!(r.asset.snapshots_per_day(), 24);
    let report = r.run().unwrap();
    assert_eq!(report.symbol, "BNB");
    assert_eq!(report.status, "eligible");
    assert_eq!(report.daily_reward, "0.13698630");
    assert_eq!(report.total_reward, "0.13698630");
    assert_eq!(report.days.len(), 1);
    assert_eq!(report.apy.as_deref(), Some("0.0512674965"));
}

#[test]
fn request_timeline_uses_the_assets_snapshot_count() {
    // 2 snapshots a day: 00:00 sees 1000, 12:00 sees 0 (change at 12:00):
    // A = 500; R = 500 × 0.0365 ÷ 365 = 0.05.
    let r = parse_request(&loose(json!({
        "asset": {"symbol": "X", "apr": "0.0365", "snapshots_per_day": 2},
        "timeline": {"opening": "1000", "changes": [{"at": "12:00", "balance": "0"}]}
    })))
    .unwrap();
    assert_eq!(r.snapshots().unwrap(), ds(&["1000", "0"]));
    let report = r.run().unwrap();
    assert_eq!(report.average_balance, "500");
    assert_eq!(report.daily_reward, "0.05000000");
}

#[test]
fn request_integer_fields_must_be_json_numbers() {
    // The contract types `days`, `payout_decimals` and `snapshots_per_day`
    // as integers; a string is refused, like a decimal given as a number.
    let cases = [
        (
            json!({"asset": {"symbol": "X", "apr": "0.05"}, "snapshots": ["1"], "days": "3"}),
            "days",
        ),
        (
            json!({"asset": {"symbol": "X", "apr": "0.05", "payout_decimals": "2"}, "snapshots": ["1"]}),
            "asset.payout_decimals",
        ),
        (
            json!({"asset": {"symbol": "X", "apr": "0.05", "snapshots_per_day": "24"}, "snapshots": ["1"]}),
            "asset.snapshots_per_day",
        ),
    ];
    for (value, field) in cases {
        let e = parse_request(&loose(value)).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("{field}: must be an integer from")),
            "{e}"
        );
        assert!(e.ends_with("(a JSON number, not a string)"), "{e}");
    }
}

#[test]
fn request_errors_name_the_field() {
    let cases: Vec<(serde_json::Value, &str)> = vec![
        (request(json!({"symbol": "BNB", "apr": 0.05})), "asset.apr"),
        (request(json!({"symbol": "BNB", "apr": 5})), "asset.apr"),
        (request(json!({"symbol": "BNB", "apr": "5%"})), "asset.apr"),
        (
            request(json!({"symbol": "BNB", "apr": "-0.05"})),
            "asset.apr",
        ),
        (request(json!({"symbol": "BNB"})), "asset.apr"),
        (
            request(
                json!({"symbol": "BNB", "apr": "0.05", "tiers": [{"up_to": null, "apr": "0.1"}]}),
            ),
            "asset.tiers",
        ),
        (
            request(json!({"symbol": "U", "tiers": [
                {"up_to": "5000", "apr": "0.1"}, {"up_to": "500", "apr": "0.1"}, {"up_to": null, "apr": "0.1"}]})),
            "asset.tiers[1].up_to",
        ),
        (
            request(json!({"symbol": "U", "tiers": [{"apr": "0.1"}]})),
            "asset.tiers[0].up_to",
        ),
        (
            request(json!({"symbol": "U", "tiers": [{"up_to": null}]})),
            "asset.tiers[0].apr",
        ),
        (
            request(json!({"symbol": "U", "tiers": [{"up_to": null, "apr": "0.1", "x": 1}]})),
            "asset.tiers[0].x",
        ),
        (
            request(json!({"symbol": "U", "tiers": "0.1"})),
            "asset.tiers",
        ),
        (
            request(json!({"symbol": "BNB", "apr": "0.05", "colour": "red"})),
            "asset.colour",
        ),
        (
            request(json!({"symbol": "bnb", "apr": "0.05"})),
            "asset.symbol",
        ),
        (request(json!({"symbol": 5, "apr": "0.05"})), "asset.symbol"),
        (
            request(json!({"symbol": "BNB", "apr": "0.05", "payout_decimals": 19})),
            "asset.payout_decimals",
        ),
        (
            request(json!({"symbol": "BNB", "apr": "0.05", "payout_decimals": 8.5})),
            "asset.payout_decimals",
        ),
        (
            request(json!({"symbol": "BNB", "apr": "0.05", "snapshots_per_day": 0})),
            "asset.snapshots_per_day",
        ),
        (
            request(json!({"symbol": "BNB", "apr": "0.05", "max_cap": "-5"})),
            "asset.max_cap",
        ),
        (request(json!("BNB")), "asset"),
        (json!({"snapshots": ["1"]}), "asset"),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}}),
            "snapshots",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": []}),
            "snapshots",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": "1000"}),
            "snapshots",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1", "1.2.3"]}),
            "snapshots[1]",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1", 2]}),
            "snapshots[1]",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["-5"]}),
            "snapshots[0]",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "timeline": {"opening": "1"}}),
            "timeline",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "days": 0}),
            "days",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "days": 3651}),
            "days",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "days": 1.5}),
            "days",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "compound": "yes"}),
            "compound",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "snapshots": ["1"], "extra": true}),
            "extra",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "timeline": {}}),
            "timeline.opening",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "timeline": {"opening": 1}}),
            "timeline.opening",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "timeline": {"opening": "1", "changes": [{"at": "25:00", "balance": "1"}]}}),
            "timeline.changes[0].at",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "timeline": {"opening": "1", "changes": [{"at": "01:00"}]}}),
            "timeline.changes[0].balance",
        ),
        (
            json!({"asset": {"symbol": "B", "apr": "0.05"}, "timeline": {"opening": "1", "changes": {"at": "01:00"}}}),
            "timeline.changes",
        ),
    ];
    for (doc, field) in cases {
        let e = parse_request(&loose(doc.clone()));
        match e {
            Err(e) => assert_eq!(e.field, field, "{doc} → {e}"),
            Ok(_) => panic!("accepted {doc}"),
        }
    }
    // Both apr and tiers: the message says which two fields clash.
    let e = request_error(request(
        json!({"symbol": "BNB", "apr": "0.05", "tiers": [{"up_to": null, "apr": "0.1"}]}),
    ));
    assert!(e.message.contains("apr"), "{e}");
    // A JSON number for a decimal: the message says to write a string.
    let e = request_error(request(json!({"symbol": "BNB", "apr": 0.05})));
    assert!(e.message.contains("decimal string"), "{e}");
}

#[test]
fn huge_and_fractional_json_numbers_are_never_read_as_money() {
    // Numbers beyond 64 bits and fractions arrive as "a number" without a value.
    let doc = loose_text(r#"{"a": 1.5, "b": 1e400, "c": 18446744073709551616, "d": 7}"#);
    // 1e400 is out of f64 range: serde_json refuses it (an error, not a panic).
    assert!(doc.is_err());
    let doc = loose_text(r#"{"a": 1.5, "c": 18446744073709551616, "d": 7}"#).unwrap();
    let Loose::Object(entries) = doc else {
        panic!("object expected")
    };
    assert_eq!(entries[0].1, Loose::Number);
    assert_eq!(entries[1].1, Loose::Number);
    assert_eq!(entries[2].1, Loose::Integer(7));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(loose_text(&deep).is_err());
    let shallow = format!("{}{}", "[".repeat(10), "]".repeat(10));
    assert!(loose_text(&shallow).is_ok());
}

#[test]
fn widget_samples_match_the_published_facts() {
    let config = WidgetConfig::parse(&Loose::Null).unwrap();
    assert_eq!(config, WidgetConfig::samples().unwrap());
    assert_eq!(config.mode, Mode::User);
    assert_eq!(config.horizon_days, 30);
    // Published minimums (spec §1).
    let minimums = [
        ("BNB", "0.5"),
        ("SOL", "1"),
        ("ADA", "150"),
        ("SUI", "100"),
        ("TON", "100"),
        ("NEAR", "100"),
        ("POL", "500"),
        ("ALGO", "1000"),
        ("S", "200"),
        ("AXS", "100"),
    ];
    let symbols: Vec<&str> = config.assets.iter().map(|a| a.asset.symbol()).collect();
    assert_eq!(
        symbols,
        minimums.iter().map(|(s, _)| *s).collect::<Vec<_>>()
    );
    for (configured, (symbol, min)) in config.assets.iter().zip(minimums) {
        assert_eq!(configured.asset.min_amount(), d(min), "{symbol}");
        // Every APR in the default list is a sample value.
        assert!(configured.sample_rate, "{symbol}");
        // Only the BNB and SUI caps are published.
        assert_eq!(
            configured.sample_cap,
            !matches!(symbol, "BNB" | "SUI"),
            "{symbol}"
        );
    }
    let cap = |s: &str| {
        config
            .assets
            .iter()
            .find(|a| a.asset.symbol() == s)
            .unwrap()
            .asset
            .max_cap()
    };
    assert_eq!(cap("BNB"), Some(d("1000")));
    assert_eq!(cap("SUI"), Some(d("50000")));
}

#[test]
fn widget_config_parses_and_defaults() {
    let c = WidgetConfig::parse(&loose(json!({
        "assets": [{"symbol": "BNB", "apr": "0.05", "min_amount": "0.5", "max_cap": "1000"}],
        "mode": "demo", "theme": "dark", "locale": "de-DE", "horizon_days": 365,
        "storage_key": "earn.v1"
    })))
    .unwrap();
    assert_eq!(c.assets.len(), 1);
    assert!(!c.assets[0].sample_rate);
    assert_eq!(c.mode, Mode::Demo);
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.theme.as_str(), "dark");
    assert_eq!(c.locale, "de-DE");
    assert_eq!(c.horizon_days, 365);
    assert_eq!(c.storage_key, "earn.v1");
    let c = WidgetConfig::parse(&loose(json!({}))).unwrap();
    assert_eq!(c.assets.len(), 10);
    assert_eq!(c.theme, Theme::Auto);
    assert_eq!(c.storage_key, "soft-staking");
}

#[test]
fn fiat_currency_is_the_configured_code_and_usd_only_for_the_sample_prices() {
    let currency = |doc| {
        WidgetConfig::parse(&loose(doc))
            .unwrap()
            .currency
            .map(|c| c.as_str().to_string())
    };
    let asset = json!({"symbol": "BNB", "apr": "0.05", "price": "600"});
    assert_eq!(
        currency(json!({"assets": [asset], "currency": "EUR"})).as_deref(),
        Some("EUR")
    );
    // A host's own prices are in an unknown currency until it says which.
    assert_eq!(currency(json!({"assets": [asset]})), None);
    assert_eq!(currency(json!({"assets": [asset], "currency": null})), None);
    // The built-in sample prices are US dollars.
    assert_eq!(currency(json!({})).as_deref(), Some("USD"));
    assert_eq!(
        WidgetConfig::samples()
            .unwrap()
            .currency
            .map(|c| c.as_str().to_string())
            .as_deref(),
        Some("USD")
    );
    assert_eq!(currency(json!({"currency": "CHF"})).as_deref(), Some("CHF"));
}

#[test]
fn any_printable_storage_key_up_to_256_characters() {
    let key = |k: &str| WidgetConfig::parse(&loose(json!({ "storage_key": k })));
    for ok in ["my key/1", "ünï-cødé ✓", &"k".repeat(256)] {
        assert_eq!(key(ok).unwrap().storage_key, ok);
    }
    for bad in ["", "line\nbreak", "tab\tkey", &"k".repeat(257)] {
        assert_eq!(key(bad).unwrap_err().field, "config.storage_key", "{bad:?}");
    }
}

#[test]
fn widget_config_errors_name_the_field() {
    let asset = json!({"symbol": "BNB", "apr": "0.05"});
    let cases = [
        (json!({"assets": [asset, asset]}), "config.assets[1].symbol"),
        (json!({"assets": []}), "config.assets"),
        (
            json!({"assets": [{"symbol": "BNB", "apr": 0.05}]}),
            "config.assets[0].apr",
        ),
        (
            json!({"assets": [asset, {"symbol": "ETH", "tiers": [{"up_to": "2", "apr": "0.1"}, {"up_to": "1", "apr": "0.1"}, {"up_to": null, "apr": "0"}]}]}),
            "config.assets[1].tiers[1].up_to",
        ),
        (json!({"mode": "admin"}), "config.mode"),
        (json!({"theme": "blue"}), "config.theme"),
        (json!({"locale": "1x"}), "config.locale"),
        (json!({"horizon_days": 0}), "config.horizon_days"),
        (json!({"storage_key": "has\u{7}bell"}), "config.storage_key"),
        (json!({"currency": "usd"}), "config.currency"),
        (json!({"currency": 840}), "config.currency"),
        (json!({"colour": "red"}), "config.colour"),
        (json!(["x"]), "config"),
    ];
    for (doc, field) in cases {
        assert_eq!(config_error(doc.clone()).field, field, "{doc}");
    }
}
