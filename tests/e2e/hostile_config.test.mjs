// Robustness against hostile config and input (README "Config reference",
// "Security"; PRODUCT.md §2 "Errors are values"): enormous numbers, 40-digit
// decimals, NaN/Infinity, unicode digits, HTML and script in names, 10,000
// assets, duplicate symbols, missing and extra fields, wrong types, values no
// JSON document can hold. Each gets a precise error naming the field, shown
// in the widget's own box, or is rendered safely; nothing is executed and
// nothing is thrown into the host page.
//
// One host page (pages/mount.html?manual) per test; each case mounts a fresh
// element with mount(element, config), the config built in the page (so that
// values JSON cannot carry, like NaN or a cycle, can be passed), and reads
// the config-error text (without its fixed lead-in).
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, openPage, useBrowser } from "./support/fixture.mjs";
import { configError, countIs, freshKey, openMounted, textIs } from "./support/embed_kit.mjs";

const ctx = useBrowser();

async function hostPage() {
  const page = await openPage(ctx, "/pages/mount.html?manual", { ready: false });
  await page.waitForFunction(() => typeof window.ssMount === "function");
  return page;
}

let serial = 0;

/**
 * Mounts a new element with the config that the JavaScript expression `expr`
 * evaluates to (in the page); returns what mount() did, the config error (or
 * null) and the number of asset rows; the widget is destroyed afterwards.
 */
async function mountCase(page, expr) {
  serial += 1;
  const id = `case-${serial}`;
  const outcome = await page.evaluate(`(async () => {
    const el = document.createElement("div");
    el.id = ${JSON.stringify(id)};
    document.body.append(el);
    try {
      window.ssCase = await window.ssMount(el, ${expr});
      return window.ssCase.mounted ? "mounted" : "not mounted";
    } catch (e) {
      window.ssCase = null;
      return "threw: " + e;
    }
  })()`);
  const box = page.locator(`#${id}`);
  if (outcome === "mounted") {
    await box.locator("[data-testid=config-error], [data-testid^=asset-row-]").first().waitFor({ timeout: 5000 });
  }
  const error = (await box.getByTestId("config-error").count()) > 0 ? await configError(box) : null;
  const rows = await box.locator("[data-testid^=asset-row-]").count();
  await page.evaluate((id) => {
    window.ssCase?.destroy();
    document.getElementById(id).remove();
  }, id);
  return { outcome, error, rows };
}

/** A config (as a JavaScript expression) with one asset: BNB at 5 % plus `fields`. */
const oneAsset = (fields) => JSON.stringify({ assets: [{ symbol: "BNB", apr: "0.05", ...fields }], storage_key: "ss-hostile" });

/** Runs `cases` ([label, expression, expected message or RegExp]) on one page. */
async function expectErrors(cases) {
  const page = await hostPage();
  for (const [label, expr, expected] of cases) {
    const got = await mountCase(page, expr);
    assert.equal(got.outcome, "mounted", `${label}: mount() resolved`);
    assert.equal(got.rows, 0, `${label}: no widget, only the error`);
    if (expected instanceof RegExp) assert.match(String(got.error), expected, label);
    else assert.equal(got.error, expected, label);
  }
  assert.deepEqual(page.errors, [], "nothing thrown into the host page");
  await page.close();
}

const STORAGE_KEY_RULE = "config.storage_key: must be 1 to 256 characters, none of them a control character";
const NOT_JSON = "must be JSON data (a string, number, boolean, null, array or object)";
const DECIMAL_NOT_NUMBER = 'must be a decimal string such as "0.05", not a JSON number';

