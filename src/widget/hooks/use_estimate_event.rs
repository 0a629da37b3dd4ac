//! The host hears about each new estimate: a row reports every estimate it
//! computes; the widget (which outlives its rows) sends `softstaking:estimate`
//! once per change of a symbol's balance or daily reward.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::request::fixed;
use crate::widget::row::Row;

pub use crate::widget::estimate::EstimateEvent;

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
    pub fn from_announced(announced: &[EstimateEvent]) -> SentEstimates {
        SentEstimates(announced.to_vec())
    }

    /// What was sent, for a widget that replaces this one.
    pub fn announced(&self) -> Vec<EstimateEvent> {
        self.0.clone()
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
