//! A number drawn with its locale's digit groups. The separators are CSS
//! pseudo-elements (see `grp-*` in the stylesheet), so the element's text is
//! plain digits (`1000.5`) while the eye sees `1,000.5`.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::widget::format::Grouped;

/// Props of [`Amount`].
#[derive(Properties, PartialEq, Clone)]
pub struct AmountProps {
    /// The value; all its digits are shown.
    pub value: Decimal,
    /// Decimal separator of the locale.
    #[prop_or('.')]
    pub decimal: char,
}

/// A grouped number.
#[function_component(Amount)]
pub fn amount(props: &AmountProps) -> Html {
    html! { <>{ grouped_html(props.value, props.decimal) }</> }
}

/// The grouped number as nodes (for callers that wrap it themselves).
pub fn grouped_html(value: Decimal, decimal: char) -> Html {
    let g = Grouped::of(value);
    html! {
        <>
            { g.head }
            { for g.groups.into_iter().map(|group| html! { <span class="g">{ group }</span> }) }
            if let Some(fraction) = g.fraction {
                { format!("{decimal}{fraction}") }
            }
        </>
    }
}
