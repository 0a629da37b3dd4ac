// Helpers for the user-mode end-to-end tests: small asset configs whose
// rewards are easy to derive by hand, a host page that mounts one widget with
// a given config, and polling reads of the widget's test hooks.
import assert from "node:assert/strict";

import { openPage } from "./fixture.mjs";

// ---------------------------------------------------------------------------
// Asset definitions (PRODUCT.md §2). Every expected value in the tests is
// derived by hand from these numbers, in a comment next to the assertion.

/** Flat 5%, minimum 0.5, cap 1000, price 600 (the spec's worked example). */
export const BNB = {
  symbol: "BNB",
  name: "BNB Coin",
  apr: "0.05",
  min_amount: "0.5",
  max_cap: "1000",
  price: "600",
};

/** The spec's marginal tiers: 12% up to 500, 0.8% up to 5,000, 0.3% above. */
export const SPEC_TIERS = Object.freeze([
  { up_to: "500", apr: "0.12" },
  { up_to: "5000", apr: "0.008" },
  { up_to: null, apr: "0.003" },
]);

/** The spec's tiered example with a minimum of 10 and price 1. */
export const USDT = {
  symbol: "USDT",
  name: "Tether USD",
  tiers: SPEC_TIERS,
  min_amount: "10",
  max_cap: null,
  price: "1",
};

/** APR 365%: exactly 1% a day, so compounding is easy to follow by hand; price 2. */
export const ONEP = {
  symbol: "ONEP",
  name: "One Percent Coin",
  apr: "3.65",
  min_amount: "0",
  max_cap: null,
  price: "2",
};

/** APR 3.65% paid with 2 decimals: 1 token earns 0.0001 a day, below the 0.01 payout unit. */
export const TINY = {
  symbol: "TINY",
  name: "Tiny Coin",
  apr: "0.0365",
  min_amount: "0",
  max_cap: null,
  payout_decimals: 2,
  price: "0.5",
};

/** No price configured (no fiat line) and an APR with many digits. */
export const XAPR = {
  symbol: "XAPR",
  apr: "0.123456789",
  min_amount: "0",
  max_cap: null,
};

/** Three snapshots a day (00:00, 08:00, 16:00), flat 5%, no minimum, no cap. */
export const TRIO = {
  symbol: "TRIO",
  name: "Three Snapshots",
  apr: "0.05",
  min_amount: "0",
  max_cap: null,
  snapshots_per_day: 3,
};

let keys = 0;

/** A user-mode config with `assets`; each call gets its own storage key. */
export function userConfig(assets, extra = {}) {
  keys += 1;
  return {
    assets,
    mode: "user",
    horizon_days: 30,
    theme: "light",
    storage_key: `ss-e2e-${process.pid}-${keys}`,
    ...extra,
  };
}

/** Path of the test host page mounting one widget with `config`. */
export function widgetPath(config) {
  return `/pages/widget.html?config=${encodeURIComponent(JSON.stringify(config))}`;
}

/** Opens the host page with `config` (see `openPage` for the options). */
export function openWidget(ctx, config, options) {
  return openPage(ctx, widgetPath(config), options);
}

// ---------------------------------------------------------------------------
// Reading the widget.

const POLL_MS = 10;
const TIMEOUT_MS = 3000;

/** Trimmed text of `locator`, or null when it is not in the page. */
async function textOrNull(locator) {
  if ((await locator.count()) === 0) return null;
  return (await locator.first().textContent()).trim();
}

/**
 * Waits until `locator`'s trimmed text satisfies `expected` (a string: equal;
 * a RegExp: matches), then asserts it (so a timeout reports the last value).
 */
export async function expectText(locator, expected, message) {
  const ok = (t) => t !== null && (expected instanceof RegExp ? expected.test(t) : t === expected);
  const deadline = Date.now() + TIMEOUT_MS;
  let text = await textOrNull(locator);
  while (!ok(text) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    text = await textOrNull(locator);
  }
  if (expected instanceof RegExp) assert.match(String(text), expected, message);
  else assert.equal(text, expected, message);
}

/** Waits until `locator` matches no element. */
export async function expectGone(locator, message) {
  const deadline = Date.now() + TIMEOUT_MS;
  while ((await locator.count()) > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  assert.equal(await locator.count(), 0, message);
}

/** Waits until `read()` resolves to a value deep-equal to `expected`. */
export async function expectValue(read, expected, message) {
  const deadline = Date.now() + TIMEOUT_MS;
  let value = await read();
  while (!isDeepEqual(value, expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    value = await read();
  }
  assert.deepEqual(value, expected, message);
}

function isDeepEqual(a, b) {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** The row's daily reward, cumulative reward and status hooks. */
export function row(scope, sym) {
  return {
    input: scope.getByTestId(`balance-input-${sym}`),
    daily: scope.getByTestId(`daily-reward-${sym}`),
    cumulative: scope.getByTestId(`cumulative-reward-${sym}`),
    status: scope.getByTestId(`status-${sym}`),
    error: scope.getByTestId(`error-${sym}`),
    /** The fiat lines of the row: [daily, cumulative] (texts like "≈ 82.19"). */
    fiat: scope.getByTestId(`asset-row-${sym}`).locator(".ss-fiat"),
    explanation: scope.getByTestId(`asset-row-${sym}`).locator(".ss-explain"),
  };
}

/** Types `text` into `sym`'s balance field (after clearing it), key by key. */
export async function typeBalance(scope, sym, text) {
  const input = scope.getByTestId(`balance-input-${sym}`);
  await input.fill("");
  await input.pressSequentially(text);
}

/** data-testid of the element focused inside the widget's shadow root. */
export function focusedHook(page) {
  return page.evaluate(() => {
    const active = document.querySelector("[data-soft-staking]")?.shadowRoot?.activeElement;
    return active ? active.getAttribute("data-testid") ?? active.tagName.toLowerCase() : null;
  });
}

/** Events the widget dispatched (recorded by pages/widget.js). */
export function widgetEvents(page, type) {
  return page.evaluate((t) => window.ssEvents.filter((e) => e.type === t), type);
}
