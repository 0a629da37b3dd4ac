//! A cohort computation that runs in slices: the CSV text is read line by
//! line from a cursor, so the view can stop after a few milliseconds, update
//! its progress bar and give the page back to the browser.

use std::rc::Rc;

use rust_decimal::Decimal;

use crate::config::cohort_csv::{is_blank, parse_first_line, parse_line, CsvLine};
use crate::engine::cohort::{Cohort, Side, SymbolTally};
use crate::engine::fiat::fiat_cents;
use crate::engine::Asset;

/// Most unreadable lines quoted back to the user.
pub const MAX_EXAMPLES: usize = 5;

/// A cohort over one CSV text.
pub struct CohortJob {
    text: Rc<str>,
    /// What ends a line: `\n` (a `\r` before it is trimmed with the line's
    /// spaces), or `\r` in a file whose first line ends with a lone `\r`.
    line_end: char,
    cursor: usize,
    line: usize,
    /// A line with something in it was read (the next is not a header).
    past_header: bool,
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
    /// Symbols whose total is too large to show exactly.
    pub too_large: Vec<String>,
}

impl CohortJob {
    /// A job over `text` with `(before, after)` assets.
    pub fn new(text: Rc<str>, pairs: Vec<(Asset, Asset)>) -> CohortJob {
        let prices = pairs.iter().map(|(b, a)| [b.price(), a.price()]).collect();
        // Decided by the first line break: a lone `\r` there means old Mac
        // line ends throughout.
        let bytes = text.as_bytes();
        let line_end = match bytes.iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') => '\r',
            _ => '\n',
        };
        CohortJob {
            text,
            line_end,
            cursor: 0,
            line: 0,
            past_header: false,
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
            let (line, advance) = match rest.find(self.line_end) {
                Some(i) => (&rest[..i], i + 1),
                None => (rest, rest.len()),
            };
            self.cursor += advance;
            self.line += 1;
            let parsed = match self.past_header {
                true => parse_line(line),
                false => {
                    self.past_header = !is_blank(line);
                    let cohort = &self.cohort;
                    parse_first_line(line, |symbol| cohort.lookup(symbol).is_some())
                }
            };
            match parsed {
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
            too_large: self
                .cohort
                .tallies()
                .iter()
                .filter(|t| t.too_large())
                .map(|t| t.symbol.clone())
                .collect(),
        }
    }
}

/// Whole percent of `done` out of `total` bytes; exact on 32-bit targets
/// too, where `done × 100` no longer fits a `usize` past 43 MB.
pub fn percent_done(done: usize, total: usize) -> u64 {
    (done as u64 * 100) / (total as u64).max(1)
}

