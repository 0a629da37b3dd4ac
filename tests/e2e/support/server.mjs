// A small static server for the end-to-end tests and the benchmark:
//   /soft-staking/…  the release build (dist/), as a host would deploy it
//   /pages/…         the test host pages (tests/e2e/pages/)
//   /csp/…           the same test pages, served with a strict CSP header
//   /bench/…         the benchmark pages (tests/benches/pages/)
//   /node_modules/…  npm packages (decimal.js for the benchmark's JavaScript peer)
//   /                the demo page (dist/index.html and friends)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = fileURLToPath(new URL(".", import.meta.url));
export const ROOT = resolve(here, "../../..");
/** The release build under test (`SOFT_STAKING_DIST` overrides, e.g. for a second checkout). */
export const DIST = resolve(process.env.SOFT_STAKING_DIST ?? join(ROOT, "dist"));
const PAGES = join(ROOT, "tests/e2e/pages");

/** The policy of issue 7: no inline script or style, no eval. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
};

function route(pathname) {
  const inside = (base, rest) => {
    const full = normalize(join(base, rest));
    return full.startsWith(base) ? full : null;
  };
  if (pathname.startsWith("/soft-staking/")) return { file: inside(DIST, pathname.slice(14)) };
  if (pathname.startsWith("/pages/")) return { file: inside(PAGES, pathname.slice(7)) };
  if (pathname.startsWith("/csp/")) return { file: inside(PAGES, pathname.slice(5)), csp: true };
  if (pathname.startsWith("/node_modules/")) return { file: inside(join(ROOT, "node_modules"), pathname.slice(14)) };
  if (pathname.startsWith("/bench/")) return { file: inside(join(ROOT, "tests/benches/pages"), pathname.slice(7)) };
  return { file: inside(DIST, pathname === "/" ? "index.html" : pathname.slice(1)) };
}

/**
 * Starts the server on a free loopback port; resolves to { url, close }.
 * With `gzip`, text and WebAssembly go out gzip -9 compressed to a browser
 * that accepts it, as a host's web server would send them (the benchmark).
 */
export async function startServer({ gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, "http://localhost");
    const { file, csp } = route(decodeURIComponent(pathname));
    try {
      if (!file) throw new Error("outside");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" };
      if (csp) headers["content-security-policy"] = STRICT_CSP;
      if (gzip && extname(file) !== ".png" && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        headers["content-encoding"] = "gzip";
        res.writeHead(200, headers);
        res.end(compressed.get(file));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
