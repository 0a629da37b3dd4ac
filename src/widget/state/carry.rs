//! The reducer's side of a carry-over (see [`crate::widget::carry_over`]):
//! what this widget hands the one replacing it, and what it takes over from
//! the one it replaces.

use std::rc::Rc;

use super::{Action, State};
use crate::engine::MAX_DAYS;
use crate::widget::carry_over::{CarryOver, RowInputs};
use crate::widget::estimate::EstimateEvent;
use crate::widget::field::Field;
use crate::widget::format::NumberStyle;

impl State {
    /// What a widget replacing this one takes over (see
    /// [`carry_over`](crate::widget::carry_over)); `storage_key` is where the
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
}
