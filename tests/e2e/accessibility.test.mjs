// Accessibility: every control has an accessible name (as the browser's
// accessibility tree computes it, via Playwright's ARIA snapshot and role/label
// queries), estimates are announced politely, errors are tied to their field,
// and the table, toggle and details button carry their semantics.
import { test } from "node:test";
import assert from "node:assert/strict";

import { useBrowser } from "./support/fixture.mjs";
import {
  BNB, USDT,
  expectText, expectValue, openWidget, row, typeBalance, userConfig,
} from "./support/widget.mjs";

const ctx = useBrowser();

const CONTROL_ROLES = "textbox|combobox|checkbox|switch|button|spinbutton|radio|slider|searchbox|listbox";

/**
 * The ARIA snapshot's control lines, split into named and unnamed. (A line
 * whose name holds a colon is YAML-quoted: `- 'textbox "A: b"'`.)
 */
function controls(snapshot) {
  const lines = snapshot.split("\n").map((l) => l.trim()).filter((l) => new RegExp(`^- '?(${CONTROL_ROLES})\\b`).test(l));
  return {
    named: lines.filter((l) => new RegExp(`^- '?(${CONTROL_ROLES}) "[^"]*\\S[^"]*"`).test(l)),
    unnamed: lines.filter((l) => !new RegExp(`^- '?(${CONTROL_ROLES}) "`).test(l)),
  };
}

/** True when the two locators resolve to the same element. */
async function same(a, b) {
  const handle = await b.elementHandle();
  return a.evaluate((el, other) => el === other, handle);
}

