//! The width of an element: measured when it mounts (so that the first frame can use it) and whenever
//! it resizes (its container, not the window).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry, ResizeObserverSize};
use yew::prelude::*;

/// Which width of an element.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Inside its padding (what its content can use).
    Content,
    /// Its whole box, padding and border included.
    Border,
}

/// Calls `on_width` with the width of `node` after every resize, and now unless `known` (the widget
/// was laid out for the width `embed` read from its frame before the first render); stops on unmount.
///
/// Measuring now lays the page out in the middle of the task that rendered. When the width is known,
/// the observer's first report checks it; that report may come a frame after the first paint, so a
/// wrong estimate would show for a frame (tests/e2e_embed.rs checks that a padded host's marks do not
/// move after their first frame).
#[hook]
pub fn use_element_width(node: NodeRef, measure: Measure, on_width: Callback<f64>, known: bool) {
    use_effect_with((), move |()| {
        let observer = node.cast::<Element>().and_then(|el| {
            let cb = {
                let on_width = on_width.clone();
                Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                        on_width.emit(match measure {
                            Measure::Content => entry.content_rect().width(),
                            // The size the observer already has: reading layout here could force it.
                            Measure::Border => entry
                                .border_box_size()
                                .get(0)
                                .dyn_into::<ResizeObserverSize>()
                                .map_or(0.0, |s| s.inline_size()),
                        });
                    }
                })
            };
            let ro = ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
            ro.observe(&el);
            // Measured now too when unknown: the first frames would show no stage.
            if !known {
                on_width.emit(match measure {
                    Measure::Content => f64::from(el.client_width()),
                    Measure::Border => el.get_bounding_client_rect().width(),
                });
            }
            Some((ro, cb))
        });
        move || {
            if let Some((ro, _cb)) = observer {
                ro.disconnect();
            }
        }
    });
}
