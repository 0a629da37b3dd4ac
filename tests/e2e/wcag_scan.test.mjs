// Automated WCAG 2 checks with axe-core (the engine behind Lighthouse's
// accessibility audit) over the widget's shadow tree, in the states a visitor
// and the product team reach: typed balances, an inline error, an open row
// with its chart and intraday editor, the terms dialog, a config error, demo
// mode with edits, before → after, a cohort result, both themes, desktop and
// a 360 px phone. Rules about the host page itself (one `main` landmark, an
// `h1`, all content in landmarks) are the host's to meet, so they are off.
// Hand-written checks of names, announcements and contrast are in
// accessibility.test.mjs; this is the independent second opinion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import { useBrowser } from "./support/fixture.mjs";
import { eventually, freshKey, openMounted, retype, textIs, typeBalance } from "./support/embed_kit.mjs";
import { SPEC_TIERS } from "./support/widget.mjs";

const ctx = useBrowser();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The host page's rules, not the widget's. */
const HOST_PAGE_RULES = ["region", "landmark-one-main", "page-has-heading-one"];

const BNB = { symbol: "BNB", name: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000", price: "600" };
const USDT = { symbol: "USDT", name: "Tether USD", tiers: SPEC_TIERS, min_amount: "10", max_cap: null, price: "1" };

const config = (extra = {}) => ({
  assets: [BNB, USDT],
  mode: "user",
  theme: "light",
  horizon_days: 30,
  currency: "USD",
  storage_key: freshKey("wcag"),
  ...extra,
});

const PHONE = { width: 360, height: 780 };

/**
 * axe-core's violations on the page, one line per failing element. Asserts
 * that axe looked inside the widget's shadow root (its contrast check passed
 * on text there), so an empty list means something.
 */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const { lines, checkedInside } = await page.evaluate(async (off) => {
    const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
    const result = await window.axe.run(document, { resultTypes: ["violations", "passes"], rules });
    // A node inside a shadow root has a target path: ["#earn", "<selector inside>"].
    const inside = (n) => Array.isArray(n.target[0]) && n.target[0][0] === "#earn";
    const passedInside = new Set(result.passes.filter((r) => r.nodes.some(inside)).map((r) => r.id));
    return {
      lines: result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} ${n.failureSummary.replace(/\s+/g, " ")}`)),
      checkedInside: [...passedInside],
    };
  }, HOST_PAGE_RULES);
  assert.ok(checkedInside.includes("color-contrast"), `axe checked the widget's text: ${checkedInside}`);
  return lines;
}

/** A typed balance, another field in error, an open row with an intraday change, a custom horizon. */
async function visitorState(w) {
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  await typeBalance(w, "USDT", "12x");
  await w.getByTestId("error-USDT").waitFor();
  await w.getByTestId("details-toggle-BNB").click();
  await w.getByTestId("add-change-BNB").click();
  await w.getByTestId("horizon-select").selectOption("custom");
}

for (const [label, extra, viewport] of [
  ["light, desktop", { theme: "light" }, undefined],
  ["dark, desktop", { theme: "dark" }, undefined],
  ["light, 360 px phone", { theme: "light" }, PHONE],
  ["dark, 360 px phone", { theme: "dark" }, PHONE],
]) {
  test(`user mode (${label}): no WCAG violations with estimates, an error and an open row`, async () => {
    const page = await openMounted(ctx, config(extra), viewport && { viewport });
    const w = page.locator("#earn");
    await visitorState(w);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("the terms dialog and a stale row: no WCAG violations", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  // A typo after a valid entry: the row keeps (dimmed) its last estimate.
  await typeBalance(w, "BNB", "1000x");
  await w.getByTestId("error-BNB").waitFor();
  await w.getByTestId("activate-button").click();
  await w.getByTestId("terms-checkbox").waitFor();
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test("a config error: no WCAG violations", async () => {
  const page = await openMounted(ctx, { assets: [{ symbol: "bnb" }] });
  await page.locator("#earn").getByTestId("config-error").waitFor();
  assert.deepEqual(await violations(page), []);
  await page.close();
});

for (const [label, extra, viewport] of [
  ["light, desktop", { theme: "light" }, undefined],
  ["dark, 360 px phone", { theme: "dark" }, PHONE],
]) {
  test(`demo mode (${label}): no WCAG violations with edits, field errors and a cohort result`, async () => {
    const page = await openMounted(ctx, config({ mode: "demo", ...extra }), viewport && { viewport });
    const w = page.locator("#earn");
    await typeBalance(w, "BNB", "1000");
    await retype(w, "apr-input-BNB", "10");
    await retype(w, "max-input-BNB", "5000");
    // 1000 × 0.10 ÷ 365 = 0.2739726027… → 0.27397260 (before, at 5 %: 0.13698630).
    await textIs(w.getByTestId("daily-reward-BNB"), "0.27397260");
    await textIs(w.getByTestId("daily-reward-before-BNB"), "0.13698630");
    await retype(w, "min-input-USDT", "-1");
    await retype(w, "tier-up-to-input-USDT-0", "9000");
    await w.getByTestId("details-toggle-BNB").click();
    await w.getByTestId("cohort-input").fill("symbol,balance\nBNB,100\nUSDT,50\nZZZ,5\nBNB;3\n");
    await w.getByTestId("cohort-run").click();
    // 100 BNB at 5 % → 0.01369863; at 10 % → 0.02739726.
    await textIs(w.getByTestId("cohort-total-before-BNB"), "0.01369863");
    await textIs(w.getByTestId("cohort-total-after-BNB"), "0.02739726");
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("the cohort results scroll sideways on a phone and the keyboard reaches and scrolls them (a tab stop only while they scroll)", async () => {
  const page = await openMounted(ctx, config({ mode: "demo" }), { viewport: PHONE });
  const w = page.locator("#earn");
  await w.getByTestId("cohort-input").fill("BNB,100\nUSDT,50\n");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-total-after-BNB"), "0.01369863");
  const region = w.getByTestId("cohort-results-region");
  assert.equal(await region.getAttribute("role"), "region");
  assert.equal(await region.getAttribute("aria-label"), "Cohort results");
  const box = () => region.evaluate((el) => ({ scroll: el.scrollLeft, wider: el.scrollWidth > el.clientWidth }));
  assert.deepEqual(await box(), { scroll: 0, wider: true }, "the table is wider than a 360 px phone");
  // Tab from the Run button: the results are the next stop; arrow keys scroll them.
  const focused = (locator) => locator.evaluate((el) => el.getRootNode().activeElement === el);
  await w.getByTestId("cohort-run").focus();
  assert.equal(await focused(w.getByTestId("cohort-run")), true);
  await page.keyboard.press("Tab");
  assert.equal(await focused(region), true, "focus is on the results");
  await page.keyboard.press("ArrowRight");
  await eventually(async () => (await box()).scroll > 0, true, "ArrowRight scrolls the table");
  // Turned to a desktop width, the table fits: the region leaves the tab order.
  await page.setViewportSize({ width: 1280, height: 900 });
  await eventually(async () => (await box()).wider, false);
  await eventually(() => region.getAttribute("tabindex"), null, "no tab stop where nothing scrolls");
  await page.setViewportSize(PHONE);
  await eventually(() => region.getAttribute("tabindex"), "0", "a tab stop again on the phone");
  await page.close();
});
