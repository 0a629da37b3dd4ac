//! Fiat values, for display only: amounts × their prices, summed exactly and
//! rounded half a cent up (away from zero) once, at the end. No intermediate
//! 28-digit rounding: a product such as 0.0015 × 3.3333333333333333333333333333
//! (= 0.004999…95) shows 0.00, not 0.01.

use rust_decimal::Decimal;

use super::wide::Wide;

/// Σ amount × price over `values`, in cents (scale 2), rounded half up;
/// `None` when a value is negative or the total does not fit a `Decimal`.
pub fn fiat_cents(values: impl IntoIterator<Item = (Decimal, Decimal)>) -> Option<Decimal> {
    // Each product exactly, as (mantissa, scale); then all at the largest scale.
    let mut products = Vec::new();
    for (amount, price) in values {
        if amount.is_sign_negative() || price.is_sign_negative() {
            return None;
        }
        let product = Wide::from_u128(amount.mantissa().unsigned_abs())
            .checked_mul(&Wide::from_u128(price.mantissa().unsigned_abs()))?;
        products.push((product, amount.scale() + price.scale()));
    }
    let scale = products.iter().map(|&(_, s)| s).max().unwrap_or(0).max(2);
    let mut total = Wide::ZERO;
    for (product, s) in products {
        total = total.checked_add(&product.checked_mul_pow10(scale - s)?)?;
    }
    // Cents: ⌊(total + half a cent) ÷ 10^(scale − 2)⌋.
    if scale > 2 {
        let half = Wide::from_u128(5).checked_mul_pow10(scale - 3)?;
        total = total.checked_add(&half)?.div_pow10(scale - 2);
    }
    // A `Decimal` refuses a mantissa past 2^96 − 1.
    let cents = i128::try_from(total.to_u128()?).ok()?;
    Decimal::try_from_i128_with_scale(cents, 2).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn one(amount: &str, price: &str) -> Option<Decimal> {
        fiat_cents([(d(amount), d(price))])
    }

    #[test]
    fn half_a_cent_rounds_up_and_nothing_rounds_before() {
        // 0.01 × 12.5 = 0.125 → 0.13; 0.0049 → 0.00; 0.005 → 0.01.
        assert_eq!(one("0.01", "12.5"), Some(d("0.13")));
        assert_eq!(one("0.0049", "1"), Some(d("0.00")));
        assert_eq!(one("0.005", "1"), Some(d("0.01")));
        // 0.0015 × 3.3333333333333333333333333333 = 0.00499999999999999999999999999995
        // (32 decimals): below half a cent, so 0.00. A Decimal product,
        // rounded to 28 decimals first, would be 0.0050000… → 0.01.
        assert_eq!(
            one("0.0015", "3.3333333333333333333333333333"),
            Some(d("0.00"))
        );
        // 0.0045 × the same = 0.01499999999999999999999999999985 → 0.01.
        assert_eq!(
            one("0.0045", "3.3333333333333333333333333333"),
            Some(d("0.01"))
        );
        // Whole amounts keep two decimals: 7 × 3 = 21.00.
        assert_eq!(one("7", "3").map(|c| c.to_string()), Some("21.00".into()));
    }

    #[test]
    fn a_total_is_rounded_once() {
        // 0.004 + 0.004 = 0.008 → 0.01 (each alone would be 0.00).
        assert_eq!(
            fiat_cents([(d("0.004"), d("1")), (d("0.002"), d("2"))]),
            Some(d("0.01"))
        );
        assert_eq!(fiat_cents([]), Some(d("0.00")));
    }

    #[test]
    fn too_large_or_negative_is_none() {
        // 79,228,162,514,264,337,593,543,950,335 × 1 has 31 digits in cents.
        assert_eq!(one("79228162514264337593543950335", "1"), None);
        assert_eq!(one("-1", "1"), None);
        // The largest that fits: (2^96 − 1) cents.
        assert_eq!(
            one("792281625142643375935439503.35", "1"),
            Some(d("792281625142643375935439503.35"))
        );
    }
}
