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

    /// The separator as text (the stylesheet draws the same character).
    pub fn text(self) -> &'static str {
        match self {
            GroupSeparator::Comma => ",",
            GroupSeparator::Dot => ".",
            GroupSeparator::Space => "\u{202f}",
            GroupSeparator::Apostrophe => "'",
        }
    }
}

/// Where a locale puts its digit-group separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Every three digits: `1,234,567`.
    Thousands,
    /// Every three digits, but a four-digit number stays whole: `1234`,
    /// `12.345` (CLDR's minimum grouping digits of 2: es-ES, it, pl, …).
    ThousandsFromFiveDigits,
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
        let (language, script, region) = subtags(&lower);
        let (decimal, group) = match (language, region) {
            ("de" | "it" | "en", "ch") | ("de", "li") => ('.', Apostrophe),
            (
                "es",
                "bz" | "cu" | "do" | "gt" | "hn" | "mx" | "ni" | "pa" | "pe" | "pr" | "sv" | "us"
                | "419",
            ) => ('.', Comma),
            ("fr", "lu" | "ma") => (',', Dot),
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
        let grouping = match (language, script, region) {
            // Tamil abroad and Punjabi in Arabic script group in thousands.
            ("ta", _, "my" | "sg") | ("pa", "arab", _) => Grouping::Thousands,
            // Most Indian languages, Bengali and Nepali, and English in
            // India, group in lakhs and crores.
            ("en", _, "in")
            | (
                "hi" | "bn" | "mr" | "gu" | "pa" | "ta" | "te" | "ml" | "or" | "as" | "ne" | "kok"
                | "brx" | "sa",
                _,
                _,
            ) => Grouping::Lakh,
            // A four-digit number stays whole.
            ("es", _, "" | "es" | "gq" | "ph")
            | ("pt", _, "pt" | "mz")
            | ("it" | "pl" | "sl" | "hu" | "bg" | "be" | "sq" | "lv" | "et" | "ka" | "hy", _, _) => {
                Grouping::ThousandsFromFiveDigits
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

/// The language, script and region subtags of a lower-case locale tag
/// (`"sr-latn-rs"` → `("sr", "latn", "rs")`, `"es-419"` → `("es", "",
/// "419")`; a missing one is `""`). Extensions (`-u-…`) are not read.
fn subtags(tag: &str) -> (&str, &str, &str) {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or("");
    let (mut script, mut region) = ("", "");
    // A singleton (`u`, `x`, …) starts an extension.
    for part in parts.take_while(|s| s.len() > 1) {
        let letters = part.bytes().all(|b| b.is_ascii_alphabetic());
        match part.len() {
            4 if letters && script.is_empty() && region.is_empty() => script = part,
            2 if letters && region.is_empty() => region = part,
            3 if part.bytes().all(|b| b.is_ascii_digit()) && region.is_empty() => region = part,
            _ => {}
        }
    }
    (language, script, region)
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
        for l in ["en-DE", "en-NL", "es-AR", "es-CL", "fr-LU", "fr-MA"] {
            assert_eq!(style(l), (',', Dot), "{l}");
        }
        assert_eq!(style("es-BZ"), ('.', Comma));
    }

    #[test]
    fn where_a_four_digit_number_stays_whole() {
        // CLDR: 1234 in es-ES, it, pl, pt-PT; 1.234 in es-AR, pt-BR, de.
        for l in [
            "es", "es-ES", "it-IT", "it-CH", "pl", "pt-PT", "sl", "hu", "bg",
        ] {
            let grouping = NumberStyle::for_locale(l).grouping;
            assert_eq!(grouping, Grouping::ThousandsFromFiveDigits, "{l}");
        }
        for l in [
            "es-AR", "es-MX", "pt-BR", "pt-AO", "de-DE", "fr-FR", "en-US",
        ] {
            assert_eq!(
                NumberStyle::for_locale(l).grouping,
                Grouping::Thousands,
                "{l}"
            );
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
        for l in ["kok", "brx", "sa", "pa-Guru-IN"] {
            assert_eq!(NumberStyle::for_locale(l).grouping, Grouping::Lakh, "{l}");
        }
        for l in [
            "en-US", "en-GB", "en-PK", "kn", "ur-IN", "de-DE", "ta-MY", "ta-SG", "pa-Arab",
        ] {
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
