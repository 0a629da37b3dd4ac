//! The host hears about each new estimate: a row's `softstaking:estimate`
//! event, fired once per change of the balance or the daily reward.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::request::fixed;
use crate::widget::row::Row;

/// A row's new estimate, for the `softstaking:estimate` event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateEvent {
    /// Asset symbol.
    pub symbol: String,
    /// Balance typed (decimal string).
    pub balance: String,
    /// Daily payout with its payout decimals.
    pub daily_reward: String,
}

/// Fires `softstaking:estimate` when the balance or the daily reward changes.
#[hook]
pub fn use_estimate_event(row: &Rc<Row>, on_estimate: &Callback<EstimateEvent>) {
    let last = use_mut_ref(|| None::<(String, String)>);
    let on_estimate = on_estimate.clone();
    let sym = row.symbol().to_string();
    let pd = row.item.asset.payout_decimals();
    use_effect_with(row.estimate.clone(), move |estimate| {
        if let Some(e) = estimate {
            let current = (e.opening.to_string(), fixed(e.day.reward, pd));
            let mut previous = last.borrow_mut();
            if previous.as_ref() != Some(&current) {
                on_estimate.emit(EstimateEvent {
                    symbol: sym.clone(),
                    balance: current.0.clone(),
                    daily_reward: current.1.clone(),
                });
                *previous = Some(current);
            }
        }
    });
}
