//! A shared scenario from the page's URL (demo mode's share links), applied
//! once, at mount: its parts that read go to the reducer, and a link that
//! does not read at all becomes the widget's banner.

use yew::prelude::*;

use crate::config::scenario::Scenario;
use crate::config::widget_config::Mode;
use crate::widget::state::{Action, State};

/// Applies `scenario` (the link's text) once, when `demo` is the config's mode.
#[hook]
pub fn use_shared_scenario(
    scenario: Option<String>,
    demo: bool,
    dispatcher: UseReducerDispatcher<State>,
) {
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
