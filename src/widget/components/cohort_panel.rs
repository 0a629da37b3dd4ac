//! Demo mode: cohort impact. A CSV of `symbol,balance` holdings (pasted or
//! uploaded) → per symbol and in total, the daily payout before and after the
//! rate change, with counts below the minimum and over the cap. Runs in slices
//! of a few milliseconds with a progress bar, so the page never freezes. The
//! totals follow the rates: a change to a rate (or a new config) while a result
//! is shown or a run is going recomputes them from the same holdings.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::amount::grouped_html;
use crate::engine::cohort::Side;
use crate::engine::Asset;
use crate::widget::cohort_job::{CohortJob, CohortSummary};
use crate::widget::format::count;
use crate::widget::row::Row;
use crate::widget::yield_now::yield_to_browser;

/// Longest slice of work between two yields, in milliseconds.
const SLICE_MS: i64 = 12;
/// Lines read between two clock checks.
const LINES_PER_CHECK: usize = 2_000;

/// Props of [`CohortPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct CohortPanelProps {
    /// The rows (original and current assets).
    pub rows: Vec<Rc<Row>>,
    /// Decimal separator of the locale.
    pub decimal: char,
}

/// What the panel shows.
#[derive(Clone, Debug, PartialEq)]
enum View {
    Idle,
    Running {
        done: usize,
        total: usize,
    },
    Finished {
        summary: Rc<CohortSummary>,
        millis: i64,
    },
    Failed(String),
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Cohort impact panel.
#[function_component(CohortPanel)]
pub fn cohort_panel(props: &CohortPanelProps) -> Html {
    let view = use_state(|| View::Idle);
    let textarea = use_node_ref();
    let file_text = use_state(|| None::<(String, Rc<str>)>);
    // Bumped to cancel a running job (new run or unmount).
    let generation = use_mut_ref(|| 0u32);
    {
        let generation = generation.clone();
        use_effect_with((), move |_| move || *generation.borrow_mut() += 1);
    }

    // The holdings of the latest run, recomputed when the rates change.
    let last_input = use_mut_ref(|| None::<Rc<str>>);
    // The holdings were edited (typed or uploaded) since the latest run.
    let input_edited = use_state(|| false);
    let pairs = asset_pairs(&props.rows);
    {
        let (last_input, generation, view) = (last_input.clone(), generation.clone(), view.clone());
        use_effect_with(pairs.clone(), move |pairs| {
            if let Some(text) = last_input.borrow().clone() {
                start_run(text, pairs.clone(), &generation, &view);
            }
        });
    }
    let on_edit = {
        let (input_edited, last_input) = (input_edited.clone(), last_input.clone());
        Callback::from(move |_: InputEvent| {
            if last_input.borrow().is_some() {
                input_edited.set(true);
            }
        })
    };

    let on_file = {
        let (file_text, view, input_edited, last_input) = (
            file_text.clone(),
            view.clone(),
            input_edited.clone(),
            last_input.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (file_text, view) = (file_text.clone(), view.clone());
            if last_input.borrow().is_some() {
                input_edited.set(true);
            }
            spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(text) => file_text.set(Some((file.name(), Rc::from(text)))),
                    None => view.set(View::Failed(format!(
                        "{} could not be read as text.",
                        file.name()
                    ))),
                }
            });
        })
    };

    let on_run = {
        let (view, textarea, file_text, generation, last_input, input_edited) = (
            view.clone(),
            textarea.clone(),
            file_text.clone(),
            generation.clone(),
            last_input.clone(),
            input_edited.clone(),
        );
        let pairs = pairs.clone();
        Callback::from(move |_| {
            let typed = textarea
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let text: Rc<str> = match (&*file_text, typed.trim().is_empty()) {
                (Some((_, uploaded)), true) => uploaded.clone(),
                _ => Rc::from(typed),
            };
            input_edited.set(false);
            if text.trim().is_empty() {
                *generation.borrow_mut() += 1;
                *last_input.borrow_mut() = None;
                view.set(View::Failed(
                    "Paste or upload holdings first: one symbol,balance per line.".into(),
                ));
                return;
            }
            *last_input.borrow_mut() = Some(text.clone());
            start_run(text, pairs.clone(), &generation, &view);
        })
    };

    let (progress_value, progress_max) = match &*view {
        View::Running { done, total } => (*done, (*total).max(1)),
        View::Finished { .. } => (1, 1),
        _ => (0, 1),
    };
    html! {
        <div class="ss-cohort">
            <h3>{ "Cohort impact" }</h3>
            <p class="ss-hint">{ "Holdings as CSV, one symbol,balance per line (a header line is optional). The total daily payout is computed before and after your changes, in this browser." }</p>
            <label class="ss-sr-only" for="ss-cohort-input">{ "Cohort holdings CSV" }</label>
            <textarea id="ss-cohort-input" ref={textarea} spellcheck="false" placeholder={"symbol,balance\nBNB,12.5\nSOL,340"}
                oninput={on_edit} data-testid="cohort-input" />
            <div class="ss-cohort-actions">
                <label class="ss-button">
                    { "Upload CSV…" }
                    <input class="ss-sr-only" type="file" accept=".csv,text/csv,text/plain" onchange={on_file} data-testid="cohort-file" />
                </label>
                if let Some((name, text)) = &*file_text {
                    <span class="ss-hint">{ format!("{name} ({} bytes) will be used when the box is empty", text.len()) }</span>
                }
                <button type="button" class="ss-button ss-button-primary" onclick={on_run}
                    disabled={matches!(*view, View::Running { .. })} data-testid="cohort-run">{ "Compute impact" }</button>
            </div>
            <progress max={progress_max.to_string()} value={progress_value.to_string()} data-testid="cohort-progress"
                aria-label="Cohort progress"></progress>
            <div aria-live="polite" class="ss-cohort-status" data-testid="cohort-status">
                { match &*view {
                    View::Idle => html! {},
                    View::Running { done, total } => html! { format!("Reading… {}%", done * 100 / (*total).max(1)) },
                    View::Finished { summary, millis } => html! { <>
                        { format!(
                            "Done: {} in {} ms{}{}.",
                            count(summary.rows, "holding"), millis,
                            if summary.invalid > 0 { format!(", {}", count(summary.invalid, "unreadable line")) } else { String::new() },
                            if summary.unknown > 0 { format!(", {} of unknown symbols", count(summary.unknown, "holding")) } else { String::new() },
                        ) }
                        if *input_edited {
                            { " The holdings changed since: compute again to update the totals." }
                        }
                    </> },
                    View::Failed(why) => html! { <span class="ss-field-error">{ why.clone() }</span> },
                } }
            </div>
            if let View::Finished { summary, .. } = &*view {
                { results(summary, props.decimal) }
            }
        </div>
    }
}

