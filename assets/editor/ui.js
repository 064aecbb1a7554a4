// The editor page's wiring, and nothing else: the DOM, the browser's storage, files and clipboard.
// What a text is, its problems (in the words of `cargo xtask check-data`), the data to download and
// the snippet all come from the editor's wasm (src/editor.rs, exported by src/bin/editor.rs). The
// preview is the widget itself (embed.js), given the checked data.
import init, { check, snippet, sample } from "./editor.js";
import { mount } from "../embed.js";

const KEY = "att-editor-v1";
const $ = (id) => document.getElementById(id);
const text = $("ed-text");
const fields = ["ed-lang", "ed-src", "ed-layout", "ed-theme"];

await init();

// The work survives a reload: it is kept in this browser only.
function save() {
  const state = { text: text.value, width: document.querySelector("input[name=ed-width]:checked").value };
  for (const f of fields) state[f] = $(f).value;
  try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (_) { /* storage full or off */ }
}
function restore() {
  let state = null;
  try { state = JSON.parse(localStorage.getItem(KEY) || "null"); } catch (_) { state = null; }
  if (!state) {
    // On a phone, the preview starts at a phone's width.
    if (window.innerWidth < 700) document.querySelector("input[name=ed-width][value='390']").checked = true;
    return;
  }
  text.value = typeof state.text === "string" ? state.text : "";
  for (const f of fields) if (typeof state[f] === "string") $(f).value = state[f];
  const w = document.querySelector(`input[name=ed-width][value="${state.width === "390" ? "390" : "1280"}"]`);
  if (w) w.checked = true;
}

let last = null;
let handle = null;
let generation = 0;

// Line and column (1-based; columns count characters, as check-data does) → the offset in the
// textarea's value (which counts UTF-16 units: an emoji is two).
function offsetOf(line, col) {
  const lines = text.value.split("\n");
  let off = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) off += lines[i].length + 1;
  const here = [...(lines[line - 1] || "")].slice(0, Math.max(col - 1, 0)).join("");
  return Math.min(off + here.length, text.value.length);
}

function jump(line, col) {
  const at = offsetOf(line, col);
  text.focus();
  text.setSelectionRange(at, at);
  const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
  text.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

function showProblems(r) {
  $("ed-kind").textContent = r.kind === "empty" ? "" : `Read as ${r.kindName}.`;
  $("ed-summary").textContent = r.summary;
  const items = r.problems.map((p) => {
    const li = document.createElement("li");
    li.className = p.kind === "error" ? "ed-error" : "ed-warning";
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = p.text;
    if (p.line) {
      b.title = `Go to line ${p.line}, column ${p.col}`;
      b.addEventListener("click", () => jump(p.line, p.col));
    } else {
      b.disabled = true;
    }
    li.append(b);
    return li;
  });
  $("ed-problems").replaceChildren(...items);
}

async function showPreview() {
  const n = ++generation;
  const box = $("ed-preview");
  box.dataset.width = document.querySelector("input[name=ed-width]:checked").value;
  if (!last || !last.json) return; // the last valid preview stays until the errors are fixed
  const el = document.createElement("div");
  const options = { data: JSON.parse(last.json), lang: $("ed-lang").value };
  if ($("ed-layout").value !== "auto") options.layout = $("ed-layout").value;
  if ($("ed-theme").value !== "auto") options.theme = $("ed-theme").value;
  const h = await mount(el, options);
  if (n !== generation) { h.destroy(); return; }
  if (handle) handle.destroy();
  box.replaceChildren(el);
  handle = h;
}

function showSnippet() {
  const lang = $("ed-lang").value;
  $("ed-snippet").value = snippet(new URL("./", location.href).href, $("ed-src").value,
    lang === "en" ? "" : lang, $("ed-layout").value, $("ed-theme").value);
}

function update() {
  last = check(text.value);
  showProblems(last);
  $("ed-download").disabled = !last.json;
  showSnippet();
  showPreview();
  save();
}

let timer = 0;
text.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(update, 300); });
for (const f of fields) $(f).addEventListener("change", update);
$("ed-src").addEventListener("input", () => { showSnippet(); save(); });
for (const r of document.querySelectorAll("input[name=ed-width]")) r.addEventListener("change", () => { showPreview(); save(); });

function load(file) {
  file.text().then((t) => { text.value = t; update(); });
}
$("ed-file").addEventListener("change", (e) => { if (e.target.files[0]) load(e.target.files[0]); });
text.addEventListener("dragover", (e) => e.preventDefault());
text.addEventListener("drop", (e) => {
  const f = e.dataTransfer && e.dataTransfer.files[0];
  if (f) { e.preventDefault(); load(f); }
});
$("ed-sample").addEventListener("click", () => { text.value = sample(); update(); });

$("ed-download").addEventListener("click", () => {
  if (!last || !last.json) return;
  const a = $("ed-download-link");
  if (a.href) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([last.json], { type: "application/json" }));
  a.download = "timeline.json";
  a.click();
});
$("ed-copy").addEventListener("click", async () => {
  const s = $("ed-snippet");
  try { await navigator.clipboard.writeText(s.value); } catch (_) { s.select(); document.execCommand("copy"); }
  $("ed-copied").textContent = "Copied.";
  setTimeout(() => { $("ed-copied").textContent = ""; }, 3000);
});

restore();
update();
