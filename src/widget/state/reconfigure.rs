//! A host's `update()` in the reducer: the new config's rows, with what the
//! visitor typed carried over and demo edits kept where the terms stayed.

use std::rc::Rc;

use super::{custom_horizon_field, State};
use crate::config::widget_config::{Mode, WidgetConfig};
use crate::engine::{Asset, AssetSpec};
use crate::widget::format::NumberStyle;
use crate::widget::row::Row;

impl State {
    /// Takes `config` from the host (`update()`), keeping what the visitor
    /// typed and, in demo mode, the edits of assets whose terms stayed.
    pub(super) fn reconfigure(&mut self, config: &WidgetConfig) {
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
                    row.typed = kept.typed;
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

#[cfg(test)]
mod tests {
    use super::super::test_kit::*;
    use super::super::*;

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
}
