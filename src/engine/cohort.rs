//! Cohort impact: the total daily payout of many holdings under two versions
//! of the asset list ("before" and "after" a rate change), per symbol, with
//! the counts below the minimum and over the cap. Each holding's payout is the
//! same exact payout as everywhere else (fast path, or the general path when
//! the fast one cannot answer), summed in integer payout units.

use rust_decimal::Decimal;

use super::asset::Asset;
use super::day::{day_from_balance, Status};
use super::quick::{QuickAsset, RawAmount};

/// Which version of the asset list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The configured assets.
    Before = 0,
    /// The edited assets.
    After = 1,
}

/// Totals of one side for one symbol.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SideTally {
    /// Sum of the holdings' payouts, in units of 10^-payout_decimals.
    pub payout_units: u128,
    /// Holdings below the minimum.
    pub below_minimum: u64,
    /// Holdings over the cap.
    pub capped: u64,
    /// Holdings whose reward rounds down to zero.
    pub below_payout_precision: u64,
    /// A holding's payout or the sum did not fit: this side's total is unknown.
    pub overflowed: bool,
}

/// Per-symbol totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SymbolTally {
    /// Asset symbol.
    pub symbol: String,
    /// Holdings counted.
    pub holdings: u64,
    /// Before and after.
    pub sides: [SideTally; 2],
    /// Payout decimals of each side (for turning units into decimals).
    pub payout_decimals: [u32; 2],
}

impl SymbolTally {
    /// The tally of one side.
    pub fn side(&self, side: Side) -> &SideTally {
        &self.sides[side as usize]
    }

    /// Total daily payout of one side as a decimal with its payout decimals;
    /// `None` when it is too large for a `Decimal` (or a holding's was).
    pub fn total(&self, side: Side) -> Option<Decimal> {
        let i = side as usize;
        if self.sides[i].overflowed {
            return None;
        }
        let units = i128::try_from(self.sides[i].payout_units).ok()?;
        Decimal::try_from_i128_with_scale(units, self.payout_decimals[i]).ok()
    }

    /// A side's total is too large to show.
    pub fn too_large(&self) -> bool {
        self.total(Side::Before).is_none() || self.total(Side::After).is_none()
    }
}

struct Pair {
    assets: [Asset; 2],
    quick: [QuickAsset; 2],
}

/// A running cohort computation.
pub struct Cohort {
    pairs: Vec<Pair>,
    /// (packed symbol, index), sorted by symbol for binary search.
    index: Vec<(u128, usize)>,
    tallies: Vec<SymbolTally>,
}

impl Cohort {
    /// A cohort over `(before, after)` versions of each asset (same symbol).
    pub fn new(pairs: Vec<(Asset, Asset)>) -> Cohort {
        let mut index = Vec::with_capacity(pairs.len());
        let mut tallies = Vec::with_capacity(pairs.len());
        let pairs = pairs
            .into_iter()
            .enumerate()
            .map(|(i, (before, after))| {
                if let Some(key) = pack(before.symbol().as_bytes()) {
                    index.push((key, i));
                }
                tallies.push(SymbolTally {
                    symbol: before.symbol().to_string(),
                    holdings: 0,
                    sides: [SideTally::default(); 2],
                    payout_decimals: [before.payout_decimals(), after.payout_decimals()],
                });
                Pair {
                    quick: [QuickAsset::new(&before), QuickAsset::new(&after)],
                    assets: [before, after],
                }
            })
            .collect();
        sort_keys(&mut index);
        Cohort {
            pairs,
            index,
            tallies,
        }
    }

    /// Index of `symbol` (exact bytes, already upper-cased by the caller).
    pub fn lookup(&self, symbol: &[u8]) -> Option<usize> {
        let key = pack(symbol)?;
        self.index
            .binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|at| self.index[at].1)
    }

    /// Adds one holding of the asset at `index` (of [`Cohort::lookup`]);
    /// the exact path answers when the fast one cannot.
    pub fn add(&mut self, index: usize, raw: RawAmount) {
        let (Some(pair), Some(tally)) = (self.pairs.get(index), self.tallies.get_mut(index)) else {
            return;
        };
        tally.holdings += 1;
        for side in 0..2 {
            let (status, units, dust) = match pair.quick[side].payout(raw) {
                Some(q) => (q.status, q.units, q.below_payout_precision),
                None => match slow_payout(&pair.assets[side], raw) {
                    Some(r) => r,
                    None => {
                        tally.sides[side].overflowed = true;
                        continue;
                    }
                },
            };
            let t = &mut tally.sides[side];
            match t.payout_units.checked_add(units) {
                Some(sum) => t.payout_units = sum,
                None => t.overflowed = true,
            }
            match status {
                Status::BelowMinimum => t.below_minimum += 1,
                Status::Capped => t.capped += 1,
                Status::Eligible => {}
            }
            if dust {
                t.below_payout_precision += 1;
            }
        }
    }

    /// The per-symbol totals so far, in the assets' order.
    pub fn tallies(&self) -> &[SymbolTally] {
        &self.tallies
    }

    /// A symbol's total is too large to show (see [`SymbolTally::total`]).
    pub fn overflowed(&self) -> bool {
        self.tallies.iter().any(SymbolTally::too_large)
    }
}

/// Sorts the symbol index by an insertion sort: an index holds one entry per
/// configured asset (a widget config lists at most 1,000), and the standard
/// library's sort would add about 4 KB of code to the WebAssembly bundle.
fn sort_keys(index: &mut [(u128, usize)]) {
    for i in 1..index.len() {
        let mut j = i;
        while j > 0 && index[j - 1] > index[j] {
            index.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A symbol of at most 15 bytes packed into one integer (its bytes, then
/// its length), so that lookups compare integers, not strings.
fn pack(symbol: &[u8]) -> Option<u128> {
    if symbol.len() > 15 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..symbol.len()].copy_from_slice(symbol);
    bytes[15] = symbol.len() as u8;
    Some(u128::from_be_bytes(bytes))
}

/// The general exact path for one balance held all day.
fn slow_payout(asset: &Asset, raw: RawAmount) -> Option<(Status, u128, bool)> {
    let balance =
        Decimal::try_from_i128_with_scale(i128::try_from(raw.mantissa).ok()?, raw.scale).ok()?;
    let day = day_from_balance(asset, balance).ok()?;
    let mut reward = day.reward;
    reward.rescale(asset.payout_decimals());
    Some((
        day.status,
        reward.mantissa().unsigned_abs(),
        day.below_payout_precision,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_symbol_index_is_sorted_by_key() {
        let mut index = [(5, 0), (1, 1), (3, 2), (1, 3), (0, 4)];
        sort_keys(&mut index);
        assert_eq!(index, [(0, 4), (1, 1), (1, 3), (3, 2), (5, 0)]);
        sort_keys(&mut []);
    }
}
