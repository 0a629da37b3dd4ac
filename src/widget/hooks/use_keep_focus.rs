//! The visitor's focus and caret stay in the field they were typing in when
//! a host's `update()` rebuilds the table: the browser drops the focus of a
//! row that moves (or is made again in another group of rows), and the next
//! key would otherwise go nowhere.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// The focused field before a re-render: the element, its id (to find it
/// again if it was made anew) and the caret of a text input.
struct SavedFocus {
    element: HtmlElement,
    id: String,
    caret: Option<(u32, u32)>,
}

/// Handle of [`use_keep_focus`].
#[derive(Clone)]
pub struct KeepFocus {
    host: Element,
    saved: Rc<RefCell<Option<SavedFocus>>>,
}

impl KeepFocus {
    /// Notes the field focused in the widget, if any; the next render puts
    /// the focus back on it when the render lost it.
    pub fn remember(&self) {
        let Some(element) = self
            .host
            .shadow_root()
            .and_then(|root| root.active_element())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        let caret = element.dyn_ref::<HtmlInputElement>().and_then(|input| {
            let start = input.selection_start().ok()??;
            Some((start, input.selection_end().ok()??))
        });
        let id = element.id();
        *self.saved.borrow_mut() = Some(SavedFocus { element, id, caret });
    }
}

/// Returns the handle; call it before a change that may move rows. Declare
/// this hook before the effect that makes the change, so that its own effect
/// (which restores) runs first in that render and restores in the next.
#[hook]
pub fn use_keep_focus(host: &Element) -> KeepFocus {
    let saved = use_mut_ref(|| None::<SavedFocus>);
    {
        let (saved, host) = (saved.clone(), host.clone());
        use_effect(move || {
            if let Some(focus) = saved.borrow_mut().take() {
                restore(&host, focus);
            }
        });
    }
    KeepFocus {
        host: host.clone(),
        saved,
    }
}

/// Focuses the saved field again if nothing else took the focus meanwhile.
fn restore(host: &Element, focus: SavedFocus) -> Option<()> {
    let root = host.shadow_root()?;
    let page_focus = host.owner_document()?.active_element();
    let lost = root.active_element().is_none()
        && page_focus.is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    if !lost {
        return None;
    }
    let element = if focus.element.is_connected() {
        focus.element
    } else if focus.id.is_empty() {
        return None;
    } else {
        root.get_element_by_id(&focus.id)?.dyn_into().ok()?
    };
    element.focus().ok()?;
    if let (Some((start, end)), Some(input)) = (focus.caret, element.dyn_ref::<HtmlInputElement>())
    {
        let _ = input.set_selection_range(start, end);
    }
    Some(())
}
