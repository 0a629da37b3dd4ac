// The eligible assets table and its live estimates (issue: "The widget a
// visitor uses"): token, name, limits, exact APR and APY if held, typed
// balance, daily reward, cumulative rewards, status badge with explanation,
// fiat value where a price is configured. Every number is derived by hand.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import {
  BNB, TINY, USDT, XAPR,
  expectText, openWidget, row, typeBalance, userConfig, widgetEvents,
} from "./support/widget.mjs";

const ctx = useBrowser();

test("the table shows token, name, minimum, maximum, the exact APR and the APY if held", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT, XAPR]));

  const bnb = page.getByTestId("asset-row-BNB");
  assert.equal(await bnb.locator(".ss-symbol").textContent(), "BNB");
  assert.equal(await bnb.locator(".ss-name").textContent(), "BNB Coin");
  assert.equal(await hookText(page, "min-BNB"), "0.5");
  // 1,000 is drawn with a CSS separator: the text is plain digits.
  assert.equal(await hookText(page, "max-BNB"), "1000");
  // "0.05" as a percent, exactly: 5%.
  assert.equal(await hookText(page, "apr-BNB"), "5%");
  // APY = (1 + 0.05/365)^365 − 1 = e^(365 × ln 1.000136986…) − 1
  //     = e^0.0499966 − 1 = 0.0512675… → 5.13%
  assert.equal(await bnb.locator(".ss-apy").textContent(), "APY 5.13% if held");

  // Tiered: the headline is the first tier's APR, 0.12 → 12%; the tiers are listed.
  assert.equal(await hookText(page, "apr-USDT"), "12%");
  // APY of 12%: e^(365 × ln(1 + 0.12/365)) − 1 = e^0.1199803 − 1 = 0.127474… → 12.75%
  // (the first tier's, and the cell says so).
  assert.equal(await page.getByTestId("asset-row-USDT").locator(".ss-apy").textContent(), "APY 12.75% if held (first tier)");
  assert.deepEqual(
    await page.getByTestId("asset-row-USDT").locator(".ss-tiers li").allTextContents(),
    ["12% up to 500", "0.8% up to 5000", "0.3% above 5000"],
  );
  assert.equal(await hookText(page, "min-USDT"), "10");
  assert.equal(await hookText(page, "max-USDT"), "No cap");

  // Exact as configured, no rounding: 0.123456789 → 12.3456789%.
  assert.equal(await hookText(page, "apr-XAPR"), "12.3456789%");
  // The host configured every value itself: no "sample" label, nor its footnote.
  assert.doesNotMatch(await page.locator(".ss-root").textContent(), /sample/i);

  // Before anything is typed: no estimate yet, and a neutral badge.
  for (const sym of ["BNB", "USDT", "XAPR"]) {
    assert.equal(await hookText(page, `daily-reward-${sym}`), "—", sym);
    assert.equal(await hookText(page, `cumulative-reward-${sym}`), "—", sym);
    assert.doesNotMatch(await hookText(page, `status-${sym}`), /minimum|cap|eligible|precision/, sym);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("each keystroke updates that row's estimate at once, without touching the other rows", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]));
  const bnb = row(page, "BNB");
  await bnb.input.click();
  // Each prefix of "1000" at 5%, rounded down to 8 decimals:
  //   1    × 0.05 ÷ 365 = 0.000136986… → 0.00013698
  //   10   × 0.05 ÷ 365 = 0.001369863… → 0.00136986
  //   100  × 0.05 ÷ 365 = 0.013698630… → 0.01369863
  //   1000 × 0.05 ÷ 365 = 0.136986301… → 0.13698630  (the spec's worked example)
  const expected = { "1": "0.00013698", "10": "0.00136986", "100": "0.01369863", "1000": "0.13698630" };
  let typed = "";
  for (const key of "1000") {
    await page.keyboard.press(key);
    typed += key;
    // Read right after the key event, without waiting or polling: the
    // estimate must already be there (no debounce, no extra round trip).
    const now = await page.evaluate(() => {
      const root = document.querySelector("[data-soft-staking]").shadowRoot;
      return root.querySelector('[data-testid="daily-reward-BNB"]').textContent.trim();
    });
    assert.equal(now, expected[typed], `after typing ${typed}`);
  }
  // The untouched row still has no estimate.
  assert.equal(await hookText(page, "daily-reward-USDT"), "—");

  // The host was told about each estimate (softstaking:estimate bubbles from the mount element).
  const events = await widgetEvents(page, "softstaking:estimate");
  assert.deepEqual(events.at(-1), {
    type: "softstaking:estimate",
    target: "mount",
    detail: { symbol: "BNB", balance: "1000", daily_reward: "0.13698630" },
  });
  assert.deepEqual(events.map((e) => e.detail.daily_reward), Object.values(expected));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("flat APR: daily reward, cumulative rewards over the horizon and their fiat values", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT], { horizon_days: 30 }));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "1000");
  // 1000 × 0.05 ÷ 365 = 0.1369863013… → 0.13698630
  await expectText(bnb.daily, "0.13698630");
  // 30 days, not compounding, the balance held: 30 × 0.13698630 = 4.10958900
  await expectText(bnb.cumulative, "4.10958900");
  assert.equal(await page.locator("thead th").nth(6).textContent(), "Cumulative (30 d)");
  // Fiat at 600: 0.13698630 × 600 = 82.191780 → 82.19; 4.10958900 × 600 = 2465.7534 → 2465.75
  assert.deepEqual(await bnb.fiat.allTextContents(), ["≈ 82.19", "≈ 2465.75"]);
  await expectText(bnb.status, /eligible/);
  assert.equal(await bnb.explanation.textContent(), "Your whole average balance of 1,000 BNB earns.");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("fiat values name the configured currency (the test above has none: plain numbers)", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30, currency: "EUR" }));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "1000");
  await expectText(bnb.daily, "0.13698630");
  // 0.13698630 × 600 = 82.19178 → 82.19; 30 × 0.13698630 × 600 = 2465.7534 → 2465.75.
  const texts = async () => (await bnb.fiat.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
  assert.deepEqual(await texts(), ["≈ 82.19 EUR", "≈ 2465.75 EUR"]);
  assert.deepEqual(page.errors, []);
  await page.close();

  // A code that is not three capitals is a config error naming the field.
  const bad = await openWidget(ctx, userConfig([BNB], { currency: "eur" }));
  await expectText(bad.getByTestId("config-error"), /config\.currency: must be a three-letter currency code/);
  assert.deepEqual(bad.errors, []);
  await bad.close();
});

