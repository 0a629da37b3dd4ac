//! The hostile configs of the issue, each with a precise error naming the
//! field or a safe result.

use serde_json::json;
use soft_staking::config::widget_config::WidgetConfig;
use soft_staking::config::Loose;

fn parse(doc: serde_json::Value) -> Result<WidgetConfig, String> {
    WidgetConfig::parse(&Loose::from_deserializer(&doc).unwrap()).map_err(|e| e.to_string())
}

fn asset_with(field: &str, value: serde_json::Value) -> serde_json::Value {
    let mut asset = json!({ "symbol": "BNB", "apr": "0.05" });
    asset[field] = value;
    json!({ "assets": [asset] })
}

#[test]
fn enormous_and_long_numbers_are_named_errors() {
    let e = parse(asset_with("apr", json!("9".repeat(40)))).unwrap_err();
    assert!(
        e.starts_with("config.assets[0].apr:") && e.contains("too large"),
        "{e}"
    );
    let e = parse(asset_with(
        "min_amount",
        json!(format!("0.{}", "1".repeat(40))),
    ))
    .unwrap_err();
    assert!(
        e.starts_with("config.assets[0].min_amount:") && e.contains("decimals"),
        "{e}"
    );
    let e = parse(asset_with("apr", json!(1e300))).unwrap_err();
    assert!(
        e.starts_with("config.assets[0].apr:") && e.contains("not a JSON number"),
        "{e}"
    );
}

#[test]
fn nan_infinity_and_unicode_digits_are_named_errors() {
    for (text, why) in [
        ("NaN", "finite"),
        ("Infinity", "finite"),
        ("-Infinity", "finite"),
        ("١٢٣", "0-9"),
        ("１２", "0-9"),
    ] {
        let e = parse(asset_with("max_cap", json!(text))).unwrap_err();
        assert!(
            e.starts_with("config.assets[0].max_cap:") && e.contains(why),
            "{text}: {e}"
        );
    }
}

#[test]
fn html_and_script_in_names_are_kept_as_plain_text() {
    let name = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let config = parse(asset_with("name", json!(name))).unwrap();
    // The name is data: the widget renders it with text nodes (see the
    // end-to-end tests); here it must survive unchanged, not be rejected.
    assert_eq!(config.assets[0].asset.display_name(), name);
    let e = parse(asset_with("symbol", json!("<b>"))).unwrap_err();
    assert!(e.starts_with("config.assets[0].symbol:"), "{e}");
}

#[test]
fn ten_thousand_assets_are_refused_with_the_limit() {
    let assets: Vec<_> = (0..10_000)
        .map(|i| json!({ "symbol": format!("A{i}"), "apr": "0.01" }))
        .collect();
    let e = parse(json!({ "assets": assets })).unwrap_err();
    assert!(
        e.starts_with("config.assets:") && e.contains("at most 1000"),
        "{e}"
    );
}

#[test]
fn duplicate_symbols_missing_and_extra_fields_and_wrong_types() {
    let e = parse(json!({ "assets": [{ "symbol": "BNB", "apr": "0.05" }, { "symbol": "BNB", "apr": "0.01" }] })).unwrap_err();
    assert!(
        e.starts_with("config.assets[1].symbol:") && e.contains("duplicate"),
        "{e}"
    );
    let e = parse(json!({ "assets": [{ "apr": "0.05" }] })).unwrap_err();
    assert!(
        e.starts_with("config.assets[0].symbol:") && e.contains("required"),
        "{e}"
    );
    let e = parse(json!({ "assets": [{ "symbol": "BNB" }] })).unwrap_err();
    assert!(e.starts_with("config.assets[0].apr:"), "{e}");
    let e = parse(asset_with("colour", json!("red"))).unwrap_err();
    assert!(
        e.starts_with("config.assets[0].colour:") && e.contains("unknown field"),
        "{e}"
    );
    let e = parse(json!({ "assets": "BNB" })).unwrap_err();
    assert!(
        e.starts_with("config.assets:") && e.contains("array"),
        "{e}"
    );
    let e = parse(json!({ "horizon_days": "soon" })).unwrap_err();
    assert!(e.starts_with("config.horizon_days:"), "{e}");
    let e = parse(json!({ "mode": 3 })).unwrap_err();
    assert!(e.starts_with("config.mode:"), "{e}");
    let e = parse(json!([1, 2])).unwrap_err();
    assert!(e.starts_with("config:") && e.contains("object"), "{e}");
}
