//! Sizes of the time axis, and positions applied through the CSSOM.

use web_sys::Element;

/// Rows of labels per lane before marks become clusters.
pub(super) const MAX_ROWS: usize = 3;
/// Pixels beyond each edge that are still rendered.
pub(super) const OVERSCAN: f64 = 240.0;
/// Marks are positioned relative to a base that moves in steps of this many pixels, so that a pan
/// moves one layer per lane (not every mark) and no position exceeds what CSS layout can represent.
pub(super) const CHUNK: f64 = 1_048_576.0;

/// Height of a mark row; on narrow widgets (`touch`: [`ViewState::touch`], the stylesheet's
/// `.att-narrow` from the same width), rows hold 44-px touch targets.
///
/// [`ViewState::touch`]: crate::state::ViewState::touch
pub(super) fn row_h(touch: bool) -> f64 {
    if touch {
        46.0
    } else {
        34.0
    }
}

/// Height of a period-band row.
pub(super) fn band_h(touch: bool) -> f64 {
    if touch {
        46.0
    } else {
        26.0
    }
}

/// `n` rows of height `h`, in pixels.
pub(super) fn rows(n: usize, h: f64) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX)) * h
}

/// A pixel value for a `data-x`/`data-y`/`data-w`/`data-h`/`data-l` attribute (see [`apply_geometry`]).
/// One decimal, written with integer arithmetic (no float formatting code in the wasm).
pub(crate) fn px(v: f64) -> String {
    #[allow(clippy::cast_possible_truncation, reason = "clamped to ±1e15 tenths first")]
    let tenths =
        if v.is_finite() { crate::layout::within((v * 10.0).round(), -1e15, 1e15) as i64 } else { 0 };
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// Applies the geometry carried by data attributes through the CSSOM. Inline `style` attributes would
/// be blocked by a strict Content-Security-Policy (`style-src 'self'`); CSSOM changes are not. One call
/// into JavaScript for the whole surface, and only elements whose values changed are touched (a style
/// change costs a recalculation).
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
const SEL = "[data-x],[data-w],[data-h]";
function one(el) {
  const x = el.getAttribute("data-x"), y = el.getAttribute("data-y") || "0";
  const w = el.getAttribute("data-w"), h = el.getAttribute("data-h"), l = el.getAttribute("data-l");
  const key = x + "," + y + "," + w + "," + h + "," + l;
  if (el.__attGeometry === key) return;
  el.__attGeometry = key;
  const s = el.style;
  if (x !== null) s.setProperty("transform", "translate(" + x + "px," + y + "px)");
  if (w !== null) s.setProperty("width", w + "px");
  if (h !== null) s.setProperty("height", h + "px");
  if (l !== null) s.setProperty("left", l + "px");
}
export function apply_geometry(root) {
  for (const el of root.querySelectorAll(SEL)) one(el);
}
export function watch_geometry(root) {
  apply_geometry(root);
  // Under an element already watched (the embedder watches its whole instance from the start, so
  // that the first render's marks are placed before the first frame): nothing more to do.
  for (let n = root; n; n = n.parentNode) if (n.__attWatched) return () => {};
  root.__attWatched = true;
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "attributes") { if (r.target.matches(SEL)) one(r.target); continue; }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches(SEL)) one(n);
        if (n.firstElementChild) for (const el of n.querySelectorAll(SEL)) one(el);
      }
    }
  });
  mo.observe(root, { subtree: true, childList: true, attributes: true,
    attributeFilter: ["data-x", "data-y", "data-w", "data-h", "data-l"] });
  return () => { root.__attWatched = false; mo.disconnect(); };
}
"#)]
extern "C" {
    pub(crate) fn apply_geometry(root: &Element);
    /// Applies the geometry now, then to every element added or changed under `root`, in the
    /// microtask right after the DOM change: before the browser styles the new marks, even when
    /// Yew's scheduler defers effects to a later task (new marks would otherwise be drawn once at
    /// the lane's start, then slide to their place). Returns the function that stops watching.
    /// Under an element that is watched already, it only applies the geometry now. `embed` watches
    /// each instance's root before its first render: the stage's own watch starts in an effect,
    /// after that render, and Yew's scheduler may let the browser paint a frame in between.
    pub(crate) fn watch_geometry(root: &Element) -> js_sys::Function;
}
