// Helpers for the embedding, demo-mode, cohort and robustness tests:
//   - paths of the test host pages (tests/e2e/pages/),
//   - polling assertions on the widget's test hooks,
//   - an independent exact reward calculator (BigInt), used to derive the
//     expected cohort totals without reading anything from the widget.
import assert from "node:assert/strict";

import { openPage } from "./fixture.mjs";

// ---------------------------------------------------------------------------
// Host pages.

let keys = 0;

/** A storage key of its own for each widget a test mounts. */
export function freshKey(label = "w") {
  keys += 1;
  return `ss-kit-${label}-${process.pid}-${keys}`;
}

/**
 * Path of pages/mount.html, which mounts `#earn` with `mount(element, config)`
 * from its own external module (pages/mount.js). `config` undefined → the
 * built-in samples; `extra` adds query parameters (e.g. `ss-scenario`).
 * `base` is "/pages" or "/csp" (the same page, served with the strict CSP).
 */
export function mountPath(config, { base = "/pages", extra = {} } = {}) {
  const params = new URLSearchParams();
  if (config !== undefined) params.set("config", JSON.stringify(config));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return `${base}/mount.html${query ? `?${query}` : ""}`;
}

/** Opens pages/mount.html with `config` and waits for the widget (or its error). */
export async function openMounted(ctx, config, options = {}) {
  const { base, extra, ...rest } = options;
  const page = await openPage(ctx, mountPath(config, { base, extra }), rest);
  await page.waitForFunction(() => window.ssWidget !== undefined || window.ssMountError !== undefined);
  return page;
}

// ---------------------------------------------------------------------------
// Polling assertions (the widget renders asynchronously after an input).

const POLL_MS = 10;
const TIMEOUT_MS = 4000;

async function textOrNull(locator) {
  if ((await locator.count()) === 0) return null;
  return (await locator.first().textContent()).trim();
}

