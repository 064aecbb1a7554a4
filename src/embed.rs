//! The only module that touches the host document.
//!
//! It defines the `<anti-trafficking-timeline>` element, mounts instances on it and on
//! `[data-anti-trafficking-timeline]` elements, and exports `mount(element, options)` for pages that
//! script. Each instance lives in its own shadow root with one shared, constructed stylesheet, so the
//! page's CSS does not reach in and the widget's does not leak out. It turns widget events into
//! `timeline:*` DOM events on the host element, and (where asked) keeps the open entry in the URL hash
//! with a working Back button. `Handle::destroy` removes everything an instance added.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRootInit, ShadowRootMode,
};
use yew::{AppHandle, Callback};

use crate::components::{Root, RootProps};
use crate::hooks::Inbox;
use crate::model::{EventId, PartialDate};
use crate::state::{minutes, Data, Effect, HostEvent, Intent};

/// The custom element's tag.
pub const TAG: &str = "anti-trafficking-timeline";
/// Attribute that marks a mount point in the host page: `<div data-anti-trafficking-timeline></div>`.
pub const MOUNT_ATTRIBUTE: &str = "data-anti-trafficking-timeline";

/// The widget's stylesheet, adopted by every shadow root.
/// `assets/timeline.css`, minified by `build.rs`.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/timeline.css"));

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    /// Idle Yew apps with their root elements. Yew never frees the event listeners of an app's root
    /// (they are static by design), so apps are reused instead of created for every `mount`.
    static POOL: RefCell<Vec<(AppHandle<Root>, Element)>> = const { RefCell::new(Vec::new()) };
    /// Ordinals of the mounted instances (1 = the first on the page).
    static ORDINALS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    /// Mounted hosts by instance number (`att3` → 3), for the panic hook.
    static HOSTS: RefCell<Vec<(u32, Element)>> = const { RefCell::new(Vec::new()) };
    /// The panic hook has run (it reports once).
    static CRASHED: Cell<bool> = const { Cell::new(false) };
}

#[wasm_bindgen(inline_js = r#"
export function data_url(name) { return new URL("../../data/" + name, import.meta.url).href; }
export async function convert_json(text, kind) {
  let m;
  try {
    m = await import(new URL("../../editor/editor.js", import.meta.url).href);
    await m.default();
  } catch (e) {
    throw ["the converter (editor/editor.js beside the widget) could not be loaded: " + e];
  }
  return m.toNativeJson(text, kind);
}
export function define_element(tag, mount) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    connectedCallback() { if (!this.__att) this.__att = mount(this); }
    disconnectedCallback() { const h = this.__att; this.__att = null; if (h) h.destroy(); }
  });
}
"#)]
extern "C" {
    /// `name` in the `data/` folder beside the widget's files. This file is wasm-bindgen's inline
    /// snippet, at `snippets/<crate>/inline0.js` under the folder that holds the wasm, whatever the page.
    fn data_url(name: &str) -> String;
    /// A table (`kind` `csv` or `tsv`) or a TimelineJS3 file (`timelinejs3`) as this widget's JSON
    /// text, through the editor's module (`src/bin/editor.rs`), which is loaded only for such a file;
    /// rejects with its problems, `[[place, what], …]`.
    fn convert_json(text: &str, kind: &str) -> js_sys::Promise;
    fn define_element(tag: &str, mount: &Closure<dyn Fn(Element) -> JsValue>);
}

/// A fresh id prefix (`att1`, `att2`, …), unique on the page.
pub fn next_prefix() -> String {
    NEXT_INSTANCE.with(|n| {
        let i = n.get();
        n.set(i.wrapping_add(1));
        format!("att{i}")
    })
}

/// The widget's own data in `lang`: `data/timeline.LANG.json` beside its files (`cargo xtask
/// split-data`: English, plus that language's translations).
pub fn default_src(lang: crate::model::Lang) -> String {
    data_url(&crate::format::split_file_name(lang))
}

