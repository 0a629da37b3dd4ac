// Shared set-up of the end-to-end tests: one static server and one Chromium
// per test file, a fresh page per test, and failures on any page error.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { launch } from "./browser.mjs";
import { DIST, startServer } from "./server.mjs";

/** Registers before/after hooks; returns an object filled in by them. */
export function useBrowser() {
  const ctx = { server: null, browser: null };
  before(async () => {
    assert.ok(existsSync(join(DIST, "embed.js")), `no release build in ${DIST}: run \`trunk build --release\` first`);
    ctx.server = await startServer();
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * A new page at `path` (e.g. "/" or "/pages/host.html"), collecting page
 * errors; `page.errors` must stay empty unless a test expects otherwise.
 * `setup(page)` runs before the first navigation (e.g. to fix the clock);
 * `context` adds browser-context options (e.g. `timezoneId`, `colorScheme`).
 */
export async function openPage(ctx, path, { viewport = { width: 1280, height: 900 }, ready = true, setup, context = {} } = {}) {
  const page = await ctx.browser.newPage({ viewport, ...context });
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  if (setup) await setup(page);
  await page.goto(ctx.server.url + path);
  if (ready) await page.locator("[data-testid^=asset-row-], [data-testid=config-error]").first().waitFor();
  return page;
}

/** Text of a test hook inside `scope` (a page or a locator). */
export async function hookText(scope, testid) {
  return (await scope.getByTestId(testid).textContent()).trim();
}
