//! One asset row's state: what the visitor typed (balance, intraday changes,
//! demo-mode rate edits), the errors on those fields, and the last good
//! estimates. A bad keystroke sets an error and keeps the last good estimate.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::estimate::{estimate, Estimate};
use super::field::Field;
use super::format::percent_text;
use super::rate_edits::RateEdits;
use crate::config::decimal::Separators;
use crate::config::scenario::AssetScenario;
use crate::config::typed_number::{is_unfinished, parse_typed};
use crate::config::typed_time::{is_unfinished_time, parse_typed_time};
use crate::config::widget_config::{ConfiguredAsset, Mode};
use crate::engine::{Asset, BalanceChange, Rate, TimeOfDay, Timeline};

/// One intraday balance change being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeDraft {
    /// Stable id for keyed rendering.
    pub id: u32,
    /// `HH:MM`.
    pub at: Field,
    /// New balance from then on.
    pub balance: Field,
}

/// A field of a row that the visitor types into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// The balance at 00:00.
    Balance,
    /// The time of the change with this id.
    ChangeTime(u32),
    /// The new balance of the change with this id.
    ChangeBalance(u32),
}

/// What the visitor typed into a row: a count of their keystrokes there,
/// and the field of the last. The view's typing pause starts at each
/// keystroke (`use_typing_pause`); a host's update, a locale's retyping or a
/// link starts none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Typed {
    /// Keystrokes in the row (wrapping).
    pub count: u32,
    /// The field of the last.
    pub last: Option<Entry>,
}

/// A row of the assets table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The asset as currently in force (after demo edits).
    pub item: ConfiguredAsset,
    /// The asset as configured (before demo edits).
    pub original: Asset,
    /// Balance at 00:00 UTC as typed.
    pub balance: Field,
    /// Intraday changes as typed.
    pub changes: Vec<ChangeDraft>,
    /// Next id for a new change.
    pub next_change_id: u32,
    /// Demo mode: editable APR/tiers, minimum and cap.
    pub edits: Option<RateEdits>,
    /// What the visitor typed into the row last.
    pub typed: Typed,
    /// The last balances that all read (none while the row is empty): what
    /// the estimates are computed from while a field does not read.
    pub last_good: Option<Timeline>,
    /// Engine estimate under `item` (last good inputs).
    pub estimate: Option<Rc<Estimate>>,
    /// Demo mode: the estimate under `original`.
    pub before: Option<Rc<Estimate>>,
    /// Why the inputs could not be estimated (e.g. a value too large).
    pub estimate_error: Option<String>,
}

/// Settings shared by all rows that an estimate depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Horizon {
    /// Days projected.
    pub days: u32,
    /// Whether this row draws the plot.
    pub with_plot: bool,
    /// How the visitor types numbers.
    pub separators: Separators,
}

impl Row {
    /// A fresh row for `item`; demo mode adds rate edits, written with the
    /// locale's separators `seps` (never in a build without demo tools).
    pub fn new(item: ConfiguredAsset, demo: bool, seps: Separators) -> Row {
        let original = item.asset.clone();
        Row {
            // The constant first: a runtime `demo` alone keeps the rate edits'
            // code in the visitor's build.
            edits: (Mode::DEMO_IN_BUILD && demo).then(|| RateEdits::from_asset(&original, seps)),
            item,
            original,
            balance: Field::default(),
            changes: Vec::new(),
            next_change_id: 0,
            typed: Typed::default(),
            last_good: None,
            estimate: None,
            before: None,
            estimate_error: None,
        }
    }

    /// Rewrites every number typed in this row (balance, intraday changes,
    /// demo edits) for a locale that types numbers with `to` instead of
    /// `from`; see [`Field::retype`].
    pub fn retype(&mut self, from: Separators, to: Separators) {
        self.retype_balances(from, to);
        if let Some(edits) = self.edits_mut() {
            edits.retype(from, to);
        }
    }

    /// [`retype`](Self::retype) for the balances only (the opening one and
    /// the intraday ones), not the demo edits.
    pub fn retype_balances(&mut self, from: Separators, to: Separators) {
        self.balance.retype(from, to);
        for change in &mut self.changes {
            change.balance.retype(from, to);
        }
    }

    /// Replaces the intraday changes with `changes` (time and balance
    /// fields, as typed), numbered afresh.
    pub fn set_changes(&mut self, changes: impl IntoIterator<Item = (String, String)>) {
        self.changes = changes
            .into_iter()
            .zip(0..)
            .map(|((at, balance), id)| ChangeDraft {
                id,
                at: Field::new(at),
                balance: Field::new(balance),
            })
            .collect();
        self.next_change_id = self.changes.len() as u32;
        // The ids are new: the field typed last is none of these.
        self.typed.last = None;
    }

