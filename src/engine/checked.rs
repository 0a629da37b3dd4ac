//! Checked `Decimal` arithmetic with one shared copy of each operation in
//! the WebAssembly build. rust_decimal marks its add, subtract and multiply
//! `#[inline(always)]`, so every call site would otherwise carry a whole copy
//! of the algorithm (a few hundred bytes of WebAssembly each; 6.2 KB gzip
//! over the display and APY code, measured). Same results, same `None` on
//! overflow; the native build still inlines them.

use rust_decimal::Decimal;

/// Checked `Decimal` arithmetic, not inlined in the WebAssembly build.
pub(crate) trait CheckedOps: Sized {
    /// `checked_add`.
    fn add_checked(self, other: Decimal) -> Option<Decimal>;
    /// `checked_sub`.
    fn sub_checked(self, other: Decimal) -> Option<Decimal>;
    /// `checked_mul`.
    fn mul_checked(self, other: Decimal) -> Option<Decimal>;
    /// `checked_div`.
    fn div_checked(self, other: Decimal) -> Option<Decimal>;
}

impl CheckedOps for Decimal {
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn add_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn sub_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn mul_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn div_checked(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}
