//! The widget's whole state and the one reducer every change goes through
//! (the function_todomvc pattern). Pure Rust: the engine is called from here,
//! never from the view, and the reducer is tested without a browser.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::carry_over::{CarryOver, RowInputs};
use super::estimate::EstimateEvent;
use super::format::{count, NumberStyle};
use super::rate_edits::EditTarget;
use super::row::{ChangeDraft, Field, Horizon, Row};
use crate::config::currency::Currency;
use crate::config::decimal::{parse_typed, typed_form, Separators};
use crate::config::scenario::{short, AssetScenario, Scenario, MAX_ROW_CHANGES};
use crate::config::widget_config::{Mode, Theme, WidgetConfig};
use crate::engine::{Asset, AssetSpec, TimeOfDay, MAX_DAYS};

/// Horizon presets offered in the select.
pub const HORIZON_PRESETS: [u32; 4] = [7, 30, 90, 365];

/// The activation state the visitor controls (persisted by the view).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Activation {
    /// The terms were accepted ("Start Earning" pressed once).
    pub terms_accepted: bool,
    /// Soft staking is switched on.
    pub on: bool,
    /// Unix day (UTC) of the first activation.
    pub activated_day: Option<i64>,
}

/// The widget state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    /// User or demo mode.
    pub mode: Mode,
    /// Colour scheme.
    pub theme: Theme,
    /// Locale (for dates) and its number style.
    pub locale: String,
    /// How numbers are written.
    pub style: NumberStyle,
    /// The currency of the prices, written after fiat values.
    pub currency: Option<Currency>,
    /// The rows, in display order; `Rc` so unchanged rows skip re-rendering.
    pub rows: Vec<Rc<Row>>,
    /// Projection horizon in days (last valid).
    pub horizon_days: u32,
    /// The horizon input when "custom" is chosen.
    pub custom_horizon: Option<Field>,
    /// Horizon the host configured (to tell host changes from visitor ones).
    pub configured_horizon: u32,
    /// Compounding on/off.
    pub compound: bool,
    /// Index of the row whose details (intraday, plot) are open.
    pub open_row: Option<usize>,
    /// Activation.
    pub activation: Activation,
    /// Whether the visitor changed `activation` here (to store and tell the
    /// other widgets under the key), rather than it being loaded, followed
    /// from another widget or taken over.
    pub activation_by_visitor: bool,
    /// Terms dialog open.
    pub dialog_open: bool,
    /// Terms checkbox ticked.
    pub terms_ticked: bool,
    /// A shared scenario could not be read.
    pub scenario_error: Option<String>,
    /// Demo mode: the symbols whose edits the host's last `update()` reset,
    /// as it changed their configured APR, tiers, minimum or cap.
    pub edits_reset: Vec<String>,
}

/// Every change to the widget's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The visitor typed a balance.
    SetBalance {
        /// The row's index.
        row: usize,
        /// The field's text.
        text: String,
    },
    /// Add an intraday change to a row.
    AddChange {
        /// The row's index.
        row: usize,
    },
    /// Edit a change's time.
    SetChangeTime {
        /// The row's index.
        row: usize,
        /// The change's id ([`ChangeDraft::id`]).
        id: u32,
        /// The field's text.
        text: String,
    },
    /// Edit a change's balance.
    SetChangeBalance {
        /// The row's index.
        row: usize,
        /// The change's id ([`ChangeDraft::id`]).
        id: u32,
        /// The field's text.
        text: String,
    },
    /// Remove a change.
    RemoveChange {
        /// The row's index.
        row: usize,
        /// The change's id ([`ChangeDraft::id`]).
        id: u32,
    },
    /// Open or close a row's details.
    ToggleRow {
        /// The row's index.
        row: usize,
    },
    /// Pick a preset horizon.
    SelectHorizon(u32),
    /// Pick "custom" in the horizon select.
    SelectCustomHorizon,
    /// Type a custom horizon.
    SetCustomHorizon(String),
    /// Compounding on/off.
    SetCompound(bool),
    /// "Activate" (or the toggle before activation): open the terms.
    OpenTerms,
    /// Close the terms dialog without activating.
    CloseTerms,
    /// Tick or untick the terms checkbox.
    TickTerms(bool),
    /// "Start Earning": accept the terms and switch on.
    StartEarning {
        /// Today's Unix day (UTC).
        today: i64,
    },
    /// The toggle after activation.
    SetEarning {
        /// On or off.
        on: bool,
        /// Today's Unix day (UTC): switching on again is a new activation.
        today: i64,
    },
    /// Demo mode: edit APR, tier bound, minimum or cap.
    EditRate {
        /// The row's index.
        row: usize,
        /// Which term.
        target: EditTarget,
        /// The field's text.
        text: String,
    },
    /// Apply a shared scenario; `unreadable` says what of it could not be read.
    ApplyScenario {
        /// The parts that were read.
        scenario: Scenario,
        /// Why each other part could not be read.
        unreadable: Vec<String>,
    },
    /// A shared scenario could not be decoded.
    ScenarioError(String),
    /// The host called `update(config)`: keep what the visitor typed.
    Reconfigure(Rc<WidgetConfig>),
    /// The host's `update(config)` named another `storage_key`: the activation
    /// stored under it replaces the shown one (an open terms dialog closes).
    LoadActivation(Activation),
    /// Another widget under this `storage_key` (this page, another tab)
    /// stored a change: shown as if loaded, unless already shown.
    FollowActivation(Activation),
}