test("enormous numbers and 40-digit decimals are precise errors", async () => {
  await expectErrors([
    ["41-digit APR", oneAsset({ apr: `1${"0".repeat(40)}` }), "config.assets[0].apr: is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"],
    ["29 nines minimum", oneAsset({ min_amount: "9".repeat(29) }), "config.assets[0].min_amount: is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"],
    ["40-digit cap", oneAsset({ max_cap: "1234567890".repeat(4) }), "config.assets[0].max_cap: is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"],
    ["40 decimals", oneAsset({ apr: `0.${"1234567890".repeat(4)}` }), "config.assets[0].apr: has more than 28 decimals"],
    ["40 decimals in a tier bound", oneAsset({ apr: undefined, tiers: [{ up_to: `1.${"5".repeat(40)}`, apr: "0.1" }, { up_to: null, apr: "0.01" }] }),
      "config.assets[0].tiers[0].up_to: has more than 28 decimals"],
    ["40-digit price", oneAsset({ price: "9".repeat(40) }), "config.assets[0].price: is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"],
    ["huge horizon", JSON.stringify({ horizon_days: 1e21 }), "config.horizon_days: must be an integer from 1 to 3650"],
    ["huge payout decimals", oneAsset({ payout_decimals: "99999999999999999999999" }), "config.assets[0].payout_decimals: must be an integer from 0 to 18 (a JSON number, not a string)"],
    ["huge snapshots", oneAsset({ snapshots_per_day: 2 ** 53 }), "config.assets[0].snapshots_per_day: must be an integer from 1 to 1440"],
  ]);
});

test("the decimal limit of the README: up to 2^96 − 1 without the point, 28 decimals", async () => {
  // README: "the digits without the point at most 79228162514264337593543950335
  // (2^96 − 1, what a Decimal holds)". One more is refused; the limit itself works.
  await expectErrors([
    ["2^96 as a minimum", oneAsset({ min_amount: "79228162514264337593543950336" }),
      "config.assets[0].min_amount: is too large (the limit is 79228162514264337593543950335 with the decimal point removed)"],
    ["2^96 with a point", oneAsset({ max_cap: "7922816251426433759354395033.6" }),
      "config.assets[0].max_cap: is too large for a decimal: too many digits (without the '.' at most 79228162514264337593543950335)"],
  ]);
  const page = await hostPage();
  const got = await mountCase(page, oneAsset({ min_amount: "79228162514264337593543950335", max_cap: null }));
  assert.equal(got.error, null, "2^96 − 1 itself is a valid minimum");
  assert.equal(got.rows, 1);
  await page.close();
});

