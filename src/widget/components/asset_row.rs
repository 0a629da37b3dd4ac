//! One asset: limits, APR, the balance input, the live estimate, the status,
//! and (when open) the intraday editor and the plot. Re-renders only when its
//! own row changes: the props are an `Rc` and a stable dispatcher.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::amount::{becomes_html, before_html, before_shown_html, grouped_html};
use super::apr_cell::apr_cell;
use super::rate_inputs::RateInput;
use super::row_details::RowDetails;
use super::status_badge::{Badge, StatusBadge};
use crate::config::currency::Currency;
use crate::config::widget_config::Mode;
use crate::widget::class_list::class_list;
use crate::widget::explain::explanation;
use crate::widget::format::{count, fiat_value, with_decimals, NumberStyle};
use crate::widget::hooks::use_estimate_event::{use_estimate_event, EstimateEvent};
use crate::widget::hooks::use_typing_pause::use_typing_pause;
use crate::widget::rate_edits::EditTarget;
use crate::widget::row::{Entry, Row};
use crate::widget::state::{Action, State};

/// What every row shares: the settings an estimate is shown under and the
/// ways back up (the reducer, the host's estimate events). Passed down as
/// one value from the table to each row.
#[derive(PartialEq, Clone)]
pub struct RowSettings {
    /// Compounding on/off.
    pub compound: bool,
    /// Projection horizon in days.
    pub horizon_days: u32,
    /// Demo mode.
    pub demo: bool,
    /// How the locale writes numbers.
    pub style: NumberStyle,
    /// The currency of the prices (fiat values).
    pub currency: Option<Currency>,
    /// Reducer dispatcher (stable across renders).
    pub dispatch: UseReducerDispatcher<State>,
    /// Tells the host about a new estimate (stable across renders).
    pub on_estimate: Callback<EstimateEvent>,
}

impl RowSettings {
    /// Demo mode, in a build that has its tools (constant `false` otherwise).
    pub fn is_demo(&self) -> bool {
        Mode::DEMO_IN_BUILD && self.demo
    }
}

/// Props of [`AssetRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssetRowProps {
    /// The row.
    pub row: Rc<Row>,
    /// Its index in the state.
    pub index: usize,
    /// Details open.
    pub open: bool,
    /// Shared settings.
    pub settings: RowSettings,
}