test("every input, select and button has an accessible name", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]));
  // Bring every kind of control on screen: a typed balance, an open row with a
  // balance change, the custom horizon, an inline error.
  await typeBalance(page, "BNB", "1000");
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  await page.getByTestId("horizon-select").selectOption("custom");
  await row(page, "USDT").input.fill("abc");
  await row(page, "USDT").error.waitFor();

  const widget = page.locator("#earn");
  const { named, unnamed } = controls(await widget.ariaSnapshot());
  assert.deepEqual(unnamed, [], "controls without an accessible name");
  // Every rendered control is in the tree (nothing hidden from it by mistake).
  const rendered = await page.locator("#earn").evaluate((host) =>
    [...host.shadowRoot.querySelectorAll("input, select, textarea, button")].filter((el) => !el.closest("dialog")).length);
  assert.equal(named.length, rendered, `named controls:\n${named.join("\n")}`);

  // The names a screen-reader user hears, each resolving to the hooked element.
  const byName = [
    [page.getByLabel("Your BNB balance", { exact: true }), "balance-input-BNB"],
    [page.getByLabel("Your USDT balance", { exact: true }), "balance-input-USDT"],
    [page.getByRole("textbox", { name: "BNB change 1: At (UTC)", exact: true }), "change-time-BNB-0"],
    [page.getByRole("textbox", { name: "BNB change 1: new balance", exact: true }), "change-balance-BNB-0"],
    [page.getByRole("combobox", { name: "Horizon" }), "horizon-select"],
    [page.getByRole("textbox", { name: /^Days/ }), "horizon-custom"],
    [page.getByRole("switch", { name: "Compound rewards" }), "compound-toggle"],
    [page.getByRole("switch", { name: "Soft staking" }), "soft-staking-toggle"],
    [page.getByRole("button", { name: "Activate" }), "activate-button"],
    [page.getByRole("button", { name: "+ Add a balance change" }), "add-change-BNB"],
    [page.getByRole("button", { name: "BNB Hide details", exact: true }), "details-toggle-BNB"],
    [page.getByRole("button", { name: "USDT Intraday & chart", exact: true }), "details-toggle-USDT"],
  ];
  for (const [locator, testid] of byName) {
    assert.equal(await locator.count(), 1, testid);
    assert.ok(await same(locator, page.getByTestId(testid)), testid);
  }
  // The remove button says which change it removes.
  assert.equal(await page.getByRole("button", { name: "Remove BNB change 1 (at 12:00)" }).count(), 1);
  // The plot is a figure named for what it shows, holding an image with a text alternative.
  assert.equal(await page.getByRole("figure", { name: "Cumulative BNB rewards", exact: true }).count(), 1);
  assert.match(await page.getByRole("img", { name: /^Cumulative BNB rewards over 30 days/ }).getAttribute("aria-label"), /with compounding.*without/);

  // The dialog and its controls.
  await page.getByTestId("activate-button").click();
  const dialog = page.getByRole("dialog", { name: "Activate Soft Staking" });
  await expectValue(() => dialog.count(), 1);
  const inDialog = controls(await dialog.ariaSnapshot());
  assert.deepEqual(inDialog.unnamed, []);
  assert.equal(inDialog.named.length, 3);
  assert.ok(await same(dialog.getByRole("checkbox", { name: "I have read and agree to the Soft Staking terms." }), page.getByTestId("terms-checkbox")));
  assert.ok(await same(dialog.getByRole("button", { name: "Start Earning" }), page.getByTestId("start-earning")));
  assert.ok(await same(dialog.getByRole("button", { name: "Cancel" }), page.getByTestId("terms-cancel")));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("estimates are announced politely; errors are described on their field", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]));
  for (const sym of ["BNB", "USDT"]) {
    const daily = page.getByTestId(`daily-reward-${sym}`);
    assert.equal(await daily.getAttribute("aria-live"), "polite", sym);
    assert.equal(await daily.getAttribute("aria-atomic"), "true", sym);
    // <output> is a status region (polite live region) to assistive technology.
    assert.equal(await daily.evaluate((el) => el.tagName), "OUTPUT", sym);
    assert.equal(await page.getByTestId(`cumulative-reward-${sym}`).evaluate((el) => el.tagName), "OUTPUT", sym);
    // One announcement per keystroke, not two: the cumulative output is not live.
    assert.equal(await page.getByTestId(`cumulative-reward-${sym}`).getAttribute("aria-live"), "off", sym);
    // The status badge is, but its text changes only with the status.
    assert.equal(await page.getByTestId(`status-${sym}`).getAttribute("aria-live"), "polite", sym);
    assert.equal(await page.getByTestId(`asset-row-${sym}`).locator(".ss-explain").getAttribute("aria-live"), null, sym);
  }
  // What is announced names the token and the period; the hook's text stays the digits.
  await typeBalance(page, "BNB", "1000");
  await expectText(row(page, "BNB").daily, "0.13698630");
  assert.match(
    await page.getByTestId("asset-row-BNB").locator(".c-daily").ariaSnapshot(),
    /^  - status: 0\.13698630 BNB a day$/m,
  );
  // The timeline's arrows are heard as "then".
  assert.equal(await page.getByTestId("activation-timeline").getByRole("img", { name: "then" }).count(), 2);
  // The live region is the element whose text changes: 1000 × 0.05 ÷ 365 → 0.13698630.
  await typeBalance(page, "BNB", "1000");
  await expectText(page.getByRole("status").filter({ hasText: "0.13698630" }), "0.13698630");
  // 30 × 0.13698630 = 4.10958900
  await expectText(page.getByRole("status").filter({ hasText: "4.10958900" }), "4.10958900");

  // An error: the field is invalid and described by the message.
  await row(page, "BNB").input.fill("-1");
  await row(page, "BNB").error.waitFor();
  const described = await row(page, "BNB").input.evaluate((input) => {
    const root = input.getRootNode();
    return (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent.trim()).join(" ");
  });
  assert.match(described, /^Balance must not be negative/);
  assert.equal(await row(page, "BNB").input.getAttribute("aria-invalid"), "true");
  assert.equal(await row(page, "USDT").input.getAttribute("aria-invalid"), "false");
  // And announced: it appears inside a polite live region that was already there.
  assert.equal(await row(page, "BNB").error.evaluate((p) => p.parentElement.getAttribute("aria-live")), "polite");
  assert.equal(await page.getByTestId("asset-row-USDT").locator(".c-balance .ss-error-slot").getAttribute("aria-live"), "polite");

  // The custom horizon's error is tied to its field too.
  await page.getByTestId("horizon-select").selectOption("custom");
  await page.getByTestId("horizon-custom").fill("0");
  await page.getByTestId("horizon-error").waitFor();
  const horizonDescribedBy = await page.getByTestId("horizon-custom").getAttribute("aria-describedby");
  assert.equal(await page.getByTestId("horizon-error").getAttribute("id"), horizonDescribedBy);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("table, switch and details semantics", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT]));
  const table = page.getByRole("table", { name: "Soft staking assets and your estimated rewards" });
  assert.equal(await table.count(), 1);
  assert.equal(await page.getByRole("columnheader").count(), 8);
  assert.equal(await page.getByRole("rowheader").count(), 2);
  assert.match(await page.getByRole("rowheader").first().textContent(), /^BNB/);

  const toggle = page.getByRole("switch", { name: "Soft staking" });
  assert.equal(await toggle.getAttribute("aria-checked"), "false");
  // Activate says it opens a dialog (the terms).
  assert.equal(await page.getByTestId("activate-button").getAttribute("aria-haspopup"), "dialog");
  // The horizon column is heard in words ("30 days"), seen as "30 d".
  assert.equal(await page.getByRole("columnheader", { name: "Cumulative (30 days)", exact: true }).count(), 1);
  assert.match(await page.getByRole("columnheader").nth(6).textContent(), /^\s*Cumulative \(30 d\)\s*$/);
  await page.getByTestId("horizon-select").selectOption("custom");
  await page.getByTestId("horizon-custom").fill("1");
  await expectValue(() => page.getByRole("columnheader", { name: "Cumulative (1 day)", exact: true }).count(), 1);

  const details = page.getByTestId("details-toggle-USDT");
  assert.equal(await details.getAttribute("aria-expanded"), "false");
  await details.click();
  await expectValue(() => details.getAttribute("aria-expanded"), "true");
  const controlled = await details.getAttribute("aria-controls");
  // The controlled element exists and holds the intraday editor.
  const region = page.locator(`[id="${controlled}"]`);
  assert.equal(await region.count(), 1);
  assert.equal(await region.getByTestId("add-change-USDT").count(), 1);
  assert.equal(await page.getByRole("region", { name: "USDT balances during the day" }).count(), 1);

  // Operable from the keyboard: Enter on the focused details button closes it again.
  await details.focus();
  await page.keyboard.press("Enter");
  await expectValue(() => details.getAttribute("aria-expanded"), "false");
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** WCAG contrast ratio of two [r, g, b] colours (0–255). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("status badges, muted text and input borders keep WCAG contrast in both themes", async () => {
  for (const theme of ["light", "dark"]) {
    const tiny = { symbol: "TINY", apr: "0.0365", min_amount: "0", max_cap: null, payout_decimals: 2 };
    const plain = { symbol: "PLAIN", apr: "0.05", min_amount: "0", max_cap: null };
    const page = await openWidget(ctx, userConfig([BNB, USDT, tiny, plain], { theme }));
    // BNB 5000: over the cap; USDT 5: below the minimum; TINY 1: 0.0001 a day,
    // below 0.01; PLAIN 100: eligible.
    await typeBalance(page, "BNB", "5000");
    await typeBalance(page, "USDT", "5");
    await typeBalance(page, "TINY", "1");
    await typeBalance(page, "PLAIN", "100");
    await expectText(page.getByTestId("status-TINY"), /precision/);
    // PLAIN then gets a balance that does not read: its last figures are dimmed.
    await page.getByTestId("balance-input-PLAIN").fill("100x");
    await expectText(page.getByTestId("error-PLAIN"), /Balance/);
    // An error on the controls' panel: a custom horizon of 0 days.
    await page.getByTestId("horizon-select").selectOption("custom");
    await page.getByTestId("horizon-custom").fill("0");
    await page.getByTestId("horizon-error").waitFor();
    // Colours as the browser resolves them (color-mix included), each
    // composited over the widget's background; [foreground, background].
    const pairs = await page.locator("#earn").evaluate((host) => {
      const root = host.shadowRoot;
      const probe = document.createElement("canvas").getContext("2d");
      const rgba = (css) => {
        probe.clearRect(0, 0, 1, 1);
        probe.fillStyle = css;
        probe.fillRect(0, 0, 1, 1);
        return [...probe.getImageData(0, 0, 1, 1).data];
      };
      const over = ([r, g, b, a], [R, G, B]) => [r, g, b].map((v, i) => (v * a + [R, G, B][i] * (255 - a)) / 255);
      const bg = rgba(getComputedStyle(root.querySelector(".ss-root")).backgroundColor);
      // The opacity of the element and its ancestors fades its text.
      const opacity = (el) => {
        let o = 1;
        for (let e = el; e && e !== root; e = e.parentNode) {
          if (e.nodeType === Node.ELEMENT_NODE) o *= Number(getComputedStyle(e).opacity);
        }
        return o;
      };
      // What is behind the element: its own background and its ancestors'
      // (a panel's), each over the next one out, over the widget's.
      const behind = (el) => {
        const layers = [];
        for (let e = el; e && e !== root; e = e.parentNode) {
          if (e.nodeType === Node.ELEMENT_NODE) layers.push(rgba(getComputedStyle(e).backgroundColor));
        }
        return layers.reduceRight((back, layer) => over(layer, back), bg);
      };
      const text = (el) => {
        const style = getComputedStyle(el);
        const back = behind(el);
        const [r, g, b, a] = rgba(style.color);
        return [over([r, g, b, a * opacity(el)], back), back];
      };
      const out = {};
      for (const sym of ["BNB", "USDT", "TINY", "PLAIN"]) out[`badge ${sym}`] = text(root.querySelector(`[data-testid="status-${sym}"]`));
      out["muted hint"] = text(root.querySelector(".ss-footnote"));
      out["balance error"] = text(root.querySelector('[data-testid="error-PLAIN"]'));
      out["horizon error on its panel"] = text(root.querySelector('[data-testid="horizon-error"]'));
      for (const part of [".ss-reward", ".c-cumulative output", ".ss-unit", ".ss-explain", ".badge"]) {
        out[`stale row ${part}`] = text(root.querySelector(`[data-testid="asset-row-PLAIN"] ${part}`));
      }
      out["input border"] = [over(rgba(getComputedStyle(root.querySelector(".ss-input")).borderTopColor), bg), bg];
      return out;
    });
    for (const [what, [fg, bg]] of Object.entries(pairs)) {
      const needed = what === "input border" ? 3 : 4.5; // WCAG 1.4.11 / 1.4.3
      const ratio = contrast(fg, bg);
      assert.ok(ratio >= needed, `${theme}: ${what} ${ratio.toFixed(2)}:1 < ${needed}:1`);
    }
    await page.close();
  }
});

