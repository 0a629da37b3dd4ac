//! A loosely typed document (what JSON or a JavaScript object holds), read
//! through serde from `serde_json` (CLI), or walked directly from the
//! JavaScript value by the widget (`embed::config_value`). Parsing into
//! [`Loose`] first lets every later error name the exact field path
//! (`assets[2].tiers[0].apr`) instead of serde's generic messages.
//!
//! Numbers that are not safe integers are kept only as [`Loose::Number`]
//! without their value: money is never read from a binary float.

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::engine::EngineError;

/// Deepest nesting accepted (a config is four levels deep at most).
pub const MAX_DEPTH: usize = 32;

/// A loosely typed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Loose {
    /// `null` or absent/undefined.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number: a JSON integer within 64 bits, a JavaScript safe
    /// integer, or a `BigInt` within `i128`.
    Integer(i128),
    /// Any other number (fractional, huge, NaN or infinite): not read.
    Number,
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Loose>),
    /// An object, keys in document order.
    Object(Vec<(String, Loose)>),
}

impl Loose {
    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Loose::Null => "null",
            Loose::Bool(_) => "a boolean",
            Loose::Integer(_) | Loose::Number => "a number",
            Loose::Text(_) => "a string",
            Loose::List(_) => "an array",
            Loose::Object(_) => "an object",
        }
    }

    /// Reads any serde data format into a `Loose` (nesting limited to [`MAX_DEPTH`]).
    pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
        LooseSeed { depth: 0 }.deserialize(d)
    }
}

/// A view of a JSON object that tracks its path and which keys were read,
/// so that unknown keys and wrong types become precise errors.
pub struct Fields<'a> {
    path: String,
    entries: &'a [(String, Loose)],
}

impl<'a> Fields<'a> {
    /// Views `value` (at `path`) as an object, or errors.
    pub fn of(value: &'a Loose, path: &str) -> Result<Fields<'a>, EngineError> {
        match value {
            Loose::Object(entries) => Ok(Fields {
                path: path.to_string(),
                entries,
            }),
            other => Err(EngineError::new(
                path,
                format!("must be an object, not {}", other.kind()),
            )),
        }
    }

    /// Path of a member of this object.
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The member `key`, treating `null` as absent (keys are unique once
    /// [`Fields::check_keys`] has passed).
    pub fn get(&self, key: &str) -> Option<&'a Loose> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Loose::Null))
    }

    /// True when `key` is present, even as `null`.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    /// Errors on the first key not in `known`, or given more than once (JSON
    /// allows it, but which value counts is the reader's guess: a request
    /// with two `apr`s is refused rather than read one way).
    pub fn check_keys(&self, known: &[&str]) -> Result<(), EngineError> {
        for (i, (key, _)) in self.entries.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return Err(EngineError::new(
                    self.path_of(key),
                    format!("unknown field (expected one of: {})", known.join(", ")),
                ));
            }
            if self.entries[..i].iter().any(|(k, _)| k == key) {
                return Err(EngineError::new(
                    self.path_of(key),
                    "is given more than once (give each field once)",
                ));
            }
        }
        Ok(())
    }

    /// A required string member.
    pub fn text(&self, key: &str) -> Result<&'a str, EngineError> {
        match self.get(key) {
            Some(v) => as_text(v, &self.path_of(key)),
            None => Err(EngineError::new(self.path_of(key), "is required")),
        }
    }

    /// An optional string member.
    pub fn opt_text(&self, key: &str) -> Result<Option<&'a str>, EngineError> {
        self.get(key)
            .map(|v| as_text(v, &self.path_of(key)))
            .transpose()
    }

    /// An optional whole number within `range`.
    pub fn opt_integer(
        &self,
        key: &str,
        range: core::ops::RangeInclusive<i128>,
    ) -> Result<Option<i128>, EngineError> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        let path = self.path_of(key);
        let (lo, hi) = (*range.start(), *range.end());
        let bad = || {
            EngineError::new(
                path.clone(),
                format!("must be an integer from {lo} to {hi}"),
            )
        };
        match value {
            Loose::Integer(n) if range.contains(n) => Ok(Some(*n)),
            // The contract types these as JSON numbers; a string is refused
            // the way a decimal written as a number is.
            Loose::Text(_) => Err(EngineError::new(
                path.clone(),
                format!("must be an integer from {lo} to {hi} (a JSON number, not a string)"),
            )),
            _ => Err(bad()),
        }
    }

    /// An optional boolean member.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, EngineError> {
        match self.get(key) {
            None => Ok(None),
            Some(Loose::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(EngineError::new(
                self.path_of(key),
                format!("must be true or false, not {}", other.kind()),
            )),
        }
    }

    /// An optional array member.
    pub fn opt_list(&self, key: &str) -> Result<Option<&'a [Loose]>, EngineError> {
        match self.get(key) {
            None => Ok(None),
            Some(Loose::List(items)) => Ok(Some(items)),
            Some(other) => Err(EngineError::new(
                self.path_of(key),
                format!("must be an array, not {}", other.kind()),
            )),
        }
    }
}

/// `value` as a string, or an error naming `path`.
pub fn as_text<'a>(value: &'a Loose, path: &str) -> Result<&'a str, EngineError> {
    match value {
        Loose::Text(t) => Ok(t),
        other => Err(EngineError::new(
            path,
            format!("must be a string, not {}", other.kind()),
        )),
    }
}

struct LooseSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for LooseSeed {
    type Value = Loose;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(format!(
                "nested more than {MAX_DEPTH} levels deep"
            )));
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LooseSeed {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Integer(i128::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Integer(i128::from(v)))
    }
    // The signature is serde's; the binary float is dropped unread.
    fn visit_f64<E>(self, _unread: f64) -> Result<Loose, E> {
        Ok(Loose::Number)
    }
    fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(LooseSeed {
            depth: self.depth + 1,
        })? {
            items.push(item);
        }
        Ok(Loose::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(LooseSeed {
                depth: self.depth + 1,
            })?;
            entries.push((key, value));
        }
        Ok(Loose::Object(entries))
    }
}
