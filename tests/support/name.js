// The accessible name of element `e` as assistive technology computes it for the widget's controls:
// its aria-label, else its text without the parts marked aria-hidden. The one definition shared by
// the end-to-end support (tests/support/mod.rs) and the browser tests (tests/browser.rs).
function accessibleName(e) {
  if (e.getAttribute('aria-label') !== null) return e.getAttribute('aria-label');
  const c = e.cloneNode(true);
  c.querySelectorAll('[aria-hidden=true]').forEach((x) => x.remove());
  return c.textContent;
}
