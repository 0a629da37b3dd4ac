//! A number as a visitor types it in a locale: its digit groups and decimal
//! separator (`1.000,5` in de-DE), the digits an input method types in other
//! scripts, a percent sign; and whether a text not yet a number is one
//! being typed. The strict parser underneath is [`super::decimal`]'s.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::decimal::{parse_with, Separators};

/// Parses a balance typed the en-US way: like [`parse_decimal`](super::decimal::parse_decimal), but
/// thousands separators in the right places are accepted (`1,000,000.25`).
pub fn parse_typed_balance(text: &str) -> Result<Decimal, String> {
    parse_typed(text, Separators::COMMA_POINT)
}

/// The contract form of a decimal (`"1000.5"`) as a person of the locale
/// types it (`"1000,5"` in de-DE), so [`parse_typed`] reads it back.
pub fn typed_form(plain: &str, seps: Separators) -> String {
    if seps.decimal == '.' {
        plain.to_string()
    } else {
        plain.replace('.', &seps.decimal.to_string())
    }
}

/// Parses a number a visitor typed with a locale's separators, in any of the
/// forms [`ascii_form`] reads (full-width `１２３`, as a Japanese IME types;
/// Arabic-Indic `١٢٣`; Devanagari `१२३`).
pub fn parse_typed(text: &str, seps: Separators) -> Result<Decimal, String> {
    parse_with(&ascii_form(text, seps), seps)
}

/// True when `text`, not a number as it stands, is one being typed: a few
/// more digits make it one (`1,` and `1,00` of `1,000`, `.` of `.5`; in
/// de-DE `1.` of `1.000`). Such a field's error can wait for the visitor
/// to pause; `-5` or `12x` cannot become a balance, so theirs cannot (nor
/// can an empty field's here; an emptied intraday change is held back by
/// the row, see `Row::timeline`).
pub fn is_unfinished(text: &str, seps: Separators) -> bool {
    !text.trim().is_empty()
        && parse_typed(text, seps).is_err()
        && ["0", "00", "000"]
            .iter()
            .any(|more| parse_typed(&format!("{text}{more}"), seps).is_ok())
}

/// The first digit (zero) of each script whose digits [`ascii_form`] reads.
const ZEROS: [u32; 4] = [0xFF10, 0x0660, 0x06F0, 0x0966];

/// `text` as typed with an ASCII keyboard: the full-width forms an input
/// method types (`１２：００`, `５％`, `ＢＮＢ`) and other scripts' digits
/// (Arabic-Indic, Devanagari) in ASCII; the Arabic decimal and thousands
/// separators as the locale's (`seps`), its percent sign as `%`.
pub fn ascii_form(text: &str, seps: Separators) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            let code = u32::from(c);
            let digit = ZEROS.iter().find_map(|zero| {
                let d = code.checked_sub(*zero).filter(|d| *d < 10)?;
                u8::try_from(d).ok()
            });
            match (digit, c) {
                (Some(d), _) => char::from(b'0' + d),
                // The full-width forms of ASCII `!`–`~`, and the ideographic space.
                (None, '\u{FF01}'..='\u{FF5E}') => char::from_u32(code - 0xFEE0).unwrap_or(c),
                (None, '\u{3000}') => ' ',
                (None, '\u{066B}') => seps.decimal,
                (None, '\u{066C}') => seps.groups.first().copied().unwrap_or(','),
                (None, '\u{066A}') => '%',
                (None, other) => other,
            }
        })
        .collect::<String>()
        .into()
}

/// A typed percent (`1.5 %`, `５％`) as its number, in ASCII form, and
/// whether it ended in `%`: `("1.5", true)`.
pub fn split_percent(text: &str, seps: Separators) -> (String, bool) {
    let text = ascii_form(text, seps);
    let trimmed = text.trim_end();
    match trimmed.strip_suffix('%') {
        Some(number) => (number.trim_end().to_string(), true),
        None => (trimmed.to_string(), false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_being_typed_is_unfinished_one_that_cannot_become_one_is_not() {
        let us = |t| is_unfinished(t, Separators::COMMA_POINT);
        let de = |t| is_unfinished(t, Separators::POINT_COMMA);
        let inr = |t| is_unfinished(t, Separators::COMMA_POINT_LAKH);
        // On the way to 1,000 / .5 / 12,345.
        for typed in ["1,", "1,0", "1,00", ".", "12,3", "12,34"] {
            assert!(us(typed), "{typed}");
        }
        // Numbers already, or never numbers: a sign, a letter, a second point,
        // a group of the wrong size, a group separator after the point.
        for typed in [
            "", "1", "1,000", "0.5", "-", "-5", "12x", "1.2.", "1,2,3", "1.5,", "1,0000",
        ] {
            assert!(!us(typed), "{typed}");
        }
        // de-DE groups with '.', so "1." is on its way to 1.000.
        assert!(de("1."));
        assert!(de(","));
        assert!(!de("1,5"));
        // en-IN: 1,00,000 (a lakh).
        assert!(inr("1,00,"));
    }
}
