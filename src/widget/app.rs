//! The widget proper: `Widget` owns the reducer and the side effects
//! (storage, events, the shared scenario; each a hook in `hooks/`) and lays
//! out the components. All data changes go through
//! [`State::apply`](super::state::State::apply). `root.rs` shows it, or a
//! config's error.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::carry_over::CarryOver;
use super::components::activation_bar::ActivationBar;
use super::components::asset_row::RowSettings;
use super::components::asset_table::AssetTable;
use super::components::cohort_panel::{CohortDraft, CohortPanel};
use super::components::horizon_controls::HorizonControls;
use super::components::share_link::ShareLink;
use super::components::terms_dialog::TermsDialog;
use super::copy_as_shown::copy_as_shown;
use super::hooks::use_activation_persist::{use_activation_persist, ActivationChange};
use super::hooks::use_activation_store::use_activation_store;
use super::hooks::use_activation_sync::use_activation_sync;
use super::hooks::use_estimate_event::{EstimateEvent, SentEstimates};
use super::hooks::use_keep_focus::use_keep_focus;
use super::hooks::use_shared_scenario::use_shared_scenario;
use super::root::CarrySlot;
use super::state::{Action, State};
use crate::config::widget_config::{Mode, WidgetConfig};
use crate::embed::dispatch_estimate;
use crate::widget::class_list::class_list;

/// Props of the widget proper.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The validated config.
    pub config: Rc<WidgetConfig>,
    /// The host element, for events.
    pub host: Element,
    /// A shared scenario from the page URL (demo mode).
    pub scenario: Option<String>,
    /// Shows nothing but keeps its state (while a bad config's error shows
    /// instead).
    #[prop_or_default]
    pub hidden: bool,
    /// What the widget this one replaces carried over (read at mount).
    #[prop_or_default]
    pub carried: Option<Rc<CarryOver>>,
    /// Where this widget leaves what it would carry over.
    #[prop_or_default]
    pub slot: CarrySlot,
}