/// Options of an instance: from the element's attributes, or from `mount(element, options)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// URL of a JSON data file; `None`: the widget's own data ([`default_src`]).
    pub src: Option<String>,
    /// Language of the interface (BCP 47).
    pub lang: Option<String>,
    /// What to show first: `all`, an entry id, or `FROM/TO` dates.
    pub start: Option<String>,
    /// Height: a number of pixels or a CSS length; the content scrolls inside.
    pub height: Option<String>,
    /// `light`, `dark` or `auto`.
    pub theme: Option<String>,
    /// Keep the open entry in the URL hash (`#event=ID`).
    pub deep_link: bool,
    /// The data's format: `auto` (default), `native` or `timelinejs3`.
    pub format: crate::format::Format,
    /// `auto` (default: vertical in a narrow widget), `vertical` or `horizontal`.
    pub layout: crate::state::Layout,
    /// Data given directly by a script (`mount(element, { data })`), already parsed.
    pub data: Option<JsValue>,
}

impl Options {
    /// From attributes: `src`, `lang`, `start`, `height`, `theme`, `deep-link` (or their `data-` forms).
    pub fn from_attributes(el: &Element) -> Self {
        let deep_link = el.has_attribute("deep-link") || el.has_attribute("data-deep-link");
        Self::assemble(
            |name| {
                el.get_attribute(name)
                    .or_else(|| el.get_attribute(&format!("data-{name}")))
                    .map(|v| v.trim().to_owned())
                    .filter(|v| !v.is_empty())
            },
            deep_link,
            None,
        )
    }

    /// From a JS object `{ src, lang, start, height, theme, deepLink, data }`; anything else is ignored.
    pub fn from_js(v: &JsValue) -> Self {
        let field = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
        let deep_link = field("deepLink").and_then(|x| x.as_bool()).unwrap_or(false);
        let data = field("data").filter(JsValue::is_object);
        Self::assemble(|k| field(k).and_then(|x| x.as_string()).filter(|s| !s.is_empty()), deep_link, data)
    }

    fn assemble(get: impl Fn(&str) -> Option<String>, deep_link: bool, data: Option<JsValue>) -> Self {
        Self {
            format: get("format").and_then(|f| crate::format::Format::from_name(&f)).unwrap_or_default(),
            layout: get("layout").and_then(|l| crate::state::Layout::from_name(&l)).unwrap_or_default(),
            src: get("src"),
            lang: get("lang"),
            start: get("start"),
            height: get("height"),
            theme: get("theme"),
            deep_link,
            data,
        }
    }
}

/// A mounted instance, returned by `mount()`. Call `destroy()` to remove it and everything it added.
#[wasm_bindgen]
pub struct Handle {
    inner: Rc<Instance>,
}

