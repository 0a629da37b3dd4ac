//! The results of demo mode's cohort run (`cohort_panel.rs` runs it): per
//! token, the holdings and their daily payout before and after the edits,
//! with counts below the minimum and over the cap; the totals, and the fiat
//! total at the configured prices. A view function: demo mode only.

use yew::prelude::*;

use super::amount::grouped_html;
use crate::config::currency::Currency;
use crate::engine::cohort::{Side, SideTally};
use crate::widget::cohort_job::CohortSummary;
use crate::widget::format::{grouped_int, NumberStyle};

/// The results of a cohort run: problem lines, what is too large to total,
/// and the table of payouts before and after per token, with their totals.
pub fn cohort_results(
    summary: &CohortSummary,
    num: NumberStyle,
    currency: Option<Currency>,
) -> Html {
    let fiat_before = summary.fiat_total(Side::Before);
    let fiat_after = summary.fiat_total(Side::After);
    let total_label = match (fiat_before.is_some() || fiat_after.is_some(), currency) {
        (false, _) => "Total".to_string(),
        (true, Some(code)) => format!("Total (in {}, at configured prices)", code.as_str()),
        (true, None) => "Total (fiat, at configured prices)".to_string(),
    };
    html! {
        <>
            if !summary.examples.is_empty() {
                <ul class="ss-hint" data-testid="cohort-problems">
                    { for summary.examples.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                    if let Some(more) = unlisted_problems(summary) {
                        <li>{ format!("…and {} more", grouped_int(more, num)) }</li>
                    }
                </ul>
            }
            if !summary.too_large.is_empty() {
                <p class="ss-field-error" data-testid="cohort-too-large">{ format!(
                    "Too large to total exactly (a holding's payout or the sum exceeds what a decimal holds): {}.",
                    summary.too_large.join(", ")
                ) }</p>
            }
            <table data-testid="cohort-results">
                <caption class="ss-sr-only">{ "Daily payout of the cohort before and after your changes, per token" }</caption>
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
                            <td>{ grouped_html(t.holdings.into(), num) }</td>
                            <td data-testid={format!("cohort-total-before-{}", t.symbol)}>{ total_html(t.total(Side::Before), num) }</td>
                            <td data-testid={format!("cohort-total-after-{}", t.symbol)}>{ total_html(t.total(Side::After), num) }</td>
                            <td>{ counts_html(t.side(Side::Before).below_minimum, t.side(Side::After).below_minimum, num) }</td>
                            <td>{ counts_html(t.side(Side::Before).capped, t.side(Side::After).capped, num) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                        <tr>
                            <th scope="row">{ total_label }</th>
                            <td>{ grouped_html(summary.rows.into(), num) }</td>
                            <td data-testid="cohort-fiat-before">{ total_html(fiat_before, num) }</td>
                            <td data-testid="cohort-fiat-after">{ total_html(fiat_after, num) }</td>
                            <td>{ counts_html(total_of(summary, Side::Before, |t| t.below_minimum), total_of(summary, Side::After, |t| t.below_minimum), num) }</td>
                            <td>{ counts_html(total_of(summary, Side::Before, |t| t.capped), total_of(summary, Side::After, |t| t.capped), num) }</td>
                        </tr>
                </tfoot>
            </table>
        </>
    }
}

/// Problem lines beyond the first few listed (unreadable lines and holdings
/// of unknown symbols, one line each).
fn unlisted_problems(summary: &CohortSummary) -> Option<u64> {
    let listed = summary.examples.len() as u64;
    (summary.invalid + summary.unknown)
        .checked_sub(listed)
        .filter(|more| *more > 0)
}

/// A count before → after, in the locale's digit groups: "1,500 → 1,200".
fn counts_html(before: u64, after: u64, num: NumberStyle) -> Html {
    html! { <>{ grouped_html(before.into(), num) }{ " → " }{ grouped_html(after.into(), num) }</> }
}

/// A count of one side, summed over the tokens.
fn total_of(summary: &CohortSummary, side: Side, count: impl Fn(&SideTally) -> u64) -> u64 {
    summary.tallies.iter().map(|t| count(t.side(side))).sum()
}

/// A total, or "—" when it is too large to show.
fn total_html(value: Option<rust_decimal::Decimal>, num: NumberStyle) -> Html {
    match value {
        Some(v) => grouped_html(v, num),
        None => html! { "—" },
    }
}
