// The two builds (README "Embedding", "Performance"): a visitor's page loads
// only the visitor's build; a `"mode": "demo"` config, given to mount(), to a
// declarative tag or to update(), loads the demo build, which has demo mode's
// tools (and, after update(), takes over what the visitor set up). Expected numbers come from PRODUCT.md §1 (1000 × 0.05 ÷ 365 →
// 0.13698630).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

import { openPage, useBrowser } from "./support/fixture.mjs";
import { DIST } from "./support/server.mjs";
import { activate, eventually, freshKey, openMounted, textIs, typeBalance } from "./support/embed_kit.mjs";

const ctx = useBrowser();

const FIVE = { symbol: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000" };
const DEMO_FILES = ["/soft-staking/soft-staking-demo.js", "/soft-staking/soft-staking-demo_bg.wasm"];
const VISITOR_FILES = ["/soft-staking/soft-staking.js", "/soft-staking/soft-staking_bg.wasm"];

/** Records the paths of the widget build files `page` asks for. */
const buildRequests = (page) => {
  const seen = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/soft-staking\/soft-staking(-demo)?(_bg\.wasm|\.js)$/.test(path)) seen.push(path);
  });
  return seen;
};

const earn = (page) => page.locator("#earn");

/** A user-mode widget with BNB at 5 % under a fresh storage key, on pages/mount.html; `options` as openMounted's. */
async function userWidget(label, options) {
  const key = freshKey(label);
  const page = await openMounted(ctx, { assets: [FIVE], storage_key: key }, options);
  return { page, w: earn(page), key };
}

/** The host's `update(config)` on the page's widget. */
const hostUpdate = (page, config) => page.evaluate((c) => window.ssWidget.update(c), config);

test("dist/ holds both builds under stable names", () => {
  const files = readdirSync(DIST);
  for (const name of ["soft-staking.js", "soft-staking_bg.wasm", "soft-staking-demo.js", "soft-staking-demo_bg.wasm"]) {
    assert.ok(files.includes(name), name);
  }
});

test("the visitor's build carries none of demo mode's tools; the demo build has them all", () => {
  const visitor = readFileSync(join(DIST, "soft-staking_bg.wasm")).toString("latin1");
  const demo = readFileSync(join(DIST, "soft-staking-demo_bg.wasm")).toString("latin1");
  // Texts only demo mode's code writes (its CSS, shared by both builds, is
  // not a sign): the shared-link decoder's errors, the tier and APR editors'
  // labels, the share box, the cohort panel, the tools' section, the note
  // on edits an update() reset.
  for (const text of [
    "unknown scenario format",
    "The shared scenario could not be read",
    "APR %",
    "Share this scenario",
    "Cohort holdings CSV",
    "Product team tools",
    "your edits there were reset",
  ]) {
    assert.ok(!visitor.includes(text), `the visitor's build holds ${JSON.stringify(text)}`);
    assert.ok(demo.includes(text), `the demo build lacks ${JSON.stringify(text)}`);
  }
});

