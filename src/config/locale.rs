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

/// Where a locale puts its digit-group separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Every three digits: `1,234,567`.
    Thousands,
    /// Indian lakh and crore: three digits, then every two: `12,34,567`.
    Lakh,
}

/// How a locale writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberStyle {
    /// Decimal separator.
    pub decimal: char,
    /// Thousands separator.
    pub group: GroupSeparator,
    /// Where the separators go.
    pub grouping: Grouping,
}

impl NumberStyle {
    /// The style of a BCP 47 locale (`de-DE`, `es-419`, `sr-Latn-RS`), as
    /// CLDR writes its numbers: by language, with the regions that differ
    /// from their language (`de-CH`, `es-MX`, `pt-PT`, …). Unknown locales
    /// write numbers the en-US way.
    pub fn for_locale(locale: &str) -> NumberStyle {
        use GroupSeparator::{Apostrophe, Comma, Dot, Space};
        let lower = locale.to_ascii_lowercase();
        let (language, region) = language_and_region(&lower);
        let (decimal, group) = match (language, region) {
            ("de" | "it" | "en", "ch") | ("de", "li") => ('.', Apostrophe),
            (
                "es",
                "cu" | "do" | "gt" | "hn" | "mx" | "ni" | "pa" | "pe" | "pr" | "sv" | "us" | "419",
            ) => ('.', Comma),
            ("es", "cr") | ("de", "at") | ("en", "fi" | "fr" | "no" | "pt" | "se" | "za") => {
                (',', Space)
            }
            ("pt", r) if !r.is_empty() && r != "br" => (',', Space),
            ("en", "at" | "be" | "de" | "dk" | "es" | "it" | "nl" | "pl" | "si") => (',', Dot),
            (
                "de" | "es" | "it" | "nl" | "pt" | "id" | "tr" | "da" | "el" | "ro" | "vi" | "sr"
                | "hr" | "bs" | "sl" | "mk" | "az" | "ca" | "gl" | "eu" | "is",
                _,
            ) => (',', Dot),
            (
                "fr" | "ru" | "pl" | "cs" | "sk" | "sv" | "fi" | "nb" | "nn" | "no" | "uk" | "hu"
                | "bg" | "be" | "sq" | "lt" | "lv" | "et" | "kk" | "uz" | "ka" | "hy" | "af",
                _,
            ) => (',', Space),
            _ => ('.', Comma),
        };
        // Most Indian languages, Bengali and Nepali, and English in India,
        // group in lakhs and crores.
        let grouping = match (language, region) {
            ("en", "in")
            | ("hi" | "bn" | "mr" | "gu" | "pa" | "ta" | "te" | "ml" | "or" | "as" | "ne", _) => {
                Grouping::Lakh
            }
            _ => Grouping::Thousands,
        };
        NumberStyle {
            decimal,
            group,
            grouping,
        }
    }
}

/// The language and region subtags of a lower-case locale tag (`"es-419"` →
/// `("es", "419")`, `"sr-latn-rs"` → `("sr", "rs")`; no region → `""`).
/// Extensions (`-u-…`) are not read.
fn language_and_region(tag: &str) -> (&str, &str) {
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next().unwrap_or("");
    let region = subtags
        .take_while(|s| s.len() > 1)
        .find(|s| {
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        })
        .unwrap_or("");
    (language, region)
}

impl NumberStyle {
    /// The separators a visitor of this locale may type.
    pub fn separators(self) -> Separators {
        match (self.decimal, self.group, self.grouping) {
            (',', GroupSeparator::Dot, _) => Separators::POINT_COMMA,
            (',', _, _) => Separators::SPACE_COMMA,
            (_, GroupSeparator::Apostrophe, _) => Separators::APOSTROPHE_POINT,
            (_, _, Grouping::Lakh) => Separators::COMMA_POINT_LAKH,
            _ => Separators::COMMA_POINT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GroupSeparator::{Apostrophe, Comma, Dot, Space};
    use super::*;

    fn style(locale: &str) -> (char, GroupSeparator) {
        let s = NumberStyle::for_locale(locale);
        (s.decimal, s.group)
    }

    /// Expected separators are CLDR's (what `Intl.NumberFormat` prints for
    /// 1234567.5 in each locale).
    #[test]
    fn languages_write_numbers_as_cldr_does() {
        for l in [
            "en", "en-US", "en-GB", "en-IN", "ja-JP", "zh-CN", "ko", "he",
        ] {
            assert_eq!(style(l), ('.', Comma), "{l}");
        }
        for l in [
            "de", "de-DE", "es-ES", "it-IT", "pt-BR", "pt", "nl-BE", "tr", "ca-ES",
        ] {
            assert_eq!(style(l), (',', Dot), "{l}");
        }
        for l in [
            "fr-FR", "fr-CA", "ru-RU", "pl-PL", "sv-SE", "nb-NO", "uk", "lt",
        ] {
            assert_eq!(style(l), (',', Space), "{l}");
        }
    }

    #[test]
    fn regions_that_differ_from_their_language() {
        for l in ["es-MX", "es-US", "es-419", "es-PE", "es-DO"] {
            assert_eq!(style(l), ('.', Comma), "{l}");
        }
        for l in ["de-CH", "de-LI", "it-CH", "en-CH"] {
            assert_eq!(style(l), ('.', Apostrophe), "{l}");
        }
        for l in [
            "fr-CH", "de-AT", "pt-PT", "pt-AO", "es-CR", "en-ZA", "en-SE",
        ] {
            assert_eq!(style(l), (',', Space), "{l}");
        }
        for l in ["en-DE", "en-NL", "es-AR", "es-CL"] {
            assert_eq!(style(l), (',', Dot), "{l}");
        }
    }

    #[test]
    fn india_groups_in_lakhs() {
        for l in [
            "en-IN", "hi-IN", "hi", "ta-IN", "mr", "bn-IN", "bn-BD", "ne",
        ] {
            let s = NumberStyle::for_locale(l);
            assert_eq!((s.decimal, s.grouping), ('.', Grouping::Lakh), "{l}");
            assert_eq!(s.separators(), Separators::COMMA_POINT_LAKH, "{l}");
        }
        for l in ["en-US", "en-GB", "en-PK", "kn", "ur-IN", "de-DE"] {
            assert_eq!(
                NumberStyle::for_locale(l).grouping,
                Grouping::Thousands,
                "{l}"
            );
        }
    }

    #[test]
    fn scripts_extensions_case_and_underscores() {
        assert_eq!(style("sr-Latn-RS"), (',', Dot));
        assert_eq!(style("DE-ch"), ('.', Apostrophe));
        assert_eq!(style("de_CH"), ('.', Apostrophe));
        assert_eq!(style("de-CH-u-nu-latn"), ('.', Apostrophe));
        // A singleton starts an extension: its subtags are not a region.
        assert_eq!(style("es-u-rg-mxzzzz"), (',', Dot));
        assert_eq!(style(""), ('.', Comma));
        assert_eq!(style("ünknown-ÄÖ"), ('.', Comma));
    }
}
