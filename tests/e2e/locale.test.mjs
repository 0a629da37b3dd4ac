// The config's `locale` (PRODUCT.md §3): a visitor sees numbers the way their
// locale writes them (digit groups and decimal separator), while the test
// hooks' text stays the contract form ("0.13698630", "1000", "1.5%") in every
// locale, so a page's tests read the same digits everywhere; a visitor's
// copy takes what they see ("1,125" in de-DE), which a field reads back as
// the same number.
import { test } from "node:test";
import assert from "node:assert/strict";

import { hookText, useBrowser } from "./support/fixture.mjs";
import { countIs, eventually, openMounted, textIs } from "./support/embed_kit.mjs";
import { BNB, USDT, expectText, openWidget, row, typeBalance, userConfig } from "./support/widget.mjs";

const ctx = useBrowser();

/**
 * The text as drawn on screen: CSS `::before`/`::after` content included
 * (unless clipped away: words for screen readers only), text whose font size
 * is 0 (kept only for the text content) left out.
 */
function drawn(locator) {
  return locator.evaluate((root) => {
    const pseudo = (el, which) => {
      const style = getComputedStyle(el, which);
      const c = style.content;
      if (style.clip === "rect(0px, 0px, 0px, 0px)") return "";
      return c === "none" || c === "normal" ? "" : JSON.parse(c);
    };
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        return getComputedStyle(node.parentElement).fontSize === "0px" ? "" : node.data;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return "";
      return pseudo(node, "::before") + [...node.childNodes].map(walk).join("") + pseudo(node, "::after");
    };
    return walk(root).trim();
  });
}

