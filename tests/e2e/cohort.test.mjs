// Demo mode, cohort impact (PRODUCT.md §3, README "Demo mode"): a CSV of
// `symbol,balance` holdings, pasted or uploaded, gives per symbol and in
// total the daily payout before and after the rate change, the counts below
// the minimum and over the cap, with a progress bar, without blocking the
// page (no main-thread task over 50 ms, even for 1,000,000 holdings).
//
// Every expected total is computed here, independently of the widget, with
// exact integer arithmetic (support/embed_kit.mjs: BigInt at 10^28, one
// floor division per holding, summed in payout units).
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "./support/fixture.mjs";
import {
  cohortRow, cohortTotals, eventually, freshKey, openMounted, payout, prng, randomBalance, retype, scaled, textIs, unitsText,
} from "./support/embed_kit.mjs";
import { SPEC_TIERS } from "./support/widget.mjs";

const ctx = useBrowser();

// The configured assets ("before") …
const BEFORE = {
  BNB: { symbol: "BNB", apr: "0.05", min_amount: "0.5", max_cap: "1000", price: "600" },
  USDT: {
    symbol: "USDT",
    tiers: SPEC_TIERS,
    min_amount: "10",
    max_cap: null,
    price: "1",
  },
  SOL: { symbol: "SOL", apr: "0.0365", min_amount: "1", max_cap: null, price: "150.25" },
  // Paid with 2 decimals: small holdings round down to nothing.
  TINY: { symbol: "TINY", apr: "0.0365", min_amount: "0", max_cap: null, payout_decimals: 2, price: "0.5" },
};
// … and the same after the edits the tests make in the widget (see `edit`).
const AFTER = {
  BNB: { ...BEFORE.BNB, apr: "0.10", max_cap: "500" },
  USDT: {
    ...BEFORE.USDT,
    tiers: [
      { up_to: "500", apr: "0.12" },
      { up_to: "5000", apr: "0.016" },
      { up_to: null, apr: "0.003" },
    ],
  },
  SOL: { ...BEFORE.SOL, min_amount: "50" },
  TINY: BEFORE.TINY,
};
const SYMBOLS = Object.keys(BEFORE);

const config = () => ({
  assets: Object.values(BEFORE),
  mode: "demo",
  theme: "light",
  storage_key: freshKey("cohort"),
});

