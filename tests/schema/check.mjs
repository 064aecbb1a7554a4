// Checks that data/timeline.schema.json is a valid draft 2020-12 schema that accepts the bundled data
// and the valid fixtures, and rejects the invalid ones (run by `cargo xtask test`).
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const read = (p) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(read("data/timeline.schema.json"));
const cases = [
  ["data/timeline.json", true],
  ["tests/fixtures/small.json", true],
  ["tests/fixtures/panic.json", true],
  ["tests/fixtures/bad.json", false],
  ["tests/fixtures/wrong-shape.json", false],
];
let failed = 0;
for (const [file, valid] of cases) {
  const ok = validate(read(file));
  const detail = ok ? "" : ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 300);
  console.log(`${ok === valid ? "ok  " : "FAIL"} ${file}: ${ok ? "valid" : "invalid"} (expected ${valid ? "valid" : "invalid"}) ${detail}`);
  if (ok !== valid) failed++;
}
process.exit(failed ? 1 : 0);
