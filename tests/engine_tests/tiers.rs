//! Marginal APR tiers: each part of the eligible balance earns its tier's APR.

use soft_staking::engine::{day_from_balance, Asset, AssetSpec, Rate, Status, Tier};

use super::support::{asset, d, flat, text, tiered};

/// The spec's example: 12% up to 500, 0.8% up to 5000, 0.3% above.
fn usdt() -> AssetSpec {
    tiered(&[
        (Some("500"), "0.12"),
        (Some("5000"), "0.008"),
        (None, "0.003"),
    ])
}

fn pay(spec: &AssetSpec, balance: &str) -> String {
    text(
        day_from_balance(&asset(spec.clone()), d(balance))
            .unwrap()
            .reward,
    )
}

#[test]
fn inside_the_first_tier() {
    // 100 × 0.12 ÷ 365 = 12 ÷ 365 = 0.032876712… → 0.03287671.
    assert_eq!(pay(&usdt(), "100"), "0.03287671");
}

#[test]
fn exactly_at_each_bound() {
    // 500: 500 × 0.12 = 60; 60 ÷ 365 = 0.164383561… → 0.16438356.
    assert_eq!(pay(&usdt(), "500"), "0.16438356");
    // 5000: 60 + 4500 × 0.008 = 96; 96 ÷ 365 = 0.263013698… → 0.26301369.
    assert_eq!(pay(&usdt(), "5000"), "0.26301369");
}

#[test]
fn continuous_across_a_bound() {
    // Just past 500 the extra 10^-28 earns 0.8%: the payout does not jump.
    assert_eq!(pay(&usdt(), "500.0000000000000000000000001"), "0.16438356");
    assert_eq!(pay(&usdt(), "499.9999999999999999999999999"), "0.16438356");
    // Just below 5000: 60 + 4499.99999999 × 0.008 = 95.99999999992 → ÷ 365 = 0.263013698… → 0.26301369.
    assert_eq!(pay(&usdt(), "4999.99999999"), "0.26301369");
}

#[test]
fn worked_example_and_beyond() {
    // 10000: 60 + 36 + 5000 × 0.003 = 111 → 0.30410958 (spec).
    assert_eq!(pay(&usdt(), "10000"), "0.30410958");
    // 1,000,000: 60 + 36 + 995000 × 0.003 = 3081; 3081 ÷ 365 = 8.441095890… → 8.44109589.
    assert_eq!(pay(&usdt(), "1000000"), "8.44109589");
}

#[test]
fn rising_tiers() {
    // 1% up to 1000, 10% above: 2000 → 10 + 100 = 110; 110 ÷ 365 = 0.301369863… → 0.30136986.
    let spec = tiered(&[(Some("1000"), "0.01"), (None, "0.1")]);
    assert_eq!(pay(&spec, "2000"), "0.30136986");
}

#[test]
fn zero_rate_tier_in_the_middle() {
    // 3.65% up to 100, 0 up to 200, 3.65% above: 300 → (100 + 0 + 100) × 0.0365 ÷ 365 = 0.02.
    let spec = tiered(&[
        (Some("100"), "0.0365"),
        (Some("200"), "0"),
        (None, "0.0365"),
    ]);
    assert_eq!(pay(&spec, "300"), "0.02000000");
    assert_eq!(pay(&spec, "150"), "0.01000000");
}

#[test]
fn single_unbounded_tier_is_a_flat_rate() {
    let spec = tiered(&[(None, "0.05")]);
    assert_eq!(pay(&spec, "1000"), "0.13698630");
}

#[test]
fn a_28_decimal_bound() {
    // 0% up to 10^-28, 36.5% above: 1 → (1 − 10^-28) × 0.365 ÷ 365 = 0.000999…9 (28 nines
    // after "0.000") → 18 decimals: 0.000999999999999999, not 0.001.
    let mut spec = tiered(&[
        (Some("0.0000000000000000000000000001"), "0"),
        (None, "0.365"),
    ]);
    spec.payout_decimals = 18;
    assert_eq!(pay(&spec, "1"), "0.000999999999999999");
}

#[test]
fn tiers_apply_to_the_capped_balance() {
    // cap 2000: 10000 → E = 2000 → 60 + 1500 × 0.008 = 72; 72 ÷ 365 = 0.197260273… → 0.19726027.
    let spec = AssetSpec {
        max_cap: Some(d("2000")),
        ..usdt()
    };
    let day = day_from_balance(&asset(spec), d("10000")).unwrap();
    assert_eq!(day.status, Status::Capped);
    assert_eq!(day.eligible_balance, d("2000"));
    assert_eq!(text(day.reward), "0.19726027");
}

