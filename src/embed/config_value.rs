//! A config handed over from JavaScript → a validated [`WidgetConfig`], or the
//! message to show in the widget's box.
//!
//! The value is walked directly with `Reflect` and caught imports (every read
//! that can throw is caught), not through serde: serde's error machinery
//! would pull binary-float formatting into the bundle, and a direct walk
//! names the offending field.

use std::rc::Rc;

use js_sys::{Array, Number, Reflect};
use wasm_bindgen::prelude::*;

use crate::config::loose::MAX_DEPTH;
use crate::config::widget_config::WidgetConfig;
use crate::config::Loose;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with a throwing Proxy trap caught.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray`, caught (it throws on a revoked Proxy).
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// Most items of an array (or fields of an object) read: far above any
/// valid config (at most 1,000 assets of at most 32 tiers), low enough that a
/// hostile `new Array(2 ** 32 - 1)` is an error, not billions of reads.
const MAX_ITEMS: u32 = 100_000;

/// Reads `value` (object, `null` or `undefined`) and validates it; the error
/// names the field.
pub fn parse(value: &JsValue) -> Result<Rc<WidgetConfig>, String> {
    let loose = loose_from_js(value)?;
    WidgetConfig::parse(&loose)
        .map(Rc::new)
        .map_err(|e| e.to_string())
}

/// Reads any JavaScript value as a [`Loose`] document: `undefined` as `null`,
/// safe integers (and `BigInt`s that fit) as integers, any other number
/// without its value. Functions, symbols, nesting deeper than [`MAX_DEPTH`]
/// and throwing getters or Proxy traps are errors naming the path.
pub fn loose_from_js(value: &JsValue) -> Result<Loose, String> {
    read(value, "config", 0)
}

fn read(value: &JsValue, path: &str, depth: usize) -> Result<Loose, String> {
    if depth > MAX_DEPTH {
        return Err(format!("config: nested more than {MAX_DEPTH} levels deep"));
    }
    if value.is_null() || value.is_undefined() {
        return Ok(Loose::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Loose::Bool(b));
    }
    if let Some(text) = value.as_string() {
        return Ok(Loose::Text(text));
    }
    if let Some(n) = value.as_f64() {
        // A safe integer (|n| ≤ 2^53 − 1) converts to i64 exactly.
        return Ok(if Number::is_safe_integer(value) {
            Loose::Integer(i128::from(n as i64))
        } else {
            Loose::Number
        });
    }
    if value.is_bigint() {
        return Ok(big_integer(value).map_or(Loose::Number, Loose::Integer));
    }
    if is_array(value).map_err(|e| could_not_read(path, &e))? {
        let len = get(value, &JsValue::from_str("length"), path)?
            .as_f64()
            .map_or(0, |n| n as u32);
        if len > MAX_ITEMS {
            return Err(format!("{path}: has more than {MAX_ITEMS} items"));
        }
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            let item_path = format!("{path}[{i}]");
            let item = get(value, &JsValue::from(i), &item_path)?;
            items.push(read(&item, &item_path, depth + 1)?);
        }
        return Ok(Loose::List(items));
    }
    if value.is_object() {
        let keys = object_keys(value).map_err(|e| could_not_read(path, &e))?;
        if keys.length() > MAX_ITEMS {
            return Err(format!("{path}: has more than {MAX_ITEMS} fields"));
        }
        let mut entries = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            let member_path = format!("{path}.{name}");
            let member = get(value, &key, &member_path)?;
            entries.push((name, read(&member, &member_path, depth + 1)?));
        }
        return Ok(Loose::Object(entries));
    }
    let kind = if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else {
        "a value JSON cannot hold"
    };
    Err(format!(
        "{path}: must be JSON data (a string, number, boolean, null, array or object), not {kind}"
    ))
}

/// A `BigInt`'s value when it fits in an `i128`.
fn big_integer(value: &JsValue) -> Option<i128> {
    let big: &js_sys::BigInt = value.unchecked_ref();
    big.to_string(10).ok()?.as_string()?.parse::<i128>().ok()
}

fn get(target: &JsValue, key: &JsValue, path: &str) -> Result<JsValue, String> {
    Reflect::get(target, key).map_err(|e| could_not_read(path, &e))
}

/// The message for a read that threw `error`: its `message` when that is a
/// plain string property (read with `Reflect`, so a hostile error object
/// cannot throw again), else a generic reason.
fn could_not_read(path: &str, error: &JsValue) -> String {
    let why = error
        .is_object()
        .then(|| Reflect::get(error, &JsValue::from_str("message")).ok())
        .flatten()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "it threw".into());
    format!("{path}: could not be read ({why})")
}