/** Puts `n` copies of the CSV `line` in the holdings box in one input event. */
function fillRepeated(w, line, n) {
  return w.getByTestId("cohort-input").evaluate((box, [line, n]) => {
    box.value = `${line}\n`.repeat(n);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, [line, n]);
}

/** Makes the edits that turn BEFORE into AFTER, in the widget's fields (APRs in percent). */
async function edit(w) {
  await retype(w, "apr-input-BNB", "10");
  await retype(w, "max-input-BNB", "500");
  await retype(w, "tier-apr-input-USDT-1", "1.6");
  await retype(w, "min-input-SOL", "50");
  await textIs(w.getByTestId("apr-BNB"), "10%");
  await textIs(w.getByTestId("max-BNB"), "500");
  await textIs(w.getByTestId("min-SOL"), "50");
}

/** What that row must show, from the independent totals. */
function expectedRow(sym, before, after) {
  const b = before[sym];
  const a = after[sym];
  return {
    holdings: String(b.holdings),
    before: unitsText(b.units, BEFORE[sym].payout_decimals ?? 8),
    after: unitsText(a.units, AFTER[sym].payout_decimals ?? 8),
    belowMinimum: `${b.below_minimum} → ${a.below_minimum}`,
    capped: `${b.capped} → ${a.capped}`,
  };
}

/**
 * Σ over symbols of (total payout × price), rounded to cents (an exact
 * half-cent tie, which the fixtures below avoid, would round up), as "123.45".
 */
function fiatTotal(assets, totals) {
  // value = Σ units × 10^(8 − pd) × price·10^28, over 10^(8 + 28).
  let v = 0n;
  for (const [sym, t] of Object.entries(totals)) {
    const pd = BigInt(assets[sym].payout_decimals ?? 8);
    v += t.units * 10n ** (8n - pd) * scaled(assets[sym].price);
  }
  const unit = 10n ** 34n; // 10^(36 − 2)
  let q = v / unit;
  const r2 = (v % unit) * 2n;
  assert.notEqual(r2, unit, "fixture must not be an exact tie");
  if (r2 > unit) q += 1n;
  return unitsText(q, 2);
}

test("a pasted cohort: per-symbol and total payouts before and after, counts, problems", async () => {
  // Holdings chosen to hit every rule: below the minimum (before and/or after),
  // exactly at the minimum, over the cap (1000 before, 500 after), inside each
  // tier, and dust that rounds down to 0 at 2 decimals.
  const holdings = [
    ["BNB", "1000"], ["BNB", "0.4"], ["BNB", "2500.5"], ["BNB", "600"], ["BNB", "0.5"], ["BNB", "499.99999999"],
    ["USDT", "10000"], ["USDT", "9.99"], ["USDT", "500"], ["USDT", "123456.789"], ["USDT", "5000.00000001"],
    ["SOL", "100"], ["SOL", "0.5"], ["SOL", "49.99999999"], ["SOL", "1000000"], ["SOL", "50"],
    ["TINY", "1"], ["TINY", "10000"], ["TINY", "99.9"],
  ];
  // The CSV as a person would paste it: a header, spaces, lower case, a blank
  // line, an unknown symbol and three unreadable lines.
  const lines = [
    "symbol,balance",
    ...holdings.slice(0, 3).map(([s, b]) => `${s},${b}`),
    " bnb , 600 ",
    ...holdings.slice(4, 10).map(([s, b]) => `${s},${b}`),
    "",
    "DOGE,5",
    "BNB,-3",
    ...holdings.slice(10).map(([s, b]) => `${s.toLowerCase()},${b}`),
    "BNB,abc",
    "not a holding",
  ];
  const csv = lines.join("\n");
  const lineOf = (text) => lines.indexOf(text) + 1;

  const before = cohortTotals(BEFORE, holdings);
  const after = cohortTotals(AFTER, holdings);
  // Spot checks of the independent calculator against hand derivations:
  // BNB 2500.5 before: capped at 1000 → 1000 × 0.05 ÷ 365 → 13698630 units (0.13698630).
  assert.equal(payout(BEFORE.BNB, "2500.5").units, 13698630n);
  // BNB 2500.5 after: capped at 500 → 500 × 0.10 ÷ 365 = 0.1369863013… → 13698630 units.
  assert.equal(payout(AFTER.BNB, "2500.5").units, 13698630n);
  // TINY 99.9 at 2 decimals: 99.9 × 0.0365 ÷ 365 = 0.00999 → 0 units (dust).
  assert.equal(payout(BEFORE.TINY, "99.9").units, 0n);

  const page = await openMounted(ctx, { ...config(), currency: "EUR" });
  const w = page.locator("#earn");
  await edit(w);
  await w.getByTestId("cohort-input").fill(csv);
  await w.getByTestId("cohort-run").click();
  const status = w.getByTestId("cohort-status");
  await textIs(status, /^Done: /);
  // 19 holdings; "BNB,-3", "BNB,abc" and "not a holding" unreadable; DOGE unknown.
  assert.match(await status.textContent(), /^Done: 19 holdings in \d+ ms, 3 unreadable lines, 1 holding of unknown symbols\.$/);

  for (const sym of SYMBOLS) {
    assert.deepEqual(await cohortRow(w, sym), expectedRow(sym, before, after), sym);
  }
  // Hand check of one row: SOL before (minimum 1): 0.5 below; 100, 49.99999999,
  // 1000000 and 50 earn. After (minimum 50): 0.5 and 49.99999999 below.
  assert.equal(before.SOL.below_minimum, 1);
  assert.equal(after.SOL.below_minimum, 2);

  // The totals row: all holdings, fiat value at the configured prices, counts summed.
  assert.equal(await w.getByTestId("cohort-results").locator("tfoot th").textContent(), "Total (in EUR, at configured prices)");
  const foot = (await w.getByTestId("cohort-results").locator("tfoot td").allTextContents()).map((t) => t.trim());
  const sum = (totals, key) => Object.values(totals).reduce((n, t) => n + t[key], 0);
  assert.deepEqual(foot, [
    "19",
    fiatTotal(BEFORE, before),
    fiatTotal(AFTER, after),
    `${sum(before, "below_minimum")} → ${sum(after, "below_minimum")}`,
    `${sum(before, "capped")} → ${sum(after, "capped")}`,
  ]);

  const problems = (await w.getByTestId("cohort-problems").locator("li").allTextContents()).join("\n");
  assert.match(problems, new RegExp(`line ${lineOf("DOGE,5")}: DOGE is not in the asset list`));
  assert.match(problems, new RegExp(`line ${lineOf("BNB,-3")}: balance must not be negative`));
  assert.match(problems, new RegExp(`line ${lineOf("BNB,abc")}: balance is not a number`));
  assert.match(problems, new RegExp(`line ${lineOf("not a holding")}: `));
  assert.equal(await w.getByTestId("cohort-progress").evaluate((p) => p.value === p.max), true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an uploaded CSV file of 20,000 random holdings matches the exact totals", async () => {
  const rand = prng(20261123);
  const ranges = { BNB: 3000, USDT: 20000, SOL: 200, TINY: 50000 };
  const holdings = [];
  for (let i = 0; i < 20000; i++) {
    const sym = SYMBOLS[Math.floor(rand() * SYMBOLS.length)];
    // One in ten near zero, to populate "below minimum".
    holdings.push([sym, randomBalance(rand, rand() < 0.1 ? 2 : ranges[sym])]);
  }
  const csv = `symbol,balance\n${holdings.map(([s, b]) => `${s},${b}`).join("\n")}\n`;
  const before = cohortTotals(BEFORE, holdings);
  const after = cohortTotals(AFTER, holdings);
  for (const sym of SYMBOLS) {
    assert.ok(before[sym].below_minimum + after[sym].below_minimum > 0 || sym === "TINY", `fixture covers ${sym} minimum`);
  }
  assert.ok(before.BNB.capped > 0 && after.BNB.capped > before.BNB.capped, "fixture covers both caps");

  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  await edit(w);
  await w.getByTestId("cohort-file").setInputFiles({ name: "holdings.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await textIs(w.locator(".ss-cohort-actions"), new RegExp(`holdings\\.csv \\(${Buffer.byteLength(csv).toLocaleString("en-US")} bytes\\)`));
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 20,000 holdings in [\d,]+ ms\.$/, undefined, 15000);
  for (const sym of SYMBOLS) {
    assert.deepEqual(await cohortRow(w, sym), expectedRow(sym, before, after), sym);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the holdings given last are computed: a file uploaded after typing, the box typed in after a file", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  const status = w.getByTestId("cohort-status");
  const box = w.getByTestId("cohort-input");
  // Typed first, then a file uploaded: the file is what counts.
  await box.fill("BNB,100");
  const uploaded = [["SOL", "50"], ["SOL", "7"]];
  const csv = `token,amount\n,\n${uploaded.map(([s, b]) => `${s},${b}`).join("\n")}\n`;
  await w.getByTestId("cohort-file").setInputFiles({ name: "sol.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await textIs(w.locator(".ss-cohort-actions"), /sol\.csv \([\d,]+ bytes\) will be used \(typing in the box uses the box instead\)/);
  await w.getByTestId("cohort-run").click();
  // The header of other words and the blank spreadsheet row are skipped.
  await textIs(status, /^Done: 2 holdings in [\d,]+ ms\.$/);
  const none = Object.fromEntries(SYMBOLS.map((s) => [s, { holdings: 0, units: 0n, below_minimum: 0, capped: 0 }]));
  // No edits: before = after = SOL as configured, 3.65 %, minimum 1:
  // 50 × 0.0365 ÷ 365 = 0.005 and 7 × 0.0365 ÷ 365 = 0.0007 a day.
  const before = { ...none, ...cohortTotals(BEFORE, uploaded) };
  assert.deepEqual(await cohortRow(w, "SOL"), expectedRow("SOL", before, before));
  // Symbols without holdings have no row.
  assert.equal(await w.getByTestId("cohort-total-before-BNB").count(), 0);
  // Typed in again: the box counts.
  await box.fill("BNB,100\nBNB,200");
  await textIs(w.locator(".ss-cohort-actions"), /sol\.csv \([\d,]+ bytes\) will be used when the box is empty/);
  await w.getByTestId("cohort-run").click();
  await textIs(status, /^Done: 2 holdings in [\d,]+ ms\.$/);
  assert.equal((await cohortRow(w, "BNB")).holdings, "2");
  assert.equal(await w.getByTestId("cohort-total-before-SOL").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a bad config in between: the uploaded file, which input counts and the totals come back with the next good config", async () => {
  const cfg = config();
  const page = await openMounted(ctx, cfg);
  const w = page.locator("#earn");
  const uploaded = [["SOL", "50"], ["SOL", "7"]];
  const csv = `symbol,balance\n${uploaded.map(([s, b]) => `${s},${b}`).join("\n")}\n`;
  await w.getByTestId("cohort-file").setInputFiles({ name: "sol.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const fileNote = /sol\.csv \([\d,]+ bytes\) will be used \(typing in the box uses the box instead\)/;
  await textIs(w.locator(".ss-cohort-actions"), fileNote);
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 2 holdings in [\d,]+ ms\.$/);
  // SOL as configured, 3.65 %, minimum 1: 50 × 0.0365 ÷ 365 = 0.005 and
  // 7 × 0.0365 ÷ 365 = 0.0007 a day.
  const none = Object.fromEntries(SYMBOLS.map((sym) => [sym, { holdings: 0, units: 0n, below_minimum: 0, capped: 0 }]));
  const totals = { ...none, ...cohortTotals(BEFORE, uploaded) };
  assert.deepEqual(await cohortRow(w, "SOL"), expectedRow("SOL", totals, totals));

  await page.evaluate(() => window.ssWidget.update({ mode: "demo", assets: "none" }));
  await textIs(w.getByTestId("config-error"), /assets/);
  await page.evaluate((c) => window.ssWidget.update(c), cfg);
  await textIs(w.locator(".ss-cohort-actions"), fileNote);
  await textIs(w.getByTestId("cohort-status"), /^Done: 2 holdings in [\d,]+ ms\.$/);
  assert.deepEqual(await cohortRow(w, "SOL"), expectedRow("SOL", totals, totals));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("1,000,000 holdings: no main-thread task over 50 ms, the progress bar fills, totals exact", async () => {
  const rand = prng(424242);
  const n = 1_000_000;
  const ranges = { BNB: 3000, USDT: 20000, SOL: 200, TINY: 50000 };
  const parts = ["symbol,balance"];
  let usdtAfter = 0n;
  let usdtCount = 0;
  let bnbBefore = 0n;
  let bnbAfter = 0n;
  for (let i = 0; i < n; i++) {
    const sym = SYMBOLS[Math.floor(rand() * SYMBOLS.length)];
    const balance = randomBalance(rand, rand() < 0.1 ? 2 : ranges[sym]);
    parts.push(`${sym},${balance}`);
    // Independent totals of two symbols (a flat capped one and the tiered one).
    if (sym === "USDT") {
      usdtAfter += payout(AFTER.USDT, balance).units;
      usdtCount += 1;
    } else if (sym === "BNB") {
      bnbBefore += payout(BEFORE.BNB, balance).units;
      bnbAfter += payout(AFTER.BNB, balance).units;
    }
  }
  const csv = Buffer.from(`${parts.join("\n")}\n`);

  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  await edit(w);
  await w.getByTestId("cohort-file").setInputFiles({ name: "million.csv", mimeType: "text/csv", buffer: csv });
  await textIs(w.locator(".ss-cohort-actions"), new RegExp(`million\\.csv \\(${csv.length.toLocaleString("en-US")} bytes\\)`), undefined, 20000);

  // Watch the main thread and the progress bar from now on.
  await page.evaluate(() => {
    window.ssLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.ssLongTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
    window.ssProgress = [];
    const bar = document.getElementById("earn").shadowRoot.querySelector('[data-testid="cohort-progress"]');
    new MutationObserver(() => window.ssProgress.push([bar.value, bar.max])).observe(bar, { attributes: true });
  });
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), new RegExp(`^Done: ${n.toLocaleString("en-US")} holdings in [\\d,]+ ms\\.$`), undefined, 60000);
  // Let the observer deliver the last entries.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

  const longTasks = await page.evaluate(() => window.ssLongTasks);
  assert.deepEqual(longTasks, [], "no task over 50 ms while the cohort was processed");
  const progress = await page.evaluate(() => window.ssProgress);
  const fractions = progress.map(([v, m]) => v / m);
  assert.ok(fractions.some((f) => f > 0 && f < 1), `the bar moved through intermediate values: ${JSON.stringify(progress.slice(0, 5))}`);
  for (let i = 1; i < fractions.length; i++) assert.ok(fractions[i] >= fractions[i - 1], "progress never goes back");
  assert.equal(await w.getByTestId("cohort-progress").evaluate((p) => p.value === p.max && p.value > 0), true, "the bar is full");

  const usdt = await cohortRow(w, "USDT");
  assert.equal(usdt.holdings, String(usdtCount));
  assert.equal(usdt.after, unitsText(usdtAfter));
  const bnb = await cohortRow(w, "BNB");
  assert.equal(bnb.before, unitsText(bnbBefore));
  assert.equal(bnb.after, unitsText(bnbAfter));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the totals follow the rates: an APR edit or update() recomputes them; edited holdings are flagged", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  await w.getByTestId("cohort-input").fill("BNB,1000");
  await w.getByTestId("cohort-run").click();
  // BNB 1000 at 5 % (cap 1000): 1000 × 0.05 ÷ 365 = 0.1369863013… → 0.13698630 both sides.
  await eventually(() => cohortRow(w, "BNB"), { holdings: "1", before: "0.13698630", after: "0.13698630", belowMinimum: "0 → 0", capped: "0 → 0" });

  // The APR goes to 20 % after the run: no new click, the after side follows:
  // 1000 × 0.20 ÷ 365 = 200 ÷ 365 = 0.5479452054… → 0.54794520. At once (by the
  // next frame) the old totals are marked as updating, not left looking final.
  const updating = await page.evaluate(() => {
    const root = document.getElementById("earn").shadowRoot;
    const apr = root.querySelector('[data-testid="apr-input-BNB"]');
    apr.value = "20";
    apr.dispatchEvent(new InputEvent("input", { bubbles: true }));
    return new Promise((done) => requestAnimationFrame(() => done({
      results: root.querySelector(".ss-cohort-results").classList.contains("is-updating"),
      status: root.querySelector('[data-testid="cohort-status"]').textContent.trim(),
    })));
  });
  assert.deepEqual(updating, { results: true, status: "Reading… 0%" });
  await eventually(() => cohortRow(w, "BNB"), { holdings: "1", before: "0.13698630", after: "0.54794520", belowMinimum: "0 → 0", capped: "0 → 0" });
  await textIs(w.getByTestId("cohort-status"), /^Done: 1 holding in \d+ ms\.$/);

  // A new config from the host is the new baseline (before = after), and
  // symbols it no longer has leave the table: BNB at 10 %, cap 1000:
  // 1000 × 0.10 ÷ 365 = 100 ÷ 365 = 0.2739726027… → 0.27397260.
  await page.evaluate(() => window.ssWidget.update({
    mode: "demo", assets: [{ symbol: "BNB", apr: "0.10", min_amount: "0.5", max_cap: "1000" }],
  }));
  await eventually(() => cohortRow(w, "BNB"), { holdings: "1", before: "0.27397260", after: "0.27397260", belowMinimum: "0 → 0", capped: "0 → 0" });
  assert.equal(await w.getByTestId("cohort-total-before-USDT").count(), 0);

  // Holdings edited after the run: the totals are kept but flagged until the next run.
  await w.getByTestId("cohort-input").fill("BNB,1000\nBNB,1000");
  await textIs(w.getByTestId("cohort-status"), /The holdings changed since: compute again to update the totals\.$/);
  assert.equal((await cohortRow(w, "BNB")).holdings, "1");
  await w.getByTestId("cohort-run").click();
  // Two holdings: 2 × 0.27397260 = 0.54794520.
  await eventually(() => cohortRow(w, "BNB"), { holdings: "2", before: "0.54794520", after: "0.54794520", belowMinimum: "0 → 0", capped: "0 → 0" });
  await textIs(w.getByTestId("cohort-status"), /^Done: 2 holdings in \d+ ms\.$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a rate edited while a large cohort runs: the totals are those of the new rate", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  // 400,000 holdings of BNB 1000, put in the box in one go.
  const n = 400_000;
  await fillRepeated(w, "BNB,1000", n);
  // The APR is edited from inside the page at the first progress report, so
  // the edit surely lands while the run is going (it takes several 12 ms slices).
  await page.evaluate(() => {
    const root = document.getElementById("earn").shadowRoot;
    const status = root.querySelector('[data-testid="cohort-status"]');
    const apr = root.querySelector('[data-testid="apr-input-BNB"]');
    const watch = new MutationObserver(() => {
      const text = status.textContent.trim();
      if (!/^Reading… \d+%$/.test(text)) return;
      watch.disconnect();
      apr.value = "20";
      apr.dispatchEvent(new InputEvent("input", { bubbles: true }));
      window.ssEditedWhile = text;
    });
    watch.observe(status, { childList: true, subtree: true, characterData: true });
  });
  await w.getByTestId("cohort-run").click();
  await eventually(() => page.evaluate(() => window.ssEditedWhile ?? null), /^Reading… \d+%$/);
  // Each holding: before 1000 × 0.05 ÷ 365 → 0.13698630, after 1000 × 0.20 ÷ 365 →
  // 0.54794520; × 400,000: 54794.52000000 before, 219178.08000000 after.
  await eventually(
    () => cohortRow(w, "BNB"),
    { holdings: String(n), before: "54794.52000000", after: "219178.08000000", belowMinimum: "0 → 0", capped: "0 → 0" },
    "totals under the new rate",
    20000,
  );
  await textIs(w.getByTestId("cohort-status"), new RegExp(`^Done: ${n.toLocaleString("en-US")} holdings in [\\d,]+ ms\\.$`));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("running again replaces the result; an empty cohort, or one with a header alone, says what to do", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /Paste or upload holdings first/);
  // A header and blank lines only: no holding in it, said so.
  await w.getByTestId("cohort-input").fill("symbol,balance\n\n");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), "No holdings found: give one symbol,balance line per holding, such as BNB,12.5.");
  // BNB 1000 at 5 % → 0.13698630 before and after (nothing edited).
  await w.getByTestId("cohort-input").fill("BNB,1000");
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 1 holding in/);
  assert.deepEqual(await cohortRow(w, "BNB"), { holdings: "1", before: "0.13698630", after: "0.13698630", belowMinimum: "0 → 0", capped: "0 → 0" });
  // Two holdings, 10 % now: after = 2 × 0.27397260 = 0.54794520.
  await retype(w, "apr-input-BNB", "10");
  await w.getByTestId("cohort-input").fill("BNB,1000\nBNB,1000");
  await w.getByTestId("cohort-run").click();
  await eventually(() => cohortRow(w, "BNB"), { holdings: "2", before: "0.27397260", after: "0.54794520", belowMinimum: "0 → 0", capped: "0 → 0" });
  assert.equal(await w.getByTestId("cohort-total-before-USDT").count(), 0, "symbols without holdings are not listed");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("hostile cohort lines are counted as unreadable with the reason, shown as text", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  const lines = [
    "symbol,balance",
    "BNB,1000",
    "BNB,NaN",
    "BNB,Infinity",
    "BNB,١٠٠",
    '<img src=x onerror="window.__xss=1">,5',
    "BNB,<script>window.__xss=2</script>",
    `BNB,${"9".repeat(40)}`,
    `BNB,0.${"1234567890".repeat(4)}`,
    "BNB,1e5",
    // Enormous but valid: over the cap, so it earns the cap: 1000 × 0.05 ÷ 365 → 0.13698630.
    `BNB,${"9".repeat(28)}`,
  ];
  // Windows line breaks too.
  await w.getByTestId("cohort-input").fill(lines.join("\r\n"));
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 2 holdings in \d+ ms, 8 unreadable lines\.$/);
  // Both holdings earn 0.13698630 (one capped): 0.27397260 before and after.
  assert.deepEqual(await cohortRow(w, "BNB"), { holdings: "2", before: "0.27397260", after: "0.27397260", belowMinimum: "0 → 0", capped: "1 → 1" });
  const problems = (await w.getByTestId("cohort-problems").locator("li").allTextContents()).map((t) => t.trim());
  // The first five problems, by line number (the header is line 1), then how
  // many are not listed: 8 unreadable − 5 = 3.
  assert.deepEqual(problems, [
    "line 3: balance must be a finite number",
    "line 4: balance must be a finite number",
    "line 5: balance must use the digits 0-9 only",
    "line 6: symbol must be 1 to 12 letters or digits",
    "line 7: balance is not a number (use digits and one '.')",
    "…and 3 more",
  ]);
  assert.deepEqual(
    await page.evaluate(() => ({ markup: document.getElementById("earn").shadowRoot.querySelectorAll("img, script").length, xss: window.__xss ?? null })),
    { markup: 0, xss: null },
  );
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an uploaded file with old Mac line ends: lines of the wrong shape say why, a total too large is named", async () => {
  const PEPE = { symbol: "PEPE", apr: "0.05", min_amount: "0", max_cap: null, payout_decimals: 18, price: "0.00001" };
  const page = await openMounted(ctx, { ...config(), assets: [BEFORE.BNB, PEPE] });
  const w = page.locator("#earn");
  // Line ends are a lone CR. 10^12 PEPE pays 10^12 × 0.05 ÷ 365 =
  // 136,986,301.369863013698630136… a day, 1.37 × 10^26 units of 10^-18; a
  // thousand such holdings make 1.37 × 10^29 units, more than a decimal holds
  // (7.9 × 10^28).
  const csv = ["symbol,balance", "BNB,1000", "BNB,1000,cold wallet", "BNB;1000", ...Array(1000).fill("PEPE,1000000000000")].join("\r");
  await w.getByTestId("cohort-file").setInputFiles({ name: "old-mac.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await textIs(w.locator(".ss-cohort-actions"), /old-mac\.csv/);
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 1,001 holdings in [\d,]+ ms, 2 unreadable lines\.$/);
  // 1000 × 0.05 ÷ 365 → 0.13698630 for the one BNB line that is a holding.
  assert.deepEqual(await cohortRow(w, "BNB"), { holdings: "1", before: "0.13698630", after: "0.13698630", belowMinimum: "0 → 0", capped: "0 → 0" });
  assert.deepEqual(
    (await w.getByTestId("cohort-problems").locator("li").allTextContents()).map((t) => t.trim()),
    [
      "line 3: expected 2 columns (symbol,balance), found 3 (write a balance plainly, such as 1234.5: no thousands separators, '.' before decimals)",
      "line 4: expected symbol,balance: separate the two with a comma",
    ],
  );
  const pepe = await cohortRow(w, "PEPE");
  assert.deepEqual([pepe.holdings, pepe.before, pepe.after], ["1000", "—", "—"]);
  await textIs(w.getByTestId("cohort-too-large"), /: PEPE\.$/);
  // A fiat total without PEPE's part would look complete but is not: none is shown.
  await textIs(w.getByTestId("cohort-fiat-before"), "—");
  await textIs(w.getByTestId("cohort-fiat-after"), "—");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a long run keeps the keyboard on Compute impact, which is marked unavailable meanwhile; counts are grouped", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  // 300,000 holdings of BNB 1000: several 12 ms slices (a disabled button
  // would drop the focus to the page's body during them).
  const n = 300_000;
  await fillRepeated(w, "BNB,1000", n);
  await page.evaluate(() => {
    const root = document.getElementById("earn").shadowRoot;
    const button = root.querySelector('[data-testid="cohort-run"]');
    window.ssRunButton = [];
    new MutationObserver(() => {
      const unavailable = button.getAttribute("aria-disabled");
      window.ssRunButton.push([unavailable, root.activeElement === button]);
      // Pressed again while it runs: this observer runs before the run's
      // first yield to the browser, so the run is surely still going (a key
      // press sent from the test process could land after a fast run).
      if (unavailable === "true" && !window.ssPressedAgain) {
        window.ssPressedAgain = true;
        button.click();
      }
    }).observe(button, { attributes: true, attributeFilter: ["aria-disabled"] });
    const bar = root.querySelector('[data-testid="cohort-progress"]');
    window.ssProgress = [];
    new MutationObserver(() => window.ssProgress.push(Number(bar.value))).observe(bar, { attributes: true, attributeFilter: ["value"] });
  });
  await w.getByTestId("cohort-run").focus();
  await page.keyboard.press("Enter");
  await textIs(w.getByTestId("cohort-status"), /^Done: 300,000 holdings in \d+ ms\.$/, undefined, 30000);
  // [aria-disabled, focused] at each change: unavailable while running, available after, focused throughout;
  // the press during the run started nothing.
  assert.equal(await page.evaluate(() => window.ssPressedAgain), true);
  assert.deepEqual(await page.evaluate(() => window.ssRunButton), [["true", true], ["false", true]]);
  assert.equal(await w.getByTestId("cohort-run").evaluate((b) => b.getRootNode().activeElement === b), true);
  // Bytes read, rising through one run (then 1 of 1 when done): never restarted.
  const progress = (await page.evaluate(() => window.ssProgress)).slice(0, -1);
  assert.ok(progress.length > 1 && progress.every((v, i) => i === 0 || v > progress[i - 1]), `one run: ${progress}`);
  // 300,000 × 0.13698630 = 41095.89000000; the holdings shown grouped (1000 is within the 1000 cap).
  const cells = await w.getByTestId("cohort-results").locator("tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(cells.map((c) => c.trim()), ["300000", "41095.89000000", "41095.89000000", "0 → 0", "0 → 0"]);
  assert.equal(await w.getByTestId("cohort-results").locator("tbody td").first().locator(".g").count(), 1, "300|,000: one CSS-drawn group");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("counts below the minimum and over the cap are shown in digit groups", async () => {
  const page = await openMounted(ctx, config());
  const w = page.locator("#earn");
  // 1,500 holdings of 0.1 BNB (below the 0.5 minimum), 2,500 of 5000 BNB (over the 1,000 cap).
  await w.getByTestId("cohort-input").evaluate((box) => {
    box.value = "BNB,0.1\n".repeat(1500) + "BNB,5000\n".repeat(2500);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await w.getByTestId("cohort-run").click();
  await textIs(w.getByTestId("cohort-status"), /^Done: 4,000 holdings in \d+ ms\.$/);
  // Each capped holding earns 1000 × 0.05 ÷ 365 → 0.13698630; × 2,500 = 342.46575000.
  assert.deepEqual(await cohortRow(w, "BNB"), { holdings: "4000", before: "342.46575000", after: "342.46575000", belowMinimum: "1500 → 1500", capped: "2500 → 2500" });
  // On screen "1,500 → 1,500": each count has one CSS-drawn group.
  const cells = w.getByTestId("cohort-results").locator("tbody tr").first().locator("td");
  assert.equal(await cells.nth(3).locator(".g").count(), 2, "below the minimum");
  assert.equal(await cells.nth(4).locator(".g").count(), 2, "over the cap");
  assert.deepEqual(page.errors, []);
  await page.close();
});