test("forced colours (Windows high contrast): the switch keeps an outline and a thumb; the plot's lines match its legend", async () => {
  const page = await openWidget(ctx, userConfig([BNB]));
  await page.emulateMedia({ forcedColors: "active" });
  await typeBalance(page, "BNB", "100");
  await page.getByTestId("details-toggle-BNB").click();
  await page.locator("#earn").getByRole("figure").first().waitFor();
  const seen = await page.locator("#earn").evaluate((host) => {
    const root = host.shadowRoot;
    const track = getComputedStyle(root.querySelector(".ss-toggle-track"));
    const thumb = getComputedStyle(root.querySelector(".ss-toggle-thumb"));
    const key = (cls) => getComputedStyle(root.querySelector(`.ss-key-${cls}`), "::before").borderTopColor;
    const line = (cls) => getComputedStyle(root.querySelector(`.ss-line-${cls}`)).stroke;
    return {
      outline: track.borderTopStyle !== "none" && parseFloat(track.borderTopWidth) >= 1 && track.borderTopColor !== track.backgroundColor,
      thumb: thumb.backgroundColor !== track.backgroundColor,
      lines: ["compound", "simple"].map((cls) => [line(cls), key(cls)]),
    };
  });
  assert.equal(seen.outline, true, "the track has an outline of another colour than its fill");
  assert.equal(seen.thumb, true, "the thumb stands out from the track");
  for (const [stroke, legend] of seen.lines) assert.equal(stroke, legend, "a line is drawn in its legend key's colour");
  assert.deepEqual(page.errors, []);
  await page.close();
});
