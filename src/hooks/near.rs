//! Whether an element is near the viewport (within a margin), for rendering long lists only where the
//! reader is: the page's own scroll moves them, so an IntersectionObserver watches (no listener on the
//! window).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

/// `true` once `node` has come within `margin` (a CSS margin such as `"1200px 0px"`) of the viewport;
/// it stays `true` (what has been rendered stays, so the page does not jump). Watches only while
/// `watching` (while `node` is rendered).
#[hook]
pub fn use_near_viewport(node: NodeRef, margin: &'static str, watching: bool) -> bool {
    let near = use_state(|| false);
    {
        let near = near.clone();
        use_effect_with(watching, move |watching| {
            let observer = node.cast::<Element>().filter(|_| *watching).and_then(|el| {
                let cb = {
                    let near = near.clone();
                    Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let seen = entries.iter().any(|e| {
                            e.dyn_into::<IntersectionObserverEntry>().is_ok_and(|e| e.is_intersecting())
                        });
                        if seen {
                            near.set(true);
                        }
                    })
                };
                let init = IntersectionObserverInit::new();
                init.set_root_margin(margin);
                let io = IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()?;
                io.observe(&el);
                Some((io, cb))
            });
            move || {
                if let Some((io, _cb)) = observer {
                    io.disconnect();
                }
            }
        });
    }
    *near
}
