//! The component Yew renders into the shadow root: the [`Widget`], or the
//! config's error while the last good `Widget` keeps its state unseen; and
//! the [`CarrySlot`] the embedding reads a carry-over from.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::app::Widget;
use super::carry_over::CarryOver;
use super::components::config_error::ConfigError;
use crate::config::scenario::SharedScenario;
use crate::config::widget_config::WidgetConfig;

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

    /// Leaves how to read what the widget would carry over now.
    pub(crate) fn fill(&self, carry: impl Fn() -> CarryOver + 'static) {
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
