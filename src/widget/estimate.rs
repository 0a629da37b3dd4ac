//! What one asset row shows, computed by the engine from the row's inputs:
//! day-1 result (from the intraday snapshots), horizon totals with and
//! without compounding, and, for the open row, the cumulative series to plot.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::engine::{project, Asset, DayResult, EngineError, Snapshot, Timeline};

/// A row's new estimate, for the `softstaking:estimate` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateEvent {
    /// Asset symbol.
    pub symbol: String,
    /// Opening balance of the estimate (the last valid one typed), as a
    /// decimal string.
    pub balance: String,
    /// Daily payout with its payout decimals.
    pub daily_reward: String,
}

/// Most points drawn per plotted line.
pub const MAX_PLOT_POINTS: usize = 120;

/// The engine's answer for one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Balance at 00:00 UTC, of the last valid entries.
    pub opening: Decimal,
    /// The day's snapshots (time and balance seen).
    pub snapshots: Rc<Vec<Snapshot>>,
    /// Day 1: average, status, eligible balance, payout.
    pub day: DayResult,
    /// Horizon total without compounding.
    pub total_simple: Decimal,
    /// Horizon total with compounding, or why it cannot be computed (the
    /// compounded balance or a payout outgrows a decimal, while the total
    /// without compounding still fits).
    pub total_compound: Result<Decimal, String>,
    /// Cumulative series for the plot, when asked for.
    pub plot: Option<Rc<PlotSeries>>,
}

impl Estimate {
    /// The horizon total under the chosen compounding setting; `None` when
    /// the compounded one cannot be computed.
    pub fn total(&self, compound: bool) -> Option<Decimal> {
        if compound {
            self.total_compound.as_ref().ok().copied()
        } else {
            Some(self.total_simple)
        }
    }
}

/// Cumulative rewards by day, sampled to at most [`MAX_PLOT_POINTS`] days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlotSeries {
    /// Days sampled (always includes day 1 and the last day).
    pub days: Vec<u32>,
    /// Cumulative payout with compounding, per sampled day (empty when it
    /// cannot be computed).
    pub compound: Vec<Decimal>,
    /// Cumulative payout without compounding, per sampled day.
    pub simple: Vec<Decimal>,
}

/// Runs the engine for one row. `horizon` is validated by the caller (1–3650).
pub fn estimate(
    asset: &Asset,
    timeline: &Timeline,
    horizon: u32,
    with_plot: bool,
) -> Result<Estimate, EngineError> {
    let snapshots = timeline.snapshots(asset.snapshots_per_day())?;
    let balances: Vec<Decimal> = if timeline.changes.is_empty() {
        // Every snapshot sees the opening balance: one value has the same average.
        vec![timeline.opening]
    } else {
        snapshots.iter().map(|s| s.balance).collect()
    };
    // Without compounding first: it fails only where compounding fails too
    // (its balances and payouts are never larger), and then nothing is shown.
    let simple = project(asset, &balances, horizon, false)?;
    let compound = project(asset, &balances, horizon, true).map_err(|e| e.message);
    let plot = with_plot.then(|| {
        let compound = match &compound {
            Ok(p) => p.cumulative().collect(),
            Err(_) => Vec::new(),
        };
        Rc::new(sample_plot(
            &compound,
            &simple.cumulative().collect::<Vec<_>>(),
        ))
    });
    Ok(Estimate {
        opening: timeline.opening,
        snapshots: Rc::new(snapshots),
        day: simple.first_day.clone(),
        total_simple: simple.total_reward,
        total_compound: compound.map(|p| p.total_reward),
        plot,
    })
}

fn sample_plot(compound: &[Decimal], simple: &[Decimal]) -> PlotSeries {
    let n = simple.len();
    let step = n.div_ceil(MAX_PLOT_POINTS).max(1);
    let mut idx: Vec<usize> = (0..n).step_by(step).collect();
    if n > 0 && idx.last() != Some(&(n - 1)) {
        idx.push(n - 1);
    }
    PlotSeries {
        days: idx.iter().map(|&i| i as u32 + 1).collect(),
        compound: idx
            .iter()
            .filter_map(|&i| compound.get(i).copied())
            .collect(),
        simple: idx.iter().filter_map(|&i| simple.get(i).copied()).collect(),
    }
}
