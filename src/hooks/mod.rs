//! Reusable hooks of the view (wasm32 only): the session store and its effect runner, an element's
//! width, whether an element is near the viewport, the fetch of a data file, and focus moves inside
//! an instance.

mod fetch;
mod near;
mod session;
mod width;

pub use fetch::{use_converted, use_fetch, Fetch};
pub use near::use_near_viewport;
pub use session::{use_session, Inbox, Sender};
pub use width::{use_element_width, Measure};

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the element with DOM id `id` inside `root` (the instance's own tree), if it is there.
pub fn focus_in(root: &yew::NodeRef, id: &str) {
    let el = root
        .cast::<HtmlElement>()
        .and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}
