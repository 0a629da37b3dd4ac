// Activation flow: Activate → terms dialog (Start Earning disabled until the
// box is ticked) → toggle ON; switching off again; the state kept in local
// storage across reloads; the dialog operable by keyboard; the line with the
// dates of the first snapshot and the first reward.
//
// The browser clock is fixed so the dates are known:
//   2026-11-23T15:00Z → today 23 Nov 2026; first snapshot the next day at
//   00:00 UTC: 24 Nov 2026; first reward by the day after, 08:00 UTC: 25 Nov 2026.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import {
  BNB,
  expectGone, expectValue, focusedHook, openWidget, userConfig, widgetEvents, widgetPath,
} from "./support/widget.mjs";

const ctx = useBrowser();

const fixClock = (iso) => (page) => page.clock.setFixedTime(new Date(iso));
const NOV_23 = fixClock("2026-11-23T15:00:00Z");

const dialogOpen = (page) => page.getByTestId("terms-dialog").evaluate((d) => d.open);
const toggleState = (page) => page.getByTestId("soft-staking-toggle").getAttribute("aria-checked");
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

/** Clicks through Activate → tick → Start Earning. */
async function activate(page) {
  await page.getByTestId("activate-button").click();
  await page.getByTestId("terms-checkbox").check();
  await page.getByTestId("start-earning").click();
  await expectValue(() => toggleState(page), "true");
}