/// An event listener added outside the instance's own tree: target, event name, callback.
type Listener = (web_sys::EventTarget, &'static str, Closure<dyn Fn()>);

struct Instance {
    host: Element,
    /// The app and its root element (inside the host's shadow root) while mounted.
    app: RefCell<Option<(AppHandle<Root>, Element)>>,
    props: RefCell<RootProps>,
    /// Listeners this instance added outside its own tree, removed by `destroy`.
    listeners: RefCell<Vec<Listener>>,
}

#[wasm_bindgen]
impl Handle {
    /// Opens the entry with this id (entering its meeting if it is a session).
    pub fn select(&self, id: &str) {
        self.inner.props.borrow().inbox.send(Intent::Open(id.to_owned()));
    }

    /// Closes the detail panel.
    pub fn close(&self) {
        self.inner.props.borrow().inbox.send(Intent::Close);
    }

    /// Shows the time between two ISO dates (`2010`, `2010-06`, `2010-06-30`), inclusive.
    #[wasm_bindgen(js_name = zoomTo)]
    pub fn zoom_to(&self, from: &str, to: &str) -> Result<(), JsValue> {
        let parse = |s: &str| {
            PartialDate::parse_iso(s).ok_or_else(|| {
                JsValue::from_str(&format!("\"{s}\" is not a date like 2004, 2004-05 or 2004-05-13"))
            })
        };
        let (a, b) = (parse(from)?, parse(to)?);
        if b.end_minute() <= a.start_minute() {
            return Err(JsValue::from_str("zoomTo: the end is before the start"));
        }
        let (from, to) = (minutes(a.start_minute()), minutes(b.end_minute()));
        self.inner.props.borrow().inbox.send(Intent::ShowRange { from, to });
        Ok(())
    }

    /// Removes the widget and every listener and timer it added. Safe to call twice.
    pub fn destroy(&self) {
        for (target, name, cb) in self.inner.listeners.borrow_mut().drain(..) {
            let _ = target.remove_event_listener_with_callback(name, cb.as_ref().unchecked_ref());
        }
        let taken = self.inner.app.borrow_mut().take();
        HOSTS.with(|h| h.borrow_mut().retain(|(_, e)| e != &self.inner.host));
        if taken.is_some() {
            let ordinal = self.inner.props.borrow().ordinal;
            ORDINALS.with(|o| o.borrow_mut().retain(|n| *n != ordinal));
        }
        if let Some((mut app, root)) = taken {
            // Idle the app (its effects clean up, its observers disconnect) and keep it for reuse.
            let mut idle = self.inner.props.borrow().clone();
            idle.active = false;
            idle.inbox = Inbox::default();
            idle.on_effect = Callback::noop();
            app.update(idle);
            root.remove();
            POOL.with(|p| p.borrow_mut().push((app, root)));
        }
        if let Some(shadow) = self.inner.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}

/// `mount(element, options)`: mounts a timeline in `element` (see [`Options::from_js`]).
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(element: Element, options: JsValue) -> Result<Handle, JsValue> {
    mount(element, Options::from_js(&options))
}

/// The class of the shadow root's one child, which holds the `.att` root: it stops what the page
/// would pass down by inheritance (see `assets/timeline.css`).
const FRAME_CLASS: &str = "att-frame";

/// Mounts a timeline in `element`, in its shadow root.
pub fn mount(element: Element, options: Options) -> Result<Handle, JsValue> {
    let shadow = match element.shadow_root() {
        Some(s) => s,
        None => element.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_inner_html("");
    adopt_sheet(&shadow);
    // Tables and TimelineJS3 files are read by the editor's module, which this file knows where to find.
    crate::source::set_converter(convert_json);
    // The stylesheet reads the theme from the host (`:host([data-theme=dark])`), so that the page's
    // custom properties on the element still win over the defaults.
    if let Some(theme) = &options.theme {
        if !element.has_attribute("theme") {
            element.set_attribute("data-theme", theme)?;
        }
    }
    if let (Some(h), Some(host)) = (&options.height, element.dyn_ref::<HtmlElement>()) {
        if let Some(css) = crate::attrs::css_length(h) {
            // Through a custom property read by the shadow stylesheet, so that a height the page's own CSS
            // gives the element still wins (an inline style would beat it).
            let _ = host.style().set_property("--att-height", &css);
            element.set_attribute("data-height", &css)?;
        }
    }

    let inner = {
        let on_effect = {
            let (element, deep_link) = (element.clone(), options.deep_link);
            Callback::from(move |effect: Effect| match effect {
                Effect::Host(ev) => dispatch(&element, &ev),
                Effect::Hash(id) if deep_link => sync_hash(id.as_ref()),
                _ => {}
            })
        };
        let ordinal = ORDINALS.with(|o| {
            let mut o = o.borrow_mut();
            let n = (1..).find(|n| !o.contains(n)).unwrap_or(1);
            o.push(n);
            n
        });
        let lang = page_language(&element, options.lang.as_deref());
        let shared = options.data.is_none() && options.src.is_none();
        let given = options.data.as_ref().map(|v| crate::source::read_given(v, options.format));
        let props = RootProps {
            ordinal,
            active: true,
            format: if shared { crate::format::Format::Native } else { options.format },
            layout: options.layout,
            src: match (&options.data, &options.src) {
                (Some(_), _) => None,
                (None, Some(src)) => Some(src.clone()),
                (None, None) => Some(default_src(lang)),
            },
            shared,
            // A TimelineJS3 file given as data is converted first, asynchronously (the converter is
            // the editor's module); any other data is read at once.
            text: match &given {
                Some(crate::source::Given::Convert(text)) => Some(text.clone().into()),
                _ => None,
            },
            data: match given {
                Some(crate::source::Given::Read(read)) => Some(Data(Rc::new(read))),
                _ => None,
            },
            prefix: next_prefix().into(),
            // Measured below, once the frame is in the shadow root.
            host_width: 0.0,
            start: options.start.clone().map(Into::into),
            lang: Some(lang.tag().into()),
            theme: options.theme.clone().map(Into::into),
            inbox: Inbox::default(),
            on_effect,
        };
        // A deep link opens its entry as soon as the timeline runs.
        if let Some(id) = hash_id().filter(|_| options.deep_link) {
            props.inbox.send(Intent::Open(id));
        }
        Rc::new(Instance {
            host: element.clone(),
            app: RefCell::new(None),
            props: RefCell::new(props),
            listeners: RefCell::new(Vec::new()),
        })
    };
    let prefix = inner.props.borrow().prefix.clone();
    if let Some(n) = crate::guard::instance_number(&prefix) {
        HOSTS.with(|h| h.borrow_mut().push((n, element.clone())));
    }
    let pooled = POOL.with(|p| p.borrow_mut().pop());
    let root = match &pooled {
        Some((_, root)) => root.clone(),
        None => {
            let document = element.owner_document().ok_or("no document")?;
            let root = document.create_element("div")?;
            root.set_attribute("class", FRAME_CLASS)?;
            // Marks are placed through the CSSOM as they are added (see `watch_geometry`), from the
            // first render on, for as long as this root lives (a pooled root keeps its watch).
            let _ = crate::components::watch_geometry(&root);
            root
        }
    };
    shadow.append_child(&root)?;
    // The widget's width, read once before its first render (which lays out for it): the frame is the
    // shadow root's one block, as wide as the element's content box (its padding is the page's).
    inner.props.borrow_mut().host_width = root.get_bounding_client_rect().width();
    let props = inner.props.borrow().clone();
    let app = match pooled {
        Some((mut app, _)) => {
            app.update(props);
            app
        }
        None => yew::Renderer::<Root>::with_root_and_props(root.clone(), props).render(),
    };
    *inner.app.borrow_mut() = Some((app, root));
    if options.deep_link {
        follow_history(&inner);
    }
    Ok(Handle { inner })
}

/// `mount_element(element)`: mounts a timeline configured by the element's attributes (used by
/// `embed.js` for `<anti-trafficking-timeline>` and `[data-anti-trafficking-timeline]`).
#[wasm_bindgen]
pub fn mount_element(element: Element) -> Result<Handle, JsValue> {
    let options = Options::from_attributes(&element);
    mount(element, options)
}

/// Whether `embed.js` loaded this module (it then defines the element and mounts, and recovers from
/// an internal error by loading a fresh copy of the module).
fn managed() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("__attEmbed")).is_ok_and(|v| v.is_truthy())
}

/// Installs the panic hook: a panic is a bug, but if one happens, the instance that was at work
/// shows an error (in the reader's language) and fires `timeline:error` (detail: `message`,
/// `fatal: true`), and the error is logged once. WebAssembly cannot unwind, so this copy of the
/// module stops; `embed.js` then mounts the other instances again on a fresh copy. The host page is
/// never affected. (Through Yew, which would otherwise install its own hook when an app starts.)
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        if CRASHED.with(|c| c.replace(true)) {
            return;
        }
        let message = format!("anti-trafficking-timeline: internal error: {info}");
        web_sys::console::error_1(&JsValue::from_str(&message));
        let active = crate::guard::active();
        let hosts: Vec<(u32, Element)> =
            HOSTS.with(|h| h.try_borrow().map(|h| h.clone()).unwrap_or_default());
        let failed: Vec<&Element> = match hosts.iter().find(|(n, _)| *n == active) {
            Some((_, host)) => vec![host],
            None => hosts.iter().map(|(_, h)| h).collect(), // unknown: every instance of this copy
        };
        for host in failed {
            show_crash(host, &message);
        }
    }));
}

