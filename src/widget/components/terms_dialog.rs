//! The terms dialog: a modal `<dialog>` that takes focus, keeps Tab inside,
//! closes on Esc, and enables "Start Earning" only once the box is ticked.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::widget::hooks::use_focus_trap::{focused_in, use_focus_trap};
use crate::widget::hooks::use_utc_day::today;
use crate::widget::state::{Action, State};

/// Props of [`TermsDialog`].
#[derive(Properties, PartialEq, Clone)]
pub struct TermsDialogProps {
    /// Open or closed.
    pub open: bool,
    /// Checkbox ticked.
    pub ticked: bool,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The dialog.
#[function_component(TermsDialog)]
pub fn terms_dialog(props: &TermsDialogProps) -> Html {
    let dialog_ref = use_node_ref();
    let checkbox_ref = use_node_ref();
    let return_focus = use_mut_ref(|| None::<Element>);
    let trap = use_focus_trap(dialog_ref.clone());

    {
        let (dialog_ref, checkbox_ref, return_focus) = (
            dialog_ref.clone(),
            checkbox_ref.clone(),
            return_focus.clone(),
        );
        use_effect_with(props.open, move |open| {
            if let Some(dialog) = dialog_ref.cast::<HtmlDialogElement>() {
                if *open && !dialog.open() {
                    *return_focus.borrow_mut() = focused_in(dialog.unchecked_ref());
                    let _ = dialog.show_modal();
                    if let Some(cb) = checkbox_ref.cast::<HtmlElement>() {
                        let _ = cb.focus();
                    }
                } else if !*open && dialog.open() {
                    dialog.close();
                    // Back to where focus came from; if that control is gone
                    // (Activate disappears once activated) or unknown (the
                    // dialog came back after a bad config), to Activate, else
                    // to the switch.
                    let previous = return_focus
                        .borrow_mut()
                        .take()
                        .filter(|e| e.is_connected());
                    let find = |testid: &str| {
                        let root = dialog.parent_element()?;
                        root.query_selector(&format!("[data-testid=\"{testid}\"]"))
                            .ok()
                            .flatten()
                    };
                    let target = previous
                        .or_else(|| find("activate-button"))
                        .or_else(|| find("soft-staking-toggle"));
                    if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                        let _ = el.focus();
                    }
                }
            }
        });
    }

    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CloseTerms))
    };
    let on_cancel = {
        // Esc: the state decides; the effect above closes the element.
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            e.prevent_default();
            dispatch.dispatch(Action::CloseTerms);
        })
    };
    let on_keydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                dispatch.dispatch(Action::CloseTerms);
            } else {
                trap.emit(e);
            }
        })
    };
    let on_tick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::TickTerms(input.checked()));
        })
    };
    let on_start = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::StartEarning { today: today() }))
    };
    html! {
        <dialog ref={dialog_ref} class="ss-dialog" aria-labelledby="ss-terms-title" aria-describedby="ss-terms-body"
            oncancel={on_cancel} onkeydown={on_keydown} data-testid="terms-dialog">
            <h3 id="ss-terms-title">{ "Activate Soft Staking" }</h3>
            <div id="ss-terms-body" class="ss-terms">
                <p>{ "Your tokens stay in your spot wallet: no lock-up, free to trade or withdraw at any time." }</p>
                <ul>
                    <li>{ "Balances are snapshotted several times a day from 00:00 UTC; the reward uses the daily average." }</li>
                    <li>{ "Below the minimum nothing is earned; above the cap, the excess earns nothing." }</li>
                    <li>{ "Rewards are paid the next day by 08:00 UTC to your spot wallet, rounded down." }</li>
                    <li>{ "APRs are estimates and can change at any time." }</li>
                </ul>
            </div>
            <label class="ss-check">
                <input ref={checkbox_ref} type="checkbox" checked={props.ticked} onchange={on_tick} data-testid="terms-checkbox" />
                <span>{ "I have read and agree to the Soft Staking terms." }</span>
            </label>
            <div class="ss-dialog-actions">
                <button type="button" class="ss-button" onclick={close} data-testid="terms-cancel">{ "Cancel" }</button>
                <button type="button" class="ss-button ss-button-primary" disabled={!props.ticked} onclick={on_start}
                    data-testid="start-earning">{ "Start Earning" }</button>
            </div>
        </dialog>
    }
}
