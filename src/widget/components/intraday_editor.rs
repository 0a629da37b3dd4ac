//! The editor of balance changes during the day (time + new balance).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::change_entry::{change_entry, ChangeEntryProps};
use crate::config::scenario::MAX_ROW_CHANGES;
use crate::widget::row::{Entry, Row};
use crate::widget::state::{Action, State};

/// Props of [`IntradayEditor`].
#[derive(Properties, PartialEq, Clone)]
pub struct IntradayEditorProps {
    /// The row.
    pub row: Rc<Row>,
    /// Its index.
    pub index: usize,
    /// The visitor is typing in the row (see [`Row::typing_in`]).
    pub typing: bool,
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
                    let on_remove = {
                        let (dispatch, focus_after, id) = (props.dispatch.clone(), focus_after.clone(), change.id);
                        Callback::from(move |()| {
                            *focus_after.borrow_mut() = Some(FocusAfter::Removed(pos));
                            dispatch.dispatch(Action::RemoveChange { row: index, id });
                        })
                    };
                    let typing_in = |entry| props.row.typing_in(entry, props.typing);
                    change_entry(ChangeEntryProps { symbol: &sym, row: index, position: pos, change,
                        time_error: change.at.error_to_show(typing_in(Entry::ChangeTime(change.id))),
                        balance_error: change.balance.error_to_show(typing_in(Entry::ChangeBalance(change.id))),
                        on_remove, dispatch: props.dispatch.clone() })
                }) }
            </ol>
            if props.row.changes.len() < MAX_ROW_CHANGES {
                <button type="button" class="ss-button" onclick={add} ref={add_button} data-testid={format!("add-change-{sym}")}>
                    { "+ Add a balance change" }
                </button>
            } else {
                <p class="ss-hint" data-testid={format!("changes-full-{sym}")}>{ format!("At most {MAX_ROW_CHANGES} changes a day.") }</p>
            }
        </div>
    }
}
