//! A row's APR cell, the part of the table the product team edits in demo
//! mode.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::amount::{becomes_html, decimal_text_html, grouped_html};
use super::rate_inputs::RateInput;
use crate::config::widget_config::Mode;
use crate::engine::{apy_if_held, Rate};
use crate::widget::format::{apy_percent_text, percent_text, NumberStyle};
use crate::widget::rate_edits::EditTarget;
use crate::widget::row::Row;
use crate::widget::state::State;

/// The APR cell: the exact APR as a percent (demo mode: the configured one
/// first when it was edited), the APY if held, the tiers, and in demo mode the
/// editors.
pub fn apr_cell(
    num: NumberStyle,
    row: &Row,
    sym: &str,
    demo: bool,
    dispatch: &UseReducerDispatcher<State>,
    index: usize,
) -> Html {
    // The constant first, inside this function: a runtime `demo` alone keeps
    // the editors' code in the visitor's build.
    let demo = Mode::DEMO_IN_BUILD && demo;
    let asset = &row.item.asset;
    let headline = asset.rate().headline_apr();
    let apy = apy_if_held(headline).map(apy_percent_text);
    let tiers = match asset.rate() {
        Rate::Tiered(tiers) => Some(tiers.clone()),
        Rate::Flat(_) => None,
    };
    let original_tiers = match row.original.rate() {
        Rate::Tiered(tiers) => Some(tiers.clone()),
        Rate::Flat(_) => None,
    };
    let rate_error = row.edits().and_then(|e| e.error.clone());
    let rate_error_id = format!("ss-rate-error-{sym}");
    let conflict = |target| {
        row.edits()
            .filter(|e| e.conflicts.contains(&target))
            .map(|_| AttrValue::from(rate_error_id.clone()))
    };
    // Demo mode, headline APR edited: the configured APR (and APY) first. (The
    // headline is the first tier's APR; other tier edits show in the tier list.)
    let configured = row.original.rate().headline_apr();
    let was = (demo && configured != headline).then_some(configured);
    let was_apy = was.and_then(apy_if_held).map(apy_percent_text);
    let percent = |apr: Decimal| decimal_text_html(&format!("{}%", percent_text(apr)), num.decimal);
    html! {
        <>
            if let Some(was) = was {
                <span class="ss-before" title="Under the original config">{ percent(was) }{ becomes_html() }</span>
            }
            <span class="ss-apr" data-testid={format!("apr-{sym}")}>{ percent(headline) }</span>
            if row.shows_sample_rate() {
                <span class="ss-tag" title="Sample value">{ "sample" }</span>
            }
            if let Some(apy) = apy {
                <span class="ss-apy">
                    { "APY " }
                    if let Some(was_apy) = was_apy {
                        <span class="ss-before">{ decimal_text_html(&format!("{was_apy}%"), num.decimal) }{ becomes_html() }</span>
                    }
                    { decimal_text_html(&format!("{apy}%"), num.decimal) }
                    // Tiered: the headline and its APY are the first tier's.
                    { if tiers.is_some() { " if held (first tier)" } else { " if held" } }
                </span>
            }
            if let Some(tiers) = &tiers {
                <ul class="ss-tiers" aria-label="Tiered APR">
                    { for tiers.iter().enumerate().map(|(i, t)| {
                        let lower = i.checked_sub(1).and_then(|j| tiers.get(j)).and_then(|t| t.up_to);
                        // Demo mode: this tier as configured, where an edit changed it.
                        let was = original_tiers.as_ref().and_then(|o| o.get(i)).filter(|_| demo);
                        let was_apr = was.map(|o| o.apr).filter(|apr| *apr != t.apr);
                        let was_up = was.and_then(|o| o.up_to).filter(|up| Some(*up) != t.up_to);
                        html! {
                            <li>
                                if let Some(apr) = was_apr {
                                    <span class="ss-before">{ percent(apr) }{ becomes_html() }</span>
                                }
                                { percent(t.apr) }
                                { match (t.up_to, lower) {
                                    (Some(up), _) => html! { <>
                                        { " up to " }
                                        if let Some(was_up) = was_up {
                                            <span class="ss-before">{ grouped_html(was_up, num) }{ becomes_html() }</span>
                                        }
                                        { grouped_html(up, num) }
                                    </> },
                                    (None, Some(low)) => html! { <>{ " above " }{ grouped_html(low, num) }</> },
                                    (None, None) => html! {},
                                } }
                            </li>
                        }
                    }) }
                </ul>
            }
            if demo {
                { for row.edits().into_iter().flat_map(|e| e.tiers.iter().enumerate()).map(|(i, tier)| {
                    let last = row.edits().map_or(0, |e| e.tiers.len().saturating_sub(1));
                    let apr_testid = if i == 0 { format!("apr-input-{sym}") } else { format!("tier-apr-input-{sym}-{i}") };
                    html! {
                        <div class="ss-tier-edit">
                            <RateInput symbol={sym.to_string()} index={index} target={EditTarget::Apr(i)} field={tier.apr.clone()} conflict={conflict(EditTarget::Apr(i))}
                                label={if tiers.is_some() { format!("Tier {} APR %", i + 1) } else { "APR %".to_string() }}
                                testid={apr_testid} dispatch={dispatch.clone()} suffix="%" />
                            if i < last {
                                <RateInput symbol={sym.to_string()} index={index} target={EditTarget::UpTo(i)} field={tier.up_to.clone()} conflict={conflict(EditTarget::UpTo(i))}
                                    label={format!("Tier {} up to", i + 1)} testid={format!("tier-up-to-input-{sym}-{i}")} dispatch={dispatch.clone()} />
                            }
                        </div>
                    }
                }) }
                if let Some(why) = rate_error {
                    <p id={rate_error_id.clone()} class="ss-field-error" data-testid={format!("rate-error-{sym}")}>{ why }</p>
                }
            }
        </>
    }
}
