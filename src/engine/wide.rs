//! A fixed-width unsigned integer just wide enough for the engine's exact
//! reward fractions (see `exact.rs` for the bound), built on `u32` limbs so
//! that every multiplication and division is a native 64-bit operation in
//! WebAssembly. Every operation is checked: overflow is a `None`, never a panic.

use core::cmp::Ordering;

/// Number of 32-bit limbs: 512 bits.
const LIMBS: usize = 16;

/// An unsigned 512-bit integer, little-endian limbs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Wide {
    limbs: [u32; LIMBS],
}

/// Powers of ten that fit in a `u32` limb divisor/multiplier.
const POW10_U32: [u32; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

impl Wide {
    /// Zero.
    pub const ZERO: Wide = Wide { limbs: [0; LIMBS] };

    /// The value of a `u128`.
    pub fn from_u128(value: u128) -> Wide {
        let mut limbs = [0u32; LIMBS];
        for (i, limb) in limbs.iter_mut().take(4).enumerate() {
            *limb = (value >> (32 * i)) as u32;
        }
        Wide { limbs }
    }

    /// The value as a `u128`, when it fits.
    pub fn to_u128(self) -> Option<u128> {
        if self.limbs[4..].iter().any(|&l| l != 0) {
            return None;
        }
        Some(
            self.limbs[..4]
                .iter()
                .rev()
                .fold(0u128, |acc, &l| (acc << 32) | u128::from(l)),
        )
    }

    /// True when the value is zero.
    pub fn is_zero(&self) -> bool {
        self.limbs.iter().all(|&l| l == 0)
    }

    /// Index one past the highest non-zero limb (0 for zero).
    fn len(&self) -> usize {
        self.limbs
            .iter()
            .rposition(|&l| l != 0)
            .map_or(0, |i| i + 1)
    }

    /// `self + rhs`, or `None` on overflow.
    pub fn checked_add(&self, rhs: &Wide) -> Option<Wide> {
        let mut out = [0u32; LIMBS];
        let mut carry = 0u64;
        for (i, limb) in out.iter_mut().enumerate() {
            let sum = u64::from(self.limbs[i]) + u64::from(rhs.limbs[i]) + carry;
            *limb = sum as u32;
            carry = sum >> 32;
        }
        (carry == 0).then_some(Wide { limbs: out })
    }

    /// `self - rhs`, or `None` when `rhs > self`.
    pub fn checked_sub(&self, rhs: &Wide) -> Option<Wide> {
        let mut out = [0u32; LIMBS];
        let mut borrow = 0i64;
        for (i, limb) in out.iter_mut().enumerate() {
            let mut diff = i64::from(self.limbs[i]) - i64::from(rhs.limbs[i]) - borrow;
            borrow = 0;
            if diff < 0 {
                diff += 1 << 32;
                borrow = 1;
            }
            *limb = diff as u32;
        }
        (borrow == 0).then_some(Wide { limbs: out })
    }

    /// `self × rhs`, or `None` on overflow.
    pub fn checked_mul(&self, rhs: &Wide) -> Option<Wide> {
        let (la, lb) = (self.len(), rhs.len());
        if la == 0 || lb == 0 {
            return Some(Wide::ZERO);
        }
        if la + lb > LIMBS + 1 {
            return None;
        }
        let mut wide = [0u32; 2 * LIMBS];
        for i in 0..la {
            let mut carry = 0u64;
            let a = u64::from(self.limbs[i]);
            for j in 0..lb {
                let t = a * u64::from(rhs.limbs[j]) + u64::from(wide[i + j]) + carry;
                wide[i + j] = t as u32;
                carry = t >> 32;
            }
            wide[i + lb] = carry as u32;
        }
        if wide[LIMBS..].iter().any(|&l| l != 0) {
            return None;
        }
        let mut limbs = [0u32; LIMBS];
        limbs.copy_from_slice(&wide[..LIMBS]);
        Some(Wide { limbs })
    }

    /// `self × m` for a small factor, or `None` on overflow.
    pub fn checked_mul_small(&self, m: u32) -> Option<Wide> {
        let mut out = [0u32; LIMBS];
        let mut carry = 0u64;
        for (i, limb) in out.iter_mut().enumerate().take(self.len().min(LIMBS)) {
            let t = u64::from(self.limbs[i]) * u64::from(m) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        let len = self.len();
        if carry != 0 {
            if len >= LIMBS {
                return None;
            }
            out[len] = carry as u32;
        }
        Some(Wide { limbs: out })
    }

    /// `self × 10^exp`, or `None` on overflow.
    pub fn checked_mul_pow10(&self, mut exp: u32) -> Option<Wide> {
        let mut value = *self;
        while exp > 0 {
            let step = exp.min(9);
            value = value.checked_mul_small(POW10_U32[step as usize])?;
            exp -= step;
        }
        Some(value)
    }

    /// `⌊self ÷ d⌋` and the remainder, for a non-zero small divisor.
    /// Returns `None` only for `d == 0`.
    pub fn div_rem_small(&self, d: u32) -> Option<(Wide, u32)> {
        if d == 0 {
            return None;
        }
        let d = u64::from(d);
        let mut out = [0u32; LIMBS];
        let mut rem = 0u64;
        for i in (0..self.len()).rev() {
            let cur = (rem << 32) | u64::from(self.limbs[i]);
            out[i] = (cur / d) as u32;
            rem = cur % d;
        }
        Some((Wide { limbs: out }, rem as u32))
    }

    /// `⌊self ÷ 10^exp⌋`.
    pub fn div_pow10(&self, mut exp: u32) -> Wide {
        let mut value = *self;
        while exp > 0 && !value.is_zero() {
            let step = exp.min(9);
            // The divisor is a non-zero power of ten, so this always succeeds.
            value = match value.div_rem_small(POW10_U32[step as usize]) {
                Some((q, _)) => q,
                None => return Wide::ZERO,
            };
            exp -= step;
        }
        value
    }

    /// Number of decimal digits (0 for zero).
    pub fn decimal_digits(&self) -> u32 {
        let mut value = *self;
        let mut digits = 0;
        while value.len() > 1 {
            value = value.div_pow10(9);
            digits += 9;
        }
        let mut low = value.limbs[0];
        while low > 0 {
            low /= 10;
            digits += 1;
        }
        digits
    }

    /// `10^exp`, or `None` when it does not fit.
    #[cfg(test)]
    pub fn pow10(exp: u32) -> Option<Wide> {
        Wide::from_u128(1).checked_mul_pow10(exp)
    }
}

impl PartialOrd for Wide {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Wide {
    fn cmp(&self, other: &Self) -> Ordering {
        self.limbs.iter().rev().cmp(other.limbs.iter().rev())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u128_round_trip_and_order() {
        let a = Wide::from_u128(u128::MAX);
        assert_eq!(a.to_u128(), Some(u128::MAX));
        let b = a.checked_add(&Wide::from_u128(1)).unwrap();
        assert_eq!(b.to_u128(), None);
        assert!(b > a);
        assert_eq!(b.checked_sub(&a), Some(Wide::from_u128(1)));
        assert_eq!(a.checked_sub(&b), None);
    }

    #[test]
    fn multiplies_and_divides_past_u128() {
        // (2^128 - 1)^2 = 2^256 - 2^129 + 1, then back down by the same factor.
        let a = Wide::from_u128(u128::MAX);
        let sq = a.checked_mul(&a).unwrap();
        assert_eq!(sq.to_u128(), None);
        // 10^60 / 10^55 = 10^5
        let big = Wide::pow10(60).unwrap();
        assert_eq!(big.div_pow10(55).to_u128(), Some(100_000));
        assert_eq!(
            Wide::from_u128(1234).div_rem_small(10),
            Some((Wide::from_u128(123), 4))
        );
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let big = Wide::pow10(150).unwrap();
        assert_eq!(big.checked_mul(&big), None);
        assert_eq!(Wide::pow10(155), None);
        assert_eq!(Wide::from_u128(5).div_rem_small(0), None);
    }
}
