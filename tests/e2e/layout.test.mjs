// Responsive layout down to a 360 px wide phone, the desktop table, light and
// dark themes, and the two README screenshots (www/screenshots/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import { openPage, useBrowser } from "./support/fixture.mjs";
import { ROOT } from "./support/server.mjs";
import {
  BNB, ONEP, TINY, USDT, XAPR,
  expectText, expectValue, openWidget, row, typeBalance, userConfig, widgetPath,
} from "./support/widget.mjs";

const ctx = useBrowser();
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const SCREENSHOTS = join(ROOT, "www/screenshots");

/**
 * Horizontal fit of the page and of every widget on it: the page does not
 * scroll sideways, each widget's box lies inside the viewport, nothing inside
 * the widget overflows its box (scrollWidth) or sticks out of it.
 */
function measureFit(page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement;
    const viewport = doc.clientWidth;
    const widgets = [...document.querySelectorAll("[data-soft-staking]")].map((host) => {
      const root = host.shadowRoot.querySelector(".ss-root");
      const box = root.getBoundingClientRect();
      const outside = [];
      for (const el of root.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest(".ss-sr-only, dialog:not([open])")) continue;
        // Inside a box that scrolls sideways on purpose (the cohort table): the box itself is checked.
        if (el.parentElement?.closest(".ss-cohort-results")) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
          outside.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} [${r.left}, ${r.right}]`);
        }
      }
      return {
        left: box.left, right: box.right,
        scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
        outside: outside.slice(0, 5),
      };
    });
    return { scrollWidth: doc.scrollWidth, clientWidth: viewport, widgets };
  });
}

async function assertFits(page, when) {
  const fit = await measureFit(page);
  assert.equal(fit.clientWidth, PHONE.width, when);
  assert.ok(fit.scrollWidth <= fit.clientWidth, `${when}: page scrolls sideways (${fit.scrollWidth} > ${fit.clientWidth})`);
  assert.ok(fit.widgets.length > 0);
  for (const w of fit.widgets) {
    assert.ok(w.left >= 0 && w.right <= fit.clientWidth, `${when}: widget box [${w.left}, ${w.right}]`);
    assert.ok(w.scrollWidth <= w.clientWidth, `${when}: widget content overflows (${w.scrollWidth} > ${w.clientWidth})`);
    assert.deepEqual(w.outside, [], `${when}: elements outside the widget box`);
  }
}

test("360 px phone: no horizontal scrolling and the widget fits, with details, errors and the dialog open", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT, ONEP, TINY]), { viewport: PHONE });
  await assertFits(page, "initial");
  // The table is laid out as cards: the column header row is not shown.
  assert.ok((await page.locator("thead").boundingBox()).height <= 1, "header row hidden");

  // Long numbers, an open row with its plot and a balance change, the custom horizon.
  await row(page, "USDT").input.fill("123,456,789.123456789012");
  // 123456789.123456789012 is in the 0.3% tier above 5,000:
  // (60 + 36 + (123456789.123456789012 − 5000) × 0.003) ÷ 365
  // = (96 + 123451789.123456789012 × 0.003) ÷ 365 = (96 + 370355.367370370367036) ÷ 365
  // = 370451.367370370367036 ÷ 365 = 1014 + 341.367370370367036 ÷ 365
  // = 1014.935253069… → 1014.93525306
  await expectText(row(page, "USDT").daily, "1014.93525306");
  await row(page, "BNB").input.fill("1000");
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  await page.getByTestId("plot-BNB").waitFor();
  await page.getByTestId("horizon-select").selectOption("custom");
  await page.getByTestId("horizon-custom").fill("3650");
  await page.getByTestId("compound-toggle").check();
  await assertFits(page, "details open");
  // The plot scales down to the card.
  const plot = await page.getByTestId("plot-BNB").locator("svg").boundingBox();
  assert.ok(plot.x >= 0 && plot.x + plot.width <= PHONE.width, `plot [${plot.x}, ${plot.x + plot.width}]`);
  // It is drawn at its own width, not shrunk: one unit is one pixel, so its
  // 12 px labels are 12 px on the phone, and each lies inside the plot.
  await expectValue(
    () => page.getByTestId("plot-BNB").locator("svg").evaluate((svg) => svg.viewBox.baseVal.width === svg.getBoundingClientRect().width),
    true,
  );
  for (const label of await page.getByTestId("plot-BNB").locator(".ss-axis-label").all()) {
    const b = await label.boundingBox();
    assert.ok(b.height >= 12, `label height ${b.height}`);
    assert.ok(b.x >= plot.x && b.x + b.width <= plot.x + plot.width, `label [${b.x}, ${b.x + b.width}] in [${plot.x}, ${plot.x + plot.width}]`);
  }

  // Inline errors wrap inside the card.
  await row(page, "BNB").input.fill("1.2.3");
  await page.getByTestId("horizon-custom").fill("99999");
  await page.getByTestId("change-time-BNB-0").fill("25:61");
  await page.getByTestId("error-BNB").waitFor();
  await page.getByTestId("horizon-error").waitFor();
  await assertFits(page, "errors shown");

  // The terms dialog fits the phone screen.
  await page.getByTestId("activate-button").click();
  await expectValue(() => page.getByTestId("terms-dialog").evaluate((d) => d.open), true);
  const dialog = await page.getByTestId("terms-dialog").boundingBox();
  assert.ok(dialog.x >= 0 && dialog.x + dialog.width <= PHONE.width, `dialog [${dialog.x}, ${dialog.x + dialog.width}]`);
  assert.ok(dialog.y >= 0 && dialog.y + dialog.height <= PHONE.height, `dialog [${dialog.y}, ${dialog.y + dialog.height}]`);
  for (const id of ["terms-checkbox", "terms-cancel", "start-earning"]) {
    const b = await page.getByTestId(id).boundingBox();
    assert.ok(b.x >= dialog.x && b.x + b.width <= dialog.x + dialog.width, `${id} inside the dialog`);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("360 px phone: the demo page with all ten sample assets fits", async () => {
  const page = await openPage(ctx, "/", { viewport: PHONE });
  const widget = page.locator("#earn");
  await widget.getByTestId("asset-row-ALGO").waitFor();
  await assertFits(page, "demo page");
  await widget.getByTestId("balance-input-POL").fill("1,000,000,000.00000001");
  await widget.getByTestId("details-toggle-POL").click();
  await widget.getByTestId("plot-POL").waitFor();
  await assertFits(page, "demo page, POL open");
  // The demo widget with an edited APR (before → after) and cohort results:
  // the six-column table scrolls in its own box, the page does not.
  const demo = page.locator("#earn-demo");
  await demo.getByTestId("balance-input-BNB").fill("1000");
  await demo.getByTestId("apr-input-BNB").fill("0.3");
  await demo.getByTestId("cohort-input").fill("BNB,1000\nSOL,25000\nADA,100000");
  await demo.getByTestId("cohort-run").click();
  await demo.getByTestId("cohort-total-after-ADA").waitFor();
  await assertFits(page, "demo page, cohort results");
  const table = await demo.locator(".ss-cohort-results").evaluate((box) => ({ scrolls: box.scrollWidth > box.clientWidth, nowrap: getComputedStyle(box.querySelector("td")).whiteSpace }));
  assert.deepEqual(table, { scrolls: true, nowrap: "nowrap" }, "numbers are never broken; the table scrolls");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("360 px phone: a long number wraps between digit groups, never inside one; a short one that fits stays whole", async () => {
  const page = await openWidget(ctx, userConfig([USDT]), { viewport: PHONE });
  // 10^20 − 10^-8 through the spec's tiers: 0.3 % above 5,000, ~8.2 × 10^14 a day.
  await typeBalance(page, "USDT", "99999999999999999999.99999999");
  await page.getByTestId("daily-reward-USDT").waitFor();
  await expectValue(() => page.getByTestId("status-USDT").textContent(), "Fully eligible");
  const boxes = await page.getByTestId("asset-row-USDT").evaluate((row) => {
    const lines = (el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
    // The lines a group's digits take (its separator may end the line before).
    const digitLines = (g) => {
      const range = document.createRange();
      range.selectNodeContents([...g.childNodes].find((n) => n.nodeType === Node.TEXT_NODE));
      return lines(range);
    };
    return {
      // The cumulative total (24 integer digits and 8 decimals) takes several lines…
      totalLines: lines(row.querySelector("[data-testid=cumulative-reward-USDT] .ss-n")),
      // …but each digit group sits on one line, its separator before the break.
      splitGroups: [...row.querySelectorAll(".ss-n .g")].filter((g) => digitLines(g) > 1).length,
      // "5,000" in the tier list is short and fits: it is not broken.
      shortSplit: [...row.querySelectorAll(".ss-tiers .ss-n")].filter((n) => lines(n) > 1).length,
    };
  });
  assert.ok(boxes.totalLines > 1, `the total wraps: ${boxes.totalLines} line(s)`);
  assert.deepEqual({ splitGroups: boxes.splitGroups, shortSplit: boxes.shortSplit }, { splitGroups: 0, shortSplit: 0 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("desktop: the assets table shows its eight columns side by side", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]), { viewport: DESKTOP });
  const headers = page.locator("thead th");
  assert.deepEqual(await headers.allTextContents(), [
    "Token", "Minimum", "Maximum", "Est. APR", "Your balance", "Est. daily reward", "Cumulative (30 d)", "Status",
  ]);
  const tops = new Set();
  let lastX = -1;
  for (const h of await headers.all()) {
    const b = await h.boundingBox();
    tops.add(Math.round(b.y));
    assert.ok(b.x > lastX, "left to right");
    lastX = b.x;
  }
  assert.equal(tops.size, 1, "one header row");
  // A row's cells share one line too.
  const cells = page.getByTestId("asset-row-BNB").locator("> th, > td");
  assert.equal(await cells.count(), 8);
  const cellTops = new Set();
  for (const c of await cells.all()) cellTops.add(Math.round((await c.boundingBox()).y));
  assert.equal(cellTops.size, 1);
  const fit = await measureFit(page);
  assert.ok(fit.scrollWidth <= fit.clientWidth);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test(
  "desktop: the cumulative cell keeps the unit and the compounding hint apart when no fiat line sits between them",
  async () => {
    const page = await openWidget(ctx, userConfig([BNB, XAPR]), { viewport: DESKTOP });
    try {
      // No estimate yet: "— BNB", then the hint.
      const text = (sym) => page.getByTestId(`asset-row-${sym}`).locator(".c-cumulative").evaluate((el) => el.innerText);
      assert.match(await text("BNB"), /BNB\s+not compounding/);
      // An estimate without a price (no fiat line): 30 × 0.33823777 = 10.14713310
      // (1000 × 0.123456789 ÷ 365 = 0.338237778… → 0.33823777 a day).
      await row(page, "XAPR").input.fill("1000");
      await expectText(row(page, "XAPR").cumulative, "10.14713310");
      assert.match(await text("XAPR"), /XAPR\s+not compounding/);
    } finally {
      await page.close();
    }
  },
);

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test("light and dark themes (and auto following the system preference)", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { theme: "light" }));
  const colours = async () => {
    await page.getByTestId("asset-row-BNB").waitFor();
    return page.locator(".ss-root").evaluate((el) => {
      const s = getComputedStyle(el);
      const input = getComputedStyle(el.querySelector("input"));
      return { bg: s.backgroundColor, fg: s.color, inputBg: input.backgroundColor };
    });
  };
  const light = await colours();
  await page.goto(ctx.server.url + widgetPath(userConfig([BNB], { theme: "dark" })));
  const dark = await colours();
  assert.notEqual(dark.bg, light.bg);
  assert.notEqual(dark.fg, light.fg);
  assert.ok(luminance(light.bg) > 0.8 && luminance(light.fg) < 0.1, `light: ${JSON.stringify(light)}`);
  assert.ok(luminance(dark.bg) < 0.05 && luminance(dark.fg) > 0.7, `dark: ${JSON.stringify(dark)}`);
  assert.ok(luminance(dark.inputBg) < 0.05, "inputs follow the theme");

  // "auto" follows prefers-color-scheme.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(ctx.server.url + widgetPath(userConfig([BNB], { theme: "auto" })));
  assert.deepEqual(await colours(), dark);
  await page.emulateMedia({ colorScheme: "light" });
  assert.deepEqual(await colours(), light);
  // "light" stays light on a dark system.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(ctx.server.url + widgetPath(userConfig([BNB], { theme: "light" })));
  assert.deepEqual(await colours(), light);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Width and height of a PNG file, from its IHDR chunk. */
async function pngSize(path) {
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(1, 4).toString("latin1"), "PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("screenshots for the README: desktop (1280 px) and phone (360 px) from the demo page", async () => {
  await mkdir(SCREENSHOTS, { recursive: true });

  // Desktop: two balances typed, BNB's details (intraday editor and plot) open.
  const page = await openPage(ctx, "/", { viewport: DESKTOP });
  const widget = page.locator("#earn");
  await widget.getByTestId("balance-input-BNB").pressSequentially("1200");
  await widget.getByTestId("balance-input-SOL").pressSequentially("25");
  // BNB sample APR 0.15%, cap 1000: 1000 × 0.0015 ÷ 365 = 0.0041095890… → 0.00410958
  await expectText(widget.getByTestId("daily-reward-BNB"), "0.00410958");
  await widget.getByTestId("details-toggle-BNB").click();
  await widget.getByTestId("add-change-BNB").click();
  await widget.getByTestId("change-time-BNB-0").fill("16:00");
  await widget.getByTestId("change-balance-BNB-0").fill("400");
  await widget.getByTestId("plot-BNB").waitFor();
  const box = await widget.boundingBox();
  const top = Math.max(0, Math.floor(box.y) - 24);
  const desktop = join(SCREENSHOTS, "desktop.png");
  await page.screenshot({
    path: desktop,
    fullPage: true,
    clip: { x: 0, y: top, width: DESKTOP.width, height: Math.ceil(box.y + box.height) + 24 - top },
  });
  assert.equal((await pngSize(desktop)).width, DESKTOP.width);

  // Phone: the same page at 360 px, a balance typed, the first card in view.
  await page.setViewportSize(PHONE);
  await widget.getByTestId("details-toggle-BNB").click();
  await widget.locator(".ss-root").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.evaluate(() => window.scrollBy(0, -16));
  await assertFits(page, "screenshot page");
  const phone = join(SCREENSHOTS, "phone.png");
  await page.screenshot({ path: phone });
  assert.deepEqual(await pngSize(phone), PHONE);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("rows far below the fold are laid out: their rendered text is readable without scrolling", async () => {
  // 60 assets of 3.65 %: 100 tokens earn 100 × 0.0365 ÷ 365 = 0.01 a day.
  const assets = Array.from({ length: 60 }, (_, i) => ({ symbol: `R${i}`, apr: "0.0365", min_amount: "1" }));
  const page = await openWidget(ctx, userConfig(assets), { viewport: { width: 1280, height: 700 } });
  const last = page.getByTestId("daily-reward-R59");
  const box = await last.boundingBox();
  assert.ok(box.y > 700, "the last row starts below the viewport");
  // innerText needs layout: rows must not be skipped while off screen.
  assert.equal((await last.innerText()).trim(), "—");
  await page.getByTestId("balance-input-R59").fill("100");
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.equal((await last.innerText()).trim(), "0.01000000");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a short number never breaks across lines: tier limits stay whole at every table width", async () => {
  // The spec's tiers (limits 500 and 5,000) in the table's narrow APR column,
  // at the widths where it is narrowest (900–1140 px; 1024 px broke "5," | "000").
  for (const locale of ["en-US", "de-DE", "fr-FR"]) {
    const page = await openWidget(ctx, userConfig([BNB, USDT], { locale }), { viewport: { width: 900, height: 900 } });
    await typeBalance(page, "USDT", "10000");
    for (let width = 900; width <= 1140; width += 20) {
      await page.setViewportSize({ width, height: 900 });
      const broken = await page.locator("#earn").evaluate((host) =>
        [...host.shadowRoot.querySelectorAll(".ss-n:not(.ss-long)")]
          .filter((n) => {
            // One line box: every piece of the number sits on the first one's line.
            const boxes = [...n.getClientRects()].filter((r) => r.width > 0);
            return boxes.some((r) => Math.abs(r.top - boxes[0].top) > 2);
          })
          .map((n) => n.textContent));
      assert.deepEqual(broken, [], `${locale}, ${width} px`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("a host that sizes the widget by its content gets a usable widget (flex row, inline-block, float, absolute, fit-content)", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]), { viewport: DESKTOP });
  const width = () => page.locator("#earn").evaluate((host) => host.shadowRoot.querySelector(".ss-root").getBoundingClientRect().width);
  const style = await page.addStyleTag({ content: "/* the host page's own styles */" });
  const hostCss = (css) => style.evaluate((el, css) => { el.textContent = css; }, css);
  // The widget's container is laid out by the width it is given (container
  // queries), so without the strut it measured 0 px in all of these.
  for (const css of [
    "#earn { display: inline-block }",
    "#earn { float: left }",
    "#earn { position: absolute }",
    "#earn { width: fit-content }",
    "body { display: grid; grid-template-columns: auto 1fr }",
  ]) {
    await hostCss(css);
    // 560 px: the strut's 11 boxes on one line (280 + 10 × (24 + a 4 px gap)).
    await expectValue(async () => Math.round(await width()), 560, css);
  }
  // What the host's text styles pass down (inherited into the shadow tree)
  // does not change that width, nor the 280 px floor.
  const inherited = "font-size: 60px; letter-spacing: 10px; word-spacing: 50px; white-space: nowrap; font-family: monospace";
  await hostCss(`#earn { display: inline-block; ${inherited} }`);
  await expectValue(async () => Math.round(await width()), 560, "inline-block with large inherited text styles");
  await hostCss(`#main { display: flex; width: 300px } #earn { ${inherited} }`);
  await expectValue(async () => Math.round(await width()), 300, "a 300 px flex row with large inherited text styles");
  // A flex row with a 200 px sidebar: the widget's own 560 px, or the free
  // room when the host says so (flex: 1); nothing else of the host's layout
  // is changed by the widget.
  await hostCss("#main { display: flex; gap: 20px } #main::before { content: ''; flex: none; width: 200px }");
  await expectValue(async () => Math.round(await width()), 560, "flex row");
  await hostCss("#main { display: flex; gap: 20px } #main::before { content: ''; flex: none; width: 200px } #earn { flex: 1 }");
  const row = await page.evaluate(() => document.getElementById("earn").parentElement.getBoundingClientRect().width);
  await expectValue(async () => Math.round(await width()), Math.round(row - 220), "flex: 1: all but the sidebar and the gap");
  // A narrow flex row: the widget shrinks, down to its 280 px floor (cards).
  await hostCss("#main { display: flex; width: 400px } #main::before { content: ''; flex: none; width: 100px }");
  await expectValue(async () => Math.round(await width()), 300, "400 − 100");
  const fit = await measureFit(page);
  assert.deepEqual(fit.widgets.map((w) => w.outside), [[]], "nothing sticks out of the widget");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("tablet and small-desktop widths: no cell's content sticks out of its column (user and demo mode, a 3650-day horizon)", async () => {
  const overflowing = (page) => page.locator("#earn").evaluate((host) => {
    const out = [];
    for (const cell of host.shadowRoot.querySelectorAll(".ss-table tr > *")) {
      const c = cell.getBoundingClientRect();
      for (const el of cell.querySelectorAll("*")) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).position === "absolute" || el.closest(".ss-sr-only")) continue;
        if (r.left < c.left - 0.5 || r.right > c.right + 0.5) out.push(`${cell.className}: ${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} "${el.textContent.slice(0, 24)}"`);
      }
    }
    return [...new Set(out)];
  });
  for (const mode of ["user", "demo"]) {
    for (const width of [800, 900, 1024, 1080]) {
      const page = await openWidget(ctx, userConfig([BNB, USDT], { mode, horizon_days: 3650 }), { viewport: { width, height: 900 } });
      await typeBalance(page, "BNB", "123456.789");
      await typeBalance(page, "USDT", "1000000000");
      await expectText(page.getByTestId("daily-reward-BNB"), /\d/);
      assert.deepEqual(await overflowing(page), [], `${mode}, ${width} px`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test("a larger --ss-font-size switches to cards at a proportionally wider box (no overlapping columns)", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]), { viewport: DESKTOP });
  const headerShown = () => page.locator("#earn").evaluate((host) => {
    const head = host.shadowRoot.querySelector(".ss-table thead");
    return head.getBoundingClientRect().width > 1;
  });
  // 14 px text in a 1264 px box: the table (cards below 880 px = 62.86 × 14).
  assert.equal(await headerShown(), true);
  // 28 px text: cards below 62.86 × 28 = 1760 px, so a 1264 px box shows cards.
  await page.addStyleTag({ content: "#earn { --ss-font-size: 28px }" });
  await expectValue(headerShown, false, "28 px text: cards");
  const fit = await measureFit(page);
  assert.deepEqual(fit.widgets.map((w) => w.outside), [[]], "nothing sticks out of the widget");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("narrow cards (320 px, or 360 px with larger text): a two-line label stays inside its cell", async () => {
  for (const [width, css] of [[320, ""], [360, "#earn { --ss-font-size: 16px }"]]) {
    const page = await openWidget(ctx, userConfig([BNB, USDT], { horizon_days: 3650 }), { viewport: { width, height: 800 } });
    if (css) await page.addStyleTag({ content: css });
    // Each card cell's label (drawn by ::before, absolutely placed) ends above the cell's bottom edge.
    const spill = await page.locator("#earn").evaluate((host) => {
      const out = [];
      for (const td of host.shadowRoot.querySelectorAll(".ss-row > td")) {
        const label = getComputedStyle(td, "::before");
        const cell = td.getBoundingClientRect();
        const bottom = cell.top + parseFloat(label.top) + parseFloat(label.height);
        if (bottom > cell.bottom + 0.5) out.push(`${td.className}: label ends ${(bottom - cell.bottom).toFixed(1)} px below`);
      }
      return out;
    });
    assert.deepEqual(spill, [], `${width} px ${css}`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("enlarged text on a phone (28 px at 360 px, 21 and 28 px at 320 px): labels go above their values, nothing overlaps, sticks out or scrolls sideways", async () => {
  for (const [width, size] of [[360, 28], [320, 21], [320, 28]]) {
    const when = `${width} px, ${size} px text`;
    const page = await openWidget(ctx, userConfig([BNB, USDT]), { viewport: { width, height: 800 } });
    await page.addStyleTag({ content: `#earn { --ss-font-size: ${size}px }` });
    // An error under one balance, a status badge in the other.
    await typeBalance(page, "BNB", "5");
    await page.getByTestId("balance-input-USDT").fill("12x");
    await expectText(page.getByTestId("error-USDT"), /Balance/);
    const found = await page.locator("#earn").evaluate((host) => {
      const root = host.shadowRoot;
      const overlaps = [];
      for (const td of root.querySelectorAll(".ss-row > td")) {
        const label = getComputedStyle(td, "::before");
        const cell = td.getBoundingClientRect();
        const style = getComputedStyle(td);
        // The label's box: absolutely placed, or first in the cell's flow.
        const absolute = label.position === "absolute";
        const left = cell.left + (absolute ? parseFloat(label.left) : parseFloat(style.paddingLeft));
        const top = cell.top + (absolute ? parseFloat(label.top) : parseFloat(style.paddingTop));
        const box = { left, top, right: left + parseFloat(label.width), bottom: top + parseFloat(label.height) };
        if (box.bottom > cell.bottom + 0.5) overlaps.push(`${td.className}: label ends below its cell`);
        for (const el of td.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || el.closest(".ss-sr-only")) continue;
          const apart = r.right <= box.left + 0.5 || r.left >= box.right - 0.5 || r.bottom <= box.top + 0.5 || r.top >= box.bottom - 0.5;
          if (!apart) overlaps.push(`${td.className}: label over ${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`);
        }
      }
      // The horizon's and the switch's labels keep each word on one line.
      const broken = [];
      for (const label of root.querySelectorAll(".ss-control")) {
        for (const node of label.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
          for (const word of node.textContent.trim().split(/\s+/)) {
            const at = node.textContent.indexOf(word);
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            if (range.getClientRects().length > 1) broken.push(word);
          }
        }
      }
      return { overlaps: [...new Set(overlaps)], broken };
    });
    assert.deepEqual(found.overlaps, [], when);
    assert.deepEqual(found.broken, [], when);
    const fit = await measureFit(page);
    assert.ok(fit.scrollWidth <= fit.clientWidth, `${when}: page scrolls sideways (${fit.scrollWidth} > ${fit.clientWidth})`);
    assert.deepEqual(fit.widgets.map((w) => w.outside), [[]], `${when}: nothing sticks out of the widget`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("the text size follows the visitor's default text size (the browser setting), not the host page's root size", async () => {
  const page = await openWidget(ctx, userConfig([BNB]));
  const size = () => page.locator("#earn").evaluate((host) => getComputedStyle(host.shadowRoot.querySelector(".ss-root")).fontSize);
  // Chromium's default 16 px: 14 px.
  assert.equal(await size(), "14px");
  // A host's root size, larger or smaller, or a rule on the mount element: still 14 px.
  for (const css of ["html { font-size: 24px }", "html { font-size: 62.5% }", "#earn, * { font: 30px monospace }"]) {
    const tag = await page.addStyleTag({ content: css });
    await page.waitForTimeout(50);
    assert.equal(await size(), "14px", css);
    await tag.evaluate((t) => t.remove());
  }
  // A visitor whose browser default is 24 px: 0.875 × 24 = 21 px.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24 } });
  await expectValue(size, "21px");
  // --ss-font-size still wins.
  await page.addStyleTag({ content: "#earn { --ss-font-size: 18px }" });
  await expectValue(size, "18px");
  assert.deepEqual(page.errors, []);
  await page.close();

  // A config error's box follows it too: 21 px at a 24 px default.
  const bad = await openWidget(ctx, { assets: "none" });
  const cdpBad = await bad.context().newCDPSession(bad);
  await cdpBad.send("Page.setFontSizes", { fontSizes: { standard: 24 } });
  await expectValue(() => bad.getByTestId("config-error").evaluate((box) => getComputedStyle(box).fontSize), "21px");
  assert.deepEqual(bad.errors, []);
  await bad.close();
});
