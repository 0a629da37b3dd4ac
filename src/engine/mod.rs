//! The reward engine: pure, exact (`Decimal` and integers only, no float) and
//! free of any web dependency, so the widget and the CLI share every digit.
//!
//! - [`asset`]: validated asset definitions (flat APR or marginal tiers);
//! - [`day`]: one day from snapshots (average, status, payout);
//! - [`timeline`]: intraday balance changes sampled at snapshot times;
//! - [`projection`]: many days, with or without compounding;
//! - [`apy`]: APY if held, for display.

pub mod apy;
pub mod asset;
pub mod cohort;
pub mod day;
pub mod error;
mod exact;
pub mod projection;
pub mod quick;
pub mod timeline;
mod wide;

pub use apy::apy_if_held;
pub use asset::{Asset, AssetSpec, Rate, Tier};
pub use day::{day_from_balance, day_from_snapshots, DayResult, Status};
pub use error::{EngineError, Result};
pub use projection::{project, ProjectedDay, Projection, MAX_DAYS};
pub use timeline::{BalanceChange, Snapshot, TimeOfDay, Timeline};
