//! Intraday timeline: an opening balance and balance changes at `HH:MM`,
//! sampled at the asset's evenly spaced snapshot times.

use rust_decimal::Decimal;

use super::asset::check_balance;
use super::error::{EngineError, Result};

/// Seconds in a day.
pub const SECONDS_PER_DAY: u32 = 86_400;

/// Minutes in a day: a [`TimeOfDay`] is one of them.
const MINUTES_PER_DAY: usize = 1440;

/// `changes` in time order, list order kept among equal times: a counting
/// sort on the minute, linear in the changes (and smaller in the WebAssembly
/// bundle than the standard library's stable sort, by about 4 KB).
fn in_time_order(changes: &[BalanceChange]) -> Vec<&BalanceChange> {
    if changes.len() < 2 {
        return changes.iter().collect();
    }
    // How many changes fall before each minute: where that minute's go.
    let mut place = vec![0usize; MINUTES_PER_DAY + 1];
    for c in changes {
        if let Some(n) = place.get_mut(usize::from(c.at.0) + 1) {
            *n += 1;
        }
    }
    for m in 1..place.len() {
        place[m] += place[m - 1];
    }
    let mut ordered = vec![None; changes.len()];
    for c in changes {
        if let Some(at) = place.get_mut(usize::from(c.at.0)) {
            if let Some(slot) = ordered.get_mut(*at) {
                *slot = Some(c);
            }
            *at += 1;
        }
    }
    ordered.into_iter().flatten().collect()
}

/// A time of day in whole minutes after 00:00 UTC (0–1439).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `HH:MM`, or `None` when out of range.
    pub fn new(hours: u32, minutes: u32) -> Option<TimeOfDay> {
        (hours < 24 && minutes < 60).then(|| TimeOfDay((hours * 60 + minutes) as u16))
    }
    /// Parses `HH:MM` (two digits each, 00:00–23:59).
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let b = text.as_bytes();
        if b.len() != 5 || b[2] != b':' || ![b[0], b[1], b[3], b[4]].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        let num = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
        TimeOfDay::new(num(0), num(3))
    }
    /// Seconds after 00:00 UTC.
    pub fn seconds(self) -> u32 {
        u32::from(self.0) * 60
    }
}

impl core::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A balance that takes effect at a time of day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalanceChange {
    /// When the new balance takes effect.
    pub at: TimeOfDay,
    /// The balance from then on.
    pub balance: Decimal,
}

/// A day's balances: the opening balance and its changes, in any order.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Balance at 00:00 UTC.
    pub opening: Decimal,
    /// Changes during the day; of two at the same time the later one wins.
    pub changes: Vec<BalanceChange>,
}

/// One snapshot: when it is taken and the balance it sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// Seconds after 00:00 UTC.
    pub second: u32,
    /// The balance in force at that moment.
    pub balance: Decimal,
}

/// Second of the day of snapshot `i` of `n`: ⌊i × 86400 ÷ n⌋.
pub fn snapshot_second(i: u32, n: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    (u64::from(i) * u64::from(SECONDS_PER_DAY) / u64::from(n)) as u32
}

impl Timeline {
    /// Checks that no balance is negative; errors name the field.
    pub fn validate(&self) -> Result<()> {
        check_balance("opening", self.opening)?;
        for (i, change) in self.changes.iter().enumerate() {
            check_balance(&format!("changes[{i}].balance"), change.balance)?;
        }
        Ok(())
    }

    /// The balance in force at `at`: set by the latest change with `at` ≤ that
    /// time (of two at once, the later in the list), else the opening one.
    pub fn balance_at(&self, at: TimeOfDay) -> Decimal {
        self.changes
            .iter()
            .filter(|c| c.at <= at)
            .max_by_key(|c| c.at)
            .map_or(self.opening, |c| c.balance)
    }

    /// The `n` snapshots of the day (1 ≤ n ≤ 1440).
    pub fn snapshots(&self, n: u32) -> Result<Vec<Snapshot>> {
        self.validate()?;
        if n == 0 {
            return Err(EngineError::new("snapshots_per_day", "must be at least 1"));
        }
        // Among equal times list order is kept, so the later change wins.
        let changes = in_time_order(&self.changes);
        let mut next = 0;
        let mut balance = self.opening;
        Ok((0..n)
            .map(|i| {
                let second = snapshot_second(i, n);
                while next < changes.len() && changes[next].at.seconds() <= second {
                    balance = changes[next].balance;
                    next += 1;
                }
                Snapshot { second, balance }
            })
            .collect())
    }

    /// Just the balances the `n` snapshots see.
    pub fn snapshot_balances(&self, n: u32) -> Result<Vec<Decimal>> {
        Ok(self.snapshots(n)?.into_iter().map(|s| s.balance).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_put_in_time_order_keeping_list_order_among_equal_times() {
        let change = |h, m, balance: i64| BalanceChange {
            at: TimeOfDay::new(h, m).unwrap(),
            balance: Decimal::from(balance),
        };
        let changes = [
            change(12, 0, 1),
            change(6, 0, 2),
            change(12, 0, 3),
            change(0, 0, 4),
            change(23, 59, 5),
            change(6, 0, 6),
        ];
        let order: Vec<i64> = in_time_order(&changes)
            .iter()
            .map(|c| c.balance.try_into().unwrap())
            .collect();
        // 00:00 (4), 06:00 (2 then 6), 12:00 (1 then 3), 23:59 (5).
        assert_eq!(order, [4, 2, 6, 1, 3, 5]);
        assert!(in_time_order(&[]).is_empty());
    }
}
