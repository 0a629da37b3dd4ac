//! Giving the main thread back to the browser between slices of long work
//! (a `MessageChannel` round trip: a new task without `setTimeout`'s clamping).

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a later task, after the browser had a chance to render and
/// handle input.
pub async fn yield_to_browser() {
    let promise = Promise::new(&mut |resolve, _reject| match MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(resolve.unchecked_ref()));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
