//! The only module that touches the host document: finds mount points, gives each instance its own
//! id prefix, turns widget events into DOM events on the host element, and (where asked) keeps the
//! selected entry in the page's URL hash (`#event=ID`) with a working Back button.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::{AppHandle, Callback};

use crate::components::{HostEvent, Loaded, Request, Shared, TimelineView, TimelineViewProps};
use crate::model::Timeline;

/// Attribute that marks a mount point in the host page: `<div data-anti-trafficking-timeline></div>`.
pub const MOUNT_ATTRIBUTE: &str = "data-anti-trafficking-timeline";
/// Attribute that makes an instance keep its selection in the URL hash (the standalone page).
pub const DEEP_LINK_ATTRIBUTE: &str = "data-deep-link";
/// Attribute with the initial view: `all`, an entry id, or `FROM/TO` dates.
pub const START_ATTRIBUTE: &str = "data-start";

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

/// Mounts a timeline showing `data` inside `element`, replacing its content. Widget events are
/// dispatched on `element` as `timeline:*` DOM events.
pub fn mount(element: Element, data: Rc<Loaded>) -> Rc<RefCell<AppHandle<TimelineView>>> {
    let deep_link = element.has_attribute(DEEP_LINK_ATTRIBUTE);
    let start = element.get_attribute(START_ATTRIBUTE).map(Into::into);
    element.set_inner_html("");
    let on_host = {
        let (element, data) = (element.clone(), data.clone());
        Callback::from(move |ev: HostEvent| {
            dispatch(&element, &data, &ev);
            if deep_link {
                sync_hash(&ev);
            }
        })
    };
    let props = TimelineViewProps {
        data: Shared(data),
        prefix: next_prefix().into(),
        start,
        request: if deep_link { hash_id().map(|id| (0, Request::Open(id))) } else { None },
        on_host,
    };
    let handle = Rc::new(RefCell::new(
        yew::Renderer::<TimelineView>::with_root_and_props(element, props.clone()).render(),
    ));
    if deep_link {
        follow_history(handle.clone(), props);
    }
    handle
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
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            // The app lives as long as the page; its handle is intentionally kept alive.
            std::mem::forget(mount(el, data.clone()));
            mounted += 1;
        }
    }
    mounted
}

/// `timeline:ready`, `timeline:select` (detail: id, title, date, category, sources),
/// `timeline:close`, `timeline:rangechange` (detail: from, to) — bubbling and composed.
fn dispatch(element: &Element, data: &Loaded, ev: &HostEvent) {
    let detail = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&detail, &JsValue::from_str(k), &v);
    };
    let name = match ev {
        HostEvent::Ready => "timeline:ready",
        HostEvent::Close => "timeline:close",
        HostEvent::Select(id) => {
            let Some(item) = data.as_ref().ok().and_then(|t: &Timeline| t.find(id.as_str())) else { return };
            set("id", JsValue::from_str(id.as_str()));
            set("title", JsValue::from_str(&item.info().title));
            set("date", JsValue::from_str(&item.when().iso()));
            set("category", JsValue::from_str(item.category().key()));
            let urls: Array = item.info().sources.iter().map(|s| JsValue::from_str(&s.url)).collect();
            set("sources", urls.into());
            "timeline:select"
        }
        HostEvent::Range { from, to } => {
            set("from", JsValue::from_str(&iso_minute(*from)));
            set("to", JsValue::from_str(&iso_minute(*to)));
            "timeline:rangechange"
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&e);
    }
}

/// `2004-05-13T09:30` for a time in minutes since 1970.
fn iso_minute(t: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let m = if t.is_finite() { t.floor() as i64 } else { 0 };
    let (y, mo, d) = crate::model::civil_from_days(m.div_euclid(1440));
    let min = m.rem_euclid(1440);
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}", min / 60, min % 60)
}

/// The entry id in the page's hash (`#event=ID`), if any.
fn hash_id() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix("#event=")?;
    let id = js_sys::decode_uri_component(id).ok().map(String::from).unwrap_or_else(|| id.to_owned());
    (!id.is_empty()).then_some(id)
}

/// Puts a selection in the URL (a new history entry), and removes it on close.
fn sync_hash(ev: &HostEvent) {
    let Some(window) = web_sys::window() else { return };
    let wanted = match ev {
        HostEvent::Select(id) => Some(id.as_str().to_owned()),
        HostEvent::Close => None,
        _ => return,
    };
    if hash_id() == wanted {
        return;
    }
    let Ok(history) = window.history() else { return };
    let loc = window.location();
    let url = match &wanted {
        Some(id) => format!("#event={id}"),
        None => format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default()),
    };
    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
}

/// Back and Forward (and edited hashes) open or close entries.
fn follow_history(handle: Rc<RefCell<AppHandle<TimelineView>>>, props: TimelineViewProps) {
    let Some(window) = web_sys::window() else { return };
    let props = RefCell::new((props, 0u32));
    let cb = Closure::<dyn Fn()>::new(move || {
        let mut p = props.borrow_mut();
        p.1 = p.1.wrapping_add(1);
        let request = match hash_id() {
            Some(id) => Request::Open(id),
            None => Request::Close,
        };
        p.0.request = Some((p.1, request));
        if let Ok(mut h) = handle.try_borrow_mut() {
            h.update(p.0.clone());
        }
    });
    let _ = window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    // The standalone page lives as long as its listener.
    cb.forget();
}
