// The demo page the serve command shows: the built-in sample list, live
// estimates. Issue 2's end-to-end layer: type a balance, read the estimate.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, openPage, useBrowser } from "./support/fixture.mjs";
import { textIs } from "./support/embed_kit.mjs";

const ctx = useBrowser();

test("the demo page shows every sample asset with its published minimum", async () => {
  const page = await openPage(ctx, "/");
  const widget = page.locator("#earn");
  // Published minimums (PRODUCT.md §1).
  const minimums = { BNB: "0.5", SOL: "1", ADA: "150", SUI: "100", TON: "100", NEAR: "100", POL: "500", ALGO: "1000", S: "200", AXS: "100" };
  for (const [sym, min] of Object.entries(minimums)) {
    await widget.getByTestId(`asset-row-${sym}`).waitFor();
    assert.equal(await hookText(widget, `min-${sym}`), min, sym);
  }
  // Published caps.
  assert.equal(await hookText(widget, "max-BNB"), "1000");
  assert.equal(await hookText(widget, "max-SUI"), "50000");
  // Unpublished values are labelled as samples, in both modes.
  assert.match(await widget.getByTestId("asset-row-SOL").textContent(), /sample/i);
  assert.match(await widget.locator(".ss-footnote").textContent(), /Values marked sample are illustrative/i);
  const demo = page.locator("#earn-demo");
  const solApr = demo.getByTestId("asset-row-SOL").locator(".c-apr");
  assert.match(await solApr.textContent(), /sample/i);
  // A value the product team typed is theirs, not a sample any more.
  await demo.getByTestId("apr-input-SOL").fill("7");
  await textIs(demo.getByTestId("apr-SOL"), "7%");
  assert.doesNotMatch(await solApr.textContent(), /sample/i);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("typing a balance updates the estimate on the same keystroke", async () => {
  const page = await openPage(ctx, "/");
  const widget = page.locator("#earn");
  // BNB sample APR 0.15%: 1000 × 0.0015 ÷ 365 = 0.0041095890… → 0.00410958
  await widget.getByTestId("balance-input-BNB").pressSequentially("1000");
  assert.equal(await hookText(widget, "daily-reward-BNB"), "0.00410958");
  assert.equal(await hookText(widget, "apr-BNB"), "0.15%");
  await page.close();
});