    /// This row's part of a shared scenario: the demo edits that differ from
    /// the config (APR, minimum and cap each on its own; a tiered asset's
    /// tiers as a whole) and the balances of the estimate shown; `None` when
    /// there is nothing to share.
    pub fn scenario_part(&self) -> Option<AssetScenario> {
        let asset = &self.item.asset;
        let mut part = AssetScenario {
            symbol: self.symbol().to_string(),
            ..AssetScenario::default()
        };
        // Only what was changed: the page a link is opened on may have moved
        // on since, and keeps its own values for the rest.
        if self.edits().is_some() {
            let original = &self.original;
            if asset.rate() != original.rate() {
                match asset.rate() {
                    Rate::Flat(apr) => part.apr_percent = percent(*apr),
                    Rate::Tiered(tiers) => {
                        part.tiers_percent = tiers
                            .iter()
                            .map(|t| percent(t.apr).map(|p| (t.up_to, p)))
                            .collect();
                    }
                }
            }
            part.min_amount =
                (asset.min_amount() != original.min_amount()).then(|| asset.min_amount());
            part.max_cap = (asset.max_cap() != original.max_cap()).then(|| asset.max_cap());
        }
        // The balances the estimate shown is computed from (the last valid
        // entries while a field does not read).
        if let Some(timeline) = &self.last_good {
            // An empty opening balance with changes reads as 0: left out.
            if !timeline.opening.is_zero() || timeline.changes.is_empty() {
                part.balance = Some(timeline.opening);
            }
            part.changes = timeline.changes.iter().map(|c| (c.at, c.balance)).collect();
        }
        (!part.is_empty()).then_some(part)
    }

    /// The APR shown is a sample value (PRODUCT.md §1): configured as one and
    /// not changed by a demo edit.
    pub fn shows_sample_rate(&self) -> bool {
        self.item.sample_rate && self.item.asset.rate() == self.original.rate()
    }

    /// The cap shown is a sample value, as for [`Row::shows_sample_rate`].
    pub fn shows_sample_cap(&self) -> bool {
        self.item.sample_cap && self.item.asset.max_cap() == self.original.max_cap()
    }

    /// The balance in force at `at` under the last valid entries: the latest
    /// change at or before it (of two at once, the later in the list), else
    /// the opening balance; `None` while the row is empty.
    pub fn balance_at(&self, at: TimeOfDay) -> Option<Decimal> {
        Some(self.last_good.as_ref()?.balance_at(at))
    }

    /// Some input is invalid, so the estimate shown is the last good one.
    pub fn shows_last_good_estimate(&self) -> bool {
        self.shows_error(false)
    }

    /// Records a keystroke of the visitor's in `entry`.
    pub fn note_typed(&mut self, entry: Entry) {
        self.typed = Typed {
            count: self.typed.count.wrapping_add(1),
            last: Some(entry),
        };
    }

    /// Whether `entry` holds back an unfinished error now: the visitor is
    /// `typing` in the row and their last keystroke was there (see
    /// [`Field::error_to_show`]).
    pub fn typing_in(&self, entry: Entry, typing: bool) -> bool {
        typing && self.typed.last == Some(entry)
    }

    /// Whether the row shows an error now, on a field (see
    /// [`Row::typing_in`]) or for the estimate: its figures are the last
    /// valid entries', and the open row says so.
    pub fn shows_error(&self, typing: bool) -> bool {
        let shown =
            |field: &Field, entry| field.error_to_show(self.typing_in(entry, typing)).is_some();
        self.estimate_error.is_some()
            || self.edits().is_some_and(RateEdits::has_errors)
            || shown(&self.balance, Entry::Balance)
            || self.changes.iter().any(|c| {
                shown(&c.at, Entry::ChangeTime(c.id))
                    || shown(&c.balance, Entry::ChangeBalance(c.id))
            })
    }

    /// Why the total with compounding cannot be shown, when compounding is
    /// `on` and the compounded projection outgrows a decimal.
    pub fn compound_error(&self, on: bool) -> Option<String> {
        let why = self.estimate.as_ref()?.total_compound.as_ref().err()?;
        on.then(|| format!("Cannot estimate with compounding: {why}."))
    }

    /// Demo mode's rate edits (always `None` in a build without demo tools,
    /// which lets the compiler drop what reads them).
    pub fn edits(&self) -> Option<&RateEdits> {
        self.edits.as_ref().filter(|_| Mode::DEMO_IN_BUILD)
    }

