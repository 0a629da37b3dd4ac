//! The reward plot's vertical scale, exact and overflow-safe (`Decimal`, no
//! float): a round top for the axis and the pixel height of a value. Totals
//! near `Decimal::MAX` (a 10-year projection of a huge balance) still draw.

use crate::engine::checked::CheckedOps;
use rust_decimal::{Decimal, RoundingStrategy};

/// The smallest "two significant digits" value ≥ `v` (1 for zero or less):
/// 9.1232874 → 9.2, 123 → 130. When that round value would not fit a
/// `Decimal`, `v` itself.
pub fn nice_ceiling(v: Decimal) -> Decimal {
    if v <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let n = v.normalize();
    // Decimal exponent of the leading digit: digits of the mantissa − scale − 1.
    let digits = n.mantissa().unsigned_abs().to_string().len() as i64;
    let exponent = digits - i64::from(n.scale()) - 1;
    let step = pow10(exponent - 1);
    // The quotient is positive, so rounding it away from zero is its ceiling
    // (`Decimal::ceil` would bring a second copy of the addition along).
    n.div_checked(step)
        .and_then(|q| {
            q.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero)
                .mul_checked(step)
        })
        .unwrap_or(n)
}

/// Height in pixels (0 to `height`) of `v` on an axis from 0 to `top`.
pub fn pixels(v: Decimal, top: Decimal, height: i64) -> i64 {
    if top <= Decimal::ZERO || v <= Decimal::ZERO {
        return 0;
    }
    let h = Decimal::from(height);
    // Multiplying first is exact; for values near the limit, divide first.
    v.mul_checked(h)
        .and_then(|t| t.div_checked(top))
        .or_else(|| v.div_checked(top).and_then(|r| r.mul_checked(h)))
        .and_then(|t| i64::try_from(t.trunc().mantissa()).ok())
        .unwrap_or(height)
        .clamp(0, height)
}

/// `v` in powers of ten, to three significant digits, for a label too long
/// to write out: `31000000` → `3.1 × 10⁷` (`decimal` is the locale's
/// separator).
pub fn scientific(v: Decimal, decimal: char) -> String {
    let n = v.round_sf(3).unwrap_or(v).normalize();
    let digits = n.mantissa().unsigned_abs().to_string();
    if digits == "0" {
        return "0".into();
    }
    let exponent = digits.len() as i64 - i64::from(n.scale()) - 1;
    let (first, rest) = digits.split_at(1);
    let rest = rest.trim_end_matches('0');
    let coefficient = if rest.is_empty() {
        first.to_string()
    } else {
        format!("{first}{decimal}{rest}")
    };
    let power: String = exponent
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize],
        })
        .collect();
    format!("{coefficient} × 10{power}")
}

fn pow10(e: i64) -> Decimal {
    if e >= 0 {
        // 10^28 still fits in a `Decimal`.
        Decimal::try_from_i128_with_scale(10_i128.pow(e.min(28) as u32), 0).unwrap_or(Decimal::MAX)
    } else {
        Decimal::new(1, (-e).min(28) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn round_tops_with_two_significant_digits() {
        assert_eq!(nice_ceiling(d("9.12328740")), d("9.2"));
        assert_eq!(nice_ceiling(d("123")), d("130"));
        assert_eq!(nice_ceiling(d("100")), d("100"));
        assert_eq!(nice_ceiling(d("0.0123")), d("0.013"));
        assert_eq!(nice_ceiling(d("7")), d("7"));
        assert_eq!(nice_ceiling(Decimal::ZERO), Decimal::ONE);
    }

    #[test]
    fn tops_near_the_decimal_limit_do_not_overflow() {
        // 79.1 × 10^27 would round up to 80 × 10^27, more than a Decimal holds.
        let near = d("79100000000000000000000002739");
        assert_eq!(nice_ceiling(near), near);
        assert_eq!(nice_ceiling(Decimal::MAX), Decimal::MAX);
        // 12 × 10^27 fits: 11.5 × 10^27 rounds up to it.
        assert_eq!(
            nice_ceiling(d("11500000000000000000000000000")),
            d("12000000000000000000000000000")
        );
    }

    #[test]
    fn labels_in_powers_of_ten() {
        assert_eq!(scientific(d("31000000000000000"), '.'), "3.1 × 10¹⁶");
        assert_eq!(scientific(d("15500000000000000"), ','), "1,55 × 10¹⁶");
        assert_eq!(scientific(d("7"), '.'), "7 × 10⁰");
        assert_eq!(scientific(d("0.00012"), '.'), "1.2 × 10⁻⁴");
        assert_eq!(scientific(Decimal::ZERO, '.'), "0");
        // Three significant digits, rounded: 7.9100…02739 × 10^28 → 7.91.
        assert_eq!(
            scientific(d("79100000000000000000000002739"), '.'),
            "7.91 × 10²⁸"
        );
        assert_eq!(scientific(d("12350000"), '.'), "1.24 × 10⁷");
    }

    #[test]
    fn pixel_heights() {
        assert_eq!(pixels(d("4.6"), d("9.2"), 192), 96);
        assert_eq!(pixels(d("9.2"), d("9.2"), 192), 192);
        assert_eq!(pixels(Decimal::ZERO, d("9.2"), 192), 0);
        // 1 of 3: 64 exactly; just under it truncates to 63.
        assert_eq!(pixels(d("1"), d("3"), 192), 64);
        assert_eq!(pixels(d("0.9999"), d("3"), 192), 63);
        // Values whose product with the height overflows are still placed:
        // 5 × 10^26 of 10^27 is half way.
        assert_eq!(pixels(d("5e26"), d("1e27"), 192), 96);
        assert_eq!(pixels(Decimal::MAX, Decimal::MAX, 192), 192);
        assert_eq!(pixels(d("1"), Decimal::ZERO, 192), 0);
    }
}
