// Strict Content-Security-Policy (issue B; README "Security"): the widget
// works on a page served with
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// (no inline script, no eval, no inline style). The test server serves the
// test pages under /csp/… with exactly that header; the pages themselves use
// only external scripts. Any violation is caught twice: by a
// `securitypolicyviolation` listener in the page and by Chromium's console.
import { test } from "node:test";
import assert from "node:assert/strict";

import { openPage, useBrowser } from "./support/fixture.mjs";
import { STRICT_CSP } from "./support/server.mjs";
import {
  activate, configError, countIs, eventually, freshKey, mountPath, retype, textIs, typeBalance,
} from "./support/embed_kit.mjs";

const ctx = useBrowser();

/** Collects console messages about the policy, from before the first navigation. */
const watchConsole = (page) => {
  page.cspConsole = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) page.cspConsole.push(m.text());
  });
};

async function assertNoViolations(page) {
  // Violation events are delivered asynchronously: give them a moment.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.deepEqual(await page.evaluate(() => window.ssViolations), [], "no securitypolicyviolation event");
  assert.deepEqual(page.cspConsole, [], "no CSP message in the console");
  assert.deepEqual(page.errors, []);
}

test("control: under /csp/ the policy is enforced (inline script and eval blocked)", async () => {
  const open = await openPage(ctx, "/pages/csp-control.html", { ready: false });
  await open.waitForFunction(() => window.ssEvalWorks !== undefined);
  assert.equal((await open.locator("#probe").textContent()).trim(), "inline script ran");
  assert.equal(await open.evaluate(() => window.ssEvalWorks), true);
  await open.close();

  const page = await ctx.browser.newPage();
  const response = await page.goto(`${ctx.server.url}/csp/csp-control.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
  assert.equal(
    STRICT_CSP,
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    "the policy of the issue",
  );
  await page.waitForFunction(() => window.ssEvalWorks !== undefined);
  assert.equal((await page.locator("#probe").textContent()).trim(), "inline script did not run");
  assert.equal(await page.evaluate(() => window.ssEvalWorks), false);
  await page.close();

  // The detectors used below do see a violation: an inline style attribute.
  const host = await openPage(ctx, "/csp/mount.html?manual", { ready: false, setup: watchConsole });
  await host.waitForFunction(() => typeof window.ssMount === "function");
  await host.evaluate(() => document.body.setAttribute("style", "color: red"));
  await eventually(async () => (await host.evaluate(() => window.ssViolations)).length > 0, true);
  assert.match((await host.evaluate(() => window.ssViolations))[0], /^style-src/);
  await eventually(() => host.cspConsole.length > 0, true);
  await host.close();
});

test("the widget mounted by mount() works under the strict policy, styled, with no violation", async () => {
  const config = {
    assets: [
      { symbol: "BNB", name: "<b>BNB</b>", apr: "0.05", min_amount: "0.5", max_cap: "1000", price: "600" },
      { symbol: "USDT", tiers: [{ up_to: "500", apr: "0.12" }, { up_to: "5000", apr: "0.008" }, { up_to: null, apr: "0.003" }], min_amount: "10" },
    ],
    mode: "demo",
    theme: "light",
    storage_key: freshKey("csp"),
  };
  const page = await openPage(ctx, mountPath(config, { base: "/csp" }), { setup: watchConsole });
  const w = page.locator("#earn");
  // The stylesheet applies (adopted, not an inline <style>): README light defaults.
  const look = await page.evaluate(() => {
    const root = document.getElementById("earn").shadowRoot;
    const s = getComputedStyle(root.querySelector(".ss-root"));
    return {
      radius: s.borderTopLeftRadius,
      color: s.color,
      accent: getComputedStyle(root.querySelector('[data-testid="activate-button"]')).backgroundColor,
      styleElements: root.querySelectorAll("style").length,
    };
  });
  assert.deepEqual(look, { radius: "10px", color: "rgb(30, 35, 41)", accent: "rgb(240, 185, 11)", styleElements: 0 });

  // Estimates (PRODUCT.md §1): 1000 × 0.05 ÷ 365 → 0.13698630; tiers at 10,000 → 0.30410958.
  await typeBalance(w, "BNB", "1000");
  await typeBalance(w, "USDT", "10000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  await textIs(w.getByTestId("daily-reward-USDT"), "0.30410958");
  // Demo edit: 10 % → 1000 × 0.10 ÷ 365 → 0.27397260, before 0.13698630.
  await retype(w, "apr-input-BNB", "10");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.27397260");
  await textIs(w.getByTestId("daily-reward-before-BNB"), "0.13698630");
  // Details with the SVG plot, horizon and compounding.
  await w.getByTestId("details-toggle-BNB").click();
  await w.getByTestId("add-change-BNB").click();
  await countIs(w.getByTestId("plot-BNB"), 1);
  await w.getByTestId("horizon-select").selectOption("365");
  await w.getByTestId("compound-toggle").click();
  // Activation with its dialog.
  await activate(w);
  // Cohort (sliced work yields through a MessageChannel, not eval or timers):
  // 2 × BNB 1000 → before 2 × 0.13698630 = 0.27397260, after 2 × 0.27397260 = 0.54794520.
  await w.getByTestId("cohort-input").fill("BNB,1000\nBNB,1000");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-total-after-BNB"), "0.54794520");
  assert.equal(await w.getByTestId("cohort-total-before-BNB").textContent(), "0.27397260");
  // The share link is a URL of this /csp/ page.
  await eventually(() => w.getByTestId("share-link").getAttribute("href"), /\/csp\/mount\.html\?.*ss-scenario=/);
  // The markup name is text.
  assert.match(await w.getByTestId("asset-row-BNB").textContent(), /<b>BNB<\/b>/);
  // update() and a config error under the policy.
  await page.evaluate(() => window.ssWidget.update({ assets: [{ symbol: "BNB", apr: 5 }] }));
  await countIs(w.getByTestId("config-error"), 1);
  assert.match(await configError(w), /^config\.assets\[0\]\.apr: must be a decimal string/);
  await assertNoViolations(page);
  await page.close();
});

test("declarative tags work under the strict policy: config URL, inline JSON, samples, errors", async () => {
  const page = await openPage(ctx, "/csp/declarative.html", { ready: false, setup: watchConsole });
  const fromUrl = page.locator("#from-url");
  await countIs(fromUrl.getByTestId("asset-row-USDT"), 1);
  await countIs(page.locator("#inline").getByTestId("asset-row-SOL"), 1);
  await countIs(page.locator("#samples").locator("[data-testid^=asset-row-]"), 10);
  await countIs(page.locator("#missing").getByTestId("config-error"), 1);
  await countIs(page.locator("#not-json").getByTestId("config-error"), 1);
  await countIs(page.locator("#invalid").getByTestId("config-error"), 1);
  // configs/declarative.json: BNB 5 %: 1000 → 0.13698630.
  await typeBalance(fromUrl, "BNB", "1000");
  await textIs(fromUrl.getByTestId("daily-reward-BNB"), "0.13698630");
  const events = await page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:estimate").at(-1));
  assert.deepEqual(
    { target: events.target, bubbles: events.bubbles, composed: events.composed, detail: events.detail },
    { target: "from-url", bubbles: true, composed: true, detail: { symbol: "BNB", balance: "1000", daily_reward: "0.13698630" } },
  );
  await assertNoViolations(page);
  await page.close();
});
