//! The widget's whole state and the one reducer every change goes through
//! (the function_todomvc pattern). Pure Rust: the engine is called from here,
//! never from the view, and the reducer is tested without a browser.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::field::Field;
use super::format::NumberStyle;
use super::rate_edits::EditTarget;
use super::row::{ChangeDraft, Entry, Horizon, Row};
use crate::config::currency::Currency;
use crate::config::decimal::Separators;
use crate::config::scenario::{Scenario, MAX_ROW_CHANGES};
use crate::config::typed_number::{parse_typed, typed_form};
use crate::config::widget_config::{Mode, Theme, WidgetConfig};
use crate::engine::{TimeOfDay, MAX_DAYS};

mod carry;
mod reconfigure;
mod scenario;
#[cfg(test)]
mod test_kit;

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
            Action::SetBalance { row, text } => self.update_row(row, |r| {
                r.balance.text = text;
                r.note_typed(Entry::Balance);
            }),
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
                    r.note_typed(Entry::ChangeTime(id));
                }
            }),
            Action::SetChangeBalance { row, id, text } => self.update_row(row, |r| {
                if let Some(c) = r.changes.iter_mut().find(|c| c.id == id) {
                    c.balance.text = text;
                    r.note_typed(Entry::ChangeBalance(id));
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
                    error,
                    ..Field::new(text)
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
    use super::test_kit::*;
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

    #[test]
    fn only_the_visitors_keystrokes_count_as_typing() {
        use crate::widget::row::Typed;
        let mut state = State::new(&five_percent(""), Activation::default());
        typed(&mut state, "1,000");
        let once = Typed {
            count: 1,
            last: Some(Entry::Balance),
        };
        assert_eq!(state.rows[0].typed, once);
        // Adding a change is no keystroke; typing its time is.
        state.apply(Action::AddChange { row: 0 });
        assert_eq!(state.rows[0].typed, once);
        let id = state.rows[0].changes[0].id;
        state.apply(Action::SetChangeTime {
            row: 0,
            id,
            text: "21:".into(),
        });
        let twice = Typed {
            count: 2,
            last: Some(Entry::ChangeTime(id)),
        };
        assert_eq!(state.rows[0].typed, twice);
        // A host's update() to de-DE retypes the balance (1,000 → 1000):
        // no keystroke of the visitor's, so no error is held back for it.
        state.apply(Action::Reconfigure(Rc::new(config(
            r#"{ "mode": "demo", "locale": "de-DE", "assets": [{ "symbol": "FIVE", "apr": "0.05", "min_amount": "0", "max_cap": "1000" }] }"#,
        ))));
        assert_eq!(state.rows[0].balance.text, "1000");
        assert_eq!(state.rows[0].typed, twice);
    }
}
