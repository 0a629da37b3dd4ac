//! APY "if held": (1 + apr ÷ 365)^365 − 1, for display only.

use crate::engine::checked::CheckedOps;
use rust_decimal::Decimal;

/// Decimals the APY is rounded to (half away from zero).
pub const APY_DECIMALS: u32 = 10;

/// The yearly yield of `apr` compounded daily, or `None` when it overflows.
/// Display only: computed with 28-digit `Decimal` arithmetic and rounded to
/// [`APY_DECIMALS`] decimals; payouts never depend on it.
pub fn apy_if_held(apr: Decimal) -> Option<Decimal> {
    let daily = Decimal::ONE.add_checked(apr.div_checked(Decimal::from(365))?)?;
    let mut result = Decimal::ONE;
    let mut base = daily;
    let mut exp = 365u32;
    while exp > 0 {
        if exp & 1 == 1 {
            result = result.mul_checked(base)?;
        }
        exp >>= 1;
        if exp > 0 {
            base = base.mul_checked(base)?;
        }
    }
    Some(
        result
            .sub_checked(Decimal::ONE)?
            .round_dp_with_strategy(
                APY_DECIMALS,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .normalize(),
    )
}
