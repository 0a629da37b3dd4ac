//! Demo mode: cohort impact. A CSV of `symbol,balance` holdings (pasted or
//! uploaded) → per symbol and in total, the daily payout before and after the
//! rate change, with counts below the minimum and over the cap. The runs
//! themselves (slices, progress, re-runs when the rates change) are
//! [`use_cohort_run`]'s.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::cohort_results::cohort_results;
use crate::config::currency::Currency;
use crate::engine::Asset;
use crate::widget::class_list::class_list;
use crate::widget::cohort_job::percent_done;
use crate::widget::format::{count_in, NumberStyle};
use crate::widget::hooks::use_cohort_run::{use_cohort_run, RunState};
use crate::widget::hooks::use_width::use_width;
use crate::widget::row::Row;

/// What the panel keeps while it is away (a bad config shows its error
/// instead of the widget): the text in the box, the uploaded file and which
/// of the two was given last, and the holdings last run, whose totals are
/// computed again when the panel returns.
#[derive(Clone, Default)]
pub struct CohortDraft(Rc<DraftParts>);

#[derive(Default)]
struct DraftParts {
    /// The box's text, stored when the panel goes.
    text: RefCell<Option<String>>,
    /// The uploaded file: its name and text.
    file: RefCell<Option<(String, Rc<str>)>>,
    /// The file was given after the box's text.
    use_file: Cell<bool>,
    /// The holdings of the latest run (see [`use_cohort_run`]).
    holdings: Rc<RefCell<Option<Rc<str>>>>,
}