/// Replaces an instance's content with an error message and fires `timeline:error` on its host.
fn show_crash(host: &Element, message: &str) {
    let lang = page_language(host, host.get_attribute("lang").as_deref());
    if let (Some(shadow), Some(doc)) = (host.shadow_root(), host.owner_document()) {
        if let (Ok(frame), Ok(div)) = (doc.create_element("div"), doc.create_element("div")) {
            let _ = frame.set_attribute("class", FRAME_CLASS);
            let _ = div.set_attribute("class", "att att-crash");
            let _ = div.set_attribute("role", "alert");
            div.set_text_content(Some(crate::i18n::strings(lang).crashed));
            let _ = frame.append_child(&div);
            shadow.replace_children_with_node_1(&frame);
        }
    }
    let detail = Object::new();
    let _ = Reflect::set(&detail, &JsValue::from_str("message"), &JsValue::from_str(message));
    let _ = Reflect::set(&detail, &JsValue::from_str("fatal"), &JsValue::TRUE);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(e) = CustomEvent::new_with_event_init_dict("timeline:error", &init) {
        let _ = host.dispatch_event(&e);
    }
}

/// Installs the panic hook; unless `embed.js` manages the page, defines `<anti-trafficking-timeline>`
/// and mounts every `[data-anti-trafficking-timeline]` element. Returns how many `div`s were mounted
/// (custom elements mount themselves when connected).
pub fn start() -> usize {
    install_panic_hook();
    if managed() {
        return 0;
    }
    let mount_el = Closure::<dyn Fn(Element) -> JsValue>::new(|el: Element| {
        let options = Options::from_attributes(&el);
        match mount(el, options) {
            Ok(h) => JsValue::from(h),
            Err(_) => JsValue::NULL,
        }
    });
    define_element(TAG, &mount_el);
    // The element definition lives as long as the page.
    mount_el.forget();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let options = Options::from_attributes(&el);
            if let Ok(h) = mount(el, options) {
                // A div mounted at start-up lives as long as the page.
                std::mem::forget(h);
                mounted += 1;
            }
        }
    }
    mounted
}

