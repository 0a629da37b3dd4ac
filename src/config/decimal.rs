//! Strict decimal parsing: ASCII digits with at most one decimal separator
//! (and, for numbers a visitor types, the locale's digit grouping; see
//! [`super::typed_number`] for the rest of what they type), no sign, no
//! exponent, no float detour. A contract value (config, CLI, cohort CSV)
//! takes plain digits only. Every rejection says why, in words a person
//! typing a balance understands.

use rust_decimal::Decimal;

/// Most decimals a value may carry (a `Decimal`'s limit).
pub const MAX_SCALE: u32 = 28;

/// Largest `Decimal` mantissa (2^96 − 1).
const MAX_MANTISSA: u128 = (1u128 << 96) - 1;

/// The separators a person may type in a balance, by locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separators {
    /// The decimal separator (`.` in en-US, `,` in de-DE).
    pub decimal: char,
    /// Characters accepted between digit groups (of three; see `lakh`).
    pub groups: &'static [char],
    /// Indian grouping (`12,34,567`) is accepted too.
    pub lakh: bool,
}

impl Separators {
    /// Contract values: `.` only, no grouping.
    pub const PLAIN: Separators = Separators {
        decimal: '.',
        groups: &[],
        lakh: false,
    };
    /// `1,000,000.25` (en-US and most English locales).
    pub const COMMA_POINT: Separators = Separators {
        decimal: '.',
        groups: &[','],
        lakh: false,
    };
    /// `1.000.000,25` (de-DE, es-ES, …).
    pub const POINT_COMMA: Separators = Separators {
        decimal: ',',
        groups: &['.'],
        lakh: false,
    };
    /// `1 000 000,25` (fr-FR, ru-RU, …; any space character groups).
    pub const SPACE_COMMA: Separators = Separators {
        decimal: ',',
        groups: &[' ', '\u{a0}', '\u{202f}'],
        lakh: false,
    };
    /// `10,00,000.25` or `1,000,000.25` (en-IN, hi-IN, …).
    pub const COMMA_POINT_LAKH: Separators = Separators {
        decimal: '.',
        groups: &[','],
        lakh: true,
    };
    /// `1'000'000.25` (de-CH; the typographic `’` too).
    pub const APOSTROPHE_POINT: Separators = Separators {
        decimal: '.',
        groups: &['\'', '\u{2019}'],
        lakh: false,
    };
}

/// Parses a non-negative decimal string (contract form: `"1000"`, `"0.05"`:
/// nothing around the digits, not even spaces).
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let trimmed = text.trim();
    if trimmed.len() != text.len() && !trimmed.is_empty() {
        return Err("must not contain spaces".into());
    }
    parse_with(text, Separators::PLAIN)
}

/// Parses ASCII digits with `seps`: what [`parse_decimal`] and, after
/// [`ascii_form`](super::typed_number::ascii_form),
/// [`parse_typed`](super::typed_number::parse_typed) share.
pub(crate) fn parse_with(text: &str, seps: Separators) -> Result<Decimal, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!(
            "is empty: enter a number such as 1000 or 0{}5",
            seps.decimal
        ));
    }
    let lower = text.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "nan" | "inf" | "+inf" | "-inf" | "infinity" | "+infinity" | "-infinity"
    ) {
        return Err("must be a finite number".into());
    }
    if let Some(rest) = text.strip_prefix('-') {
        if rest.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            return Err("must not be negative".into());
        }
        if !rest.bytes().any(|b| b.is_ascii_digit()) {
            return Err("is not a number".into());
        }
    }
    if text.starts_with(['+', '-']) {
        return Err("must be written without a sign".into());
    }
    if has_unit(text) {
        return Err("must be the number alone (no currency, token or other word)".into());
    }
    digits_to_decimal(&normalize(text, seps)?, seps.decimal)
}

