//! Today's date in UTC, kept current: a component using it re-renders when
//! the date changes at 00:00 UTC (a page left open overnight shows the new
//! day's timeline, not yesterday's), and when the page is shown again (a
//! computer that slept through midnight wakes up with late timers).

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

/// Today's Unix day (UTC); the calling component re-renders at each 00:00 UTC.
#[hook]
pub fn use_utc_day() -> i64 {
    // Bumped by the timer: each bump re-renders and arms the next timer.
    let ticks = use_state(|| 0u32);
    {
        let ticks = ticks.clone();
        use_effect_with(*ticks, move |tick| {
            let tick = *tick;
            let now = now_ms();
            // A timer that fires early finds the same day and simply re-arms.
            let wait = (today() + 1) * DAY_MS - now + 1;
            let timeout = Timeout::new(wait.clamp(1, DAY_MS) as u32, move || {
                ticks.set(tick.wrapping_add(1))
            });
            move || drop(timeout)
        });
    }
    let rerender = use_force_update();
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                EventListener::new(&document, "visibilitychange", move |_| {
                    rerender.force_update()
                })
            });
        move || drop(listener)
    });
    today()
}
