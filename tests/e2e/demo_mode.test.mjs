// Product-team demo mode (PRODUCT.md §3 "Product-team demo mode", README
// "Demo mode"): APR (or tiers), minimum and cap editable in place with
// validation; every estimate shows before → after; the scenario is encoded in
// a shareable URL (?ss-scenario=…) and restored from it in a new page.
// The widget is mounted by pages/mount.html with the config in its URL.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, openPage, useBrowser } from "./support/fixture.mjs";
import { configError, countIs, eventually, freshKey, mountPath, openMounted, retype, textIs, typeBalance } from "./support/embed_kit.mjs";
import { SPEC_TIERS } from "./support/widget.mjs";

const ctx = useBrowser();

/** Flat 5 %, minimum 0.5, cap 1000. */
const BNB = { symbol: "BNB", name: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000" };
/** The spec's tiers: 12 % up to 500, 0.8 % up to 5,000, 0.3 % above; minimum 10. */
const USDT = {
  symbol: "USDT",
  name: "Tether USD",
  tiers: SPEC_TIERS,
  min_amount: "10",
  max_cap: null,
};
/** 3.65 %: 100 tokens earn exactly 0.01 a day; minimum 1, no cap. */
const SOL = { symbol: "SOL", name: "Solana", apr: "0.0365", min_amount: "1", max_cap: null };

const demoConfig = (extra = {}) => ({
  assets: [BNB, USDT, SOL],
  mode: "demo",
  theme: "light",
  horizon_days: 30,
  storage_key: freshKey("demo"),
  ...extra,
});

const daily = (scope, sym) => scope.getByTestId(`daily-reward-${sym}`);
const before = (scope, sym) => scope.getByTestId(`daily-reward-before-${sym}`);
const value = (scope, testid) => scope.getByTestId(testid).inputValue();

test("the configured APR, minimum and cap are shown in editable fields", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  // APRs in percent, as the table shows them: 0.05 → 5; tiers 0.12, 0.008, 0.003 → 12, 0.8, 0.3.
  assert.equal(await value(w, "apr-input-BNB"), "5");
  assert.equal(await value(w, "min-input-BNB"), "0.5");
  assert.equal(await value(w, "max-input-BNB"), "1000");
  assert.equal(await value(w, "apr-input-USDT"), "12");
  assert.equal(await value(w, "tier-apr-input-USDT-1"), "0.8");
  assert.equal(await value(w, "tier-apr-input-USDT-2"), "0.3");
  assert.equal(await value(w, "tier-up-to-input-USDT-0"), "500");
  assert.equal(await value(w, "tier-up-to-input-USDT-1"), "5000");
  // The last tier is unbounded: no bound to edit.
  assert.equal(await w.getByTestId("tier-up-to-input-USDT-2").count(), 0);
  assert.equal(await value(w, "max-input-SOL"), "", "uncapped: empty cap field");
  // Before anything is typed there is no estimate, before or after.
  assert.equal(await before(w, "BNB").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("editing the APR in place: every estimate shows before → after", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "1000");
  // Unchanged config: before = after = 1000 × 0.05 ÷ 365 → 0.13698630.
  await textIs(daily(w, "BNB"), "0.13698630");
  await textIs(before(w, "BNB"), "0.13698630");

  await retype(w, "apr-input-BNB", "10");
  await textIs(w.getByTestId("apr-BNB"), "10%");
  // 1000 × 0.10 ÷ 365 = 0.2739726027… → 0.27397260; before stays under 5 %.
  await textIs(daily(w, "BNB"), "0.27397260");
  await textIs(before(w, "BNB"), "0.13698630");

  await retype(w, "apr-input-BNB", "2.5");
  // 1000 × 0.025 ÷ 365 = 0.0684931506… → 0.06849315.
  await textIs(daily(w, "BNB"), "0.06849315");
  await textIs(w.getByTestId("apr-BNB"), "2.5%");
  await textIs(before(w, "BNB"), "0.13698630");
  // The host hears the new estimate.
  await eventually(
    () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:estimate").at(-1).detail),
    { symbol: "BNB", balance: "1000", daily_reward: "0.06849315" },
  );
  // Other rows are not affected: SOL 100 → 100 × 0.0365 ÷ 365 = 0.01 before and after.
  await typeBalance(w, "SOL", "100");
  await textIs(daily(w, "SOL"), "0.01000000");
  await textIs(before(w, "SOL"), "0.01000000");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the cumulative estimate over the horizon also shows before → after",
  async () => {
    const page = await openMounted(ctx, demoConfig());
    const w = page.locator("#earn");
    await typeBalance(w, "BNB", "1000");
    await retype(w, "apr-input-BNB", "10");
    // 30 days, not compounding: 30 × 0.27397260 = 8.21917800 after; 30 × 0.13698630 = 4.10958900 before.
    await textIs(w.getByTestId("cumulative-reward-BNB"), "8.21917800");
    const cell = (await w.getByTestId("asset-row-BNB").locator(".c-cumulative").textContent()).trim();
    assert.match(cell, /4\.10958900\s*→\s*8\.21917800/, cell);
    await textIs(w.getByTestId("cumulative-reward-before-BNB"), "4.10958900");
    await page.close();
  });

test("the APR, the APY if held and the fiat values also show before → after", async () => {
  const page = await openMounted(ctx, { ...demoConfig(), assets: [{ ...BNB, price: "600" }, SOL] });
  const w = page.locator("#earn");
  const bnb = w.getByTestId("asset-row-BNB");
  const text = async (locator) => (await locator.textContent()).replace(/\s+/g, " ").trim();
  await typeBalance(w, "BNB", "1000");
  await textIs(daily(w, "BNB"), "0.13698630");
  // Nothing edited: the rate is shown once.
  assert.equal(await bnb.locator(".c-apr .ss-before").count(), 0);

  await retype(w, "apr-input-BNB", "10");
  await textIs(daily(w, "BNB"), "0.27397260");
  assert.equal(await hookText(w, "apr-BNB"), "10%");
  assert.match(await text(bnb.locator(".c-apr")), /^5% → 10%/);
  // APY if held: 5 % → (1 + 0.05/365)^365 − 1 = 0.0512675… → 5.13 %;
  // 10 % → e^(365 × ln(1.000273973)) − 1 = e^0.0999865 − 1 = 0.1051558… → 10.52 %.
  assert.equal(await text(bnb.locator(".ss-apy")), "APY 5.13% → 10.52% if held");
  // Fiat at 600, to the cent: daily 0.13698630 × 600 = 82.19178 → 82.19,
  // 0.27397260 × 600 = 164.38356 → 164.38; 30 days 4.10958900 × 600 =
  // 2465.7534 → 2465.75, 8.21917800 × 600 = 4931.5068 → 4931.51.
  assert.deepEqual(
    (await bnb.locator(".ss-fiat").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim()),
    ["≈ 82.19 → 164.38", "≈ 2465.75 → 4931.51"],
  );

  // The details: the intraday result, and the plot's line under the configured rate.
  await w.getByTestId("details-toggle-BNB").click();
  await textIs(w.getByTestId("intraday-reward-BNB"), "0.27397260");
  await textIs(w.getByTestId("intraday-reward-before-BNB"), "0.13698630");
  await countIs(w.getByTestId("plot-before-BNB"), 1);
  assert.match(await w.getByTestId("plot-BNB").locator("figcaption").textContent(), /before your changes/);

  // Back to the configured 5 %: one rate again, and no extra line.
  await retype(w, "apr-input-BNB", "5");
  await textIs(daily(w, "BNB"), "0.13698630");
  assert.equal(await bnb.locator(".c-apr .ss-before").count(), 0);
  await countIs(w.getByTestId("plot-before-BNB"), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("editing the minimum and the cap in place", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "100");
  // 100 × 0.05 ÷ 365 = 0.0136986301… → 0.01369863.
  await textIs(daily(w, "BNB"), "0.01369863");

  // Minimum 200: 100 is now below it → 0; before (minimum 0.5) still 0.01369863.
  await retype(w, "min-input-BNB", "200");
  await textIs(w.getByTestId("min-BNB"), "200");
  // The configured minimum shows first, as the APR's does: "0.5 → 200".
  await textIs(w.getByTestId("min-before-BNB"), "0.5");
  await countIs(w.getByTestId("max-before-BNB"), 0);
  await textIs(w.getByTestId("status-BNB"), /minimum/i);
  await textIs(daily(w, "BNB"), "0.00000000");
  await textIs(before(w, "BNB"), "0.01369863");

  // Back to 0.5, 1000 held, cap 500: only 500 earns: 500 × 0.05 ÷ 365
  // = 0.0684931506… → 0.06849315; before (cap 1000): 0.13698630.
  await retype(w, "min-input-BNB", "0.5");
  await countIs(w.getByTestId("min-before-BNB"), 0);
  await typeBalance(w, "BNB", "1000");
  await retype(w, "max-input-BNB", "500");
  await textIs(w.getByTestId("max-BNB"), "500");
  await textIs(w.getByTestId("max-before-BNB"), "1000");
  await textIs(w.getByTestId("status-BNB"), /cap/i);
  await textIs(daily(w, "BNB"), "0.06849315");
  await textIs(before(w, "BNB"), "0.13698630");

  // Empty cap = uncapped. 5000 × 0.05 ÷ 365 = 0.6849315068… → 0.68493150;
  // before, capped at 1000: 0.13698630.
  await retype(w, "max-input-BNB", "");
  await typeBalance(w, "BNB", "5000");
  await textIs(daily(w, "BNB"), "0.68493150");
  await textIs(before(w, "BNB"), "0.13698630");
  await textIs(w.getByTestId("status-BNB"), /eligible/i);
  assert.doesNotMatch(await hookText(w, "max-BNB"), /\d/, "no cap shown");
  await textIs(w.getByTestId("max-before-BNB"), "1000");
  // SOL, configured uncapped, given a cap: "No cap → 50".
  await retype(w, "max-input-SOL", "50");
  await textIs(w.getByTestId("max-before-SOL"), "No cap");
  await textIs(w.getByTestId("max-SOL"), "50");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("editing tiers in place: each tier's APR and bound", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  await typeBalance(w, "USDT", "10000");
  // PRODUCT.md §1: 111 ÷ 365 → 0.30410958.
  await textIs(daily(w, "USDT"), "0.30410958");

  // Tier 2 at 1.6 %: 500×0.12 + 4500×0.016 + 5000×0.003 = 60 + 72 + 15 = 147;
  // ÷ 365 = 0.4027397260… → 0.40273972.
  await retype(w, "tier-apr-input-USDT-1", "1.6");
  await textIs(daily(w, "USDT"), "0.40273972");
  await textIs(before(w, "USDT"), "0.30410958");

  // First tier at 24 %: 500×0.24 + 72 + 15 = 207; ÷ 365 = 0.5671232876… → 0.56712328.
  await retype(w, "apr-input-USDT", "24");
  await textIs(daily(w, "USDT"), "0.56712328");
  await textIs(w.getByTestId("apr-USDT"), "24%");

  // First bound 1000: 1000×0.24 + 4000×0.016 + 5000×0.003 = 240 + 64 + 15 = 319;
  // ÷ 365 = 0.8739726027… → 0.87397260.
  await retype(w, "tier-up-to-input-USDT-0", "1000");
  await textIs(daily(w, "USDT"), "0.87397260");
  await textIs(before(w, "USDT"), "0.30410958");
  // The tier list shows each edited value as configured → now.
  const tierList = (await w.getByTestId("asset-row-USDT").locator(".ss-tiers li").allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
  // (Text content: the digit groups are drawn by CSS.)
  assert.deepEqual(tierList, ["12% → 24% up to 500 → 1000", "0.8% → 1.6% up to 5000", "0.3% above 5000"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("invalid edits show an error on the field; the last valid estimate stays", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "1000");
  await retype(w, "apr-input-BNB", "10");
  await textIs(daily(w, "BNB"), "0.27397260");

  const aprInput = w.getByTestId("apr-input-BNB");
  // Each editable value's error has a hook of its own: "<input hook>-error".
  const aprError = w.getByTestId("apr-input-BNB-error");
  for (const [typed, why] of [
    ["abc", /APR is not a number/],
    ["-1", /APR must not be negative/],
    ["1e3", /APR must be written out in full/],
    ["¹⁰", /APR must use the digits 0-9 only/],
  ]) {
    // Set in one input event (typed key by key, "1e3" would pass through a valid "1").
    await w.getByTestId("apr-input-BNB").fill(typed);
    await eventually(() => aprInput.getAttribute("aria-invalid"), "true", typed);
    await textIs(aprError, why, typed);
    // The last valid estimate (10 %) stays.
    assert.equal(await hookText(w, "daily-reward-BNB"), "0.27397260", typed);
    assert.equal(await hookText(w, "apr-BNB"), "10%", typed);
  }
  // While the APR does not read, an edit of the cap still applies (the APR in
  // force stays 10 %): 1000 capped at 400 → 400 × 0.10 ÷ 365 = 0.1095890410… → 0.10958904.
  await w.getByTestId("apr-input-BNB").fill("abc");
  await w.getByTestId("max-input-BNB").fill("400");
  await textIs(daily(w, "BNB"), "0.10958904");
  await textIs(w.getByTestId("max-BNB"), "400");
  await textIs(w.getByTestId("status-BNB"), /cap/);
  // The row says its figures are not all of what is typed.
  assert.match(await w.getByTestId("asset-row-BNB").locator(".ss-explain").textContent(), /^Last valid entry: /);
  assert.equal(await w.getByTestId("apr-input-BNB").getAttribute("aria-invalid"), "true");
  await w.getByTestId("max-input-BNB").fill("1000");
  await textIs(daily(w, "BNB"), "0.27397260");
  // A typed percent sign is fine: "12.5 %" → 1000 × 0.125 ÷ 365 = 0.3424657534… → 0.34246575.
  await w.getByTestId("apr-input-BNB").fill("12.5 %");
  await textIs(daily(w, "BNB"), "0.34246575");
  await textIs(w.getByTestId("apr-BNB"), "12.5%");
  // Empty: the hint speaks of percents.
  await w.getByTestId("apr-input-BNB").fill("");
  await textIs(aprError, "APR is empty: enter a percent such as 5 or 0.15.");
  await retype(w, "apr-input-BNB", "20");
  await eventually(() => aprInput.getAttribute("aria-invalid"), "false");
  await countIs(aprError, 0);
  // 1000 × 0.20 ÷ 365 = 0.5479452054… → 0.54794520.
  await textIs(daily(w, "BNB"), "0.54794520");

  // A cap below the minimum is allowed (PRODUCT.md §2 step 2 checks the
  // minimum first): 1000 ≥ 100 and > 50 → capped, 50 × 0.20 ÷ 365 =
  // 0.0273972602… → 0.02739726.
  await retype(w, "min-input-BNB", "100");
  await w.getByTestId("max-input-BNB").fill("50");
  await textIs(daily(w, "BNB"), "0.02739726");
  await textIs(w.getByTestId("status-BNB"), /cap/);
  await countIs(w.getByTestId("rate-error-BNB"), 0);
  await retype(w, "max-input-BNB", "5000");
  await textIs(daily(w, "BNB"), "0.54794520");
  await countIs(w.getByTestId("rate-error-BNB"), 0);
  // Minimum 100, cap 5000, 20 %: 1000 earns fully → 0.54794520 still.
  await textIs(w.getByTestId("max-BNB"), "5000");

  // The reward says it is the last valid estimate only where there is one:
  // SOL has no balance, so an invalid minimum marks nothing.
  assert.equal(await daily(w, "BNB").getAttribute("title"), null);
  await w.getByTestId("min-input-SOL").fill("-1");
  await eventually(() => w.getByTestId("min-input-SOL").getAttribute("aria-invalid"), "true");
  assert.equal(await daily(w, "SOL").getAttribute("title"), null);
  await w.getByTestId("min-input-BNB").fill("-1");
  await eventually(() => daily(w, "BNB").getAttribute("title"), "Last valid estimate");
  await retype(w, "min-input-BNB", "100");
  await retype(w, "min-input-SOL", "1");
  await eventually(() => daily(w, "BNB").getAttribute("title"), null);

  // Tier bounds must ascend.
  await typeBalance(w, "USDT", "10000");
  await w.getByTestId("tier-up-to-input-USDT-0").fill("6000"); // one step from 500 to 6000
  // Named as the editor labels it: "Tier 2 up to" (5000) now sits below tier 1's 6000.
  await textIs(w.getByTestId("rate-error-USDT"), /^Tier 2 up to: must be greater than 6000/);
  // Both bounds of the pair are marked, and described by the rule.
  const ruleId = await w.getByTestId("rate-error-USDT").getAttribute("id");
  for (const bound of ["tier-up-to-input-USDT-0", "tier-up-to-input-USDT-1"]) {
    assert.equal(await w.getByTestId(bound).getAttribute("aria-invalid"), "true", bound);
    assert.equal(await w.getByTestId(bound).getAttribute("aria-describedby"), ruleId, bound);
  }
  assert.equal(await w.getByTestId("apr-input-USDT").getAttribute("aria-invalid"), "false");
  await textIs(daily(w, "USDT"), "0.30410958");
  await retype(w, "tier-up-to-input-USDT-0", "500");
  await countIs(w.getByTestId("rate-error-USDT"), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the scenario is in a shareable URL and is restored from it in a new page", async () => {
  const config = demoConfig();
  const page = await openMounted(ctx, config);
  const w = page.locator("#earn");
  // The scenario: BNB at 2.5 % with 1000, down to 500 at 12:00; USDT's second
  // tier at 1.6 % with 10,000; SOL's minimum raised to 200 with 100; horizon
  // 90 days, compounding on.
  await retype(w, "apr-input-BNB", "2.5");
  await typeBalance(w, "BNB", "1000");
  await w.getByTestId("details-toggle-BNB").click();
  await w.getByTestId("add-change-BNB").click();
  // A new change starts at 12:00 with the opening balance; set it to 500 in one
  // input event (typing key by key loses focus there: see the intraday bug).
  assert.equal(await value(w, "change-time-BNB-0"), "12:00");
  await w.getByTestId("change-balance-BNB-0").fill("500");
  // 24 snapshots: 12 see 1000, 12 see 500 → average 750 (README's example);
  // 750 × 0.025 ÷ 365 = 0.0513698630… → 0.05136986; before, at 5 %: 0.10273972.
  await textIs(daily(w, "BNB"), "0.05136986");
  await textIs(before(w, "BNB"), "0.10273972");
  await retype(w, "tier-apr-input-USDT-1", "1.6");
  await typeBalance(w, "USDT", "10000");
  await retype(w, "min-input-SOL", "200");
  await typeBalance(w, "SOL", "100");
  await w.getByTestId("horizon-select").selectOption("90");
  await w.getByTestId("compound-toggle").click();
  await textIs(daily(w, "USDT"), "0.40273972");

  const link = w.getByTestId("share-link");
  const href = await eventually(
    () => link.getAttribute("href"),
    /ss-scenario=.*SOL/,
  );
  const url = new URL(href);
  assert.equal(url.origin, ctx.server.url, "a URL of the host page itself");
  assert.equal(url.pathname, "/pages/mount.html");
  assert.match(url.searchParams.get("ss-scenario"), /^v2~.*~z[0-9a-f]{8}$/, "ends with the link's check");
  assert.equal(url.searchParams.get("ss-widget"), config.storage_key, "the link names the widget it is for");
  assert.equal(url.searchParams.get("config"), JSON.stringify(config), "the host page's own parameters are kept");
  assert.equal((await link.textContent()).trim(), href, "the link shows the URL");

  // A new page (a new browser context: nothing shared but the URL).
  const other = await openMounted(ctx, config, {
    extra: { "ss-widget": config.storage_key, "ss-scenario": url.searchParams.get("ss-scenario") },
  });
  assert.equal(other.url(), href);
  const o = other.locator("#earn");
  await eventually(() => value(o, "apr-input-BNB"), "2.5");
  assert.equal(await value(o, "balance-input-BNB"), "1000");
  await textIs(daily(o, "BNB"), "0.05136986");
  await textIs(before(o, "BNB"), "0.10273972");
  await o.getByTestId("details-toggle-BNB").click();
  assert.equal(await value(o, "change-time-BNB-0"), "12:00");
  assert.equal(await value(o, "change-balance-BNB-0"), "500");
  await textIs(o.getByTestId("average-BNB"), "750");
  assert.equal(await hookText(o, "apr-BNB"), "2.5%");
  assert.equal(await value(o, "tier-apr-input-USDT-1"), "1.6");
  assert.equal(await value(o, "apr-input-USDT"), "12");
  assert.equal(await value(o, "balance-input-USDT"), "10000");
  await textIs(daily(o, "USDT"), "0.40273972");
  await textIs(before(o, "USDT"), "0.30410958");
  assert.equal(await value(o, "min-input-SOL"), "200");
  assert.equal(await value(o, "balance-input-SOL"), "100");
  // 100 < 200: nothing after; before (minimum 1) 0.01.
  await textIs(daily(o, "SOL"), "0.00000000");
  await textIs(before(o, "SOL"), "0.01000000");
  await textIs(o.getByTestId("status-SOL"), /minimum/i);
  assert.equal(await o.getByTestId("horizon-select").inputValue(), "90");
  assert.equal(await o.getByTestId("compound-toggle").getAttribute("aria-checked"), "true");
  // The restored page shares the same scenario.
  assert.equal(await o.getByTestId("share-link").getAttribute("href"), href);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
  await other.close();
  await page.close();
});

test("a shared link cut short or changed by hand is refused whole, with the reason; the first format still reads", async () => {
  const config = demoConfig();
  const page = await openMounted(ctx, config);
  const w = page.locator("#earn");
  await retype(w, "max-input-BNB", "2000");
  await typeBalance(w, "BNB", "1500");
  const href = await eventually(() => w.getByTestId("share-link").getAttribute("href"), /ss-scenario=.*BNB.*_b1500/);
  const scenario = new URL(href).searchParams.get("ss-scenario");
  // The widget's key first, the checked scenario last: wherever a chat client
  // cuts the link, part of the scenario is lost, and the widget says so.
  assert.ok(href.indexOf("ss-widget=") < href.indexOf("ss-scenario="), href);
  const pathOf = (url) => url.slice(ctx.server.url.length);
  const damagedLinks = {
    // Read as it stands, this one would apply a cap of 20.
    "cut inside the cap": href.slice(0, href.indexOf("x2000") + 3),
    "cut inside the widget's key": href.slice(0, href.indexOf("ss-widget=") + "ss-widget=".length + 3),
    "cut before the scenario": href.slice(0, href.indexOf("&ss-scenario=")),
    "changed by hand": href.replace("b1500", "b1600"),
  };
  for (const [how, link] of Object.entries(damagedLinks)) {
    const other = await openPage(ctx, pathOf(link));
    const o = other.locator("#earn");
    await textIs(
      o.locator(".ss-banner-error"),
      "The shared scenario could not be read: the link is incomplete or was changed after it was shared (copy the whole link again).",
      how,
    );
    // Nothing of it applied: the configured cap, no balance; the widget works.
    assert.equal(await value(o, "max-input-BNB"), "1000", how);
    assert.equal(await value(o, "balance-input-BNB"), "", how);
    await typeBalance(o, "BNB", "1000");
    await textIs(daily(o, "BNB"), "0.13698630");
    assert.deepEqual(other.errors, [], how);
    await other.close();
  }
  // The whole link applies: 1500 under a cap of 2000 at 5 %: 1500 × 0.05 ÷ 365 = 0.2054794520… → 0.20547945.
  const whole = await openMounted(ctx, config, { extra: { "ss-scenario": scenario } });
  const o = whole.locator("#earn");
  await textIs(daily(o, "BNB"), "0.20547945");
  assert.equal(await value(o, "max-input-BNB"), "2000");
  assert.equal(await o.locator(".ss-banner-error").count(), 0);
  // A link of the first format (no check) still reads: 1000 at 2.5 % → 0.06849315.
  const first = await openMounted(ctx, config, { extra: { "ss-scenario": "v1~h30~c0~BNB_a2.5_b1000" } });
  await textIs(daily(first.locator("#earn"), "BNB"), "0.06849315");
  assert.deepEqual([page.errors, whole.errors, first.errors], [[], [], []]);
  await first.close();
  await whole.close();
  await page.close();
});

test("an unreadable shared scenario is reported in the box as text; the widget still works", async () => {
  const scenario = 'v1~h30~<img src=x onerror="window.__xss=1">_a5';
  const page = await openMounted(ctx, demoConfig(), { extra: { "ss-scenario": scenario } });
  const w = page.locator("#earn");
  const banner = w.locator(".ss-banner-error");
  // Markup in a link is a part that cannot be read, shown as text.
  await textIs(banner, /^Parts of the shared scenario were left out: bad symbol "<img src=x onerror=/);
  assert.equal(await banner.getAttribute("role"), "alert");
  assert.deepEqual(
    await page.evaluate(() => ({ img: document.getElementById("earn").shadowRoot.querySelectorAll("img").length, xss: window.__xss ?? null })),
    { img: 0, xss: null },
  );
  await typeBalance(w, "BNB", "1000");
  await textIs(daily(w, "BNB"), "0.13698630");

  const v2 = await openMounted(ctx, demoConfig(), { extra: { "ss-scenario": "v2~h30" } });
  await textIs(v2.locator("#earn .ss-banner-error"), /could not be read/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(v2.errors, []);
  await v2.close();
  await page.close();
});

test("a shared scenario that does not fit the widget: what fits is applied, the rest is named", async () => {
  // Horizon out of range, a symbol the widget does not list, two tiers for a
  // three-tier asset; BNB's part fits.
  const scenario = "v1~h99999~ZZZ_a5~USDT_t500-12--0.3~BNB_a10_b1000";
  const page = await openMounted(ctx, demoConfig(), { extra: { "ss-scenario": scenario } });
  const w = page.locator("#earn");
  await textIs(
    w.locator(".ss-banner-error"),
    "Parts of the shared scenario were left out: a horizon of 99999 days (1 to 3650); " +
      "ZZZ, which this widget does not list; 2 tiers for USDT (it has 3).",
  );
  // BNB at 10 % with 1000: 1000 × 0.10 ÷ 365 = 0.2739726027… → 0.27397260; the horizon stays 30.
  await textIs(daily(w, "BNB"), "0.27397260");
  assert.equal(await w.getByTestId("horizon-select").inputValue(), "30");
  assert.equal(await hookText(w, "apr-USDT"), "12%");

  // A part that cannot be read is named (a 5,000-digit value cut short); the
  // rest of the link still applies: horizon 90, SOL 100 → 100 × 0.0365 ÷ 365 = 0.01.
  const long = await openMounted(ctx, demoConfig(), { extra: { "ss-scenario": `v1~h90~BNB_a${"9".repeat(5000)}_b1000~SOL_b100` } });
  const banner = long.locator("#earn .ss-banner-error");
  await textIs(banner, /^Parts of the shared scenario were left out: BNB: APR "9{24}…" is too large/);
  assert.ok((await banner.textContent()).length < 200);
  await textIs(daily(long.locator("#earn"), "SOL"), "0.01000000");
  assert.equal(await long.locator("#earn").getByTestId("horizon-select").inputValue(), "90");
  assert.deepEqual(page.errors, []);
  assert.deepEqual(long.errors, []);
  await long.close();
  await page.close();
});

test("a shared scenario is applied only in demo mode", async () => {
  const config = demoConfig({ mode: "user" });
  const page = await openMounted(ctx, config, { extra: { "ss-scenario": "v1~h30~c0~BNB_a2.5_b1000" } });
  const w = page.locator("#earn");
  assert.equal(await w.getByTestId("apr-input-BNB").count(), 0, "no editing in user mode");
  assert.equal(await w.getByTestId("share-link").count(), 0);
  assert.equal(await w.getByTestId("cohort-input").count(), 0);
  assert.equal(await hookText(w, "apr-BNB"), "5%", "the configured APR");
  assert.equal(await value(w, "balance-input-BNB"), "");
  assert.equal(await w.getByTestId("daily-reward-before-BNB").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("update() to demo mode keeps balances; a bad demo config shows its error, and the next good one finds everything typed or pasted", async () => {
  const page = await openMounted(ctx, demoConfig({ mode: "user" }));
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "1000");
  await page.evaluate((config) => window.ssWidget.update(config), demoConfig());
  await countIs(w.getByTestId("apr-input-BNB"), 1);
  assert.equal(await value(w, "balance-input-BNB"), "1000");
  await retype(w, "apr-input-BNB", "10");
  await textIs(daily(w, "BNB"), "0.27397260");
  await textIs(before(w, "BNB"), "0.13698630");

  // The host changes SOL only: the team's BNB edit stays; SOL's new rate is the
  // new baseline. SOL 5 % → 100 × 0.05 ÷ 365 = 0.0136986301… → 0.01369863.
  await typeBalance(w, "SOL", "100");
  await page.evaluate((config) => window.ssWidget.update(config), { ...demoConfig(), assets: [BNB, USDT, { ...SOL, apr: "0.05" }] });
  await textIs(w.getByTestId("apr-SOL"), "5%");
  await textIs(daily(w, "SOL"), "0.01369863");
  await textIs(before(w, "SOL"), "0.01369863");
  assert.equal(await value(w, "apr-input-BNB"), "10");
  assert.equal(await hookText(w, "daily-reward-BNB"), "0.27397260");
  assert.equal(await hookText(w, "daily-reward-before-BNB"), "0.13698630");
  // Nothing was reset, so nothing is said.
  assert.equal(await w.getByTestId("edits-reset").count(), 0);
  // A changed BNB config replaces its edit: 2 % → 1000 × 0.02 ÷ 365 = 0.0547945205… → 0.05479452.
  await page.evaluate((config) => window.ssWidget.update(config), { ...demoConfig(), assets: [{ ...BNB, apr: "0.02" }, USDT, SOL] });
  await textIs(daily(w, "BNB"), "0.05479452");
  assert.equal(await value(w, "apr-input-BNB"), "2");
  // …and the team is told whose edits went, politely, until its next edit.
  await textIs(w.getByTestId("edits-reset"), "The page changed the APR, minimum or cap of BNB: your edits there were reset to its new values.");
  // In a live region that was there before it, so that it is read out.
  assert.equal(await w.getByTestId("edits-reset").evaluate((p) => p.parentElement.getAttribute("role")), "status");
  // A second update() (a new price only) leaves the note until the next edit.
  await page.evaluate((config) => window.ssWidget.update(config), { ...demoConfig(), assets: [{ ...BNB, apr: "0.02", price: "600" }, USDT, SOL] });
  await textIs(w.getByTestId("edits-reset"), /of BNB:/);

  // The team edits SOL (7.3 %: 100 × 0.073 ÷ 365 = 0.02) and picks 90 days;
  // then the host pushes a bad config, and fixes it.
  await retype(w, "apr-input-SOL", "7.3");
  await textIs(daily(w, "SOL"), "0.02000000");
  await countIs(w.getByTestId("edits-reset"), 0);
  await w.getByTestId("horizon-select").selectOption("90");
  // …and pastes holdings for a cohort run.
  const holdings = "symbol,balance\r\nBNB,12.5\r\nSOL,340\r\n";
  await w.getByTestId("cohort-input").fill(holdings);
  const good = { ...demoConfig(), assets: [{ ...BNB, apr: "0.02" }, USDT, SOL] };
  const estimates = () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:estimate").length);
  const sentBefore = await estimates();
  await page.evaluate((config) => window.ssWidget.update(config), demoConfig({ mode: "admin" }));
  await countIs(w.getByTestId("config-error"), 1);
  assert.equal(await configError(w), 'config.mode: must be "user" or "demo"');
  assert.equal(await w.locator("[data-testid^=asset-row-]").count(), 0, "only the error shows");
  await page.evaluate((config) => window.ssWidget.update(config), good);
  await countIs(w.getByTestId("config-error"), 0);
  // Nothing typed was lost: balances, the SOL edit, the horizon.
  await textIs(daily(w, "SOL"), "0.02000000");
  assert.equal(await value(w, "apr-input-SOL"), "7.3");
  // Before, at 3.65 %: 100 × 0.0365 ÷ 365 = 0.01.
  assert.equal(await hookText(w, "daily-reward-before-SOL"), "0.01000000");
  assert.equal(await value(w, "balance-input-BNB"), "1000");
  assert.equal(await hookText(w, "daily-reward-BNB"), "0.05479452");
  assert.equal(await w.getByTestId("horizon-select").inputValue(), "90");
  assert.equal(await value(w, "cohort-input"), holdings.replaceAll("\r\n", "\n"), "the pasted holdings too");
  // Nothing changed for the host: no estimate is announced again.
  assert.equal(await estimates(), sentBefore);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("Copy link: copied when the browser allows it; otherwise the link is selected and nothing is thrown into the page; a changed scenario clears both", async () => {
  for (const [clipboard, expected] of [
    // A page over plain http has no navigator.clipboard at all.
    ["missing", "Selected"],
    // An iframe without the permission, or a refusing browser: writeText rejects.
    ["refusing", "Selected"],
    ["working", "Copied"],
  ]) {
    const page = await openMounted(ctx, demoConfig());
    const w = page.locator("#earn");
    await page.evaluate((kind) => {
      window.copiedText = null;
      const fake = {
        missing: undefined,
        refusing: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
        working: { writeText: (text) => { window.copiedText = text; return Promise.resolve(); } },
      }[kind];
      Object.defineProperty(navigator, "clipboard", { value: fake, configurable: true });
      window.addEventListener("unhandledrejection", (e) => { window.unhandled = String(e.reason); });
    }, clipboard);
    await typeBalance(w, "SOL", "100");
    const href = await eventually(() => w.getByTestId("share-link").getAttribute("href"), /b100/);
    await w.getByTestId("share-copy").click();
    const status = w.getByTestId("share-copy-status");
    if (expected === "Copied") {
      await textIs(w.getByTestId("share-copy"), "Copied");
      assert.equal(await page.evaluate(() => window.copiedText), href, clipboard);
      assert.equal((await status.textContent()).trim(), "", clipboard);
    } else {
      await textIs(status, /the link is selected, copy it with Ctrl\+C/);
      assert.equal((await w.getByTestId("share-copy").textContent()).trim(), "Copy link", clipboard);
      // The link's text is what is selected, ready for Ctrl+C.
      const selected = await page.evaluate(() => document.getElementById("earn").shadowRoot.getSelection().toString());
      assert.equal(selected, href, clipboard);
    }
    // The scenario changes: the clipboard (or the selection) holds the old
    // link, so neither "Copied" nor the hint stays.
    await typeBalance(w, "SOL", "1");
    await eventually(() => w.getByTestId("share-link").getAttribute("href"), /SOL_b1(%7E|~|&|$)/);
    await textIs(w.getByTestId("share-copy"), "Copy link", clipboard);
    await textIs(status, "", clipboard);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    assert.equal(await page.evaluate(() => window.unhandled ?? null), null, clipboard);
    assert.deepEqual(page.errors, [], clipboard);
    await page.close();
  }
});

test("the share link keeps the host page's other query parameters and a hash route (not another fragment)", async () => {
  const config = demoConfig();
  const page = await openPage(ctx, `${mountPath(config, { extra: { tab: "earn" } })}#/earn/soft`);
  const w = page.locator("#earn");
  await typeBalance(w, "SOL", "100");
  const href = await eventually(() => w.getByTestId("share-link").getAttribute("href"), /b100/);
  const url = new URL(href);
  assert.equal(url.searchParams.get("tab"), "earn");
  assert.equal(url.searchParams.get("config"), JSON.stringify(config));
  assert.equal(url.hash, "#/earn/soft");
  // Opened, the link restores the scenario (SOL 100) with the route in place.
  const opened = await openPage(ctx, url.pathname + url.search + url.hash);
  const restored = opened.locator("#earn");
  await eventually(() => restored.getByTestId("balance-input-SOL").inputValue(), "100");
  assert.equal(await opened.evaluate(() => location.hash), "#/earn/soft");
  assert.deepEqual(opened.errors, []);
  await opened.close();
  // Any other fragment (a sign-in redirect's token, an anchor) is not shared.
  const token = await openPage(ctx, `${mountPath(config)}#access_token=secret`);
  await typeBalance(token.locator("#earn"), "SOL", "100");
  const tokenHref = await eventually(() => token.locator("#earn").getByTestId("share-link").getAttribute("href"), /b100/);
  assert.equal(new URL(tokenHref).hash, "");
  assert.deepEqual(token.errors, []);
  await token.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("two demo widgets on one page: a shared link restores the widget it came from and leaves the other alone", async () => {
  const keyA = freshKey("share-a");
  const keyB = freshKey("share-b");
  const configA = demoConfig({ assets: [BNB], storage_key: keyA });
  const configB = demoConfig({ assets: [BNB, SOL], storage_key: keyB });
  const mountBoth = (page) =>
    page.evaluate(async ([a, b]) => {
      for (const [id, config] of [["a", a], ["b", b]]) {
        const el = document.createElement("div");
        el.id = id;
        document.body.append(el);
        await window.ssMount(el, config);
      }
    }, [configA, configB]);

  const page = await openPage(ctx, "/pages/mount.html?manual", { ready: false });
  await page.waitForFunction(() => typeof window.ssMount === "function");
  await mountBoth(page);
  const a = page.locator("#a");
  await retype(a, "apr-input-BNB", "10");
  await typeBalance(a, "BNB", "1000");
  // 1000 × 0.10 ÷ 365 = 0.2739726027… → 0.27397260.
  await textIs(daily(a, "BNB"), "0.27397260");
  const hrefA = await eventually(() => a.getByTestId("share-link").getAttribute("href"), /ss-scenario=.*BNB_a10/);
  assert.equal(new URL(hrefA).searchParams.get("ss-widget"), keyA);

  // The link, opened: widget A comes back as it was; B keeps its own config,
  // with no "left out" banner about A's parts.
  const copy = await openPage(ctx, hrefA.slice(ctx.server.url.length), { ready: false });
  await copy.waitForFunction(() => typeof window.ssMount === "function");
  await mountBoth(copy);
  const [ca, cb] = [copy.locator("#a"), copy.locator("#b")];
  await textIs(daily(ca, "BNB"), "0.27397260");
  assert.equal(await value(ca, "apr-input-BNB"), "10");
  assert.equal(await value(ca, "balance-input-BNB"), "1000");
  await countIs(cb.getByTestId("asset-row-SOL"), 1);
  assert.equal(await value(cb, "apr-input-BNB"), "5");
  assert.equal(await value(cb, "balance-input-BNB"), "");
  assert.equal(await cb.locator(".ss-banner-error").count(), 0);
  assert.equal(await ca.locator(".ss-banner-error").count(), 0);
  assert.deepEqual(copy.errors, []);
  await copy.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the status badge shows before → after when a rate edit moves a row across the minimum or the cap", async () => {
  const page = await openMounted(ctx, demoConfig());
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "800");
  await textIs(w.getByTestId("status-BNB"), /eligible/i);
  await countIs(w.getByTestId("status-before-BNB"), 0, "no change, one badge");
  // A cap of 500 under an 800 balance: capped now, fully eligible before.
  await retype(w, "max-input-BNB", "500");
  await textIs(w.getByTestId("status-BNB"), /cap/i);
  await textIs(w.getByTestId("status-before-BNB"), /eligible/i);
  // 500 × 0.05 ÷ 365 = 0.0684931506… → 0.06849315; before, 800 × 0.05 ÷ 365 = 0.1095890410… → 0.10958904.
  await textIs(daily(w, "BNB"), "0.06849315");
  await textIs(before(w, "BNB"), "0.10958904");
  // A minimum of 1000 over it instead: below the minimum now.
  await retype(w, "max-input-BNB", "1000");
  await retype(w, "min-input-BNB", "1000");
  await textIs(w.getByTestId("status-BNB"), /minimum/i);
  await textIs(w.getByTestId("status-before-BNB"), /eligible/i);
  assert.match(await w.getByTestId("asset-row-BNB").locator(".ss-status").ariaSnapshot(), /img "becomes"/);
  // Back to the configured values: one badge again.
  await retype(w, "min-input-BNB", "0.5");
  await countIs(w.getByTestId("status-before-BNB"), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a shared link opened while the host's first config is bad applies once a good update() arrives", async () => {
  const good = demoConfig();
  const page = await openMounted(ctx, { ...good, mode: "admin" }, {
    extra: { "ss-scenario": "v1~h30~c0~BNB_a10_b1000", "ss-widget": good.storage_key },
  });
  const w = page.locator("#earn");
  await countIs(w.getByTestId("config-error"), 1);
  await page.evaluate((config) => window.ssWidget.update(config), good);
  // BNB at 10 % with 1000: 1000 × 0.10 ÷ 365 = 0.2739726027… → 0.27397260; before, at 5 %: 0.13698630.
  await textIs(daily(w, "BNB"), "0.27397260");
  await textIs(before(w, "BNB"), "0.13698630");
  assert.equal(await value(w, "apr-input-BNB"), "10");
  assert.deepEqual(page.errors, []);
  await page.close();
});
