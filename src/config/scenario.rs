//! A shareable demo scenario (rate edits, balances, horizon, compounding)
//! encoded as one URL-safe query value, e.g.
//! `v2~h30~c1~BNB_a2.5_m0.5_x1000_b1000~USDT_t500-12-5000-0.8--0.3_b10000~z…`
//! (`z` and the 8 hex digits of the check).
//!
//! The last part (`z` and 8 hex digits) checks the text before it, so a link
//! cut short (by a chat client, a line break) or changed by hand is refused
//! whole instead of applying wrong values. Links of the first format (`v1~…`,
//! no check) are still read.
//!
//! Only unreserved URL characters are used (`A-Z a-z 0-9 - . _ ~`), so the
//! value needs no escaping. Every value is a plain decimal; APRs are percents,
//! as typed in demo mode. Decoding validates the shape; the widget then feeds
//! each value through its ordinary inputs, so the usual validation applies.

use rust_decimal::Decimal;

use super::decimal::parse_decimal;
use crate::engine::TimeOfDay;

/// Query parameter that carries a scenario.
pub const QUERY_PARAM: &str = "ss-scenario";
/// Query parameter naming the widget (its `storage_key`) a scenario is for:
/// other widgets on the page leave it alone. Absent: every demo widget reads it.
pub const WIDGET_PARAM: &str = "ss-widget";
/// A scenario from a page URL, and the widget it names, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedScenario {
    /// The encoded scenario (`v2~…~z…`, or a first-format `v1~…`); empty
    /// when the link was cut short before it.
    pub text: String,
    /// The `storage_key` of the widget it is for; `None`: every demo widget.
    pub for_widget: Option<String>,
}

impl SharedScenario {
    /// Whether the widget stored under `storage_key` should read it. A link
    /// cut short before its scenario (empty) may have lost part of the
    /// widget's key too: every widget reports it.
    pub fn is_for(&self, storage_key: &str) -> bool {
        self.text.is_empty()
            || self
                .for_widget
                .as_deref()
                .is_none_or(|key| key == storage_key)
    }
}

/// Most intraday changes an asset holds in the widget (a day's trades, not
/// a trade log): more would make the editor a wall of fields.
pub const MAX_ROW_CHANGES: usize = 100;
/// Format version tag of the links the widget writes (ending in a check).
const VERSION: &str = "v2";
/// Format version tag of the first links (no check), still read.
const VERSION_UNCHECKED: &str = "v1";
/// Starts the check part, the last of a `v2` link.
const CHECK_PREFIX: &str = "~z";
/// Why a `v2` link without a matching check is refused.
const DAMAGED: &str =
    "the link is incomplete or was changed after it was shared (copy the whole link again)";

/// One asset's part of a scenario; `None` leaves the configured value.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AssetScenario {
    /// Asset symbol.
    pub symbol: String,
    /// Flat APR in percent.
    pub apr_percent: Option<Decimal>,
    /// Tiers: (up_to, APR percent), the last unbounded.
    pub tiers_percent: Option<Vec<(Option<Decimal>, Decimal)>>,
    /// Minimum holding.
    pub min_amount: Option<Decimal>,
    /// Cap: `Some(None)` = uncapped.
    pub max_cap: Option<Option<Decimal>>,
    /// Opening balance.
    pub balance: Option<Decimal>,
    /// Intraday changes.
    pub changes: Vec<(TimeOfDay, Decimal)>,
}

impl AssetScenario {
    /// Nothing beyond the symbol: the asset as configured, no balance.
    pub fn is_empty(&self) -> bool {
        *self
            == AssetScenario {
                symbol: self.symbol.clone(),
                ..AssetScenario::default()
            }
    }
}

/// A whole scenario.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Scenario {
    /// Projection horizon in days.
    pub horizon_days: Option<u32>,
    /// Compounding on/off.
    pub compound: Option<bool>,
    /// Per-asset parts, in order.
    pub assets: Vec<AssetScenario>,
}

