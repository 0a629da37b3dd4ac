//! A config handed over from JavaScript → a validated [`WidgetConfig`], or the
//! message to show in the widget's box.

use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::config::widget_config::WidgetConfig;
use crate::config::Loose;

/// Reads `value` (object, `null` or `undefined`) with serde-wasm-bindgen and
/// validates it; the error names the field.
pub fn parse(value: &JsValue) -> Result<Rc<WidgetConfig>, String> {
    let loose = Loose::from_deserializer(serde_wasm_bindgen::Deserializer::from(value.clone()))
        .map_err(|e| format!("config: {e}"))?;
    WidgetConfig::parse(&loose)
        .map(Rc::new)
        .map_err(|e| e.to_string())
}
