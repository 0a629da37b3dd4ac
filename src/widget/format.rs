//! Pure display formatting (no browser, no float): locale separators,
//! exact APR percentages, rounded APY and fiat values, UTC dates.
//!
//! Digit groups are returned separately so the view can draw the group
//! separator with CSS: the text of a number stays plain digits (what the test
//! hooks and screen-reader copy need) while the eye sees `1,000`.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::engine::checked::CheckedOps;
use crate::engine::fiat::fiat_cents;

pub use crate::config::locale::{GroupSeparator, Grouping, NumberStyle};

/// A number split for display: leading digits, then the digit groups, then
/// the fraction (without its separator).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grouped {
    /// First integer digits (1–3; 1–2 in lakh grouping).
    pub head: String,
    /// Following groups: three digits each (lakh grouping: two each, but
    /// three for the last).
    pub groups: Vec<String>,
    /// Fractional digits, if any.
    pub fraction: Option<String>,
}

impl Grouped {
    /// Splits the plain decimal text of `value` (all its digits kept) the
    /// way `grouping` places separators.
    pub fn of(value: Decimal, grouping: Grouping) -> Grouped {
        let text = value.abs().to_string();
        let sign = if value.is_sign_negative() && !value.is_zero() {
            "-"
        } else {
            ""
        };
        let (int, fraction) = match text.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (text, None),
        };
        // The last three digits, and before them groups of `size`.
        let size = match grouping {
            Grouping::ThousandsFromFiveDigits if int.len() <= 4 => {
                return Grouped {
                    head: format!("{sign}{int}"),
                    groups: Vec::new(),
                    fraction,
                };
            }
            Grouping::Thousands | Grouping::ThousandsFromFiveDigits => 3,
            Grouping::Lakh => 2,
        };
        let (upper, last) = int.split_at(int.len().saturating_sub(3));
        let head_len = match upper.len() % size {
            0 => size.min(upper.len()),
            n => n,
        };
        let (head, rest) = upper.split_at(head_len);
        let mut groups: Vec<String> = rest
            .as_bytes()
            .chunks(size)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        let head = if head.is_empty() {
            format!("{sign}{last}")
        } else {
            groups.push(last.to_string());
            format!("{sign}{head}")
        };
        Grouped {
            head,
            groups,
            fraction,
        }
    }

    /// The plain text with real separators, e.g. for `aria-label`s and titles.
    pub fn to_text(&self, style: NumberStyle) -> String {
        let sep = style.group.text();
        let mut out = self.head.clone();
        for g in &self.groups {
            out.push_str(sep);
            out.push_str(g);
        }
        if let Some(f) = &self.fraction {
            out.push(style.decimal);
            out.push_str(f);
        }
        out
    }
}

/// `n` and `noun`, plural unless `n` is 1: "1 line", "3 lines".
pub fn count(n: u64, noun: &str) -> String {
    count_in(n, noun, NumberStyle::for_locale("en-US"))
}

/// [`count`] with `n` in the locale's digit groups: "12,345 holdings",
/// "12.345 holdings" in de-DE.
pub fn count_in(n: u64, noun: &str, style: NumberStyle) -> String {
    let number = grouped_int(n, style);
    if n == 1 {
        format!("{number} {noun}")
    } else {
        format!("{number} {noun}s")
    }
}

/// `n` in the locale's digit groups, as text ("12,345").
pub fn grouped_int(n: u64, style: NumberStyle) -> String {
    Grouped::of(Decimal::from(n), style.grouping).to_text(style)
}

/// `value` with exactly `decimals` decimals (pads with zeros; rounds down if longer).
pub fn with_decimals(value: Decimal, decimals: u32) -> Decimal {
    let mut v = value.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    v.rescale(decimals);
    v
}

/// Decimals shown for balances and averages that may not terminate (1/3).
pub const DISPLAY_DECIMALS: u32 = 8;

/// `value` cut to `decimals` decimals for display, and whether that was exact.
pub fn display_cut(value: Decimal, decimals: u32) -> (Decimal, bool) {
    let cut = value.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    (cut.normalize(), cut == value)
}

