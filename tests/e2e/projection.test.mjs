// Projection: horizon presets 7 / 30 / 90 / 365 days and custom, compounding
// on/off, the SVG plot of cumulative rewards with and without compounding,
// totals in token and fiat.
//
// ONEP has APR 365% = exactly 1% a day, so compounding can be followed by hand.
// 100 ONEP: day 1 pays 100 × 3.65 ÷ 365 = 1.00000000.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import {
  BNB, ONEP,
  expectGone, expectText, expectValue, openWidget, row, typeBalance, userConfig,
} from "./support/widget.mjs";

const ctx = useBrowser();

// Compounding 100 ONEP at 1% a day; each payout counts from the next day on and
// is rounded down to 8 decimals:
//   day 1: 100                                     → 1.00000000
//   day 2: 101                                     → 1.01000000
//   day 3: 102.01                                  → 1.02010000
//   day 4: 103.0301                                → 1.03030100
//   day 5: 104.060401                              → 1.04060401
//   day 6: 105.10100501  → 1.0510100501            → 1.05101005
//   day 7: 106.15201506  → 1.0615201506            → 1.06152015
//   cumulative: 1, 2.01, 3.0301, 4.060401, 5.10100501, 6.15201506, 7.21353521
// Without compounding every day pays 1.00000000: 7 days = 7.00000000.
const COMPOUND_7 = "7.21353521";

async function selectHorizon(page, value) {
  await page.getByTestId("horizon-select").selectOption(value);
}

