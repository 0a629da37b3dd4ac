//! The embedding glue: what `embed.js` calls. `mount` renders a widget into an
//! open Shadow DOM root on the host's element and returns a handle with
//! `update(config)` and `destroy()`. Nothing here throws into the host page: a
//! bad config renders as a readable error inside the widget's box.

pub mod config_value;
mod events;
pub mod panic_guard;
mod shadow;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use crate::config::widget_config::Mode;
use crate::widget::carry_over::CarryOver;
use crate::widget::root::{CarrySlot, Root, RootProps};

pub use events::{dispatch_activation, dispatch_estimate};
use shadow::Refusal;
pub use shadow::WIDGET_CSS;

/// A mounted widget, as seen from JavaScript.
#[wasm_bindgen]
pub struct WidgetHandle {
    mounted: Option<Mounted>,
}

struct Mounted {
    app: AppHandle<Root>,
    host: Element,
    shadow: shadow::WidgetShadow,
    slot: CarrySlot,
}

/// Mounts a widget on `element` with `config` (a JavaScript object, or
/// `null`/`undefined` for the built-in samples). `carried` is what the
/// widget it replaces handed over (`carryOver()`), if any.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: Element, config: JsValue, carried: Option<String>) -> WidgetHandle {
    // Only the demo build takes over (from a visitor's widget).
    let carried = carried
        .filter(|_| Mode::DEMO_IN_BUILD)
        .and_then(|text| CarryOver::decode(&text))
        .map(Rc::new);
    mount_props(element, config_value::parse(&config), carried)
}

/// Mounts a widget that only shows `message` as a config error (used by the
/// auto-mount when a `data-config` or `data-config-url` cannot be read).
#[wasm_bindgen(js_name = mountError)]
pub fn mount_error(element: Element, message: String) -> WidgetHandle {
    mount_props(element, Err(message), None)
}

fn mount_props(
    element: Element,
    config: Result<Rc<crate::config::widget_config::WidgetConfig>, String>,
    carried: Option<Rc<CarryOver>>,
) -> WidgetHandle {
    panic_guard::install();
    let shadow = match shadow::WidgetShadow::attach(&element) {
        Ok(shadow) => shadow,
        Err(Refusal::CannotHost) => {
            element.set_text_content(Some(
                "The soft staking widget cannot be shown inside this element.",
            ));
            return WidgetHandle { mounted: None };
        }
        // The element's content is someone else's: left as it is.
        Err(why) => {
            web_sys::console::error_1(&JsValue::from_str(match why {
                Refusal::InUse => "soft-staking: this element holds a widget of another copy of embed.js; mount() it from that copy",
                _ => "soft-staking: this element has a shadow root of its own; mount the widget on an element inside it or beside it",
            }));
            return WidgetHandle { mounted: None };
        }
    };
    let slot = CarrySlot::default();
    let props = RootProps {
        config,
        host: element.clone(),
        scenario: shadow::scenario_from_location(),
        carried,
        slot: slot.clone(),
    };
    let app =
        yew::Renderer::<Root>::with_root_and_props(shadow.container().clone(), props).render();
    WidgetHandle {
        mounted: Some(Mounted {
            app,
            host: element,
            shadow,
            slot,
        }),
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Replaces the config; what the visitor typed is kept. A bad config shows
    /// its error inside the widget. No effect after `destroy()`.
    pub fn update(&mut self, config: JsValue) {
        if let Some(m) = self.mounted.as_mut() {
            let props = RootProps {
                config: config_value::parse(&config),
                host: m.host.clone(),
                scenario: None,
                carried: None,
                slot: m.slot.clone(),
            };
            m.app.update(props);
        }
    }

    /// What a widget mounted in this one's place takes over: what the
    /// visitor typed, the horizon, compounding, the open row, the activation
    /// and terms dialog, and the estimates already announced (`embed.js`
    /// hands it over when `update()` switches to the demo build). `None`
    /// after `destroy()`, and in the demo build, which is never replaced.
    #[wasm_bindgen(js_name = carryOver)]
    pub fn carry_over(&self) -> Option<String> {
        // Only a visitor's widget is ever replaced (by the demo build).
        if Mode::DEMO_IN_BUILD {
            return None;
        }
        Some(self.mounted.as_ref()?.slot.read()?.encode())
    }

    /// Shows `message` as the config error (used by `embed.js` when a config
    /// object cannot even be read, e.g. a getter throws).
    #[wasm_bindgen(js_name = showError)]
    pub fn show_error(&mut self, message: String) {
        if let Some(m) = self.mounted.as_mut() {
            let props = RootProps {
                config: Err(message),
                host: m.host.clone(),
                scenario: None,
                carried: None,
                slot: m.slot.clone(),
            };
            m.app.update(props);
        }
    }

    /// Unmounts the widget and removes everything it added to the element.
    /// Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(m) = self.mounted.take() {
            m.app.destroy();
            m.shadow.detach();
        }
    }

    /// True until `destroy()`.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.mounted.is_some()
    }
}
