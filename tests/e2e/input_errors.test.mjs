// Bad balance input: an inline error on that field only; the last good
// estimate of that row and every other row stay as they were.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import {
  BNB, USDT,
  expectGone, expectText, openWidget, row, typeBalance, userConfig,
} from "./support/widget.mjs";

const ctx = useBrowser();

// Last good values, derived by hand (horizon 30 days, not compounding):
//   BNB 1000:   1000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630; 30 × that = 4.10958900
//   USDT 10000: (500 × 0.12 + 4500 × 0.008 + 5000 × 0.003) ÷ 365 = 111 ÷ 365
//               = 0.3041095… → 0.30410958; 30 × that = 9.12328740
const GOOD = { bnbDaily: "0.13698630", bnbTotal: "4.10958900", usdtDaily: "0.30410958", usdtTotal: "9.12328740" };

/** Opens the widget with BNB = 1000 and USDT = 10000 typed and checked. */
async function withGoodEstimates() {
  const page = await openWidget(ctx, userConfig([BNB, USDT], { horizon_days: 30 }));
  await typeBalance(page, "BNB", "1000");
  await typeBalance(page, "USDT", "10000");
  await expectText(row(page, "BNB").daily, GOOD.bnbDaily);
  await expectText(row(page, "USDT").daily, GOOD.usdtDaily);
  return page;
}

/** The BNB field shows `message` inline and nothing else changed. */
async function assertInlineError(page, typed, message) {
  const bnb = row(page, "BNB");
  await expectText(bnb.error, message, `error for ${JSON.stringify(typed)}`);
  // The field keeps what was typed, is marked invalid and points at its error.
  assert.equal(await bnb.input.inputValue(), typed);
  assert.equal(await bnb.input.getAttribute("aria-invalid"), "true");
  const describedBy = await bnb.input.getAttribute("aria-describedby");
  assert.ok(describedBy, "aria-describedby is set");
  assert.equal(await bnb.error.getAttribute("id"), describedBy);
  // Last good estimate of the row, and its status, intact; never blanked.
  assert.equal(await hookText(page, "daily-reward-BNB"), GOOD.bnbDaily);
  assert.equal(await hookText(page, "cumulative-reward-BNB"), GOOD.bnbTotal);
  assert.match(await hookText(page, "status-BNB"), /eligible/);
  // Every other row intact, and without an error.
  assert.equal(await hookText(page, "daily-reward-USDT"), GOOD.usdtDaily);
  assert.equal(await hookText(page, "cumulative-reward-USDT"), GOOD.usdtTotal);
  assert.equal(await row(page, "USDT").error.count(), 0);
  assert.equal(await row(page, "USDT").input.getAttribute("aria-invalid"), "false");
}