test("NaN, Infinity and every other JavaScript number are refused: decimals are strings", async () => {
  await expectErrors([
    ["NaN", `({ assets: [{ symbol: "BNB", apr: NaN }] })`, `config.assets[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["Infinity", `({ assets: [{ symbol: "BNB", apr: "0.05", min_amount: Infinity }] })`, `config.assets[0].min_amount: ${DECIMAL_NOT_NUMBER}`],
    ["-Infinity", `({ assets: [{ symbol: "BNB", apr: "0.05", max_cap: -Infinity }] })`, `config.assets[0].max_cap: ${DECIMAL_NOT_NUMBER}`],
    ["1e308", `({ assets: [{ symbol: "BNB", apr: 1e308 }] })`, `config.assets[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["0.05 as a number", `({ assets: [{ symbol: "BNB", apr: 0.05 }] })`, `config.assets[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["-0", `({ assets: [{ symbol: "BNB", apr: -0 }] })`, `config.assets[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["integer tier APR", `({ assets: [{ symbol: "BNB", tiers: [{ up_to: null, apr: 1 }] }] })`, `config.assets[0].tiers[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["NaN horizon", `({ horizon_days: NaN })`, "config.horizon_days: must be an integer from 1 to 3650"],
    ["Infinity decimals", `({ assets: [{ symbol: "BNB", apr: "0.05", payout_decimals: Infinity }] })`, "config.assets[0].payout_decimals: must be an integer from 0 to 18"],
    ['"NaN"', oneAsset({ apr: "NaN" }), "config.assets[0].apr: must be a finite number"],
    ['"Infinity"', oneAsset({ min_amount: "Infinity" }), "config.assets[0].min_amount: must be a finite number"],
    ['"-inf"', oneAsset({ max_cap: "-inf" }), "config.assets[0].max_cap: must be a finite number"],
  ]);
});

test("unicode digits, signs, exponents, separators and invisible characters are refused", async () => {
  await expectErrors([
    ["Arabic-Indic digits", oneAsset({ apr: "٠.٠٥" }), "config.assets[0].apr: must use the digits 0-9 only"],
    ["fullwidth digits", oneAsset({ min_amount: "１０" }), "config.assets[0].min_amount: must use the digits 0-9 only"],
    ["Devanagari digits", oneAsset({ max_cap: "१०००" }), "config.assets[0].max_cap: must use the digits 0-9 only"],
    ["superscript", oneAsset({ apr: "0.0⁵" }), "config.assets[0].apr: must use the digits 0-9 only"],
    ["zero-width space", oneAsset({ apr: "0.05\u200b" }), "config.assets[0].apr: is not a number (use digits and one '.')"],
    ["negative", oneAsset({ apr: "-0.05" }), "config.assets[0].apr: must not be negative"],
    ["plus sign", oneAsset({ apr: "+0.05" }), "config.assets[0].apr: must be written without a sign"],
    ["exponent", oneAsset({ apr: "5e-2" }), "config.assets[0].apr: must be written out in full (no exponent such as 1e5)"],
    ["thousands separator", oneAsset({ max_cap: "1,000" }), "config.assets[0].max_cap: must use '.' as the decimal point and no thousands separators"],
    ["two points", oneAsset({ min_amount: "1.2.3" }), "config.assets[0].min_amount: has more than one decimal point"],
    ["inner space", oneAsset({ min_amount: "1 000" }), "config.assets[0].min_amount: must not contain spaces"],
    ["empty", oneAsset({ apr: "" }), "config.assets[0].apr: is empty: enter a number such as 1000 or 0.5"],
    ["hex", oneAsset({ apr: "0x10" }), "config.assets[0].apr: is not a number (use digits and one '.')"],
  ]);
});

test("duplicate symbols, a lower-case or overlong symbol are errors naming the asset", async () => {
  const assets = (...symbols) => JSON.stringify({ assets: symbols.map((symbol) => ({ symbol, apr: "0.05" })) });
  await expectErrors([
    ["duplicate", assets("BNB", "SOL", "BNB"), "config.assets[2].symbol: duplicate symbol BNB (also config.assets[0])"],
    ["lower case", assets("BNB", "sol"), "config.assets[1].symbol: must be 1 to 12 characters A-Z or 0-9"],
    ["13 characters", assets("ABCDEFGHIJKLM"), "config.assets[0].symbol: must be 1 to 12 characters A-Z or 0-9"],
    ["markup", assets("<B>X</B>"), "config.assets[0].symbol: must be 1 to 12 characters A-Z or 0-9"],
    ["empty", assets(""), "config.assets[0].symbol: must be 1 to 12 characters A-Z or 0-9"],
  ]);
});

test("missing fields are errors naming them; a config without assets uses the samples", async () => {
  await expectErrors([
    ["no symbol", JSON.stringify({ assets: [{ apr: "0.05" }] }), "config.assets[0].symbol: is required"],
    ["no rate", JSON.stringify({ assets: [{ symbol: "BNB" }] }), "config.assets[0].apr: is required (or give tiers)"],
    ["null rate", JSON.stringify({ assets: [{ symbol: "BNB", apr: null }] }), "config.assets[0].apr: is required (or give tiers)"],
    ["tier without up_to", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [{ apr: "0.1" }] }] }),
      "config.assets[0].tiers[0].up_to: is required (null for the last, unbounded tier)"],
    ["tier without apr", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [{ up_to: null }] }] }), "config.assets[0].tiers[0].apr: is required"],
    ["no tiers", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [] }] }), "config.assets[0].tiers: must have at least one tier"],
    ["empty asset list", JSON.stringify({ assets: [] }), "config.assets: must list at least one asset"],
  ]);
  // No `assets` (or no config at all): the built-in sample list.
  const page = await hostPage();
  for (const expr of ["({ theme: 'dark', storage_key: 'ss-no-assets' })", "undefined", "null"]) {
    const got = await mountCase(page, expr);
    assert.deepEqual(got, { outcome: "mounted", error: null, rows: 10 }, expr);
  }
  await page.close();
});

test("extra (unknown) fields are errors: they are usually typos", async () => {
  const expectedTop = "unknown field (expected one of: assets, mode, locale, horizon_days, theme, storage_key, currency)";
  const expectedAsset =
    "unknown field (expected one of: symbol, name, apr, tiers, min_amount, max_cap, payout_decimals, snapshots_per_day, price)";
  await expectErrors([
    ["top level", JSON.stringify({ colour: "red" }), `config.colour: ${expectedTop}`],
    ["typo in an asset", oneAsset({ max_caps: "1000" }), `config.assets[0].max_caps: ${expectedAsset}`],
    ["in a tier", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [{ up_to: null, apr: "0.1", note: "x" }] }] }),
      "config.assets[0].tiers[0].note: unknown field (expected one of: up_to, apr)"],
    ["prototype-looking key", `JSON.parse('{"__proto__": {"polluted": true}}')`, `config.__proto__: ${expectedTop}`],
  ]);
  const page = await hostPage();
  assert.equal(await page.evaluate(() => ({}).polluted ?? null), null, "no prototype pollution");
  await page.close();
});

test("wrong types are errors naming the field and the type found", async () => {
  await expectErrors([
    ["config a string", `"hello"`, "config: must be an object, not a string"],
    ["config a number", "42", "config: must be an object, not a number"],
    ["config an array", "[]", "config: must be an object, not an array"],
    ["config a boolean", "true", "config: must be an object, not a boolean"],
    ["assets a string", JSON.stringify({ assets: "BNB" }), "config.assets: must be an array, not a string"],
    ["assets an object", JSON.stringify({ assets: { BNB: {} } }), "config.assets: must be an array, not an object"],
    ["asset a number", JSON.stringify({ assets: [42] }), "config.assets[0]: must be an object, not a number"],
    ["asset null", JSON.stringify({ assets: [null] }), "config.assets[0]: must be an object, not null"],
    ["symbol a number", JSON.stringify({ assets: [{ symbol: 42, apr: "0.05" }] }), "config.assets[0].symbol: must be a string, not a number"],
    ["name an object", oneAsset({ name: {} }), "config.assets[0].name: must be a string, not an object"],
    ["cap a boolean", oneAsset({ max_cap: true }), "config.assets[0].max_cap: must be a decimal string, not a boolean"],
    ["tiers a string", JSON.stringify({ assets: [{ symbol: "BNB", tiers: "12%" }] }), "config.assets[0].tiers: must be an array of tiers, not a string"],
    ["tier a string", JSON.stringify({ assets: [{ symbol: "BNB", tiers: ["12%"] }] }), "config.assets[0].tiers[0]: must be an object, not a string"],
    ["both apr and tiers", oneAsset({ tiers: [{ up_to: null, apr: "0.1" }] }), "config.assets[0].tiers: give either apr or tiers, not both"],
    ["tiers out of order", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [{ up_to: "500", apr: "0.1" }, { up_to: "100", apr: "0.05" }, { up_to: null, apr: "0.01" }] }] }),
      /^config\.assets\[0\]\.tiers\[1\]\.up_to: must be greater than 500/],
    ["unbounded tier not last", JSON.stringify({ assets: [{ symbol: "BNB", tiers: [{ up_to: null, apr: "0.1" }, { up_to: "100", apr: "0.05" }] }] }),
      "config.assets[0].tiers[0].up_to: only the last tier may be unbounded (null)"],
    ["name too long", oneAsset({ name: "N".repeat(65) }), "config.assets[0].name: must be at most 64 characters"],
    ["mode", JSON.stringify({ mode: "admin" }), 'config.mode: must be "user" or "demo"'],
    ["mode a number", JSON.stringify({ mode: 1 }), "config.mode: must be a string, not a number"],
    ["theme", JSON.stringify({ theme: "blue" }), 'config.theme: must be "light", "dark" or "auto"'],
    ["horizon a word", JSON.stringify({ horizon_days: "thirty" }), "config.horizon_days: must be an integer from 1 to 3650 (a JSON number, not a string)"],
    ["horizon a numeric string", JSON.stringify({ horizon_days: "30" }), "config.horizon_days: must be an integer from 1 to 3650 (a JSON number, not a string)"],
    ["horizon fractional", JSON.stringify({ horizon_days: 30.5 }), "config.horizon_days: must be an integer from 1 to 3650"],
    ["horizon 0", JSON.stringify({ horizon_days: 0 }), "config.horizon_days: must be an integer from 1 to 3650"],
    ["horizon 3651", JSON.stringify({ horizon_days: 3651 }), "config.horizon_days: must be an integer from 1 to 3650"],
    ["payout decimals 19", oneAsset({ payout_decimals: 19 }), "config.assets[0].payout_decimals: must be an integer from 0 to 18"],
    ["payout decimals -1", oneAsset({ payout_decimals: -1 }), "config.assets[0].payout_decimals: must be an integer from 0 to 18"],
    ["snapshots 0", oneAsset({ snapshots_per_day: 0 }), "config.assets[0].snapshots_per_day: must be an integer from 1 to 1440"],
    ["snapshots 1441", oneAsset({ snapshots_per_day: 1441 }), "config.assets[0].snapshots_per_day: must be an integer from 1 to 1440"],
    ["locale", JSON.stringify({ locale: "en_US!" }), 'config.locale: must be a language tag such as "en-US"'],
    ["storage key with a control character", JSON.stringify({ storage_key: "earn\nkey" }), STORAGE_KEY_RULE],
    ["storage key too long", JSON.stringify({ storage_key: "k".repeat(257) }), STORAGE_KEY_RULE],
    ["storage key empty", JSON.stringify({ storage_key: "" }), STORAGE_KEY_RULE],
  ]);
});

test("values no JSON document can hold: functions, symbols, cycles, deep nesting", async () => {
  await expectErrors([
    ["a function", `({ assets: [{ symbol: "BNB", apr: () => "0.05" }] })`, `config.assets[0].apr: ${NOT_JSON}, not a function`],
    ["a symbol", `({ assets: [{ symbol: Symbol("BNB"), apr: "0.05" }] })`, `config.assets[0].symbol: ${NOT_JSON}, not a symbol`],
    ["a BigInt that is not an integer field", `({ assets: [{ symbol: "BNB", apr: 5n }] })`, `config.assets[0].apr: ${DECIMAL_NOT_NUMBER}`],
    ["a BigInt horizon out of range", `({ horizon_days: 3651n })`, "config.horizon_days: must be an integer from 1 to 3650"],
    ["a Date", `({ assets: [{ symbol: "BNB", apr: new Date(0) }] })`, "config.assets[0].apr: must be a decimal string, not an object"],
    ["a cycle", `(() => { const c = { assets: [] }; c.assets.push(c); return c; })()`, "config: nested more than 32 levels deep"],
    ["a hostile array length", `({ assets: new Array(2 ** 32 - 1) })`, "config: could not be read (an array has more than 100000 items)"],
    ["100 levels", `(() => { let v = "x"; for (let i = 0; i < 100; i++) v = [v]; return { assets: [{ symbol: "BNB", apr: "0.05", name: v }] }; })()`,
      "config: nested more than 32 levels deep"],
  ]);
});

test("a BigInt integer is read by its value", async () => {
  const page = await hostPage();
  const got = await mountCase(page, `({ horizon_days: 7n, assets: [{ symbol: "BNB", apr: "0.05" }] })`);
  assert.deepEqual(got, { outcome: "mounted", error: null, rows: 1 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("config objects whose getters or proxy traps throw: the error is shown in the box, nothing thrown",
  async () => {
    const page = await hostPage();
    for (const expr of [
      `({ get assets() { throw new Error("getter says no"); } })`,
      `({ assets: [{ symbol: "BNB", get apr() { throw new Error("getter says no"); } }] })`,
      `new Proxy({}, { ownKeys() { throw new Error("trap says no"); } })`,
    ]) {
      const got = await mountCase(page, expr);
      assert.equal(got.outcome, "mounted", `${expr}: mount() resolves`);
      assert.match(String(got.error), /^config/, `${expr}: a config error in the box`);
    }
    // update() with such an object, on a working widget.
    const outcome = await page.evaluate(async () => {
      const el = document.createElement("div");
      document.body.append(el);
      const handle = await window.ssMount(el, { storage_key: "ss-getter" });
      try {
        handle.update({ get assets() { throw new Error("getter says no"); } });
        return "returned";
      } catch (e) {
        return `threw: ${e.message}`;
      }
    });
    assert.equal(outcome, "returned", "update() throws nothing into the host page");
    await page.close();
  });

test("HTML and script in names and in echoed config text render as text and never run", async () => {
  const page = await hostPage();
  const names = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"></svg>',
    "<style>*{display:none}</style>",
    "&lt;b&gt;entity&lt;/b&gt;",
    "\u202eRTL override",
  ];
  const config = {
    assets: names.map((name, i) => ({ symbol: `N${i}`, name, apr: "0.0365" })),
    theme: "light",
    storage_key: freshKey("names"),
  };
  await page.evaluate(async (config) => {
    const el = document.createElement("div");
    el.id = "named";
    document.body.append(el);
    window.named = await window.ssMount(el, config);
  }, config);
  const box = page.locator("#named");
  await countIs(box.locator("[data-testid^=asset-row-]"), names.length);
  for (const [i, name] of names.entries()) {
    // The exact characters of the name are in the row's text.
    assert.ok((await box.getByTestId(`asset-row-N${i}`).textContent()).includes(name), name);
  }
  // Still a working widget: 100 × 0.0365 ÷ 365 = 0.01 → 0.01000000.
  await box.getByTestId("balance-input-N3").fill("100");
  await textIs(box.getByTestId("daily-reward-N3"), "0.01000000");
  assert.equal(await box.getByTestId("daily-reward-N3").isVisible(), true, "the <style> name styles nothing");

  // Hostile text echoed in error messages: an unknown field named with markup.
  const echoed = await mountCase(page, `({ '<img src=x onerror="window.__xss=4">': 1 })`);
  assert.match(String(echoed.error), /^config\.<img src=x onerror="window\.__xss=4">: unknown field/);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const parsed = await page.evaluate(() => ({
    markup: document.getElementById("named").shadowRoot.querySelectorAll("script, img, svg, style, b").length,
    xss: window.__xss ?? null,
  }));
  assert.deepEqual(parsed, { markup: 0, xss: null });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("10,000 assets is a precise error; 1,000 (the limit) render, safely, and estimate", async () => {
  const page = await hostPage();
  const many = (n) => `({ assets: Array.from({ length: ${n} }, (_, i) => ({ symbol: "A" + i, name: "<b>asset " + i + "</b>", apr: "0.05" })), storage_key: "ss-many" })`;
  const started = Date.now();
  const tooMany = await mountCase(page, many(10000));
  assert.deepEqual(tooMany, { outcome: "mounted", error: "config.assets: lists 10000 assets; at most 1000 are supported", rows: 0 });
  assert.ok(Date.now() - started < 5000, "refused quickly");
  assert.deepEqual(
    await mountCase(page, many(1001)),
    { outcome: "mounted", error: "config.assets: lists 1001 assets; at most 1000 are supported", rows: 0 },
  );

  await page.evaluate(async (expr) => {
    const el = document.createElement("div");
    el.id = "thousand";
    document.body.append(el);
    window.thousand = await window.ssMount(el, (0, eval)(expr));
  }, many(1000));
  const box = page.locator("#thousand");
  await countIs(box.locator("[data-testid^=asset-row-]"), 1000, undefined, 15000);
  assert.match(await box.getByTestId("asset-row-A999").textContent(), /<b>asset 999<\/b>/);
  // 1000 × 0.05 ÷ 365 → 0.13698630 in the last row.
  await box.getByTestId("balance-input-A999").fill("1000");
  await textIs(box.getByTestId("daily-reward-A999"), "0.13698630");
  assert.equal(await page.evaluate(() => document.getElementById("thousand").shadowRoot.querySelectorAll("b").length), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("hostile typed balances get precise inline errors; the last estimate (or, for a balance too large to estimate, none) and the other rows stay", async () => {
  const page = await openMounted(ctx, {
    assets: [
      { symbol: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000" },
      { symbol: "SOL", apr: "0.0365", min_amount: "1", max_cap: null },
    ],
    theme: "light",
    storage_key: freshKey("typed"),
  });
  const w = page.locator("#earn");
  await w.getByTestId("balance-input-BNB").fill("1000");
  await w.getByTestId("balance-input-SOL").fill("100");
  // 100 × 0.0365 ÷ 365 = 0.01 → 0.01000000.
  await textIs(w.getByTestId("daily-reward-SOL"), "0.01000000");
  const cases = [
    ["9".repeat(40), "Balance is too large (the limit is 79228162514264337593543950335 with the decimal point removed)."],
    [`0.${"1234567890".repeat(4)}`, "Balance has more than 28 decimals."],
    ["NaN", "Balance must be a finite number."],
    ["Infinity", "Balance must be a finite number."],
    ["-Infinity", "Balance must be a finite number."],
    // Superscripts and Thai digits are not read as digits (full-width and
    // Arabic-Indic ones are: locale.test.mjs).
    ["¹⁰⁰⁰", "Balance must use the digits 0-9 only."],
    ["๑๐๐๐", "Balance must use the digits 0-9 only."],
    ["1000 BNB", "Balance must be the number alone (no currency, token or other word)."],
    ['<img src=x onerror="window.__xss=1">', "Balance is not a number (use digits and one '.')."],
    ["<script>window.__xss=2</script>", "Balance is not a number (use digits and one '.')."],
    ["1e5", "Balance must be written out in full (no exponent such as 1e5)."],
    ["-100", "Balance must not be negative."],
    ["1.2.3", "Balance has more than one decimal point."],
    ["1,00", "Balance has a misplaced ',' (use it only between groups of three digits)."],
  ];
  for (const [typed, message] of cases) {
    // One input event with the whole text (as a paste would).
    await w.getByTestId("balance-input-SOL").fill(typed);
    await textIs(w.getByTestId("error-SOL"), message, typed);
    assert.equal(await w.getByTestId("balance-input-SOL").getAttribute("aria-invalid"), "true", typed);
    assert.equal(await hookText(w, "daily-reward-SOL"), "0.01000000", `${typed}: the last valid estimate stays`);
    assert.equal(await hookText(w, "daily-reward-BNB"), "0.13698630", `${typed}: other rows untouched`);
  }
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.equal(await page.evaluate(() => document.getElementById("earn").shadowRoot.querySelectorAll("img, script").length), 0);

  // Enormous but valid: 28 nines of BNB are capped at 1000 → 0.13698630, exactly.
  await w.getByTestId("balance-input-BNB").fill("9".repeat(28));
  await textIs(w.getByTestId("status-BNB"), /cap/i);
  assert.equal(await hookText(w, "daily-reward-BNB"), "0.13698630");
  // Grouped: 1,000,000.5 SOL × 0.0365 ÷ 365 = 100.00005 → 100.00005000.
  await w.getByTestId("balance-input-SOL").fill("1,000,000.5");
  await textIs(w.getByTestId("daily-reward-SOL"), "100.00005000");
  await countIs(w.getByTestId("error-SOL"), 0);
  // Enormous uncapped: the payout (9.99…e27 × 0.0365 ÷ 365 ≈ 1e24, with 8
  // decimals 33 digits) cannot be a decimal payout: an error, not a wrong number.
  await w.getByTestId("balance-input-SOL").fill("9".repeat(28));
  await textIs(w.getByTestId("error-SOL"), /too large/);
  // The estimate of 1,000,000.5 SOL would be a wrong answer for this balance: none shows.
  assert.equal(await hookText(w, "daily-reward-SOL"), "—");
  assert.equal(await hookText(w, "cumulative-reward-SOL"), "—");
  assert.equal(await hookText(w, "status-SOL"), "No estimate");
  assert.equal(await hookText(w, "daily-reward-BNB"), "0.13698630", "other rows untouched");
  assert.deepEqual(page.errors, []);
  await page.close();
});