/// A table row (plus its details row when open).
#[function_component(AssetRow)]
pub fn asset_row(props: &AssetRowProps) -> Html {
    let row = &props.row;
    let asset = &row.item.asset;
    let sym = asset.symbol().to_string();
    let pd = asset.payout_decimals();
    let index = props.index;
    let num = props.settings.style;

    use_estimate_event(&props.row, &props.settings.on_estimate);

    let on_balance = {
        let dispatch = props.settings.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetBalance {
                row: index,
                text: input.value(),
            });
        })
    };
    let on_toggle = {
        let dispatch = props.settings.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleRow { row: index }))
    };

    let estimate = row.estimate.as_ref();
    // The estimate shown is the last valid entry's (none: nothing to mark).
    let stale = estimate.is_some() && row.shows_last_good_estimate();
    // A number or time still being typed ("1," of "1,000") is told off only
    // once the visitor pauses; the row's figures stay dimmed meanwhile.
    let typing = use_typing_pause(row.typed.count);
    let error = row
        .balance
        .error_to_show(row.typing_in(Entry::Balance, typing))
        .map(str::to_string)
        .or_else(|| row.estimate_error.clone());
    let compound_error = row.compound_error(props.settings.compound);
    let compound_error_id = format!("ss-cumulative-error-{sym}");
    let input_id = format!("ss-balance-{sym}");
    let error_id = format!("ss-balance-error-{sym}");
    let details_id = format!("ss-details-{sym}");

    let badge = match estimate {
        Some(e) => Badge::of(e.day.status, e.day.below_payout_precision),
        None if row.estimate_error.is_some() => Badge::NoEstimate,
        None => Badge::Empty,
    };
    let before_badge = row
        .before()
        .map(|e| Badge::of(e.day.status, e.day.below_payout_precision));
    let explanation = explanation(row, props.settings.style);

    let daily = estimate.map(|e| with_decimals(e.day.reward, pd));
    let cumulative = estimate
        .and_then(|e| e.total(props.settings.compound))
        .map(|t| with_decimals(t, pd));
    // Demo mode: `Some(None)` when the original config's compounded total
    // cannot be computed (shown as "—").
    let cumulative_before = row.before().map(|e| {
        e.total(props.settings.compound)
            .map(|t| with_decimals(t, pd))
    });
    let before = row.before().map(|e| with_decimals(e.day.reward, pd));

    html! {
        <tbody role="rowgroup" class={class_list("ss-asset", &[(props.open, "is-open"), (stale, "is-stale")])}>
            <tr role="row" class="ss-row" data-testid={format!("asset-row-{sym}")}>
                <th scope="row" role="rowheader" class="c-token" data-label="Token">
                    <span class="ss-symbol">{ sym.clone() }</span>
                    if asset.spec().name.is_some() {
                        <span class="ss-name">{ asset.display_name().to_string() }</span>
                    }
                    <button type="button" class="ss-link" aria-expanded={props.open.to_string()} aria-controls={details_id.clone()}
                        data-testid={format!("details-toggle-{sym}")} onclick={on_toggle}>
                        <span class="ss-sr-only">{ format!("{sym} ") }</span>
                        { if props.open { "Hide details" } else { "Intraday & chart" } }
                    </button>
                    // Closed, the row still says its estimate counts changes.
                    if let Some(n) = row.last_good.as_ref().map(|t| t.changes.len()).filter(|n| !props.open && *n > 0) {
                        <span class="ss-hint ss-changes-note" data-testid={format!("changes-note-{sym}")}>
                            { format!("{} during the day", count(n as u64, "change")) }
                        </span>
                    }
                </th>
                <td role="cell" class="c-min" data-label="Minimum">
                    if props.settings.is_demo() && row.original.min_amount() != asset.min_amount() {
                        { before_html(format!("min-before-{sym}"), row.original.min_amount(), num) }
                    }
                    <span class="ss-num" data-testid={format!("min-{sym}")}>{ grouped_html(asset.min_amount(), num) }</span>
                    if props.settings.is_demo() {
                        <RateInput symbol={sym.clone()} index={index} target={EditTarget::Min} field={edit_field(row, EditTarget::Min)}
                            label="Minimum" testid={format!("min-input-{sym}")} dispatch={props.settings.dispatch.clone()} />
                    }
                </td>
                <td role="cell" class="c-max" data-label="Maximum">
                    if props.settings.is_demo() && row.original.max_cap() != asset.max_cap() {
                        { before_shown_html(format!("max-before-{sym}"), cap_html(row.original.max_cap(), num)) }
                    }
                    <span class="ss-num" data-testid={format!("max-{sym}")}>
                        { cap_html(asset.max_cap(), num) }
                    </span>
                    if row.shows_sample_cap() {
                        <span class="ss-tag" title="Sample value, not a published cap">{ "sample" }</span>
                    }
                    if props.settings.is_demo() {
                        <RateInput symbol={sym.clone()} index={index} target={EditTarget::Max} field={edit_field(row, EditTarget::Max)}
                            label="Cap (empty = none)" testid={format!("max-input-{sym}")} dispatch={props.settings.dispatch.clone()} />
                    }
                </td>
                <td role="cell" class="c-apr" data-label="Est. APR">
                    { apr_cell(num, row, &sym, props.settings.is_demo(), &props.settings.dispatch, index) }
                </td>
                <td role="cell" class="c-balance" data-label="Your balance">
                    <label class="ss-sr-only" for={input_id.clone()}>{ format!("Your {sym} balance") }</label>
                    <input id={input_id} class="ss-input" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                        placeholder={if num.decimal == '.' { "0.00" } else { "0,00" }} value={row.balance.text.clone()} oninput={on_balance}
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.as_ref().map(|_| error_id.clone())}
                        data-testid={format!("balance-input-{sym}")} />
                    // Always there, so that an error appearing in it is announced.
                    <div class="ss-error-slot" aria-live="polite">
                        if let Some(message) = error {
                            <p id={error_id} class="ss-field-error" data-testid={format!("error-{sym}")}>{ message }</p>
                        }
                    </div>
                </td>
                <td role="cell" class="c-daily" data-label="Est. daily reward">
                    if let Some(b) = before {
                        { before_html(format!("daily-reward-before-{sym}"), b, num) }
                    }
                    // Announced as "0.13698630 BNB a day": the words come from CSS
                    // (`data-sr`), so the hook's text stays the payout digits.
                    <output class="ss-num ss-reward" data-testid={format!("daily-reward-{sym}")} aria-live="polite" aria-atomic="true"
                        data-sr={daily.is_some().then(|| format!(" {sym} a day"))} title={stale.then_some("Last valid estimate")}>
                        { daily.map_or_else(|| html! { "—" }, |d| grouped_html(d, num)) }
                    </output>
                    <span class="ss-unit" aria-hidden="true">{ format!(" {sym}") }</span>
                    { fiat_line(num, props.settings.currency, before, daily, asset.price()) }
                </td>
                <td role="cell" class="c-cumulative" data-label={format!("Cumulative ({}\u{a0}d)", props.settings.horizon_days)}>
                    if let Some(b) = cumulative_before {
                        { before_shown_html(
                            format!("cumulative-reward-before-{sym}"),
                            b.map_or_else(|| html! { "—" }, |b| grouped_html(b, num)),
                        ) }
                    }
                    // Only the daily reward is announced while typing (an output is a live region).
                    <output class="ss-num" aria-live="off" data-testid={format!("cumulative-reward-{sym}")}
                        aria-describedby={compound_error.as_ref().map(|_| compound_error_id.clone())}>
                        { cumulative.map_or_else(|| html! { "—" }, |d| grouped_html(d, num)) }
                    </output>
                    <span class="ss-unit">{ format!(" {sym}") }</span>
                    { fiat_line(num, props.settings.currency, cumulative_before.flatten(), cumulative, asset.price()) }
                    <span class="ss-hint">{ if props.settings.compound { "compounding" } else { "not compounding" } }</span>
                    // Not the balance's error: the balance is fine, compounding it is what overflows.
                    <div class="ss-error-slot" aria-live="polite">
                        if let Some(why) = compound_error {
                            <p id={compound_error_id} class="ss-field-error" data-testid={format!("cumulative-error-{sym}")}>{ why }</p>
                        }
                    </div>
                </td>
                <td role="cell" class="c-status" data-label="Status">
                    <StatusBadge symbol={sym.clone()} {badge} before={before_badge} explanation={explanation} />
                </td>
            </tr>
            if props.open {
                <tr role="row" class="ss-details-row">
                    <td role="cell" colspan="8" id={details_id}>
                        <RowDetails style={num} row={props.row.clone()} index={index} compound={props.settings.compound} dispatch={props.settings.dispatch.clone()} typing={typing} />
                    </td>
                </tr>
            }
        </tbody>
    }
}

