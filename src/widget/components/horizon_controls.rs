//! Projection controls: horizon presets (7, 30, 90, 365 days) or a custom
//! number of days, and compounding on/off.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::MAX_DAYS;
use crate::widget::field::Field;
use crate::widget::state::{Action, State, HORIZON_PRESETS};

/// Props of [`HorizonControls`].
#[derive(Properties, PartialEq, Clone)]
pub struct HorizonControlsProps {
    /// Current horizon in days.
    pub days: u32,
    /// The custom-days field, when "custom" is chosen.
    pub custom: Option<Field>,
    /// Compounding on/off.
    pub compound: bool,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The controls.
#[function_component(HorizonControls)]
pub fn horizon_controls(props: &HorizonControlsProps) -> Html {
    let on_select = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            match select.value().parse::<u32>() {
                Ok(days) => dispatch.dispatch(Action::SelectHorizon(days)),
                Err(_) => dispatch.dispatch(Action::SelectCustomHorizon),
            }
        })
    };
    let on_custom = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetCustomHorizon(input.value()));
        })
    };
    let on_compound = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetCompound(input.checked()));
        })
    };
    let selected = if props.custom.is_some() {
        "custom".to_string()
    } else {
        props.days.to_string()
    };
    html! {
        <div class="ss-controls" role="group" aria-label="Projection">
            <label class="ss-control">
                <span>{ "Horizon" }</span>
                <select class="ss-select" onchange={on_select} data-testid="horizon-select">
                    { for HORIZON_PRESETS.iter().map(|d| html! {
                        <option value={d.to_string()} selected={selected == d.to_string()}>{ preset_label(*d) }</option>
                    }) }
                    <option value="custom" selected={selected == "custom"}>{ "Custom…" }</option>
                </select>
            </label>
            if let Some(field) = &props.custom {
                <label class="ss-control">
                    <span>{ "Days" }</span>
                    <input class="ss-input ss-input-small" type="text" inputmode="numeric" value={field.text.clone()}
                        oninput={on_custom} aria-invalid={field.error.is_some().to_string()}
                        aria-describedby={field.error.as_ref().map(|_| "ss-horizon-error")}
                        data-testid="horizon-custom" />
                    <span class="ss-hint">{ format!("1–{MAX_DAYS}") }</span>
                </label>
                if let Some(e) = &field.error {
                    <p id="ss-horizon-error" class="ss-field-error" data-testid="horizon-error">{ e.clone() }</p>
                }
            }
            <label class="ss-control ss-switch">
                <input type="checkbox" role="switch" checked={props.compound} onchange={on_compound}
                    aria-checked={props.compound.to_string()} data-testid="compound-toggle" />
                <span>{ "Compound rewards" }</span>
            </label>
        </div>
    }
}

fn preset_label(days: u32) -> String {
    match days {
        365 => "1 year (365 days)".to_string(),
        d => format!("{d} days"),
    }
}
