// `node xtask/imports.mjs DIR GLUE.js MODULE_bg.wasm` (run by `cargo xtask` on release builds, never
// shipped): gives the functions that the wasm imports from its wasm-bindgen glue short names, in both
// files; names both files after their new content, and updates DIR/index.html's `integrity` hashes and
// references.
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` under the module
// `./<crate>_bg.js`: about 200 names whose hex digits gzip cannot shrink, written once in the wasm's
// import section and once in the glue's import object. Short names (`a`, `b`, …, `aa`, …) save about
// 6 KB gzip of what a news page loads. Nothing else changes: the same functions, the same order.
//
// The glue must name each import exactly once, as a key of its import object (`name: function`), and
// the module once (`"./<crate>_bg.js": import0`); otherwise this stops with an error rather than
// leave a wasm and a glue that disagree.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, glueFile, wasmFile] = process.argv.slice(2);
if (!dir || !glueFile || !wasmFile) throw new Error("usage: node xtask/imports.mjs DIR GLUE.js MODULE_bg.wasm");
const fail = (what) => { throw new Error(`${wasmFile}: ${what}`); };

// ---- LEB128, the wasm binary's integer encoding ----
function readU32(buf, at) {
  let value = 0, shift = 0, pos = at;
  for (;;) {
    if (pos >= buf.length || shift > 28) fail(`bad LEB128 at byte ${at}`);
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, pos];
  }
}
function u32(n) {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
const name = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([u32(b.length), b]); };

// Short names, in order: a…z A…Z, then two letters; JavaScript's two-letter keywords are skipped
// (they are valid keys, but no reader should have to wonder).
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function* shortNames() {
  for (const a of LETTERS) yield a;
  for (const a of LETTERS) for (const b of LETTERS) if (!["do", "if", "in"].includes(a + b)) yield a + b;
}

const wasmPath = join(dir, wasmFile), gluePath = join(dir, glueFile);
const wasm = readFileSync(wasmPath);
const glue = readFileSync(gluePath, "utf8");
if (wasm.readUInt32LE(0) !== 0x6d736100) fail("not a wasm module");

// The glue's own module: the import object's key that names a `_bg.js` file.
const modules = [...glue.matchAll(/"(\.\/[\w.-]+_bg\.js)"\s*:/g)].map((m) => m[1]);
if (modules.length !== 1) fail(`the glue names ${modules.length} "./…_bg.js" modules, expected 1`);
const oldModule = modules[0];
const newModule = "./a";

const parts = [wasm.subarray(0, 8)];
const renames = new Map();
let pos = 8;
while (pos < wasm.length) {
  const id = wasm[pos];
  const [size, bodyAt] = readU32(wasm, pos + 1);
  const body = wasm.subarray(bodyAt, bodyAt + size);
  pos = bodyAt + size;
  if (id !== 2) { parts.push(Buffer.concat([Buffer.from([id]), u32(size), body])); continue; }
  // The import section: module name, field name, then a description whose length depends on its kind.
  const names = shortNames();
  let [count, p] = readU32(body, 0);
  const out = [u32(count)];
  while (count-- > 0) {
    let len;
    [len, p] = readU32(body, p); const module = body.toString("utf8", p, p + len); p += len;
    [len, p] = readU32(body, p); const field = body.toString("utf8", p, p + len); p += len;
    const descAt = p;
    const kind = body[p++];
    if (kind === 0) [, p] = readU32(body, p); // function: type index
    else if (kind === 1) { p++; const flags = body[p++]; [, p] = readU32(body, p); if (flags & 1) [, p] = readU32(body, p); } // table
    else if (kind === 2) { const flags = body[p++]; [, p] = readU32(body, p); if (flags & 1) [, p] = readU32(body, p); } // memory
    else if (kind === 3) p += 2; // global: value type, mutability
    else if (kind === 4) { p++; [, p] = readU32(body, p); } // tag
    else fail(`import ${module}.${field} has an unknown kind ${kind}`);
    const desc = body.subarray(descAt, p);
    if (module !== oldModule) { out.push(name(module), name(field), desc); continue; }
    if (!renames.has(field)) renames.set(field, names.next().value);
    out.push(name(newModule), name(renames.get(field)), desc);
  }
  const section = Buffer.concat(out);
  parts.push(Buffer.concat([Buffer.from([2]), u32(section.length), section]));
}
if (renames.size === 0) fail(`imports nothing from ${oldModule}`);

// The glue: each old name exactly once, as a key.
let newGlue = glue;
for (const [oldName, newName] of renames) {
  const re = new RegExp(`(?<![\\w$])${oldName.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
  const hits = [...newGlue.matchAll(re)];
  if (hits.length !== 1) fail(`the glue names the import ${oldName} ${hits.length} times, expected once`);
  if (!/^\s*:/.test(newGlue.slice(hits[0].index + oldName.length))) fail(`the glue's ${oldName} is not a key`);
  newGlue = newGlue.replace(re, newName);
}
newGlue = newGlue.replace(`"${oldModule}"`, `"${newModule}"`);

const newWasm = Buffer.concat(parts);
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
// Trunk named both files after their content before this change (`<crate>-<hex digits>`): they get
// the digits of what they hold now, so that a cache never pairs one build's glue with another's wasm
// (a change to this script changes the files, and with it their names).
const stem = wasmFile.replace(/_bg\.wasm$/, "");
// (Trunk writes its hash without leading zeros: 15 digits, now and then.)
const oldBase = stem.match(/^(.*-)[0-9a-f]{1,16}$/);
if (!oldBase || glueFile !== `${stem}.js`) fail(`expected <name>-<hex digits>_bg.wasm and the same name .js, got ${glueFile}`);
const digits = createHash("sha256").update(newWasm).update(newGlue).digest("hex").slice(0, 16);
const newStem = `${oldBase[1]}${digits}`;
const html = join(dir, "index.html");
if (existsSync(html)) {
  // index.html preloads both with their hashes and names: they must follow, or the browser refuses
  // (or cannot find) the files.
  let page = readFileSync(html, "utf8");
  for (const [before, after, file] of [[wasm, newWasm, wasmFile], [glue, newGlue, glueFile]]) {
    if (!page.includes(file)) continue;
    if (!page.includes(sri(before))) fail(`index.html names ${file} without its sha384 hash`);
    page = page.replaceAll(sri(before), sri(after));
  }
  writeFileSync(html, page.replaceAll(stem, newStem));
}
writeFileSync(join(dir, `${newStem}_bg.wasm`), newWasm);
writeFileSync(join(dir, `${newStem}.js`), newGlue);
if (newStem !== stem) { unlinkSync(wasmPath); unlinkSync(gluePath); }
console.log(`    shortened ${renames.size} import names: ${wasmFile} ${wasm.length} → ${newStem}_bg.wasm ${newWasm.length} bytes, ${glueFile} ${glue.length} → ${newStem}.js ${newGlue.length}`);
