// Trunk post-build hook.
//
// 1. Builds the demo build next to the visitor's: Trunk builds the crate
//    without the `demo` feature (www/index.html) into soft-staking.js and
//    soft-staking_bg.wasm, which every host page downloads; this adds
//    soft-staking-demo.js and soft-staking-demo_bg.wasm, with demo mode's
//    tools, which embed.js loads only for a `"mode": "demo"` config. The
//    same cargo, wasm-bindgen and wasm-opt steps as Trunk's (its `-v` log),
//    but cargo optimizes for speed (below).
// 2. In release builds, minifies the JavaScript a host page downloads
//    (embed.js and both wasm-bindgen glues). Trunk's own JS minifier rejects
//    the glue's `export default`, so terser does it here.
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
const root = fileURLToPath(new URL("..", import.meta.url));
const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });

// Its own target directory: the visitor's build stays fresh in target/ (the
// two differ in features and optimization, so they would rebuild each other).
// Optimized for speed, not size (opt-level 3, not the release profile's "z"):
// the product team's cohort runs 1.5x as fast for 55 KB more gzip, on a page
// only the team opens (README, Performance).
const targetDir = join(root, "target", "demo");
run("cargo", [
  "build", "--lib", "--target=wasm32-unknown-unknown", "--offline",
  `--target-dir=${targetDir}`, ...(release ? ["--release"] : []),
], { ...process.env, CARGO_PROFILE_RELEASE_OPT_LEVEL: "3" });
const built = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug", "soft_staking.wasm");
run("wasm-bindgen", ["--target=web", `--out-dir=${dir}`, "--out-name=soft-staking-demo", "--no-typescript", built]);
if (release) {
  // The same passes as the visitor's build: `data-wasm-opt="z"` and its
  // `data-wasm-opt-params`, read from www/index.html.
  const page = await readFile(join(root, "www", "index.html"), "utf8");
  const params = page.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean);
  if (!params) throw new Error("www/index.html: no data-wasm-opt-params on the rust link");
  const wasm = join(dir, "soft-staking-demo_bg.wasm");
  const opt = join(dir, "soft-staking-demo_bg.opt.wasm");
  run("wasm-opt", [`--output=${opt}`, "-Oz", wasm, ...params]);
  await writeFile(wasm, await readFile(opt));
  await rm(opt);
}

if (release) {
  for (const name of ["embed.js", "soft-staking.js", "soft-staking-demo.js"]) {
    const file = join(dir, name);
    const result = await minify(await readFile(file, "utf8"), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
    });
    await writeFile(file, result.code);
  }
}
