//! Demo mode: the shareable URL of the current scenario (rate edits,
//! balances, horizon, compounding).

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

/// The link and a copy button.
#[function_component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    let url = share_url(&props.scenario, &props.storage_key);
    let copied = use_state(|| false);
    let on_copy = {
        let url = url.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&url);
                copied.set(true);
            }
        })
    };
    html! {
        <div class="ss-share">
            <h3>{ "Share this scenario" }</h3>
            <a class="ss-share-link" href={url.clone()} data-testid="share-link">{ url.clone() }</a>
            <button type="button" class="ss-button" onclick={on_copy}>{ if *copied { "Copied" } else { "Copy link" } }</button>
        </div>
    }
}

/// The current page URL with the scenario and the widget it is for in its
/// query (other parameters kept).
fn share_url(scenario: &str, storage_key: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let Ok(href) = location.href() else {
        return String::new();
    };
    match web_sys::Url::new(&href) {
        Ok(url) => {
            url.search_params().set(QUERY_PARAM, scenario);
            url.search_params().set(WIDGET_PARAM, storage_key);
            url.set_hash("");
            url.href()
        }
        Err(_) => href,
    }
}
