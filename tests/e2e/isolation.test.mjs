// Isolation (issue B): two widgets on one page with different configs and
// storage keys do not interfere; destroy() leaves no listeners or timers
// behind (pages/leaks.html loads leak-probe.js before embed.js, which counts
// live event listeners on the window, the document, non-node targets and
// nodes still in the page, pending timers, and MessagePort posts).
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, openPage, useBrowser } from "./support/fixture.mjs";
import { activate, countIs, eventually, freshKey, retype, textIs, typeBalance } from "./support/embed_kit.mjs";

const ctx = useBrowser();

const BNB = { symbol: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000" };
const SOL = { symbol: "SOL", apr: "0.0365", min_amount: "1", max_cap: null };

/** pages/leaks.html with nothing mounted yet. */
async function leaksPage() {
  const page = await openPage(ctx, "/pages/leaks.html?manual", { ready: false });
  await page.waitForFunction(() => typeof window.ssMount === "function" && window.ssProbe !== undefined);
  return page;
}

/** Mounts `config` on `#id` (window.handles[id] keeps the handle). */
function mountOn(page, id, config) {
  return page.evaluate(
    async ([id, config]) => {
      window.handles = window.handles ?? {};
      window.handles[id] = await window.ssMount(document.getElementById(id), config);
    },
    [id, config],
  );
}

const probe = (page) =>
  page.evaluate(() => ({ listeners: window.ssProbe.listeners(), timers: window.ssProbe.timers(), channels: window.ssProbe.channels() }));
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const toggle = (w) => w.getByTestId("soft-staking-toggle").getAttribute("aria-checked");

test("two widgets with different configs and storage keys do not interfere", async () => {
  const page = await leaksPage();
  const [keyA, keyB] = [freshKey("a"), freshKey("b")];
  // A: user mode, BNB 5 % and SOL. B: demo mode, BNB at 10 % only, 7-day horizon.
  await mountOn(page, "earn", { assets: [BNB, SOL], mode: "user", theme: "light", storage_key: keyA });
  await mountOn(page, "earn2", { assets: [{ ...BNB, apr: "0.10" }], mode: "demo", theme: "dark", horizon_days: 7, storage_key: keyB });
  const a = page.locator("#earn");
  const b = page.locator("#earn2");
  await countIs(a.getByTestId("asset-row-SOL"), 1);
  await countIs(b.getByTestId("asset-row-BNB"), 1);
  assert.equal(await b.getByTestId("asset-row-SOL").count(), 0);
  assert.equal(await a.getByTestId("apr-input-BNB").count(), 0, "demo fields only in B");

  // Same symbol, same balance, different configs: 1000 × 0.05 ÷ 365 → 0.13698630
  // in A; 1000 × 0.10 ÷ 365 → 0.27397260 in B.
  await typeBalance(a, "BNB", "1000");
  await textIs(a.getByTestId("daily-reward-BNB"), "0.13698630");
  assert.equal(await b.getByTestId("balance-input-BNB").inputValue(), "");
  await typeBalance(b, "BNB", "1000");
  await textIs(b.getByTestId("daily-reward-BNB"), "0.27397260");
  assert.equal(await hookText(a, "daily-reward-BNB"), "0.13698630");
  // Each row's label belongs to its own widget's input.
  assert.equal(await a.getByLabel("Your BNB balance").inputValue(), "1000");
  // A demo edit in B changes nothing in A.
  await retype(b, "apr-input-BNB", "20");
  // 1000 × 0.20 ÷ 365 = 0.5479452054… → 0.54794520.
  await textIs(b.getByTestId("daily-reward-BNB"), "0.54794520");
  assert.equal(await hookText(a, "apr-BNB"), "5%");
  assert.equal(await hookText(a, "daily-reward-BNB"), "0.13698630");
  // Horizons are per widget.
  assert.equal(await a.getByTestId("horizon-select").inputValue(), "30");
  assert.equal(await b.getByTestId("horizon-select").inputValue(), "7");
  await a.getByTestId("horizon-select").selectOption("365");
  assert.equal(await b.getByTestId("horizon-select").inputValue(), "7");

  // Activation: each under its own key.
  await activate(a);
  assert.equal(await toggle(b), "false");
  assert.match(await stored(page, keyA), /^soft-staking\/v1 terms=1 on=1 day=\d+$/);
  assert.equal(await stored(page, keyB), null);
  await activate(b);
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(a), "false");
  assert.equal(await toggle(b), "true");
  assert.match(await stored(page, keyA), / on=0 /);
  assert.match(await stored(page, keyB), / on=1 /);

  // Events carry their own widget as target.
  const events = await page.evaluate(() => window.ssEvents.map((e) => [e.target, e.type, e.detail.symbol ?? e.detail.active]));
  assert.deepEqual(
    events.filter(([, type]) => type === "softstaking:activation"),
    [
      ["earn", "softstaking:activation", true],
      ["earn2", "softstaking:activation", true],
      ["earn", "softstaking:activation", false],
    ],
  );
  assert.ok(events.every(([target, , sym]) => typeof sym === "boolean" || target === "earn" || sym === "BNB"));

  // Destroying A leaves B working, with its state.
  await page.evaluate(() => window.handles.earn.destroy());
  await countIs(a.getByTestId("asset-row-BNB"), 0);
  await typeBalance(b, "BNB", "2000");
  // Demo APR 20 %, cap 1000: 1000 × 0.20 ÷ 365 → 0.54794520 still.
  await textIs(b.getByTestId("status-BNB"), /cap/i);
  assert.equal(await hookText(b, "daily-reward-BNB"), "0.54794520");
  assert.equal(await toggle(b), "true");
  assert.match(await stored(page, keyB), / on=1 /);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("destroy() leaves no listeners or timers behind and an empty box", async () => {
  const page = await leaksPage();
  const baseline = await probe(page);
  await mountOn(page, "earn", { assets: [BNB, SOL], mode: "demo", theme: "light", storage_key: freshKey("leak") });
  const w = page.locator("#earn");
  await countIs(w.getByTestId("asset-row-BNB"), 1);
  const mounted = await probe(page);
  assert.ok(mounted.listeners.length > baseline.listeners.length, "the probe sees the widget's listeners");
  assert.equal(mounted.channels.length, baseline.channels.length + 1, "the probe sees the activation channel");

  // Use every part of the widget.
  await typeBalance(w, "BNB", "1000");
  await w.getByTestId("details-toggle-BNB").click();
  await w.getByTestId("add-change-BNB").click();
  await countIs(w.getByTestId("plot-BNB"), 1);
  await w.getByTestId("horizon-select").selectOption("90");
  await w.getByTestId("compound-toggle").click();
  await retype(w, "apr-input-BNB", "10");
  await w.getByTestId("activate-button").click();
  await page.keyboard.press("Escape");
  await activate(w);
  await w.getByTestId("cohort-input").fill("BNB,1000\nSOL,100\nSOL,0.5");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 3 holdings/);
  await w.getByRole("button", { name: "Copy link" }).click();

  await page.evaluate(() => window.handles.earn.destroy());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const after = await probe(page);
  assert.deepEqual(after.listeners, baseline.listeners, "listeners back to the baseline");
  assert.deepEqual(after.timers, baseline.timers, "no pending timers");
  assert.deepEqual(after.channels, baseline.channels, "the activation channel is closed");
  const box = await page.evaluate(() => {
    const el = document.getElementById("earn");
    return { light: el.childNodes.length, shadow: el.shadowRoot.childNodes.length, sheets: el.shadowRoot.adoptedStyleSheets.length };
  });
  assert.deepEqual(box, { light: 0, shadow: 0, sheets: 0 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("destroying one of two widgets removes only its own listeners", async () => {
  const page = await leaksPage();
  await mountOn(page, "earn2", { assets: [SOL], theme: "light", storage_key: freshKey("keep") });
  await countIs(page.locator("#earn2").getByTestId("asset-row-SOL"), 1);
  const withOne = await probe(page);
  await mountOn(page, "earn", { assets: [BNB], theme: "light", storage_key: freshKey("drop") });
  await countIs(page.locator("#earn").getByTestId("asset-row-BNB"), 1);
  await typeBalance(page.locator("#earn"), "BNB", "1000");
  await page.evaluate(() => window.handles.earn.destroy());
  assert.deepEqual(await probe(page), withOne);
  // The remaining widget still answers: 100 × 0.0365 ÷ 365 = 0.01 → 0.01000000.
  await typeBalance(page.locator("#earn2"), "SOL", "100");
  await textIs(page.locator("#earn2").getByTestId("daily-reward-SOL"), "0.01000000");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("destroy() during a running cohort stops the sliced work at once", async () => {
  const page = await leaksPage();
  await mountOn(page, "earn", { assets: [BNB, SOL], mode: "demo", theme: "light", storage_key: freshKey("cohort") });
  await countIs(page.locator("#earn").getByTestId("cohort-run"), 1);
  const result = await page.evaluate(async () => {
    const root = document.getElementById("earn").shadowRoot;
    // 600,000 holdings: many slices of 12 ms.
    root.querySelector('[data-testid="cohort-input"]').value = Array.from({ length: 600_000 }, (_, i) => `BNB,${i % 3000}.5`).join("\n");
    const bar = root.querySelector('[data-testid="cohort-progress"]');
    const destroyed = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (bar.value > 0 && bar.value < bar.max) {
          observer.disconnect();
          window.handles.earn.destroy();
          resolve({ fraction: bar.value / bar.max, posts: window.ssProbe.posts() });
        }
      }).observe(bar, { attributes: true });
    });
    root.querySelector('[data-testid="cohort-run"]').click();
    const at = await destroyed;
    await new Promise((r) => setTimeout(r, 300));
    return { ...at, postsLater: window.ssProbe.posts(), timers: window.ssProbe.timers() };
  });
  assert.ok(result.fraction > 0 && result.fraction < 1, `destroyed mid-run (${result.fraction})`);
  assert.ok(result.posts > 0, "the work yields through MessageChannel posts");
  assert.equal(result.postsLater, result.posts, "no slice runs after destroy()");
  assert.deepEqual(result.timers, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a declarative tag taken out of the page is destroyed (nothing left behind); moved, it keeps its widget; put back, it mounts afresh", async () => {
  const page = await leaksPage();
  const baseline = await probe(page);
  const config = JSON.stringify({ assets: [BNB], storage_key: freshKey("spa") });
  await page.evaluate((config) => {
    const tag = document.createElement("div");
    tag.id = "spa";
    tag.setAttribute("data-soft-staking", "");
    tag.setAttribute("data-config", config);
    document.body.append(tag);
  }, config);
  const w = page.locator("#spa");
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  // Moved within a task (a framework re-parenting it): the same widget.
  await page.evaluate(() => document.body.prepend(document.getElementById("spa")));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  assert.equal(await w.getByTestId("balance-input-BNB").inputValue(), "1000");
  // Taken out (a route change): destroyed, as destroy() does.
  const tag = await page.evaluateHandle(() => {
    const tag = document.getElementById("spa");
    tag.remove();
    return tag;
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.deepEqual(await probe(page), baseline);
  assert.equal(await tag.evaluate((t) => t.shadowRoot.innerHTML), "");
  // Put back: a new widget (the balance typed before is gone).
  await tag.evaluate((t) => document.body.append(t));
  await countIs(w.getByTestId("asset-row-BNB"), 1);
  assert.equal(await w.getByTestId("balance-input-BNB").inputValue(), "");

  // Taken out while its config is on its way: it never mounts.
  let release;
  let answered;
  const held = new Promise((r) => (release = r));
  const fulfilled = new Promise((r) => (answered = r));
  await page.route("**/held-config.json", async (route) => {
    await held;
    await route.fulfill({ json: { assets: [SOL], storage_key: freshKey("held") } });
    answered();
  });
  const early = await page.evaluateHandle(() => {
    const tag = document.createElement("div");
    tag.setAttribute("data-soft-staking", "");
    tag.setAttribute("data-config-url", "/held-config.json");
    document.body.append(tag);
    return tag;
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await early.evaluate((t) => t.remove());
  release();
  await fulfilled;
  // Time for the answer to be read and a mount to happen, if it were to.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await early.evaluate((t) => t.shadowRoot), null, "never mounted");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("embed.js loaded under two URLs (a cache-busting ?v=3): one widget per tag, each build downloaded once", async () => {
  const page = await openPage(ctx, "/pages/twice.html?manual", { ready: false });
  await page.waitForFunction(() => typeof window.ssMount === "function");
  const tag = page.locator("#tag");
  await countIs(tag.getByTestId("asset-row-BNB"), 1);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  // One widget: one activation channel, one event per switch.
  assert.equal((await page.evaluate(() => window.ssProbe.channels())).length, 1);
  await activate(tag);
  await eventually(() => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").length), 1);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  assert.equal(await page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").length), 1);
  // mount() from the other copy replaces that widget rather than adding one.
  await page.evaluate(() => window.ssMount(document.getElementById("tag"), { assets: [{ symbol: "SOL", apr: "0.0365", min_amount: "1" }], storage_key: "ss-twice" }));
  await countIs(tag.getByTestId("asset-row-SOL"), 1);
  assert.equal((await page.evaluate(() => window.ssProbe.channels())).length, 1);
  const downloads = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/soft-staking/soft-staking")),
  );
  assert.deepEqual(downloads.sort(), ["/soft-staking/soft-staking.js", "/soft-staking/soft-staking_bg.wasm"]);

  // A copy from another directory (another deployment: the test server
  // serves dist/ at the root too) works on its own, says so, and does not
  // take over the first copy's live widget.
  const other = await page.evaluate(() =>
    window.ssProbe.said(async () => {
      const { mount } = await import("/embed.js");
      const handle = await mount(document.getElementById("tag"), { assets: [{ symbol: "ADA", apr: "0.03", min_amount: "150" }] });
      return handle.mounted;
    }),
  );
  assert.equal(other.value, false);
  assert.match(other.said.join("\n"), /loaded from two places/);
  assert.match(other.said.join("\n"), /holds a widget of another copy of embed\.js/);
  await countIs(tag.getByTestId("asset-row-SOL"), 1);
  assert.equal(await tag.getByTestId("asset-row-ADA").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount() refuses an iframe's element by name, and leaves a host's own shadow root alone", async () => {
  const page = await leaksPage();
  const refused = await page.evaluate(async () => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const inner = frame.contentDocument.createElement("div");
    frame.contentDocument.body.append(inner);
    try {
      await window.ssMount(inner, null);
      return "mounted";
    } catch (err) {
      return `${err.name}: ${err.message}`;
    }
  });
  assert.match(refused, /^TypeError: .*another window \(an iframe's\): import embed\.js in that window's page/);
  // A host's custom element with a shadow root of its own.
  const kept = await page.evaluate(async () => {
    const card = document.createElement("div");
    card.innerHTML = '<p slot="body">Host card text</p>';
    document.body.append(card);
    const own = card.attachShadow({ mode: "open" });
    own.innerHTML = '<h2>Host card title</h2><slot name="body"></slot>';
    const { value: handle, said } = await window.ssProbe.said(() => window.ssMount(card, null));
    const during = own.innerHTML;
    handle.destroy();
    return { during, after: own.innerHTML, mounted: handle.mounted, light: card.innerHTML, errors: said };
  });
  assert.equal(kept.during, '<h2>Host card title</h2><slot name="body"></slot>');
  assert.equal(kept.after, '<h2>Host card title</h2><slot name="body"></slot>');
  assert.equal(kept.light, '<p slot="body">Host card text</p>', "the host's own content stays");
  assert.equal(kept.mounted, false);
  assert.match(kept.errors.join("\n"), /has a shadow root of its own/);
  // A closed one, which the page cannot see: the same.
  const closed = await page.evaluate(async () => {
    const card = document.createElement("section");
    card.innerHTML = "<p>Host text</p>";
    document.body.append(card);
    card.attachShadow({ mode: "closed" }).innerHTML = "<slot></slot>";
    const { value: handle, said } = await window.ssProbe.said(() => window.ssMount(card, null));
    return { light: card.innerHTML, mounted: handle.mounted, errors: said };
  });
  assert.deepEqual(closed, { light: "<p>Host text</p>", mounted: false, errors: [closed.errors[0]] });
  assert.match(closed.errors[0], /has a shadow root of its own/);

  // A build that cannot load, on an element the widget used before: the
  // message shows in the widget's own box (it used to go where nothing shows).
  await page.route("**/soft-staking-demo_bg.wasm", (route) => route.abort());
  const shown = await page.evaluate(async () => {
    const el = document.createElement("div");
    document.body.append(el);
    (await window.ssMount(el, null)).destroy();
    const handle = await window.ssMount(el, { mode: "demo" });
    return { mounted: handle.mounted, text: el.shadowRoot.querySelector('[data-testid="config-error"]')?.textContent ?? null };
  });
  assert.deepEqual(shown, { mounted: false, text: "The soft staking estimator could not be loaded." });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("without constructable stylesheets (Safari before 16.4) a <style> element styles the widget; a host's fetch that takes only strings loads it", async () => {
  const page = await openPage(ctx, "/pages/leaks.html?manual", {
    ready: false,
    setup: (p) =>
      p.addInitScript(() => {
        window.CSSStyleSheet = undefined;
        const fetch = window.fetch;
        window.fetch = (input, init) => (typeof input === "string" ? fetch(input, init) : Promise.reject(new TypeError("this fetch takes strings only")));
      }),
  });
  await page.waitForFunction(() => typeof window.ssMount === "function");
  await mountOn(page, "earn", { assets: [BNB], storage_key: freshKey("nosheet") });
  const w = page.locator("#earn");
  await countIs(w.getByTestId("asset-row-BNB"), 1);
  const styled = await w.evaluate((host) => ({
    styles: host.shadowRoot.querySelectorAll("style").length,
    // --ss-accent's default, #f0b90b.
    accent: getComputedStyle(host.shadowRoot.querySelector('[data-testid="activate-button"]')).backgroundColor,
  }));
  assert.deepEqual(styled, { styles: 1, accent: "rgb(240, 185, 11)" });
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  await page.evaluate(() => window.handles.earn.destroy());
  assert.equal(await w.evaluate((host) => host.shadowRoot.innerHTML), "");
  assert.deepEqual(page.errors, []);
  await page.close();
});
