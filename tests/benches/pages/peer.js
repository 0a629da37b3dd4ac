// The benchmark's JavaScript peer: the cohort computation as a web team
// would write it with decimal.js. Same rule as the engine: per holding,
// average = balance, status against min/cap, payout = floor(E × apr ÷ 365)
// to the payout decimals, summed per symbol, before and after.
import Decimal from "/node_modules/decimal.js/decimal.mjs";

Decimal.set({ precision: 60, rounding: Decimal.ROUND_DOWN });

function payout(balance, asset) {
  if (balance.lt(asset.min)) return { units: new Decimal(0), below: true, capped: false };
  const capped = asset.cap !== null && balance.gt(asset.cap);
  const eligible = capped ? asset.cap : balance;
  const raw = eligible.mul(asset.apr).div(365);
  return { units: raw.toDecimalPlaces(asset.pd, Decimal.ROUND_DOWN), below: false, capped };
}

function prepare(a) {
  return {
    min: new Decimal(a.min_amount ?? "0"),
    cap: a.max_cap == null ? null : new Decimal(a.max_cap),
    apr: new Decimal(a.apr),
    pd: a.payout_decimals ?? 8,
  };
}

/** Runs the cohort over `csv` with `before`/`after` asset lists; returns totals and ms. */
window.runPeer = (csv, before, after) => {
  const t0 = performance.now();
  const b = new Map(before.map((a) => [a.symbol, prepare(a)]));
  const a = new Map(after.map((x) => [x.symbol, prepare(x)]));
  const totals = new Map();
  let rows = 0;
  for (const line of csv.split("\n")) {
    const comma = line.indexOf(",");
    if (comma < 0) continue;
    const sym = line.slice(0, comma).trim().toUpperCase();
    const text = line.slice(comma + 1).trim();
    if (sym === "SYMBOL" || !b.has(sym)) continue;
    const balance = new Decimal(text);
    let t = totals.get(sym);
    if (!t) totals.set(sym, (t = { before: new Decimal(0), after: new Decimal(0) }));
    t.before = t.before.add(payout(balance, b.get(sym)).units);
    t.after = t.after.add(payout(balance, a.get(sym)).units);
    rows++;
  }
  const ms = performance.now() - t0;
  const out = {};
  for (const [sym, t] of totals) {
    const pd = b.get(sym).pd;
    out[sym] = { before: t.before.toFixed(pd), after: t.after.toFixed(a.get(sym).pd) };
  }
  return { rows, ms, totals: out };
};
window.peerReady = true;
