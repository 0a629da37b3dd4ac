//! One intraday balance change in the editor: its time and new balance,
//! each with its own error, and its "Remove" button. A view function, not
//! a component: it has no state or hooks of its own, and each component
//! type costs the visitor's download about 0.7 KB gzip of Yew machinery.

use yew::prelude::*;

use crate::config::typed_time::parse_typed_time;
use crate::widget::row::ChangeDraft;
use crate::widget::state::{Action, State};

/// What [`change_entry`] draws.
pub struct ChangeEntryProps<'a> {
    /// The asset's symbol.
    pub symbol: &'a str,
    /// The row's index.
    pub row: usize,
    /// The change's position in the list (0 for the first).
    pub position: usize,
    /// The change as typed.
    pub change: &'a ChangeDraft,
    /// The time's error to show now (see [`crate::widget::row::Row::typing_in`]).
    pub time_error: Option<&'a str>,
    /// The new balance's error to show now.
    pub balance_error: Option<&'a str>,
    /// "Remove" was pressed.
    pub on_remove: Callback<()>,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// A list item of the intraday editor, with the errors its fields show now
/// (one still being typed, `21:` of `21:30`, waits for a pause).
pub fn change_entry(props: ChangeEntryProps<'_>) -> Html {
    let (sym, row, id) = (props.symbol, props.row, props.change.id);
    let change = props.change;
    let (time_error, balance_error) = (props.time_error, props.balance_error);

    let on_input = |action: fn(usize, u32, String) -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(action(row, id, input.value()));
        })
    };
    let on_time = on_input(|row, id, text| Action::SetChangeTime { row, id, text });
    let on_balance = on_input(|row, id, text| Action::SetChangeBalance { row, id, text });
    let on_remove = props.on_remove.reform(|_: MouseEvent| ());

    let pos = props.position;
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
                    value={change.at.text.clone()} oninput={on_time} aria-invalid={time_error.is_some().to_string()}
                    aria-describedby={time_error.map(|_| time_error_id.clone())}
                    data-testid={format!("change-time-{sym}-{pos}")} />
            </span>
            <span class="ss-pair">
                <label for={bal_id.clone()}>{ which }{ "new balance" }</label>
                <input id={bal_id} class="ss-input" type="text" inputmode="decimal" autocomplete="off"
                    value={change.balance.text.clone()} oninput={on_balance} aria-invalid={balance_error.is_some().to_string()}
                    aria-describedby={balance_error.map(|_| bal_error_id.clone())}
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
                if let Some(e) = time_error {
                    <p id={time_error_id} class="ss-field-error" data-testid={format!("change-time-error-{sym}-{pos}")}>{ e.to_string() }</p>
                }
                if let Some(e) = balance_error {
                    <p id={bal_error_id} class="ss-field-error" data-testid={format!("change-balance-error-{sym}-{pos}")}>{ e.to_string() }</p>
                }
            </div>
        </li>
    }
}
