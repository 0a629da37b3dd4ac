//! The editor of balance changes during the day (time + new balance).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::config::scenario::MAX_CHANGES;
use crate::config::typed_time::parse_typed_time;
use crate::widget::row::Row;
use crate::widget::state::{Action, State};

/// Props of [`IntradayEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct IntradayEditorProps {
    /// The row.
    pub row: Rc<Row>,
    /// Its index.
    pub index: usize,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// Where focus goes once the list has re-rendered.
#[derive(Clone, Copy)]
enum FocusAfter {
    /// A change was added: its time field.
    Added,
    /// The change at this position was removed.
    Removed(usize),
}

/// List of changes with add/remove.
#[function_component(IntradayEditor)]
pub fn intraday_editor(props: &IntradayEditorProps) -> Html {
    let sym = props.row.symbol().to_string();
    let index = props.index;
    // Focus is never lost to the page: a new change's time field takes it;
    // after a removal, the time field of the change now in that place (or
    // the one before), else "Add".
    let add_button = use_node_ref();
    let list = use_node_ref();
    let focus_after = use_mut_ref(|| None::<FocusAfter>);
    let add = {
        let (dispatch, focus_after) = (props.dispatch.clone(), focus_after.clone());
        Callback::from(move |_| {
            *focus_after.borrow_mut() = Some(FocusAfter::Added);
            dispatch.dispatch(Action::AddChange { row: index })
        })
    };
    {
        let (list, add_button, focus_after) =
            (list.clone(), add_button.clone(), focus_after.clone());
        use_effect_with(props.row.changes.len(), move |&count| {
            let Some(after) = focus_after.borrow_mut().take() else {
                return;
            };
            let time_field = |n: usize| {
                list.cast::<Element>()
                    .and_then(|l| l.query_selector_all(".ss-input-time").ok())
                    .and_then(|fields| fields.get(n as u32))
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            };
            let target = match after {
                FocusAfter::Added => count.checked_sub(1).and_then(time_field),
                FocusAfter::Removed(pos) => count
                    .checked_sub(1)
                    .and_then(|last| time_field(pos.min(last))),
            }
            .or_else(|| add_button.cast::<HtmlElement>());
            if let Some(element) = target {
                let _ = element.focus();
            }
        });
    }
    html! {
        <div class="ss-changes">
            <ol class="ss-change-list" ref={list}>
                { for props.row.changes.iter().enumerate().map(|(pos, change)| {
                    let id = change.id;
                    let on_time = {
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |e: InputEvent| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            dispatch.dispatch(Action::SetChangeTime { row: index, id, text: input.value() });
                        })
                    };
                    let on_balance = {
                        let dispatch = props.dispatch.clone();
                        Callback::from(move |e: InputEvent| {
                            let input: HtmlInputElement = e.target_unchecked_into();
                            dispatch.dispatch(Action::SetChangeBalance { row: index, id, text: input.value() });
                        })
                    };
                    let on_remove = {
                        let (dispatch, focus_after) = (props.dispatch.clone(), focus_after.clone());
                        Callback::from(move |_| {
                            *focus_after.borrow_mut() = Some(FocusAfter::Removed(pos));
                            dispatch.dispatch(Action::RemoveChange { row: index, id });
                        })
                    };
                    let time_id = format!("ss-change-time-{sym}-{id}");
                    let bal_id = format!("ss-change-balance-{sym}-{id}");
                    let (time_error_id, bal_error_id) = (format!("{time_id}-error"), format!("{bal_id}-error"));
                    // Screen readers hear which change of which asset a field belongs to.
                    let which = html! { <span class="ss-sr-only">{ format!("{sym} change {}: ", pos + 1) }</span> };
                    html! {
                        <li key={id} class="ss-change">
                            <span class="ss-pair">
                                <label for={time_id.clone()}>{ which.clone() }{ "At (UTC)" }</label>
                                <input id={time_id} class="ss-input ss-input-time" type="text" inputmode="numeric" placeholder="HH:MM"
                                    value={change.at.text.clone()} oninput={on_time} aria-invalid={change.at.error.is_some().to_string()}
                                    aria-describedby={change.at.error.as_ref().map(|_| time_error_id.clone())}
                                    data-testid={format!("change-time-{sym}-{pos}")} />
                            </span>
                            <span class="ss-pair">
                                <label for={bal_id.clone()}>{ which }{ "new balance" }</label>
                                <input id={bal_id} class="ss-input" type="text" inputmode="decimal" autocomplete="off"
                                    value={change.balance.text.clone()} oninput={on_balance} aria-invalid={change.balance.error.is_some().to_string()}
                                    aria-describedby={change.balance.error.as_ref().map(|_| bal_error_id.clone())}
                                    data-testid={format!("change-balance-{sym}-{pos}")} />
                            </span>
                            <button type="button" class="ss-button ss-button-quiet" onclick={on_remove}
                                aria-label={match parse_typed_time(&change.at.text) {
                                    Some(at) => format!("Remove {sym} change {} (at {at})", pos + 1),
                                    None => format!("Remove {sym} change {}", pos + 1),
                                }}>{ "Remove" }</button>
                            // Always one element here: Yew matches unkeyed siblings from
                            // the end, so a varying number of trailing nodes would make it
                            // replace the inputs (and drop their focus) on a keystroke.
                            <div class="ss-change-errors" aria-live="polite">
                                if let Some(e) = &change.at.error {
                                    <p id={time_error_id} class="ss-field-error" data-testid={format!("change-time-error-{sym}-{pos}")}>{ e.clone() }</p>
                                }
                                if let Some(e) = &change.balance.error {
                                    <p id={bal_error_id} class="ss-field-error" data-testid={format!("change-balance-error-{sym}-{pos}")}>{ e.clone() }</p>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            if props.row.changes.len() < MAX_CHANGES {
                <button type="button" class="ss-button" onclick={add} ref={add_button} data-testid={format!("add-change-{sym}")}>
                    { "+ Add a balance change" }
                </button>
            } else {
                <p class="ss-hint" data-testid={format!("changes-full-{sym}")}>{ format!("At most {MAX_CHANGES} changes a day.") }</p>
            }
        </div>
    }
}
