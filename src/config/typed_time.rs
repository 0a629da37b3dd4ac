//! A time of day as a visitor types it into the intraday editor: `06:30`,
//! `6:30`, `0630`, `630`, or a whole hour `7` (07:00). The CLI and share
//! links keep the strict `HH:MM` of the contract.

use super::decimal::{ascii_form, Separators};
use crate::engine::TimeOfDay;

/// The time `text` means (surrounding spaces ignored; full-width and other
/// scripts' digits read as 0-9, see [`ascii_form`]), or `None`.
pub fn parse_typed_time(text: &str) -> Option<TimeOfDay> {
    let text = ascii_form(text, Separators::PLAIN);
    let text = text.trim();
    if !text.is_ascii() {
        // Digits and ':' only; and byte positions below are char boundaries.
        return None;
    }
    let (hours, minutes) = match text.split_once(':') {
        Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        Some(_) => return None,
        None => match text.len() {
            1 | 2 => (text, "00"),
            3 | 4 => text.split_at(text.len() - 2),
            _ => return None,
        },
    };
    let number = |digits: &str| {
        digits.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    TimeOfDay::new(number(hours)?, number(minutes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        parse_typed_time(text).map(|t| t.to_string())
    }

    #[test]
    fn the_usual_ways_of_writing_a_time() {
        for (typed, time) in [
            ("06:30", "06:30"),
            ("6:30", "06:30"),
            (" 6:30 ", "06:30"),
            ("0630", "06:30"),
            ("630", "06:30"),
            ("7", "07:00"),
            ("07", "07:00"),
            ("0", "00:00"),
            ("23:59", "23:59"),
            ("2359", "23:59"),
            // Full width, as an IME types; Arabic-Indic digits.
            ("１２：００", "12:00"),
            ("６:30", "06:30"),
            ("٠٦:٣٠", "06:30"),
        ] {
            assert_eq!(at(typed).as_deref(), Some(time), "{typed:?}");
        }
    }

    #[test]
    fn out_of_range_or_malformed_times_are_refused() {
        for typed in [
            "", ":", "24", "24:00", "7:60", "760", "6:3", "06:300", "123:00", "12345", "-1", "+7",
            "6h30", "6.30", "1e2", "¹²:00", "๖:30",
        ] {
            assert_eq!(at(typed), None, "{typed:?}");
        }
    }
}
