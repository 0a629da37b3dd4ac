//! The reward engine: pure, exact (`Decimal` and integers only, no float) and
//! free of any web dependency, so the widget and the CLI share every digit.
//!
//! - [`asset`]: validated asset definitions (flat APR or marginal tiers);
//! - [`day`]: one day from snapshots (average, status, payout);
//! - [`timeline`]: intraday balance changes sampled at snapshot times;
//! - [`projection`]: many days, with or without compounding;
//! - [`apy`]: APY if held, for display;
//! - [`fiat`]: fiat values (amount × price, rounded to cents once), for display;
//! - [`cohort`]: many holdings' payouts totalled (demo mode's cohorts),
//!   through [`quick`], an allocation-free path for a balance held all day
//!   that falls back to the exact one.
//!
//! The spec's worked examples (PRODUCT.md §1–2), as a caller uses the engine:
//!
//! ```
//! use rust_decimal::Decimal;
//! use soft_staking::engine::{day_from_balance, project, Asset, AssetSpec, Rate, Status, Tier};
//!
//! let d = |s: &str| s.parse::<Decimal>().unwrap();
//!
//! // 1,000 tokens at 5%: 1000 × 0.05 ÷ 365 = 0.136986301369…, paid rounded down.
//! let bnb = Asset::new(AssetSpec::flat("BNB", d("0.05")))?;
//! let day = day_from_balance(&bnb, d("1000"))?;
//! assert_eq!(day.status, Status::Eligible);
//! assert_eq!(day.reward.to_string(), "0.13698630");
//!
//! // Compounding: day 1's payout is held from day 2 on, so day 2 earns on
//! // 1000.13698630 → 0.13700506; the total is 0.27399136.
//! let two_days = project(&bnb, &[d("1000")], 2, true)?;
//! assert_eq!(two_days.days[1].reward.to_string(), "0.13700506");
//! assert_eq!(two_days.total_reward.to_string(), "0.27399136");
//!
//! // Marginal tiers: 12% up to 500, 0.8% up to 5,000, 0.3% above; 10,000 USDT
//! // earn 500×0.12/365 + 4500×0.008/365 + 5000×0.003/365 = 0.30410958… a day.
//! let tier = |up_to: Option<&str>, apr: &str| Tier { up_to: up_to.map(d), apr: d(apr) };
//! let mut usdt = AssetSpec::flat("USDT", Decimal::ZERO);
//! usdt.rate = Rate::Tiered(vec![
//!     tier(Some("500"), "0.12"),
//!     tier(Some("5000"), "0.008"),
//!     tier(None, "0.003"),
//! ]);
//! let usdt = Asset::new(usdt)?;
//! assert_eq!(day_from_balance(&usdt, d("10000"))?.reward.to_string(), "0.30410958");
//!
//! // Bad input is an error value naming the field, never a panic.
//! let error = day_from_balance(&bnb, d("-1")).unwrap_err();
//! assert_eq!(error.field, "balance");
//! # Ok::<(), soft_staking::engine::EngineError>(())
//! ```

pub mod apy;
pub mod asset;
pub(crate) mod checked;
pub mod cohort;
pub mod day;
pub mod error;
mod exact;
pub mod fiat;
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
