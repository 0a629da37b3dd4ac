//! Keeps keyboard focus inside a dialog: Tab on the last control wraps to the
//! first, Shift+Tab on the first wraps to the last.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent, ShadowRoot};
use yew::prelude::*;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// The element focused inside `container`'s root (shadow root or document).
pub fn focused_in(container: &Element) -> Option<Element> {
    let root = container.get_root_node();
    match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => container.owner_document()?.active_element(),
    }
}

/// A `keydown` handler for the dialog that traps Tab inside `container`.
#[hook]
pub fn use_focus_trap(container: NodeRef) -> Callback<KeyboardEvent> {
    use_callback(container, |e: KeyboardEvent, container| {
        if e.key() != "Tab" {
            return;
        }
        let Some(root) = container.cast::<Element>() else {
            return;
        };
        let Ok(nodes) = root.query_selector_all(FOCUSABLE) else {
            return;
        };
        let items: Vec<HtmlElement> = (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let active = focused_in(&root);
        let position = active
            .as_ref()
            .and_then(|a| items.iter().position(|i| i.unchecked_ref::<Element>() == a));
        let target = match (e.shift_key(), position) {
            (true, Some(0) | None) => Some(last),
            (false, None) => Some(first),
            (false, Some(p)) if p + 1 == items.len() => Some(first),
            _ => None,
        };
        if let Some(target) = target {
            e.prevent_default();
            let _ = target.focus();
        }
    })
}