test("de-DE: decimal comma and dot groups on screen, the contract digits in the hooks", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT], { locale: "de-DE" }));

  // Typed the German way: "1.000" is one thousand.
  await typeBalance(page, "BNB", "1.000");
  // 1000 × 0.05 ÷ 365 = 0.136986301… → 0.13698630 (the spec's worked example).
  await expectText(row(page, "BNB").daily, "0.13698630");
  const daily = page.getByTestId("daily-reward-BNB");
  assert.equal(await daily.innerText(), "0.13698630", "rendered text keeps the '.'");
  assert.equal(await drawn(daily), "0,13698630", "the eye sees a decimal comma");

  assert.equal(await hookText(page, "min-BNB"), "0.5");
  assert.equal(await drawn(page.getByTestId("min-BNB")), "0,5");
  assert.equal(await hookText(page, "max-BNB"), "1000");
  assert.equal(await drawn(page.getByTestId("max-BNB")), "1.000");
  assert.equal(await hookText(page, "apr-BNB"), "5%");
  // APY of 5%: (1 + 0.05/365)^365 − 1 = 0.0512675… → 5.13%.
  assert.equal(await drawn(page.getByTestId("asset-row-BNB").locator(".ss-apy")), "APY 5,13% if held");

  // The spec's tiered example, typed with a group dot: 10,000 → 0.30410958 a day;
  // over the default 30 days without compounding 30 × 0.30410958 = 9.12328740.
  await typeBalance(page, "USDT", "10.000");
  await expectText(row(page, "USDT").daily, "0.30410958");
  assert.equal(await drawn(page.getByTestId("daily-reward-USDT")), "0,30410958");
  assert.equal(await hookText(page, "cumulative-reward-USDT"), "9.12328740");
  assert.equal(await drawn(page.getByTestId("cumulative-reward-USDT")), "9,12328740");
  // Tiers: 0.8% up to 5,000.
  assert.equal(await drawn(page.getByTestId("asset-row-USDT").locator(".ss-tiers li").nth(1)), "0,8% up to 5.000");
  assert.equal(await hookText(page, "apr-USDT"), "12%");
  // The one-line explanation writes its numbers the same way (10,000 → 10.000).
  // With the APR it earns across the tiers: 111 ÷ 10,000 = 1.11 %.
  assert.equal(
    await page.getByTestId("asset-row-USDT").locator(".ss-explain").textContent(),
    "Your whole average balance of 10.000 USDT earns, 1,11% APR on average across the tiers.",
  );
  // So do the plot's axis and description: 30 days without compounding end at
  // 9.12328740; the axis tops out at the two-digit ceiling 9.2, halfway 4.6.
  await page.getByTestId("details-toggle-USDT").click();
  const plot = page.getByTestId("plot-USDT");
  await plot.waitFor();
  assert.deepEqual(await plot.locator(".ss-axis-label").allTextContents(), ["0", "4,6", "9,2", "day 1", "day 30", "days"]);
  assert.match(await plot.locator("svg").getAttribute("aria-label"), /, 9,12328740 without$/);

  // Screen readers get the comma, not the hidden point (the accessibility tree
  // as Chromium builds it).
  const points = page.getByTestId("daily-reward-BNB").locator(".dp");
  assert.equal(await points.getAttribute("aria-hidden"), "true");
  assert.equal(await daily.ariaSnapshot(), "- status: 0,13698630 BNB a day");
  assert.equal(await page.getByTestId("min-BNB").ariaSnapshot(), "- text: 0,5");

  // A typed comma is the decimal separator: "999,5" is 999.5, under the cap of 1000:
  // 999.5 × 0.05 ÷ 365 = 49.975 ÷ 365 = 0.136917808… → 0.13691780.
  await typeBalance(page, "BNB", "999,5");
  await expectText(row(page, "BNB").daily, "0.13691780");
  assert.equal(await drawn(page.getByTestId("daily-reward-BNB")), "0,13691780");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("en-US: comma groups and a decimal point, drawn text and hooks agree but for the groups", async () => {
  const page = await openWidget(ctx, userConfig([BNB, USDT], { locale: "en-US" }));
  await typeBalance(page, "USDT", "10,000");
  await expectText(row(page, "USDT").daily, "0.30410958");
  assert.equal(await drawn(page.getByTestId("daily-reward-USDT")), "0.30410958");
  assert.equal(await page.getByTestId("daily-reward-USDT").locator(".dp").count(), 0, "no hidden point");
  assert.equal(await hookText(page, "max-BNB"), "1000");
  assert.equal(await drawn(page.getByTestId("max-BNB")), "1,000");
  assert.equal(await drawn(page.getByTestId("min-BNB")), "0.5");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("de-DE demo mode: the editors hold and read numbers the German way, and a shared link restores them", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { locale: "de-DE", mode: "demo" }));
  const w = page;
  // The configured values, written as a German types them: 5 (%), 0,5 and 1000.
  assert.equal(await w.getByTestId("apr-input-BNB").inputValue(), "5");
  assert.equal(await w.getByTestId("min-input-BNB").inputValue(), "0,5");
  assert.equal(await w.getByTestId("max-input-BNB").inputValue(), "1000");
  assert.equal(await w.getByTestId("min-input-BNB").getAttribute("aria-invalid"), "false");

  await typeBalance(w, "BNB", "999,5");
  await w.getByTestId("apr-input-BNB").fill("12,5");
  await textIs(w.getByTestId("apr-BNB"), "12.5%");
  // 999.5 × 0.125 ÷ 365 = 124.9375 ÷ 365 = 0.3422945205… → 0.34229452; before at 5 %:
  // 999.5 × 0.05 ÷ 365 = 0.1369178082… → 0.13691780.
  await textIs(w.getByTestId("daily-reward-BNB"), "0.34229452");
  await textIs(w.getByTestId("daily-reward-before-BNB"), "0.13691780");
  // Heard as "0,13691780, becomes, 0,34229452".
  assert.match(await w.getByTestId("asset-row-BNB").locator(".c-daily").ariaSnapshot(), /text: 0,13691780\n\s*- img "becomes"/);

  // The shared link restores the scenario into German-form fields.
  const href = await w.getByTestId("share-link").getAttribute("href");
  const copy = await ctx.browser.newPage();
  await copy.goto(href);
  await textIs(copy.getByTestId("daily-reward-BNB"), "0.34229452");
  assert.equal(await copy.getByTestId("balance-input-BNB").inputValue(), "999,5");
  assert.equal(await copy.getByTestId("apr-input-BNB").inputValue(), "12,5");
  assert.equal(await copy.getByTestId("min-input-BNB").inputValue(), "0,5");
  assert.equal(await copy.locator(".ss-banner-error").count(), 0);
  await copy.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("update() to another locale keeps what was typed, as the same numbers in the new form", async () => {
  const config = userConfig([BNB], { locale: "de-DE", mode: "demo" });
  const page = await openMounted(ctx, config);
  const w = page.locator("#earn");
  // One thousand, typed the German way, and an APR of 12.5 %.
  await typeBalance(w, "BNB", "1.000");
  await w.getByTestId("apr-input-BNB").fill("12,5 %");
  // 1000 × 0.125 ÷ 365 = 0.3424657534… → 0.34246575.
  await textIs(w.getByTestId("daily-reward-BNB"), "0.34246575");

  // The host switches the page to English: the same numbers, written as an
  // English visitor types them (a German "1.000" read the English way would be 1).
  await page.evaluate((c) => window.ssWidget.update(c), { ...config, locale: "en-US" });
  await eventually(() => w.getByTestId("balance-input-BNB").inputValue(), "1000");
  assert.equal(await w.getByTestId("apr-input-BNB").inputValue(), "12.5%");
  assert.equal(await w.getByTestId("min-input-BNB").inputValue(), "0.5");
  await textIs(w.getByTestId("daily-reward-BNB"), "0.34246575");
  await textIs(w.getByTestId("daily-reward-before-BNB"), "0.13698630");
  await countIs(w.getByTestId("error-BNB"), 0);

  // And back to Swiss German: a decimal point again, with apostrophe groups.
  await page.evaluate((c) => window.ssWidget.update(c), { ...config, locale: "de-CH" });
  await typeBalance(w, "BNB", "1’000.5");
  // 1000.5 is over the cap of 1000: 1000 × 0.125 ÷ 365 = 0.34246575 again.
  await textIs(w.getByTestId("daily-reward-BNB"), "0.34246575");
  await textIs(w.getByTestId("status-BNB"), /cap/);
  assert.equal(await w.getByTestId("apr-input-BNB").inputValue(), "12.5%");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("en-IN: lakh and crore grouping on screen and in typed balances", async () => {
  const BIG = { symbol: "BIG", apr: "0.05", min_amount: "0", max_cap: "10000000" };
  const page = await openWidget(ctx, userConfig([USDT, BIG], { locale: "en-IN" }));
  // A crore: 1,00,00,000; the hook keeps the plain digits.
  assert.equal(await hookText(page, "max-BIG"), "10000000");
  assert.equal(await drawn(page.getByTestId("max-BIG")), "1,00,00,000");

  // Ten lakh USDT, typed the Indian way: 1,000,000 through the spec's tiers,
  // (500 × 0.12 + 4,500 × 0.008 + 995,000 × 0.003) ÷ 365 = (60 + 36 + 2,985) ÷ 365
  // = 3,081 ÷ 365 = 8.441095890… → 8.44109589.
  await typeBalance(page, "USDT", "10,00,000");
  await expectText(row(page, "USDT").daily, "8.44109589");
  // Across the tiers: 3,081 ÷ 1,000,000 = 0.3081 % → 0.31 %.
  assert.equal(
    await page.getByTestId("asset-row-USDT").locator(".ss-explain").textContent(),
    "Your whole average balance of 10,00,000 USDT earns, 0.31% APR on average across the tiers.",
  );
  // The thousands way is understood too; a group of the wrong size is an error.
  await typeBalance(page, "USDT", "1,000,000");
  await expectText(row(page, "USDT").daily, "8.44109589");
  await typeBalance(page, "USDT", "1,00,00");
  await expectText(page.getByTestId("error-USDT"), /two or three digits/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("copying numbers takes them as shown, and a de-DE field reads a pasted one as the same number", async () => {
  // 1.125 shown "1,125" in de-DE; copied as its text, "1.125", a de-DE field reads 1125.
  const XYZ = { symbol: "XYZ", name: "Xyz", apr: "0.05", min_amount: "1.125", max_cap: "1234567.5" };
  const page = await openMounted(ctx, { assets: [XYZ], locale: "de-DE", storage_key: "copy-de" });
  const w = page.locator("#earn");
  await page.evaluate(() => document.addEventListener("copy", (e) => {
    window.copied = { text: e.clipboardData.getData("text/plain"), taken: e.defaultPrevented };
  }));
  /** Selects `[start, end)` of the hook's text (whole text by default) in the shadow root, copies with Ctrl+C. */
  const copy = async (testid, start, end) => {
    await w.getByTestId(testid).evaluate((el, [start, end]) => {
      const texts = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) texts.push(walker.currentNode);
      const at = (offset) => {
        for (const t of texts) {
          if (offset <= t.data.length) return [t, offset];
          offset -= t.data.length;
        }
      };
      const range = document.createRange();
      range.setStart(...at(start ?? 0));
      range.setEnd(...at(end ?? el.textContent.length));
      const selection = el.getRootNode().getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      window.copied = null;
    }, [start, end]);
    await page.keyboard.press("Control+c");
    await eventually(() => page.evaluate(() => window.copied !== null), true, testid);
    return page.evaluate(() => window.copied);
  };
  assert.deepEqual(await copy("min-XYZ"), { text: "1,125", taken: true });
  assert.deepEqual(await copy("max-XYZ"), { text: "1.234.567,5", taken: true });
  // Text "1234567.5": from inside the last group ("5|67") the separator before it is not selected.
  assert.deepEqual(await copy("max-XYZ", 5), { text: "67,5", taken: true });
  // From the first digit to inside the fraction: "1.234.567,"
  assert.deepEqual(await copy("max-XYZ", 0, 8), { text: "1.234.567,", taken: true });
  // Words without a drawn separator: the browser's own copy.
  assert.equal((await copy("status-XYZ")).taken, false);
  // A whole row: every number in it as shown, cells apart (tabs).
  const rowText = (await copy("asset-row-XYZ")).text;
  assert.match(rowText, /\t1,125\t1\.234\.567,5\t5%/);
  assert.doesNotMatch(rowText, /1\.125|1234567/);

  // Copy the minimum with a double click, paste it into the balance: 1.125 XYZ,
  // 1.125 × 0.05 ÷ 365 = 0.000154109… → 0.00015410 (not 1125's 0.15410958).
  await w.getByTestId("min-XYZ").dblclick();
  await page.evaluate(() => { window.copied = null; });
  await page.keyboard.press("Control+c");
  await eventually(() => page.evaluate(() => window.copied?.text ?? null), "1,125");
  await w.getByTestId("balance-input-XYZ").click();
  await page.keyboard.press("Control+v");
  assert.equal(await w.getByTestId("balance-input-XYZ").inputValue(), "1,125");
  await textIs(w.getByTestId("daily-reward-XYZ"), "0.00015410");
  assert.deepEqual(page.errors, []);
  await page.close();

  // fr-FR: the narrow no-break space between groups (U+202F) and the comma;
  // en-US: the comma groups. (The listener is in place before the key press.)
  // Without the shadow root's own getSelection() (Chromium's, which other
  // browsers lack), the standard getComposedRanges() finds the selection.
  for (const [locale, shown, standardOnly] of [
    ["fr-FR", "1\u202f234\u202f567,5", false],
    ["en-US", "1,234,567.5", false],
    ["de-DE", "1.234.567,5", true],
  ]) {
    const other = await openMounted(ctx, { assets: [XYZ], locale, storage_key: `copy-${locale}` });
    await other.evaluate((standardOnly) => {
      if (standardOnly) delete ShadowRoot.prototype.getSelection;
      document.addEventListener("copy", (e) => {
        const html = new DOMParser().parseFromString(e.clipboardData.getData("text/html"), "text/html");
        window.copied = { text: e.clipboardData.getData("text/plain"), html: html.body.textContent };
      });
    }, standardOnly);
    await other.locator("#earn").getByTestId("max-XYZ").dblclick();
    await other.keyboard.press("Control+c");
    // The markup flavour reads the same as the text.
    await eventually(() => other.evaluate(() => window.copied ?? null), { text: shown, html: shown }, locale);
    await other.close();
  }
});

test("digits an input method types in other scripts read as the same number (full-width, Arabic-Indic)", async () => {
  const page = await openWidget(ctx, userConfig([BNB], { locale: "ja-JP" }));
  // Full width, as a Japanese IME types: １，０００ is 1,000 → 1000 × 0.05 ÷ 365 = 0.1369863… → 0.13698630.
  await typeBalance(page, "BNB", "１，０００");
  await expectText(row(page, "BNB").daily, "0.13698630");
  // Arabic-Indic with the Arabic decimal separator: ٥٠٠٫٥ is 500.5 → 500.5 × 0.05 ÷ 365 = 0.0685616… → 0.06856164.
  await typeBalance(page, "BNB", "٥٠٠٫٥");
  await expectText(row(page, "BNB").daily, "0.06856164");
  assert.equal(await row(page, "BNB").error.count(), 0);
  // An intraday change typed full width: from １８：００ the balance is ２０００．５.
  // 24 snapshots, hourly from 00:00: 18 see 500.5, 6 (18:00–23:00) see 2000.5;
  // average (18 × 500.5 + 6 × 2000.5) ÷ 24 = 21012 ÷ 24 = 875.5;
  // 875.5 × 0.05 ÷ 365 = 0.1199315… → 0.11993150.
  await page.getByTestId("details-toggle-BNB").click();
  await page.getByTestId("add-change-BNB").click();
  await page.getByTestId("change-time-BNB-0").fill("１８：００");
  await page.getByTestId("change-balance-BNB-0").fill("２０００．５");
  await expectText(page.getByTestId("average-BNB"), "875.5");
  await expectText(row(page, "BNB").daily, "0.11993150");
  assert.equal(await page.getByTestId("change-time-error-BNB-0").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});