impl CohortSummary {
    /// Fiat value of one side's total payout over the symbols that have a
    /// price (display only), summed exactly and rounded to cents once, as a
    /// row's fiat value is ([`crate::engine::fiat`]); `None` when no symbol
    /// has one, or when a priced symbol's total is too large to count.
    pub fn fiat_total(&self, side: Side) -> Option<Decimal> {
        let i = side as usize;
        let mut priced = Vec::new();
        for (tally, prices) in self.tallies.iter().zip(&self.prices) {
            if let Some(price) = prices[i] {
                priced.push((tally.total(side)?, price));
            }
        }
        if priced.is_empty() {
            return None;
        }
        fiat_cents(priced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::AssetSpec;

    fn asset(symbol: &str, apr: &str, decimals: u32, price: Option<&str>) -> Asset {
        let mut spec = AssetSpec::flat(symbol, apr.parse().unwrap());
        spec.payout_decimals = decimals;
        spec.price = price.map(|p| p.parse().unwrap());
        Asset::new(spec).unwrap()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn run(text: &str, assets: Vec<Asset>) -> CohortSummary {
        let pairs = assets.into_iter().map(|a| (a.clone(), a)).collect();
        let mut job = CohortJob::new(Rc::from(text), pairs);
        while !job.step(2) {}
        job.summary()
    }

    #[test]
    fn progress_percent_is_exact_past_the_32_bit_range() {
        // 43,044,000 × 100 does not fit 32 bits; 4,304,400,000 ÷ 54,400,000 = 79.1…
        assert_eq!(percent_done(43_044_000, 54_400_000), 79);
        assert_eq!(percent_done(0, 0), 0);
        assert_eq!(percent_done(10, 10), 100);
    }

    #[test]
    fn every_kind_of_line_end() {
        // 1000 × 0.05 ÷ 365 = 0.13698630…, so 3 holdings pay 3 × 13698630 units.
        let three = Decimal::new(41_095_890, 8);
        for text in [
            "BNB,1000\nBNB,1000\nBNB,1000",
            "BNB,1000\r\nBNB,1000\r\nBNB,1000\r\n",
            "BNB,1000\rBNB,1000\rBNB,1000\r",
            // Old Mac line ends with one stray LF at the end.
            "BNB,1000\rBNB,1000\rBNB,1000\r\n",
        ] {
            let s = run(text, vec![asset("BNB", "0.05", 8, None)]);
            assert_eq!((s.rows, s.invalid), (3, 0), "{text:?}");
            assert_eq!(s.tallies[0].total(Side::After), Some(three), "{text:?}");
        }
    }

    #[test]
    fn a_header_of_any_words_and_blank_spreadsheet_rows_are_skipped() {
        // 1000 × 0.05 ÷ 365 = 0.13698630…: two holdings pay 0.27397260.
        let text = "\n,,\nToken,Amount\nBNB,1000\n,\nBNB,1000\nToken,Amount\n";
        let s = run(text, vec![asset("BNB", "0.05", 8, None)]);
        // The header counts only as the first line with something in it.
        assert_eq!((s.rows, s.invalid), (2, 1));
        assert_eq!(
            s.examples,
            vec!["line 7: balance is not a number (use digits and one '.')".to_string()]
        );
        assert_eq!(
            s.tallies[0].total(Side::After),
            Some(Decimal::new(27_397_260, 8))
        );
    }

    #[test]
    fn a_total_too_large_is_named_and_keeps_the_fiat_total_from_looking_complete() {
        // 10^12 × 0.05 ÷ 365 at 18 decimals is 136,986,301.369863013698630136 per
        // holding: 1000 of them are ~1.4 × 10^29 units, more than a Decimal holds.
        let holdings: String = (0..1000).map(|_| "PEPE,1000000000000\n").collect();
        let s = run(
            &format!("AAA,1000\n{holdings}"),
            vec![
                asset("AAA", "0.05", 8, Some("10")),
                asset("PEPE", "0.05", 18, Some("0.00001")),
            ],
        );
        assert_eq!(s.too_large, vec!["PEPE".to_string()]);
        assert_eq!(s.tallies[1].total(Side::Before), None);
        // AAA alone: 0.13698630 × 10 = 1.3698630 → 1.37; with PEPE unknown, no total.
        assert_eq!(
            s.tallies[0].total(Side::Before),
            Some(Decimal::new(13_698_630, 8))
        );
        assert_eq!(s.fiat_total(Side::Before), None);
        let small = run("AAA,1000", vec![asset("AAA", "0.05", 8, Some("10"))]);
        assert_eq!(small.fiat_total(Side::Before), Some(Decimal::new(137, 2)));
        assert!(small.too_large.is_empty());
    }

    #[test]
    fn only_the_side_that_overflows_loses_its_total() {
        // Paid to 8 decimals before and 18 after: 10^12 × 0.05 ÷ 365 =
        // 136,986,301.36986301… is 1.37 × 10^16 units before (× 1000 holdings:
        // 1.37 × 10^19, fits) and 1.37 × 10^26 after (× 1000: too large).
        let holdings: String = (0..1000).map(|_| "PEPE,1000000000000\n").collect();
        let (before, after) = (
            asset("PEPE", "0.05", 8, Some("0.00001")),
            asset("PEPE", "0.05", 18, Some("0.00001")),
        );
        let mut job = CohortJob::new(Rc::from(holdings.as_str()), vec![(before, after)]);
        while !job.step(100) {}
        let s = job.summary();
        // 1000 × 136,986,301.36986301 = 136,986,301,369.86301000.
        assert_eq!(
            s.tallies[0].total(Side::Before),
            Some(d("136986301369.86301000"))
        );
        assert_eq!(s.tallies[0].total(Side::After), None);
        assert_eq!(s.too_large, vec!["PEPE".to_string()]);
        // × 0.00001 = 1,369,863.0136986301 → 1,369,863.01.
        assert_eq!(s.fiat_total(Side::Before), Some(d("1369863.01")));
        assert_eq!(s.fiat_total(Side::After), None);
    }

    #[test]
    fn half_a_cent_rounds_up_as_in_a_rows_fiat_value() {
        // 365 × 0.01 ÷ 365 = 0.01 a day; at 12.5 that is 0.125, which a row
        // shows as 0.13 (half a cent up), and so does the cohort's total
        // (rounding half to even would give 0.12).
        let s = run("HALF,365", vec![asset("HALF", "0.01", 8, Some("12.5"))]);
        assert_eq!(s.tallies[0].total(Side::After), Some(d("0.01")));
        assert_eq!(s.fiat_total(Side::After), Some(d("0.13")));
        assert_eq!(
            super::super::format::fiat_value(d("0.01"), d("12.5")),
            Some(d("0.13"))
        );
    }
}
