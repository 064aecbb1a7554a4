// The iframe page: options come from the URL (?src=&start=&lang=&theme=&event=&origin=). It tells the
// parent page (and only the origin named in ?origin=) its content height and the reader's selections,
// and takes deep links from it. parent.js is the other half.
import { ready } from "./embed.js";

const params = new URLSearchParams(location.search);
const parentOrigin = params.get("origin");
const el = document.createElement("anti-trafficking-timeline");
for (const name of ["src", "lang", "start", "theme"]) {
  const value = params.get(name);
  if (value) el.setAttribute(name, value);
}
if (params.get("event")) el.setAttribute("start", params.get("event"));
document.body.append(el);

const post = (message) => {
  if (parentOrigin && window.parent !== window) {
    window.parent.postMessage({ source: "anti-trafficking-timeline", ...message }, parentOrigin);
  }
};
new ResizeObserver(() => post({ type: "height", height: Math.ceil(document.documentElement.scrollHeight) })).observe(document.body);
el.addEventListener("timeline:select", (e) => post({ type: "select", ...e.detail }));
el.addEventListener("timeline:close", () => post({ type: "close" }));
window.addEventListener("message", (e) => {
  if (!parentOrigin || e.origin !== parentOrigin || e.source !== window.parent) return;
  const data = e.data || {};
  if (data.source === "anti-trafficking-timeline" && data.type === "select" && typeof data.id === "string") {
    ready.then(() => el.__att && el.__att.select(data.id));
  }
});
ready.then(() => post({ type: "ready" }));
