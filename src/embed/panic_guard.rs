//! Containment of the impossible: if Rust ever panics, every widget on the
//! page shows "Something went wrong" in its own box instead of freezing, and
//! the host page is untouched. (Release builds abort after the hook runs.)

use std::cell::RefCell;
use std::sync::Once;

use web_sys::ShadowRoot;

thread_local! {
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

static INSTALL: Once = Once::new();

/// Message shown in place of a widget after a panic.
const CRASH_HTML: &str = "<div role=\"alert\" class=\"ss-crash\" data-testid=\"widget-crash\">\
<strong>Something went wrong.</strong> The reward estimator stopped; reload the page to try again.</div>";

/// Installs the panic hook once per page.
pub fn install() {
    INSTALL.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            gloo::console::error!(format!("soft-staking widget: {info}"));
            show_crash_in_every_widget();
        }));
    });
}

/// Replaces every live widget's content with the "Something went wrong" box
/// (what the panic hook does; public so that its effect can be tested). A
/// `<style>` element in the root, the stylesheet where constructable ones
/// are missing (Safari before 16.4), stays: the box keeps its look.
pub fn show_crash_in_every_widget() {
    ROOTS.with(|roots| {
        if let Ok(roots) = roots.try_borrow() {
            for root in roots.iter() {
                let style = root.query_selector("style").ok().flatten();
                root.set_inner_html(CRASH_HTML);
                if let Some(style) = style {
                    let _ = root.insert_before(&style, root.first_child().as_ref());
                }
            }
        }
    });
}

/// Remembers a widget's root so that a panic can be shown in it.
pub fn register(root: &ShadowRoot) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.push(root.clone());
        }
    });
}

/// Forgets a destroyed widget's root.
pub fn unregister(root: &ShadowRoot) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.retain(|r| r != root);
        }
    });
}
