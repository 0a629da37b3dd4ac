//! The app shell: `Root` shows the `Widget`, or the config error (keeping
//! the last good `Widget`'s state, unseen); `Widget` owns the reducer and the side effects (storage, events, the shared
//! scenario) and lays out the components. All data changes go through
//! [`State::apply`](super::state::State::apply).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::carry_over::CarryOver;
use super::components::activation_bar::ActivationBar;
use super::components::asset_row::RowSettings;
use super::components::asset_table::AssetTable;
use super::components::cohort_panel::{CohortDraft, CohortPanel};
use super::components::config_error::ConfigError;
use super::components::horizon_controls::HorizonControls;
use super::components::share_link::ShareLink;
use super::components::terms_dialog::TermsDialog;
use super::copy_as_shown::copy_as_shown;
use super::hooks::use_activation_store::use_activation_store;
use super::hooks::use_activation_sync::use_activation_sync;
use super::hooks::use_estimate_event::{EstimateEvent, SentEstimates};
use super::hooks::use_keep_focus::use_keep_focus;
use super::state::{Action, State};
use crate::config::scenario::{Scenario, SharedScenario};
use crate::config::widget_config::{Mode, WidgetConfig};
use crate::embed::{dispatch_activation, dispatch_estimate};
use crate::widget::class_list::class_list;

/// Props of the root: the config (or why it is invalid) and the host element.
#[derive(Properties, PartialEq, Clone)]
pub struct RootProps {
    /// The validated config, or the message to show instead of the widget.
    pub config: Result<Rc<WidgetConfig>, String>,
    /// The element the host mounted on (events are dispatched on it).
    pub host: Element,
    /// A shared scenario from the page URL (at mount; `None` on `update()`).
    pub scenario: Option<SharedScenario>,
    /// What the widget this one replaces carried over (at mount).
    pub carried: Option<Rc<CarryOver>>,
    /// Where the widget leaves what a replacing widget would take over.
    pub slot: CarrySlot,
}

/// Where the widget leaves, at every render, how to read what a widget
/// replacing it would take over (the handle's `carryOver()`).
#[derive(Clone, Default)]
pub struct CarrySlot(Rc<RefCell<Option<Box<CarryReader>>>>);

/// Reads what a widget carries over.
type CarryReader = dyn Fn() -> CarryOver;

impl CarrySlot {
    /// What the widget carries over now; `None` before it first rendered.
    pub fn read(&self) -> Option<CarryOver> {
        self.0.borrow().as_ref().map(|carry| carry())
    }

    fn fill(&self, carry: impl Fn() -> CarryOver + 'static) {
        *self.0.borrow_mut() = Some(Box::new(carry));
    }
}

impl PartialEq for CarrySlot {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The component Yew renders into the shadow root. A bad config from
/// `update()` shows its error while the widget it replaces stays mounted,
/// showing nothing: the next good config finds what was typed still there.
#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    let last_good = use_mut_ref(|| None::<Rc<WidgetConfig>>);
    // The page's shared scenario, for the widget whenever it comes to be (a
    // first config may be bad, a later `update()` good).
    let shared = use_memo((), {
        let scenario = props.scenario.clone();
        move |_| scenario
    });
    // What a replaced widget carried, for the widget whenever it comes to be
    // (the first config, a demo one, may be bad).
    let carried = use_memo((), {
        let carried = props.carried.clone();
        move |_| carried
    });
    if let Ok(config) = &props.config {
        *last_good.borrow_mut() = Some(config.clone());
    }
    let widget_config = last_good.borrow().clone();
    html! {
        <>
            if let Err(message) = &props.config {
                <div class="ss-root theme-auto">
                    <ConfigError message={message.clone()} />
                </div>
            }
            // (An `if` without `else` still renders a node, an empty one: the
            // error box coming and going never moves the widget.)
            if let Some(config) = widget_config {
                <Widget
                    scenario={shared.as_ref().as_ref().filter(|s| s.is_for(&config.storage_key)).map(|s| s.text.clone())}
                    {config}
                    host={props.host.clone()}
                    hidden={props.config.is_err()}
                    carried={(*carried).clone()}
                    slot={props.slot.clone()}
                />
            }
        </>
    }
}

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
    {
        let dispatcher = state.dispatcher();
        let scenario = props.scenario.clone();
        let demo = props.config.mode.is_demo();
        use_effect_with((), move |_| {
            // The constant inside the closure: a captured `demo` alone keeps
            // the scenario decoder in the visitor's build.
            if let (true, Some(text)) = (Mode::DEMO_IN_BUILD && demo, scenario) {
                match Scenario::decode_parts(&text) {
                    Ok((scenario, unreadable)) => dispatcher.dispatch(Action::ApplyScenario {
                        scenario,
                        unreadable,
                    }),
                    Err(why) => dispatcher.dispatch(Action::ScenarioError(format!(
                        "The shared scenario could not be read: {why}."
                    ))),
                }
            }
        });
    }

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

    // Persist the activation and tell the host, on every change after mount
    // (one just read from a new storage key is told, not written back; so is
    // one that differs from what a replaced widget had told).
    {
        let told = props.carried.as_ref().filter(|_| Mode::DEMO_IN_BUILD);
        let last = use_mut_ref(|| told.map_or(state.activation, |c| c.activation));
        let host = props.host.clone();
        let store = store.clone();
        // A visitor's switch drawn in the same render as the host's update()
        // to another key belongs to neither key: not stored or announced
        // under the new one (the widget shows that key's state next).
        let rendered_key = use_mut_ref(|| store.clone());
        let key_moved = std::mem::replace(&mut *rendered_key.borrow_mut(), store.clone()) != store;
        let by_visitor = state.activation_by_visitor && !key_moved;
        use_effect_with(state.activation, move |activation| {
            let previous = std::mem::replace(&mut *last.borrow_mut(), *activation);
            if previous != *activation {
                // Only the visitor's change here is stored and announced: a
                // followed one is another widget's (announcing it back could
                // bounce it between them), a loaded one is stored already.
                // Announced even when the store holds it: a store that
                // refuses writes may hold an older record that is the same.
                if by_visitor {
                    if store.load() != *activation {
                        store.save(*activation);
                    }
                    sync.announce(*activation);
                }
                if previous.on != activation.on {
                    dispatch_activation(&host, activation.on);
                }
            }
        });
    }

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