test("a user-mode page never downloads the demo build", async () => {
  let seen;
  const page = await openMounted(ctx, { assets: [FIVE], storage_key: freshKey("visitor") }, {
    ready: false,
    setup: (p) => {
      seen = buildRequests(p);
    },
  });
  await typeBalance(earn(page), "BNB", "1000");
  await textIs(earn(page).getByTestId("daily-reward-BNB"), "0.13698630");
  assert.equal(await earn(page).getByTestId("apr-input-BNB").count(), 0);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.deepEqual([...new Set(seen)].sort(), VISITOR_FILES.slice().sort());
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount() with a demo config loads the demo build, with demo mode's tools, and only that", async () => {
  let seen;
  const page = await openMounted(ctx, { mode: "demo", assets: [FIVE], storage_key: freshKey("demo") }, {
    ready: false,
    setup: (p) => {
      seen = buildRequests(p);
    },
  });
  const w = earn(page);
  await w.getByTestId("apr-input-BNB").fill("10");
  await typeBalance(w, "BNB", "1000");
  // Before: 1000 × 0.05 ÷ 365; after: 1000 × 0.10 ÷ 365 = 0.27397260…
  await textIs(w.getByTestId("daily-reward-before-BNB"), /0\.13698630/);
  await textIs(w.getByTestId("daily-reward-BNB"), /^0\.27397260/);
  assert.equal(await w.getByTestId("cohort-input").count(), 1);
  // The host mounted as soon as its module ran: only the demo build came.
  assert.deepEqual([...new Set(seen)].sort(), DEMO_FILES.slice().sort());
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a declarative tag with a demo config gets the demo build", async () => {
  const page = await openPage(ctx, "/pages/blank.html", { ready: false });
  await page.evaluate(() => {
    const tag = document.createElement("div");
    tag.id = "earn";
    tag.setAttribute("data-soft-staking", "");
    tag.setAttribute("data-config", JSON.stringify({ mode: "demo", storage_key: "ss-builds-tag" }));
    document.body.append(tag);
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/soft-staking/embed.js";
    document.head.append(script);
  });
  // The built-in samples, with demo mode's inputs.
  await earn(page).getByTestId("apr-input-BNB").waitFor();
  assert.equal(await earn(page).getByTestId("share-link").count(), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("update() to demo mode swaps in the demo build; back to user mode, the demo build stays", async () => {
  const { page, w, key } = await userWidget("swap");
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");

  await w.getByTestId("horizon-select").selectOption("90");
  await w.getByTestId("compound-toggle").click();
  const announced = () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:estimate").length);
  const sent = await announced();

  await hostUpdate(page, { mode: "demo", assets: [FIVE], storage_key: key });
  await w.getByTestId("apr-input-BNB").waitFor();
  assert.equal(await page.evaluate(() => window.ssWidget.mounted), true);
  // The demo build took over what the visitor set up, and told the host
  // nothing it already knew.
  assert.equal(await w.getByTestId("balance-input-BNB").inputValue(), "1000");
  assert.equal(await w.getByTestId("horizon-select").inputValue(), "90");
  assert.equal(await w.getByTestId("compound-toggle").getAttribute("aria-checked"), "true");
  await textIs(w.getByTestId("daily-reward-BNB"), /^0\.13698630/);
  assert.equal(await announced(), sent);
  // One widget in the box, still the host's handle, and live.
  assert.equal(await page.evaluate(() => document.getElementById("earn").shadowRoot.querySelectorAll("[data-testid=asset-row-BNB]").length), 1);
  await typeBalance(w, "BNB", "2000");
  // Capped at 1000: the same 0.13698630.
  await textIs(w.getByTestId("daily-reward-BNB"), /^0\.13698630/);

  await hostUpdate(page, { mode: "user", assets: [FIVE], storage_key: key });
  await textIs(w.getByTestId("apr-input-BNB"), null);
  // What was typed stays across this update (same build).
  assert.equal(await w.getByTestId("balance-input-BNB").inputValue(), "2000");

  await page.evaluate(() => window.ssWidget.destroy());
  assert.equal(await page.evaluate(() => document.getElementById("earn").shadowRoot?.childElementCount ?? 0), 0);
  assert.equal(await page.evaluate(() => window.ssWidget.mounted), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a user-mode update() while the demo build loads wins; a failed demo build says so while still wanted, and a later update() retries", async () => {
  let hold = true;
  let release;
  const held = new Promise((r) => {
    release = r;
  });
  let fail = false;
  const { page, w, key } = await userWidget("race", {
    setup: (p) =>
      p.route(/\/soft-staking-demo\.js(\?.*)?$/, async (route) => {
        if (fail) return route.abort("internetdisconnected");
        if (hold) await held;
        return route.continue();
      }),
  });
  await typeBalance(w, "BNB", "1000");
  await hostUpdate(page, { mode: "demo", assets: [FIVE], storage_key: key });
  // Back to user mode, at 10%, before the demo build arrives.
  await hostUpdate(page, { mode: "user", assets: [{ ...FIVE, apr: "0.1" }], storage_key: key });
  await textIs(w.getByTestId("apr-BNB"), "10%");
  hold = false;
  release();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await w.getByTestId("apr-input-BNB").count(), 0, "the late demo build did not take over");
  // 1000 × 0.10 ÷ 365 = 0.27397260…
  await textIs(w.getByTestId("daily-reward-BNB"), "0.27397260");
  assert.deepEqual(page.errors, []);
  await page.close();

  // A fresh page whose demo build cannot load.
  fail = true;
  const offline = await openMounted(ctx, { assets: [FIVE], storage_key: freshKey("offline") }, {
    setup: (p) =>
      p.route(/\/soft-staking-demo\.js(\?.*)?$/, (route) => (fail ? route.abort("internetdisconnected") : route.continue())),
  });
  const o = earn(offline);
  await typeBalance(o, "BNB", "1000");
  // Demo mode asked for and taken back before the demo build failed: the
  // working widget stays, with no error.
  await offline.evaluate(() => {
    window.ssWidget.update({ mode: "demo", assets: [{ symbol: "BNB", apr: "0.05" }] });
    window.ssWidget.update({ mode: "user", assets: [{ symbol: "BNB", apr: "0.1" }] });
  });
  await textIs(o.getByTestId("apr-BNB"), "10%");
  await offline.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await o.getByTestId("config-error").count(), 0);
  await textIs(o.getByTestId("daily-reward-BNB"), "0.27397260");
  // Asked for and still wanted: the box says so.
  await hostUpdate(offline, { mode: "demo", assets: [{ symbol: "BNB", apr: "0.05" }] });
  await textIs(o.getByTestId("config-error"), /demo mode could not be loaded/i);
  fail = false;
  await hostUpdate(offline, { mode: "demo", assets: [{ symbol: "BNB", apr: "0.05" }] });
  await o.getByTestId("apr-input-BNB").waitFor();
  await offline.close();
});

test("the visitor keeps typing through the switch: focus and caret come back in the same field", async () => {
  let release;
  const held = new Promise((r) => {
    release = r;
  });
  const { page, w } = await userWidget("focus", {
    setup: (p) =>
      p.route(/\/soft-staking-demo_bg\.wasm$/, async (route) => {
        await held;
        return route.continue();
      }),
  });
  const input = w.getByTestId("balance-input-BNB");
  await input.click();
  await page.keyboard.type("10");
  await hostUpdate(page, { mode: "demo", assets: [FIVE] });
  // Typed while the demo build loads: into the visitor's widget, carried over.
  await page.keyboard.type("00");
  release();
  await w.getByTestId("apr-input-BNB").waitFor();
  // Typed after the switch: into the same field, at the caret.
  await page.keyboard.type("5");
  assert.equal(await input.inputValue(), "10005");
  assert.equal(await page.evaluate(() => document.getElementById("earn").shadowRoot.activeElement?.getAttribute("data-testid")), "balance-input-BNB");
  // Over the cap of 1,000: 1000 × 0.05 ÷ 365 → 0.13698630.
  await textIs(w.getByTestId("daily-reward-BNB"), /^0\.13698630/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a bad demo config at the switch shows its error; the next good config finds what the visitor set up", async () => {
  const { page, w, key } = await userWidget("bad-switch");
  await typeBalance(w, "BNB", "1000");
  await w.getByTestId("horizon-select").selectOption("90");
  await hostUpdate(page, { mode: "demo", assets: [FIVE], storage_key: key, horizon_days: 0 });
  await textIs(w.getByTestId("config-error"), /horizon_days/);
  await hostUpdate(page, { mode: "demo", assets: [FIVE], storage_key: key });
  await w.getByTestId("apr-input-BNB").waitFor();
  assert.equal(await w.getByTestId("balance-input-BNB").inputValue(), "1000");
  assert.equal(await w.getByTestId("horizon-select").inputValue(), "90");
  await textIs(w.getByTestId("daily-reward-BNB"), /^0\.13698630/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a switch that also changes storage_key tells the host the activation stored under the new key", async () => {
  const { page, w, key } = await userWidget("key-switch");
  await activate(w);
  const activations = () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").map((e) => e.detail.active));
  assert.deepEqual(await activations(), [true]);
  // Nothing is stored under the new key: the widget is off, and says so.
  await hostUpdate(page, { mode: "demo", assets: [FIVE], storage_key: `${key}-other` });
  await w.getByTestId("apr-input-BNB").waitFor();
  assert.equal(await w.getByTestId("soft-staking-toggle").getAttribute("aria-checked"), "false");
  await eventually(activations, [true, false]);
  assert.deepEqual(page.errors, []);
  await page.close();
});
