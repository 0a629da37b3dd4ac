//! The config layer: everything that turns outside input (JSON documents,
//! JavaScript objects, text typed into the widget) into validated engine
//! types, with errors that name the field.

pub mod asset;
pub mod cohort_csv;
pub mod currency;
pub mod decimal;
pub mod locale;
pub mod loose;
pub mod request;
pub mod samples;
pub mod scenario;
pub mod typed_number;
pub mod typed_time;
pub mod widget_config;

pub use loose::Loose;