fn edit_field(row: &Row, target: EditTarget) -> crate::widget::field::Field {
    row.edits()
        .and_then(|e| e.field(target))
        .cloned()
        .unwrap_or_default()
}

/// A cap, or "No cap".
fn cap_html(cap: Option<Decimal>, num: NumberStyle) -> Html {
    cap.map_or_else(|| html! { "No cap" }, |cap| grouped_html(cap, num))
}

/// The fiat value of `amount` at `price`, in `currency` when configured; in
/// demo mode (`before` set) the value of the original estimate first:
/// "≈ 82.19 → 164.38 USD".
fn fiat_line(
    num: NumberStyle,
    currency: Option<Currency>,
    before: Option<Decimal>,
    amount: Option<Decimal>,
    price: Option<Decimal>,
) -> Html {
    let value = |a: Option<Decimal>| fiat_value(a?, price?);
    match value(amount) {
        Some(v) => html! {
            <span class="ss-fiat" title="Value at the configured price">
                { "≈ " }
                if let Some(b) = value(before) {
                    <span class="ss-before">{ grouped_html(b, num) }{ becomes_html() }</span>
                }
                { grouped_html(v, num) }
                if let Some(code) = currency {
                    { " " }{ code.as_str() }
                }
            </span>
        },
        None => html! {},
    }
}