/// The exact APR fraction as a percent number: `0.015` → `1.5`, `0.0015` → `0.15`.
/// Shifts the decimal point in the text, so no digit is ever rounded.
pub fn percent_text(fraction: Decimal) -> String {
    let text = fraction.normalize().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits = format!("{int}{frac}");
    // Point moves two places right: new integer part has int.len() + 2 digits.
    let point = int.len() + 2;
    while digits.len() < point {
        digits.push('0');
    }
    let (new_int, new_frac) = digits.split_at(point);
    let new_int = new_int.trim_start_matches('0');
    let new_int = if new_int.is_empty() { "0" } else { new_int };
    let new_frac = new_frac.trim_end_matches('0');
    if new_frac.is_empty() {
        new_int.to_string()
    } else {
        format!("{new_int}.{new_frac}")
    }
}

/// A percent number (as typed in demo mode, `1.5`) back to a fraction (`0.015`),
/// exactly; `None` when the fraction would need more than 28 decimals.
pub fn fraction_from_percent(percent: Decimal) -> Option<Decimal> {
    let mut v = percent;
    let scale = v.scale().checked_add(2).filter(|s| *s <= 28)?;
    v.set_scale(scale).ok()?;
    Some(v)
}

/// APY fraction as a percent: two decimals from 1 % up (`5.13`), two
/// significant digits below (`0.15`, `0.0049`, `0.005`), so a small rate
/// never reads as 0 % and two close rates never round apart.
pub fn apy_percent_text(apy: Decimal) -> String {
    apy.mul_checked(Decimal::ONE_HUNDRED)
        .map(|p| {
            let mut dp = 2;
            if p > Decimal::ZERO && p < Decimal::ONE {
                // The place of the first significant digit, then one more.
                dp = 1;
                while dp < 27
                    && p.round_dp_with_strategy(dp, RoundingStrategy::ToZero)
                        .is_zero()
                {
                    dp += 1;
                }
                dp += 1;
            }
            p.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
                .normalize()
                .to_string()
        })
        .unwrap_or_else(|| "—".to_string())
}

/// A fiat value: `amount × price`, rounded to cents once (display only;
/// see [`crate::engine::fiat`]).
pub fn fiat_value(amount: Decimal, price: Decimal) -> Option<Decimal> {
    fiat_cents([(amount, price)])
}

