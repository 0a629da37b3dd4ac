//! Demo mode: the shareable URL of the current scenario (rate edits,
//! balances, horizon, compounding).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::config::scenario::{QUERY_PARAM, WIDGET_PARAM};

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareLinkProps {
    /// The encoded scenario.
    pub scenario: AttrValue,
    /// The widget's `storage_key`: the link restores this widget only.
    pub storage_key: AttrValue,
}

/// What the copy button managed, for the link it copied (once the scenario
/// changes, the clipboard no longer holds the link shown).
#[derive(Clone, PartialEq)]
enum Copied {
    Nothing,
    Link(String),
    /// No clipboard (a page over plain http) or the browser refused it: the
    /// link is selected instead, for the visitor to copy.
    Selected(String),
}

/// The link and a copy button.
#[function_component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    let url = share_url(&props.scenario, &props.storage_key);
    let copy = use_state(|| Copied::Nothing);
    let link = use_node_ref();
    let on_copy = {
        let (url, copy, link) = (url.clone(), copy.clone(), link.clone());
        Callback::from(move |_| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let select_link = {
                let (window, link, copy, url) =
                    (window.clone(), link.clone(), copy.clone(), url.clone());
                move || {
                    if let (Ok(Some(selection)), Some(link)) = (window.get_selection(), link.get())
                    {
                        let _ = selection.select_all_children(&link);
                    }
                    copy.set(Copied::Selected(url));
                }
            };
            // `navigator.clipboard` is undefined outside secure contexts:
            // calling it would throw into the host page.
            let clipboard =
                js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
                    .ok()
                    .filter(|c| c.is_object())
                    .map(JsCast::unchecked_into::<web_sys::Clipboard>);
            match clipboard {
                Some(clipboard) => {
                    let written = JsFuture::from(clipboard.write_text(&url));
                    let (copy, url) = (copy.clone(), url.clone());
                    spawn_local(async move {
                        // A refusal is handled here, never left unhandled.
                        match written.await {
                            Ok(_) => copy.set(Copied::Link(url)),
                            Err(_) => select_link(),
                        }
                    });
                }
                None => select_link(),
            }
        })
    };
    let copied = matches!(&*copy, Copied::Link(done) if *done == url);
    let selected = matches!(&*copy, Copied::Selected(done) if *done == url);
    html! {
        <div class="ss-share">
            <h3>{ "Share this scenario" }</h3>
            <a class="ss-share-link" href={url.clone()} ref={link} data-testid="share-link">{ url.clone() }</a>
            <button type="button" class="ss-button" onclick={on_copy} data-testid="share-copy">
                { if copied { "Copied" } else { "Copy link" } }
            </button>
            <span class="ss-hint" role="status" data-testid="share-copy-status">
                if selected {
                    { "The browser did not let the widget copy: the link is selected, copy it with Ctrl+C (⌘C on a Mac)." }
                }
            </span>
        </div>
    }
}

/// The current page URL with the scenario and the widget it is for in its
/// query (other parameters kept, and a hash route).
fn share_url(scenario: &str, storage_key: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let Ok(href) = location.href() else {
        return String::new();
    };
    match web_sys::Url::new(&href) {
        Ok(url) => {
            // The widget first, the checked scenario last: a link cut short
            // loses (part of) the scenario, which the widget then reports.
            let params = url.search_params();
            params.delete(QUERY_PARAM);
            params.delete(WIDGET_PARAM);
            params.append(WIDGET_PARAM, storage_key);
            params.append(QUERY_PARAM, scenario);
            // A route (`#/earn`, `#!/earn`) stays: on a hash-routed page it
            // is what shows the widget. Any other fragment goes: it may be
            // a sign-in redirect's `#access_token=…`, not to be shared.
            let hash = url.hash();
            if !(hash.starts_with("#/") || hash.starts_with("#!")) {
                url.set_hash("");
            }
            url.href()
        }
        Err(_) => href,
    }
}