    /// Demo mode: the estimate under the original config (always `None` in a
    /// build without demo tools).
    pub fn before(&self) -> Option<&Estimate> {
        self.before.as_deref().filter(|_| Mode::DEMO_IN_BUILD)
    }

    /// Demo mode's rate edits, to change them.
    pub fn edits_mut(&mut self) -> Option<&mut RateEdits> {
        self.edits.as_mut().filter(|_| Mode::DEMO_IN_BUILD)
    }

    /// Symbol of the row.
    pub fn symbol(&self) -> &str {
        self.item.asset.symbol()
    }

    /// Validates every input field, then recomputes the estimates from the
    /// balances typed, or, while a field does not read, from the last ones
    /// that did (under the rates and horizon in force now, so the numbers
    /// shown always match the settings shown). When the engine cannot
    /// estimate valid inputs, no estimate is shown.
    pub fn refresh(&mut self, horizon: Horizon) {
        if let Some(typed) = self.timeline(horizon.separators) {
            let empty = self.balance.text.trim().is_empty() && typed.changes.is_empty();
            self.last_good = (!empty).then_some(typed);
        }
        let Some(timeline) = self.last_good.clone() else {
            self.estimate = None;
            self.before = None;
            self.estimate_error = None;
            return;
        };
        match estimate(&self.item.asset, &timeline, horizon.days, horizon.with_plot) {
            Ok(e) => {
                self.estimate = Some(Rc::new(e));
                self.estimate_error = None;
            }
            Err(e) => {
                // Valid inputs with no answer: the last estimate was for others.
                self.estimate = None;
                self.estimate_error = Some(format!("Cannot estimate: {}.", e.message));
            }
        }
        if self.edits().is_some() {
            self.before = estimate(&self.original, &timeline, horizon.days, horizon.with_plot)
                .ok()
                .map(Rc::new);
        }
    }

    /// Checks the typed balance and changes; sets field errors and returns the
    /// timeline when everything is valid.
    fn timeline(&mut self, seps: Separators) -> Option<Timeline> {
        let parse_balance = |t: &str| parse_typed(t, seps).map_err(|why| format!("Balance {why}."));
        let number = |t: &str| is_unfinished(t, seps);
        // A change's field emptied (Backspace on the way to new text) is
        // being typed too; an empty opening balance is 0, not an error.
        let emptied = |t: &str| t.trim().is_empty();
        let opening = if self.balance.text.trim().is_empty() {
            self.balance.check(|_| Ok(Decimal::ZERO))
        } else {
            self.balance.check_typed(parse_balance, number)
        };
        let mut changes = Vec::with_capacity(self.changes.len());
        let mut all_ok = opening.is_some();
        for change in &mut self.changes {
            let at = change.at.check_typed(
                |t| {
                    parse_typed_time(t).ok_or_else(|| {
                        "Time must be a UTC time such as 06:30 or 630, from 00:00 to 23:59."
                            .to_string()
                    })
                },
                |t| emptied(t) || is_unfinished_time(t),
            );
            let balance = change
                .balance
                .check_typed(parse_balance, |t| emptied(t) || number(t));
            match (at, balance) {
                (Some(at), Some(balance)) => changes.push(BalanceChange { at, balance }),
                _ => all_ok = false,
            }
        }
        all_ok.then(|| Timeline {
            opening: opening.unwrap_or(Decimal::ZERO),
            changes,
        })
    }
}

