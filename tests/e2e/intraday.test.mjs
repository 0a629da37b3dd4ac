// Intraday balances: the editor of balance changes during the day, the
// snapshot times and the balances they see, the daily average and its result.
// The typed balance is the balance at 00:00 UTC; snapshot i of n is taken at
// ⌊i × 86400 ÷ n⌋ s (24 a day → every hour) and sees the latest change at or
// before it.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import {
  BNB, TRIO,
  expectGone, expectText, expectValue, focusedHook, openWidget, row, typeBalance, userConfig,
} from "./support/widget.mjs";

const ctx = useBrowser();

/** The snapshot runs listed in the details, as "time (count×) balance". */
async function snapshotRuns(page, sym) {
  const items = await page.getByTestId(`snapshots-${sym}`).locator("li").allTextContents();
  return items.map((t) => t.replace(/\s+/g, " ").trim());
}

/** Opens `sym`'s details and adds one change at `at` to `balance`, as change `i`. */
async function addChange(page, sym, i, at, balance) {
  await page.getByTestId(`add-change-${sym}`).click();
  await page.getByTestId(`change-time-${sym}-${i}`).fill(at);
  await page.getByTestId(`change-balance-${sym}-${i}`).fill(balance);
}

test("a row with changes says so when its details are closed; a first change starts at 0 without an error", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30 }));
  await page.getByTestId("details-toggle-BNB").click();
  // No balance typed yet: the new change holds 0 (nothing at 00:00, nothing at 12:00), no error.
  await page.getByTestId("add-change-BNB").click();
  assert.equal(await page.getByTestId("change-balance-BNB-0").inputValue(), "0");
  assert.equal(await page.getByTestId("change-balance-BNB-0").getAttribute("aria-invalid"), "false");
  await page.getByTestId("change-balance-BNB-0").fill("500");
  await typeBalance(page, "BNB", "1000");
  // (12 × 1000 + 12 × 500) ÷ 24 = 750; 750 × 0.05 ÷ 365 = 0.102739726… → 0.10273972.
  await expectText(row(page, "BNB").daily, "0.10273972");
  await expectGone(page.getByTestId("changes-note-BNB"));
  await page.getByTestId("details-toggle-BNB").click();
  await expectText(page.getByTestId("changes-note-BNB"), "1 change during the day");
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  await page.getByTestId("details-toggle-BNB").click();
  await expectText(page.getByTestId("changes-note-BNB"), "2 changes during the day");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a change at 12:00 splits the 24 hourly snapshots; the average gives the day's reward", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30 }));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  assert.equal(await page.getByTestId("details-toggle-BNB").getAttribute("aria-expanded"), "true");

  // Without changes every hourly snapshot sees the opening balance.
  await expectText(page.getByTestId("snapshots-BNB").locator("h4"), "24 snapshots");
  assert.deepEqual(await snapshotRuns(page, "BNB"), ["00:00–23:00 (24×) 1000"]);
  await expectText(page.getByTestId("average-BNB"), "1000");

  // A new change starts at 12:00 with the typed balance.
  await page.getByTestId("add-change-BNB").click();
  assert.equal(await page.getByTestId("change-time-BNB-0").inputValue(), "12:00");
  assert.equal(await page.getByTestId("change-balance-BNB-0").inputValue(), "1000");
  await page.getByTestId("change-balance-BNB-0").fill("500");

  // Snapshots 00:00…11:00 (12) see 1000, 12:00…23:00 (12) see 500.
  await expectValue(() => snapshotRuns(page, "BNB"), ["00:00–11:00 (12×) 1000", "12:00–23:00 (12×) 500"]);
  // Average (12 × 1000 + 12 × 500) ÷ 24 = 750.
  await expectText(page.getByTestId("average-BNB"), "750");
  // 750 × 0.05 ÷ 365 = 37.5 ÷ 365 = 0.102739726… → 0.10273972 (in the table and in the details)
  await expectText(bnb.daily, "0.10273972");
  assert.match(await page.getByTestId("snapshots-BNB").textContent(), /reward\s*0\.10273972 BNB/);
  // Later days hold the closing balance 500: 500 × 0.05 ÷ 365 = 0.068493150… → 0.06849315.
  // 30 days: 0.10273972 + 29 × 0.06849315 = 0.10273972 + 1.98630135 = 2.08904107
  await expectText(bnb.cumulative, "2.08904107");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a change between snapshots counts from the next snapshot on", async () => {
  const page = await openWidget(ctx, userConfig([BNB]));
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await addChange(page, "BNB", 0, "12:30", "500");
  // 12:30 is after the 12:00 snapshot: 00:00…12:00 (13) see 1000, 13:00…23:00 (11) see 500.
  await expectValue(() => snapshotRuns(page, "BNB"), ["00:00–12:00 (13×) 1000", "13:00–23:00 (11×) 500"]);
  // Average (13 × 1000 + 11 × 500) ÷ 24 = 18500 ÷ 24 = 770.8333…
  await expectText(page.getByTestId("average-BNB"), /^770\.83333333/);
  // Reward 18500/24 × 0.05 ÷ 365 = 925 ÷ 8760 = 0.105593607… → 0.10559360
  await expectText(row(page, "BNB").daily, "0.10559360");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("changes in any order; of two at the same time the later wins; the closing balance carries on", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30 }));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "100");
  await page.getByTestId("details-toggle-BNB").click();
  await addChange(page, "BNB", 0, "18:00", "0");
  await addChange(page, "BNB", 1, "06:00", "400");
  await addChange(page, "BNB", 2, "06:00", "300");
  // Sorted by time: 06:00 → 400 then 06:00 → 300 (later in the list wins), 18:00 → 0.
  // 00:00…05:00 (6) see 100, 06:00…17:00 (12) see 300, 18:00…23:00 (6) see 0.
  await expectValue(() => snapshotRuns(page, "BNB"), [
    "00:00–05:00 (6×) 100",
    "06:00–17:00 (12×) 300",
    "18:00–23:00 (6×) 0",
  ]);
  // Average (6 × 100 + 12 × 300 + 6 × 0) ÷ 24 = 4200 ÷ 24 = 175.
  await expectText(page.getByTestId("average-BNB"), "175");
  // 175 × 0.05 ÷ 365 = 8.75 ÷ 365 = 0.023972602… → 0.02397260
  await expectText(bnb.daily, "0.02397260");
  // The day closes at 0: later days earn nothing, so 30 days = day 1 only.
  await expectText(bnb.cumulative, "0.02397260");
  // With compounding day 2 holds 0 + 0.02397260 < minimum 0.5: still nothing more.
  await page.getByTestId("compound-toggle").check();
  await expectText(bnb.cumulative, "0.02397260");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("snapshot times follow snapshots_per_day (3 a day: 00:00, 08:00, 16:00)", async () => {
  const page = await openWidget(ctx, userConfig([TRIO], { horizon_days: 7 }));
  await typeBalance(page, "TRIO", "100");
  await page.getByTestId("details-toggle-TRIO").click();
  await expectText(page.getByTestId("snapshots-TRIO").locator("h4"), "3 snapshots");
  // 86400 ÷ 3 = 28800 s = 8 h between snapshots.
  assert.match(await page.getByTestId("asset-row-TRIO").locator("xpath=..").textContent(), /3 snapshots are taken, one every 8 h/);
  // A change at 07:59 is seen from the 08:00 snapshot; one at 16:01 by none.
  await addChange(page, "TRIO", 0, "07:59", "400");
  await addChange(page, "TRIO", 1, "16:01", "1000000");
  await expectValue(() => snapshotRuns(page, "TRIO"), ["00:00 (1×) 100", "08:00–16:00 (2×) 400"]);
  // Average (100 + 400 + 400) ÷ 3 = 300; 300 × 0.05 ÷ 365 = 15 ÷ 365 = 0.041095890… → 0.04109589
  await expectText(page.getByTestId("average-TRIO"), "300");
  await expectText(row(page, "TRIO").daily, "0.04109589");
  // Later days hold the closing balance of day 1, which PRODUCT.md §2 defines as
  // its last snapshot (400), not the 16:01 change that no snapshot saw:
  // 400 × 0.05 ÷ 365 = 20 ÷ 365 = 0.054794520… → 0.05479452 a day.
  // 7 days: 0.04109589 + 6 × 0.05479452 = 0.04109589 + 0.32876712 = 0.36986301
  await expectText(row(page, "TRIO").cumulative, "0.36986301");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a bad change time or balance shows an error on that change and keeps the last estimate", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30 }));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await addChange(page, "BNB", 0, "12:00", "500");
  // As above: average 750, reward 0.10273972, 30 days 2.08904107.
  await expectText(bnb.daily, "0.10273972");

  const time = page.getByTestId("change-time-BNB-0");
  const balance = page.getByTestId("change-balance-BNB-0");
  // Each field has its own error, linked to it for screen readers.
  let error = page.getByTestId("change-time-error-BNB-0");
  for (const bad of ["25:00", "12:60", "1260", "12345", "6:3", "noon"]) {
    await time.fill(bad);
    await expectText(error, /^Time must be a UTC time such as 06:30 or 630, from 00:00 to 23:59\.$/, bad);
    assert.equal(await time.getAttribute("aria-invalid"), "true");
    assert.equal(await time.getAttribute("aria-describedby"), await error.getAttribute("id"));
    assert.equal(await hookText(page, "daily-reward-BNB"), "0.10273972", bad);
    assert.equal(await hookText(page, "cumulative-reward-BNB"), "2.08904107", bad);
    assert.equal(await hookText(page, "average-BNB"), "750", bad);
    // The snapshots say they are from the last valid entries.
    await expectText(page.getByTestId("stale-note-BNB"), /last valid entries/);
  }
  // The other usual ways of writing 12:00 are read as 12:00.
  for (const noon of ["1200", "12"]) {
    await time.fill(noon);
    await expectGone(error);
    await expectText(bnb.daily, "0.10273972", noon);
  }
  // 6:30 (as 630, without the colon a phone's number pad lacks): snapshot i
  // is at ⌊i × 86400 ÷ 24⌋ s = i hours, so 00:00 … 06:00 see 1000 (7 of
  // them) and 07:00 … 23:00 see 500 (17): (7000 + 8500) ÷ 24 = 645.8333…
  await time.fill("630");
  await expectGone(error);
  await expectText(page.getByTestId("average-BNB"), /^645\.8333/);
  await time.fill("12:00");
  await expectGone(error);
  await expectGone(page.getByTestId("stale-note-BNB"));

  await balance.fill("-500");
  error = page.getByTestId("change-balance-error-BNB-0");
  await expectText(error, /^Balance must not be negative/);
  assert.equal(await balance.getAttribute("aria-invalid"), "true");
  assert.equal(await balance.getAttribute("aria-describedby"), await error.getAttribute("id"));
  assert.equal(await hookText(page, "daily-reward-BNB"), "0.10273972");
  // Fixed to 0: (12 × 1000 + 12 × 0) ÷ 24 = 500; 500 × 0.05 ÷ 365 = 0.068493150… → 0.06849315
  await balance.fill("0");
  await expectGone(error);
  await expectText(page.getByTestId("average-BNB"), "500");
  await expectText(bnb.daily, "0.06849315");

  // Removing the change brings back the whole-day balance: 0.13698630.
  await page.getByRole("button", { name: "Remove BNB change 1 (at 12:00)" }).click();
  await expectGone(page.getByTestId("change-time-BNB-0"));
  // Focus does not fall to the page: it is on "Add" again.
  assert.equal(await focusedHook(page), "add-change-BNB");
  await expectText(bnb.daily, "0.13698630");
  assert.deepEqual(await snapshotRuns(page, "BNB"), ["00:00–23:00 (24×) 1000"]);
  // Adding one puts the focus in its time field.
  await page.getByTestId("add-change-BNB").press("Enter");
  await expectValue(() => focusedHook(page), "change-time-BNB-0");

  // Closing the details hides the editor.
  await page.getByTestId("details-toggle-BNB").click();
  await expectGone(page.getByTestId("snapshots-BNB"));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a change's time or balance still being typed (\"21:\" of \"21:30\") is told off only at a pause in typing", async () => {
  // The page's clock is paused and moved on by hand, as for the row's
  // balance (input_errors): the pause is exact on any machine.
  const page = await openWidget(ctx, userConfig([BNB], { horizon_days: 30 }), {
    setup: (p) => p.clock.install({ time: new Date("2026-11-23T12:00:00Z") }),
  });
  await page.clock.pauseAt(new Date("2026-11-23T12:01:00Z"));
  const bnb = row(page, "BNB");
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  await page.getByTestId("change-balance-BNB-0").fill("500");
  const time = page.getByTestId("change-time-BNB-0");
  const timeError = page.getByTestId("change-time-error-BNB-0");
  const note = page.getByTestId("stale-note-BNB");
  await time.fill("");
  await time.pressSequentially("21:");
  // Typed as far as "21": 00:00 … 20:00 (21 snapshots) see 1000, 21:00 …
  // 23:00 (3) see 500: 22,500 ÷ 24 = 937.5; × 0.05 ÷ 365 = 75/584 =
  // 0.128424657… → 0.12842465. "21:" is not a time yet: no error, no note.
  assert.equal(await hookText(page, "daily-reward-BNB"), "0.12842465");
  assert.equal(await timeError.count(), 0, "no error while typing");
  assert.equal(await note.count(), 0, "no note while typing");
  assert.equal(await time.getAttribute("aria-invalid"), "false");
  await page.clock.runFor(799);
  assert.equal(await timeError.count(), 0, "799 ms");
  await page.clock.runFor(1);
  await expectText(timeError, /^Time must be a UTC time such as 06:30 or 630/);
  await expectText(note, /last valid entries/);
  assert.equal(await time.getAttribute("aria-invalid"), "true");
  // Typed on to 21:30: 00:00 … 21:00 (22) see 1000, 22:00 and 23:00 see
  // 500: 23,000 ÷ 24; × 0.05 ÷ 365 = 115/876 = 0.131278538… → 0.13127853.
  await time.pressSequentially("30");
  await expectGone(timeError);
  await expectGone(note);
  await expectText(bnb.daily, "0.13127853");

  // The change's balance: "1," may become 1,000.
  const balance = page.getByTestId("change-balance-BNB-0");
  const balanceError = page.getByTestId("change-balance-error-BNB-0");
  await balance.fill("");
  await balance.pressSequentially("1,");
  assert.equal(await balanceError.count(), 0);
  assert.equal(await note.count(), 0);
  await page.clock.runFor(800);
  await expectText(balanceError, /misplaced ','/);
  await expectText(note, /last valid entries/);
  await balance.pressSequentially("000");
  await expectGone(balanceError);
  // 1,000 all day: 1000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630.
  await expectText(bnb.daily, "0.13698630");

  // Only the field typed in holds its error back: "21:" shown after a
  // pause stays shown while the visitor types in another change.
  await time.fill("");
  await time.pressSequentially("21:");
  await page.clock.runFor(800);
  await expectText(timeError, /^Time must be/);
  await page.getByTestId("add-change-BNB").click();
  const other = page.getByTestId("change-balance-BNB-1");
  await other.pressSequentially("5");
  assert.equal(await timeError.count(), 1, "still shown while another field is typed");
  assert.equal(await note.count(), 1);
  // A field emptied (on the way to new text) is being typed too.
  await other.fill("");
  assert.equal(await page.getByTestId("change-balance-error-BNB-1").count(), 0);
  assert.equal(await timeError.count(), 1);
  await page.clock.runFor(800);
  await expectText(page.getByTestId("change-balance-error-BNB-1"), /Balance/);
  await other.fill("1000");
  await expectGone(page.getByTestId("change-balance-error-BNB-1"));

  // What cannot become a time is told off at once, clock still.
  for (const typed of ["25:", "21:3x", "99"]) {
    await time.fill("");
    await time.pressSequentially(typed);
    await expectText(timeError, /^Time must be/, typed);
    await expectText(note, /last valid entries/, typed);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("typing into a change field key by key keeps the field, its focus and every key", async () => {
  // Regression: each keystroke must update the same <input>, not replace it.
  const page = await openWidget(ctx, userConfig([BNB]));
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  const field = page.getByTestId("change-balance-BNB-0");
  await field.fill("");
  const before = await field.elementHandle();
  await field.pressSequentially("500");
  const after = await field.elementHandle();
  assert.equal(await page.evaluate(([a, b]) => a === b, [before, after]), true, "same element");
  assert.equal(await field.inputValue(), "500");
  assert.equal(await field.evaluate((el) => el.getRootNode().activeElement === el), true, "still focused");
  await page.keyboard.press("Backspace");
  assert.equal(await field.inputValue(), "50");
  // 12 snapshots see 1000, 12 see 50: (12000 + 600) ÷ 24 = 525.
  await expectText(page.getByTestId("average-BNB"), "525");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("removing a change puts the focus on the change that takes its place, or the one before", async () => {
  const page = await openWidget(ctx, userConfig([BNB]));
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await addChange(page, "BNB", 0, "06:00", "500");
  await addChange(page, "BNB", 1, "12:00", "700");
  await addChange(page, "BNB", 2, "18:00", "900");
  // Remove the first: the 12:00 change moves up into its place and takes the focus.
  await page.getByRole("button", { name: "Remove BNB change 1 (at 06:00)" }).click();
  await expectValue(() => focusedHook(page), "change-time-BNB-0");
  assert.equal(await page.getByTestId("change-time-BNB-0").inputValue(), "12:00");
  // Remove the last (now the second): focus goes to the one before it.
  await page.getByRole("button", { name: "Remove BNB change 2 (at 18:00)" }).click();
  await expectValue(() => focusedHook(page), "change-time-BNB-0");
  // Remove the only one left: "Add" takes the focus.
  await page.getByRole("button", { name: "Remove BNB change 1 (at 12:00)" }).click();
  await expectValue(() => focusedHook(page), "add-change-BNB");
  assert.deepEqual(page.errors, []);
  await page.close();
});
