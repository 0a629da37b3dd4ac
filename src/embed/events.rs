//! `CustomEvent`s on the mount element (bubbling and composed, so they cross
//! the shadow boundary): `softstaking:activation` and `softstaking:estimate`.

use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// The `detail` of `softstaking:activation`.
#[derive(Serialize)]
struct ActivationDetail {
    active: bool,
}

/// The `detail` of `softstaking:estimate` (decimal strings, the reward with
/// its full payout decimals).
#[derive(Serialize)]
struct EstimateDetail<'a> {
    symbol: &'a str,
    balance: &'a str,
    daily_reward: &'a str,
}

/// Fires `softstaking:activation` with `{ active }`.
pub fn dispatch_activation(host: &Element, active: bool) {
    dispatch(host, "softstaking:activation", &ActivationDetail { active });
}

/// Fires `softstaking:estimate` with `{ symbol, balance, daily_reward }`.
pub fn dispatch_estimate(host: &Element, symbol: &str, balance: &str, daily_reward: &str) {
    let detail = EstimateDetail {
        symbol,
        balance,
        daily_reward,
    };
    dispatch(host, "softstaking:estimate", &detail);
}

fn dispatch(host: &Element, name: &str, detail: &impl Serialize) {
    // Plain objects of strings and booleans always serialize.
    let Ok(detail) = serde_wasm_bindgen::to_value(detail) else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing host listener must not break the widget.
        let _ = host.dispatch_event(&event);
    }
}
