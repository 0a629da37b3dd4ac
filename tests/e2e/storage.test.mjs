// The activation state in local storage (README "Security": only the
// activation state is stored, under `storage_key`, as
// `soft-staking/v1 terms=1 on=1 day=20781`; corrupted or foreign data is read
// as "not activated"; if storage is unavailable the state lives in memory).
// Robustness (issue B): corrupted or foreign data under the key, a browser
// where reading localStorage throws (private mode) or writing throws (quota):
// the widget still works and never loses a valid activation state.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, openPage, useBrowser } from "./support/fixture.mjs";
import { activate, countIs, eventually, freshKey, mountPath, textIs, typeBalance } from "./support/embed_kit.mjs";

const ctx = useBrowser();

const BNB = { symbol: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000" };
const configFor = (key) => ({ assets: [BNB], theme: "light", storage_key: key });
const RECORD = /^soft-staking\/v1 terms=1 on=1 day=(\d+)$/;

const toggle = (w) => w.getByTestId("soft-staking-toggle").getAttribute("aria-checked");
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

/**
 * A new page whose origin has `value` stored under `key` (written from a
 * blank page of the same origin first), then the host page at `path`.
 */
async function openWithStored(key, value, path) {
  const page = await openPage(ctx, "/pages/blank.html", { ready: false });
  if (value !== null) await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
  await page.goto(ctx.server.url + path);
  await page.locator("[data-testid^=asset-row-], [data-testid=config-error]").first().waitFor();
  return page;
}

/** pages/storage.html, local storage broken as `mode` ("throw-get": reading throws; "throw-set": writing throws), mounting `key`'s widget on #earn. */
const brokenStorage = (mode, key) => `/pages/storage.html?storage=${mode}&config=${encodeURIComponent(JSON.stringify(configFor(key)))}`;

/** Adds a widget #b under `key` next to the page's #earn; resolves to both, once #b shows. */
async function withSecond(page, key) {
  await page.waitForFunction(() => window.ssWidget !== undefined);
  await mountNew(page, "b", configFor(key));
  const pair = [page.locator("#earn"), page.locator("#b")];
  await countIs(pair[1].getByTestId("asset-row-BNB"), 1);
  return pair;
}

/** pages/mount.html with a widget `#id` under `key` for each entry of `keys` ({ id: key }); resolves once all show, to the page and their locators. */
async function pageWith(keys) {
  const page = await openPage(ctx, "/pages/mount.html?manual", { ready: false });
  await page.waitForFunction(() => typeof window.ssMount === "function");
  const widgets = {};
  for (const [id, key] of Object.entries(keys)) {
    await mountNew(page, id, configFor(key));
    widgets[id] = page.locator(`#${id}`);
    await countIs(widgets[id].getByTestId("asset-row-BNB"), 1);
  }
  return { page, ...widgets };
}

/** "2024-10-04": the UTC date of Unix day `day`, derived with the JS Date API. */
function isoDay(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

test("corrupted or foreign data under the key reads as not activated and is left alone until the visitor acts", async () => {
  const foreign = [
    "garbage{",
    '{"active":true}',
    "true",
    "",
    "soft-staking/v1 terms=1 on=2 day=-",
    "soft-staking/v2 terms=1 on=1 day=20000",
    "soft-staking/v1 terms=1 on=1 day=20000 extra",
    " soft-staking/v1 terms=1 on=1 day=20000",
    "SOFT-STAKING/V1 TERMS=1 ON=1 DAY=20000",
    "soft-staking/v1 terms=1 on=1 day=99999999999999999999",
    "soft-staking/v1 terms=1 on=1 day=<script>",
    "x".repeat(100_000),
  ];
  const page = await openPage(ctx, "/pages/blank.html", { ready: false });
  const w = page.locator("#earn");
  for (const value of foreign) {
    const label = JSON.stringify(value.slice(0, 60));
    const key = freshKey("foreign");
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
    await page.goto(ctx.server.url + mountPath(configFor(key)));
    await w.getByTestId("asset-row-BNB").waitFor();
    assert.equal(await toggle(w), "false", `${label}: not activated`);
    assert.equal(await w.getByTestId("activate-button").count(), 1, `${label}: terms not accepted`);
    // Using the widget without touching the activation leaves the data alone.
    await w.getByTestId("balance-input-BNB").fill("1000");
    await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
    await w.getByTestId("activate-button").click();
    await w.getByTestId("terms-cancel").click();
    assert.equal(await stored(page, key), value, `${label}: not overwritten`);
    // Once the visitor activates, a proper record replaces it.
    await activate(w);
    const today = await page.evaluate(() => Math.floor(Date.now() / 86_400_000));
    assert.equal(await stored(page, key), `soft-staking/v1 terms=1 on=1 day=${today}`, label);
    assert.deepEqual(page.errors, [], label);
  }
  await page.close();
});

test("a valid stored activation is restored and survives typing, update(), destroy() and a remount", async () => {
  const key = freshKey("valid");
  const record = "soft-staking/v1 terms=1 on=1 day=20000";
  const page = await openWithStored(key, record, mountPath(configFor(key)));
  const w = page.locator("#earn");
  assert.equal(await toggle(w), "true");
  assert.equal(await w.getByTestId("activate-button").count(), 0, "terms already accepted");
  // Day 20000 is 4 Oct 2024 (UTC); first snapshot the next day, first reward the day after.
  assert.equal(
    await hookText(w, "activation-timeline"),
    `activated ${isoDay(20000)} → first snapshot ${isoDay(20001)} 00:00 UTC → first reward by ${isoDay(20002)} 08:00 UTC`,
  );
  await typeBalance(w, "BNB", "1000");
  await page.evaluate((c) => window.ssWidget.update(c), { ...configFor(key), horizon_days: 90 });
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  assert.equal(await toggle(w), "true");
  assert.equal(await stored(page, key), record, "loading and using the widget does not rewrite the record");

  await page.evaluate(() => window.ssWidget.destroy());
  assert.equal(await stored(page, key), record, "destroy() keeps it");
  await page.evaluate(async (c) => {
    window.ssWidget = await window.ssMount(document.getElementById("earn"), c);
  }, configFor(key));
  await countIs(w.getByTestId("asset-row-BNB"), 1);
  assert.equal(await toggle(w), "true", "a remount reads it again");

  // Switching off keeps the accepted terms and the day; on again needs no dialog
  // and is a new activation, dated today (UTC).
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => stored(page, key), "soft-staking/v1 terms=1 on=0 day=20000");
  const before = Math.floor(Date.now() / 86_400_000);
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(w), "true");
  const after = Math.floor(Date.now() / 86_400_000);
  assert.equal(await page.getByTestId("terms-dialog").evaluate((d) => d.open), false);
  const day = Number((await stored(page, key)).match(/^soft-staking\/v1 terms=1 on=1 day=(\d+)$/)?.[1]);
  assert.ok(day === before || day === after, `re-activated on day ${day}, today is ${after}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the state survives a reload, and each storage key keeps its own", async () => {
  const key = freshKey("reload");
  const page = await openWithStored(key, null, mountPath(configFor(key)));
  const w = page.locator("#earn");
  await activate(w);
  assert.match(await stored(page, key), RECORD);
  await page.reload();
  await w.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggle(w), "true");
  // Another key on the same origin is untouched, and starts off.
  const other = freshKey("reload-other");
  await page.goto(ctx.server.url + mountPath(configFor(other)));
  await w.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggle(w), "false");
  assert.equal(await stored(page, other), null);
  assert.match(await stored(page, key), RECORD);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("update() with another storage_key shows what that key stored, tells the host, and writes only when the visitor acts", async () => {
  const keyOn = freshKey("switch-on");
  const keyEmpty = freshKey("switch-empty");
  const record = "soft-staking/v1 terms=1 on=1 day=20000";
  const page = await openWithStored(keyOn, record, mountPath(configFor(keyEmpty)));
  const w = page.locator("#earn");
  assert.equal(await toggle(w), "false");

  // To the key that stored ON: the toggle shows ON and the host hears it.
  await page.evaluate((c) => window.ssWidget.update(c), configFor(keyOn));
  await eventually(() => toggle(w), "true");
  await eventually(
    () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").map((e) => e.detail.active)),
    [true],
  );
  assert.equal(await w.getByTestId("activate-button").count(), 0, "its terms were accepted");

  // Back to the empty key: OFF again, and nothing written under it.
  await page.evaluate((c) => window.ssWidget.update(c), configFor(keyEmpty));
  await eventually(() => toggle(w), "false");
  assert.equal(await stored(page, keyEmpty), null);
  assert.equal(await stored(page, keyOn), record, "the other key's record is untouched");
  await eventually(
    () => page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").map((e) => e.detail.active)),
    [true, false],
  );

  // Activating now writes under the key in force.
  await activate(w);
  assert.match(await stored(page, keyEmpty), RECORD);
  assert.equal(await stored(page, keyOn), record);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a browser where reading localStorage throws (private mode): the widget works, state in memory", async () => {
  const key = freshKey("private");
  const page = await openPage(ctx, brokenStorage("throw-get", key));
  // The sabotage is in place: touching localStorage throws here.
  assert.equal(
    await page.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (e) {
        return e.name;
      }
    }),
    "SecurityError",
  );
  const w = page.locator("#earn");
  assert.equal(await toggle(w), "false");
  await typeBalance(w, "BNB", "1000");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  await activate(w);
  assert.match(await w.getByTestId("soft-staking-toggle").textContent(), /ON/);
  await countIs(w.getByTestId("activate-button"), 0);
  // The state is kept in memory across an update() …
  await page.evaluate((c) => window.ssWidget.update(c), { ...configFor(key), horizon_days: 7 });
  await textIs(w.getByTestId("daily-reward-BNB"), "0.13698630");
  assert.equal(await toggle(w), "true");
  // … and can be switched off and on again.
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(w), "false");
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(w), "true");
  const events = await page.evaluate(() => window.ssEvents.filter((e) => e.type === "softstaking:activation").map((e) => e.detail.active));
  assert.deepEqual(events, [true, false, true]);
  assert.deepEqual(page.errors, [], "no error in the page");
  await page.close();
});

test("a browser where writing localStorage throws (quota): a stored activation is kept, the widget works", async () => {
  const key = freshKey("quota");
  const record = "soft-staking/v1 terms=1 on=1 day=20000";
  const page = await openWithStored(key, record, brokenStorage("throw-set", key));
  const w = page.locator("#earn");
  assert.equal(await toggle(w), "true", "read back although writing fails");
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(w), "false");
  await w.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(w), "true");
  assert.equal(await stored(page, key), record, "the valid record is never damaged");

  // From scratch with a failing write: the flow still completes.
  const fresh = freshKey("quota-fresh");
  await page.goto(ctx.server.url + brokenStorage("throw-set", fresh));
  await w.getByTestId("asset-row-BNB").waitFor();
  await activate(w);
  assert.equal(await stored(page, fresh), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Mounts `config` on a new `<div id=id>` of `page` (pages/mount.js's `mount`). */
function mountNew(page, id, config) {
  return page.evaluate(
    async ([id, config]) => {
      const element = document.createElement("div");
      element.id = id;
      document.body.append(element);
      window.handles = window.handles ?? {};
      window.handles[id] = await window.ssMount(element, config);
    },
    [id, config],
  );
}

/** The `active` flags of the activation events `page`'s element `id` sent. */
const activationsOf = (page, id) =>
  page.evaluate((id) => window.ssEvents.filter((e) => e.type === "softstaking:activation" && e.target === id).map((e) => e.detail.active), id);

test("widgets under one storage_key follow each other at once, on the page and in another tab; each tells its host; another key stays apart", async () => {
  const key = freshKey("shared");
  const context = await ctx.browser.newContext();
  const [tab1, tab2] = [await context.newPage(), await context.newPage()];
  for (const tab of [tab1, tab2]) {
    tab.errors = [];
    tab.on("pageerror", (e) => tab.errors.push(e.message));
    await tab.goto(`${ctx.server.url}/pages/mount.html?manual`);
    await tab.waitForFunction(() => typeof window.ssMount === "function");
  }
  await mountNew(tab1, "a", configFor(key));
  await mountNew(tab1, "b", configFor(key));
  await mountNew(tab1, "other", configFor(freshKey("apart")));
  await mountNew(tab2, "c", configFor(key));
  const [a, b, other, c] = [tab1.locator("#a"), tab1.locator("#b"), tab1.locator("#other"), tab2.locator("#c")];
  for (const w of [a, b, other, c]) await countIs(w.getByTestId("asset-row-BNB"), 1);

  // Activated in A: B (same page) and C (the other tab) show ON with no
  // reload, and each tells its own host; the widget under another key does not move.
  await activate(a);
  await eventually(() => toggle(b), "true", "B follows A");
  await eventually(() => toggle(c), "true", "C, in the other tab, follows A");
  assert.equal(await b.getByTestId("activate-button").count(), 0, "B knows the terms were accepted");
  await eventually(() => activationsOf(tab1, "b"), [true]);
  await eventually(() => activationsOf(tab2, "c"), [true]);
  assert.deepEqual(await activationsOf(tab1, "a"), [true]);
  assert.equal(await toggle(other), "false");
  assert.match(await stored(tab1, key), RECORD);

  // Switched off in the other tab: A and B follow; one record, off.
  await c.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(a), "false", "A follows C");
  await eventually(() => toggle(b), "false", "B follows C");
  await eventually(() => activationsOf(tab1, "a"), [true, false]);
  await eventually(() => activationsOf(tab1, "b"), [true, false]);
  assert.deepEqual(await activationsOf(tab2, "c"), [true, false]);
  assert.match(await stored(tab2, key), /^soft-staking\/v1 terms=1 on=0 day=\d+$/);
  assert.equal(await toggle(other), "false");
  assert.deepEqual(await activationsOf(tab1, "other"), [], "the other key's widget told nothing");

  // Round after round, the other tab keeps up (its copy of the store may
  // lag behind the message: the message itself is what it follows).
  for (const expected of ["true", "false", "true", "false", "true", "false"]) {
    await a.getByTestId("soft-staking-toggle").click();
    await eventually(() => toggle(c), expected, `C follows A to ${expected}`);
    await eventually(() => toggle(b), expected, `B follows A to ${expected}`);
  }
  assert.deepEqual(await activationsOf(tab2, "c"), [true, false, true, false, true, false, true, false]);

  // A destroyed widget follows nothing and tells nothing.
  await tab1.evaluate(() => window.handles.b.destroy());
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(c), "true", "C follows A again");
  assert.deepEqual(await activationsOf(tab1, "b"), [true, false, true, false, true, false, true, false]);
  assert.deepEqual([...tab1.errors, ...tab2.errors], []);
  await context.close();
});

test("with local storage refused (private mode), widgets under one key on the page still follow each other", async () => {
  const key = freshKey("private-shared");
  const page = await openPage(ctx, brokenStorage("throw-get", key));
  const [a, b] = await withSecond(page, key);
  await activate(b);
  await eventually(() => toggle(a), "true", "A follows B without storage");
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(b), "false", "B follows A without storage");
  assert.deepEqual(await activationsOf(page, "earn"), [true, false]);
  assert.deepEqual(await activationsOf(page, "b"), [true, false]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("late and out-of-order messages, and hostile ones, settle: no widget announces what it followed, so nothing bounces", async () => {
  const key = freshKey("bounce");
  const { page, a, b } = await pageWith({ a: key, b: key });
  // A's own change: stored, B follows.
  await activate(a);
  await eventually(() => toggle(b), "true");
  const record = await stored(page, key);
  assert.match(record, RECORD);

  // Another sender (a tab that could not store) says OFF and then, late, ON
  // again, in one burst; then noise that is no activation at all.
  await page.evaluate((key) => {
    const channel = new BroadcastChannel(`soft-staking-activation:${key}`);
    channel.postMessage("soft-staking/v1 terms=1 on=0 day=20000");
    channel.postMessage("soft-staking/v1 terms=1 on=1 day=20000");
    for (const junk of ["garbage", "", { on: true }, 42, null, "x".repeat(100_000), "soft-staking/v1 terms=1 on=2 day=1"]) channel.postMessage(junk);
    channel.close();
  }, key);
  // Both follow to the last word (ON, from day 20000) …
  for (const w of [a, b]) await eventually(() => toggle(w), "true");
  await new Promise((resolve) => setTimeout(resolve, 500));
  // … and stop there: each told its host OFF and ON once, nothing more; the
  // store keeps A's record (the followers store nothing of another's).
  assert.deepEqual(await activationsOf(page, "a"), [true, false, true]);
  assert.deepEqual(await activationsOf(page, "b"), [true, false, true]);
  assert.equal(await stored(page, key), record);

  // A fast double switch in A: B ends where A ends, and stays.
  await a.getByTestId("soft-staking-toggle").click();
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => activationsOf(page, "a"), [true, false, true, false, true]);
  await eventually(() => activationsOf(page, "b"), [true, false, true, false, true], "B followed both switches");
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(await activationsOf(page, "b"), [true, false, true, false, true], "and nothing more");
  assert.equal(await toggle(a), "true");
  assert.equal(await toggle(b), "true");
  assert.match(await stored(page, key), /^soft-staking\/v1 terms=1 on=1 day=\d+$/);
  assert.equal(await page.getByTestId("widget-crash").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("where storage refuses writes, switching back to what it still holds reaches the other widgets too", async () => {
  const key = freshKey("quota-shared");
  const today = Math.floor(Date.now() / 86_400_000);
  // Stored before the quota ran out: ON since today. Switching off cannot be
  // written; switching on again today gives the very record still stored.
  const record = `soft-staking/v1 terms=1 on=1 day=${today}`;
  const page = await openWithStored(key, record, brokenStorage("throw-set", key));
  const [a, b] = await withSecond(page, key);
  for (const w of [a, b]) assert.equal(await toggle(w), "true");
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(b), "false", "B follows A off");
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(b), "true", "B follows A on again");
  assert.deepEqual(await activationsOf(page, "b"), [false, true]);
  assert.equal(await stored(page, key), record);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a widget that update() moves to another key shows that key's state and tells the widgets there nothing", async () => {
  // Without local storage a key's state lives only in its widgets: A, ON
  // under its old key, reads "off" under the new one and must not switch
  // the widgets there off.
  const [from, to] = [freshKey("move-from"), freshKey("move-to")];
  const page = await openPage(ctx, brokenStorage("throw-get", from));
  const [a, b] = await withSecond(page, to);
  await activate(a);
  await activate(b);
  await page.evaluate((c) => window.ssWidget.update(c), configFor(to));
  await eventually(() => toggle(a), "false", "A shows the new key's state");
  await eventually(() => activationsOf(page, "earn"), [true, false]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await toggle(b), "true", "B keeps its state");
  assert.deepEqual(await activationsOf(page, "b"), [true]);
  // From now on A is one of the key's widgets: its switch reaches B (under
  // this key A has not accepted the terms yet).
  await activate(a);
  await a.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(b), "false", "B follows A under the new key");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a visitor's switch in the same task as the host's update() to another key changes nothing under the new key", async () => {
  const [k1, k2] = [freshKey("race-from"), freshKey("race-to")];
  const { page, c, b } = await pageWith({ c: k1, b: k2 });
  await activate(c);
  await activate(b);
  const k2Record = await stored(page, k2);
  // The visitor switches C off; in the same task the host moves C to K2.
  await page.evaluate(
    ([config]) => {
      document.getElementById("c").shadowRoot.querySelector("[data-testid=soft-staking-toggle]").click();
      window.handles.c.update(config);
    },
    [configFor(k2)],
  );
  await eventually(() => toggle(c), "true", "C shows K2's state");
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await toggle(b), "true", "B is untouched");
  assert.deepEqual(await activationsOf(page, "b"), [true]);
  assert.equal(await stored(page, k2), k2Record);
  // And C is one of K2's widgets now.
  await c.getByTestId("soft-staking-toggle").click();
  await eventually(() => toggle(b), "false", "B follows C under K2");
  assert.deepEqual(page.errors, []);
  await page.close();
});
