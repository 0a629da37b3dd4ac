// The benchmark of what the widget costs a host page, on the real release
// build in headless Chromium (run by `.ci/bench` after `trunk build --release`):
//   bundle     bytes of every file a host page downloads, raw and gzip -9: a
//              visitor's page (the budget) and a demo-mode page
//   start      navigation → first rendered estimate (a balance typed as soon as
//              its field shows), median of several loads, on loopback and with
//              every request 100 ms away (mount() and the declarative tag)
//   keystroke  keydown → estimate DOM update, median and p95, 10 and 200 assets
//              (and 200 in demo mode, where every estimate shows before → after)
//   cohort     rows/s of the demo-mode cohort over 1,000,000 rows, and the same
//              computation in a decimal.js peer in the same browser, same run
// Prints a Markdown table. Not part of the test suite's pass/fail.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import os from "node:os";

import { launch } from "../e2e/support/browser.mjs";
import { DIST, startServer } from "../e2e/support/server.mjs";

const BUDGET_GZIP = 110 * 1024;
const KEYSTROKE_P95_BUDGET_MS = 4;
const LOADS = 7;
const KEYS = 150;
const COHORT_ROWS = 1_000_000;

// The built-in sample list (src/config/samples.rs), for the peer.
const SAMPLES = [
  ["BNB", "0.0015", "0.5", "1000"],
  ["SOL", "0.0525", "1", "10000"],
  ["ADA", "0.022", "150", "500000"],
  ["SUI", "0.024", "100", "50000"],
  ["TON", "0.031", "100", "100000"],
  ["NEAR", "0.045", "100", "100000"],
  ["POL", "0.038", "500", "1000000"],
  ["ALGO", "0.041", "1000", "1000000"],
  ["S", "0.052", "200", "500000"],
  ["AXS", "0.065", "100", "50000"],
].map(([symbol, apr, min_amount, max_cap]) => ({ symbol, apr, min_amount, max_cap }));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;

async function bundle(files) {
  const rows = [];
  for (const f of files) {
    const body = await readFile(join(DIST, f));
    rows.push({ file: f, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return { rows, total };
}

// The start pages, user mode: a host module calling mount(), and the
// declarative tag with data-config-url (no script of the host's own); each
// types a balance for A0 as soon as its field shows.
const MOUNT_PAGE = "/bench/bench.html?assets=10&first-estimate";
const TAG_PAGE = "/bench/declarative.html";
const RTT_MS = 100;
// A slow mobile connection: where the bundle's bytes, not round trips, decide.
const SLOW_BYTES_PER_S = 2_000_000 / 8;

/**
 * Navigation → first rendered estimate on `path`, over LOADS fresh loads;
 * `latency` (ms) is added to every request's round trip through Chromium's
 * network emulation, as on a distant connection, and `throughput` (bytes/s,
 * -1 for none) caps the download speed.
 */
async function start(browser, url, path, latency = 0, throughput = -1) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    if (latency > 0) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency, downloadThroughput: throughput, uploadThroughput: -1 });
    }
    await page.goto(`${url}${path}`);
    await page.waitForFunction(() => window.bench?.firstEstimate !== null, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => window.bench.firstEstimate));
    await page.close();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

async function keystrokes(browser, url, assets, mode = "user") {
  const page = await browser.newPage();
  await page.goto(`${url}/bench/bench.html?assets=${assets}&mode=${mode}`);
  await page.waitForFunction(() => window.bench?.ready === true, null, { timeout: 30_000 });
  const input = page.getByTestId("balance-input-A0");
  await input.focus();
  const keys = "1234567890";
  for (let i = 0; i < KEYS; i++) {
    const before = await page.evaluate(() => window.bench.keystrokes.length);
    // Alternate typing and deleting so every key changes the estimate.
    const key = i % 12 < 6 ? keys[i % 10] : "Backspace";
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.bench.keystrokes.length > n, before, { timeout: 5_000 }).catch(() => {});
  }
  const samples = await page.evaluate(() => window.bench.keystrokes);
  await page.close();
  return { n: samples.length, median: median(samples), p95: p95(samples) };
}

