//! The one error type of the engine: a value, never a panic, that names the
//! field it is about (`apr`, `tiers[1].up_to`, `snapshots[3]`, `days`, …).

use core::fmt;

/// An invalid input or an out-of-range result, with the field it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EngineError {
    /// Path of the offending field, e.g. `assets[2].tiers[0].apr`.
    pub field: String,
    /// What is wrong with it, in plain words.
    pub message: String,
}

impl EngineError {
    /// An error about `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        EngineError {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same error seen from an enclosing object: `prefix.field`
    /// (or `prefix[i]`-style when the field starts with `[`).
    pub fn within(mut self, prefix: &str) -> Self {
        if prefix.is_empty() {
            return self;
        }
        self.field = if self.field.is_empty() {
            prefix.to_string()
        } else if self.field.starts_with('[') {
            format!("{prefix}{}", self.field)
        } else {
            format!("{prefix}.{}", self.field)
        };
        self
    }
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for EngineError {}

/// The engine's result type.
pub type Result<T> = core::result::Result<T, EngineError>;