/// Before = each asset as configured, after = as edited now.
fn asset_pairs(rows: &[Rc<Row>]) -> Vec<(Asset, Asset)> {
    rows.iter()
        .map(|r| (r.original.clone(), r.item.asset.clone()))
        .collect()
}

/// Starts a run over `text` with `pairs`, cancelling any run in progress.
fn start_run(
    text: Rc<str>,
    pairs: Vec<(Asset, Asset)>,
    generation: &Rc<RefCell<u32>>,
    view: &UseStateHandle<View>,
) {
    *generation.borrow_mut() += 1;
    let mine = *generation.borrow();
    spawn_local(run_sliced(
        CohortJob::new(text, pairs),
        generation.clone(),
        mine,
        view.clone(),
    ));
}

/// Runs `job` in slices of [`SLICE_MS`], giving the page back to the browser
/// between slices and reporting progress, until it is done or `generation`
/// moves on (a new run, or the panel is gone).
async fn run_sliced(
    mut job: CohortJob,
    generation: Rc<RefCell<u32>>,
    mine: u32,
    view: UseStateHandle<View>,
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
            view.set(View::Finished {
                summary: Rc::new(job.summary()),
                millis: now_ms() - started,
            });
            return;
        }
        let (done, total) = job.progress();
        view.set(View::Running { done, total });
        yield_to_browser().await;
        if !current() {
            return;
        }
    }
}

fn results(summary: &CohortSummary, dec: char) -> Html {
    let fiat_before = summary.fiat_total(Side::Before);
    let fiat_after = summary.fiat_total(Side::After);
    html! {
        <>
            if !summary.examples.is_empty() {
                <ul class="ss-hint" data-testid="cohort-problems">
                    { for summary.examples.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
            }
            if summary.overflowed {
                <p class="ss-field-error">{ "A total is too large to show exactly." }</p>
            }
            <table data-testid="cohort-results">
                <thead>
                    <tr>
                        <th scope="col">{ "Token" }</th>
                        <th scope="col">{ "Holdings" }</th>
                        <th scope="col">{ "Daily payout before" }</th>
                        <th scope="col">{ "Daily payout after" }</th>
                        <th scope="col">{ "Below minimum (before → after)" }</th>
                        <th scope="col">{ "Over cap (before → after)" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for summary.tallies.iter().filter(|t| t.holdings > 0).map(|t| html! {
                        <tr>
                            <th scope="row">{ t.symbol.clone() }</th>
                            <td>{ grouped_html(t.holdings.into(), dec) }</td>
                            <td data-testid={format!("cohort-total-before-{}", t.symbol)}>{ total_html(t.total(Side::Before), dec) }</td>
                            <td data-testid={format!("cohort-total-after-{}", t.symbol)}>{ total_html(t.total(Side::After), dec) }</td>
                            <td>{ format!("{} → {}", t.sides[0].below_minimum, t.sides[1].below_minimum) }</td>
                            <td>{ format!("{} → {}", t.sides[0].capped, t.sides[1].capped) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                        <tr>
                            <th scope="row">{ if fiat_before.is_some() || fiat_after.is_some() { "Total (fiat, at configured prices)" } else { "Total" } }</th>
                            <td>{ grouped_html(summary.rows.into(), dec) }</td>
                            <td data-testid="cohort-fiat-before">{ total_html(fiat_before, dec) }</td>
                            <td data-testid="cohort-fiat-after">{ total_html(fiat_after, dec) }</td>
                            <td>{ format!("{} → {}", summary.tallies.iter().map(|t| t.sides[0].below_minimum).sum::<u64>(), summary.tallies.iter().map(|t| t.sides[1].below_minimum).sum::<u64>()) }</td>
                            <td>{ format!("{} → {}", summary.tallies.iter().map(|t| t.sides[0].capped).sum::<u64>(), summary.tallies.iter().map(|t| t.sides[1].capped).sum::<u64>()) }</td>
                        </tr>
                </tfoot>
            </table>
        </>
    }
}

fn total_html(value: Option<rust_decimal::Decimal>, dec: char) -> Html {
    match value {
        Some(v) => grouped_html(v, dec),
        None => html! { "—" },
    }
}