function matches(value, expected) {
  if (expected instanceof RegExp) return value !== null && expected.test(String(value));
  try {
    assert.deepEqual(value, expected);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `read()` matches `expected` (deep-equal, or a RegExp), then asserts it. */
export async function eventually(read, expected, message, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!matches(value, expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    value = await read();
  }
  if (expected instanceof RegExp) assert.match(String(value), expected, message);
  else assert.deepEqual(value, expected, message);
  return value;
}

/** Waits until the trimmed text of `locator` matches `expected`. */
export function textIs(locator, expected, message, timeout) {
  return eventually(() => textOrNull(locator), expected, message, timeout);
}

/** Waits until `locator` matches `count` elements. */
export function countIs(locator, count, message, timeout) {
  return eventually(() => locator.count(), count, message, timeout);
}

/** Clears `sym`'s balance field and types `text` key by key. */
export async function typeBalance(scope, sym, text) {
  const input = scope.getByTestId(`balance-input-${sym}`);
  await input.fill("");
  await input.pressSequentially(text);
}

/** Replaces the text of the input `testid` (typed key by key, as a person would). */
export async function retype(scope, testid, text) {
  const input = scope.getByTestId(testid);
  await input.fill("");
  if (text !== "") await input.pressSequentially(text);
}

/** The config-error text of `scope`, without the fixed lead-in. */
export async function configError(scope) {
  const text = (await scope.getByTestId("config-error").textContent()).trim();
  return text.replace(/^The soft staking estimator cannot show estimates:\s*/, "");
}

/** Activate → tick the terms → Start Earning, inside `scope`; waits for ON. */
export async function activate(scope) {
  await scope.getByTestId("activate-button").click();
  await scope.getByTestId("terms-checkbox").check();
  await scope.getByTestId("start-earning").click();
  await eventually(() => scope.getByTestId("soft-staking-toggle").getAttribute("aria-checked"), "true");
}

// ---------------------------------------------------------------------------
// Independent exact reward arithmetic (PRODUCT.md §2), BigInt only.
//
// Every decimal is scaled to an integer at 10^28 (the widest a config or a
// CSV balance may carry). For one balance B held all day:
//   B < min_amount → below minimum, E = 0;  cap set and B > cap → capped, E = cap;
//   else E = B.   R = Σ (part of E in tier) × apr ÷ 365 (flat APR: one tier);
//   payout units = floor(R × 10^payout_decimals).
// With E and apr both at scale 28, R × 10^pd = Σ(part × apr) × 10^pd ÷ (365 × 10^56).

const SCALE = 28;
const ONE = 10n ** BigInt(SCALE);

/** A plain decimal string ("12.5", ".5", "1000") as an integer at 10^28. */
export function scaled(text) {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) throw new Error(`not a plain decimal: ${text}`);
  const frac = (match[2] ?? "").replace(/0+$/, "");
  if (frac.length > SCALE) throw new Error(`more than ${SCALE} decimals: ${text}`);
  return BigInt(match[1] || "0") * ONE + BigInt((frac + "0".repeat(SCALE)).slice(0, SCALE));
}

/**
 * The payout of `asset` (a config asset definition) for `balance` (decimal
 * string) held all day: { units, status } with units in 10^-payout_decimals.
 */
export function payout(asset, balance) {
  const b = scaled(balance);
  const min = scaled(asset.min_amount ?? "0");
  if (b < min) return { units: 0n, status: "below_minimum" };
  let e = b;
  let status = "eligible";
  if (asset.max_cap != null && b > scaled(asset.max_cap)) {
    e = scaled(asset.max_cap);
    status = "capped";
  }
  const tiers = asset.tiers ?? [{ up_to: null, apr: asset.apr }];
  let numerator = 0n;
  let lower = 0n;
  for (const tier of tiers) {
    const upper = tier.up_to == null ? null : scaled(tier.up_to);
    const top = upper === null || e < upper ? e : upper;
    if (top > lower) numerator += (top - lower) * scaled(tier.apr);
    if (upper === null || e <= upper) break;
    lower = upper;
  }
  const pd = BigInt(asset.payout_decimals ?? 8);
  return { units: (numerator * 10n ** pd) / (365n * ONE * ONE), status };
}

/** Payout units as the decimal text the widget shows ("0.13698630"). */
export function unitsText(units, decimals = 8) {
  const digits = units.toString().padStart(decimals + 1, "0");
  if (decimals === 0) return digits;
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * Cohort totals of `holdings` ([symbol, balance] pairs, symbols already
 * upper-case) under `assets` (by symbol): per symbol { holdings, units,
 * below_minimum, capped }.
 */
export function cohortTotals(assets, holdings) {
  const out = {};
  for (const [sym, balance] of holdings) {
    const asset = assets[sym];
    if (!asset) continue;
    const t = (out[sym] ??= { holdings: 0, units: 0n, below_minimum: 0, capped: 0 });
    const p = payout(asset, balance);
    t.holdings += 1;
    t.units += p.units;
    if (p.status === "below_minimum") t.below_minimum += 1;
    if (p.status === "capped") t.capped += 1;
  }
  return out;
}

/** A demo widget's cohort results row of `sym`: holdings, totals, "b → a" counts. */
export async function cohortRow(scope, sym) {
  const cells = await scope
    .getByTestId(`cohort-total-before-${sym}`)
    .evaluate((td) => [...td.parentElement.querySelectorAll("td")].map((c) => c.textContent.trim()));
  return { holdings: cells[0], before: cells[1], after: cells[2], belowMinimum: cells[3], capped: cells[4] };
}

/** A small deterministic pseudo-random generator (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random balance string with up to `maxInt` integer part and 0–8 decimals. */
export function randomBalance(rand, maxInt) {
  const int = Math.floor(rand() * maxInt);
  const decimals = Math.floor(rand() * 9);
  if (decimals === 0) return String(int);
  let frac = "";
  for (let i = 0; i < decimals; i++) frac += Math.floor(rand() * 10);
  return `${int}.${frac}`;
}
