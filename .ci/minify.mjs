// Trunk post-build hook: minifies the JavaScript a host page downloads
// (embed.js and the wasm-bindgen glue) in release builds. Trunk's own JS
// minifier rejects the glue's `export default`, so terser does it here.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

if (process.env.TRUNK_PROFILE === "release") {
  const dir = process.env.TRUNK_STAGING_DIR;
  for (const name of ["embed.js", "soft-staking.js"]) {
    const file = join(dir, name);
    const result = await minify(await readFile(file, "utf8"), {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
    });
    await writeFile(file, result.code);
  }
}