impl Scenario {
    /// The URL-safe text of this scenario.
    pub fn encode(&self) -> String {
        let mut parts = vec![VERSION.to_string()];
        if let Some(h) = self.horizon_days {
            parts.push(format!("h{h}"));
        }
        if let Some(c) = self.compound {
            parts.push(format!("c{}", u8::from(c)));
        }
        for a in &self.assets {
            let mut fields = vec![a.symbol.clone()];
            if let Some(apr) = a.apr_percent {
                fields.push(format!("a{apr}"));
            }
            if let Some(tiers) = &a.tiers_percent {
                let pairs: Vec<String> = tiers
                    .iter()
                    .map(|(up, apr)| {
                        format!("{}-{apr}", up.map(|u| u.to_string()).unwrap_or_default())
                    })
                    .collect();
                fields.push(format!("t{}", pairs.join("-")));
            }
            if let Some(min) = a.min_amount {
                fields.push(format!("m{min}"));
            }
            if let Some(cap) = &a.max_cap {
                fields.push(format!(
                    "x{}",
                    cap.map(|c| c.to_string()).unwrap_or_default()
                ));
            }
            if let Some(b) = a.balance {
                fields.push(format!("b{b}"));
            }
            if !a.changes.is_empty() {
                let pairs: Vec<String> = a
                    .changes
                    .iter()
                    .map(|(at, bal)| format!("{}-{bal}", at.to_string().replace(':', "")))
                    .collect();
                fields.push(format!("k{}", pairs.join("-")));
            }
            parts.push(fields.join("_"));
        }
        let body = parts.join("~");
        format!("{body}{CHECK_PREFIX}{:08x}", check(&body))
    }

    /// Reads a scenario; the error says what part could not be read.
    pub fn decode(text: &str) -> Result<Scenario, String> {
        let (scenario, unreadable) = Scenario::decode_parts(text)?;
        match unreadable.into_iter().next() {
            Some(why) => Err(why),
            None => Ok(scenario),
        }
    }

    /// Reads what it can of a scenario: the parts that read, and what is
    /// wrong with each part that does not (a shared link keeps its good
    /// parts). Only an unknown format, or a link whose check does not match,
    /// is an error.
    pub fn decode_parts(text: &str) -> Result<(Scenario, Vec<String>), String> {
        if text.is_empty() {
            return Err(DAMAGED.into());
        }
        let body = match text.split('~').next() {
            Some(VERSION) => checked_body(text).ok_or(DAMAGED)?,
            Some(VERSION_UNCHECKED) => text,
            _ => return Err("unknown scenario format".into()),
        };
        let mut parts = body.split('~');
        parts.next();
        let mut scenario = Scenario::default();
        let mut unreadable = Vec::new();
        for part in parts {
            if let Err(why) = scenario.read_part(part) {
                unreadable.push(why);
            }
        }
        Ok((scenario, unreadable))
    }

    fn read_part(&mut self, part: &str) -> Result<(), String> {
        let first = part.as_bytes().first().copied().unwrap_or(b' ');
        if first.is_ascii_lowercase() {
            let value = &part[1..];
            match first {
                b'h' => {
                    self.horizon_days = Some(
                        value
                            .parse()
                            .map_err(|_| format!("bad horizon {}", quoted(value)))?,
                    )
                }
                b'c' => {
                    self.compound = Some(match value {
                        "0" => false,
                        "1" => true,
                        _ => return Err(format!("bad compounding {}", quoted(value))),
                    })
                }
                _ => return Err(format!("unknown part {}", quoted(part))),
            }
        } else {
            self.assets.push(decode_asset(part)?);
        }
        Ok(())
    }
}

