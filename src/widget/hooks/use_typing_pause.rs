//! Whether the visitor is still typing in a row: from each of their
//! keystrokes there (`Row::typed`) until they pause for [`PAUSE_MS`]. The
//! error of a number or time still being typed (`1,` of `1,000`, `21:` of
//! `21:30`) waits for that pause instead of flashing red at every keystroke
//! ("reward early, punish late"). Not at the field's blur: the error
//! appearing then would move the page under a click that is under way (blur
//! comes at the mouse-down), and the click could land elsewhere.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// The pause in typing after which a waiting error shows.
pub const PAUSE_MS: u32 = 800;

/// True from a change of `keystrokes`, the count of the visitor's
/// keystrokes in a row, until they pause; false on the first render, so
/// what a row starts with (a carried-over entry) shows its error at once,
/// and anything else that changes a field's text (a host's update, a shared
/// link), which is no keystroke, starts no pause.
#[hook]
pub fn use_typing_pause(keystrokes: u32) -> bool {
    // The count last seen, and whether the visitor is typing.
    let last = use_mut_ref(|| (keystrokes, false));
    let redraw = use_force_update();
    let typing = {
        let mut last = last.borrow_mut();
        if last.0 != keystrokes {
            *last = (keystrokes, true);
        }
        last.1
    };
    use_effect_with(keystrokes, move |_| {
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
