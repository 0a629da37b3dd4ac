//! Demo mode's shared scenarios in the reducer: applying a link's scenario
//! to the rows it names, and the scenario that reproduces the state.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::{custom_horizon_field, State};
use crate::config::scenario::{short, AssetScenario, Scenario};
use crate::config::typed_number::typed_form;
use crate::engine::MAX_DAYS;
use crate::widget::field::Field;
use crate::widget::format::count;

impl State {
    /// Applies what fits this widget; says what it left out (the parts that
    /// could not be read, a horizon out of range, a symbol it does not list,
    /// tiers that do not match).
    pub(super) fn apply_scenario(&mut self, scenario: Scenario, unreadable: Vec<String>) {
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
}

#[cfg(test)]
mod tests {
    use super::super::test_kit::*;
    use super::super::*;
    #[cfg(feature = "demo")]
    use crate::config::scenario::AssetScenario;

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
}