#[test]
fn tiers_respect_the_minimum() {
    let spec = AssetSpec {
        min_amount: d("1000"),
        ..usdt()
    };
    let day = day_from_balance(&asset(spec), d("600")).unwrap();
    assert_eq!(day.status, Status::BelowMinimum);
    assert_eq!(text(day.reward), "0.00000000");
}

#[test]
fn headline_apr_is_the_first_tier() {
    assert_eq!(usdt().rate.headline_apr(), d("0.12"));
    assert_eq!(flat("0.05").rate.headline_apr(), d("0.05"));
}

fn tier_error(list: Vec<Tier>) -> (String, String) {
    let e = Asset::new(AssetSpec {
        rate: Rate::Tiered(list),
        ..flat("0")
    })
    .unwrap_err();
    (e.field, e.message)
}

fn tier(up_to: Option<&str>, apr: &str) -> Tier {
    Tier {
        up_to: up_to.map(d),
        apr: d(apr),
    }
}

#[test]
fn tiers_out_of_order_are_rejected() {
    let (field, message) = tier_error(vec![
        tier(Some("5000"), "0.1"),
        tier(Some("500"), "0.1"),
        tier(None, "0.1"),
    ]);
    assert_eq!(field, "tiers[1].up_to");
    assert!(message.contains("5000"), "{message}");
    // Equal bounds are not ascending either.
    let (field, _) = tier_error(vec![
        tier(Some("500"), "0.1"),
        tier(Some("500.0"), "0.1"),
        tier(None, "0.1"),
    ]);
    assert_eq!(field, "tiers[1].up_to");
}

#[test]
fn only_the_last_tier_is_unbounded() {
    let (field, message) = tier_error(vec![tier(None, "0.1"), tier(None, "0.1")]);
    assert_eq!(field, "tiers[0].up_to");
    assert!(message.contains("last"), "{message}");
    let (field, _) = tier_error(vec![tier(Some("1"), "0.1"), tier(Some("2"), "0.1")]);
    assert_eq!(field, "tiers[1].up_to");
}

#[test]
fn empty_too_many_and_negative_tiers_are_rejected() {
    assert_eq!(tier_error(vec![]).0, "tiers");
    let ladder = |bounded: u32| -> Vec<Tier> {
        (1..=bounded)
            .map(|i| tier(Some(&i.to_string()), "0.01"))
            .chain([tier(None, "0.01")])
            .collect()
    };
    // 33 tiers: one too many. 32 tiers in all is the limit and is accepted.
    assert_eq!(tier_error(ladder(32)).0, "tiers");
    assert!(Asset::new(AssetSpec {
        rate: Rate::Tiered(ladder(31)),
        ..flat("0")
    })
    .is_ok());
    let (field, message) = tier_error(vec![tier(Some("1"), "0.1"), tier(None, "-0.1")]);
    assert_eq!(field, "tiers[1].apr");
    assert!(message.contains("negative"));
    // A first bound of 0 is not above the start of the range.
    assert_eq!(
        tier_error(vec![tier(Some("0"), "0.1"), tier(None, "0.1")]).0,
        "tiers[0].up_to"
    );
}

#[test]
fn the_average_apr_shown_pays_what_the_tiers_pay() {
    // The explanation's average APR (Rate::average_apr) and the payout split
    // the balance across the tiers alike: average × balance ÷ 365, rounded
    // down, is the day's payout.
    let spec = usdt();
    for balance in ["200", "500", "1000", "4321.5", "10000", "123456.789"] {
        let average = spec.rate.average_apr(d(balance)).unwrap();
        let from_average = (average * d(balance) / d("365"))
            .round_dp_with_strategy(8, rust_decimal::RoundingStrategy::ToZero);
        assert_eq!(text(from_average), pay(&spec, balance), "{balance}");
    }
    // 10,000: (500 × 0.12 + 4,500 × 0.008 + 5,000 × 0.003) ÷ 10,000 = 1.11 %,
    // and 111 ÷ 365 = 0.304109589… → 0.30410958, the spec's example.
    assert_eq!(spec.rate.average_apr(d("10000")), Some(d("0.0111")));
    assert_eq!(pay(&spec, "10000"), "0.30410958");
}
