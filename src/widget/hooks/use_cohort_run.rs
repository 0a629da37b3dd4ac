//! Running a cohort job without freezing the page: slices of a few
//! milliseconds with progress in between, one run at a time (a new run
//! cancels the old one), and the totals kept current: when the rates change,
//! the latest holdings are run again after a short pause in the typing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::engine::Asset;
use crate::widget::cohort_job::{CohortJob, CohortSummary};
use crate::widget::yield_now::yield_to_browser;

/// Longest slice of work between two yields, in milliseconds.
const SLICE_MS: i64 = 12;
/// Lines read between two clock checks.
const LINES_PER_CHECK: usize = 2_000;
/// Pause after a rate change before the totals are recomputed, so typing
/// "12.5" runs the cohort once, not three times.
const RERUN_DELAY_MS: u32 = 250;

/// Where the latest run is.
#[derive(Clone, Debug, PartialEq)]
pub enum RunState {
    /// Nothing run yet.
    Idle,
    /// Reading: bytes done of the total.
    Running {
        /// Bytes read.
        done: usize,
        /// Bytes in all.
        total: usize,
    },
    /// Finished in `millis`.
    Finished {
        /// The totals.
        summary: Rc<CohortSummary>,
        /// Wall time of the run.
        millis: i64,
    },
    /// Could not run (the message says why).
    Failed(String),
}

/// What [`use_cohort_run`] gives the panel.
#[derive(Clone)]
pub struct CohortRun {
    /// State of the latest run.
    pub state: UseStateHandle<RunState>,
    /// The latest finished totals, also while a newer run is going.
    pub shown: Option<Rc<CohortSummary>>,
    /// Runs these holdings (CSV text) now.
    pub start: Callback<Rc<str>>,
    /// Shows a problem instead of totals and forgets the holdings.
    pub fail: Callback<String>,
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Cohort runs over `pairs` of (before, after) assets. `holdings` holds the
/// CSV text of the latest run, run again when the rates change; it may
/// outlive the component: holdings already there when it mounts are run
/// again after the same pause (the totals come back with the panel).
#[hook]
pub fn use_cohort_run(
    pairs: Vec<(Asset, Asset)>,
    holdings: Rc<RefCell<Option<Rc<str>>>>,
) -> CohortRun {
    let state = use_state(|| RunState::Idle);
    let shown = use_mut_ref(|| None::<Rc<CohortSummary>>);
    // Bumped to cancel a running job (new run, rates changed, unmount).
    let generation = use_mut_ref(|| 0u32);
    {
        let generation = generation.clone();
        use_effect_with((), move |_| move || *generation.borrow_mut() += 1);
    }
    {
        let (holdings, generation, state) = (holdings.clone(), generation.clone(), state.clone());
        use_effect_with(pairs.clone(), move |pairs| {
            let text = holdings.borrow().clone();
            let pending = text.map(|text| {
                // The running job counts under the old rates: stop it now, and
                // show the totals as updating until the new run reports.
                *generation.borrow_mut() += 1;
                state.set(RunState::Running {
                    done: 0,
                    total: text.len(),
                });
                let pairs = pairs.clone();
                Timeout::new(RERUN_DELAY_MS, move || {
                    start_run(text, pairs, &generation, &state)
                })
            });
            move || drop(pending)
        });
    }

    match &*state {
        RunState::Finished { summary, .. } => *shown.borrow_mut() = Some(summary.clone()),
        RunState::Idle | RunState::Failed(_) => *shown.borrow_mut() = None,
        RunState::Running { .. } => {}
    }
    let start = {
        let (holdings, generation, state) = (holdings.clone(), generation.clone(), state.clone());
        Callback::from(move |text: Rc<str>| {
            *holdings.borrow_mut() = Some(text.clone());
            start_run(text, pairs.clone(), &generation, &state);
        })
    };
    let fail = {
        let (holdings, generation, state) = (holdings, generation, state.clone());
        Callback::from(move |why: String| {
            *generation.borrow_mut() += 1;
            *holdings.borrow_mut() = None;
            state.set(RunState::Failed(why));
        })
    };
    let shown = shown.borrow().clone();
    CohortRun {
        state,
        shown,
        start,
        fail,
    }
}

/// Starts a run over `text` with `pairs`, cancelling any run in progress.
fn start_run(
    text: Rc<str>,
    pairs: Vec<(Asset, Asset)>,
    generation: &Rc<RefCell<u32>>,
    state: &UseStateHandle<RunState>,
) {
    *generation.borrow_mut() += 1;
    let mine = *generation.borrow();
    spawn_local(run_sliced(
        CohortJob::new(text, pairs),
        generation.clone(),
        mine,
        state.clone(),
    ));
}

/// Runs `job` in slices of [`SLICE_MS`], giving the page back to the browser
/// between slices and reporting progress, until it is done or `generation`
/// moves on.
async fn run_sliced(
    mut job: CohortJob,
    generation: Rc<RefCell<u32>>,
    mine: u32,
    state: UseStateHandle<RunState>,
) {
    let started = now_ms();
    let current = || *generation.borrow() == mine;
    loop {
        let slice_start = now_ms();
        while now_ms() - slice_start < SLICE_MS {
            if job.step(LINES_PER_CHECK) {
                break;
            }
        }
        if !current() {
            return;
        }
        if job.done() {
            state.set(RunState::Finished {
                summary: Rc::new(job.summary()),
                millis: now_ms() - started,
            });
            return;
        }
        let (done, total) = job.progress();
        state.set(RunState::Running { done, total });
        yield_to_browser().await;
        if !current() {
            return;
        }
    }
}
