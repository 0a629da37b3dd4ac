//! `CustomEvent`s on the mount element (bubbling and composed, so they cross
//! the shadow boundary): `softstaking:activation` and `softstaking:estimate`.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Fires `softstaking:activation` with `{ active }`.
pub fn dispatch_activation(host: &Element, active: bool) {
    let detail = Object::new();
    set(&detail, "active", &JsValue::from_bool(active));
    dispatch(host, "softstaking:activation", &detail);
}

/// Fires `softstaking:estimate` with `{ symbol, balance, daily_reward }`
/// (decimal strings, the reward with its full payout decimals).
pub fn dispatch_estimate(host: &Element, symbol: &str, balance: &str, daily_reward: &str) {
    let detail = Object::new();
    set(&detail, "symbol", &JsValue::from_str(symbol));
    set(&detail, "balance", &JsValue::from_str(balance));
    set(&detail, "daily_reward", &JsValue::from_str(daily_reward));
    dispatch(host, "softstaking:estimate", &detail);
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn dispatch(host: &Element, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        // A throwing host listener must not break the widget.
        let _ = host.dispatch_event(&event);
    }
}
