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
  // The sample prices are in US dollars: 0.00410958 × 600 = 2.465748 → 2.47.
  const fiat = widget.getByTestId("asset-row-BNB").locator(".ss-fiat").first();
  assert.equal((await fiat.textContent()).replace(/\s+/g, " ").trim(), "≈ 2.47 USD");
  await page.close();
});

test("the example host page mounts the widget and raises an APR through update(), keeping the balance", async () => {
  const page = await openPage(ctx, "/host.html");
  const widget = page.locator("#earn");
  await widget.getByTestId("asset-row-BNB").waitFor();
  // assets.json: BNB at 1.23%: 1000 × 0.0123 ÷ 365 = 12.3 ÷ 365 = 0.0336986301… → 0.03369863.
  assert.equal(await hookText(widget, "apr-BNB"), "1.23%");
  await widget.getByTestId("balance-input-BNB").fill("1000");
  await textIs(widget.getByTestId("daily-reward-BNB"), "0.03369863");

  await page.getByRole("button", { name: /Promo/ }).click();
  // 2.5%: 1000 × 0.025 ÷ 365 = 25 ÷ 365 = 0.0684931506… → 0.06849315.
  await textIs(widget.getByTestId("apr-BNB"), "2.5%");
  await textIs(widget.getByTestId("daily-reward-BNB"), "0.06849315");
  assert.equal(await widget.getByTestId("balance-input-BNB").inputValue(), "1000", "the typed balance stays");
  assert.match(await page.locator("#event-log").textContent(), /config updated: BNB APR 2\.5%/);
  assert.match(await page.locator("#event-log").textContent(), /estimate: BNB 1000 → 0\.03369863 a day/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
