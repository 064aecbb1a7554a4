// For pages that embed the timeline in an iframe:
//   <iframe data-anti-trafficking-timeline-frame data-src="https://…/embed.html?start=vienna-2024" title="Timeline"></iframe>
//   <script src="https://…/parent.js" defer></script>
// Sets each frame's address (adding this page's origin, and #event=ID deep links), its height to its
// content, re-dispatches timeline:select and timeline:close on the iframe element, and (with
// data-deep-link) keeps the open entry in this page's URL. Messages are checked against the frame's
// origin and window.
(() => {
  const TAG = "anti-trafficking-timeline";
  const frames = () => [...document.querySelectorAll("iframe[data-anti-trafficking-timeline-frame]")];
  const originOf = (f) => new URL(f.src || f.dataset.src, location.href).origin;
  const hashId = () => {
    const m = location.hash.match(/^#event=(.+)$/);
    return m ? decodeURIComponent(m[1]) : null;
  };
  for (const f of frames()) {
    if (f.src || !f.dataset.src) continue;
    const url = new URL(f.dataset.src, location.href);
    url.searchParams.set("origin", location.origin);
    if (f.hasAttribute("data-deep-link") && hashId()) url.searchParams.set("event", hashId());
    f.style.width = "100%";
    f.style.border = "0";
    f.style.height = "600px";
    f.src = url.href;
  }
  window.addEventListener("message", (e) => {
    const f = frames().find((x) => x.contentWindow === e.source);
    const d = e.data;
    if (!f || e.origin !== originOf(f) || !d || d.source !== TAG) return;
    if (d.type === "height" && Number.isFinite(d.height)) {
      f.style.height = Math.min(Math.max(d.height, 120), 20000) + "px";
    } else if (d.type === "select" && typeof d.id === "string") {
      const detail = { id: d.id, title: d.title, date: d.date, category: d.category, sources: d.sources };
      f.dispatchEvent(new CustomEvent("timeline:select", { bubbles: true, detail }));
      if (f.hasAttribute("data-deep-link") && hashId() !== d.id) history.pushState(null, "", "#event=" + encodeURIComponent(d.id));
    } else if (d.type === "close") {
      f.dispatchEvent(new CustomEvent("timeline:close", { bubbles: true }));
    }
  });
  const sendHash = () => {
    const id = hashId();
    if (!id) return;
    for (const f of frames()) {
      if (f.hasAttribute("data-deep-link") && f.contentWindow) {
        f.contentWindow.postMessage({ source: TAG, type: "select", id }, originOf(f));
      }
    }
  };
  window.addEventListener("hashchange", sendHash);
  window.addEventListener("popstate", sendHash);
})();