/// Currency signs people paste with an amount.
const CURRENCY_SIGNS: &[char] = &[
    '$', '€', '£', '¥', '￥', '₹', '₩', '₽', '₺', '₫', '฿', '¢', '₿', '₪', '₦', '₱',
];

/// Whether `text` is a number with a currency or token symbol before or after
/// it, as pasted from elsewhere: `R$ 1.234,50`, `1.000 €`, `CHF 1'234.50`,
/// `1000 BNB`, `1000BNB`. A unit is a sign, or a word of two Latin letters
/// or more (currency codes and tickers) set apart by a space or written in
/// capitals; `1e5`, `5x` or `1000abc` are other mistakes. (ASCII tests only:
/// Unicode's letter tables would cost the bundle kilobytes.)
fn has_unit(text: &str) -> bool {
    let unit_char = |c: char| c.is_ascii_alphabetic() || CURRENCY_SIGNS.contains(&c);
    let around = |c: char| unit_char(c) || c.is_whitespace();
    let after_start = text.trim_start_matches(around);
    let before_end = text.trim_end_matches(around);
    let number = after_start.trim_end_matches(around);
    if number.is_empty() || number.contains(unit_char) {
        return false;
    }
    let start = &text[..text.len() - after_start.len()];
    let end = &text[before_end.len()..];
    let is_unit = |unit: &str, apart: bool| {
        let letters = unit.bytes().filter(u8::is_ascii_alphabetic).count();
        unit.contains(|c| CURRENCY_SIGNS.contains(&c))
            || (letters >= 2 && (apart || !unit.bytes().any(|b| b.is_ascii_lowercase())))
    };
    is_unit(start.trim(), start.ends_with(char::is_whitespace))
        || is_unit(end.trim(), end.starts_with(char::is_whitespace))
}

/// Rewrites `text` to plain `digits[.digits]`: checks and removes the group
/// separators, turns the locale's decimal separator into `.`.
fn normalize(text: &str, seps: Separators) -> Result<String, String> {
    let mut parts = text.split(seps.decimal);
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let point_name = if seps.decimal == '.' {
        "decimal point"
    } else {
        "decimal comma"
    };
    if parts.next().is_some() {
        let second = frac.unwrap_or("");
        let looks_grouped = second.len() == 3 && second.bytes().all(|b| b.is_ascii_digit());
        return Err(if seps.groups.is_empty() && looks_grouped {
            // The contract form (a config, a cohort CSV) has no digit groups.
            format!("has more than one {point_name} (write it plainly, such as 1234567.5)")
        } else {
            format!("has more than one {point_name}")
        });
    }
    let other_point = if seps.decimal == '.' { ',' } else { '.' };
    if let Some(f) = frac {
        if let Some(c) = f
            .chars()
            .find(|c| seps.groups.contains(c) || *c == other_point)
        {
            return Err(format!("has a '{c}' after the {point_name}"));
        }
    }
    let int = if int.contains(|c| seps.groups.contains(&c)) {
        let groups: Vec<&str> = int.split(|c| seps.groups.contains(&c)).collect();
        let thousands =
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        // Lakh: the last group three digits, those before it two (`12,34,567`).
        let lakh = seps.lakh
            && (1..=2).contains(&groups[0].len())
            && groups.last().is_some_and(|g| g.len() == 3)
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
        if !thousands && !lakh {
            return Err(format!(
                "has a misplaced '{}' (use it only between groups of {} digits)",
                seps.groups.first().copied().unwrap_or(','),
                if seps.lakh { "two or three" } else { "three" }
            ));
        }
        groups.concat()
    } else {
        int.to_string()
    };
    if int.contains(other_point) && !seps.groups.contains(&other_point) {
        return Err(if seps.groups.is_empty() {
            "must use '.' as the decimal point and no thousands separators".into()
        } else {
            format!("must use '{}' as the decimal separator", seps.decimal)
        });
    }
    Ok(match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    })
}

