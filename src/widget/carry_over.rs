//! What a visitor set up in a widget, carried into the widget that replaces
//! it when the host's `update()` moves a visitor's widget to demo mode (the
//! demo build then mounts in its place, see `www/embed.js`): the balances and
//! intraday changes as typed (and the last of them that read, which the
//! estimates shown come from while a field does not), the horizon,
//! compounding, the open row, the activation and the terms dialog, and the
//! estimates already announced to the host. It crosses from one WebAssembly
//! module to the other as one string ([`CarryOver::encode`]).

use rust_decimal::Decimal;

use crate::config::decimal::parse_decimal;
use crate::engine::{BalanceChange, TimeOfDay, Timeline};
use crate::widget::activation_record;
use crate::widget::estimate::EstimateEvent;
use crate::widget::state::Activation;

/// One row's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RowInputs {
    /// The row's asset symbol.
    pub symbol: String,
    /// The balance field.
    pub balance: String,
    /// The intraday changes: time and balance fields.
    pub changes: Vec<(String, String)>,
    /// The last entries that read (the estimate shown comes from them).
    pub last_good: Option<Timeline>,
}

/// Everything a replacing widget takes over.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CarryOver {
    /// The storage key the activation belongs to.
    pub storage_key: String,
    /// The activation shown (also where storage is unavailable).
    pub activation: Activation,
    /// The terms dialog is open.
    pub dialog_open: bool,
    /// Its checkbox is ticked.
    pub terms_ticked: bool,
    /// The locale the fields are typed in.
    pub locale: String,
    /// The horizon in force.
    pub horizon_days: u32,
    /// The horizon the host had configured.
    pub configured_horizon: u32,
    /// The custom horizon field, when "custom" is chosen.
    pub custom_horizon: Option<String>,
    /// Compounding on/off.
    pub compound: bool,
    /// The symbol of the open row.
    pub open_symbol: Option<String>,
    /// Each row's inputs.
    pub rows: Vec<RowInputs>,
    /// The estimates already announced.
    pub announced: Vec<EstimateEvent>,
}

/// Marks the format: a string from another release is not read.
const FORMAT: &str = "carry-3";

impl CarryOver {
    /// The carry-over as one string: length-prefixed fields (`5:hello`), so
    /// any text a visitor typed travels unchanged.
    pub fn encode(&self) -> String {
        let mut w = Writer(String::new());
        w.text(FORMAT);
        w.text(&self.storage_key);
        // As it is stored, so that it is read back by the same strict rule.
        w.text(&activation_record::encode(self.activation));
        w.flag(self.dialog_open);
        w.flag(self.terms_ticked);
        w.text(&self.locale);
        w.num(self.horizon_days);
        w.num(self.configured_horizon);
        w.opt(self.custom_horizon.as_deref());
        w.flag(self.compound);
        w.opt(self.open_symbol.as_deref());
        w.count(self.rows.len());
        for row in &self.rows {
            w.text(&row.symbol);
            w.text(&row.balance);
            w.count(row.changes.len());
            for (at, balance) in &row.changes {
                w.text(at);
                w.text(balance);
            }
            w.opt(
                row.last_good
                    .as_ref()
                    .map(|t| t.opening.to_string())
                    .as_deref(),
            );
            if let Some(timeline) = &row.last_good {
                w.count(timeline.changes.len());
                for change in &timeline.changes {
                    w.text(&change.at.to_string());
                    w.text(&change.balance.to_string());
                }
            }
        }
        w.count(self.announced.len());
        for a in &self.announced {
            w.text(&a.symbol);
            w.text(&a.balance);
            w.text(&a.daily_reward);
        }
        w.0
    }

    /// Reads what [`encode`](Self::encode) wrote; `None` for anything else.
    pub fn decode(text: &str) -> Option<CarryOver> {
        let mut r = Reader(text);
        if r.text()? != FORMAT {
            return None;
        }
        let mut carry = CarryOver {
            storage_key: r.string()?,
            activation: activation_record::decode(r.text()?)?,
            dialog_open: r.flag()?,
            terms_ticked: r.flag()?,
            locale: r.string()?,
            horizon_days: r.num()?,
            configured_horizon: r.num()?,
            custom_horizon: r.opt()?,
            compound: r.flag()?,
            open_symbol: r.opt()?,
            ..CarryOver::default()
        };
        for _ in 0..r.num()? {
            let mut row = RowInputs {
                symbol: r.string()?,
                balance: r.string()?,
                ..RowInputs::default()
            };
            for _ in 0..r.num()? {
                row.changes.push((r.string()?, r.string()?));
            }
            if let Some(opening) = r.opt()? {
                let mut timeline = Timeline {
                    opening: decimal(&opening)?,
                    changes: Vec::new(),
                };
                for _ in 0..r.num()? {
                    timeline.changes.push(BalanceChange {
                        at: TimeOfDay::parse(r.text()?)?,
                        balance: decimal(r.text()?)?,
                    });
                }
                row.last_good = Some(timeline);
            }
            carry.rows.push(row);
        }
        for _ in 0..r.num()? {
            carry.announced.push(EstimateEvent {
                symbol: r.string()?,
                balance: r.string()?,
                daily_reward: r.string()?,
            });
        }
        r.0.is_empty().then_some(carry)
    }
}

