//! Cohort CSV (`symbol,balance` per line), read line by line without copying:
//! an optional header, blank lines, surrounding spaces, a byte-order mark and
//! fields in double quotes (as spreadsheets export them) are allowed; symbols
//! are matched case-insensitively.

use crate::engine::asset::MAX_SYMBOL_LEN;
use crate::engine::quick::{parse_raw_amount, RawAmount};

use super::decimal::parse_decimal;

/// One line of a cohort file, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvLine {
    /// Blank line or the header.
    Skip,
    /// A holding: upper-cased symbol bytes and its balance.
    Holding {
        /// The symbol, upper-cased.
        symbol: SymbolKey,
        /// The balance, as mantissa and scale.
        balance: RawAmount,
    },
    /// A line that cannot be read, with the reason.
    Invalid(String),
}

/// An upper-cased symbol of at most [`MAX_SYMBOL_LEN`] bytes, kept on the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SymbolKey {
    bytes: [u8; MAX_SYMBOL_LEN],
    len: u8,
}

impl SymbolKey {
    /// The symbol's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

/// A field without its spaces and, if it has them, its double quotes.
fn field(bytes: &[u8]) -> &[u8] {
    match trim(bytes) {
        [b'"', inner @ .., b'"'] => trim(inner),
        other => other,
    }
}

/// The balance field at the start of `rest` (in quotes: up to the closing
/// quote and the next comma; else up to the next comma), and what follows
/// that comma, if there is one.
fn balance_field(rest: &[u8]) -> (&[u8], Option<&[u8]>) {
    let start = rest
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let search_from = match rest.get(start) {
        Some(b'"') => rest[start + 1..]
            .iter()
            .position(|&b| b == b'"')
            .map_or(rest.len(), |close| start + close + 2),
        _ => start,
    };
    match rest[search_from.min(rest.len())..]
        .iter()
        .position(|&b| b == b',')
    {
        Some(at) => {
            let comma = search_from + at;
            (&rest[..comma], Some(&rest[comma + 1..]))
        }
        None => (rest, None),
    }
}

/// A line with nothing in it: spaces, or only empty fields (`,,` is how a
/// spreadsheet exports a blank row).
pub fn is_blank(line: &str) -> bool {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    line.bytes()
        .all(|b| b == b',' || b == b'"' || b.is_ascii_whitespace())
}

/// Classifies the first line that is not blank: as [`parse_line`], and a
/// line of words with no digit in it (`token,amount`) is a header, unless
/// its first word is a symbol `listed` knows (upper-cased): `BNB,abc` is a
/// holding that does not read.
pub fn parse_first_line(line: &str, listed: impl Fn(&[u8]) -> bool) -> CsvLine {
    match parse_line(line) {
        CsvLine::Invalid(why) => {
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            let first = field(line.split(',').next().unwrap_or_default().as_bytes());
            let words = line.contains(',') && !line.bytes().any(|b| b.is_ascii_digit());
            match words && !listed(&first.to_ascii_uppercase()) {
                true => CsvLine::Skip,
                false => CsvLine::Invalid(why),
            }
        }
        other => other,
    }
}

/// Classifies one line (without its line break).
pub fn parse_line(line: &str) -> CsvLine {
    if is_blank(line) {
        return CsvLine::Skip;
    }
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let bytes = trim(line.as_bytes());
    let comma = bytes.iter().position(|&b| b == b',');
    // Semicolons or tabs between the fields (a spreadsheet's regional CSV).
    let first = &bytes[..comma.unwrap_or(bytes.len())];
    if first.contains(&b';') || first.contains(&b'\t') {
        return CsvLine::Invalid("expected symbol,balance: separate the two with a comma".into());
    }
    let Some(comma) = comma else {
        return CsvLine::Invalid("expected symbol,balance".into());
    };
    let (balance, after) = balance_field(&bytes[comma + 1..]);
    // More columns: refused (`1,000` would read as 1), unless they are empty
    // (the trailing commas some spreadsheets write).
    if let Some(after) = after.filter(|a| a.iter().any(|&b| b != b',' && !b.is_ascii_whitespace()))
    {
        let columns = 3 + after.iter().filter(|&&b| b == b',').count();
        return CsvLine::Invalid(format!(
            "expected 2 columns (symbol,balance), found {columns} (write a balance plainly, such as 1234.5: no thousands separators, '.' before decimals)"
        ));
    }
    let (sym, rest) = (field(first), field(balance));
    if sym.eq_ignore_ascii_case(b"symbol") && rest.eq_ignore_ascii_case(b"balance") {
        return CsvLine::Skip;
    }
    if sym.is_empty()
        || sym.len() > MAX_SYMBOL_LEN
        || !sym.iter().all(|b| b.is_ascii_alphanumeric())
    {
        return CsvLine::Invalid(format!(
            "symbol must be 1 to {MAX_SYMBOL_LEN} letters or digits"
        ));
    }
    let mut key = SymbolKey {
        bytes: [0; MAX_SYMBOL_LEN],
        len: sym.len() as u8,
    };
    for (dst, src) in key.bytes.iter_mut().zip(sym) {
        *dst = src.to_ascii_uppercase();
    }
    match parse_raw_amount(rest) {
        Some(balance) => CsvLine::Holding {
            symbol: key,
            balance,
        },
        None => {
            let text = String::from_utf8_lossy(rest);
            match parse_decimal(&text) {
                // Valid but unusual (e.g. trailing zeros past 28 decimals).
                Ok(d) => CsvLine::Holding {
                    symbol: key,
                    balance: RawAmount {
                        mantissa: d.mantissa().unsigned_abs(),
                        scale: d.scale(),
                    },
                },
                Err(why) => CsvLine::Invalid(format!("balance {why}")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The symbol and the (mantissa, scale) of the balance `line` holds.
    fn holding(line: &str) -> (Vec<u8>, u128, u32) {
        match parse_line(line) {
            CsvLine::Holding { symbol, balance } => {
                (symbol.as_bytes().to_vec(), balance.mantissa, balance.scale)
            }
            other => panic!("{line:?}: {other:?}"),
        }
    }

    #[test]
    fn reads_lines() {
        assert_eq!(parse_line("symbol,balance"), CsvLine::Skip);
        assert_eq!(parse_line("   "), CsvLine::Skip);
        assert_eq!(holding(" bnb , 12.50 "), (b"BNB".to_vec(), 1250, 2));
        // A spreadsheet's export: byte-order mark, quoted fields.
        assert_eq!(parse_line("\u{feff}symbol,balance"), CsvLine::Skip);
        assert_eq!(parse_line("\"symbol\",\"balance\""), CsvLine::Skip);
        assert_eq!(holding("\u{feff}\"SOL\", \"0.5\""), (b"SOL".to_vec(), 5, 1));
        // A thousands separator inside quotes is still not a balance.
        assert!(matches!(parse_line("BNB,\"1,000\""), CsvLine::Invalid(_)));
        assert!(matches!(parse_line("BNB,\""), CsvLine::Invalid(_)));
        assert!(matches!(parse_line("BNB,-1"), CsvLine::Invalid(why) if why.contains("negative")));
        assert!(matches!(parse_line("BNB"), CsvLine::Invalid(_)));
    }

    fn why(line: &str) -> String {
        match parse_line(line) {
            CsvLine::Invalid(why) => why,
            other => panic!("{line:?} was read: {other:?}"),
        }
    }

    #[test]
    fn blank_spreadsheet_rows_and_other_headers_are_skipped() {
        for blank in [",", ",,", " , ", "\"\",\"\"", "\u{feff},"] {
            assert_eq!(parse_line(blank), CsvLine::Skip, "{blank:?}");
        }
        let listed = |symbol: &[u8]| symbol == b"BNB";
        // Any header of words, as the first line only.
        for header in [
            "token,amount",
            "Asset, Quantity",
            "\"Coin\",\"Holding (units)\"",
        ] {
            assert_eq!(
                parse_first_line(header, listed),
                CsvLine::Skip,
                "{header:?}"
            );
            assert!(
                matches!(parse_line(header), CsvLine::Invalid(_)),
                "{header:?}"
            );
        }
        // A first line with a digit, or starting with a listed symbol, is
        // data, read or refused as such.
        assert!(matches!(
            parse_first_line("BNB,1", listed),
            CsvLine::Holding { .. }
        ));
        assert!(matches!(
            parse_first_line("BNB,1x", listed),
            CsvLine::Invalid(_)
        ));
        assert!(matches!(
            parse_first_line("BNB 1000", listed),
            CsvLine::Invalid(_)
        ));
        assert!(matches!(
            parse_first_line("bnb,abc", listed),
            CsvLine::Invalid(_)
        ));
        assert!(matches!(
            parse_first_line("BNB,", listed),
            CsvLine::Invalid(_)
        ));
    }

    #[test]
    fn says_what_is_wrong_with_the_shape_of_a_line() {
        assert_eq!(
            why("BNB,1000,cold wallet"),
            "expected 2 columns (symbol,balance), found 3 (write a balance plainly, such as 1234.5: no thousands separators, '.' before decimals)"
        );
        assert!(why("BNB,1,000,000").contains("found 4"));
        // Semicolons or tabs (a spreadsheet's regional CSV): say to use a comma.
        assert!(why("BNB;1000").contains("separate the two with a comma"));
        assert!(why("BNB\t1000").contains("separate the two with a comma"));
        // A regional line with a decimal comma too.
        assert!(why("BNB;1000,5").contains("separate the two with a comma"));
        assert_eq!(why("BNB 1000"), "expected symbol,balance");
        // A quoted balance and another column; a quoted balance with a comma.
        assert!(why("BNB,\"1000\",x").contains("found 3"));
        assert!(why("BNB,\"1,000\"").starts_with("balance"));
        // Empty trailing columns are what some spreadsheets write: fine.
        assert_eq!(holding("BNB,1000,"), (b"BNB".to_vec(), 1000, 0));
        assert_eq!(holding("BNB,\"12.5\", ,"), (b"BNB".to_vec(), 125, 1));
        assert_eq!(parse_line("symbol,balance,"), CsvLine::Skip);
    }
}
