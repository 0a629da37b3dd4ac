//! A config handed over from JavaScript → a validated [`WidgetConfig`], or the
//! message to show in the widget's box.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::config::widget_config::WidgetConfig;
use crate::config::Loose;

/// Reads `value` (object, `null` or `undefined`) with serde-wasm-bindgen and
/// validates it; the error names the field.
pub fn parse(value: &JsValue) -> Result<Rc<WidgetConfig>, String> {
    let loose = Loose::from_deserializer(serde_wasm_bindgen::Deserializer::from(value.clone()))
        .map_err(|e| {
            // The error's message as JavaScript holds it (no Rust `Debug` of
            // JavaScript values, which would pull float formatting into the bundle).
            let js = JsValue::from(e);
            let why = js
                .dyn_ref::<js_sys::Error>()
                .and_then(|err| err.message().as_string())
                .unwrap_or_else(|| {
                    "must be plain JSON data (objects, arrays, strings, numbers, booleans, null)"
                        .into()
                });
            format!("config: {why}")
        })?;
    WidgetConfig::parse(&loose)
        .map(Rc::new)
        .map_err(|e| e.to_string())
}
