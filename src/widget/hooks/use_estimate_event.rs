//! The host hears about each new estimate: a row reports every estimate it
//! computes; the widget (which outlives its rows) sends `softstaking:estimate`
//! once per change of a symbol's balance or daily reward.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::request::fixed;
use crate::widget::carry_over::Announced;
use crate::widget::row::Row;

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

/// Reports each new estimate of `row` to `on_estimate`.
#[hook]
pub fn use_estimate_event(row: &Rc<Row>, on_estimate: &Callback<EstimateEvent>) {
    let on_estimate = on_estimate.clone();
    let sym = row.symbol().to_string();
    let pd = row.item.asset.payout_decimals();
    use_effect_with(row.estimate.clone(), move |estimate| {
        if let Some(e) = estimate {
            on_estimate.emit(EstimateEvent {
                symbol: sym,
                balance: e.opening.to_string(),
                daily_reward: fixed(e.day.reward, pd),
            });
        }
    });
}

/// What was last sent for each symbol: an estimate is news only when its
/// balance or daily reward differs.
#[derive(Default)]
pub struct SentEstimates(Vec<EstimateEvent>);

impl SentEstimates {
    /// What a widget this one replaces had already sent.
    pub fn from_announced(announced: &[Announced]) -> SentEstimates {
        SentEstimates(
            announced
                .iter()
                .map(|a| EstimateEvent {
                    symbol: a.symbol.clone(),
                    balance: a.balance.clone(),
                    daily_reward: a.daily_reward.clone(),
                })
                .collect(),
        )
    }

    /// What was sent, for a widget that replaces this one.
    pub fn announced(&self) -> Vec<Announced> {
        self.0
            .iter()
            .map(|e| Announced {
                symbol: e.symbol.clone(),
                balance: e.balance.clone(),
                daily_reward: e.daily_reward.clone(),
            })
            .collect()
    }

    /// Records `event`; true when it differs from the last one of its symbol.
    pub fn is_news(&mut self, event: &EstimateEvent) -> bool {
        match self.0.iter_mut().find(|e| e.symbol == event.symbol) {
            Some(last) if last == event => false,
            Some(last) => {
                *last = event.clone();
                true
            }
            None => {
                self.0.push(event.clone());
                true
            }
        }
    }
}