function cohortCsv() {
  const lines = ["symbol,balance"];
  for (let i = 0; i < COHORT_ROWS; i++) {
    const s = SAMPLES[i % SAMPLES.length].symbol;
    // Balances from 0 to 10,000 with 0–4 decimals, deterministic.
    const v = (i * 7919) % 100_000_007;
    lines.push(`${s},${Math.floor(v / 10_000)}.${String(v % 10_000).padStart(4, "0").slice(0, i % 5)}`.replace(/\.$/, ""));
  }
  return lines.join("\n");
}

async function cohort(browser, url) {
  const csv = cohortCsv();
  // Widget: the demo widget of the demo page, BNB APR edited to 10 %.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/`);
  const demo = page.locator("#earn-demo");
  await demo.getByTestId("apr-input-BNB").fill("10");
  await demo.getByTestId("cohort-file").setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await demo.getByText("cohort.csv (").waitFor();
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: "longtask" });
  });
  const t0 = Date.now();
  await demo.getByTestId("cohort-run").click();
  await demo.getByTestId("cohort-status").filter({ hasText: "Done" }).waitFor({ timeout: 300_000 });
  const wallMs = Date.now() - t0;
  const status = await demo.getByTestId("cohort-status").textContent();
  const innerMs = Number(/in (\d+) ms/.exec(status)?.[1] ?? wallMs);
  const wasmTotals = {};
  for (const { symbol } of SAMPLES) {
    wasmTotals[symbol] = {
      before: (await demo.getByTestId(`cohort-total-before-${symbol}`).textContent()).trim(),
      after: (await demo.getByTestId(`cohort-total-after-${symbol}`).textContent()).trim(),
    };
  }
  const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  await page.close();

  // Peer: decimal.js, same rows, same before/after lists, same browser.
  const peerPage = await browser.newPage();
  await peerPage.goto(`${url}/bench/peer.html`);
  await peerPage.waitForFunction(() => window.peerReady === true);
  const after = SAMPLES.map((a) => (a.symbol === "BNB" ? { ...a, apr: "0.1" } : a));
  const peer = await peerPage.evaluate(([c, b, a]) => window.runPeer(c, b, a), [csv, SAMPLES, after]);
  await peerPage.close();

  const mismatches = SAMPLES.filter(
    ({ symbol }) => wasmTotals[symbol].before !== peer.totals[symbol]?.before || wasmTotals[symbol].after !== peer.totals[symbol]?.after,
  ).map((a) => a.symbol);
  return {
    wasm: { ms: innerMs, wallMs, rowsPerSecond: (COHORT_ROWS / innerMs) * 1000, longestTask: longest },
    peer: { ms: peer.ms, rowsPerSecond: (peer.rows / peer.ms) * 1000 },
    identical: mismatches.length === 0,
    mismatches,
    sample: { symbol: "BNB", ...wasmTotals.BNB },
  };
}

