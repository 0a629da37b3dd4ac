//! The fiat currency the assets' prices are quoted in (`config.currency`), an
//! ISO 4217 code such as `USD`, shown after every fiat value.

use crate::engine::EngineError;

/// A three-letter currency code (`A`–`Z`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The code of the built-in sample prices.
    pub const USD: Currency = Currency(*b"USD");

    /// Parses `config.currency`: three capital letters.
    pub fn parse(text: &str, field: &str) -> Result<Currency, EngineError> {
        match text.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Currency([a, b, c])),
            _ => Err(EngineError::new(
                field,
                "must be a three-letter currency code in capitals, such as \"USD\" or \"EUR\"",
            )),
        }
    }

    /// The code, e.g. `"EUR"`.
    pub fn as_str(&self) -> &str {
        // Three ASCII capitals, checked by `parse`.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_capital_letters_are_a_code() {
        let eur = Currency::parse("EUR", "config.currency").expect("EUR");
        assert_eq!(eur.as_str(), "EUR");
        assert_eq!(Currency::USD.as_str(), "USD");
    }

    #[test]
    fn anything_else_is_refused_naming_the_field() {
        for bad in ["", "US", "USDT", "usd", "U$D", "€", "ÉUR", "US "] {
            let err = Currency::parse(bad, "config.currency").expect_err(bad);
            assert_eq!(err.field, "config.currency", "{bad}");
            assert!(err.to_string().contains("three-letter"), "{bad}: {err}");
        }
    }
}