test("Activate → terms → Start Earning (only once ticked) → ON, kept across a reload", async () => {
  const config = userConfig([BNB]);
  const page = await openWidget(ctx, config, { setup: NOV_23 });
  const toggle = page.getByTestId("soft-staking-toggle");
  const start = page.getByTestId("start-earning");

  assert.equal(await toggleState(page), "false");
  assert.match(await toggle.textContent(), /OFF/);
  assert.equal(await dialogOpen(page), false);
  assert.equal(await page.getByTestId("terms-dialog").isVisible(), false);
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-24 00:00 UTC → first reward by 2026-11-25 08:00 UTC",
  );

  await page.getByTestId("activate-button").click();
  await expectValue(() => dialogOpen(page), true);
  assert.equal(await page.getByTestId("terms-dialog").isVisible(), true);
  // Start Earning waits for the checkbox, and goes back to disabled when it is unticked.
  assert.equal(await start.isDisabled(), true);
  await page.getByTestId("terms-checkbox").check();
  await expectValue(() => start.isDisabled(), false);
  await page.getByTestId("terms-checkbox").uncheck();
  await expectValue(() => start.isDisabled(), true);
  // A click on the disabled button does nothing.
  await start.click({ force: true });
  assert.equal(await dialogOpen(page), true);
  assert.equal(await toggleState(page), "false");

  await page.getByTestId("terms-checkbox").check();
  await start.click();
  await expectValue(() => dialogOpen(page), false);
  assert.equal(await toggleState(page), "true");
  assert.match(await toggle.textContent(), /ON/);
  // Terms accepted: the Activate button is gone; the timeline dates the activation.
  await expectGone(page.getByTestId("activate-button"));
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activated 2026-11-23 → first snapshot 2026-11-24 00:00 UTC → first reward by 2026-11-25 08:00 UTC",
  );
  assert.deepEqual((await widgetEvents(page, "softstaking:activation")).map((e) => [e.target, e.detail]), [
    ["mount", { active: true }],
  ]);
  assert.notEqual(await stored(page, config.storage_key), null, "stored under the config's storage_key");

  // Reload three days later: still ON, still dated from the day of activation.
  await page.clock.setFixedTime(new Date("2026-11-26T09:00:00Z"));
  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggleState(page), "true");
  assert.equal(await page.getByTestId("activate-button").count(), 0);
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activated 2026-11-23 → first snapshot 2026-11-24 00:00 UTC → first reward by 2026-11-25 08:00 UTC",
  );
  // Nothing fired on load: the state did not change.
  assert.deepEqual(await widgetEvents(page, "softstaking:activation"), []);

  // Switched off and on again on 26 Nov: a new activation, so snapshots start
  // on 27 Nov and the first reward comes by 28 Nov; kept across a reload.
  await page.getByTestId("soft-staking-toggle").click();
  await expectValue(() => toggleState(page), "false");
  await page.getByTestId("soft-staking-toggle").click();
  await expectValue(() => toggleState(page), "true");
  const renewed = "activated 2026-11-26 → first snapshot 2026-11-27 00:00 UTC → first reward by 2026-11-28 08:00 UTC";
  assert.equal(await hookText(page, "activation-timeline"), renewed);
  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await hookText(page, "activation-timeline"), renewed);

  // Another storage key is another visitor record: not activated.
  await page.goto(ctx.server.url + widgetPath(userConfig([BNB])));
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggleState(page), "false");
  assert.equal(await page.getByTestId("activate-button").count(), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the toggle switches off and on again without the terms, and each state survives a reload", async () => {
  const config = userConfig([BNB]);
  const page = await openWidget(ctx, config, { setup: NOV_23 });
  await activate(page);
  const toggle = page.getByTestId("soft-staking-toggle");

  await toggle.click();
  await expectValue(() => toggleState(page), "false");
  assert.match(await toggle.textContent(), /OFF/);
  // Off again: the timeline offers activating now (23 Nov → 24 / 25 Nov).
  assert.match(await hookText(page, "activation-timeline"), /^activate now → first snapshot 2026-11-24 00:00 UTC/);

  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggleState(page), "false");
  // The terms were accepted once: no Activate button, no dialog on switching on.
  assert.equal(await page.getByTestId("activate-button").count(), 0);
  await toggle.click();
  await expectValue(() => toggleState(page), "true");
  assert.equal(await dialogOpen(page), false);

  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggleState(page), "true");
  await toggle.click();
  await expectValue(() => toggleState(page), "false");
  assert.deepEqual((await widgetEvents(page, "softstaking:activation")).map((e) => e.detail), [{ active: false }]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("Cancel, Esc and the toggle before activation: the dialog closes and nothing is activated", async () => {
  const config = userConfig([BNB]);
  const page = await openWidget(ctx, config, { setup: NOV_23 });

  // Cancel, even with the box ticked.
  await page.getByTestId("activate-button").click();
  await page.getByTestId("terms-checkbox").check();
  await page.getByTestId("terms-cancel").click();
  await expectValue(() => dialogOpen(page), false);
  assert.equal(await toggleState(page), "false");

  // Reopened: the box starts unticked again.
  await page.getByTestId("activate-button").click();
  await expectValue(() => dialogOpen(page), true);
  assert.equal(await page.getByTestId("terms-checkbox").isChecked(), false);
  assert.equal(await page.getByTestId("start-earning").isDisabled(), true);
  await page.keyboard.press("Escape");
  await expectValue(() => dialogOpen(page), false);
  assert.equal(await toggleState(page), "false");

  // The switch itself, before the terms were accepted, asks for them first.
  await page.getByTestId("soft-staking-toggle").click();
  await expectValue(() => dialogOpen(page), true);
  assert.equal(await toggleState(page), "false");
  await page.keyboard.press("Escape");
  await expectValue(() => dialogOpen(page), false);

  assert.equal(await stored(page, config.storage_key), null, "nothing stored");
  assert.deepEqual(await widgetEvents(page, "softstaking:activation"), []);
  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(await toggleState(page), "false");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("keyboard: focus moves into the dialog, Tab stays inside, Esc closes, the whole flow works", async () => {
  const page = await openWidget(ctx, userConfig([BNB]), { setup: NOV_23 });
  await page.getByTestId("activate-button").focus();
  await page.keyboard.press("Enter");
  await expectValue(() => dialogOpen(page), true);
  // Focus is on the first control of the dialog, the checkbox.
  await expectValue(() => focusedHook(page), "terms-checkbox");

  // Unticked, Start Earning is disabled: the cycle is checkbox ⇄ Cancel.
  const cycle = [];
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    cycle.push(await focusedHook(page));
  }
  assert.deepEqual(cycle, ["terms-cancel", "terms-checkbox", "terms-cancel", "terms-checkbox", "terms-cancel"]);

  // Esc closes it and gives focus back to Activate.
  await page.keyboard.press("Escape");
  await expectValue(() => dialogOpen(page), false);
  assert.equal(await toggleState(page), "false");
  await expectValue(() => focusedHook(page), "activate-button");

  // Again, all by keyboard: Enter opens, Space ticks, Tab cycles through three controls.
  await page.keyboard.press("Enter");
  await expectValue(() => focusedHook(page), "terms-checkbox");
  await page.keyboard.press("Space");
  await expectValue(() => page.getByTestId("start-earning").isDisabled(), false);
  const ticked = [];
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Tab"]) {
    await page.keyboard.press(key);
    ticked.push(await focusedHook(page));
  }
  assert.deepEqual(ticked, ["terms-cancel", "start-earning", "terms-checkbox", "start-earning", "terms-cancel", "start-earning"]);
  // Enter on Start Earning activates.
  await page.keyboard.press("Enter");
  await expectValue(() => toggleState(page), "true");
  assert.equal(await dialogOpen(page), false);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(
  "after Start Earning, keyboard focus lands on the ON/OFF switch (not on the page body)",
  async () => {
    const page = await openWidget(ctx, userConfig([BNB]), { setup: NOV_23 });
    await page.getByTestId("activate-button").focus();
    await page.keyboard.press("Enter");
    await expectValue(() => focusedHook(page), "terms-checkbox");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectValue(() => toggleState(page), "true");
    try {
      await expectValue(() => focusedHook(page), "soft-staking-toggle");
    } finally {
      await page.close();
    }
  },
);

test("a page left open past 00:00 UTC moves the timeline to the new day by itself", async () => {
  // 23 Nov 2026, 23:59:30 UTC: first snapshot 24 Nov, first reward by 25 Nov.
  const page = await openWidget(ctx, userConfig([BNB]), {
    setup: (p) => p.clock.install({ time: new Date("2026-11-23T23:59:30Z") }),
  });
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-24 00:00 UTC → first reward by 2026-11-25 08:00 UTC",
  );
  // One minute later it is 24 Nov: activating now means a first snapshot on 25 Nov
  // and a first reward by 26 Nov, without any input from the visitor.
  await page.clock.fastForward("01:00");
  await expectValue(
    () => hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-25 00:00 UTC → first reward by 2026-11-26 08:00 UTC",
  );
  // And again a day later (the next timer is armed after each change of day).
  await page.clock.fastForward("24:00:00");
  await expectValue(
    () => hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-26 00:00 UTC → first reward by 2026-11-27 08:00 UTC",
  );
  // A computer that slept: the clock jumps to 27 Nov without any timer firing;
  // when the page is shown again, the timeline catches up.
  await page.clock.setSystemTime(new Date("2026-11-27T10:00:00Z"));
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expectValue(
    () => hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-28 00:00 UTC → first reward by 2026-11-29 08:00 UTC",
  );
  // And the next midnight after the wake-up still moves it (28 Nov, 00:00:30).
  await page.clock.runFor("14:00:30");
  await expectValue(
    () => hookText(page, "activation-timeline"),
    "activate now → first snapshot 2026-11-29 00:00 UTC → first reward by 2026-11-30 08:00 UTC",
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the timeline line dates in UTC across month and year ends", async () => {
  // The browser runs at UTC+14 (Kiritimati), where every instant below is
  // already the next calendar day: dates taken from local time would be a day late.
  // 31 Dec 2026, 23:30 UTC: tomorrow is 1 Jan 2027, the day after 2 Jan 2027.
  const page = await openWidget(ctx, userConfig([BNB]), {
    setup: fixClock("2026-12-31T23:30:00Z"),
    context: { timezoneId: "Pacific/Kiritimati" },
  });
  assert.equal(await page.evaluate(() => new Date().getDate()), 1, "local date is 1 Jan");
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activate now → first snapshot 2027-01-01 00:00 UTC → first reward by 2027-01-02 08:00 UTC",
  );
  // 28 Feb 2028 (a leap year): 29 Feb, then 1 Mar.
  await page.clock.setFixedTime(new Date("2028-02-28T00:00:00Z"));
  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activate now → first snapshot 2028-02-29 00:00 UTC → first reward by 2028-03-01 08:00 UTC",
  );
  // 30 Apr 2027 23:59:59 UTC (1 May 13:59 local): tomorrow in UTC is 1 May.
  await page.clock.setFixedTime(new Date("2027-04-30T23:59:59Z"));
  await page.reload();
  await page.getByTestId("asset-row-BNB").waitFor();
  assert.equal(
    await hookText(page, "activation-timeline"),
    "activate now → first snapshot 2027-05-01 00:00 UTC → first reward by 2027-05-02 08:00 UTC",
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});