// Compressed, as a host's web server sends it.
const server = await startServer({ gzip: true });
const browser = await launch();
try {
  const b = await bundle(["embed.js", "soft-staking.js", "soft-staking_bg.wasm"]);
  const demoBuild = await bundle(["soft-staking-demo.js", "soft-staking-demo_bg.wasm"]);
  const s = await start(browser, server.url, MOUNT_PAGE);
  const sFar = await start(browser, server.url, MOUNT_PAGE, RTT_MS);
  const sTagFar = await start(browser, server.url, TAG_PAGE, RTT_MS);
  const sSlow = await start(browser, server.url, MOUNT_PAGE, RTT_MS, SLOW_BYTES_PER_S);
  const k10 = await keystrokes(browser, server.url, 10);
  const k200 = await keystrokes(browser, server.url, 200);
  const k200demo = await keystrokes(browser, server.url, 200, "demo");
  const c = await cohort(browser, server.url);
  const chromium = browser.version();
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";

  const out = [];
  out.push(`Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Chromium ${chromium} headless; ${new Date().toISOString().slice(0, 10)}`);
  out.push("");
  out.push("| bundle file | raw | gzip -9 |");
  out.push("| --- | ---: | ---: |");
  for (const r of b.rows) out.push(`| ${r.file} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  out.push(`| (CSS: inside the wasm, adopted stylesheet) | — | — |`);
  out.push(`| **total, a visitor's page** | ${kb(b.total.raw)} | **${kb(b.total.gzip)}** (budget ${kb(BUDGET_GZIP)}: ${b.total.gzip <= BUDGET_GZIP ? "met" : "NOT met"}) |`);
  for (const r of demoBuild.rows) out.push(`| ${r.file} (demo build) | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  const demoPage = { raw: b.rows[0].raw + demoBuild.total.raw, gzip: b.rows[0].gzip + demoBuild.total.gzip };
  out.push(`| total, a page that mounts only demo mode (embed.js + demo build) | ${kb(demoPage.raw)} | ${kb(demoPage.gzip)} |`);
  out.push("");
  out.push("| measure | result |");
  out.push("| --- | ---: |");
  out.push(`| start, user mode: navigation → first rendered estimate (median of ${LOADS} loads) | ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}) |`);
  out.push(`| the same, every request ${RTT_MS} ms away (Chromium network emulation) | ${ms(sFar.median)} (min ${ms(sFar.min)}, max ${ms(sFar.max)}) |`);
  out.push(`| the same, declarative tag with data-config-url, ${RTT_MS} ms away | ${ms(sTagFar.median)} (min ${ms(sTagFar.min)}, max ${ms(sTagFar.max)}) |`);
  out.push(`| the same, mount(), ${RTT_MS} ms away at ${(SLOW_BYTES_PER_S * 8) / 1e6} Mbit/s (a slow mobile connection, gzip) | ${ms(sSlow.median)} (min ${ms(sSlow.min)}, max ${ms(sSlow.max)}) |`);
  out.push(`| keystroke → estimate update, 10 assets (${k10.n} keys) | median ${ms(k10.median)}, p95 ${ms(k10.p95)} |`);
  out.push(`| keystroke → estimate update, 200 assets (${k200.n} keys) | median ${ms(k200.median)}, p95 ${ms(k200.p95)} (budget p95 ≤ ${KEYSTROKE_P95_BUDGET_MS} ms: ${k200.p95 <= KEYSTROKE_P95_BUDGET_MS ? "met" : "NOT met"}) |`);
  out.push(`| keystroke → estimate update, 200 assets, demo mode (${k200demo.n} keys) | median ${ms(k200demo.median)}, p95 ${ms(k200demo.p95)} |`);
  out.push(`| cohort, 1,000,000 rows, widget (wasm, sliced) | ${Math.round(c.wasm.rowsPerSecond).toLocaleString("en-US")} rows/s (${c.wasm.ms} ms; longest task ${Math.round(c.wasm.longestTask)} ms) |`);
  out.push(`| cohort, 1,000,000 rows, decimal.js peer (one blocking loop) | ${Math.round(c.peer.rowsPerSecond).toLocaleString("en-US")} rows/s (${Math.round(c.peer.ms)} ms) |`);
  out.push(`| cohort speed-up over the peer | **${(c.wasm.rowsPerSecond / c.peer.rowsPerSecond).toFixed(1)}×** (goal ≥ 10×); totals ${c.identical ? "identical" : `DIFFER for ${c.mismatches.join(", ")}`} (e.g. BNB ${c.sample.before} → ${c.sample.after}) |`);
  console.log(out.join("\n"));
} finally {
  await browser.close();
  await server.close();
}