test("tiered APR is applied marginally (the spec's 10,000 USDT example)", async () => {
  const page = await openWidget(ctx, userConfig([USDT], { horizon_days: 7 }));
  const usdt = row(page, "USDT");
  // Inside the first tier: 400 × 0.12 ÷ 365 = 48 ÷ 365 = 0.131506849… → 0.13150684
  await typeBalance(page, "USDT", "400");
  await expectText(usdt.daily, "0.13150684");
  // Across two tiers: (500 × 0.12 + 100 × 0.008) ÷ 365 = 60.8 ÷ 365 = 0.166575342… → 0.16657534
  await typeBalance(page, "USDT", "600");
  await expectText(usdt.daily, "0.16657534");
  // All three, typed with a thousands separator:
  // (500 × 0.12 + 4500 × 0.008 + 5000 × 0.003) ÷ 365 = (60 + 36 + 15) ÷ 365 = 111 ÷ 365
  // = 0.304109589… → 0.30410958
  await typeBalance(page, "USDT", "10,000");
  await expectText(usdt.daily, "0.30410958");
  // 7 days held: 7 × 0.30410958 = 2.12876706
  await expectText(usdt.cumulative, "2.12876706");
  // Fiat at 1: 0.30410958 → 0.30; 2.12876706 → 2.13 (the third decimal 8 rounds up)
  assert.deepEqual(await usdt.fiat.allTextContents(), ["≈ 0.30", "≈ 2.13"]);
  await expectText(usdt.status, /eligible/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("status badges: below minimum, eligible at the minimum, capped, below payout precision", async () => {
  const page = await openWidget(ctx, userConfig([BNB, TINY]));
  const bnb = row(page, "BNB");
  const tiny = row(page, "TINY");

  // 0.4 < minimum 0.5: nothing is earned.
  await typeBalance(page, "BNB", "0.4");
  await expectText(bnb.status, /minimum/);
  await expectText(bnb.daily, "0.00000000");
  // 30 days of nothing.
  await expectText(bnb.cumulative, "0.00000000");
  assert.equal(await bnb.explanation.textContent(), "Hold at least 0.5 BNB on average to earn.");

  // Exactly the minimum is eligible: 0.5 × 0.05 ÷ 365 = 0.025 ÷ 365 = 0.0000684931… → 0.00006849
  await typeBalance(page, "BNB", "0.5");
  await expectText(bnb.status, /eligible/);
  await expectText(bnb.daily, "0.00006849");

  // 2500 > cap 1000: only 1000 earns, 1000 × 0.05 ÷ 365 → 0.13698630.
  await typeBalance(page, "BNB", "2500");
  await expectText(bnb.status, /cap/);
  await expectText(bnb.daily, "0.13698630");
  assert.match(await bnb.explanation.textContent(), /^Only 1,000 BNB earns; the part above the cap earns nothing\.$/);

  // TINY pays 2 decimals: 1 × 0.0365 ÷ 365 = 0.0001 > 0 but rounds down to 0.00.
  await typeBalance(page, "TINY", "1");
  await expectText(tiny.status, /precision/);
  await expectText(tiny.daily, "0.00");
  // The smallest payout at 2 decimals is 0.01 TINY, written out.
  assert.equal(await tiny.explanation.textContent(), "The reward is below the smallest payout (0.01 TINY) and rounds down to 0.");
  // 100 × 0.0365 ÷ 365 = 0.01: one payout unit, eligible.
  await typeBalance(page, "TINY", "100");
  await expectText(tiny.status, /eligible/);
  await expectText(tiny.daily, "0.01");

  // The BNB row kept its own state throughout.
  await expectText(bnb.status, /cap/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("fiat values are rounded half away from zero and shown only where a price is configured", async () => {
  const page = await openWidget(ctx, userConfig([TINY, XAPR], { horizon_days: 30 }));
  const tiny = row(page, "TINY");
  await typeBalance(page, "TINY", "100");
  // Daily 100 × 0.0365 ÷ 365 = 0.01; at price 0.5 that is 0.005 → 0.01 (half away
  // from zero; half-to-even would give 0.00).
  await expectText(tiny.daily, "0.01");
  // 30 × 0.01 = 0.30 TINY; × 0.5 = 0.15.
  await expectText(tiny.cumulative, "0.30");
  assert.deepEqual(await tiny.fiat.allTextContents(), ["≈ 0.01", "≈ 0.15"]);

  // XAPR has no price: an estimate but no fiat line.
  // 1000 × 0.123456789 ÷ 365 = 123.456789 ÷ 365 = 0.338237778… → 0.33823777
  await typeBalance(page, "XAPR", "1000");
  await expectText(row(page, "XAPR").daily, "0.33823777");
  assert.equal(await row(page, "XAPR").fiat.count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a fiat value is rounded once, from the exact product", async () => {
  // A price with 28 decimals: 1.5 × 0.365 ÷ 365 = 0.0015 a day, and
  // 0.0015 × 3.3333333333333333333333333333 = 0.00499999999999999999999999999995
  // (32 decimals), below half a cent: 0.00. Rounded to 28 decimals first
  // it would be 0.005 and show 0.01. 7 days: 0.0105 × the price =
  // 0.03499999999999999999999999999965 → 0.03.
  const THIRD = { symbol: "THIRD", apr: "0.365", price: "3.3333333333333333333333333333" };
  const page = await openWidget(ctx, userConfig([THIRD], { horizon_days: 7 }));
  const third = row(page, "THIRD");
  await typeBalance(page, "THIRD", "1.5");
  await expectText(third.daily, "0.00150000");
  await expectText(third.cumulative, "0.01050000");
  assert.deepEqual(await third.fiat.allTextContents(), ["≈ 0.00", "≈ 0.03"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