/// An APR fraction as the percent typed in demo mode (`0.015` → `1.5`), exactly.
fn percent(fraction: Decimal) -> Option<Decimal> {
    crate::config::decimal::parse_decimal(&percent_text(fraction)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_of(spec: crate::engine::AssetSpec) -> Row {
        let item = ConfiguredAsset {
            asset: Asset::new(spec).expect("asset"),
            sample_rate: false,
            sample_cap: false,
        };
        Row::new(item, false, Separators::COMMA_POINT)
    }

    fn typed(row: &mut Row, balance: &str, days: u32) {
        row.balance = Field::new(balance);
        row.refresh(Horizon {
            days,
            with_plot: true,
            separators: Separators::COMMA_POINT,
        });
    }

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    #[test]
    fn a_compounded_total_too_large_leaves_the_total_without_compounding() {
        // 365 % APR, uncapped: 1,000,000 earns 1,000,000 × 3.65 ÷ 365 = 10,000 a day.
        let mut row = row_of(crate::engine::AssetSpec::flat("ONEP", d("3.65")));
        typed(&mut row, "1000000", 3650);
        let e = row.estimate.clone().expect("an estimate");
        assert_eq!(e.day.reward, d("10000"));
        // Without compounding: 3,650 days × 10,000 = 36,500,000.
        assert_eq!(e.total(false), Some(d("36500000")));
        // With it, 1 % a day for ten years: 1,000,000 × 1.01^3650 ≈ 6 × 10^21,
        // whose 8-decimal payouts no longer fit in 96 bits.
        assert_eq!(e.total(true), None);
        assert_eq!(row.compound_error(false), None);
        let why = row
            .compound_error(true)
            .expect("named when compounding is on");
        assert!(
            why.starts_with("Cannot estimate with compounding: "),
            "{why}"
        );
        let plot = e.plot.as_ref().expect("the open row's plot");
        assert!(plot.compound.is_empty());
        assert_eq!(plot.simple.last().copied(), Some(d("36500000")));
        assert_eq!(row.estimate_error, None);
    }

    #[test]
    fn the_largest_balance_under_a_cap_has_a_total_without_compounding() {
        // Capped at 1,000: 1,000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630 a day;
        // 30 days held: 30 × 0.13698630 = 4.10958900.
        let mut spec = crate::engine::AssetSpec::flat("BNB", d("0.05"));
        spec.max_cap = Some(d("1000"));
        let mut row = row_of(spec);
        typed(&mut row, "79228162514264337593543950335", 30);
        let e = row.estimate.clone().expect("an estimate");
        assert_eq!(e.total(false), Some(d("4.10958900")));
        // Compounded, the balance itself would pass the largest decimal.
        assert_eq!(e.total(true), None);
    }

    #[test]
    fn valid_inputs_the_engine_cannot_estimate_show_no_old_numbers() {
        // 365 % APR: the largest decimal earns 1 % of itself a day, whose
        // 8-decimal payout does not fit in 96 bits.
        let mut row = row_of(crate::engine::AssetSpec::flat("ONEP", d("3.65")));
        typed(&mut row, "1000", 1);
        assert!(row.estimate.is_some());
        typed(&mut row, "79228162514264337593543950335", 1);
        assert_eq!(row.estimate, None, "no estimate of 1000 beside the error");
        assert!(row
            .estimate_error
            .as_deref()
            .is_some_and(|e| e.starts_with("Cannot estimate: ")));
        // A field that does not read keeps the last estimate (marked stale).
        typed(&mut row, "1000", 1);
        typed(&mut row, "1000x", 1);
        assert!(row.estimate.is_some());
        assert!(row.shows_last_good_estimate());
    }

    /// The error `entry` of `row` shows now.
    fn shown(row: &Row, entry: Entry, typing: bool) -> Option<String> {
        let field = match entry {
            Entry::Balance => &row.balance,
            Entry::ChangeTime(id) => &row.changes.iter().find(|c| c.id == id)?.at,
            Entry::ChangeBalance(id) => &row.changes.iter().find(|c| c.id == id)?.balance,
        };
        field
            .error_to_show(row.typing_in(entry, typing))
            .map(str::to_string)
    }

    #[test]
    fn only_the_field_typed_last_holds_back_an_unfinished_error() {
        let mut row = row_of(crate::engine::AssetSpec::flat("BNB", d("0.05")));
        row.set_changes([("21:".to_string(), "1,".to_string())]);
        typed(&mut row, "1,", 1);
        let id = row.changes[0].id;
        let (time, change_balance) = (Entry::ChangeTime(id), Entry::ChangeBalance(id));
        // All three are invalid as they stand, so the figures are stale.
        assert!(row.shows_last_good_estimate());
        // "1," may become 1,000 and "21:" 21:30; only the field typed last
        // holds its error back while the visitor types, the others show.
        row.note_typed(time);
        assert_eq!(shown(&row, time, true), None);
        assert!(shown(&row, Entry::Balance, true).is_some());
        assert!(shown(&row, change_balance, true).is_some());
        assert!(row.shows_error(true));
        // Paused: every error shows.
        assert!(shown(&row, time, false).is_some());
        // With only that field invalid, the row shows no error while typed.
        row.changes[0].balance = Field::new("500");
        typed(&mut row, "1,000", 1);
        assert!(!row.shows_error(true));
        assert!(row.shows_error(false));
        // "25:" cannot become a time: shown at once, even while typed.
        row.changes[0].at = Field::new("25:");
        typed(&mut row, "1,000", 1);
        assert!(shown(&row, time, true).is_some());
        // A change's field emptied is being typed; the opening balance empty is 0.
        row.changes[0].at = Field::new("");
        typed(&mut row, "", 1);
        assert_eq!(shown(&row, time, true), None);
        assert!(shown(&row, time, false).is_some());
        assert_eq!(row.balance.error, None);
    }
}
