//! The only module that touches the host document: finds mount points, gives each instance its own
//! id prefix, and starts a [`TimelineView`] in it.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Element;
use yew::AppHandle;

use crate::components::{Loaded, Shared, TimelineView, TimelineViewProps};

/// Attribute that marks a mount point in the host page: `<div data-anti-trafficking-timeline></div>`.
pub const MOUNT_ATTRIBUTE: &str = "data-anti-trafficking-timeline";

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A fresh id prefix (`att1`, `att2`, …), unique on the page.
pub fn next_prefix() -> String {
    NEXT_INSTANCE.with(|n| {
        let i = n.get();
        n.set(i.wrapping_add(1));
        format!("att{i}")
    })
}

/// Parses the bundled data file (once per call; share the result between instances).
pub fn bundled() -> Rc<Loaded> {
    Rc::new(crate::source::parse(crate::BUNDLED_DATA))
}

/// Mounts a timeline showing `data` inside `element`, replacing its content.
pub fn mount(element: Element, data: Rc<Loaded>) -> AppHandle<TimelineView> {
    element.set_inner_html("");
    let props = TimelineViewProps {
        data: Shared(data),
        prefix: next_prefix().into(),
        onselect: yew::Callback::noop(),
    };
    yew::Renderer::<TimelineView>::with_root_and_props(element, props).render()
}

/// Mounts the bundled timeline on every `[data-anti-trafficking-timeline]` element of the page.
/// Returns how many were mounted.
pub fn start() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return 0;
    };
    let data = bundled();
    let mut mounted = 0;
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok()) {
            // The app lives as long as the page; its handle is intentionally kept alive.
            std::mem::forget(mount(el, data.clone()));
            mounted += 1;
        }
    }
    mounted
}
