//! Today's date in UTC, kept current: a component using it re-renders when
//! the date changes at 00:00 UTC (a page left open overnight shows the new
//! day's timeline, not yesterday's), and when the page is shown again (a
//! computer that slept through midnight wakes up with late timers).

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

const DAY_MS: i64 = 86_400_000;

/// Milliseconds since the Unix epoch from the browser clock (a JavaScript
/// number holds them exactly).
fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's Unix day (UTC) from the browser clock.
pub fn today() -> i64 {
    now_ms().div_euclid(DAY_MS)
}

/// Counts the moments the date may have changed (a timer at 00:00 UTC, the
/// page shown again); each count re-renders and re-arms the timer.
struct Checks(u32);

impl Reducible for Checks {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Checks(self.0.wrapping_add(1)))
    }
}

/// Today's Unix day (UTC); the calling component re-renders at each 00:00 UTC
/// and when the page is shown again.
#[hook]
pub fn use_utc_day() -> i64 {
    let checks = use_reducer(|| Checks(0));
    {
        let dispatch = checks.dispatcher();
        use_effect_with(checks.0, move |_| {
            // A timer that fires early finds the same day and simply re-arms.
            let wait = (today() + 1) * DAY_MS - now_ms() + 1;
            let timeout = Timeout::new(wait.clamp(1, DAY_MS) as u32, move || dispatch.dispatch(()));
            move || drop(timeout)
        });
    }
    {
        let dispatch = checks.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    EventListener::new(&document, "visibilitychange", move |_| {
                        dispatch.dispatch(())
                    })
                });
            move || drop(listener)
        });
    }
    today()
}