/// Reads plain `digits[.digits]`; `decimal` is the separator the person
/// typed (for the messages).
fn digits_to_decimal(body: &str, decimal: char) -> Result<Decimal, String> {
    let not_a_number = || format!("is not a number (use digits and one '{decimal}')");
    let mut mantissa: u128 = 0;
    let mut scale: u32 = 0;
    let mut seen_point = false;
    let mut seen_digit = false;
    // Fractional zeros not yet added to the mantissa: trailing zeros past the
    // 28th decimal are dropped instead of rejected.
    let mut pending_zeros: u32 = 0;
    for ch in body.chars() {
        match ch {
            '0'..='9' => {
                seen_digit = true;
                let digit = ch as u32 - '0' as u32;
                if seen_point && digit == 0 {
                    pending_zeros += 1;
                    continue;
                }
                for _ in 0..pending_zeros {
                    mantissa = mantissa
                        .checked_mul(10)
                        .ok_or_else(|| too_large(seen_point, decimal))?;
                }
                if seen_point {
                    scale += pending_zeros + 1;
                    if scale > MAX_SCALE {
                        return Err(format!("has more than {MAX_SCALE} decimals"));
                    }
                }
                pending_zeros = 0;
                mantissa = mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u128::from(digit)))
                    .ok_or_else(|| too_large(seen_point, decimal))?;
            }
            '.' if seen_point => return Err("has more than one decimal point".into()),
            '.' => seen_point = true,
            'e' | 'E' if seen_digit => {
                return Err("must be written out in full (no exponent such as 1e5)".into())
            }
            ',' => return Err("must use '.' as the decimal point".into()),
            c if c.is_whitespace() => return Err("must not contain spaces".into()),
            c if c.is_numeric() => {
                return Err("must use the digits 0-9 only".into());
            }
            _ => return Err(not_a_number()),
        }
    }
    if !seen_digit {
        return Err(not_a_number());
    }
    // Keep trailing fractional zeros ("1.50") while they fit: same value.
    while pending_zeros > 0 && scale < MAX_SCALE {
        match mantissa.checked_mul(10).filter(|m| *m <= MAX_MANTISSA) {
            Some(m) => mantissa = m,
            None => break,
        }
        scale += 1;
        pending_zeros -= 1;
    }
    let signed = i128::try_from(mantissa).map_err(|_| too_large(seen_point, decimal))?;
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| too_large(seen_point, decimal))
}