impl State {
    /// The initial state for `config`, with the stored activation.
    pub fn new(config: &WidgetConfig, activation: Activation) -> State {
        let demo = config.mode.is_demo();
        let style = NumberStyle::for_locale(&config.locale);
        let mut state = State {
            mode: config.mode,
            theme: config.theme,
            locale: config.locale.clone(),
            style,
            currency: config.currency,
            rows: config
                .assets
                .iter()
                .map(|a| Rc::new(Row::new(a.clone(), demo, style.separators())))
                .collect(),
            horizon_days: config.horizon_days,
            custom_horizon: custom_horizon_field(config.horizon_days),
            configured_horizon: config.horizon_days,
            compound: false,
            open_row: None,
            activation,
            activation_by_visitor: false,
            dialog_open: false,
            terms_ticked: false,
            scenario_error: None,
            edits_reset: Vec::new(),
        };
        state.refresh_all();
        state
    }

    /// Applies one action (the reducer).
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetBalance { row, text } => self.update_row(row, |r| r.balance.text = text),
            Action::AddChange { row } => {
                let seps = self.style.separators();
                self.update_row(row, |r| {
                    if r.changes.len() >= MAX_ROW_CHANGES {
                        return;
                    }
                    // At 12:00, with the balance already in force then (0 in
                    // an empty row): valid at once, and the estimate stays
                    // as it was until the visitor changes it.
                    let noon = TimeOfDay::new(12, 0);
                    let balance = noon.and_then(|t| r.balance_at(t)).unwrap_or(Decimal::ZERO);
                    r.changes.push(ChangeDraft {
                        id: r.next_change_id,
                        at: Field::new("12:00"),
                        balance: Field::new(typed_form(&balance.to_string(), seps)),
                    });
                    r.next_change_id += 1;
                })
            }
            Action::SetChangeTime { row, id, text } => self.update_row(row, |r| {
                if let Some(c) = r.changes.iter_mut().find(|c| c.id == id) {
                    c.at.text = text;
                }
            }),
            Action::SetChangeBalance { row, id, text } => self.update_row(row, |r| {
                if let Some(c) = r.changes.iter_mut().find(|c| c.id == id) {
                    c.balance.text = text;
                }
            }),
            Action::RemoveChange { row, id } => {
                self.update_row(row, |r| r.changes.retain(|c| c.id != id))
            }
            Action::ToggleRow { row } => {
                let previous = self.open_row;
                self.open_row = if previous == Some(row) {
                    None
                } else {
                    Some(row)
                };
                for i in [previous, self.open_row].into_iter().flatten() {
                    self.update_row(i, |_| {});
                }
            }
            Action::SelectHorizon(days) => {
                self.custom_horizon = None;
                self.set_horizon(days);
            }
            Action::SelectCustomHorizon => {
                self.custom_horizon = Some(Field::new(self.horizon_days.to_string()));
            }
            Action::SetCustomHorizon(text) => {
                let parsed = horizon_days(&text, self.style.separators());
                let error = parsed.is_none().then(|| {
                    format!("Horizon must be a whole number of days from 1 to {MAX_DAYS}.")
                });
                self.custom_horizon = Some(Field {
                    text,
                    error,
                    unfinished: false,
                });
                if let Some(days) = parsed {
                    self.set_horizon(days);
                }
            }
            Action::SetCompound(on) => {
                // Both totals are always computed: nothing to recompute.
                self.compound = on;
            }
            Action::OpenTerms => {
                self.dialog_open = true;
                self.terms_ticked = false;
            }
            Action::CloseTerms => self.dialog_open = false,
            Action::LoadActivation(activation) => self.load_activation(activation),
            Action::FollowActivation(activation) => {
                if activation != self.activation {
                    self.load_activation(activation);
                }
            }
            Action::TickTerms(ticked) => self.terms_ticked = ticked,
            Action::StartEarning { today } => {
                if self.dialog_open && self.terms_ticked {
                    self.dialog_open = false;
                    self.activation = Activation {
                        terms_accepted: true,
                        on: true,
                        activated_day: Some(today),
                    };
                    self.activation_by_visitor = true;
                }
            }
            Action::SetEarning { on, today } => {
                if self.activation.terms_accepted {
                    // Switched on again: snapshots start anew from tomorrow.
                    if on && !self.activation.on {
                        self.activation.activated_day = Some(today);
                    }
                    self.activation.on = on;
                    self.activation_by_visitor = true;
                } else if on {
                    self.apply(Action::OpenTerms);
                }
            }
            Action::EditRate { row, target, text } if Mode::DEMO_IN_BUILD => {
                self.edits_reset.clear();
                self.update_row(row, |r| {
                    if let Some(field) = r.edits_mut().and_then(|e| e.field_mut(target)) {
                        field.text = text;
                    }
                })
            }
            Action::ApplyScenario {
                scenario,
                unreadable,
            } if Mode::DEMO_IN_BUILD => self.apply_scenario(scenario, unreadable),
            Action::ScenarioError(why) => self.scenario_error = Some(why),
            Action::Reconfigure(config) => self.reconfigure(&config),
            // Demo actions in a build without demo tools (never sent there).
            Action::EditRate { .. } | Action::ApplyScenario { .. } => {}
        }
    }

    fn horizon_for(&self, row: usize) -> Horizon {
        Horizon {
            days: self.horizon_days,
            with_plot: self.open_row == Some(row),
            separators: self.style.separators(),
        }
    }

    /// Changes one row's inputs, then revalidates and re-estimates that row only.
    fn update_row(&mut self, index: usize, change: impl FnOnce(&mut Row)) {
        let horizon = self.horizon_for(index);
        if let Some(rc) = self.rows.get_mut(index) {
            let row = Rc::make_mut(rc);
            change(row);
            // `Row::edits_mut`'s test, on the field: the borrow of the edits
            // must leave `row.original` and `row.item` free.
            if let Some(edits) = row.edits.as_mut().filter(|_| Mode::DEMO_IN_BUILD) {
                if let Some(asset) = edits.build(&row.original, &row.item.asset, horizon.separators)
                {
                    row.item.asset = asset;
                }
            }
            row.refresh(horizon);
        }
    }

    /// Shows `activation`, stored elsewhere: an open terms dialog closes.
    fn load_activation(&mut self, activation: Activation) {
        self.activation = activation;
        self.activation_by_visitor = false;
        self.dialog_open = false;
        self.terms_ticked = false;
    }

    fn set_horizon(&mut self, days: u32) {
        if days != self.horizon_days {
            self.horizon_days = days;
            self.refresh_all();
        }
    }

    fn refresh_all(&mut self) {
        for i in 0..self.rows.len() {
            self.update_row(i, |_| {});
        }
    }

    /// Applies what fits this widget; says what it left out (the parts that
    /// could not be read, a horizon out of range, a symbol it does not list,
    /// tiers that do not match).
    fn apply_scenario(&mut self, scenario: Scenario, unreadable: Vec<String>) {
        let mut skipped = unreadable;
        match scenario.horizon_days {
            Some(days) if (1..=MAX_DAYS).contains(&days) => {
                self.custom_horizon = custom_horizon_field(days);
                self.horizon_days = days;
            }
            Some(days) => skipped.push(format!("a horizon of {days} days (1 to {MAX_DAYS})")),
            None => {}
        }
        if let Some(c) = scenario.compound {
            self.compound = c;
        }
        for part in &scenario.assets {
            match self.rows.iter().position(|r| r.symbol() == part.symbol) {
                Some(index) => skipped.extend(self.update_row_inputs(index, part)),
                None => skipped.push(format!(
                    "{}, which this widget does not list",
                    short(&part.symbol)
                )),
            }
        }
        // A crafted link may name many parts: the first few are enough.
        const LISTED: usize = 5;
        let more = skipped.len().saturating_sub(LISTED);
        skipped.truncate(LISTED);
        if more > 0 {
            skipped.push(format!("and {more} more"));
        }
        self.scenario_error = (!skipped.is_empty()).then(|| {
            format!(
                "Parts of the shared scenario were left out: {}.",
                skipped.join("; ")
            )
        });
        self.refresh_all();
    }

    /// Sets the row's inputs from `part`; returns what did not fit.
    fn update_row_inputs(&mut self, index: usize, part: &AssetScenario) -> Option<String> {
        // Written the way the locale types numbers, so the fields read them back.
        let seps = self.style.separators();
        let text = |d: &Decimal| typed_form(&d.to_string(), seps);
        let field = |d: &Decimal| Field::new(text(d));
        let rc = self.rows.get_mut(index)?;
        let row = Rc::make_mut(rc);
        if let Some(b) = &part.balance {
            row.balance = field(b);
        }
        row.set_changes(
            part.changes
                .iter()
                .map(|(at, bal)| (at.to_string(), text(bal))),
        );
        let edits = row.edits_mut()?;
        let mut skipped = None;
        if let Some(apr) = part.apr_percent {
            match edits.tiers.as_mut_slice() {
                [only] => only.apr = field(&apr),
                tiers => {
                    skipped = Some(format!(
                        "one APR for {} (it has {})",
                        short(&part.symbol),
                        count(tiers.len() as u64, "tier")
                    ))
                }
            }
        }
        if let Some(tiers) = &part.tiers_percent {
            if tiers.len() == edits.tiers.len() {
                for (edit, (up, apr)) in edits.tiers.iter_mut().zip(tiers) {
                    edit.up_to = Field::new(up.as_ref().map(text).unwrap_or_default());
                    edit.apr = field(apr);
                }
            } else {
                skipped = Some(format!(
                    "{} for {} (it has {})",
                    count(tiers.len() as u64, "tier"),
                    short(&part.symbol),
                    edits.tiers.len()
                ));
            }
        }
        if let Some(min) = part.min_amount {
            edits.min = field(&min);
        }
        if let Some(max) = &part.max_cap {
            edits.max = Field::new(max.as_ref().map(text).unwrap_or_default());
        }
        skipped
    }

    /// The scenario that reproduces this state (demo edits and balances).
    pub fn scenario(&self) -> Scenario {
        Scenario {
            horizon_days: Some(self.horizon_days),
            compound: Some(self.compound),
            assets: self.rows.iter().filter_map(|r| r.scenario_part()).collect(),
        }
    }

    /// What a widget replacing this one takes over (see
    /// [`carry_over`](super::carry_over)); `storage_key` is where the
    /// activation is stored, `announced` what the host was told.
    pub fn carry_over(&self, storage_key: &str, announced: Vec<EstimateEvent>) -> CarryOver {
        CarryOver {
            storage_key: storage_key.to_string(),
            activation: self.activation,
            dialog_open: self.dialog_open,
            terms_ticked: self.terms_ticked,
            locale: self.locale.clone(),
            horizon_days: self.horizon_days,
            configured_horizon: self.configured_horizon,
            custom_horizon: self.custom_horizon.as_ref().map(|f| f.text.clone()),
            compound: self.compound,
            open_symbol: self
                .open_row
                .and_then(|i| self.rows.get(i))
                .map(|r| r.symbol().to_string()),
            rows: self
                .rows
                .iter()
                .map(|r| RowInputs {
                    symbol: r.symbol().to_string(),
                    balance: r.balance.text.clone(),
                    changes: r
                        .changes
                        .iter()
                        .map(|c| (c.at.text.clone(), c.balance.text.clone()))
                        .collect(),
                    last_good: r.last_good.clone(),
                })
                .collect(),
            announced,
        }
    }

    /// Takes over what the widget this one replaces carried: the inputs of
    /// the rows both list, as the same numbers in this locale, with the last
    /// ones that read, the horizon (unless the host configured another),
    /// compounding, the open row and, when it stores them under the same
    /// `storage_key`, the activation and the terms dialog.
    pub fn take_over(&mut self, carry: &CarryOver, storage_key: &str) {
        if carry.storage_key == storage_key {
            self.activation = carry.activation;
            self.activation_by_visitor = false;
            self.dialog_open = carry.dialog_open;
            self.terms_ticked = carry.terms_ticked;
        }
        let from = NumberStyle::for_locale(&carry.locale).separators();
        let to = self.style.separators();
        for inputs in &carry.rows {
            let Some(rc) = self.rows.iter_mut().find(|r| r.symbol() == inputs.symbol) else {
                continue;
            };
            let row = Rc::make_mut(rc);
            row.balance = Field::new(inputs.balance.clone());
            row.set_changes(inputs.changes.iter().cloned());
            row.last_good = inputs.last_good.clone();
            // The typed balances only: the demo edits are this config's own.
            row.retype_balances(from, to);
        }
        if carry.configured_horizon == self.configured_horizon
            && (1..=MAX_DAYS).contains(&carry.horizon_days)
        {
            match &carry.custom_horizon {
                Some(text) => {
                    let mut field = Field::new(text.clone());
                    field.retype(from, to);
                    self.horizon_days = carry.horizon_days;
                    self.apply(Action::SetCustomHorizon(field.text));
                }
                None => self.apply(Action::SelectHorizon(carry.horizon_days)),
            }
        }
        self.compound = carry.compound;
        self.open_row = carry
            .open_symbol
            .as_ref()
            .and_then(|s| self.rows.iter().position(|r| r.symbol() == s));
        self.refresh_all();
    }

    fn reconfigure(&mut self, config: &WidgetConfig) {
        let demo = config.mode.is_demo();
        let style = NumberStyle::for_locale(&config.locale);
        let seps = style.separators();
        let old_seps = self.style.separators();
        let old_rows = std::mem::take(&mut self.rows);
        // The note stays until the team's next edit (another update() may
        // come first), for the assets still listed, and only in demo mode.
        self.edits_reset.retain(|sym| {
            demo && config
                .assets
                .iter()
                .any(|a| a.asset.symbol() == sym.as_str())
        });
        self.rows = config
            .assets
            .iter()
            .map(|item| {
                let mut row = Row::new(item.clone(), demo, seps);
                if let Some(old) = old_rows.iter().find(|r| r.symbol() == item.asset.symbol()) {
                    // What was typed stays, as the same numbers in the new locale.
                    let mut kept = Row::clone(old);
                    kept.retype(old_seps, seps);
                    row.balance = kept.balance;
                    row.changes = kept.changes;
                    row.next_change_id = kept.next_change_id;
                    row.last_good = kept.last_good;
                    // Demo edits stay while the terms they edit stay (a new
                    // price or name leaves them meaningful), with the terms
                    // they put in force (a field that does not read keeps them).
                    if same_terms(&kept.original, &item.asset)
                        && row.edits().is_some()
                        && kept.edits.is_some()
                    {
                        row.edits = kept.edits;
                        if let Some(asset) = with_terms_of(&item.asset, &kept.item.asset) {
                            row.item.asset = asset;
                        }
                    } else if Mode::DEMO_IN_BUILD
                        && demo
                        && kept.edits.is_some()
                        && !same_terms(&kept.original, &kept.item.asset)
                    {
                        // The visitor's edits were in force and the page's
                        // terms moved under them: reset, and said so.
                        let sym = item.asset.symbol().to_string();
                        if !self.edits_reset.contains(&sym) {
                            self.edits_reset.push(sym);
                        }
                    }
                }
                Rc::new(row)
            })
            .collect();
        self.mode = config.mode;
        self.theme = config.theme;
        self.locale = config.locale.clone();
        self.style = style;
        self.currency = config.currency;
        if let Some(field) = &mut self.custom_horizon {
            field.retype(old_seps, seps);
        }
        if config.horizon_days != self.configured_horizon {
            self.configured_horizon = config.horizon_days;
            self.horizon_days = config.horizon_days;
            self.custom_horizon = custom_horizon_field(config.horizon_days);
        }
        let open_symbol = self
            .open_row
            .and_then(|i| old_rows.get(i))
            .map(|r| r.symbol().to_string());
        self.open_row = open_symbol.and_then(|s| self.rows.iter().position(|r| r.symbol() == s));
        self.refresh_all();
    }
}