/// FNV-1a (32 bits) of `text`: a typo or a cut in a link changes it.
fn check(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The text of a `v2` link before its check part, when the check matches.
fn checked_body(text: &str) -> Option<&str> {
    let (body, written) = text.rsplit_once(CHECK_PREFIX)?;
    // Case-blind: a chat client may change the case of a link.
    written
        .eq_ignore_ascii_case(&format!("{:08x}", check(body)))
        .then_some(body)
}

fn dec(value: &str, what: &str) -> Result<Decimal, String> {
    parse_decimal(value).map_err(|why| format!("{what} {} {why}", quoted(value)))
}

/// `value` in quotes for a message, cut after 24 characters.
fn quoted(value: &str) -> String {
    format!("\"{}\"", short(value))
}

/// `text` for a message, cut after 24 characters (a crafted link may hold
/// thousands).
pub fn short(text: &str) -> String {
    const MAX: usize = 24;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

fn decode_asset(part: &str) -> Result<AssetScenario, String> {
    let mut fields = part.split('_');
    let symbol = fields.next().unwrap_or_default();
    if symbol.is_empty()
        || !symbol
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Err(format!("bad symbol {}", quoted(symbol)));
    }
    let mut a = AssetScenario {
        symbol: symbol.to_string(),
        ..AssetScenario::default()
    };
    for field in fields {
        read_asset_field(&mut a, field).map_err(|why| format!("{}: {why}", short(symbol)))?;
    }
    Ok(a)
}

/// One `_`-separated field of an asset part (`a2.5`, `m0.5`, `k1200-500`, …).
fn read_asset_field(a: &mut AssetScenario, field: &str) -> Result<(), String> {
    // The key is one ASCII letter; anything else is not a field of ours
    // (and must not be sliced inside a multi-byte character).
    let key_len = usize::from(field.as_bytes().first().is_some_and(u8::is_ascii_lowercase));
    let (key, value) = field.split_at(key_len);
    match key {
        "a" => a.apr_percent = Some(dec(value, "APR")?),
        "m" => a.min_amount = Some(dec(value, "minimum")?),
        "x" if value.is_empty() => a.max_cap = Some(None),
        "x" => a.max_cap = Some(Some(dec(value, "cap")?)),
        "b" => a.balance = Some(dec(value, "balance")?),
        "t" => {
            let items: Vec<&str> = value.split('-').collect();
            if items.len() % 2 != 0 {
                return Err(format!("bad tiers {}", quoted(value)));
            }
            let tiers = items
                .chunks(2)
                .map(|pair| {
                    let up = if pair[0].is_empty() {
                        None
                    } else {
                        Some(dec(pair[0], "tier bound")?)
                    };
                    Ok((up, dec(pair[1], "tier APR")?))
                })
                .collect::<Result<Vec<_>, String>>()?;
            a.tiers_percent = Some(tiers);
        }
        "k" => {
            // Read no further than one change past the limit.
            let room = 2 * (MAX_ROW_CHANGES - a.changes.len().min(MAX_ROW_CHANGES)) + 2;
            let items: Vec<&str> = value.split('-').take(room + 1).collect();
            if items.len() > room - 2 {
                return Err(format!("more than {MAX_ROW_CHANGES} intraday changes"));
            }
            if items.len() % 2 != 0 {
                return Err(format!("bad changes {}", quoted(value)));
            }
            for pair in items.chunks(2) {
                let t = pair[0];
                let at = (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| TimeOfDay::parse(&format!("{}:{}", &t[..2], &t[2..])))
                    .flatten()
                    .ok_or_else(|| format!("bad time {}", quoted(t)))?;
                a.changes.push((at, dec(pair[1], "balance")?));
            }
        }
        _ => return Err(format!("unknown field {}", quoted(field))),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn round_trips() {
        let s = Scenario {
            horizon_days: Some(90),
            compound: Some(true),
            assets: vec![
                AssetScenario {
                    symbol: "BNB".into(),
                    apr_percent: Some(d("2.5")),
                    min_amount: Some(d("0.5")),
                    max_cap: Some(None),
                    balance: Some(d("1000")),
                    changes: vec![(TimeOfDay::new(12, 0).unwrap(), d("500"))],
                    ..Default::default()
                },
                AssetScenario {
                    symbol: "USDT".into(),
                    tiers_percent: Some(vec![(Some(d("500")), d("12")), (None, d("0.3"))]),
                    ..Default::default()
                },
            ],
        };
        let text = s.encode();
        let body = "v2~h90~c1~BNB_a2.5_m0.5_x_b1000_k1200-500~USDT_t500-12--0.3";
        let written = text.strip_prefix(body).unwrap().strip_prefix("~z").unwrap();
        assert_eq!(written.len(), 8);
        assert_eq!(u32::from_str_radix(written, 16), Ok(check(body)));
        assert_eq!(Scenario::decode(&text), Ok(s.clone()));
        // The same scenario in the first format (no check) reads the same.
        let unchecked = "v1~h90~c1~BNB_a2.5_m0.5_x_b1000_k1200-500~USDT_t500-12--0.3";
        assert_eq!(Scenario::decode(unchecked), Ok(s));
    }

    #[test]
    fn the_check_is_fnv_1a() {
        // Test vectors of the FNV reference (Fowler, Noll, Vo).
        assert_eq!(check(""), 0x811c_9dc5);
        assert_eq!(check("a"), 0xe40c_292c);
        assert_eq!(check("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn a_cut_or_changed_link_is_refused_whole() {
        let s = Scenario {
            horizon_days: Some(90),
            assets: vec![AssetScenario {
                symbol: "BNB".into(),
                max_cap: Some(Some(d("1000"))),
                balance: Some(d("25")),
                ..Default::default()
            }],
            ..Default::default()
        };
        let text = s.encode();
        // Cut anywhere after its version (inside the cap `x1000` too), it
        // reads as nothing.
        for end in 2..text.len() {
            assert_eq!(
                Scenario::decode_parts(&text[..end]),
                Err(DAMAGED.to_string()),
                "{}",
                &text[..end]
            );
        }
        // One character changed, added or dropped: the same.
        for damaged in [
            text.replacen("x1000", "x1001", 1),
            text.replacen("b25", "b250", 1),
            text.replacen("~h90", "", 1),
            format!("{text}0"),
        ] {
            assert_eq!(
                Scenario::decode_parts(&damaged),
                Err(DAMAGED.to_string()),
                "{damaged}"
            );
        }
        assert_eq!(Scenario::decode_parts(&text).unwrap().0, s);
        // Upper-case hex digits (a chat client changing case) still check.
        let (body, written) = text.rsplit_once("~z").unwrap();
        let upper = format!("{body}~z{}", written.to_ascii_uppercase());
        assert_eq!(Scenario::decode_parts(&upper).unwrap().0, s);
    }

    #[test]
    fn compounding_is_0_or_1() {
        let (on, _) = Scenario::decode_parts("v1~c1").expect("reads");
        assert_eq!(on.compound, Some(true));
        let (off, _) = Scenario::decode_parts("v1~c0").expect("reads");
        assert_eq!(off.compound, Some(false));
        let (bad, unreadable) = Scenario::decode_parts("v1~c2~h7").expect("reads the rest");
        assert_eq!((bad.compound, bad.horizon_days), (None, Some(7)));
        assert_eq!(unreadable, vec!["bad compounding \"2\"".to_string()]);
    }

    #[test]
    fn rejects_garbage() {
        assert!(Scenario::decode("v2~h3").is_err());
        assert!(Scenario::decode("v1~BNB_a-1").is_err());
        assert!(Scenario::decode("v1~bnb_a1").is_err());
        assert!(Scenario::decode("v1~BNB_k2500-1").is_err());
    }

    #[test]
    fn a_link_keeps_its_readable_parts() {
        let (s, unreadable) =
            Scenario::decode_parts("v1~h90~SOL_a-1_b100~bnb_a1~BNB_b1000_k2400-5~c1~zz").unwrap();
        assert_eq!(s.horizon_days, Some(90));
        assert_eq!(s.compound, Some(true));
        assert!(s.assets.is_empty(), "{s:?}");
        assert_eq!(
            unreadable,
            [
                "SOL: APR \"-1\" must not be negative",
                "unknown part \"bnb_a1\"",
                "BNB: bad time \"2400\"",
                "unknown part \"zz\"",
            ]
        );
        let (s, unreadable) = Scenario::decode_parts("v1~h90~BNB_b1000~").unwrap();
        assert_eq!(s.assets.len(), 1);
        assert_eq!(unreadable, ["bad symbol \"\""]);
        assert!(Scenario::decode_parts("v2~h90").is_err());
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let why = Scenario::decode(&format!("v1~BNB_a{}x", "9".repeat(5000))).unwrap_err();
        assert!(
            why.starts_with(&format!("BNB: APR \"{}…\" is too large", "9".repeat(24))),
            "{why}"
        );
        assert_eq!(
            Scenario::decode("v1~BNB_a1x").unwrap_err(),
            "BNB: APR \"1x\" is not a number (use digits and one '.')"
        );
    }

    #[test]
    fn a_link_holds_at_most_a_hundred_changes_an_asset() {
        let changes = |n: usize| -> String {
            (0..n)
                .map(|i| format!("{:02}{:02}-{i}", i / 60, i % 60))
                .collect::<Vec<_>>()
                .join("-")
        };
        let s = Scenario::decode(&format!("v1~BNB_k{}", changes(100))).unwrap();
        assert_eq!(s.assets[0].changes.len(), 100);
        // 101: in one field or two, the asset's part is left out, with the reason.
        for link in [
            format!("v1~BNB_k{}~SOL_b1", changes(101)),
            format!("v1~BNB_k{}_k0000-1~SOL_b1", changes(100)),
        ] {
            let (s, unreadable) = Scenario::decode_parts(&link).unwrap();
            assert_eq!(
                unreadable,
                vec!["BNB: more than 100 intraday changes".to_string()]
            );
            assert_eq!(s.assets.len(), 1);
            assert_eq!(s.assets[0].symbol, "SOL");
        }
    }

    #[test]
    fn a_shared_scenario_is_for_its_widget_or_for_all() {
        let named = SharedScenario {
            text: "v1~h90".into(),
            for_widget: Some("earn-a".into()),
        };
        assert!(named.is_for("earn-a"));
        assert!(!named.is_for("earn-b"));
        let unnamed = SharedScenario {
            text: "v1~h90".into(),
            for_widget: None,
        };
        assert!(unnamed.is_for("earn-a") && unnamed.is_for("earn-b"));
        // Cut short before its scenario (and maybe inside the key): every
        // widget reads it, and says the link is incomplete.
        let cut = SharedScenario {
            text: String::new(),
            for_widget: Some("earn-".into()),
        };
        assert!(cut.is_for("earn-a") && cut.is_for("earn-b"));
        assert_eq!(Scenario::decode_parts(""), Err(DAMAGED.to_string()));
    }
}
