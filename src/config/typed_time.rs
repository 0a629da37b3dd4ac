//! A time of day as a visitor types it into the intraday editor: `06:30`,
//! `6:30`, `0630`, `630`, or a whole hour `7` (07:00). The CLI and share
//! links keep the strict `HH:MM` of the contract.

use super::decimal::Separators;
use super::typed_number::ascii_form;
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

/// True when `text`, not a time as it stands, is one being typed: `21:` and
/// `21:3` of `21:30`, `24` of `245` (02:45). Such a field's error can wait
/// for the visitor to pause; `25:00` or `noon` cannot become a time, so
/// theirs cannot (nor can an empty field's here; an emptied intraday change
/// is held back by the row, see `Row::timeline`).
///
/// Two more characters always suffice: after a `:` at most the two minute
/// digits are missing, and without one a time is at most four digits, of
/// which one or two are already an hour; so trying every one- and
/// two-character ending decides it.
pub fn is_unfinished_time(text: &str) -> bool {
    const NEXT: [char; 11] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':'];
    let time = |more: &str| parse_typed_time(&format!("{text}{more}")).is_some();
    !text.trim().is_empty()
        && parse_typed_time(text).is_none()
        && NEXT
            .iter()
            .any(|a| time(&a.to_string()) || NEXT.iter().any(|b| time(&format!("{a}{b}"))))
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
    fn a_time_being_typed_is_unfinished_one_that_cannot_become_one_is_not() {
        // Beginnings of 21:30, 6:30 and 2:45 typed as 245 (the valid
        // beginnings 2, 21, 6 are times already).
        for typed in ["21:", "21:3", "6:", "6:3", "24", "２１：", "0:"] {
            assert!(is_unfinished_time(typed), "{typed:?}");
        }
        // 25:00 and 2460 are not times, nor is anything longer; 99 cannot
        // become one (09:9x, 99:xx); nor can words; a valid time or an
        // empty field is not unfinished.
        for typed in [
            "25:00", "25:", "2460", "12345", "99", "6:300", "7:6x", "noon", "6.3", "-1", "", " ",
            "21:30", "7", "630",
        ] {
            assert!(!is_unfinished_time(typed), "{typed:?}");
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
