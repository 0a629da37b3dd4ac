//! The CLI's estimate request (`asset`, `snapshots` | `timeline`, `days`,
//! `compound`) and its result, both exactly as the spec's JSON contract.

use rust_decimal::Decimal;
use serde::Serialize;

use super::asset::{decimal_at, parse_asset};
use super::loose::{as_text, Fields, Loose};
use crate::engine::{
    apy_if_held, project, Asset, BalanceChange, EngineError, TimeOfDay, Timeline, MAX_DAYS,
};

/// Most explicit snapshots in one request (one a second; the spec sets no
/// limit, this one only bounds the work).
pub const MAX_SNAPSHOTS: usize = 86_400;
/// Most intraday changes in one CLI request's timeline (the widget's
/// limit, far lower, is `scenario::MAX_ROW_CHANGES`).
pub const MAX_TIMELINE_CHANGES: usize = 10_000;

/// Day 1's balances: explicit snapshots or a timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DayInput {
    /// The snapshot balances themselves.
    Snapshots(Vec<Decimal>),
    /// An opening balance and changes, sampled at the asset's snapshot times.
    Timeline(Timeline),
}

/// A validated estimate request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateRequest {
    /// The asset.
    pub asset: Asset,
    /// Day 1's balances.
    pub day1: DayInput,
    /// Projection length (1–3650, default 1).
    pub days: u32,
    /// Whether payouts compound (default false).
    pub compound: bool,
}

/// The result of an estimate, field for field the spec's JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EstimateReport {
    /// Asset symbol.
    pub symbol: String,
    /// Day 1 status: `eligible`, `below_minimum` or `capped`.
    pub status: &'static str,
    /// Day 1 average balance.
    pub average_balance: String,
    /// Day 1 eligible balance.
    pub eligible_balance: String,
    /// Day 1 payout, with exactly `payout_decimals` decimals.
    pub daily_reward: String,
    /// Day 1's exact reward is positive but its payout is zero.
    pub below_payout_precision: bool,
    /// Every projected day.
    pub days: Vec<DayReport>,
    /// Sum of all payouts, with exactly `payout_decimals` decimals.
    pub total_reward: String,
    /// APY if held (fraction), `null` when it overflows.
    pub apy: Option<String>,
}

/// One projected day in the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayReport {
    /// 1-based day number.
    pub day: u32,
    /// The balance the day's rules applied to.
    pub balance: String,
    /// The balance that earned.
    pub eligible: String,
    /// The payout, with exactly `payout_decimals` decimals.
    pub reward: String,
}

/// `value` written with exactly `decimals` decimals (payouts never need rounding here).
pub fn fixed(value: Decimal, decimals: u32) -> String {
    let mut v = value;
    v.rescale(decimals);
    v.to_string()
}

/// Parses a request document.
pub fn parse_request(value: &Loose) -> Result<EstimateRequest, EngineError> {
    let fields = Fields::of(value, "").map_err(|e| EngineError::new("request", e.message))?;
    fields.check_keys(&["asset", "snapshots", "timeline", "days", "compound"])?;
    let asset = match fields.get("asset") {
        Some(a) => parse_asset(a, "asset")?,
        None => return Err(EngineError::new("asset", "is required")),
    };
    let day1 = match (fields.get("snapshots"), fields.get("timeline")) {
        (Some(_), Some(_)) => {
            return Err(EngineError::new(
                "timeline",
                "give either snapshots or timeline, not both",
            ))
        }
        (Some(s), None) => DayInput::Snapshots(parse_snapshots(s)?),
        (None, Some(t)) => DayInput::Timeline(parse_timeline(t, "timeline")?),
        (None, None) => {
            return Err(EngineError::new(
                "snapshots",
                "is required (or give timeline)",
            ))
        }
    };
    let days = fields
        .opt_integer("days", 1..=i128::from(MAX_DAYS))?
        .map_or(1, |d| d as u32);
    let compound = fields.opt_bool("compound")?.unwrap_or(false);
    Ok(EstimateRequest {
        asset,
        day1,
        days,
        compound,
    })
}

