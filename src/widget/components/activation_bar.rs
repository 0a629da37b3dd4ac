//! The on/off switch of soft staking: "Activate" (opens the terms), the ON/OFF
//! toggle, and the timeline of the first snapshot and the first reward.

use yew::prelude::*;

use crate::widget::class_list::class_list;
use crate::widget::format::UtcDate;
use crate::widget::hooks::use_utc_day::{today as utc_today, use_utc_day};
use crate::widget::state::{Action, Activation, State};

/// Props of [`ActivationBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ActivationBarProps {
    /// Current activation.
    pub activation: Activation,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Activate button, toggle and timeline.
#[function_component(ActivationBar)]
pub fn activation_bar(props: &ActivationBarProps) -> Html {
    let a = props.activation;
    let today = use_utc_day();
    let on_activate = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::OpenTerms))
    };
    let on_toggle = {
        let dispatch = props.dispatch.clone();
        // The day of the click itself (a new activation when switched on again).
        Callback::from(move |_| {
            dispatch.dispatch(Action::SetEarning {
                on: !a.on,
                today: utc_today(),
            })
        })
    };
    let start = a.activated_day.filter(|_| a.on).unwrap_or(today);
    let first_snapshot = UtcDate::from_unix_days(start.saturating_add(1)).iso();
    let first_reward = UtcDate::from_unix_days(start.saturating_add(2)).iso();
    let lead = if a.on {
        let day = UtcDate::from_unix_days(start).iso();
        html! { <>{ "activated " }<time datetime={day.clone()}>{ day }</time></> }
    } else {
        html! { "activate now" }
    };
    html! {
        <div class="ss-activation">
            <div class="ss-activation-controls">
                if !a.terms_accepted {
                    <button type="button" class="ss-button ss-button-primary" aria-haspopup="dialog" onclick={on_activate} data-testid="activate-button">
                        { "Activate" }
                    </button>
                }
                <button type="button" role="switch" class={class_list("ss-toggle", &[(a.on, "is-on")])}
                    aria-checked={a.on.to_string()} aria-label="Soft staking" onclick={on_toggle}
                    data-testid="soft-staking-toggle">
                    <span class="ss-toggle-track" aria-hidden="true"><span class="ss-toggle-thumb"></span></span>
                    <span class="ss-toggle-text">{ if a.on { "ON" } else { "OFF" } }</span>
                </button>
            </div>
            <p class="ss-timeline" data-testid="activation-timeline">
                { lead }
                { then_html() }
                { "first snapshot " }
                <time datetime={format!("{first_snapshot}T00:00Z")}>{ format!("{first_snapshot} 00:00 UTC") }</time>
                { then_html() }
                { "first reward by " }
                <time datetime={format!("{first_reward}T08:00Z")}>{ format!("{first_reward} 08:00 UTC") }</time>
            </p>
        </div>
    }
}

/// The arrow between the timeline's steps; screen readers hear "then".
fn then_html() -> Html {
    html! { <span role="img" aria-label="then">{ " → " }</span> }
}