test("horizon presets 7, 30, 90 and 365 days change every row's cumulative rewards", async () => {
  const page = await openWidget(ctx, userConfig([BNB, ONEP], { horizon_days: 30 }));
  const bnb = row(page, "BNB");
  const onep = row(page, "ONEP");
  assert.deepEqual(
    await page.getByTestId("horizon-select").locator("option").evaluateAll((os) => os.map((o) => o.value)),
    ["7", "30", "90", "365", "custom"],
  );
  assert.equal(await page.getByTestId("horizon-select").inputValue(), "30");
  await typeBalance(page, "BNB", "1000");
  await typeBalance(page, "ONEP", "100");
  // BNB: 0.13698630 a day (1000 × 0.05 ÷ 365, rounded down); ONEP: 1.00000000 a day.
  // 30 days: 30 × 0.13698630 = 4.10958900; 30 × 1 = 30.00000000.
  await expectText(bnb.cumulative, "4.10958900");
  await expectText(onep.cumulative, "30.00000000");

  const cases = [
    // [days, BNB total, ONEP total, ONEP fiat at 2]
    ["7", "0.95890410", "7.00000000", "≈ 14.00"], // 7 × 0.13698630
    ["90", "12.32876700", "90.00000000", "≈ 180.00"], // 90 × 0.13698630
    ["365", "49.99999950", "365.00000000", "≈ 730.00"], // 365 × 0.13698630 (rounding cost 0.0000005)
  ];
  for (const [days, bnbTotal, onepTotal, onepFiat] of cases) {
    await selectHorizon(page, days);
    await expectText(bnb.cumulative, bnbTotal, `${days} days`);
    await expectText(onep.cumulative, onepTotal, `${days} days`);
    assert.equal(await onep.fiat.nth(1).textContent(), onepFiat);
    assert.equal(await page.locator("thead th").nth(6).textContent(), `Cumulative (${days} d)`);
    // The daily reward does not depend on the horizon.
    assert.equal(await hookText(page, "daily-reward-BNB"), "0.13698630");
  }
  // 49.99999950 × 600 = 29999.9997 → 30000.00
  assert.equal(await bnb.fiat.nth(1).textContent(), "≈ 30000.00");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a custom horizon: any whole number of days from 1 to 3650, inline error otherwise", async () => {
  const page = await openWidget(ctx, userConfig([BNB, ONEP], { horizon_days: 30 }));
  await typeBalance(page, "BNB", "1000");
  await typeBalance(page, "ONEP", "100");
  await selectHorizon(page, "custom");
  const custom = page.getByTestId("horizon-custom");
  // Starts from the current horizon.
  assert.equal(await custom.inputValue(), "30");

  await custom.fill("10");
  // 10 × 0.13698630 = 1.36986300; 10 × 1 = 10.00000000
  await expectText(row(page, "BNB").cumulative, "1.36986300");
  await expectText(row(page, "ONEP").cumulative, "10.00000000");
  assert.equal(await page.locator("thead th").nth(6).textContent(), "Cumulative (10 d)");

  for (const bad of ["0", "3651", "abc", "1.5", "-3"]) {
    await custom.fill(bad);
    await expectText(page.getByTestId("horizon-error"), "Horizon must be a whole number of days from 1 to 3650.", bad);
    assert.equal(await custom.getAttribute("aria-invalid"), "true");
    // The last good horizon (10 days) stays in force.
    assert.equal(await hookText(page, "cumulative-reward-BNB"), "1.36986300", bad);
    assert.equal(await hookText(page, "cumulative-reward-ONEP"), "10.00000000", bad);
  }
  // Typed like any number of the locale: 1,000 days = 1000 × 0.13698630 = 136.98630000.
  await custom.fill("1,000");
  await expectText(row(page, "BNB").cumulative, "136.98630000");
  assert.equal(await page.locator("thead th").nth(6).textContent(), "Cumulative (1000 d)");
  await custom.fill("3650");
  await expectGone(page.getByTestId("horizon-error"));
  // 3650 × 0.13698630 = 499.99999500; 3650 × 1 = 3650.00000000
  await expectText(row(page, "BNB").cumulative, "499.99999500");
  await expectText(row(page, "ONEP").cumulative, "3650.00000000");
  await custom.fill("1");
  // One day: just day 1.
  await expectText(row(page, "BNB").cumulative, "0.13698630");

  // Back to a preset: the custom field goes away.
  await selectHorizon(page, "7");
  await expectGone(custom);
  await expectText(row(page, "BNB").cumulative, "0.95890410");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the plot's axis labels tiny totals exactly, beyond 8 decimals", async () => {
  const TINY = { symbol: "TINY", apr: "0.0000001", payout_decimals: 18 };
  const MILLI = { symbol: "MILLI", apr: "0.365" };
  const page = await openWidget(ctx, userConfig([TINY, MILLI], { horizon_days: 365 }));
  const labels = (sym) => page.getByTestId(`plot-${sym}`).locator(".ss-axis-label").allTextContents();
  // 0.01 × 0.0000001 ÷ 365 = 2.739726027…e-12 → 0.000000000002739726 a
  // day (18 decimals); 365 days: 0.000000000999999990. The axis tops out at
  // its two-digit ceiling 0.000000001, halfway 0.0000000005.
  await typeBalance(page, "TINY", "0.01");
  await expectText(row(page, "TINY").cumulative, "0.000000000999999990");
  await page.getByTestId("details-toggle-TINY").click();
  await page.getByTestId("plot-TINY").locator("svg").waitFor();
  assert.deepEqual((await labels("TINY")).slice(0, 3), ["0", "0.0000000005", "0.000000001"]);
  // 0.00001 × 0.365 ÷ 365 = 0.00000001 a day; 7 days: 0.00000007 (the
  // axis's top), halfway 0.000000035, not a rounded 0.00000004.
  await page.getByTestId("details-toggle-TINY").click();
  await selectHorizon(page, "7");
  await typeBalance(page, "MILLI", "0.00001");
  await expectText(row(page, "MILLI").cumulative, "0.00000007");
  await page.getByTestId("details-toggle-MILLI").click();
  await page.getByTestId("plot-MILLI").locator("svg").waitFor();
  assert.deepEqual((await labels("MILLI")).slice(0, 3), ["0", "0.000000035", "0.00000007"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a one-day horizon plots one point per line as a visible dot", async () => {
  const page = await openWidget(ctx, userConfig([ONEP], { horizon_days: 1 }));
  await typeBalance(page, "ONEP", "100");
  await page.getByTestId("details-toggle-ONEP").click();
  const svg = page.getByTestId("plot-ONEP").locator("svg");
  await svg.waitFor();
  // 100 × 3.65 ÷ 365 = 1.00000000, the same with or without compounding.
  assert.equal(await svg.getAttribute("aria-label"), "Cumulative ONEP rewards over 1 day: 1.00000000 with compounding, 1.00000000 without");
  // One dot, for the chosen setting, drawn in a colour (not transparent).
  const dots = () => svg.locator("circle").evaluateAll((cs) => cs.map((c) => ({
    class: c.getAttribute("class"),
    visible: Number(c.getAttribute("r")) > 0 && getComputedStyle(c).fill !== "none" && !/rgba\(.*, 0\)$/.test(getComputedStyle(c).fill),
  })));
  assert.deepEqual(await dots(), [{ class: "ss-dot ss-dot-simple", visible: true }]);
  await page.getByTestId("compound-toggle").check();
  await expectValue(dots, [{ class: "ss-dot ss-dot-compound", visible: true }]);
  assert.deepEqual(await svg.locator(".ss-axis-label").allTextContents(), ["0", "0.5", "1", "day 1"]);
  // Two days: lines again, no dots.
  await page.getByTestId("horizon-select").selectOption("custom");
  await page.getByTestId("horizon-custom").fill("2");
  await expectValue(() => svg.locator("circle").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a configured horizon that is not a preset shows as custom", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 45 }));
  assert.equal(await page.getByTestId("horizon-select").inputValue(), "custom");
  assert.equal(await page.getByTestId("horizon-custom").inputValue(), "45");
  await typeBalance(page, "BNB", "1000");
  // 45 × 0.13698630 = 6.16438350
  await expectText(row(page, "BNB").cumulative, "6.16438350");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("compounding on and off: totals in token and fiat", async () => {
  const page = await openWidget(ctx, userConfig([BNB, ONEP], { horizon_days: 7 }));
  const onep = row(page, "ONEP");
  const bnb = row(page, "BNB");
  const toggle = page.getByTestId("compound-toggle");
  assert.equal(await toggle.isChecked(), false);
  await typeBalance(page, "ONEP", "100");
  await typeBalance(page, "BNB", "1000");
  await expectText(onep.cumulative, "7.00000000");
  // 7 × 2 = 14.00
  assert.equal(await onep.fiat.nth(1).textContent(), "≈ 14.00");
  assert.match(await page.getByTestId("asset-row-ONEP").locator(".c-cumulative .ss-hint").textContent(), /^not compounding$/);

  await toggle.check();
  assert.equal(await toggle.getAttribute("aria-checked"), "true");
  // See the table at the top: 7.21353521; × 2 = 14.42707042 → 14.43
  await expectText(onep.cumulative, COMPOUND_7);
  assert.equal(await onep.fiat.nth(1).textContent(), "≈ 14.43");
  assert.match(await page.getByTestId("asset-row-ONEP").locator(".c-cumulative .ss-hint").textContent(), /^compounding$/);
  // Day 1 is the same either way.
  assert.equal(await hookText(page, "daily-reward-ONEP"), "1.00000000");
  // BNB at the cap: 1000 + payouts stays capped at 1000, so compounding adds
  // nothing: 7 × 0.13698630 = 0.95890410.
  await expectText(bnb.cumulative, "0.95890410");

  await toggle.uncheck();
  assert.equal(await toggle.getAttribute("aria-checked"), "false");
  await expectText(onep.cumulative, "7.00000000");
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** The points of an SVG path "M x y L x y …" as [[x, y], …]. */
function points(d) {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

async function plotPaths(page, sym) {
  const svg = page.getByTestId(`plot-${sym}`).locator("svg");
  const paths = svg.locator("path");
  assert.equal(await paths.count(), 2, "two lines");
  const byClass = {};
  for (const p of await paths.all()) {
    const cls = await p.getAttribute("class");
    byClass[/compound/.test(cls) ? "compound" : "simple"] = { d: points(await p.getAttribute("d")), cls };
  }
  return { label: await svg.getAttribute("aria-label"), ...byClass };
}

test("the plot draws cumulative rewards with and without compounding as SVG", async () => {
  const page = await openWidget(ctx, userConfig([ONEP], { horizon_days: 7 }));
  await typeBalance(page, "ONEP", "100");
  await page.getByTestId("details-toggle-ONEP").click();
  const figure = page.getByTestId("plot-ONEP");
  await figure.waitFor();
  assert.equal(await figure.evaluate((el) => el.tagName), "FIGURE");
  assert.match(await figure.locator("figcaption").textContent(), /with compounding.*without compounding/);

  let plot = await plotPaths(page, "ONEP");
  // The label states both totals (see the table at the top).
  assert.equal(plot.label, `Cumulative ONEP rewards over 7 days: ${COMPOUND_7} with compounding, 7.00000000 without`);
  // One point per day; both lines share the x positions, left to right.
  assert.equal(plot.simple.d.length, 7);
  assert.equal(plot.compound.d.length, 7);
  assert.deepEqual(plot.compound.d.map((p) => p[0]), plot.simple.d.map((p) => p[0]));
  for (let i = 1; i < 7; i++) assert.ok(plot.simple.d[i][0] > plot.simple.d[i - 1][0], "x increases");
  // Without compounding the cumulative grows by the same 1.00000000 a day: a
  // straight line, equal steps up (SVG y grows downwards; integer pixels: ±1).
  const steps = plot.simple.d.slice(1).map((p, i) => plot.simple.d[i][1] - p[1]);
  for (const s of steps) assert.ok(s > 0 && Math.abs(s - steps[0]) <= 1, `equal steps: ${steps}`);
  // Same start (day 1 = 1.00000000 both ways); compounding never below, and above by day 7.
  assert.deepEqual(plot.compound.d[0], plot.simple.d[0]);
  plot.compound.d.forEach((p, i) => assert.ok(p[1] <= plot.simple.d[i][1], `day ${i + 1}`));
  assert.ok(plot.compound.d[6][1] < plot.simple.d[6][1], "compounding ends higher");
  // The chosen setting is drawn emphasised.
  assert.match(plot.simple.cls, /is-chosen/);
  assert.doesNotMatch(plot.compound.cls, /is-chosen/);
  await page.getByTestId("compound-toggle").check();
  await expectValue(async () => /is-chosen/.test((await plotPaths(page, "ONEP")).compound.cls), true);

  // The plot follows the balance: 200 ONEP pays 2.00000000 a day, 14.00000000 in 7 days.
  await typeBalance(page, "ONEP", "200");
  await expectValue(async () => (await plotPaths(page, "ONEP")).label.endsWith(", 14.00000000 without"), true);

  // 30 days: 30 points; 365 days: sampled, but day 1 and day 365 are both there.
  await selectHorizon(page, "30");
  await expectValue(async () => (await plotPaths(page, "ONEP")).simple.d.length, 30);
  // 30 × 2.00000000 = 60.00000000
  assert.match((await plotPaths(page, "ONEP")).label, /over 30 days: .* with compounding, 60\.00000000 without$/);
  await selectHorizon(page, "365");
  await expectValue(async () => /over 365 days/.test((await plotPaths(page, "ONEP")).label), true);
  plot = await plotPaths(page, "ONEP");
  assert.ok(plot.simple.d.length >= 2 && plot.simple.d.length <= 365);
  assert.match(await figure.locator("svg").textContent(), /day 1.*day 365/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a compounded total too large for a decimal: the total without compounding still shows", async () => {
  const page = await openWidget(ctx, userConfig([ONEP], { horizon_days: 3650 }));
  const onep = row(page, "ONEP");
  await typeBalance(page, "ONEP", "1000000");
  // 1,000,000 × 3.65 ÷ 365 = 10,000 a day; held ten years: 3650 × 10,000 = 36,500,000.
  await expectText(onep.daily, "10000.00000000");
  await expectText(onep.cumulative, "36500000.00000000");
  assert.equal(await onep.error.count(), 0);
  // Compounded at 1 % a day for ten years, 1,000,000 × 1.01^3650 ≈ 6 × 10^21
  // with 8 decimals needs more than 96 bits: that total alone is unavailable.
  await page.getByTestId("compound-toggle").check();
  // Said beside the total, not on the balance: the balance is fine.
  const why = page.getByTestId("cumulative-error-ONEP");
  await expectText(why, /^Cannot estimate with compounding: /);
  await expectText(onep.cumulative, "—");
  assert.equal(await onep.cumulative.getAttribute("aria-describedby"), await why.getAttribute("id"));
  assert.equal(await onep.error.count(), 0);
  assert.equal(await onep.input.getAttribute("aria-invalid"), "false");
  assert.equal(await hookText(page, "daily-reward-ONEP"), "10000.00000000");
  await page.getByTestId("details-toggle-ONEP").click();
  const svg = page.getByTestId("plot-ONEP").locator("svg");
  assert.equal(
    await svg.getAttribute("aria-label"),
    "Cumulative ONEP rewards over 3650 days: too large to compute with compounding, 36,500,000.00000000 without",
  );
  // Only the line without compounding is drawn, and the legend says why.
  assert.equal(await svg.locator("path.ss-line-compound").getAttribute("d"), "");
  assert.match(await svg.locator("path.ss-line-simple").getAttribute("class"), /is-chosen/);
  assert.match(await page.getByTestId("plot-ONEP").locator("figcaption").textContent(), /with compounding: too large to compute/);
  await page.getByTestId("compound-toggle").uncheck();
  await expectGone(why);
  await expectText(onep.cumulative, "36500000.00000000");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("totals near the largest decimal still plot, and the widget lives on", async () => {
  // APR 100 %, whole-token payouts, ten years: the compounded total comes
  // within 0.2 % of the largest decimal (79,228,162,514,264,337,593,543,950,335).
  const HUGE = { symbol: "HUGE", apr: "1", min_amount: "0", max_cap: null, payout_decimals: 0 };
  const B = 3640743215534845037735280n;
  // The projection done independently (PRODUCT.md §2), in BigInt: without
  // compounding every day pays ⌊B ÷ 365⌋; with it, day d pays ⌊(B + the
  // earlier payouts) ÷ 365⌋.
  const simple = 3650n * (B / 365n);
  let held = B;
  let compound = 0n;
  for (let day = 1; day <= 3650; day++) {
    const paid = held / 365n;
    compound += paid;
    held += paid;
  }
  // Its two-digit round top, 80 × 10^27, would not fit a decimal.
  assert.ok(compound > 79n * 10n ** 27n && compound < 80n * 10n ** 27n);

  const page = await openWidget(ctx, userConfig([HUGE], { horizon_days: 3650 }));
  // Error events Playwright's "pageerror" does not report (a ResizeObserver loop).
  await page.evaluate(() => {
    window.errorEvents = [];
    window.addEventListener("error", (e) => window.errorEvents.push(e.message));
  });
  await typeBalance(page, "HUGE", B.toString());
  await page.getByTestId("details-toggle-HUGE").click();
  await page.getByTestId("plot-HUGE").waitFor();
  const plot = await plotPaths(page, "HUGE");
  const grouped = (n) => n.toLocaleString("en-US");
  assert.equal(plot.label, `Cumulative HUGE rewards over 3650 days: ${grouped(compound)} with compounding, ${grouped(simple)} without`);
  // The axis tops out at the total itself, where the compounding line ends
  // (the plot area spans y = 16 to 200, 184 pixels).
  const labels = await page.getByTestId("plot-HUGE").locator(".ss-axis-label").allTextContents();
  // Too long to write out beside the plot, it is written in powers of ten, to
  // three significant digits: d.dd × 10^(number of digits − 1).
  const digits = compound.toString();
  const sig = String(BigInt(digits.slice(0, 3)) + (Number(digits[3]) >= 5 ? 1n : 0n));
  assert.equal(sig.length, 3, "no carry into a fourth digit here");
  const superscript = (n) => [...String(n)].map((c) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)]).join("");
  assert.equal(labels[2], `${sig[0]}.${sig.slice(1).replace(/0+$/, "")} × 10${superscript(digits.length - 1)}`);
  // Beside the plot, inside the drawing, on a desktop and on a phone.
  const labelsInside = async (where) => {
    const svgBox = await page.getByTestId("plot-HUGE").locator("svg").boundingBox();
    for (const label of await page.getByTestId("plot-HUGE").locator(".ss-axis-label").all()) {
      const b = await label.boundingBox();
      assert.ok(b.x >= svgBox.x && b.x + b.width <= svgBox.x + svgBox.width, `${where}: label [${b.x}, ${b.x + b.width}]`);
    }
  };
  await labelsInside("desktop");
  await page.setViewportSize({ width: 360, height: 780 });
  await expectValue(
    () => page.getByTestId("plot-HUGE").locator("svg").evaluate((svg) => svg.viewBox.baseVal.width === svg.getBoundingClientRect().width),
    true,
  );
  await labelsInside("phone");
  assert.deepEqual(await page.evaluate(() => window.errorEvents), [], "no error events (e.g. a ResizeObserver loop)");
  assert.equal(plot.compound.d.at(-1)[1], 16);
  // Both lines climb all the way (SVG y grows downwards); none falls back
  // onto the zero line once its values no longer fit a product with the height.
  for (const line of [plot.simple.d, plot.compound.d]) {
    for (let i = 1; i < line.length; i++) {
      assert.ok(line[i][1] <= line[i - 1][1], `point ${i}: ${line[i]} after ${line[i - 1]}`);
    }
  }
  // The simple line ends at simple ÷ top of the 184-pixel height, truncated.
  assert.equal(plot.simple.d.at(-1)[1], 200 - Number((simple * 184n) / compound));

  // The widget still answers: 1000 × 1 ÷ 365 = 2.739… → 2 whole tokens.
  await typeBalance(page, "HUGE", "1000");
  await expectText(row(page, "HUGE").daily, "2");
  assert.deepEqual(page.errors, []);
  await page.close();
});
