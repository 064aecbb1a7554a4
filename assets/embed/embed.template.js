// Stable entry point: <script type="module" src=".../embed.js"></script>
// Loads the widget (content-hashed files beside this one), defines <anti-trafficking-timeline>,
// mounts every [data-anti-trafficking-timeline] element, and exports mount(element, options).
//
// If the widget ever fails with an internal error (a bug), the instance that failed shows an error
// and fires `timeline:error`; the others are mounted again on a fresh copy of the WebAssembly module,
// so they keep working, and the page's own scripts are never affected.
// (`cargo xtask dist` fills in the file names.)
globalThis.__attEmbed = true; // tells the module that this file defines the element and mounts
const TAG = "anti-trafficking-timeline";
const wasmUrl = new URL("./{{WASM}}", import.meta.url);
const glueUrl = new URL("./{{GLUE}}", import.meta.url).href;
// The download and compilation start at once, beside the glue's import (not after it).
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() =>
  fetch(wasmUrl).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
// The glue's own imports (wasm-bindgen's snippets) too, instead of after the glue has been parsed (a
// round trip less on a phone's network).
for (const snippet of {{SNIPPETS}}) {
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = new URL(`./${snippet}`, import.meta.url).href;
  document.head.append(link);
}
// Each element's data downloads beside the wasm, not after the widget has started: a preload that the
// widget's own fetch (same URL, CORS mode, same-origin credentials) then takes instead of asking the
// server again. That is the file its `src` names, or else the widget's own data in the element's
// language (English plus that language: data/timeline.LANG.json beside this file), found as the
// widget finds it: its `lang`, else the nearest `lang` around it, else English.
const LANGS = ["en", "fr", "de", "it", "ru", "es"];
const langOf = (tag) => {
  const primary = (tag || "").trim().split(/[-_]/)[0].toLowerCase();
  return LANGS.includes(primary) ? primary : null;
};
const attr = (el, name) => {
  const v = el.getAttribute(name) ?? el.getAttribute(`data-${name}`);
  return v && v.trim() ? v.trim() : null;
};
for (const el of document.querySelectorAll(`${TAG}, [data-anti-trafficking-timeline]`)) {
  const src = attr(el, "src");
  let url = null;
  try {
    if (src) url = new URL(src, document.baseURI);
    else {
      const around = el.closest("[lang]");
      const lang = langOf(attr(el, "lang")) || langOf(around && around.getAttribute("lang")) || "en";
      url = new URL(`./data/timeline.${lang}.json`, import.meta.url);
    }
  } catch (_) { continue; }
  if (url.protocol !== "http:" && url.protocol !== "https:") continue;
  if (document.head.querySelector(`link[rel=preload][href="${CSS.escape(url.href)}"]`)) continue;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = url.href;
  document.head.append(link);
}
let generation = 0;

// One copy of the module: its own glue (a distinct module URL) and its own memory.
function load() {
  const n = generation++;
  return Promise.all([import(n ? `${glueUrl}?copy=${n}` : glueUrl), compiled])
    .then(([glue, module]) => glue.default({ module_or_path: module }).then((exports) => ({ glue, exports, n })));
}
let current = load();
/** Resolves (to the module's exports) when the widget can mount. */
export const ready = current.then((c) => c.exports);

// Every mounted host and how to mount it again: { options (null: from attributes), inner, copy }.
const mounted = new Map();

function attach(host, rec, c) {
  rec.inner = rec.options ? c.glue.mount(host, rec.options) : c.glue.mount_element(host);
  rec.copy = c.n;
}

function release(rec) {
  const inner = rec.inner;
  rec.inner = null;
  try { if (inner) inner.destroy(); } catch (_) { /* its module copy has stopped */ }
}

async function recover(failedHost, copy) {
  const dead = [...mounted].filter(([, r]) => r.copy === copy);
  if (!dead.length || dead.every(([, r]) => r.failed)) return;
  for (const [host, r] of dead) if (host === failedHost) r.failed = true;
  current = load();
  const c = await current;
  for (const [host, r] of dead) {
    if (r.failed || !mounted.has(host)) continue;
    r.inner = null; // the old copy cannot run any more: start this instance afresh
    if (host.shadowRoot) host.shadowRoot.replaceChildren();
    attach(host, r, c);
  }
}

function track(host, options) {
  const rec = { options, inner: null, copy: -1, failed: false, destroyed: false };
  rec.onerror = (e) => {
    if (e.target === host && e.detail && e.detail.fatal) recover(host, rec.copy);
  };
  host.addEventListener("timeline:error", rec.onerror);
  mounted.set(host, rec);
  const handle = {
    select: (id) => rec.inner && rec.inner.select(id),
    close: () => rec.inner && rec.inner.close(),
    zoomTo: (from, to) => rec.inner && rec.inner.zoomTo(from, to),
    destroy() {
      if (rec.destroyed) return;
      rec.destroyed = true;
      host.removeEventListener("timeline:error", rec.onerror);
      mounted.delete(host);
      release(rec);
    },
  };
  return { rec, handle };
}

/** Mounts a timeline in `element`; resolves to { select, zoomTo, close, destroy }. */
export async function mount(element, options) {
  const c = await current;
  const { rec, handle } = track(element, options || {});
  attach(element, rec, c);
  return handle;
}

// An element configured by its attributes: mounted as soon as the module is ready.
function mountElement(el) {
  const { rec, handle } = track(el, null);
  current.then((c) => { if (!rec.destroyed && !rec.inner) attach(el, rec, c); });
  return handle;
}

if (!customElements.get(TAG)) {
  customElements.define(TAG, class extends HTMLElement {
    connectedCallback() { if (!this.__att) this.__att = mountElement(this); }
    disconnectedCallback() { const h = this.__att; this.__att = null; if (h) h.destroy(); }
  });
}
current.then(() => {
  for (const el of document.querySelectorAll("[data-anti-trafficking-timeline]")) {
    if (!el.__att) el.__att = mountElement(el);
  }
});
