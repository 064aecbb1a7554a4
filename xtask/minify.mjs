// `node xtask/minify.mjs DIR FILE…` (run by `cargo xtask`, never shipped): minifies each FILE under
// DIR in place with terser (ES module: exports and import names are kept), and gives the new hashes to
// the `integrity` attributes that DIR/index.html has for them. Prints each file's bytes before and after.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const [dir, ...files] = process.argv.slice(2);
const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;
const html = join(dir, "index.html");
let page = existsSync(html) ? readFileSync(html, "utf8") : null;
for (const file of files) {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const out = await minify(before, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof out.code !== "string" || !out.code) throw new Error(`${file}: terser returned nothing`);
  writeFileSync(path, out.code);
  if (page && page.includes(file)) {
    // index.html names this file: its integrity hash must follow, or the browser refuses the file.
    if (!page.includes(sri(before))) throw new Error(`index.html names ${file} without its sha384 hash`);
    page = page.replaceAll(sri(before), sri(out.code));
  }
  console.log(`    minified ${file}: ${before.length} → ${out.code.length} bytes`);
}
if (page !== null) writeFileSync(html, page);
