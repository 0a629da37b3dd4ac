//! A field as the visitor typed it: its text, what is wrong with it, and
//! whether it is still being typed (its error can wait for a pause).

use crate::config::decimal::Separators;
use crate::config::typed_number::{parse_typed, split_percent, typed_form};

/// Text typed into a field and what is wrong with it, if anything.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Field {
    /// The text as typed.
    pub text: String,
    /// Error shown inline, if the text is not valid.
    pub error: Option<String>,
    /// The text, not valid as it stands, may become valid as the visitor
    /// types on (`1,` of `1,000`, `21:` of `21:30`, an emptied intraday
    /// change): its error can wait for a pause in typing (see
    /// [`Field::error_to_show`]).
    pub unfinished: bool,
}

impl Field {
    /// A field holding `text`, not yet checked.
    pub fn new(text: impl Into<String>) -> Field {
        Field {
            text: text.into(),
            error: None,
            unfinished: false,
        }
    }

    /// Parses the text with `parse`, recording its error on the field (or
    /// clearing it); the value when valid.
    pub fn check<T>(&mut self, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        self.unfinished = false;
        match parse(&self.text) {
            Ok(v) => {
                self.error = None;
                Some(v)
            }
            Err(why) => {
                self.error = Some(why);
                None
            }
        }
    }

    /// As [`Field::check`], and records whether invalid text is
    /// `unfinished`, one being typed.
    pub fn check_typed<T>(
        &mut self,
        parse: impl FnOnce(&str) -> Result<T, String>,
        unfinished: impl FnOnce(&str) -> bool,
    ) -> Option<T> {
        let value = self.check(parse);
        self.unfinished = value.is_none() && unfinished(&self.text);
        value
    }

    /// The error to show now: none while the visitor is `typing_here` text
    /// that is unfinished, whose error waits for a pause in typing (see
    /// `use_typing_pause`).
    pub fn error_to_show(&self, typing_here: bool) -> Option<&str> {
        let error = self.error.as_deref()?;
        (!(typing_here && self.unfinished)).then_some(error)
    }

    /// Rewrites the text for a locale that types numbers with `to` instead
    /// of `from` (`1.000,5` becomes `1000.5`); a trailing `%` stays. Text
    /// that does not read as a number under `from` stays as typed.
    pub fn retype(&mut self, from: Separators, to: Separators) {
        if from == to {
            return;
        }
        let (number, percent) = split_percent(&self.text, from);
        if let Ok(value) = parse_typed(&number, from) {
            self.text = typed_form(&value.to_string(), to) + if percent { "%" } else { "" };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retyped(text: &str, from: Separators, to: Separators) -> String {
        let mut field = Field::new(text);
        field.retype(from, to);
        field.text
    }

    #[test]
    fn retype_keeps_the_number_in_the_new_form() {
        let (de, en, fr) = (
            Separators::POINT_COMMA,
            Separators::COMMA_POINT,
            Separators::SPACE_COMMA,
        );
        assert_eq!(retyped("1.000,5", de, en), "1000.5");
        assert_eq!(retyped("1,000.5", en, de), "1000,5");
        assert_eq!(retyped("1 000,25", fr, de), "1000,25");
        assert_eq!(retyped("12,5 %", de, en), "12.5%");
        // Same separators: left exactly as typed.
        assert_eq!(retyped("1.000,5 ", de, de), "1.000,5 ");
        // Not a number under the old locale: left as typed (its error stays).
        assert_eq!(retyped("12abc", de, en), "12abc");
        assert_eq!(retyped("", de, en), "");
    }
}