impl PartialEq for CohortDraft {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`CohortPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct CohortPanelProps {
    /// The rows (original and current assets).
    pub rows: Vec<Rc<Row>>,
    /// How the locale writes numbers.
    pub style: NumberStyle,
    /// The currency of the prices (the fiat totals).
    pub currency: Option<Currency>,
    /// Where the holdings text waits while the panel is away.
    pub draft: CohortDraft,
}

/// Cohort impact panel.
#[function_component(CohortPanel)]
pub fn cohort_panel(props: &CohortPanelProps) -> Html {
    let draft = props.draft.0.clone();
    let run = use_cohort_run(asset_pairs(&props.rows), draft.holdings.clone());
    let textarea = use_node_ref();
    let panel = use_node_ref();
    let results_box = use_node_ref();
    // The results are a tab stop only when they scroll sideways (a phone):
    // measured after each new result and each change of the panel's width.
    let scrolls = use_state_eq(|| false);
    let width = use_width(panel.clone());
    {
        let (results_box, scrolls) = (results_box.clone(), scrolls.clone());
        let shown = run.shown.as_ref().map(|s| Rc::as_ptr(s) as usize);
        use_effect_with((shown, width), move |_| {
            let wide = results_box
                .cast::<Element>()
                .is_some_and(|e| e.scroll_width() > e.client_width());
            scrolls.set(wide);
        });
    }
    let file_text = use_state(|| draft.file.borrow().clone());
    // What the visitor gave last wins: an upload, until they type in the box.
    let use_file = use_state_eq(|| draft.use_file.get());
    // Counts edits of the box: typing while a file is read keeps the box.
    let edits = use_mut_ref(|| 0_u64);
    // The holdings were edited (typed or uploaded) since the shown totals.
    let input_edited = use_state(|| false);
    let has_totals = run.shown.is_some();

    // Back from away: the text typed before. Going away: keep it (the hooks'
    // clean-ups run before the textarea leaves the page).
    {
        let (textarea, draft) = (textarea.clone(), draft.clone());
        use_effect_with((), move |_| {
            let area = move || textarea.cast::<HtmlTextAreaElement>();
            if let (Some(text), Some(area)) = (draft.text.borrow_mut().take(), area()) {
                area.set_value(&text);
            }
            move || {
                if let Some(area) = area() {
                    *draft.text.borrow_mut() = Some(area.value());
                }
            }
        });
    }

    let on_edit = {
        let (input_edited, use_file, edits, draft) = (
            input_edited.clone(),
            use_file.clone(),
            edits.clone(),
            draft.clone(),
        );
        Callback::from(move |_: InputEvent| {
            *edits.borrow_mut() += 1;
            use_file.set(false);
            draft.use_file.set(false);
            if has_totals {
                input_edited.set(true);
            }
        })
    };

    let on_file = {
        let (file_text, fail, input_edited, use_file, edits, draft) = (
            file_text.clone(),
            run.fail.clone(),
            input_edited.clone(),
            use_file.clone(),
            edits.clone(),
            draft.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Emptied, so that choosing the same file again is a change too.
            input.set_value("");
            let edits_before = *edits.borrow();
            let (file_text, fail, input_edited, use_file, edits, draft) = (
                file_text.clone(),
                fail.clone(),
                input_edited.clone(),
                use_file.clone(),
                edits.clone(),
                draft.clone(),
            );
            spawn_local(async move {
                match JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(text) => {
                        let file = Some((file.name(), Rc::from(text)));
                        *draft.file.borrow_mut() = file.clone();
                        file_text.set(file);
                        let last = *edits.borrow() == edits_before;
                        draft.use_file.set(last);
                        use_file.set(last);
                        if has_totals {
                            input_edited.set(true);
                        }
                    }
                    None => fail.emit(format!("{} could not be read as text.", file.name())),
                }
            });
        })
    };

    let running = matches!(*run.state, RunState::Running { .. });
    let on_run = {
        let (start, fail, textarea, file_text, input_edited) = (
            run.start.clone(),
            run.fail.clone(),
            textarea.clone(),
            file_text.clone(),
            input_edited.clone(),
        );
        let use_file = *use_file;
        Callback::from(move |_| {
            if running {
                return;
            }
            let typed = textarea
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let text: Rc<str> = match (&*file_text, use_file || typed.trim().is_empty()) {
                (Some((_, uploaded)), true) => uploaded.clone(),
                _ => Rc::from(typed),
            };
            input_edited.set(false);
            if text.trim().is_empty() {
                fail.emit("Paste or upload holdings first: one symbol,balance per line.".into());
            } else {
                start.emit(text);
            }
        })
    };

    let (progress_value, progress_max) = match &*run.state {
        RunState::Running { done, total } => (*done, (*total).max(1)),
        RunState::Finished { .. } => (1, 1),
        _ => (0, 1),
    };
    html! {
        <div class="ss-cohort" ref={panel}>
            <h3>{ "Cohort impact" }</h3>
            <p class="ss-hint">{ "Holdings as CSV, one symbol,balance per line (a header line is optional), each balance written plainly, as systems export it: 1234.5, with a '.' and no digit groups, whatever the language of the page. The total daily payout is computed before and after your changes, in this browser; it follows your changes to the rates." }</p>
            <label class="ss-sr-only" for="ss-cohort-input">{ "Cohort holdings CSV" }</label>
            <textarea id="ss-cohort-input" ref={textarea} spellcheck="false" placeholder={"symbol,balance\nBNB,12.5\nSOL,340"}
                oninput={on_edit} data-testid="cohort-input" />
            <div class="ss-cohort-actions">
                <label class="ss-button">
                    { "Upload CSV…" }
                    <input class="ss-sr-only" type="file" accept=".csv,text/csv,text/plain" onchange={on_file} data-testid="cohort-file" />
                </label>
                if let Some((name, text)) = &*file_text {
                    <span class="ss-hint" role="status">{ format!(
                        "{name} ({}) will be used{}",
                        count_in(text.len() as u64, "byte", props.style),
                        if *use_file { " (typing in the box uses the box instead)" } else { " when the box is empty" },
                    ) }</span>
                }
                // `aria-disabled`, not `disabled`, while a run lasts: a disabled
                // button drops the keyboard focus (to the page's body).
                <button type="button" class="ss-button ss-button-primary" onclick={on_run}
                    aria-disabled={running.to_string()} data-testid="cohort-run">{ "Compute impact" }</button>
            </div>
            <progress max={progress_max.to_string()} value={progress_value.to_string()} data-testid="cohort-progress"
                aria-label="Cohort progress"></progress>
            <div class="ss-cohort-status" data-testid="cohort-status">
                if let RunState::Running { done, total } = &*run.state {
                    // Progress is for the eye (and the progress bar); only the outcome is announced.
                    <span>{ format!("Reading… {}%", percent_done(*done, *total)) }</span>
                }
                <span aria-live="polite">
                    { match &*run.state {
                        // A header alone, or blank lines: nothing to total.
                        RunState::Finished { summary, .. } if summary.rows == 0 && summary.invalid == 0 && summary.unknown == 0 => html! {
                            { "No holdings found: give one symbol,balance line per holding, such as BNB,12.5." }
                        },
                        RunState::Finished { summary, millis } => html! { <>
                            { format!(
                                "Done: {} in {} ms{}{}.",
                                count_in(summary.rows, "holding", props.style), millis,
                                if summary.invalid > 0 { format!(", {}", count_in(summary.invalid, "unreadable line", props.style)) } else { String::new() },
                                if summary.unknown > 0 { format!(", {} of unknown symbols", count_in(summary.unknown, "holding", props.style)) } else { String::new() },
                            ) }
                            if *input_edited {
                                { " The holdings changed since: compute again to update the totals." }
                            }
                        </> },
                        RunState::Failed(why) => html! { <span class="ss-field-error">{ why.clone() }</span> },
                        RunState::Idle | RunState::Running { .. } => html! {},
                    } }
                </span>
            </div>
            if let Some(summary) = &run.shown {
                // A region, in the tab order where the table scrolls sideways
                // (a phone): the keyboard scrolls it once it has focus.
                <div class={class_list("ss-cohort-results", &[(running, "is-updating")])} aria-busy={running.to_string()}
                    role="region" aria-label="Cohort results" tabindex={scrolls.then_some("0")} ref={results_box}
                    data-testid="cohort-results-region">
                    { cohort_results(summary, props.style, props.currency) }
                </div>
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
