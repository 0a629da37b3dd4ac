//! Demo mode: one editable rate value (APR %, tier bound, minimum or cap)
//! with its label and inline error.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::widget::field::Field;
use crate::widget::rate_edits::EditTarget;
use crate::widget::state::{Action, State};

/// Props of [`RateInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct RateInputProps {
    /// Asset symbol.
    pub symbol: AttrValue,
    /// Row index.
    pub index: usize,
    /// Which value.
    pub target: EditTarget,
    /// Current text and error.
    pub field: Field,
    /// Visible label.
    pub label: AttrValue,
    /// `data-testid` of the input.
    pub testid: AttrValue,
    /// Unit shown after the input.
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// The id of the row's rule error when this field breaks the rule with
    /// another one (say, tier bounds out of order): marked invalid too.
    #[prop_or_default]
    pub conflict: Option<AttrValue>,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// A labelled demo-mode input.
#[function_component(RateInput)]
pub fn rate_input(props: &RateInputProps) -> Html {
    let oninput = {
        let dispatch = props.dispatch.clone();
        let (row, target) = (props.index, props.target);
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::EditRate {
                row,
                target,
                text: input.value(),
            });
        })
    };
    let id = format!("ss-{}", props.testid);
    let error_id = format!("{id}-error");
    html! {
        <div class="ss-edit">
            // Heard with the asset: "BNB Minimum", not one of many "Minimum"s.
            <label for={id.clone()}><span class="ss-sr-only">{ format!("{} ", props.symbol) }</span>{ props.label.clone() }</label>
            <span class="ss-edit-box">
                <input id={id} class="ss-input ss-input-small" type="text" inputmode="decimal" autocomplete="off"
                    value={props.field.text.clone()} {oninput}
                    aria-invalid={(props.field.error.is_some() || props.conflict.is_some()).to_string()}
                    aria-describedby={props.field.error.as_ref().map(|_| AttrValue::from(error_id.clone())).or_else(|| props.conflict.clone())}
                    data-testid={props.testid.clone()} />
                if let Some(s) = &props.suffix {
                    <span class="ss-suffix">{ s.clone() }</span>
                }
            </span>
            if let Some(e) = &props.field.error {
                <p id={error_id} class="ss-field-error" data-testid={format!("{}-error", props.testid)}>{ e.clone() }</p>
            }
        </div>
    }
}
