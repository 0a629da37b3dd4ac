//! The widget's open Shadow DOM root: one container element for Yew to render
//! into and the widget stylesheet, adopted (constructable stylesheets work
//! under a strict `style-src 'self'` policy, unlike inline `<style>`, the
//! fallback where a browser has none). Only a root the widget attached is
//! ever used: a host's own shadow root is left alone.

use std::cell::RefCell;

use js_sys::Array;
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

use super::panic_guard;
use crate::config::scenario::{SharedScenario, QUERY_PARAM, WIDGET_PARAM};

/// The widget's stylesheet text (`src/widget/styles.css`, minified by `build.rs`).
pub const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));

thread_local! {
    /// One parsed stylesheet shared by every widget on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// A widget's shadow root and the container it renders into.
pub struct WidgetShadow {
    root: ShadowRoot,
    container: Element,
}

impl WidgetShadow {
    /// Attaches (or reuses, after a `destroy()`) an open shadow root on
    /// `host`, or says why it cannot.
    pub fn attach(host: &Element) -> Result<WidgetShadow, Refusal> {
        let root = match host.shadow_root() {
            Some(existing) if marker(&existing).as_deref() == Some(FREE) => existing,
            Some(existing) if marker(&existing).is_some() => return Err(Refusal::InUse),
            Some(_) => return Err(Refusal::OwnRoot),
            None => {
                let root = host
                    .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                    .map_err(|_| {
                        // An element that could hold one already holds a
                        // closed root of its own.
                        if can_hold_shadow_root(&host.local_name()) {
                            Refusal::OwnRoot
                        } else {
                            Refusal::CannotHost
                        }
                    })?;
                mark(&root, FREE);
                root
            }
        };
        let shadow = Self::fill(host, root).ok_or(Refusal::CannotHost)?;
        mark(&shadow.root, LIVE);
        Ok(shadow)
    }

    fn fill(host: &Element, root: ShadowRoot) -> Option<WidgetShadow> {
        root.set_inner_html("");
        let document = host.owner_document()?;
        if let Some(sheet) = shared_sheet() {
            let sheets = Array::of1(&sheet);
            let _ = js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &sheets);
        } else {
            // No constructable stylesheets (Safari before 16.4): a <style>
            // element, which a strict `style-src` policy blocks, unlike the
            // adopted sheet.
            let style = document.create_element("style").ok()?;
            style.set_text_content(Some(WIDGET_CSS));
            root.append_child(&style).ok()?;
        }
        // The base of the widget's text size: the visitor's default text
        // size, which no host CSS reaches (see `.ss-base`).
        let base = document.create_element("div").ok()?;
        base.set_class_name("ss-base");
        let container = document.create_element("div").ok()?;
        container.set_class_name("ss-host");
        base.append_child(&container).ok()?;
        base.append_child(&strut(&document)?.into()).ok()?;
        root.append_child(&base).ok()?;
        panic_guard::register(&root);
        Some(WidgetShadow { root, container })
    }

    /// The element Yew renders into.
    pub fn container(&self) -> &Element {
        &self.container
    }

    /// Removes the container and the stylesheet; the empty root stays (a
    /// shadow root cannot be removed) and is reused by a later mount.
    pub fn detach(self) {
        panic_guard::unregister(&self.root);
        self.container.remove();
        let _ = js_sys::Reflect::set(&self.root, &"adoptedStyleSheets".into(), &Array::new());
        self.root.set_inner_html("");
        mark(&self.root, FREE);
    }
}

/// Why a widget cannot be mounted on an element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The element cannot hold a shadow root (`button`, `input`, …).
    CannotHost,
    /// It holds a shadow root of its own (a host's custom element).
    OwnRoot,
    /// It holds a live widget of another copy of `embed.js`.
    InUse,
}

/// The property that marks a shadow root as a widget's (both builds'), and
/// its values: a widget is in it, or was and has been destroyed.
const MARKER: &str = "softStakingWidgetRoot";
const LIVE: &str = "live";
const FREE: &str = "free";

/// The elements the DOM lets hold a shadow root: custom elements and these.
fn can_hold_shadow_root(name: &str) -> bool {
    name.contains('-')
        || matches!(
            name,
            "article"
                | "aside"
                | "blockquote"
                | "body"
                | "div"
                | "footer"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "header"
                | "main"
                | "nav"
                | "p"
                | "section"
                | "span"
        )
}

fn marker(root: &ShadowRoot) -> Option<String> {
    js_sys::Reflect::get(root, &MARKER.into()).ok()?.as_string()
}

fn mark(root: &ShadowRoot, state: &str) {
    let _ = js_sys::Reflect::set(root, &MARKER.into(), &state.into());
}

/// An invisible, zero-height row of boxes beside the container. The
/// container is laid out by the width it is given (container queries), so on
/// its own it has no width a host could size it by; where a host does (a
/// flex row, inline-block, float, absolute position, fit-content, an auto
/// grid column), the strut gives the widget one: at least 280 px,
/// 560 px when there is room (see `.ss-strut` in the stylesheet).
fn strut(document: &web_sys::Document) -> Option<Element> {
    let strut = document.create_element("div").ok()?;
    strut.set_class_name("ss-strut");
    strut.set_attribute("aria-hidden", "true").ok()?;
    strut.set_inner_html(&["<i></i>"; 11].join(" "));
    Some(strut)
}

fn shared_sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        if slot.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(WIDGET_CSS).ok()?;
            *slot = Some(sheet);
        }
        slot.clone()
    })
}

/// The shared scenario in the page URL (`?ss-widget=…&ss-scenario=…`), if
/// any. A link that names a widget but holds no scenario was cut short before
/// it: an empty scenario, which every demo widget reports.
pub fn scenario_from_location() -> Option<SharedScenario> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let text = params.get(QUERY_PARAM).unwrap_or_default();
    let for_widget = params.get(WIDGET_PARAM);
    if text.is_empty() && for_widget.is_none() {
        return None;
    }
    Some(SharedScenario { text, for_widget })
}