/// The estimator widget.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let store = use_activation_store(&props.config.storage_key);
    let initial_config = use_memo((), {
        let config = props.config.clone();
        move |_| config
    });
    let state = use_reducer({
        let config = props.config.clone();
        let store = store.clone();
        let carried = props.carried.clone().filter(|_| Mode::DEMO_IN_BUILD);
        move || {
            let mut state = State::new(&config, store.load());
            if let Some(carry) = carried {
                state.take_over(&carry, &config.storage_key);
            }
            state
        }
    });

    // A shared scenario in the URL is applied once, in demo mode.
    use_shared_scenario(
        props.scenario.clone(),
        props.config.mode.is_demo(),
        state.dispatcher(),
    );

    // `update(config)` from the host; the visitor keeps typing where they were.
    let keep_focus = use_keep_focus(&props.host);
    {
        let dispatcher = state.dispatcher();
        let initial = initial_config.clone();
        use_effect_with(props.config.clone(), move |config| {
            if !Rc::ptr_eq(config, &initial) {
                keep_focus.remember();
                dispatcher.dispatch(Action::Reconfigure(config.clone()));
            }
        });
    }

    // `update(config)` with another storage_key: show what that key stored.
    {
        let dispatcher = state.dispatcher();
        let mounted = use_mut_ref(|| false);
        use_effect_with(store.clone(), move |store| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                dispatcher.dispatch(Action::LoadActivation(store.load()));
            }
        });
    }

    // Follow the changes the other widgets under this key announce.
    let sync = {
        let dispatcher = state.dispatcher();
        use_activation_sync(
            &store,
            Callback::from(move |a| dispatcher.dispatch(Action::FollowActivation(a))),
        )
    };

    // Store the visitor's changes of the activation, tell the other widgets
    // under the key, and tell the host when soft staking switches.
    use_activation_persist(
        ActivationChange {
            activation: state.activation,
            by_visitor: state.activation_by_visitor,
            told: props
                .carried
                .as_ref()
                .filter(|_| Mode::DEMO_IN_BUILD)
                .map(|c| c.activation),
        },
        &store,
        sync,
        &props.host,
    );

    // Here, not in the rows: a row remounted (after a bad config, say) does
    // not announce an unchanged estimate again.
    let sent = use_mut_ref(|| {
        let carried = props.carried.as_ref().filter(|_| Mode::DEMO_IN_BUILD);
        carried.map_or_else(SentEstimates::default, |c| {
            SentEstimates::from_announced(&c.announced)
        })
    });
    {
        let state = state.clone();
        let sent = sent.clone();
        let key = props.config.storage_key.clone();
        props
            .slot
            .fill(move || state.carry_over(&key, sent.borrow().announced()));
    }
    let on_estimate = use_callback(props.host.clone(), move |e: EstimateEvent, host| {
        if sent.borrow_mut().is_news(&e) {
            dispatch_estimate(host, &e.symbol, &e.balance, &e.daily_reward);
        }
    });

    // The cohort's holdings text outlives the panel (which a bad config hides).
    let cohort_draft = use_memo((), |_| CohortDraft::default());
    let root = use_node_ref();

    if props.hidden {
        // The state lives on in the hooks above; nothing is shown.
        return Html::default();
    }
    let demo = state.mode.is_demo();
    let on_copy = {
        let root = root.clone();
        let style = state.style;
        Callback::from(move |e: Event| {
            if let Some(root) = root.cast::<Element>() {
                copy_as_shown(&e, &root, style);
            }
        })
    };
    let shows_samples = state
        .rows
        .iter()
        .any(|r| r.shows_sample_rate() || r.shows_sample_cap());
    let class = class_list(
        &format!("ss-root theme-{}", state.theme.as_str()),
        &[(true, state.style.group.class()), (demo, "mode-demo")],
    );
    html! {
        <div {class} lang={state.locale.clone()} ref={root} oncopy={on_copy}>
            <header class="ss-header">
                <div class="ss-heading">
                    <h2 class="ss-title">{ "Soft Staking" }</h2>
                    <p class="ss-subtitle">{ "Earn staking rewards on tokens in your spot wallet: no lock-up, trade or withdraw any time." }</p>
                </div>
                <ActivationBar activation={state.activation} dispatch={state.dispatcher()} />
            </header>
            if let Some(why) = &state.scenario_error {
                <p class="ss-banner ss-banner-error" role="alert">{ why.clone() }</p>
            }
            // A live region there before its text, so that the note is read out.
            if Mode::DEMO_IN_BUILD && demo {
                <div role="status">
                    if !state.edits_reset.is_empty() {
                        <p class="ss-banner ss-banner-note" data-testid="edits-reset">
                            { format!(
                                "The page changed the APR, minimum or cap of {}: your edits there were reset to its new values.",
                                state.edits_reset.join(", ")
                            ) }
                        </p>
                    }
                </div>
            }
            <HorizonControls
                days={state.horizon_days}
                custom={state.custom_horizon.clone()}
                compound={state.compound}
                dispatch={state.dispatcher()}
            />
            <AssetTable
                rows={state.rows.clone()}
                open_row={state.open_row}
                settings={RowSettings {
                    compound: state.compound,
                    horizon_days: state.horizon_days,
                    demo,
                    style: state.style,
                    currency: state.currency,
                    dispatch: state.dispatcher(),
                    on_estimate,
                }}
            />
            <p class="ss-footnote">
                { "Rewards = average of the day's balance snapshots (taken from 00:00 UTC) × APR ÷ 365, paid the next day by 08:00 UTC and rounded down. APRs are estimates and can change." }
                if shows_samples {
                    { " Values marked " }
                    <span class="ss-tag">{ "sample" }</span>
                    { " are illustrative, not offers." }
                }
            </p>
            if demo {
                <section class="ss-demo" aria-label="Product team tools">
                    <ShareLink
                        scenario={state.scenario().encode()}
                        storage_key={props.config.storage_key.clone()}
                    />
                    <CohortPanel rows={state.rows.clone()} style={state.style} currency={state.currency} draft={(*cohort_draft).clone()} />
                </section>
            }
            <TermsDialog open={state.dialog_open} ticked={state.terms_ticked} dispatch={state.dispatcher()} />
        </div>
    }
}