fn parse_snapshots(value: &Loose) -> Result<Vec<Decimal>, EngineError> {
    let Loose::List(items) = value else {
        return Err(EngineError::new(
            "snapshots",
            format!("must be an array of decimal strings, not {}", value.kind()),
        ));
    };
    if items.is_empty() || items.len() > MAX_SNAPSHOTS {
        return Err(EngineError::new(
            "snapshots",
            format!("must hold 1 to {MAX_SNAPSHOTS} balances"),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, v)| decimal_at(v, &format!("snapshots[{i}]")))
        .collect()
}

/// Parses a timeline object (`opening`, `changes`) at `path`.
pub fn parse_timeline(value: &Loose, path: &str) -> Result<Timeline, EngineError> {
    let fields = Fields::of(value, path)?;
    fields.check_keys(&["opening", "changes"])?;
    let opening = match fields.get("opening") {
        Some(v) => decimal_at(v, &fields.path_of("opening"))?,
        None => return Err(EngineError::new(fields.path_of("opening"), "is required")),
    };
    let items = fields.opt_list("changes")?.unwrap_or(&[]);
    if items.len() > MAX_TIMELINE_CHANGES {
        return Err(EngineError::new(
            fields.path_of("changes"),
            format!("must hold at most {MAX_TIMELINE_CHANGES} changes"),
        ));
    }
    let changes = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let item_path = format!("{}[{i}]", fields.path_of("changes"));
            let change = Fields::of(item, &item_path)?;
            change.check_keys(&["at", "balance"])?;
            let at_path = change.path_of("at");
            let at_text = match change.get("at") {
                Some(v) => as_text(v, &at_path)?,
                None => return Err(EngineError::new(at_path, "is required")),
            };
            let at = TimeOfDay::parse(at_text).ok_or_else(|| {
                EngineError::new(at_path, "must be a time HH:MM from 00:00 to 23:59")
            })?;
            let balance = match change.get("balance") {
                Some(v) => decimal_at(v, &change.path_of("balance"))?,
                None => return Err(EngineError::new(change.path_of("balance"), "is required")),
            };
            Ok(BalanceChange { at, balance })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Timeline { opening, changes })
}

impl EstimateRequest {
    /// Day 1's snapshot balances.
    pub fn snapshots(&self) -> Result<Vec<Decimal>, EngineError> {
        match &self.day1 {
            DayInput::Snapshots(s) => Ok(s.clone()),
            DayInput::Timeline(t) => t
                .snapshot_balances(self.asset.snapshots_per_day())
                .map_err(|e| e.within("timeline")),
        }
    }

    /// The engine sees a timeline as the snapshots it makes: an error about
    /// those is reported on the `timeline` the request gave.
    fn named_as_given(&self, mut e: EngineError) -> EngineError {
        if matches!(self.day1, DayInput::Timeline(_)) && e.field.starts_with("snapshots") {
            e.field = "timeline".into();
        }
        e
    }

    /// Runs the engine and builds the result document.
    pub fn run(&self) -> Result<EstimateReport, EngineError> {
        let pd = self.asset.payout_decimals();
        let projection = project(&self.asset, &self.snapshots()?, self.days, self.compound)
            .map_err(|e| self.named_as_given(e))?;
        let first = &projection.first_day;
        Ok(EstimateReport {
            symbol: self.asset.symbol().to_string(),
            status: first.status.as_str(),
            average_balance: first.average_balance.to_string(),
            eligible_balance: first.eligible_balance.to_string(),
            daily_reward: fixed(first.reward, pd),
            below_payout_precision: first.below_payout_precision,
            days: projection
                .days
                .iter()
                .map(|d| DayReport {
                    day: d.day,
                    balance: d.balance.to_string(),
                    eligible: d.eligible.to_string(),
                    reward: fixed(d.reward, pd),
                })
                .collect(),
            total_reward: fixed(projection.total_reward, pd),
            apy: apy_if_held(self.asset.rate().headline_apr()).map(|a| a.to_string()),
        })
    }
}
