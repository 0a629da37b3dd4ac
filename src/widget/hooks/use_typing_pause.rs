//! Whether the visitor is still typing in a field: from a change of its text
//! until they pause for [`PAUSE_MS`]. The error of a number still being typed
//! (`1,` of `1,000`) waits for that pause instead of flashing red at every
//! keystroke ("reward early, punish late"). Not at the field's blur: the
//! error appearing then would move the page under a click that is under way
//! (blur comes at the mouse-down), and the click could land elsewhere.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// The pause in typing after which a waiting error shows.
pub const PAUSE_MS: u32 = 800;

/// True from a change of `text`, a field's text, until the visitor pauses;
/// false on the first render, so what a field starts with (a restored link,
/// a carried-over entry) shows its error at once.
#[hook]
pub fn use_typing_pause(text: &str) -> bool {
    // The text last seen, and whether the visitor is typing it.
    let last = use_mut_ref(|| (text.to_string(), false));
    let redraw = use_force_update();
    let typing = {
        let mut last = last.borrow_mut();
        if last.0 != text {
            *last = (text.to_string(), true);
        }
        last.1
    };
    use_effect_with(text.to_string(), move |_| {
        // Dropped (so cancelled) by the next keystroke or an unmount.
        let timer = typing.then(|| {
            Timeout::new(PAUSE_MS, move || {
                last.borrow_mut().1 = false;
                redraw.force_update();
            })
        });
        move || drop(timer)
    });
    typing
}
