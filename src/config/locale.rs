//! How a locale writes numbers: the separators the widget displays (digit
//! groups drawn by CSS, the decimal separator in text) and accepts when a
//! visitor types a balance.

use super::decimal::Separators;

/// Thousands separator of a locale, drawn by CSS (`grp-*` class on the root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupSeparator {
    /// `1,000`
    Comma,
    /// `1.000`
    Dot,
    /// `1 000`
    Space,
    /// `1'000`
    Apostrophe,
}

impl GroupSeparator {
    /// CSS class for the widget root.
    pub fn class(self) -> &'static str {
        match self {
            GroupSeparator::Comma => "grp-comma",
            GroupSeparator::Dot => "grp-dot",
            GroupSeparator::Space => "grp-space",
            GroupSeparator::Apostrophe => "grp-apos",
        }
    }
}

/// How a locale writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// Decimal separator.
    pub decimal: char,
    /// Thousands separator.
    pub group: GroupSeparator,
}

impl NumberStyle {
    /// The style of a BCP 47 locale (by language, with a few regional cases);
    /// unknown locales write numbers the en-US way.
    pub fn for_locale(locale: &str) -> NumberStyle {
        let lower = locale.to_ascii_lowercase();
        let language = lower.split('-').next().unwrap_or("");
        let (decimal, group) = match (language, lower.as_str()) {
            (_, "de-ch" | "it-ch" | "fr-ch") => ('.', GroupSeparator::Apostrophe),
            ("de" | "es" | "it" | "nl" | "pt" | "id" | "tr" | "da" | "el" | "ro" | "vi", _) => {
                (',', GroupSeparator::Dot)
            }
            (
                "fr" | "ru" | "pl" | "cs" | "sk" | "sv" | "fi" | "nb" | "no" | "uk" | "hu" | "bg",
                _,
            ) => (',', GroupSeparator::Space),
            _ => ('.', GroupSeparator::Comma),
        };
        NumberStyle { decimal, group }
    }
}

impl NumberStyle {
    /// The separators a visitor of this locale may type.
    pub fn separators(self) -> Separators {
        match (self.decimal, self.group) {
            (',', GroupSeparator::Dot) => Separators::POINT_COMMA,
            (',', _) => Separators::SPACE_COMMA,
            (_, GroupSeparator::Apostrophe) => Separators::APOSTROPHE_POINT,
            _ => Separators::COMMA_POINT,
        }
    }
}
