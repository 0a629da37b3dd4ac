//! The worked examples of the spec, reproduced digit for digit.

use soft_staking::engine::{
    apy_if_held, day_from_balance, day_from_snapshots, project, Asset, AssetSpec, Status,
};

use super::reference;
use super::support::{asset, d, ds, flat, text, tiered};

#[test]
fn thousand_tokens_at_five_percent_pay_0_13698630() {
    // 1000 × 0.05 ÷ 365 = 50 ÷ 365 = 0.136986301369… → rounded down to 8 decimals.
    let a = asset(flat("0.05"));
    let day = day_from_snapshots(&a, &ds(&["1000"])).unwrap();
    assert_eq!(text(day.reward), "0.13698630");
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(day.average_balance, d("1000"));
    assert_eq!(day.eligible_balance, d("1000"));
    assert!(!day.below_payout_precision);
}

#[test]
fn same_example_with_24_equal_snapshots_and_held_balance() {
    // Averaging 24 snapshots of 1000 gives 1000 again, so the same 0.13698630.
    let a = asset(flat("0.05"));
    let day = day_from_snapshots(&a, &vec![d("1000"); 24]).unwrap();
    assert_eq!(text(day.reward), "0.13698630");
    let held = day_from_balance(&a, d("1000")).unwrap();
    assert_eq!(text(held.reward), "0.13698630");
}

#[test]
fn tiered_ten_thousand_usdt_pay_0_30410958() {
    // 500×0.12 + 4500×0.008 + 5000×0.003 = 60 + 36 + 15 = 111;
    // 111 ÷ 365 = 0.304109589041… → 0.30410958.
    let a = asset(AssetSpec {
        symbol: "USDT".into(),
        ..tiered(&[
            (Some("500"), "0.12"),
            (Some("5000"), "0.008"),
            (None, "0.003"),
        ])
    });
    let day = day_from_snapshots(&a, &ds(&["10000"])).unwrap();
    assert_eq!(text(day.reward), "0.30410958");
    assert_eq!(day.status, Status::Eligible);
    assert_eq!(day.eligible_balance, d("10000"));
}

#[test]
fn request_example_snapshots_1000_1000_500() {
    // A = 2500 ÷ 3 = 833.333…; R = 833.333… × 0.05 ÷ 365 = 125 ÷ 1095
    // = 0.114155251141… → 0.11415525.
    let a = asset(flat("0.05"));
    let day = day_from_snapshots(&a, &ds(&["1000", "1000", "500"])).unwrap();
    assert_eq!(text(day.reward), "0.11415525");
    // The display average is 833.333… rounded down, all 3s.
    let shown = day.average_balance.to_string();
    assert!(shown.starts_with("833.3333333333333333333333"), "{shown}");
    assert!(shown[4..].chars().all(|c| c == '3'), "{shown}");
}

#[test]
fn request_example_compounding_three_days() {
    // Day 1: 0.11415525 (above). Later days hold the closing balance 500 plus
    // the earlier payouts:
    // day 2: 500.11415525 × 0.05 ÷ 365 = 25.0057077625 ÷ 365 = 0.068508788…
    //        → 0.06850878;
    // day 3: 500.18266403 × 0.05 ÷ 365 = 25.0091332015 ÷ 365 = 0.068518173…
    //        → 0.06851817;
    // total 0.11415525 + 0.06850878 + 0.06851817 = 0.25118220.
    let a = asset(flat("0.05"));
    let p = project(&a, &ds(&["1000", "1000", "500"]), 3, true).unwrap();
    let rewards: Vec<String> = p.days.iter().map(|d| text(d.reward)).collect();
    assert_eq!(rewards, ["0.11415525", "0.06850878", "0.06851817"]);
    assert_eq!(p.days[1].balance, d("500.11415525"));
    assert_eq!(p.days[2].balance, d("500.18266403"));
    assert_eq!(text(p.total_reward), "0.25118220");
}

#[test]
fn bnb_published_apr_0_15_percent() {
    // The API's 0.0015 is 0.15%: 1000 × 0.0015 ÷ 365 = 1.5 ÷ 365 = 0.004109589… → 0.00410958.
    let a = Asset::new(AssetSpec {
        symbol: "BNB".into(),
        min_amount: d("0.5"),
        max_cap: Some(d("1000")),
        ..flat("0.0015")
    })
    .unwrap();
    let day = day_from_balance(&a, d("1000")).unwrap();
    assert_eq!(text(day.reward), "0.00410958");
    assert_eq!(day.status, Status::Eligible);
}

#[test]
fn apy_if_held_for_five_percent() {
    // (1 + 0.05 ÷ 365)^365 − 1 = 0.0512674964674… → 10 decimals: 0.0512674965.
    assert_eq!(apy_if_held(d("0.05")).unwrap().to_string(), "0.0512674965");
    // 0.15%: 0.00150112247590… → 0.0015011225.
    assert_eq!(
        apy_if_held(d("0.0015")).unwrap().to_string(),
        "0.0015011225"
    );
    // 100%: 1.71456748202187… → 1.714567482.
    assert_eq!(apy_if_held(d("1")).unwrap().to_string(), "1.714567482");
    // 0% earns nothing.
    assert_eq!(apy_if_held(d("0")).unwrap(), d("0"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// APY if held is (1 + apr ÷ 365)^365 − 1 rounded half away from zero to
    /// 10 decimals, for APRs from 0 to 200% with up to 8 decimals.
    #[test]
    fn apy_if_held_matches_the_exact_formula(mantissa in 0i64..=200_000_000, scale in 0u32..=8) {
        let apr = rust_decimal::Decimal::new(mantissa, 8).round_dp(scale);
        let shown = apy_if_held(apr).unwrap();
        let exact = reference::round_half_up(&reference::apy(apr), 10);
        proptest::prop_assert!(reference::same(shown, &exact), "apr {}: {} vs {}", apr, shown, exact);
    }
}