/// The interface language: the `lang` option, else the nearest `lang` attribute around the element
/// (usually the page's `<html lang>`), else English.
fn page_language(element: &Element, option: Option<&str>) -> crate::model::Lang {
    let from_page = || element.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    option
        .and_then(crate::model::Lang::from_tag)
        .or_else(|| from_page().as_deref().and_then(crate::model::Lang::from_tag))
        .unwrap_or_default()
}

/// One constructed stylesheet, shared by all shadow roots (no `<style>` element: CSP-friendly).
fn adopt_sheet(shadow: &web_sys::ShadowRoot) {
    let sheet = SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            if let Ok(sheet) = CssStyleSheet::new() {
                let _ = sheet.replace_sync(CSS);
                *s = Some(sheet);
            }
        }
        s.clone()
    });
    if let Some(sheet) = sheet {
        let _ = Reflect::set(shadow, &JsValue::from_str("adoptedStyleSheets"), &Array::of1(&sheet));
    }
}

/// `timeline:ready`, `timeline:select` (detail: id, title, date, category, sources),
/// `timeline:close`, `timeline:rangechange` (detail: from, to) — bubbling and composed.
fn dispatch(element: &Element, ev: &HostEvent) {
    let detail = Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&detail, &JsValue::from_str(k), &v);
    };
    let name = match ev {
        HostEvent::Ready => "timeline:ready",
        HostEvent::Close => "timeline:close",
        HostEvent::Select(sel) => {
            set("id", JsValue::from_str(sel.id.as_str()));
            set("title", JsValue::from_str(&sel.title));
            set("date", JsValue::from_str(&sel.date));
            set("category", JsValue::from_str(sel.category.key()));
            let urls: Array = sel.sources.iter().map(|s| JsValue::from_str(s)).collect();
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
#[allow(clippy::cast_possible_truncation, reason = "saturating, and only after the finite check")]
fn iso_minute(t: f64) -> String {
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

/// Puts the open entry in the URL (a new history entry), and removes it on close.
fn sync_hash(id: Option<&EventId>) {
    let Some(window) = web_sys::window() else { return };
    let wanted = id.map(|id| id.as_str().to_owned());
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

/// Back and Forward (and edited hashes) open or close entries; removed by `destroy`.
fn follow_history(inner: &Rc<Instance>) {
    let Some(window) = web_sys::window() else { return };
    let weak = Rc::downgrade(inner);
    let cb = Closure::<dyn Fn()>::new(move || {
        if let Some(i) = weak.upgrade() {
            i.props.borrow().inbox.send(match hash_id() {
                Some(id) => Intent::Open(id),
                None => Intent::Close,
            });
        }
    });
    if window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref()).is_ok() {
        inner.listeners.borrow_mut().push((window.into(), "popstate", cb));
    }
}
