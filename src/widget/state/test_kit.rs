//! What the reducer's tests share: configs from JSON and typing into the
//! first row.

use rust_decimal::Decimal;

use super::{Action, State};
use crate::config::widget_config::WidgetConfig;

/// A config read from JSON text, as a host would pass it.
pub fn config(json: &str) -> WidgetConfig {
    let mut reader = serde_json::Deserializer::from_str(json);
    let loose = crate::config::loose::Loose::from_deserializer(&mut reader).expect("JSON");
    WidgetConfig::parse(&loose).expect("a valid config")
}

/// One demo-mode asset: 5 %, no minimum, capped at 1,000; `extra` adds fields.
pub fn five_percent(extra: &str) -> WidgetConfig {
    config(&format!(
        r#"{{ "mode": "demo", "assets": [{{ "symbol": "FIVE", "apr": "0.05", "min_amount": "0", "max_cap": "1000" {extra} }}] }}"#
    ))
}

/// A decimal from its text.
pub fn d(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

/// Types `text` into the first row's balance.
pub fn typed(state: &mut State, text: &str) {
    state.apply(Action::SetBalance {
        row: 0,
        text: text.into(),
    });
}

/// Types `at` and `balance` into change `id` of the first row.
pub fn set_change(state: &mut State, id: u32, at: &str, balance: &str) {
    state.apply(Action::SetChangeTime {
        row: 0,
        id,
        text: at.into(),
    });
    state.apply(Action::SetChangeBalance {
        row: 0,
        id,
        text: balance.into(),
    });
}

/// The first row's daily reward, if it has an estimate.
pub fn daily(state: &State) -> Option<Decimal> {
    state.rows[0].estimate.as_ref().map(|e| e.day.reward)
}
