//! The stored form of the activation state: one short line of text,
//! `soft-staking/v1 terms=1 on=1 day=20781`, parsed strictly so that foreign or
//! corrupted data under the same key is recognised and never misread.

use super::state::Activation;

const TAG: &str = "soft-staking/v1";
/// Last Unix day read back (9999-12-31): later "days" are not ours, and the
/// timeline's date arithmetic stays far from `i64` overflow.
const MAX_DAY: i64 = 2_932_896;

/// The record text for `activation`.
pub fn encode(activation: Activation) -> String {
    let day = activation
        .activated_day
        .map_or_else(|| "-".to_string(), |d| d.to_string());
    format!(
        "{TAG} terms={} on={} day={day}",
        u8::from(activation.terms_accepted),
        u8::from(activation.on)
    )
}

/// The activation in `text`, or `None` when it is not a record of ours.
pub fn decode(text: &str) -> Option<Activation> {
    let mut parts = text.split(' ');
    if parts.next()? != TAG {
        return None;
    }
    let flag = |part: Option<&str>, key: &str| match part?.strip_prefix(key)? {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    };
    let terms_accepted = flag(parts.next(), "terms=")?;
    let on = flag(parts.next(), "on=")?;
    let activated_day = match parts.next()?.strip_prefix("day=")? {
        "-" => None,
        // Digits only: `parse` would also take a sign (`+20781`).
        d if d.bytes().all(|b| b.is_ascii_digit()) => Some(
            d.parse::<i64>()
                .ok()
                .filter(|d| (0..=MAX_DAY).contains(d))?,
        ),
        _ => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Activation {
        terms_accepted,
        // Earning without accepted terms is not a state we ever write.
        on: on && terms_accepted,
        activated_day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_foreign_data() {
        let a = Activation {
            terms_accepted: true,
            on: true,
            activated_day: Some(20_781),
        };
        assert_eq!(encode(a), "soft-staking/v1 terms=1 on=1 day=20781");
        assert_eq!(decode(&encode(a)), Some(a));
        assert_eq!(decode("{\"active\":true}"), None);
        assert_eq!(decode("soft-staking/v1 terms=1 on=2 day=-"), None);
        assert_eq!(decode("soft-staking/v1 terms=1 on=1 day=x"), None);
        // 2932896 is 9999-12-31; beyond it (or before 1970) is not a record of ours.
        assert!(decode("soft-staking/v1 terms=1 on=1 day=2932896").is_some());
        assert_eq!(decode("soft-staking/v1 terms=1 on=1 day=2932897"), None);
        assert_eq!(decode("soft-staking/v1 terms=1 on=1 day=-1"), None);
        // As we write it: digits only, no sign, nothing around them.
        for day in ["+20781", " 20781", "20781 ", ""] {
            let text = format!("soft-staking/v1 terms=1 on=1 day={day}");
            assert_eq!(decode(&text), None, "{text:?}");
        }
        assert_eq!(
            decode("soft-staking/v1 terms=1 on=1 day=9223372036854775807"),
            None
        );
        assert_eq!(decode(""), None);
    }
}
