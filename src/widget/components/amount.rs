//! A number drawn with its locale's digit groups and decimal separator. Both
//! are drawn by CSS (see `grp-*` and `.dp`/`.fr` in the stylesheet), so the
//! element's text is always the plain contract form (`1000.5`) while the eye
//! sees `1,000.5` in en-US and `1.000,5` in de-DE.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::widget::format::{Grouped, NumberStyle};

/// Selector of a digit group after the first (`class="g"` below); CSS draws
/// the separator before it.
pub const GROUP_SELECTOR: &str = ".g";
/// Selector of the `.` kept, hidden, in a decimal-comma locale's text
/// (`class="dp"` below); CSS draws the comma.
pub const HIDDEN_POINT_SELECTOR: &str = ".dp";

/// `value` with the locale's digit groups and decimal separator. A long
/// number (more than 9 digits) too wide for its box wraps between digit
/// groups and inside its fraction, never inside a group; a short one never
/// wraps.
pub fn grouped_html(value: Decimal, style: NumberStyle) -> Html {
    let g = Grouped::of(value, style.grouping);
    let digits = g.head.len()
        + g.groups.iter().map(String::len).sum::<usize>()
        + g.fraction.as_ref().map_or(0, String::len);
    let wrap = digits > 9;
    html! {
        <span class={if wrap { "ss-n ss-long" } else { "ss-n" }}>
            { g.head }
            // A long number may wrap between groups: at the start of a group,
            // after its CSS-drawn separator ("1,000,|000"). A short one gets
            // no <wbr> (Chromium breaks at one even under `nowrap`).
            { for g.groups.into_iter().map(|group| match wrap {
                true => html! { <span class="g"><wbr />{ group }</span> },
                false => html! { <span class="g">{ group }</span> },
            }) }
            if let Some(fraction) = g.fraction {
                { fraction_html(&fraction, style.decimal, wrap) }
            }
        </span>
    }
}

/// A plain decimal text such as `0.15%`, with the locale's decimal separator
/// drawn the same way as in [`grouped_html`].
pub fn decimal_text_html(text: &str, decimal: char) -> Html {
    match text.split_once('.') {
        Some((int, fraction)) => {
            html! { <>{ int.to_string() }{ fraction_html(fraction, decimal, false) }</> }
        }
        None => html! { text.to_string() },
    }
}

/// `.` and the digits after it. A decimal-comma locale keeps the `.` in the
/// text (hidden from eyes and screen readers) and shows a CSS-drawn `,`.
/// `wrap`: a long number may break after the separator (never before it).
fn fraction_html(fraction: &str, decimal: char, wrap: bool) -> Html {
    let wbr = wrap.then(|| html! { <wbr /> });
    if decimal == '.' {
        html! { <span class="ss-frac">{ "." }{ wbr }{ fraction.to_string() }</span> }
    } else {
        html! { <><span class="dp" aria-hidden="true">{ "." }</span><span class="fr ss-frac">{ wbr }{ fraction.to_string() }</span></> }
    }
}

/// Demo mode: the value under the original config (hooked as `testid`),
/// then the arrow to the current value.
pub fn before_html(testid: String, value: Decimal, style: NumberStyle) -> Html {
    before_shown_html(testid, grouped_html(value, style))
}

/// As [`before_html`], for a value already drawn (say, "No cap").
pub fn before_shown_html(testid: String, shown: Html) -> Html {
    html! {
        <span class="ss-before" title="Under the original config">
            <span class="ss-num" data-testid={testid}>{ shown }</span>
            { becomes_html() }
        </span>
    }
}

/// The arrow between a demo-mode "before" value and the current one; screen
/// readers hear "becomes" (an image role may carry a name, a plain span not).
pub fn becomes_html() -> Html {
    html! { <span class="ss-arrow" role="img" aria-label="becomes">{ " → " }</span> }
}