/// Over the `Decimal` limit (a mantissa below 2^96: 29 digits, 28 of them
/// free). With a fraction (`fraction`), the trouble is the number of digits,
/// which is what the person needs to hear.
fn too_large(fraction: bool, decimal: char) -> String {
    if fraction {
        format!(
            "is too large for a decimal: too many digits (without the '{decimal}' at most 79228162514264337593543950335)"
        )
    } else {
        "is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"
            .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::typed_number::{parse_typed, parse_typed_balance, typed_form};

    #[test]
    fn accepts_plain_decimals() {
        assert_eq!(parse_decimal("1000").unwrap().to_string(), "1000");
        assert_eq!(parse_decimal("0.05").unwrap().to_string(), "0.05");
        assert_eq!(parse_decimal("1.50").unwrap().to_string(), "1.50");
        // A typed balance may carry spaces around it; a contract value not.
        assert_eq!(parse_typed_balance(" 1.50 ").unwrap().to_string(), "1.50");
        assert_eq!(
            parse_decimal(" 1.50 ").unwrap_err(),
            "must not contain spaces"
        );
        assert_eq!(parse_decimal(".5").unwrap().to_string(), "0.5");
        // 30 trailing zeros: the 28 a Decimal holds are kept, the rest dropped.
        assert_eq!(
            parse_decimal("1.000000000000000000000000000000")
                .unwrap()
                .to_string(),
            format!("1.{}", "0".repeat(28))
        );
    }

    #[test]
    fn rejects_with_reasons() {
        assert_eq!(parse_decimal("-1").unwrap_err(), "must not be negative");
        assert_eq!(parse_decimal("-0.001").unwrap_err(), "must not be negative");
        // Minus zero is not negative: the sign itself is what is wrong.
        for zero in ["-0", "-0.00", "+0"] {
            assert_eq!(
                parse_decimal(zero).unwrap_err(),
                "must be written without a sign"
            );
        }
        assert!(parse_decimal("1e5").unwrap_err().contains("exponent"));
        assert!(parse_decimal("1.2.3")
            .unwrap_err()
            .contains("more than one decimal point"));
        assert!(parse_decimal("1,000").unwrap_err().contains("thousands"));
        assert!(parse_decimal("NaN").unwrap_err().contains("finite"));
        assert!(parse_decimal("abc").unwrap_err().contains("not a number"));
        assert!(parse_decimal("١٢").unwrap_err().contains("0-9"));
        assert!(parse_decimal(&"9".repeat(40))
            .unwrap_err()
            .contains("too large"));
        assert!(parse_decimal("0.00000000000000000000000000001")
            .unwrap_err()
            .contains("decimals"));
    }

    #[test]
    fn a_pasted_currency_or_token_symbol_is_named_as_the_problem() {
        const UNIT: &str = "must be the number alone (no currency, token or other word)";
        let de = |t| parse_typed(t, Separators::POINT_COMMA);
        for pasted in ["R$ 1.234,50", "1.000 €", "1000 BNB", "EUR 12"] {
            assert_eq!(de(pasted).unwrap_err(), UNIT, "{pasted}");
        }
        let ch = |t| parse_typed(t, Separators::APOSTROPHE_POINT);
        assert_eq!(ch("CHF 1'234.50").unwrap_err(), UNIT);
        for pasted in ["₹1,234.50", "￥1,235", "$5", "1000BNB", "1000 usdt"] {
            assert_eq!(parse_typed_balance(pasted).unwrap_err(), UNIT, "{pasted}");
        }
        // Not a unit: a lone letter (a typo, an exponent), lower-case letters
        // stuck to the digits, words alone, a script.
        assert!(parse_typed_balance("1e5").unwrap_err().contains("exponent"));
        assert!(parse_typed_balance("1000abc")
            .unwrap_err()
            .contains("not a number"));
        assert!(parse_typed_balance("5x")
            .unwrap_err()
            .contains("not a number"));
        assert!(parse_typed_balance("abc")
            .unwrap_err()
            .contains("not a number"));
        assert!(parse_decimal("<b>2</b>")
            .unwrap_err()
            .contains("not a number"));
    }

    #[test]
    fn digits_of_other_scripts_are_typed_digits_not_contract_ones() {
        let ja = |t| parse_typed(t, Separators::COMMA_POINT);
        // Full width, as a Japanese IME types: "１，２３４．５" is 1,234.5.
        assert_eq!(ja("１，２３４．５").unwrap().to_string(), "1234.5");
        assert_eq!(ja("１０００").unwrap().to_string(), "1000");
        // Arabic-Indic with the Arabic separators; Extended Arabic-Indic; Devanagari.
        assert_eq!(ja("١٬٢٣٤٫٥").unwrap().to_string(), "1234.5");
        assert_eq!(ja("۱۲۳").unwrap().to_string(), "123");
        assert_eq!(ja("१०००").unwrap().to_string(), "1000");
        // In a decimal-comma locale the Arabic decimal separator is its comma.
        let de = |t| parse_typed(t, Separators::POINT_COMMA);
        assert_eq!(de("١٬٢٣٤٫٥").unwrap().to_string(), "1234.5");
        // Other characters are refused as before; a contract value reads 0-9 only.
        assert!(ja("１e５").unwrap_err().contains("exponent"));
        assert!(ja("²").unwrap_err().contains("0-9"));
        assert!(parse_decimal("１０").unwrap_err().contains("0-9"));
    }

    #[test]
    fn a_contract_value_with_digit_groups_is_told_to_be_plain() {
        for grouped in ["1.234.567", "1.234.567,5"] {
            assert_eq!(
                parse_decimal(grouped).unwrap_err(),
                "has more than one decimal point (write it plainly, such as 1234567.5)"
            );
        }
        assert_eq!(
            parse_decimal("1.2.3").unwrap_err(),
            "has more than one decimal point"
        );
    }

    #[test]
    fn an_empty_field_is_shown_a_number_of_its_own_locale() {
        let empty = |seps| parse_typed(" ", seps).expect_err("empty");
        assert_eq!(
            empty(Separators::COMMA_POINT),
            "is empty: enter a number such as 1000 or 0.5"
        );
        assert_eq!(
            empty(Separators::POINT_COMMA),
            "is empty: enter a number such as 1000 or 0,5"
        );
        assert_eq!(
            empty(Separators::SPACE_COMMA),
            "is empty: enter a number such as 1000 or 0,5"
        );
    }

    #[test]
    fn locales_type_their_own_separators() {
        let de = |t| parse_typed(t, Separators::POINT_COMMA);
        assert_eq!(de("1.234.567,25").unwrap().to_string(), "1234567.25");
        // What the widget writes into a de-DE field, it reads back.
        assert_eq!(typed_form("1000.5", Separators::POINT_COMMA), "1000,5");
        let typed = typed_form("0.5", Separators::POINT_COMMA);
        assert_eq!(de(&typed).unwrap().to_string(), "0.5");
        assert_eq!(typed_form("0.5", Separators::COMMA_POINT), "0.5");
        assert_eq!(de("0,5").unwrap().to_string(), "0.5");
        assert!(de("1,2,3")
            .unwrap_err()
            .contains("more than one decimal comma"));
        assert!(de("1.5").unwrap_err().contains("misplaced"));
        assert_eq!(
            de("abc").unwrap_err(),
            "is not a number (use digits and one ',')"
        );
        let fr = |t| parse_typed(t, Separators::SPACE_COMMA);
        assert_eq!(fr("1 000 000,5").unwrap().to_string(), "1000000.5");
        assert_eq!(fr("1\u{202f}000").unwrap().to_string(), "1000");
        assert!(fr("1.5").unwrap_err().contains("','"));
        let ch = |t| parse_typed(t, Separators::APOSTROPHE_POINT);
        assert_eq!(ch("1'000.5").unwrap().to_string(), "1000.5");
        assert_eq!(
            ch("1\u{2019}000\u{2019}000").unwrap().to_string(),
            "1000000"
        );
    }

    #[test]
    fn indian_locales_type_lakhs_or_thousands() {
        let inr = |t| parse_typed(t, Separators::COMMA_POINT_LAKH);
        assert_eq!(inr("12,34,567.5").unwrap().to_string(), "1234567.5");
        assert_eq!(inr("1,00,00,000").unwrap().to_string(), "10000000");
        assert_eq!(inr("1,234,567").unwrap().to_string(), "1234567");
        assert_eq!(inr("12,345").unwrap().to_string(), "12345");
        for bad in ["1,00,00", "123,45,678", "1,2,345", "12,34,5678"] {
            assert!(inr(bad).unwrap_err().contains("two or three"), "{bad}");
        }
        // Elsewhere a lakh-grouped number is a typo.
        assert!(parse_typed_balance("12,34,567").is_err());
    }

    #[test]
    fn typed_balances_allow_grouping() {
        assert_eq!(
            parse_typed_balance("10,000.5").unwrap().to_string(),
            "10000.5"
        );
        assert_eq!(
            parse_typed_balance("1,234,567").unwrap().to_string(),
            "1234567"
        );
        assert!(parse_typed_balance("1,00")
            .unwrap_err()
            .contains("misplaced"));
        assert!(parse_typed_balance("1.0,5")
            .unwrap_err()
            .contains("after the decimal point"));
    }
}