/// Whether `a` and `b` have the same terms a demo edit changes: APR or
/// tiers, minimum and cap.
fn same_terms(a: &Asset, b: &Asset) -> bool {
    a.rate() == b.rate() && a.min_amount() == b.min_amount() && a.max_cap() == b.max_cap()
}

/// `asset` with the APR or tiers, minimum and cap of `terms`.
fn with_terms_of(asset: &Asset, terms: &Asset) -> Option<Asset> {
    Asset::new(AssetSpec {
        rate: terms.rate().clone(),
        min_amount: terms.min_amount(),
        max_cap: terms.max_cap(),
        ..asset.spec().clone()
    })
    .ok()
}

/// A custom horizon as typed, digit groups allowed (`1,000` in en-US): a
/// whole number of days from 1 to [`MAX_DAYS`].
fn horizon_days(text: &str, seps: Separators) -> Option<u32> {
    let days = parse_typed(text, seps).ok()?.normalize();
    if days.scale() != 0 {
        return None;
    }
    u32::try_from(days.mantissa())
        .ok()
        .filter(|d| (1..=MAX_DAYS).contains(d))
}

/// The custom-horizon field for `days`: none when a preset shows them.
fn custom_horizon_field(days: u32) -> Option<Field> {
    (!HORIZON_PRESETS.contains(&days)).then(|| Field::new(days.to_string()))
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Another widget's activation that this one shows already: nothing
        // to draw again.
        if matches!(&action, Action::FollowActivation(a) if *a == self.activation) {
            return self;
        }
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_horizon_is_typed_like_any_number_of_the_locale() {
        let (en, de) = (Separators::COMMA_POINT, Separators::POINT_COMMA);
        assert_eq!(horizon_days("45", en), Some(45));
        assert_eq!(horizon_days(" 1,000 ", en), Some(1000));
        assert_eq!(horizon_days("1.000", de), Some(1000));
        assert_eq!(horizon_days("3,650", en), Some(3650));
        assert_eq!(horizon_days("90.0", en), Some(90));
        for bad in [
            "",
            "0",
            "0.0",
            "-0",
            "3,651",
            "1.5",
            "1,000.5",
            "-3",
            "1,00",
            "abc",
            "99999999999",
        ] {
            assert_eq!(horizon_days(bad, en), None, "{bad:?}");
        }
    }

    #[test]
    fn only_the_visitors_own_activation_changes_are_marked_to_store_and_tell() {
        let stored = Activation {
            terms_accepted: true,
            on: true,
            activated_day: Some(20_000),
        };
        let mut state = State::new(
            &config(r#"{ "assets": [{ "symbol": "FIVE", "apr": "0.05" }] }"#),
            Activation::default(),
        );
        assert!(!state.activation_by_visitor, "read from the store");
        state.apply(Action::OpenTerms);
        state.apply(Action::TickTerms(true));
        state.apply(Action::StartEarning { today: 20_100 });
        assert!(state.activation.on && state.activation_by_visitor);
        // Another key's stored state, after the host's update(): not the visitor's.
        state.apply(Action::LoadActivation(stored));
        assert_eq!(state.activation, stored);
        assert!(!state.activation_by_visitor);
        state.apply(Action::SetEarning {
            on: false,
            today: 20_100,
        });
        assert!(!state.activation.on && state.activation_by_visitor);
        state.apply(Action::FollowActivation(stored));
        assert!(state.activation.on && !state.activation_by_visitor);
    }

    #[test]
    fn another_widgets_activation_is_followed_and_an_unchanged_one_keeps_an_open_dialog() {
        let mut state = State::new(
            &config(r#"{ "assets": [{ "symbol": "FIVE", "apr": "0.05" }] }"#),
            Activation::default(),
        );
        state.apply(Action::OpenTerms);
        state.apply(Action::TickTerms(true));
        // The activation shown already (another widget repeating it): the
        // visitor's half-done dialog stays as it is.
        state.apply(Action::FollowActivation(Activation::default()));
        assert!(state.dialog_open && state.terms_ticked);
        // Another tab activated: shown here; the dialog asking for it closes.
        let there = Activation {
            terms_accepted: true,
            on: true,
            activated_day: Some(20_000),
        };
        state.apply(Action::FollowActivation(there));
        assert_eq!(state.activation, there);
        assert!(!state.dialog_open && !state.terms_ticked);
        // Followed, not the visitor's: not to store or tell again.
        assert!(!state.activation_by_visitor);
        // And switched off there: off here, the terms still accepted.
        let off = Activation { on: false, ..there };
        state.apply(Action::FollowActivation(off));
        assert_eq!(state.activation, off);
    }

    fn config(json: &str) -> WidgetConfig {
        let mut reader = serde_json::Deserializer::from_str(json);
        let loose = crate::config::loose::Loose::from_deserializer(&mut reader).expect("JSON");
        WidgetConfig::parse(&loose).expect("a valid config")
    }

    /// One demo-mode asset: 5 %, no minimum, capped at 1,000; `extra` adds fields.
    fn five_percent(extra: &str) -> WidgetConfig {
        config(&format!(
            r#"{{ "mode": "demo", "assets": [{{ "symbol": "FIVE", "apr": "0.05", "min_amount": "0", "max_cap": "1000" {extra} }}] }}"#
        ))
    }

    fn d(text: &str) -> Decimal {
        text.parse().expect("decimal")
    }

    fn typed(state: &mut State, text: &str) {
        state.apply(Action::SetBalance {
            row: 0,
            text: text.into(),
        });
    }

    /// Types `at` and `balance` into change `id` of the first row.
    fn set_change(state: &mut State, id: u32, at: &str, balance: &str) {
        state.apply(Action::SetChangeTime {
            row: 0,
            id,
            text: at.into(),
        });
        state.apply(Action::SetChangeBalance {
            row: 0,
            id,
            text: balance.into(),
        });
    }

    fn daily(state: &State) -> Option<Decimal> {
        state.rows[0].estimate.as_ref().map(|e| e.day.reward)
    }

    #[test]
    #[cfg(feature = "demo")]
    fn a_kept_estimate_follows_the_horizon_and_the_rates_shown() {
        let mut state = State::new(&five_percent(""), Activation::default());
        // 1,000 × 0.05 ÷ 365 = 0.136986301… → 0.13698630 a day.
        typed(&mut state, "1000");
        assert_eq!(daily(&state), Some(d("0.13698630")));
        typed(&mut state, "1000x");
        assert!(state.rows[0].shows_last_good_estimate());
        // The last good balance, over the horizon now chosen: 365 × 0.13698630.
        state.apply(Action::SelectHorizon(365));
        let e = state.rows[0]
            .estimate
            .clone()
            .expect("the last good estimate");
        assert_eq!(e.total(false), Some(d("49.99999950")));
        // And under the APR now edited: 1,000 × 0.20 ÷ 365 = 0.547945205… → 0.54794520.
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "20".into(),
        });
        assert_eq!(daily(&state), Some(d("0.54794520")));
        let before = state.rows[0].before.clone().expect("before");
        assert_eq!(before.day.reward, d("0.13698630"));
        assert_eq!(state.rows[0].balance.text, "1000x");
        assert!(state.rows[0].balance.error.is_some());
    }

    #[test]
    fn an_update_while_a_balance_does_not_read_keeps_the_last_good_estimate() {
        let mut state = State::new(&five_percent(""), Activation::default());
        typed(&mut state, "1000");
        typed(&mut state, "1000x");
        state.apply(Action::Reconfigure(Rc::new(five_percent(
            r#", "price": "2""#,
        ))));
        assert_eq!(daily(&state), Some(d("0.13698630")));
        assert_eq!(state.rows[0].balance.text, "1000x");
        assert!(state.rows[0].shows_last_good_estimate());
        // Cleared, the row has no estimate again.
        typed(&mut state, "");
        assert_eq!(daily(&state), None);
        typed(&mut state, "x");
        assert_eq!(daily(&state), None);
    }

    #[test]
    #[cfg(feature = "demo")]
    fn demo_edits_stay_through_an_update_of_the_price_but_not_of_the_terms() {
        let mut state = State::new(&five_percent(""), Activation::default());
        typed(&mut state, "1000");
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "10".into(),
        });
        // 1,000 × 0.10 ÷ 365 = 0.273972602… → 0.27397260.
        assert_eq!(daily(&state), Some(d("0.27397260")));
        // Even while the edit does not read, its last valid 10 % stays in force.
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "10x".into(),
        });
        state.apply(Action::Reconfigure(Rc::new(five_percent(
            r#", "price": "2", "name": "Five""#,
        ))));
        assert_eq!(
            daily(&state),
            Some(d("0.27397260")),
            "a new price keeps the edit"
        );
        let edits = state.rows[0].edits.as_ref().expect("demo edits");
        assert_eq!(
            edits.field(EditTarget::Apr(0)).map(|f| f.text.as_str()),
            Some("10x")
        );
        assert_eq!(state.rows[0].item.asset.price(), Some(d("2")));
        assert!(state.edits_reset.is_empty(), "nothing was reset");
        // A new minimum changes the terms edited: the edits start again from
        // them, and the widget says whose were reset.
        state.apply(Action::Reconfigure(Rc::new(config(
            r#"{ "mode": "demo", "assets": [{ "symbol": "FIVE", "apr": "0.05", "min_amount": "1", "max_cap": "1000", "price": "2" }] }"#,
        ))));
        assert_eq!(daily(&state), Some(d("0.13698630")));
        assert_eq!(state.edits_reset, ["FIVE"]);
        // A second update() that changes only the price keeps the note.
        state.apply(Action::Reconfigure(Rc::new(config(
            r#"{ "mode": "demo", "assets": [{ "symbol": "FIVE", "apr": "0.05", "min_amount": "1", "max_cap": "1000", "price": "3" }] }"#,
        ))));
        assert_eq!(state.edits_reset, ["FIVE"]);
        // Until the next edit.
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "6".into(),
        });
        assert!(state.edits_reset.is_empty());
        // An update that changes terms no edit had moved resets nothing to tell.
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "5".into(),
        });
        state.apply(Action::Reconfigure(Rc::new(config(
            r#"{ "mode": "demo", "assets": [{ "symbol": "FIVE", "apr": "0.05", "min_amount": "2", "max_cap": "1000" }] }"#,
        ))));
        assert!(state.edits_reset.is_empty());
    }

    #[test]
    fn a_new_change_starts_valid_at_the_balance_already_in_force_at_noon() {
        let mut state = State::new(&five_percent(""), Activation::default());
        // An empty row: 0 at 12:00 (nothing all day), no error.
        state.apply(Action::AddChange { row: 0 });
        let change = &state.rows[0].changes[0];
        assert_eq!(
            (change.at.text.as_str(), change.balance.text.as_str()),
            ("12:00", "0")
        );
        assert_eq!(
            change.balance.error, None,
            "no error before the visitor types"
        );
        assert_eq!(daily(&state), Some(Decimal::ZERO));
        state.apply(Action::RemoveChange { row: 0, id: 0 });
        // The opening balance does not read: its last valid value, 1,000.
        typed(&mut state, "1000");
        typed(&mut state, "1000x");
        state.apply(Action::AddChange { row: 0 });
        assert_eq!(state.rows[0].changes[0].balance.text, "1000");
        assert_eq!(state.rows[0].changes[0].balance.error, None);
        // A change to 200 at 06:00: the next one starts at 200, and the day's
        // estimate does not move. Average (6 × 1000 + 18 × 200) ÷ 24 = 400;
        // 400 × 0.05 ÷ 365 = 0.054794520… → 0.05479452.
        typed(&mut state, "1000");
        set_change(&mut state, 1, "06:00", "200");
        assert_eq!(daily(&state), Some(d("0.05479452")));
        state.apply(Action::AddChange { row: 0 });
        assert_eq!(state.rows[0].changes[1].balance.text, "200");
        assert_eq!(daily(&state), Some(d("0.05479452")));
    }

    #[test]
    #[cfg(feature = "demo")]
    fn a_shared_link_carries_only_the_fields_edited() {
        let mut state = State::new(&five_percent(""), Activation::default());
        typed(&mut state, "1500");
        state.apply(Action::EditRate {
            row: 0,
            target: EditTarget::Apr(0),
            text: "6".into(),
        });
        let scenario = state.scenario();
        let part = &scenario.assets[0];
        assert_eq!(part.apr_percent, Some(d("6")));
        assert_eq!((part.min_amount, part.max_cap), (None, None), "not edited");
        // Opened where the cap is now 2,000: that cap stays.
        // 1,500 × 0.06 ÷ 365 = 0.246575342… → 0.24657534 (not 1,000's 0.16438356).
        let moved_on = config(
            r#"{ "mode": "demo", "assets": [{ "symbol": "FIVE", "apr": "0.05", "min_amount": "0", "max_cap": "2000" }] }"#,
        );
        let mut opened = State::new(&moved_on, Activation::default());
        opened.apply(Action::ApplyScenario {
            scenario,
            unreadable: Vec::new(),
        });
        assert_eq!(opened.scenario_error, None);
        assert_eq!(daily(&opened), Some(d("0.24657534")));
        assert_eq!(opened.rows[0].item.asset.max_cap(), Some(d("2000")));
    }

    #[test]
    fn a_shared_link_carries_the_balances_of_the_estimate_shown() {
        let mut state = State::new(&five_percent(""), Activation::default());
        typed(&mut state, "100");
        state.apply(Action::AddChange { row: 0 });
        set_change(&mut state, 0, "18:00", "500");
        // (18 × 100 + 6 × 500) ÷ 24 = 200; 200 × 0.05 ÷ 365 = 0.027397260… → 0.02739726.
        assert_eq!(daily(&state), Some(d("0.02739726")));
        // The change's time stops reading: the row keeps its last valid entries,
        // and so does the link.
        state.apply(Action::SetChangeTime {
            row: 0,
            id: 0,
            text: "18:0x".into(),
        });
        assert_eq!(daily(&state), Some(d("0.02739726")));
        // Cleared meanwhile, the opening balance is still the last valid 100.
        typed(&mut state, "");
        assert_eq!(daily(&state), Some(d("0.02739726")));
        let part = state.scenario().assets.remove(0);
        assert_eq!(part.balance, Some(d("100")));
        let at = crate::engine::TimeOfDay::parse("18:00").expect("a time");
        assert_eq!(part.changes, vec![(at, d("500"))]);
    }

    #[test]
    #[cfg(feature = "demo")]
    fn a_flat_apr_from_a_link_is_not_put_on_a_tiered_asset() {
        // The spec's tiers: 12 % up to 500, 0.8 % up to 5,000, 0.3 % above.
        let tiered = config(
            r#"{ "mode": "demo", "assets": [{ "symbol": "USDT", "min_amount": "0", "tiers": [
                { "up_to": "500", "apr": "0.12" }, { "up_to": "5000", "apr": "0.008" }, { "up_to": null, "apr": "0.003" } ] }] }"#,
        );
        let mut state = State::new(&tiered, Activation::default());
        let part = AssetScenario {
            symbol: "USDT".into(),
            apr_percent: Some(d("6")),
            balance: Some(d("10000")),
            ..AssetScenario::default()
        };
        state.apply(Action::ApplyScenario {
            scenario: Scenario {
                assets: vec![part],
                ..Scenario::default()
            },
            unreadable: Vec::new(),
        });
        assert_eq!(
            state.scenario_error.as_deref(),
            Some("Parts of the shared scenario were left out: one APR for USDT (it has 3 tiers).")
        );
        // The balance still applies, under the configured tiers:
        // (500 × 0.12 + 4,500 × 0.008 + 5,000 × 0.003) ÷ 365 = 0.304109589… → 0.30410958.
        assert_eq!(daily(&state), Some(d("0.30410958")));
    }

    #[test]
    fn a_custom_horizon_is_retyped_for_a_new_locale() {
        let en = WidgetConfig::samples().expect("samples");
        let mut state = State::new(&en, Activation::default());
        state.apply(Action::SelectCustomHorizon);
        state.apply(Action::SetCustomHorizon("1,000".into()));
        assert_eq!(state.horizon_days, 1000);
        let de = WidgetConfig {
            locale: "de-DE".into(),
            ..en
        };
        state.apply(Action::Reconfigure(Rc::new(de)));
        // "1,000" would read as 1 in de-DE: the text becomes 1000.
        let field = state.custom_horizon.clone().expect("still custom");
        assert_eq!(field.text, "1000");
        assert_eq!(state.horizon_days, 1000);
        state.apply(Action::SetCustomHorizon("1.500".into()));
        assert_eq!(state.horizon_days, 1500);
    }
}
