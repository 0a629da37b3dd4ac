//! Copying numbers as they are shown. A number's digit-group separators (and,
//! in a decimal-comma locale, its comma) are drawn by CSS so that the test
//! hooks' text stays in contract form (`1125.5`, `1.125`). A plain copy would
//! take that text, which a de-DE field then reads 1,000 times too large
//! (`1.125` is 1125 there). On `copy`, the selection's text is rebuilt with
//! the separators the visitor sees (as text and as markup); where the browser
//! does not say what is selected inside a shadow root, its own copy is left
//! alone.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ClipboardEvent, Document, Element, Event, HtmlElement, Node, Range, Selection};

use super::components::amount::{GROUP_SELECTOR, HIDDEN_POINT_SELECTOR};
use super::format::NumberStyle;

/// Class of the off-screen box the copied text is laid out in (`innerText`
/// needs a rendered element: it keeps a table's tabs and line breaks).
const SCRATCH_CLASS: &str = "ss-copy-scratch";

/// Handles a `copy` event inside the widget whose root element is `root`.
pub fn copy_as_shown(event: &Event, root: &Element, style: NumberStyle) {
    let Some(event) = event.dyn_ref::<ClipboardEvent>() else {
        return;
    };
    let Some(data) = event.clipboard_data() else {
        return;
    };
    let Some((text, html)) = selected_range(root).and_then(|range| shown_text(root, &range, style))
    else {
        return;
    };
    // Both flavours, as the browser's own copy gives: a rich editor keeps
    // the table's structure, a plain one gets the text.
    if data.set_data("text/plain", &text).is_ok() && data.set_data("text/html", &html).is_ok() {
        event.prevent_default();
    }
}

/// The selected range, when it lies inside `root`: from the shadow root's
/// own `getSelection()` (Chromium), else the document selection's
/// `getComposedRanges()` (the standard way, Safari and Firefox), else the
/// document's selection itself.
fn selected_range(root: &Element) -> Option<Range> {
    let tree = root.get_root_node();
    let document = root.owner_document()?;
    let own = call(&tree, "getSelection", &[]).and_then(|s| s.dyn_into::<Selection>().ok());
    let range = match own {
        Some(selection) => first_range(&selection),
        None => {
            let selection = document.get_selection().ok()??;
            composed_range(&document, &selection, &tree).or_else(|| first_range(&selection))
        }
    }?;
    let inside = range.common_ancestor_container().ok()?;
    root.contains(Some(&inside)).then_some(range)
}

fn first_range(selection: &Selection) -> Option<Range> {
    (selection.range_count() > 0)
        .then(|| selection.get_range_at(0).ok())
        .flatten()
}

/// The selection's first range as `getComposedRanges({ shadowRoots })` sees
/// it (a static range, which may point inside the shadow `tree`).
fn composed_range(document: &Document, selection: &Selection, tree: &Node) -> Option<Range> {
    let options = Object::new();
    Reflect::set(&options, &"shadowRoots".into(), &Array::of1(tree)).ok()?;
    let ranges: Array = call(selection, "getComposedRanges", &[options.into()])?
        .dyn_into()
        .ok()?;
    let found = ranges.get(0);
    let node = |key: &str| {
        Reflect::get(&found, &key.into())
            .ok()?
            .dyn_into::<Node>()
            .ok()
    };
    let offset = |key: &str| Reflect::get(&found, &key.into()).ok()?.as_f64();
    let range = document.create_range().ok()?;
    // DOM offsets are whole numbers below 2^32: no money here.
    range
        .set_start(&node("startContainer")?, offset("startOffset")? as u32)
        .ok()?;
    range
        .set_end(&node("endContainer")?, offset("endOffset")? as u32)
        .ok()?;
    Some(range)
}

/// `target.name(args…)`, when `target` has such a method and it returns.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    method.apply(target, &args.iter().collect::<Array>()).ok()
}

/// The text (and markup) of `range` with the drawn separators written out;
/// `None` when it holds no drawn separator (the browser's copy is then the
/// same).
fn shown_text(root: &Element, range: &Range, style: NumberStyle) -> Option<(String, String)> {
    let fragment = range.clone_contents().ok()?;
    let groups = fragment.query_selector_all(GROUP_SELECTOR).ok()?;
    let points = fragment.query_selector_all(HIDDEN_POINT_SELECTOR).ok()?;
    if groups.length() == 0 && points.length() == 0 {
        return None;
    }
    let document = root.owner_document()?;
    // A selection that starts inside a digit group does not show its separator.
    let first = u32::from(starts_in_group(range));
    for i in first..groups.length() {
        let group = groups.item(i)?;
        let separator = document.create_text_node(style.group.text());
        group
            .insert_before(&separator, group.first_child().as_ref())
            .ok()?;
    }
    for i in 0..points.length() {
        points
            .item(i)?
            .set_text_content(Some(&style.decimal.to_string()));
    }
    let scratch: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    scratch.set_class_name(SCRATCH_CLASS);
    scratch.append_child(&fragment).ok()?;
    root.append_child(&scratch).ok()?;
    let text = scratch.inner_text();
    let html = scratch.inner_html();
    scratch.remove();
    Some((text, html))
}

/// Whether the range begins inside a digit group (its separator, drawn
/// before the digits, is then not part of the selection).
fn starts_in_group(range: &Range) -> bool {
    let Ok(start) = range.start_container() else {
        return false;
    };
    let element = match start.dyn_ref::<Element>() {
        Some(element) => Some(element.clone()),
        None => start.parent_element(),
    };
    element.is_some_and(|e| e.closest(GROUP_SELECTOR).ok().flatten().is_some())
}
