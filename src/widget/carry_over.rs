//! What a visitor set up in a widget, carried into the widget that replaces
//! it when the host's `update()` moves a visitor's widget to demo mode (the
//! demo build then mounts in its place, see `www/embed.js`): the balances and
//! intraday changes as typed, the horizon, compounding, the open row and the
//! estimates already announced to the host. It crosses from one WebAssembly
//! module to the other as one string ([`CarryOver::encode`]).

/// One row's inputs, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RowInputs {
    /// The row's asset symbol.
    pub symbol: String,
    /// The balance field.
    pub balance: String,
    /// The intraday changes: time and balance fields.
    pub changes: Vec<(String, String)>,
}

/// One estimate announced to the host (`softstaking:estimate`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Announced {
    /// Asset symbol.
    pub symbol: String,
    /// Opening balance, as sent.
    pub balance: String,
    /// Daily reward, as sent.
    pub daily_reward: String,
}

/// Everything a replacing widget takes over.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CarryOver {
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
    pub announced: Vec<Announced>,
}

/// Marks the format: a string from another release is not read.
const FORMAT: &str = "carry-1";

impl CarryOver {
    /// The carry-over as one string: length-prefixed fields (`5:hello`), so
    /// any text a visitor typed travels unchanged.
    pub fn encode(&self) -> String {
        let mut w = Writer(String::new());
        w.text(FORMAT);
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
                changes: Vec::new(),
            };
            for _ in 0..r.num()? {
                row.changes.push((r.string()?, r.string()?));
            }
            carry.rows.push(row);
        }
        for _ in 0..r.num()? {
            carry.announced.push(Announced {
                symbol: r.string()?,
                balance: r.string()?,
                daily_reward: r.string()?,
            });
        }
        r.0.is_empty().then_some(carry)
    }
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
                },
                RowInputs {
                    symbol: "SOL".into(),
                    balance: "".into(),
                    changes: vec![],
                },
            ],
            announced: vec![Announced {
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
        assert_eq!(carry.encode(), "7:carry-12:en1:72:301:-1:01:-1:01:0");
    }

    #[test]
    fn anything_else_reads_as_nothing() {
        let good = sample().encode();
        for bad in [
            "",
            "carry-1",
            "7:carry-2",
            "x:carry-1",
            "99:carry-1",
            &good[..good.len() - 1],
            &format!("{good}1:x"),
            &good.replacen("1:1", "1:2", 1),
        ] {
            assert_eq!(CarryOver::decode(bad), None, "{bad:?}");
        }
    }

    // Through the widget's state: what one widget carries, another takes over.

    use crate::config::loose::Loose;
    use crate::config::widget_config::WidgetConfig;
    use crate::widget::state::{Action, Activation, State};

    fn config(json: &str) -> WidgetConfig {
        let mut reader = serde_json::Deserializer::from_str(json);
        let loose = Loose::from_deserializer(&mut reader).expect("JSON");
        WidgetConfig::parse(&loose).expect("a valid config")
    }

    /// FIVE (5 %, no minimum, capped at 1,000) and SOL, in `mode` and `locale`,
    /// configured for `horizon` days.
    fn two_assets(mode: &str, locale: &str, horizon: u32) -> State {
        let json = format!(
            r#"{{ "mode": "{mode}", "locale": "{locale}", "horizon_days": {horizon}, "assets": [
                {{ "symbol": "FIVE", "apr": "0.05", "min_amount": "0", "max_cap": "1000" }},
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
        let text = from.carry_over(Vec::new()).encode();
        to.take_over(&CarryOver::decode(&text).expect("reads back"));
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
        // And the demo tools start from the config.
        assert!(row.edits().is_some());
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
            }],
            ..CarryOver::default()
        };
        let mut demo = two_assets("demo", "en-US", 30);
        let untouched = demo.clone();
        demo.take_over(&carry);
        assert_eq!(demo, untouched, "a horizon of 0 days is not taken either");
    }

    #[test]
    fn a_length_that_cuts_a_character_in_two_reads_as_nothing() {
        // "é" is two bytes: a length of 1 ends inside it.
        assert_eq!(Reader("1:é").text(), None);
        assert_eq!(Reader("2:é").text(), Some("é"));
    }
}
