//! The one-line explanation beside a row's status badge, numbers written the
//! locale's way: why the balance earns what it earns.

use rust_decimal::Decimal;

use super::format::{apy_percent_text, display_cut, Grouped, NumberStyle, DISPLAY_DECIMALS};
use super::row::Row;
use crate::engine::{Rate, Status};

/// The explanation for `row`'s current estimate (or for its absence); when
/// a field does not read, it says the estimate is the last valid entry's.
pub fn explanation(row: &Row, style: NumberStyle) -> String {
    let text = explain_estimate(row, style);
    if row.estimate.is_some() && row.shows_last_good_estimate() {
        format!("Last valid entry: {text}")
    } else {
        text
    }
}

fn explain_estimate(row: &Row, style: NumberStyle) -> String {
    let number = |d: Decimal| Grouped::of(d, style.grouping).to_text(style);
    let asset = &row.item.asset;
    let sym = asset.symbol();
    let Some(e) = row.estimate.as_ref() else {
        return if row.balance.error.is_some() {
            "Enter a valid balance to see your estimate.".into()
        } else if row.estimate_error.is_some() {
            "No estimate: see the message under your balance.".into()
        } else {
            "Type a balance to see your estimate.".into()
        };
    };
    let day = &e.day;
    if day.below_payout_precision {
        let smallest = number(Decimal::new(1, asset.payout_decimals()));
        let capped = match (day.status, asset.max_cap()) {
            (Status::Capped, Some(cap)) => format!("Only {} {sym} earns (the cap). ", number(cap)),
            _ => String::new(),
        };
        return format!(
            "{capped}The reward is below the smallest payout ({smallest} {sym}) and rounds down to 0."
        );
    }
    // Eligible, yet paid nothing exactly (not merely below the smallest
    // payout): the APR on that balance is 0 %.
    if day.reward.is_zero() && !day.eligible_balance.is_zero() {
        return "At 0% APR your eligible balance earns nothing.".into();
    }
    // Tiered: the APR the eligible balance earns on average, when that is
    // not simply the first tier's (the one the table shows).
    let rate = asset.rate();
    let across_tiers = match rate {
        Rate::Tiered(tiers) => rate
            .average_apr(day.eligible_balance)
            .filter(|apr| tiers.first().is_some_and(|t| t.apr != *apr))
            .map(|apr| {
                let percent = apy_percent_text(apr).replace('.', &style.decimal.to_string());
                format!(", {percent}% APR on average across the tiers")
            })
            .unwrap_or_default(),
        Rate::Flat(_) => String::new(),
    };
    match day.status {
        Status::BelowMinimum => format!(
            "Hold at least {} {sym} on average to earn.",
            number(asset.min_amount())
        ),
        Status::Capped if asset.max_cap().is_some_and(|cap| cap.is_zero()) => {
            format!("The cap is 0 {sym}: no balance earns.")
        }
        Status::Capped => format!(
            "Only {} {sym} earns{across_tiers}; the part above the cap earns nothing.",
            asset.max_cap().map(number).unwrap_or_default()
        ),
        Status::Eligible if day.average_balance.is_zero() => "A balance of 0 earns nothing.".into(),
        Status::Eligible => {
            let (shown, exact) = display_cut(day.average_balance, DISPLAY_DECIMALS);
            let about = if exact { "" } else { "about " };
            format!(
                "Your whole average balance of {about}{} {sym} earns{across_tiers}.",
                number(shown)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::widget_config::ConfiguredAsset;
    use crate::engine::asset::spec_tiers;
    use crate::engine::{Asset, AssetSpec};
    use crate::widget::field::Field;
    use crate::widget::row::Horizon;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The spec's tiered asset (12 % to 500, 0.8 % to 5,000, 0.3 % above),
    /// with a cap, a minimum of 10 and `payout_decimals`.
    fn usdt(cap: Option<&str>, decimals: u32) -> Asset {
        let mut spec = AssetSpec::flat("USDT", d("0.12"));
        spec.rate = Rate::Tiered(spec_tiers());
        spec.min_amount = d("10");
        spec.max_cap = cap.map(d);
        spec.payout_decimals = decimals;
        Asset::new(spec).unwrap()
    }

    fn explained(asset: Asset, balance: &str, locale: &str) -> String {
        explained_after(asset, &[balance], locale)
    }

    /// The explanation once each of `balances` has been typed in turn.
    fn explained_after(asset: Asset, balances: &[&str], locale: &str) -> String {
        let style = NumberStyle::for_locale(locale);
        let seps = style.separators();
        let item = ConfiguredAsset {
            asset,
            sample_rate: false,
            sample_cap: false,
        };
        let mut row = Row::new(item, false, seps);
        for balance in balances {
            row.balance = Field::new(*balance);
            row.refresh(Horizon {
                days: 1,
                with_plot: false,
                separators: seps,
            });
        }
        explanation(&row, style)
    }

    #[test]
    fn tiered_balances_say_what_they_earn_on_average() {
        // (500 × 0.12 + 4,500 × 0.008 + 5,000 × 0.003) ÷ 10,000 = 111 ÷ 10,000 = 1.11 %.
        assert_eq!(
            explained(usdt(None, 8), "10000", "en-US"),
            "Your whole average balance of 10,000 USDT earns, 1.11% APR on average across the tiers."
        );
        assert_eq!(
            explained(usdt(None, 8), "10.000", "de-DE"),
            "Your whole average balance of 10.000 USDT earns, 1,11% APR on average across the tiers."
        );
        // Within the first tier the table's 12 % is the whole story.
        assert_eq!(
            explained(usdt(None, 8), "200", "en-US"),
            "Your whole average balance of 200 USDT earns."
        );
        // Capped at 1,000: (60 + 500 × 0.008) ÷ 1,000 = 64 ÷ 1,000 = 6.4 %.
        assert_eq!(
            explained(usdt(Some("1000"), 8), "3000", "en-US"),
            "Only 1,000 USDT earns, 6.4% APR on average across the tiers; the part above the cap earns nothing."
        );
        // A cap of 0 (a demo edit, say): nothing earns, said plainly.
        assert_eq!(
            explained(usdt(Some("0"), 8), "100", "en-US"),
            "The cap is 0 USDT: no balance earns."
        );
    }

    #[test]
    fn below_the_minimum_the_precision_or_any_balance() {
        assert_eq!(
            explained(usdt(None, 8), "5", "en-US"),
            "Hold at least 10 USDT on average to earn."
        );
        // 10 × 0.12 ÷ 365 = 0.0032… < 0.01, the smallest payout at 2 decimals.
        assert_eq!(
            explained(usdt(None, 2), "10", "en-US"),
            "The reward is below the smallest payout (0.01 USDT) and rounds down to 0."
        );
        // Capped at 20 with whole-token payouts: 20 × 0.12 ÷ 365 < 1.
        assert_eq!(
            explained(usdt(Some("20"), 0), "1000", "en-US"),
            "Only 20 USDT earns (the cap). The reward is below the smallest payout (1 USDT) and rounds down to 0."
        );
        assert_eq!(
            explained(usdt(None, 8), "", "en-US"),
            "Type a balance to see your estimate."
        );
        assert_eq!(
            explained(usdt(None, 8), "abc", "en-US"),
            "Enter a valid balance to see your estimate."
        );
    }

    #[test]
    fn a_zero_balance_earns_nothing_and_a_stale_estimate_says_so() {
        let xrp = Asset::new(AssetSpec::flat("XRP", d("0.05"))).unwrap();
        assert_eq!(xrp.min_amount(), Decimal::ZERO);
        assert_eq!(
            explained(xrp, "0", "en-US"),
            "A balance of 0 earns nothing."
        );

        // "2e3" does not read: the estimate shown is still 200's.
        assert_eq!(
            explained_after(usdt(None, 8), &["200", "2e3"], "en-US"),
            "Last valid entry: Your whole average balance of 200 USDT earns."
        );

        // Valid but too large to estimate: 365 % of the largest decimal
        // pays more than an 8-decimal payout holds.
        let onep = Asset::new(AssetSpec::flat("ONEP", d("3.65"))).unwrap();
        assert_eq!(
            explained(onep, "79228162514264337593543950335", "en-US"),
            "No estimate: see the message under your balance."
        );
    }

    #[test]
    fn a_zero_apr_says_the_balance_earns_nothing() {
        // 1,000 at 0 %: eligible, and paid exactly 0 (not below the smallest
        // payout), so it does not "earn".
        let zero = Asset::new(AssetSpec::flat("Z", Decimal::ZERO)).unwrap();
        assert_eq!(
            explained(zero, "1000", "en-US"),
            "At 0% APR your eligible balance earns nothing."
        );
        // A first tier at 0 % up to 100, 10 % above: 50 earns nothing, 150
        // earns 50 × 0.1 ÷ 365 on its part above 100.
        let mut spec = AssetSpec::flat("T", Decimal::ZERO);
        spec.rate = Rate::Tiered(vec![
            crate::engine::Tier {
                up_to: Some(d("100")),
                apr: Decimal::ZERO,
            },
            crate::engine::Tier {
                up_to: None,
                apr: d("0.1"),
            },
        ]);
        let tiered = Asset::new(spec).unwrap();
        assert_eq!(
            explained(tiered.clone(), "50", "en-US"),
            "At 0% APR your eligible balance earns nothing."
        );
        assert!(explained(tiered, "150", "en-US")
            .starts_with("Your whole average balance of 150 T earns"));
    }
}
