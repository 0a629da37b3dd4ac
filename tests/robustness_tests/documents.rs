//! Random JSON documents (any shape, any depth) into the config and request
//! parsers and, when valid, through the engine: never a panic.

use proptest::prelude::*;
use serde_json::{json, Value};
use soft_staking::config::request::parse_request;
use soft_staking::config::widget_config::WidgetConfig;
use soft_staking::config::Loose;

fn loose(v: &Value) -> Loose {
    Loose::from_deserializer(v).expect("any JSON value reads as Loose")
}

/// Leaf values, biased towards the contract's shapes.
fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e30f64..1e30).prop_map(|f| json!(f)),
        "[0-9]{1,30}(\\.[0-9]{1,30})?".prop_map(Value::String),
        "\\PC{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("BNB"),
            Just("USDT"),
            Just("1e5"),
            Just("-1"),
            Just("NaN"),
            Just("12:00"),
            Just("demo")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ]
}

const KEYS: &[&str] = &[
    "asset",
    "assets",
    "symbol",
    "name",
    "apr",
    "tiers",
    "up_to",
    "min_amount",
    "max_cap",
    "payout_decimals",
    "snapshots_per_day",
    "price",
    "snapshots",
    "timeline",
    "opening",
    "changes",
    "at",
    "balance",
    "days",
    "compound",
    "mode",
    "locale",
    "horizon_days",
    "theme",
    "storage_key",
    "extra",
];

fn document() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|entries| {
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn config_parsing_never_panics(doc in document()) {
        if let Err(e) = WidgetConfig::parse(&loose(&doc)) {
            prop_assert!(!e.message.is_empty());
        }
    }

    #[test]
    fn requests_never_panic_even_when_run(doc in document()) {
        match parse_request(&loose(&doc)) {
            Ok(request) => {
                let _ = request.run();
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn well_shaped_requests_with_random_values_never_panic(
        apr in leaf(), min in leaf(), cap in leaf(), pd in leaf(), n in leaf(),
        snaps in prop::collection::vec(leaf(), 0..5), days in leaf(), compound in leaf(),
    ) {
        let doc = json!({
            "asset": { "symbol": "BNB", "apr": apr, "min_amount": min, "max_cap": cap,
                       "payout_decimals": pd, "snapshots_per_day": n },
            "snapshots": snaps, "days": days, "compound": compound,
        });
        if let Ok(request) = parse_request(&loose(&doc)) {
            let _ = request.run();
        }
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error() {
    let mut doc = json!("x");
    // 60 levels: within serde_json's own limit (128), beyond ours (32).
    for _ in 0..60 {
        doc = json!([doc]);
    }
    let text = doc.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    let err = Loose::from_deserializer(&mut de).unwrap_err();
    assert!(
        err.to_string().contains("nested more than 32 levels"),
        "{err}"
    );
}
