//! The status badge of a row and its one-line explanation (in demo mode,
//! after a rate change, the badge before it too). Badge texts carry the
//! keywords `minimum`, `cap`, `eligible` or `precision` in lower case.

use yew::prelude::*;

use super::amount::becomes_html;
use crate::engine::Status;

/// What a row's badge says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// No balance typed yet.
    Empty,
    /// Valid inputs the engine cannot estimate (numbers too large).
    NoEstimate,
    /// Average below the minimum.
    BelowMinimum,
    /// Average above the cap.
    Capped,
    /// Whole average earns.
    Eligible,
    /// Reward positive but rounds down to zero.
    BelowPrecision,
}

impl Badge {
    /// The badge for a day's status and precision flag.
    pub fn of(status: Status, below_precision: bool) -> Badge {
        match (status, below_precision) {
            (_, true) => Badge::BelowPrecision,
            (Status::BelowMinimum, _) => Badge::BelowMinimum,
            (Status::Capped, _) => Badge::Capped,
            (Status::Eligible, _) => Badge::Eligible,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Badge::Empty => "Enter a balance",
            Badge::NoEstimate => "No estimate",
            Badge::BelowMinimum => "Below minimum",
            Badge::Capped => "Over the cap",
            Badge::Eligible => "Fully eligible",
            Badge::BelowPrecision => "Below payout precision",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Badge::Empty | Badge::NoEstimate => "badge badge-empty",
            Badge::BelowMinimum => "badge badge-minimum",
            Badge::Capped => "badge badge-cap",
            Badge::Eligible => "badge badge-eligible",
            Badge::BelowPrecision => "badge badge-precision",
        }
    }
}

/// Props of [`StatusBadge`].
#[derive(Properties, PartialEq, Clone)]
pub struct StatusBadgeProps {
    /// Asset symbol (for the test hook).
    pub symbol: AttrValue,
    /// Which badge.
    pub badge: Badge,
    /// Demo mode: the badge under the configured rates, shown `before → `
    /// when it differs.
    #[prop_or_default]
    pub before: Option<Badge>,
    /// The one-line explanation.
    pub explanation: AttrValue,
}

/// Badge plus explanation.
#[function_component(StatusBadge)]
pub fn status_badge(props: &StatusBadgeProps) -> Html {
    html! {
        <div class="ss-status">
            if let Some(before) = props.before.filter(|b| *b != props.badge) {
                <span class={before.class()} data-testid={format!("status-before-{}", props.symbol)}>
                    { before.label() }
                </span>
                { becomes_html() }
            }
            // Live, politely: its text changes only when the status does
            // ("Over the cap"), unlike the explanation beside it.
            <span class={props.badge.class()} data-testid={format!("status-{}", props.symbol)} aria-live="polite">
                { props.badge.label() }
            </span>
            <p class="ss-explain">{ props.explanation.clone() }</p>
        </div>
    }
}
