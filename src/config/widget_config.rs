//! The widget's config document (`assets`, `mode`, `locale`, `horizon_days`,
//! `theme`, `storage_key`, `currency`), validated field by field. A missing config, or one
//! without `assets`, uses the built-in sample list.

use super::asset::parse_asset;
use super::currency::Currency;
use super::loose::{Fields, Loose};
use super::samples::sample_assets;
use crate::engine::{Asset, EngineError, MAX_DAYS};

/// Most assets one widget shows.
pub const MAX_ASSETS: usize = 1000;
/// Default projection horizon in days.
pub const DEFAULT_HORIZON_DAYS: u32 = 30;
/// Default local-storage key.
pub const DEFAULT_STORAGE_KEY: &str = "soft-staking";
/// Longest storage key.
pub const MAX_STORAGE_KEY_LEN: usize = 256;

/// Who the widget is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// A visitor of the Simple Earn page.
    #[default]
    User,
    /// The product team: editable rates, before → after, cohorts.
    Demo,
}

impl Mode {
    /// Whether this build carries demo mode's tools (the `demo` Cargo
    /// feature). The visitor's WebAssembly build leaves them out; `embed.js`
    /// loads the demo build for a demo config.
    pub const DEMO_IN_BUILD: bool = cfg!(feature = "demo");

    /// The mode this build shows: a demo config shows user mode in a build
    /// without demo tools. A constant `false` there, so the compiler drops
    /// every demo-only branch.
    pub fn is_demo(self) -> bool {
        Mode::DEMO_IN_BUILD && self == Mode::Demo
    }
}

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Follow the visitor's system preference.
    #[default]
    Auto,
}

impl Theme {
    /// The contract name.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// An asset as the widget shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfiguredAsset {
    /// The validated asset.
    pub asset: Asset,
    /// APR and price are sample values (built-in list), to be labelled so.
    pub sample_rate: bool,
    /// The cap is a sample value.
    pub sample_cap: bool,
}

/// A validated widget config.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    /// Assets, in display order, symbols unique.
    pub assets: Vec<ConfiguredAsset>,
    /// User or demo mode.
    pub mode: Mode,
    /// BCP 47 locale for number and date formatting.
    pub locale: String,
    /// Initial projection horizon (1–3650 days).
    pub horizon_days: u32,
    /// Colour scheme.
    pub theme: Theme,
    /// Local-storage key for the activation state.
    pub storage_key: String,
    /// The currency of the assets' prices, shown after fiat values.
    pub currency: Option<Currency>,
}

/// The top-level config fields of the contract.
pub const CONFIG_FIELDS: &[&str] = &[
    "assets",
    "mode",
    "locale",
    "horizon_days",
    "theme",
    "storage_key",
    "currency",
];

impl WidgetConfig {
    /// The config used when the host gives none: the built-in samples.
    pub fn samples() -> Result<WidgetConfig, EngineError> {
        Ok(WidgetConfig {
            assets: samples_as_configured()?,
            mode: Mode::User,
            locale: "en-US".to_string(),
            horizon_days: DEFAULT_HORIZON_DAYS,
            theme: Theme::Auto,
            storage_key: DEFAULT_STORAGE_KEY.to_string(),
            currency: Some(Currency::USD),
        })
    }

    /// Parses a config document; `Loose::Null` means "no config".
    pub fn parse(value: &Loose) -> Result<WidgetConfig, EngineError> {
        if matches!(value, Loose::Null) {
            return WidgetConfig::samples();
        }
        let fields = Fields::of(value, "config")?;
        fields.check_keys(CONFIG_FIELDS)?;
        let list = fields.opt_list("assets")?;
        let samples = list.is_none();
        let assets = match list {
            None => samples_as_configured()?,
            Some(items) => parse_assets(items)?,
        };
        let mode = match fields.opt_text("mode")? {
            None | Some("user") => Mode::User,
            Some("demo") => Mode::Demo,
            Some(_) => {
                return Err(EngineError::new(
                    "config.mode",
                    "must be \"user\" or \"demo\"",
                ))
            }
        };
        let theme = match fields.opt_text("theme")? {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(_) => {
                return Err(EngineError::new(
                    "config.theme",
                    "must be \"light\", \"dark\" or \"auto\"",
                ))
            }
        };
        let locale = match fields.opt_text("locale")? {
            None => "en-US".to_string(),
            Some(l) if is_locale_tag(l) => l.to_string(),
            Some(_) => {
                return Err(EngineError::new(
                    "config.locale",
                    "must be a language tag such as \"en-US\"",
                ))
            }
        };
        let horizon_days = fields
            .opt_integer("horizon_days", 1..=i128::from(MAX_DAYS))?
            .map_or(DEFAULT_HORIZON_DAYS, |d| d as u32);
        let storage_key = match fields.opt_text("storage_key")? {
            None => DEFAULT_STORAGE_KEY.to_string(),
            Some(k) if is_storage_key(k) => k.to_string(),
            Some(_) => {
                return Err(EngineError::new(
                    "config.storage_key",
                    format!("must be 1 to {MAX_STORAGE_KEY_LEN} characters, none of them a control character"),
                ))
            }
        };
        let currency = match fields.opt_text("currency")? {
            Some(code) => Some(Currency::parse(code, "config.currency")?),
            // The built-in prices are in US dollars.
            None if samples => Some(Currency::USD),
            None => None,
        };
        Ok(WidgetConfig {
            assets,
            mode,
            locale,
            horizon_days,
            theme,
            storage_key,
            currency,
        })
    }
}

fn samples_as_configured() -> Result<Vec<ConfiguredAsset>, EngineError> {
    Ok(sample_assets()?
        .into_iter()
        .map(|s| ConfiguredAsset {
            asset: s.asset,
            sample_rate: true,
            sample_cap: s.sample_cap,
        })
        .collect())
}

fn parse_assets(items: &[Loose]) -> Result<Vec<ConfiguredAsset>, EngineError> {
    if items.is_empty() {
        return Err(EngineError::new(
            "config.assets",
            "must list at least one asset",
        ));
    }
    if items.len() > MAX_ASSETS {
        return Err(EngineError::new(
            "config.assets",
            format!(
                "lists {} assets; at most {MAX_ASSETS} are supported",
                items.len()
            ),
        ));
    }
    let mut out: Vec<ConfiguredAsset> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let asset = parse_asset(item, &format!("config.assets[{i}]"))?;
        if let Some(first) = out.iter().position(|a| a.asset.symbol() == asset.symbol()) {
            return Err(EngineError::new(
                format!("config.assets[{i}].symbol"),
                format!(
                    "duplicate symbol {} (also config.assets[{first}])",
                    asset.symbol()
                ),
            ));
        }
        out.push(ConfiguredAsset {
            asset,
            sample_rate: false,
            sample_cap: false,
        });
    }
    Ok(out)
}

fn is_locale_tag(tag: &str) -> bool {
    (2..=35).contains(&tag.len())
        && tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && tag.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
}

fn is_storage_key(key: &str) -> bool {
    (1..=MAX_STORAGE_KEY_LEN).contains(&key.chars().count()) && !key.chars().any(char::is_control)
}