/// A UTC calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UtcDate {
    /// Year.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl UtcDate {
    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days;
    /// saturating, so no `days` can overflow it).
    pub fn from_unix_days(days: i64) -> UtcDate {
        let z = days.saturating_add(719_468);
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        UtcDate { year, month, day }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn counts_are_in_the_locales_digit_groups() {
        let style = NumberStyle::for_locale;
        assert_eq!(
            count_in(12_345, "holding", style("de-DE")),
            "12.345 holdings"
        );
        assert_eq!(
            count_in(12_345, "holding", style("en-US")),
            "12,345 holdings"
        );
        assert_eq!(
            count_in(1_234_567, "line", style("en-IN")),
            "12,34,567 lines"
        );
        // es-ES keeps a four-digit number whole.
        assert_eq!(count_in(1_500, "line", style("es-ES")), "1500 lines");
        assert_eq!(count_in(1, "holding", style("de-DE")), "1 holding");
        assert_eq!(count(0, "tier"), "0 tiers");
        assert_eq!(grouped_int(400_000, style("fr-FR")), "400\u{202f}000");
    }

    #[test]
    fn percent_is_exact() {
        assert_eq!(percent_text(d("0.015")), "1.5");
        assert_eq!(percent_text(d("0.0015")), "0.15");
        assert_eq!(percent_text(d("0.05")), "5");
        assert_eq!(percent_text(d("1.2")), "120");
        assert_eq!(percent_text(d("0")), "0");
        assert_eq!(percent_text(d("0.123456789")), "12.3456789");
        assert_eq!(fraction_from_percent(d("1.5")), Some(d("0.015")));
    }

    #[test]
    fn groups_digits() {
        let g = Grouped::of(d("1234567.25"), Grouping::Thousands);
        assert_eq!(g.head, "1");
        assert_eq!(g.groups, vec!["234", "567"]);
        assert_eq!(g.fraction.as_deref(), Some("25"));
        assert_eq!(g.to_text(NumberStyle::for_locale("en-US")), "1,234,567.25");
        assert_eq!(g.to_text(NumberStyle::for_locale("de-DE")), "1.234.567,25");
        assert_eq!(
            Grouped::of(d("100"), Grouping::Thousands).to_text(NumberStyle::for_locale("en")),
            "100"
        );
        let en_in = NumberStyle::for_locale("en-IN");
        let lakh = |v: &str| Grouped::of(d(v), en_in.grouping).to_text(en_in);
        assert_eq!(lakh("1234567.25"), "12,34,567.25");
        assert_eq!(lakh("123456789"), "12,34,56,789");
        assert_eq!(lakh("100000"), "1,00,000");
        assert_eq!(lakh("12345"), "12,345");
        assert_eq!(lakh("999"), "999");
        assert_eq!(lakh("0.5"), "0.5");
        // es-ES: a four-digit number stays whole, five digits are grouped.
        let es = NumberStyle::for_locale("es-ES");
        let spanish = |v: &str| Grouped::of(d(v), es.grouping).to_text(es);
        assert_eq!(spanish("1234.5"), "1234,5");
        assert_eq!(spanish("12345.5"), "12.345,5");
        // A sign stays in front of the first group.
        let en = NumberStyle::for_locale("en-US");
        assert_eq!(
            Grouped::of(d("-123456"), en.grouping).to_text(en),
            "-123,456"
        );
        assert_eq!(lakh("-12345"), "-12,345");
    }

    #[test]
    fn apy_percent_keeps_two_significant_digits_when_small() {
        // 0.0512674965… → 5.13 %.
        assert_eq!(apy_percent_text(d("0.0512674965")), "5.13");
        assert_eq!(apy_percent_text(d("0.1")), "10");
        assert_eq!(apy_percent_text(Decimal::ZERO), "0");
        // An APR of 0.0015 % (0.000015): APY (1 + 0.000015 ÷ 365)^365 − 1
        // = 0.0000150001… → 0.00150001… % → 0.0015 %.
        assert_eq!(apy_percent_text(d("0.0000150001")), "0.0015");
        // 0.004999 % at two significant digits: 0.0050 → 0.005.
        assert_eq!(apy_percent_text(d("0.00004999")), "0.005");
        // APR 0.005 % and 0.0049 % (APY 0.0050001… % and 0.0049001… %) read
        // 0.005 % and 0.0049 %, next to their APRs, not 0.01 % and 0.0049 %.
        assert_eq!(apy_percent_text(d("0.000050001")), "0.005");
        assert_eq!(apy_percent_text(d("0.000049001")), "0.0049");
        // Below 1 %, two significant digits: 0.1501 % → 0.15 %, 0.99999 % → 1 %.
        assert_eq!(apy_percent_text(d("0.001501")), "0.15");
        assert_eq!(apy_percent_text(d("0.0099999")), "1");
        // The smallest positive decimal: still not 0.
        assert_eq!(
            apy_percent_text(Decimal::new(1, 28)),
            "0.00000000000000000000000001"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(UtcDate::from_unix_days(0).iso(), "1970-01-01");
        // 2026-11-23: 56 years × 365 + 14 leap days (1972…2024) + 326 days of 2026 = 20780.
        assert_eq!(UtcDate::from_unix_days(20_780).iso(), "2026-11-23");
        assert_eq!(UtcDate::from_unix_days(20_781).iso(), "2026-11-24");
        assert_eq!(UtcDate::from_unix_days(11_016).iso(), "2000-02-29");
        // The last day an activation record may hold (Python: date(9999, 12, 31) − date(1970, 1, 1)).
        assert_eq!(UtcDate::from_unix_days(2_932_896).iso(), "9999-12-31");
    }
}
