//! The rendered width of an element in CSS pixels, kept current by a
//! `ResizeObserver` (a plot drawn at its real size keeps 12 px labels 12 px
//! on a phone, instead of shrinking them with the whole drawing).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The width of the element behind `node`, once it has been laid out; `None`
/// before that (or where `ResizeObserver` is missing).
#[hook]
pub fn use_width(node: NodeRef) -> Option<u32> {
    let width = use_state_eq(|| None::<u32>);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let observed = node.cast::<Element>().and_then(|element| {
                let on_resize =
                    Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            // Layout pixels, not money: rounded to a whole pixel.
                            let px = entry.content_rect().width().round().max(0.0) as u32;
                            width.set(Some(px));
                        }
                    });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&element);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _on_resize)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    *width
}