const BAD_INPUTS = [
  // [label, typed text, expected message]
  ["letters", "1000abc", /^Balance is not a number/],
  ["a pasted currency amount", "$1,000.00", /^Balance must be the number alone \(no currency, token or other word\)\.$/],
  ["a pasted token amount", "1000 BNB", /^Balance must be the number alone \(no currency, token or other word\)\.$/],
  ["a negative number", "-5", /^Balance must not be negative/],
  ["an exponent", "1e5", /^Balance must be written out in full \(no exponent/],
  ["two decimal separators", "1.2.3", /^Balance has more than one decimal point/],
  // 10^29 needs 30 digits: more than a 28-digit Decimal holds.
  ["too many digits", "1" + "0".repeat(29), /^Balance is too large/],
  // 29 decimals: one more than the 28 a Decimal carries.
  ["too many decimals", "0." + "0".repeat(28) + "1", /^Balance has more than 28 decimals/],
  // 9000.000…0001 with 25 decimals: 29 digits, 9.0 × 10^28 without the point,
  // above the 7.9 × 10^28 a Decimal holds: the message says it is the digits.
  ["too many digits with a fraction", "9000." + "0".repeat(24) + "1", /^Balance is too large for a decimal: too many digits \(without the '\.' at most 79228162514264337593543950335\)/],
];

for (const [label, typed, message] of BAD_INPUTS) {
  test(`${label} shows an inline error and keeps every estimate`, async () => {
    const page = await withGoodEstimates();
    await row(page, "BNB").input.fill(typed);
    await assertInlineError(page, typed, message);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test("a bad keystroke after a good balance keeps the estimate; fixing it clears the error", async () => {
  const page = await withGoodEstimates();
  const bnb = row(page, "BNB");
  // "1000" + "e": an exponent starts; "1000e5" is still one.
  await bnb.input.press("End");
  await bnb.input.press("e");
  await assertInlineError(page, "1000e", /exponent/);
  await bnb.input.press("5");
  await assertInlineError(page, "1000e5", /exponent/);
  // Two Backspaces give back "1000": the error goes, the estimate is live again.
  await bnb.input.press("Backspace");
  await bnb.input.press("Backspace");
  await expectGone(bnb.error);
  assert.equal(await bnb.input.getAttribute("aria-invalid"), "false");
  assert.equal(await bnb.input.getAttribute("aria-describedby"), null);
  // Then "10000" (capped at 1000: same reward) and "100": 100 × 0.05 ÷ 365 = 0.01369863… → 0.01369863
  await bnb.input.press("0");
  await expectText(bnb.status, /cap/);
  await bnb.input.fill("100");
  await expectText(bnb.daily, "0.01369863");
  // USDT never moved.
  assert.equal(await hookText(page, "daily-reward-USDT"), GOOD.usdtDaily);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("errors in two rows are independent", async () => {
  const page = await withGoodEstimates();
  await row(page, "BNB").input.fill("12..5");
  await row(page, "USDT").input.fill("-1");
  await expectText(row(page, "BNB").error, /more than one decimal point/);
  await expectText(row(page, "USDT").error, /must not be negative/);
  assert.equal(await hookText(page, "daily-reward-BNB"), GOOD.bnbDaily);
  assert.equal(await hookText(page, "daily-reward-USDT"), GOOD.usdtDaily);
  // Fixing USDT leaves the BNB error alone: 500 × 0.12 ÷ 365 = 60 ÷ 365 = 0.164383561… → 0.16438356
  await row(page, "USDT").input.fill("500");
  await expectText(row(page, "USDT").daily, "0.16438356");
  await expectGone(row(page, "USDT").error);
  await expectText(row(page, "BNB").error, /more than one decimal point/);
  assert.equal(await hookText(page, "daily-reward-BNB"), GOOD.bnbDaily);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a misplaced thousands separator is an error, a correct one is accepted", async () => {
  const page = await withGoodEstimates();
  await row(page, "USDT").input.fill("10,00");
  await expectText(row(page, "USDT").error, /misplaced ','/);
  assert.equal(await hookText(page, "daily-reward-USDT"), GOOD.usdtDaily);
  // "1,000": 1000 = 500 at 12% + 500 at 0.8%: (60 + 4) ÷ 365 = 0.175342465… → 0.17534246
  await row(page, "USDT").input.fill("1,000");
  await expectText(row(page, "USDT").daily, "0.17534246");
  await expectGone(row(page, "USDT").error);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a number still being typed (\"2,5\" of \"2,500\") is told off only at a pause in typing; one that cannot become a number at once", async () => {
  // The page's clock is paused, then moved on by hand: the pause is exact
  // (and "no error while typing" holds however slow the machine is).
  const page = await openWidget(ctx, userConfig([BNB, USDT], { horizon_days: 30 }), {
    setup: (p) => p.clock.install({ time: new Date("2026-11-23T12:00:00Z") }),
  });
  await page.clock.pauseAt(new Date("2026-11-23T12:01:00Z"));
  const bnb = row(page, "BNB");
  const invalid = () => bnb.input.getAttribute("aria-invalid");
  // "2": 2 × 0.05 ÷ 365 = 0.000273972… → 0.00027397.
  await typeBalance(page, "BNB", "2,5");
  assert.equal(await bnb.error.count(), 0, "no error while typing");
  assert.equal(await invalid(), "false");
  // The figures are the last valid entry's ("2"), and say so.
  assert.equal(await hookText(page, "daily-reward-BNB"), "0.00027397");
  assert.match(await bnb.explanation.textContent(), /^Last valid entry: /);
  // The visitor pauses: 799 ms is not yet a pause (800 ms is).
  await page.clock.runFor(799);
  assert.equal(await bnb.error.count(), 0, "799 ms");
  await page.clock.runFor(1);
  await expectText(bnb.error, /misplaced ','/);
  assert.equal(await invalid(), "true");
  // Typed on to a number: the error goes at once. 2500 is over BNB's cap of
  // 1000: 1000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630.
  await bnb.input.pressSequentially("00");
  await expectGone(bnb.error);
  await expectText(bnb.daily, "0.13698630");

  // Leaving the field does not show it sooner (blur comes at a click's
  // mouse-down: the page must not move under the click); nor does the
  // open row's note about the last valid entries.
  await page.getByTestId("details-toggle-BNB").click();
  await typeBalance(page, "BNB", "3,");
  await page.keyboard.press("Tab");
  assert.equal(await bnb.error.count(), 0);
  assert.equal(await page.getByTestId("stale-note-BNB").count(), 0);
  await page.clock.runFor(800);
  await expectText(bnb.error, /misplaced ','/);
  await expectText(page.getByTestId("stale-note-BNB"), /last valid entries/);

  // Text that cannot become a number is told off at once, clock still.
  for (const typed of ["12x", "-5", "1.2."]) {
    await typeBalance(page, "BNB", typed);
    await expectText(bnb.error, /Balance/, typed);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