/// A decimal as [`CarryOver::encode`] wrote it (`Decimal`'s `to_string`),
/// read as the contract's non-negative decimals are.
fn decimal(text: &str) -> Option<Decimal> {
    parse_decimal(text).ok()
}

struct Writer(String);

impl Writer {
    fn text(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
    }

    fn num(&mut self, n: u32) {
        self.text(&n.to_string());
    }

    fn count(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    fn flag(&mut self, on: bool) {
        self.text(if on { "1" } else { "0" });
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.text("-"),
            Some(s) => {
                self.text("+");
                self.text(s);
            }
        }
    }
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn text(&mut self) -> Option<&'a str> {
        let (len, rest) = self.0.split_once(':')?;
        if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let len: usize = len.parse().ok()?;
        let field = rest.get(..len)?;
        self.0 = &rest[len..];
        Some(field)
    }

    fn string(&mut self) -> Option<String> {
        self.text().map(str::to_string)
    }

    fn num(&mut self) -> Option<u32> {
        let t = self.text()?;
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.text()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    fn opt(&mut self) -> Option<Option<String>> {
        match self.text()? {
            "-" => Some(None),
            "+" => self.string().map(Some),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CarryOver {
        CarryOver {
            storage_key: "earn".into(),
            activation: Activation {
                terms_accepted: true,
                on: true,
                activated_day: Some(20_416),
            },
            dialog_open: false,
            terms_ticked: true,
            locale: "de-DE".into(),
            horizon_days: 45,
            configured_horizon: 30,
            custom_horizon: Some("45".into()),
            compound: true,
            open_symbol: Some("SOL".into()),
            rows: vec![
                RowInputs {
                    symbol: "BNB".into(),
                    balance: "1.000,5".into(),
                    changes: vec![("12:00".into(), "500".into()), ("".into(), "x:y".into())],
                    last_good: Some(Timeline {
                        opening: "1000.5".parse().expect("decimal"),
                        changes: vec![BalanceChange {
                            at: TimeOfDay::new(12, 0).expect("a time"),
                            balance: "500".parse().expect("decimal"),
                        }],
                    }),
                },
                RowInputs {
                    symbol: "SOL".into(),
                    balance: "".into(),
                    changes: vec![],
                    last_good: None,
                },
            ],
            announced: vec![EstimateEvent {
                symbol: "BNB".into(),
                balance: "1000.5".into(),
                daily_reward: "0.13705479".into(),
            }],
        }
    }

    #[test]
    fn what_is_encoded_reads_back_unchanged() {
        let carry = sample();
        assert_eq!(CarryOver::decode(&carry.encode()), Some(carry));
        let empty = CarryOver::default();
        assert_eq!(CarryOver::decode(&empty.encode()), Some(empty));
    }

    #[test]
    fn typed_text_with_separators_digits_and_other_scripts_travels_unchanged() {
        let mut carry = sample();
        // Text that looks like the format's own length prefixes and markers.
        carry.rows[0].balance = "3:abc12:-+:".into();
        carry.rows[1].balance = "١٢٣ ₿ \u{1f} é".into();
        carry.custom_horizon = Some(":".into());
        assert_eq!(CarryOver::decode(&carry.encode()), Some(carry));
    }

    #[test]
    fn the_format_is_length_prefixed_fields() {
        let carry = CarryOver {
            locale: "en".into(),
            horizon_days: 7,
            configured_horizon: 30,
            ..CarryOver::default()
        };
        assert_eq!(
            carry.encode(),
            "7:carry-30:34:soft-staking/v1 terms=0 on=0 day=-1:01:02:en1:72:301:-1:01:-1:01:0"
        );
    }

    #[test]
    fn anything_else_reads_as_nothing() {
        let good = sample().encode();
        for bad in [
            "",
            "carry-2",
            "7:carry-1",
            "x:carry-1",
            "99:carry-1",
            &good[..good.len() - 1],
            &format!("{good}1:x"),
            &good.replacen("1:1", "1:2", 1),
            // The activation as the stored record is read: a day before
            // 1970 or after 9999 is not ours (nor is a sign or a space).
            &good.replace("day=20416", "day=-9999"),
            &good.replace(
                "38:soft-staking/v1 terms=1 on=1 day=20416",
                "40:soft-staking/v1 terms=1 on=1 day=2932897",
            ),
            &good.replace("day=20416", "day=+2041"),
            // The last valid entries are contract decimals: not negative.
            &good.replace("6:1000.5", "6:-100.5"),
        ] {
            assert_eq!(CarryOver::decode(bad), None, "{bad:?}");
        }
        // Earning without accepted terms is not a state we write: read as off.
        let unaccepted = good.replace("terms=1 on=1", "terms=0 on=1");
        let read = CarryOver::decode(&unaccepted).expect("well formed");
        assert!(!read.activation.on);
    }

    // Through the widget's state: what one widget carries, another takes over.

    use crate::config::loose::Loose;
    use crate::config::widget_config::{Mode, WidgetConfig};
    use crate::widget::state::{Action, State};

    fn config(json: &str) -> WidgetConfig {
        let mut reader = serde_json::Deserializer::from_str(json);
        let loose = Loose::from_deserializer(&mut reader).expect("JSON");
        WidgetConfig::parse(&loose).expect("a valid config")
    }

    /// FIVE (5 %, no minimum, capped at 1,000) and SOL, in `mode` and `locale`,
    /// configured for `horizon` days.
    fn two_assets(mode: &str, locale: &str, horizon: u32) -> State {
        with_five_at("0.05", mode, locale, horizon)
    }

    /// [`two_assets`] with FIVE's APR at `apr`.
    fn with_five_at(apr: &str, mode: &str, locale: &str, horizon: u32) -> State {
        let json = format!(
            r#"{{ "mode": "{mode}", "locale": "{locale}", "horizon_days": {horizon}, "assets": [
                {{ "symbol": "FIVE", "apr": "{apr}", "min_amount": "0", "max_cap": "1000" }},
                {{ "symbol": "SOL", "apr": "0.05", "min_amount": "1" }} ] }}"#
        );
        State::new(&config(&json), Activation::default())
    }

    fn type_into(state: &mut State, row: usize, text: &str) {
        state.apply(Action::SetBalance {
            row,
            text: text.into(),
        });
    }

    /// `from` carried, through its string form, into `to`.
    fn hand_over(from: &State, to: &mut State) {
        let text = from.carry_over("earn", Vec::new()).encode();
        to.take_over(&CarryOver::decode(&text).expect("reads back"), "earn");
    }

    #[test]
    fn a_demo_widget_takes_over_the_inputs_horizon_compounding_and_open_row() {
        let mut user = two_assets("user", "en-US", 30);
        type_into(&mut user, 0, "1000");
        user.apply(Action::AddChange { row: 0 });
        let id = user.rows[0].changes[0].id;
        user.apply(Action::SetChangeTime {
            row: 0,
            id,
            text: "12:00".into(),
        });
        user.apply(Action::SetChangeBalance {
            row: 0,
            id,
            text: "500".into(),
        });
        user.apply(Action::SelectCustomHorizon);
        user.apply(Action::SetCustomHorizon("45".into()));
        user.apply(Action::SetCompound(true));
        user.apply(Action::ToggleRow { row: 0 });

        let mut demo = two_assets("demo", "en-US", 30);
        hand_over(&user, &mut demo);
        let row = &demo.rows[0];
        assert_eq!(row.balance.text, "1000");
        let changes: Vec<_> = row
            .changes
            .iter()
            .map(|c| (c.at.text.as_str(), c.balance.text.as_str()))
            .collect();
        assert_eq!(changes, [("12:00", "500")]);
        assert_eq!(demo.horizon_days, 45);
        assert_eq!(
            demo.custom_horizon.as_ref().map(|f| f.text.as_str()),
            Some("45")
        );
        assert!(demo.compound);
        assert_eq!(demo.open_row, Some(0));
        // 12 snapshots at 1,000 and 12 at 500: an average of 750;
        // 750 × 0.05 ÷ 365 = 0.1027397260… → 0.10273972.
        let estimate = row.estimate.as_ref().expect("an estimate");
        assert_eq!(estimate.day.reward.to_string(), "0.10273972");
        // And the demo tools (in a build that has them) start from the config.
        assert_eq!(row.edits().is_some(), Mode::DEMO_IN_BUILD);
    }

    #[test]
    fn numbers_typed_in_one_locale_are_retyped_for_the_other() {
        let mut german = two_assets("user", "de-DE", 30);
        type_into(&mut german, 0, "1.000,5");
        let mut english = two_assets("demo", "en-US", 30);
        hand_over(&german, &mut english);
        assert_eq!(english.rows[0].balance.text, "1000.5");
    }

    #[test]
    #[cfg(feature = "demo")]
    fn the_demo_edits_keep_the_new_locales_numbers() {
        use crate::widget::rate_edits::EditTarget;
        // 1.234 %: "1,234" in de-DE, "1.234" in en-US (which de-DE reads as 1234).
        let mut german = with_five_at("0.01234", "user", "de-DE", 30);
        type_into(&mut german, 0, "100");
        let mut english = with_five_at("0.01234", "demo", "en-US", 30);
        hand_over(&german, &mut english);
        let row = &english.rows[0];
        let apr = row.edits().and_then(|e| e.field(EditTarget::Apr(0)));
        assert_eq!(apr.map(|f| f.text.as_str()), Some("1.234"));
        // 100 × 0.01234 ÷ 365 = 0.0033808219… → 0.00338082, before and after.
        let reward =
            |e: Option<&crate::widget::estimate::Estimate>| e.map(|e| e.day.reward.to_string());
        assert_eq!(
            reward(row.estimate.as_deref()).as_deref(),
            Some("0.00338082")
        );
        assert_eq!(reward(row.before()).as_deref(), Some("0.00338082"));
    }

    #[test]
    fn while_a_field_does_not_read_the_estimate_of_the_last_entries_that_did_stays() {
        let mut user = two_assets("user", "en-US", 30);
        type_into(&mut user, 0, "1000");
        type_into(&mut user, 0, "1000x");
        let mut demo = two_assets("demo", "en-US", 30);
        hand_over(&user, &mut demo);
        let row = &demo.rows[0];
        assert_eq!(row.balance.text, "1000x");
        assert!(row.balance.error.is_some());
        // 1000 × 0.05 ÷ 365 = 0.1369863013… → 0.13698630 (PRODUCT.md §1).
        let estimate = row.estimate.as_ref().expect("the last good estimate");
        assert_eq!(estimate.day.reward.to_string(), "0.13698630");
    }

    #[test]
    fn the_activation_and_the_terms_dialog_carry_under_the_same_storage_key() {
        let mut user = two_assets("user", "en-US", 30);
        user.apply(Action::OpenTerms);
        user.apply(Action::TickTerms(true));
        let carry = user.carry_over("earn", Vec::new());
        let mut same = two_assets("demo", "en-US", 30);
        same.take_over(&carry, "earn");
        assert!(same.dialog_open && same.terms_ticked);
        // Another key: that key's stored activation, not this one's dialog.
        let mut other = two_assets("demo", "en-US", 30);
        other.take_over(&carry, "other");
        assert!(!other.dialog_open && !other.terms_ticked);

        let mut on = two_assets("user", "en-US", 30);
        on.apply(Action::OpenTerms);
        on.apply(Action::TickTerms(true));
        on.apply(Action::StartEarning { today: 20_416 });
        let mut demo = two_assets("demo", "en-US", 30);
        demo.take_over(&on.carry_over("earn", Vec::new()), "earn");
        assert!(demo.activation.on && demo.activation.terms_accepted);
        assert_eq!(demo.activation.activated_day, Some(20_416));
    }

    #[test]
    fn a_horizon_the_host_changed_wins_over_the_visitors_choice() {
        let mut user = two_assets("user", "en-US", 30);
        user.apply(Action::SelectHorizon(90));
        let mut same = two_assets("demo", "en-US", 30);
        hand_over(&user, &mut same);
        assert_eq!(same.horizon_days, 90);
        let mut changed = two_assets("demo", "en-US", 7);
        hand_over(&user, &mut changed);
        assert_eq!(changed.horizon_days, 7);
    }

    #[test]
    fn rows_the_new_config_does_not_list_are_left_out() {
        let carry = CarryOver {
            locale: "en-US".into(),
            horizon_days: 0,
            configured_horizon: 30,
            open_symbol: Some("GONE".into()),
            rows: vec![RowInputs {
                symbol: "GONE".into(),
                balance: "5".into(),
                changes: vec![],
                last_good: None,
            }],
            ..CarryOver::default()
        };
        let mut demo = two_assets("demo", "en-US", 30);
        let untouched = demo.clone();
        demo.take_over(&carry, "earn");
        assert_eq!(demo, untouched, "a horizon of 0 days is not taken either");
    }

    #[test]
    fn a_length_that_cuts_a_character_in_two_reads_as_nothing() {
        // "é" is two bytes: a length of 1 ends inside it.
        assert_eq!(Reader("1:é").text(), None);
        assert_eq!(Reader("2:é").text(), Some("é"));
    }
}
