//! The open row: the intraday balance editor, the snapshots it produces with
//! their average and result, and the plot of cumulative rewards.

use std::rc::Rc;

use yew::prelude::*;

use super::amount::{before_html, grouped_html};
use super::intraday_editor::IntradayEditor;
use super::reward_plot::RewardPlot;
use crate::engine::Snapshot;
use crate::widget::format::{count_in, display_cut, with_decimals, NumberStyle, DISPLAY_DECIMALS};
use crate::widget::row::Row;
use crate::widget::snapshot_text::{clock, snapshots_text};
use crate::widget::state::State;

/// Props of [`RowDetails`].
#[derive(Properties, PartialEq, Clone)]
pub struct RowDetailsProps {
    /// The row.
    pub row: Rc<Row>,
    /// Its index.
    pub index: usize,
    /// Compounding on/off (highlights that line).
    pub compound: bool,
    /// Reducer dispatcher.
    pub dispatch: UseReducerDispatcher<State>,
    /// How the locale writes numbers.
    pub style: NumberStyle,
    /// The visitor is typing in the row: the unfinished error of the field
    /// they typed in last waits (see `use_typing_pause`), and so does the
    /// note that points at it.
    #[prop_or_default]
    pub typing: bool,
}

/// Details of one asset.
#[function_component(RowDetails)]
pub fn row_details(props: &RowDetailsProps) -> Html {
    let row = &props.row;
    let asset = &row.item.asset;
    let sym = asset.symbol().to_string();
    let n = asset.snapshots_per_day();
    let num = props.style;
    html! {
        <div class="ss-details">
            <section class="ss-intraday" aria-label={format!("{sym} balances during the day")}>
                <h3>{ "Balances during the day" }</h3>
                <p class="ss-hint">{ format!(
                    "The balance you typed is your balance at 00:00 UTC. Add the changes you expect during the day: {}.",
                    snapshots_text(n, num)
                ) }</p>
                <IntradayEditor row={props.row.clone()} index={props.index} typing={props.typing} dispatch={props.dispatch.clone()} />
                if let Some(e) = &row.estimate {
                    <div class="ss-snapshots" data-testid={format!("snapshots-{sym}")}>
                        <h4>{ count_in(e.snapshots.len() as u64, "snapshot", num) }</h4>
                        if row.shows_error(props.typing) {
                            <p class="ss-field-error" data-testid={format!("stale-note-{sym}")}>
                                { "These are from the last valid entries: fix the field marked above to update them." }
                            </p>
                        }
                        <ul>
                            { for runs(&e.snapshots).into_iter().map(|run| html! {
                                <li>
                                    <span class="ss-time">{ run.label }</span>
                                    <span class="ss-count">{ format!(" ({}×) ", run.count) }</span>
                                    <span class="ss-num">{ grouped_html(run.balance, num) }</span>
                                </li>
                            }) }
                        </ul>
                        <p>
                            { "Daily average: " }
                            { average_prefix(e.day.average_balance) }
                            <strong class="ss-num" data-testid={format!("average-{sym}")}>{ grouped_html(display_cut(e.day.average_balance, DISPLAY_DECIMALS).0, num) }</strong>
                            // "; reward", not "→": in demo mode the arrow means before → after.
                            { format!(" {sym}; reward ") }
                            if let Some(b) = row.before() {
                                { before_html(format!("intraday-reward-before-{sym}"), with_decimals(b.day.reward, asset.payout_decimals()), num) }
                            }
                            <strong class="ss-num" data-testid={format!("intraday-reward-{sym}")}>{ grouped_html(with_decimals(e.day.reward, asset.payout_decimals()), num) }</strong>
                            { format!(" {sym}") }
                        </p>
                    </div>
                }
            </section>
            if let Some(plot) = row.estimate.as_ref().and_then(|e| e.plot.clone()) {
                <RewardPlot series={plot} symbol={sym.clone()} compound={props.compound} style={num}
                    before={row.before().and_then(|b| b.plot.clone())} />
            }
        </div>
    }
}

/// "≈ " when the average is shown cut to [`DISPLAY_DECIMALS`] (e.g. 1/3).
fn average_prefix(average: rust_decimal::Decimal) -> &'static str {
    if display_cut(average, DISPLAY_DECIMALS).1 {
        ""
    } else {
        "≈ "
    }
}

/// Consecutive snapshots seeing the same balance.
struct Run {
    label: String,
    count: usize,
    balance: rust_decimal::Decimal,
}

fn runs(snapshots: &[Snapshot]) -> Vec<Run> {
    let mut out: Vec<(u32, u32, usize, rust_decimal::Decimal)> = Vec::new();
    for s in snapshots {
        match out.last_mut() {
            Some(last) if last.3 == s.balance => {
                last.1 = s.second;
                last.2 += 1;
            }
            _ => out.push((s.second, s.second, 1, s.balance)),
        }
    }
    out.into_iter()
        .map(|(from, to, count, balance)| Run {
            label: if from == to {
                clock(from)
            } else {
                format!("{}–{}", clock(from), clock(to))
            },
            count,
            balance,
        })
        .collect()
}
