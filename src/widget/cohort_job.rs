//! A cohort computation that runs in slices: the CSV text is read line by
//! line from a cursor, so the view can stop after a few milliseconds, update
//! its progress bar and give the page back to the browser.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::config::cohort_csv::{parse_line, CsvLine};
use crate::engine::cohort::{Cohort, SymbolTally};
use crate::engine::Asset;

/// Most unreadable lines quoted back to the user.
pub const MAX_EXAMPLES: usize = 5;

/// A cohort over one CSV text.
pub struct CohortJob {
    text: Rc<str>,
    cursor: usize,
    line: usize,
    cohort: Cohort,
    prices: Vec<[Option<Decimal>; 2]>,
    /// Holdings counted.
    pub rows: u64,
    /// Lines that could not be read.
    pub invalid: u64,
    /// Holdings of symbols not in the asset list.
    pub unknown: u64,
    /// The first few problems, with line numbers.
    pub examples: Vec<String>,
}

/// The finished (or partial) totals of a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CohortSummary {
    /// Per symbol, in the assets' order.
    pub tallies: Vec<SymbolTally>,
    /// Price of each symbol (before, after), for fiat totals.
    pub prices: Vec<[Option<Decimal>; 2]>,
    /// Holdings counted.
    pub rows: u64,
    /// Unreadable lines.
    pub invalid: u64,
    /// Holdings of unknown symbols.
    pub unknown: u64,
    /// The first problems.
    pub examples: Vec<String>,
    /// A total overflowed.
    pub overflowed: bool,
}

impl CohortJob {
    /// A job over `text` with `(before, after)` assets.
    pub fn new(text: Rc<str>, pairs: Vec<(Asset, Asset)>) -> CohortJob {
        let prices = pairs.iter().map(|(b, a)| [b.price(), a.price()]).collect();
        CohortJob {
            text,
            cursor: 0,
            line: 0,
            cohort: Cohort::new(pairs),
            prices,
            rows: 0,
            invalid: 0,
            unknown: 0,
            examples: Vec::new(),
        }
    }

    /// Bytes read so far and in total (for the progress bar).
    pub fn progress(&self) -> (usize, usize) {
        (self.cursor, self.text.len())
    }

    /// True once every line is read.
    pub fn done(&self) -> bool {
        self.cursor >= self.text.len()
    }

    /// Reads up to `max_lines` lines; returns `done()`.
    pub fn step(&mut self, max_lines: usize) -> bool {
        let text = Rc::clone(&self.text);
        for _ in 0..max_lines {
            if self.cursor >= text.len() {
                break;
            }
            let rest = &text[self.cursor..];
            let (line, advance) = match rest.find('\n') {
                Some(i) => (&rest[..i], i + 1),
                None => (rest, rest.len()),
            };
            self.cursor += advance;
            self.line += 1;
            match parse_line(line) {
                CsvLine::Skip => {}
                CsvLine::Holding { symbol, balance } => match self.cohort.lookup(symbol.as_bytes())
                {
                    Some(index) => {
                        self.cohort.add(index, balance);
                        self.rows += 1;
                    }
                    None => {
                        self.unknown += 1;
                        let sym = String::from_utf8_lossy(symbol.as_bytes()).into_owned();
                        self.note(format!(
                            "line {}: {sym} is not in the asset list",
                            self.line
                        ));
                    }
                },
                CsvLine::Invalid(why) => {
                    self.invalid += 1;
                    self.note(format!("line {}: {why}", self.line));
                }
            }
        }
        self.done()
    }

    fn note(&mut self, example: String) {
        if self.examples.len() < MAX_EXAMPLES {
            self.examples.push(example);
        }
    }

    /// The totals so far.
    pub fn summary(&self) -> CohortSummary {
        CohortSummary {
            tallies: self.cohort.tallies().to_vec(),
            prices: self.prices.clone(),
            rows: self.rows,
            invalid: self.invalid,
            unknown: self.unknown,
            examples: self.examples.clone(),
            overflowed: self.cohort.overflowed(),
        }
    }
}

impl CohortSummary {
    /// Fiat value of one side's total payout over the symbols that have a
    /// price (display only), rounded to cents; `None` when no symbol has one.
    pub fn fiat_total(&self, side: crate::engine::cohort::Side) -> Option<Decimal> {
        let i = side as usize;
        let mut sum: Option<Decimal> = None;
        for (tally, prices) in self.tallies.iter().zip(&self.prices) {
            if let (Some(price), Some(total)) = (prices[i], tally.total(side)) {
                let value = total.checked_mul(price)?;
                sum = Some(sum.unwrap_or_default().checked_add(value)?);
            }
        }
        sum.map(|s| super::format::with_decimals(s.round_dp(2), 2))
    }
}
