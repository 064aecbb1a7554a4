//! Browser tests: the widget mounted in headless Chromium, used the way a reader uses it.
#![cfg(target_arch = "wasm32")]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::cell::RefCell;
use std::rc::Rc;

use anti_trafficking_timeline::components::{Data, TimelineView, TimelineViewProps};
use anti_trafficking_timeline::hooks::Inbox;
use anti_trafficking_timeline::state::{Effect, HostEvent, Intent};
use anti_trafficking_timeline::{embed, source};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit, WheelEvent, WheelEventInit};
use yew::Callback;

/// The bundled data file (the widget fetches it from `dist/data/`; these tests give it directly).
const BUNDLED_DATA: &str = include_str!("../data/timeline.json");

wasm_bindgen_test_configure!(run_in_browser);

const MEETING: &str = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Waits `ms` milliseconds (lets ResizeObserver and effects run), then the next animation frame (where
/// the widget moves focus and scrolls after a render).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    yew::scheduler::flush().await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// A fresh 1000-px-wide container in the page.
fn container() -> Element {
    let host = document().create_element("div").expect("div");
    host.set_attribute("style", "width:1000px").unwrap();
    document().body().expect("body").append_child(&host).expect("append");
    host
}

/// Everything the widget passed to its host: events and hash changes.
type Events = Rc<RefCell<Vec<Effect>>>;

/// Mounts a widget showing `text` (JSON) with `start` and an intent from the host page waiting (a deep
/// link); returns the container and what the widget passed to its host.
async fn mount_with(text: &str, start: Option<&str>, request: Option<Intent>) -> (Element, Events) {
    let inbox = Inbox::default();
    if let Some(intent) = request {
        inbox.send(intent);
    }
    mount_full(text, start, None, inbox).await
}

/// Mounts a widget showing `text` in `lang`, fed by `inbox`; returns the container and what the widget
/// passed to its host.
async fn mount_full(text: &str, start: Option<&str>, lang: Option<&str>, inbox: Inbox) -> (Element, Events) {
    let host = container();
    let events: Events = Rc::default();
    let rec = events.clone();
    let props = TimelineViewProps {
        data: Data(Rc::new(source::parse(text, anti_trafficking_timeline::format::Format::Auto))),
        prefix: embed::next_prefix().into(),
        start: start.map(|s| s.to_owned().into()),
        inbox,
        on_effect: Callback::from(move |e| rec.borrow_mut().push(e)),
        theme: None,
        lang: lang.map(|l| l.to_owned().into()),
        ordinal: 1,
        layout: Default::default(),
        // Unknown: the widget measures itself, as a widget mounted in a hidden element does.
        host_width: 0.0,
    };
    yew::Renderer::<TimelineView>::with_root_and_props(host.clone(), props).render();
    drawn(&host).await;
    (host, events)
}

/// Waits (up to 3 s) until the widget has measured itself and drawn its axis, or shows a problem list
/// or a view without an axis (the meeting).
async fn drawn(host: &Element) {
    for _ in 0..300 {
        let ready = ["[data-unit] > span", "[role=alert]", "section[aria-labelledby] h4"]
            .iter()
            .any(|sel| host.query_selector(sel).ok().flatten().is_some());
        if ready {
            sleep(10).await;
            return;
        }
        sleep(10).await;
    }
    panic!("the widget did not draw within 3 s");
}

/// The bundled data, so counts and names follow it (an editor's change does not break the tests).
fn bundled() -> anti_trafficking_timeline::model::Timeline {
    source::parse(BUNDLED_DATA, anti_trafficking_timeline::format::Format::Auto).expect("bundled data")
}

/// An entry's title and label in `lang`.
fn names(id: &str, lang: anti_trafficking_timeline::model::Lang) -> (String, String) {
    let t = bundled();
    let info = t.find(id).expect("entry").info().clone();
    (info.title_in(lang).to_owned(), info.short_in(lang).to_owned())
}

async fn mount_bundled() -> Element {
    mount_with(BUNDLED_DATA, None, None).await.0
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The accessible name (tests/support/name.js, shared with the end-to-end tests).
fn name(e: &Element) -> String {
    thread_local! {
        static NAME: js_sys::Function = js_sys::Function::new_with_args(
            "e",
            &format!("{}\nreturn accessibleName(e);", include_str!("support/name.js")),
        );
    }
    NAME.with(|f| f.call1(&JsValue::NULL, e).ok().and_then(|v| v.as_string()).unwrap_or_default())
}

/// The first button whose accessible name contains `needle`.
fn find_button(root: &Element, needle: &str) -> Option<HtmlElement> {
    all(root, "button").into_iter().find(|b| name(b).contains(needle)).and_then(|b| b.dyn_into().ok())
}

fn button(root: &Element, needle: &str) -> HtmlElement {
    find_button(root, needle).unwrap_or_else(|| panic!("no button named {needle:?}"))
}

/// The region labelled by a heading whose text is `title` (detail panel, meeting view).
fn region(root: &Element, title: &str) -> Option<Element> {
    all(root, "section[aria-labelledby]").into_iter().find(|s| {
        let id = s.get_attribute("aria-labelledby").unwrap_or_default();
        s.query_selector(&format!("[id='{id}']")).ok().flatten().is_some_and(|h| text(&h) == title)
    })
}

fn focused() -> Option<Element> {
    document().active_element()
}

async fn click(b: &HtmlElement) {
    b.click();
    sleep(10).await;
}

async fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    focused().expect("something focused").dispatch_event(&ev).expect("dispatch");
    sleep(10).await;
}

/// The visible-range caption ("Showing 2000 – 2025 · axis in years").
fn caption(root: &Element) -> String {
    all(root, "p").into_iter().map(|p| text(&p)).find(|t| t.starts_with("Showing ")).unwrap_or_default()
}

fn surface(root: &Element) -> Element {
    // The one element that takes wheel and drag: the parent of the axis.
    all(root, "[aria-hidden=true][data-unit]")
        .first()
        .and_then(|a| a.parent_element())
        .expect("the timeline surface")
}

/// A key held during a wheel event.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Held {
    Nothing,
    Ctrl,
}

/// Dispatches a wheel event on the surface; returns whether the widget prevented the default.
async fn wheel(root: &Element, dx: f64, dy: f64, held: Held) -> bool {
    let init = WheelEventInit::new();
    init.set_delta_x(dx);
    init.set_delta_y(dy);
    init.set_ctrl_key(held == Held::Ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_client_x(500);
    let ev = WheelEvent::new_with_event_init_dict("wheel", &init).expect("wheel");
    let not_prevented = surface(root).dispatch_event(&ev).expect("dispatch");
    sleep(60).await; // wheel input is applied at the next animation frame
    !not_prevented
}

#[wasm_bindgen_test]
async fn the_timeline_shows_lanes_periods_and_an_axis_in_years() {
    let root = mount_bundled().await;
    let lanes: Vec<String> = all(&root, "[role=group] > h3").iter().map(text).collect();
    for lane in ["UN", "OSCE", "Council of Europe", "EU", "National law"] {
        assert!(lanes.iter().any(|l| l == lane), "lane {lane} missing from {lanes:?}");
    }
    assert_eq!(caption(&root), "Showing 2000 – 2025 · axis in years");
    let ticks: Vec<String> = all(&surface(&root), "[data-unit] > span").iter().map(text).collect();
    assert!(ticks.contains(&"2004".to_owned()) && ticks.contains(&"2020".to_owned()), "{ticks:?}");
    let periods = find_button(&root, "Helga Konrad, 13 May 2004 – May 2006, OSCE Special Representative");
    assert!(periods.is_some(), "the Special Representatives' terms are bands");
    assert!(find_button(&root, "GRETA 4th round").is_some());
    // Every mark has a date, and a name of the form "title, date, lane".
    assert!(find_button(
        &root,
        "UN adopts the Palermo Convention and Trafficking Protocol, 15 November 2000, UN"
    )
    .is_some());
}

#[wasm_bindgen_test]
async fn clicking_a_mark_opens_its_details_and_focuses_them() {
    let root = mount_bundled().await;
    click(&button(&root, "OSCE Action Plan to Combat Trafficking in Human Beings, 24 July 2003")).await;
    let panel =
        region(&root, "OSCE Action Plan to Combat Trafficking in Human Beings").expect("detail panel");
    let t = text(&panel);
    assert!(t.contains("24 July 2003"), "{t}");
    let plan = bundled().find("osce-action-plan").expect("plan").info().clone();
    assert!(t.contains(&format!("About the sources: {}", plan.note.unwrap_or_default())), "{t}");
    let links = all(&panel, "a[href]");
    assert_eq!(links.len(), plan.sources.len());
    for a in &links {
        assert!(a.get_attribute("href").is_some_and(|h| h.starts_with("http")));
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert!(a.get_attribute("rel").is_some_and(|r| r.contains("noopener")));
    }
    assert_eq!(
        focused().map(|f| text(&f)).as_deref(),
        Some("OSCE Action Plan to Combat Trafficking in Human Beings")
    );
    let mark = button(&root, "OSCE Action Plan to Combat Trafficking in Human Beings, 24 July 2003");
    assert_eq!(
        mark.get_attribute("aria-current").as_deref(),
        Some("true"),
        "the selected mark is highlighted"
    );
    // Next goes on in time order, and keeps the mark in view.
    click(&button(&panel, "Next: Palermo Convention enters into force")).await;
    assert!(region(&root, "Palermo Convention enters into force").is_some());
    assert!(find_button(&root, "Palermo Convention enters into force, 29 September 2003").is_some());
}

#[wasm_bindgen_test]
async fn escape_and_the_close_button_close_the_panel_and_return_focus() {
    let root = mount_bundled().await;
    let mark = button(&root, "EU Framework Decision on trafficking, 19 July 2002");
    click(&mark).await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_some());
    press("Escape").await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_none());
    assert_eq!(focused().and_then(|f| f.get_attribute("id")), mark.get_attribute("id"));
    click(&mark).await;
    click(&button(&root, "Close details")).await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_none());
    assert_eq!(focused().and_then(|f| f.get_attribute("id")), mark.get_attribute("id"));
}

#[wasm_bindgen_test]
async fn zooming_in_changes_the_tick_unit_and_is_bounded() {
    let root = mount_bundled().await;
    assert!(button(&root, "Zoom out").has_attribute("disabled"), "already showing everything");
    let mut units = vec![caption(&root)];
    for _ in 0..30 {
        let zin = button(&root, "Zoom in");
        if zin.has_attribute("disabled") {
            break;
        }
        click(&zin).await;
        let c = caption(&root);
        let unit = c.rsplit("axis in ").next().unwrap_or_default().to_owned();
        if units.last().map(|u| u.rsplit("axis in ").next().unwrap_or_default()) != Some(unit.as_str()) {
            units.push(c);
        }
    }
    let names: Vec<&str> = units.iter().map(|u| u.rsplit("axis in ").next().unwrap_or_default()).collect();
    assert_eq!(names, ["years", "months", "days", "hours", "minutes"], "{units:?}");
    assert!(button(&root, "Zoom in").has_attribute("disabled"), "zoom stops at minutes");
    // Month ticks read like "Mar 2012".
    click(&button(&root, "Fit all")).await;
    assert_eq!(caption(&root), "Showing 2000 – 2025 · axis in years");
}

#[wasm_bindgen_test]
async fn a_vertical_wheel_is_left_to_the_page_ctrl_wheel_zooms_horizontal_wheel_pans() {
    let root = mount_bundled().await;
    let before = caption(&root);
    assert!(!wheel(&root, 0.0, 120.0, Held::Nothing).await, "a vertical wheel must scroll the page");
    assert_eq!(caption(&root), before, "and must not move the timeline");
    assert!(wheel(&root, 0.0, -400.0, Held::Ctrl).await, "Ctrl + wheel zooms");
    let zoomed = caption(&root);
    assert_ne!(zoomed, before);
    assert!(wheel(&root, 300.0, 0.0, Held::Nothing).await, "a horizontal wheel pans");
    assert_ne!(caption(&root), zoomed);
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_events_in_time_order() {
    let root = mount_bundled().await;
    let first = button(&root, "US Trafficking Victims Protection Act, 28 October 2000");
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"), "the first mark holds the tab stop");
    first.focus().unwrap();
    press("ArrowRight").await;
    assert!(focused()
        .map(|f| name(&f))
        .unwrap_or_default()
        .starts_with("Palermo Protocol adopted — UN adopts"));
    press("End").await;
    assert!(
        focused().map(|f| name(&f)).unwrap_or_default().starts_with("UNODC Global Report"),
        "End: the last event"
    );
    press("Home").await;
    assert!(focused()
        .map(|f| name(&f))
        .unwrap_or_default()
        .starts_with("US TVPA enacted — US Trafficking Victims Protection Act"));
    // Only one mark is in the tab order.
    let stops = all(&surface(&root), "button[tabindex='0']");
    assert_eq!(stops.len(), 1);
}

#[wasm_bindgen_test]
async fn lanes_can_be_hidden_and_shown() {
    let root = mount_bundled().await;
    let n = bundled().events.iter().filter(|e| e.category.key() == "eu").count();
    let lane = format!("EU ({n})");
    let eu = button(&root, &lane);
    assert_eq!(eu.get_attribute("aria-pressed").as_deref(), Some("true"));
    click(&eu).await;
    assert_eq!(button(&root, &lane).get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(!all(&root, "[role=group] > h3").iter().any(|h| text(h) == "EU"));
    assert!(find_button(&root, "EU Framework Decision on trafficking, 19 July 2002").is_none());
    click(&button(&root, &lane)).await;
    assert!(find_button(&root, "EU Framework Decision on trafficking, 19 July 2002").is_some());
}

#[wasm_bindgen_test]
async fn a_cluster_expands_when_activated() {
    let root = mount_bundled().await;
    let cluster = all(&root, "button")
        .into_iter()
        .find(|b| text(b).starts_with('+') && name(b).contains("more"))
        .expect("a cluster mark at this zoom");
    let label = name(&cluster);
    let before = caption(&root);
    cluster.dyn_into::<HtmlElement>().unwrap().click();
    sleep(20).await;
    assert_ne!(caption(&root), before, "activating {label:?} zooms in");
    assert!(!all(&root, "button").iter().any(|b| name(b) == label), "the cluster is gone at the closer zoom");
}

#[wasm_bindgen_test]
async fn the_meeting_opens_into_days_with_a_breadcrumb_back() {
    let root = mount_bundled().await;
    click(&button(&root, "Open Vienna meeting, 2024 (9 sessions)")).await;
    let view = region(&root, MEETING).expect("the meeting view");
    assert_eq!(focused().map(|f| text(&f)).as_deref(), Some(MEETING), "focus moves to the meeting's heading");
    let t = text(&view);
    assert!(t.contains("2024, two days (exact dates not reported) · 9 sessions"), "{t}");
    let days: Vec<String> = all(&view, "h4").iter().map(text).collect();
    assert_eq!(days, ["Day 1", "Day 2", "Day not reported"]);
    let cols = all(&view, "[role=group][aria-label]");
    assert!(text(&cols[1]).contains("No session reported for this day."));
    let day1: Vec<String> = all(&cols[0], "button").iter().map(text).collect();
    assert_eq!(day1, ["Welcoming remarks: Michael Cluett", "Opening remarks: Dr Kari Johnstone"]);
    let rest: Vec<String> = all(&cols[2], "button").iter().map(text).collect();
    assert_eq!(rest[0], "Statement: Petya Nestorova");
    assert_eq!(
        rest.last().map(String::as_str),
        Some("Topic: access to justice and effective remedies for victims")
    );
    // A session's details.
    click(&button(&view, "Opening remarks: Dr Kari Johnstone")).await;
    let panel = region(&root, "Opening remarks: Dr Kari Johnstone").expect("session panel");
    assert!(text(&panel).contains(&format!("Part of {MEETING} · Day 1")));
    press("Escape").await;
    // Back to the 24 years: focus returns to the meeting's mark.
    click(&button(&root, "All events, 2000–2024")).await;
    assert!(region(&root, MEETING).is_none());
    assert!(focused()
        .map(|f| name(&f))
        .unwrap_or_default()
        .starts_with("Vienna meeting, 2024 — Annual meeting"));
}

#[wasm_bindgen_test]
async fn the_host_hears_ready_select_close_and_range_changes() {
    let (root, events) = mount_with(BUNDLED_DATA, None, None).await;
    assert_eq!(events.borrow().first(), Some(&Effect::Host(HostEvent::Ready)));
    click(&button(&root, "UK Modern Slavery Act, 26 March 2015")).await;
    click(&button(&root, "Close details")).await;
    click(&button(&root, "Zoom in")).await;
    let ev = events.borrow();
    let kinds: Vec<String> = ev
        .iter()
        .filter_map(|e| match e {
            Effect::Host(HostEvent::Ready) => Some("ready".to_owned()),
            Effect::Host(HostEvent::Select(sel)) => Some(format!("select:{}", sel.id)),
            Effect::Host(HostEvent::Close) => Some("close".to_owned()),
            Effect::Host(HostEvent::Range { .. }) => Some("range".to_owned()),
            _ => None,
        })
        .collect();
    // In this 1000 px widget the details open beside the axis: the axis keeps its scale and shows less
    // time while they are open (a range change on opening and on closing), then the zoom.
    assert_eq!(kinds, ["ready", "select:uk-modern-slavery-act", "range", "close", "range", "range"]);
}

/// Options that give the embedder the bundled data directly (as `mount(element, { data })` does): this
/// test server has no `data/` folder; the end-to-end suites load the widget's own files from `dist/`.
fn bundled_options() -> embed::Options {
    embed::Options { data: js_sys::JSON::parse(BUNDLED_DATA).ok(), ..Default::default() }
}

/// Mounts through the embedder (shadow root, options); returns the host, the element inside the shadow
/// root that holds the widget, and the handle.
async fn embed_with(options: embed::Options) -> (Element, Element, embed::Handle) {
    let host = container();
    let handle = embed::mount(host.clone(), options).expect("mounted");
    let inner =
        host.shadow_root().and_then(|s| s.first_element_child()).expect("a shadow root with the widget");
    drawn(&inner).await;
    (host, inner, handle)
}

#[wasm_bindgen_test]
async fn the_page_receives_dom_events_from_an_embedded_widget() {
    let got: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
    let rec = got.clone();
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        let id = js_sys::Reflect::get(&e.detail(), &"id".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let sources = js_sys::Reflect::get(&e.detail(), &"sources".into())
            .ok()
            .filter(|v| v.is_array())
            .map_or(0, |v| js_sys::Array::from(&v).length());
        rec.borrow_mut().push((e.type_(), format!("{id}/{sources}/{}/{}", e.bubbles(), e.composed())));
    });
    for name in ["timeline:ready", "timeline:select"] {
        document().add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
    }
    let (_host, inner, handle) = embed_with(bundled_options()).await;
    let palermo_sources = bundled().find("palermo-protocol-adopted").map_or(0, |i| i.info().sources.len());
    click(&button(&inner, "UN adopts the Palermo Convention and Trafficking Protocol, 15 November 2000"))
        .await;
    let got = got.borrow().clone();
    assert_eq!(
        got,
        [
            ("timeline:ready".to_owned(), "/0/true/true".to_owned()),
            ("timeline:select".to_owned(), format!("palermo-protocol-adopted/{palermo_sources}/true/true")),
        ]
    );
    for name in ["timeline:ready", "timeline:select"] {
        document().remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).unwrap();
    }
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_handle_selects_zooms_and_destroys() {
    let (host, inner, handle) = embed_with(bundled_options()).await;
    handle.select("uk-modern-slavery-act");
    sleep(20).await;
    assert!(region(&inner, "UK Modern Slavery Act").is_some());
    handle.zoom_to("2010", "2011").expect("a valid range");
    sleep(20).await;
    assert!(caption(&inner).starts_with("Showing Jan 2010 – "), "{}", caption(&inner));
    assert!(handle.zoom_to("2011", "2010").is_err());
    assert!(handle.zoom_to("not a date", "2010").is_err());
    // Styles live in the shadow root: one adopted sheet, nothing added to the page.
    let sheets = js_sys::Reflect::get(&host.shadow_root().unwrap(), &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(js_sys::Array::from(&sheets).length(), 1);
    handle.destroy();
    sleep(20).await;
    assert_eq!(host.shadow_root().unwrap().child_element_count(), 0, "destroy removes the widget");
    handle.destroy(); // twice is fine
}

#[wasm_bindgen_test]
async fn a_missing_data_file_is_explained_with_a_retry() {
    let options = embed::Options { src: Some("/no-such-timeline.json".to_owned()), ..Default::default() };
    let (_host, inner, handle) = embed_with(options).await;
    let alert = all(&inner, "[role=alert]").into_iter().next().expect("an explanation");
    assert_eq!(
        text(&alert),
        "The timeline could not be loadedThe server answered “404 Not Found” for /no-such-timeline.json.Try again"
    );
    click(&button(&inner, "Try again")).await;
    drawn(&inner).await;
    assert!(text(&inner).contains("404 Not Found"), "retried, same answer");
    handle.destroy();

    let options = embed::Options { src: Some("javascript:alert(1)".to_owned()), ..Default::default() };
    let (_host, inner, handle) = embed_with(options).await;
    assert!(
        text(&inner).contains("“javascript:alert(1)” is not a web address the timeline can load"),
        "{}",
        text(&inner)
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_a_session_and_an_unknown_id_gives_a_quiet_notice() {
    let data = BUNDLED_DATA;
    let (root, _) = mount_with(data, None, Some(Intent::Open("vienna-2024-nestorova".to_owned()))).await;
    assert!(region(&root, MEETING).is_some(), "the meeting is open");
    let panel = region(&root, "Statement: Petya Nestorova").expect("the session is open");
    assert!(text(&panel).contains("Day not reported"));

    let (root, _) = mount_with(data, None, Some(Intent::Open("no-such-event".to_owned()))).await;
    let status: Vec<String> = all(&root, "[role=status]").iter().map(text).collect();
    assert!(
        status
            .iter()
            .any(|s| s == "There is no entry “no-such-event” in this timeline; showing the whole timeline."),
        "{status:?}"
    );
    assert_eq!(caption(&root), "Showing 2000 – 2025 · axis in years");
}

#[wasm_bindgen_test]
async fn the_start_view_is_set_by_the_page() {
    let data = BUNDLED_DATA;
    let (root, _) = mount_with(data, Some("2010/2011"), None).await;
    assert!(caption(&root).starts_with("Showing Jan 2010 – "), "{}", caption(&root));
    let (root, _) = mount_with(data, Some("un-global-plan"), None).await;
    assert!(region(&root, "UN Global Plan of Action to Combat Trafficking in Persons").is_some());
    let (root, _) = mount_with(data, Some("2030/2010"), None).await;
    let status: Vec<String> = all(&root, "[role=status]").iter().map(text).collect();
    assert!(
        status
            .iter()
            .any(|s| s == "Could not use the start setting: the range 2030/2010 ends before it starts."),
        "{status:?}"
    );
}

#[wasm_bindgen_test]
async fn the_list_view_has_every_event_in_time_order() {
    let root = mount_bundled().await;
    click(&button(&root, "Show as list")).await;
    let heading = all(&root, "h3").into_iter().map(|h| text(&h)).find(|t| t.contains("events in time order"));
    let n = bundled().events.len();
    assert_eq!(heading, Some(format!("{n} events in time order")));
    let top: Vec<String> = all(&root, "section:first-of-type > ol > li > button > time")
        .iter()
        .filter_map(|t| t.get_attribute("datetime"))
        .collect();
    assert_eq!(top.len(), n);
    assert!(top.windows(2).all(|w| w[0][..4] <= w[1][..4]), "years out of order: {top:?}");
    click(&button(&root, "Show as timeline")).await;
    assert!(caption(&root).starts_with("Showing "));
}

#[wasm_bindgen_test]
async fn invalid_data_shows_every_problem_with_its_path() {
    let (root, _) = mount_with(
        r#"{"version": 1, "events": [{"id": "a", "title": "", "date": {"year": 2001, "month": 13},
            "category": "un", "summary": "S", "sources": [{"title": "s", "url": "javascript:alert(1)"}]}]}"#,
        None,
        None,
    )
    .await;
    let alert = all(&root, "[role=alert]").into_iter().next().expect("an alert");
    let t = text(&alert);
    assert!(t.contains("The timeline data has 3 problems"), "{t}");
    assert!(t.contains("events[0].title: is empty; expected some text"), "{t}");
    assert!(t.contains("events[0].date.month: 13 is not a month (1–12)"), "{t}");
    assert!(t.contains("events[0].sources[0].url: \"javascript:alert(1)\" is not an http(s) URL"), "{t}");
    assert!(all(&root, "a").is_empty(), "no link is rendered from invalid data");

    let (root, _) = mount_with("{\"events\": [", None, None).await;
    let t = text(&all(&root, "[role=alert]").into_iter().next().expect("an alert"));
    assert!(t.contains("The timeline data has 1 problem"), "{t}");
    assert!(t.contains("(whole file): not valid JSON"), "{t}");
}

#[wasm_bindgen_test]
async fn data_text_is_rendered_as_text_never_as_html() {
    let (root, _) = mount_with(
        r#"{"version": 1, "title": "<img src=x onerror=alert(1)>", "events": [{"id": "a", "title": "<b>bold</b>",
            "date": {"year": 2001}, "category": "un", "summary": "<script>alert(1)</script>",
            "sources": [{"title": "<i>s</i>", "url": "https://x.org"}]}]}"#,
        None,
        None,
    )
    .await;
    assert!(all(&root, "img, b, script, i").is_empty());
    click(&button(&root, "<b>bold</b>")).await;
    assert!(text(&root).contains("<script>alert(1)</script>"));
    assert!(all(&root, "img, b, script, i").is_empty());
}

#[wasm_bindgen_test]
async fn two_instances_on_one_page_do_not_share_ids_or_state() {
    let a = mount_bundled().await;
    let b = mount_bundled().await;
    let ids = |r: &Element| all(r, "[id]").iter().filter_map(|e| e.get_attribute("id")).collect::<Vec<_>>();
    let (ia, ib) = (ids(&a), ids(&b));
    assert!(ia.len() > 20, "{} ids", ia.len());
    assert!(ia.iter().all(|id| !ib.contains(id)), "shared ids between instances");
    click(&button(&a, "UK Modern Slavery Act, 26 March 2015")).await;
    assert!(region(&a, "UK Modern Slavery Act").is_some());
    assert!(region(&b, "UK Modern Slavery Act").is_none());
}

/// Mounts the bundled data in `lang`.
async fn mount_lang(lang: &str) -> Element {
    mount_full(BUNDLED_DATA, None, Some(lang), Inbox::default()).await.0
}

#[wasm_bindgen_test]
async fn in_french_the_interface_and_dates_are_french_and_untranslated_text_falls_back() {
    let root = mount_lang("fr-FR").await;
    assert_eq!(all(&root, ".att").first().and_then(|a| a.get_attribute("lang")).as_deref(), Some("fr"));
    assert!(text(&root).contains("Contre la traite des êtres humains, 2000–2024"), "translated heading");
    assert!(find_button(&root, "Zoomer").is_some() && find_button(&root, "Afficher en liste").is_some());
    let caption: Vec<String> =
        all(&root, "p").iter().map(text).filter(|t| t.starts_with("Période affichée")).collect();
    assert_eq!(caption, ["Période affichée : 2000 – 2025 · axe en années"]);
    // Intl month names; the entry's own text in French, marked as a translation, the English one click away.
    use anti_trafficking_timeline::model::Lang;
    let n = bundled().events.len();
    let (title, label) = names("palermo-protocol-adopted", Lang::Fr);
    let (title_en, _) = names("palermo-protocol-adopted", Lang::En);
    let palermo = button(&root, &format!("{label} — {title}, 15 novembre 2000, ONU, 2 sur {n}"));
    click(&palermo).await;
    let panel = region(&root, &title).expect("panel");
    let t = text(&panel);
    assert!(t.contains("15 novembre 2000") && t.contains("Sources") && !t.contains("À propos"), "{t}");
    assert!(t.contains("Traduction réalisée pour cette frise chronologique, pas un texte officiel."), "{t}");
    assert!(find_button(&panel, "Fermer les détails").is_some());
    // The actors by their French names (the file's `i18n.fr.actors`), in the page's language.
    let data = bundled();
    let actors = &data.find("palermo-protocol-adopted").expect("palermo").info().actors;
    let actor_items = |panel: &Element| -> Vec<(String, Option<String>)> {
        all(panel, ".att-actors li").iter().map(|li| (text(li), li.get_attribute("lang"))).collect()
    };
    let french: Vec<(String, Option<String>)> =
        actors.iter().map(|a| (data.actor_in(a, Lang::Fr).0.to_owned(), None)).collect();
    assert!(!french.is_empty() && french.iter().zip(actors).any(|(f, a)| &f.0 != a), "{french:?}");
    assert_eq!(actor_items(&panel), french);
    click(&button(&panel, "Afficher le texte anglais")).await;
    let panel = region(&root, &title_en).expect("the English original");
    let h = all(&panel, "h3").into_iter().next().expect("heading");
    assert_eq!(h.get_attribute("lang").as_deref(), Some("en"), "the original is marked as English");
    let english: Vec<(String, Option<String>)> =
        actors.iter().map(|a| (a.clone(), Some("en".to_owned()))).collect();
    assert_eq!(actor_items(&panel), english, "the original names, marked as English");
    assert!(!text(&panel).contains("Traduction réalisée"));
    click(&button(&panel, "Afficher la traduction")).await;
    let panel = region(&root, &title).expect("back in French");
    assert_eq!(all(&panel, "h3").into_iter().next().and_then(|h| h.get_attribute("lang")), None);
    click(&button(&panel, "Fermer les détails")).await;
    // The meeting is translated, with French precision notes, counts and day names.
    click(&button(&root, "Ouvrir Réunion de Vienne, 2024 (9 séances)")).await;
    let title =
        "Réunion annuelle des coordinateurs et rapporteurs nationaux sur la lutte contre la traite, Vienne";
    let meeting = region(&root, title).expect("the meeting in French");
    let t = text(&meeting);
    assert!(t.contains("2024, 2 jours (dates exactes non communiquées) · 9 séances"), "{t}");
    let days: Vec<String> = all(&meeting, "h4").iter().map(text).collect();
    assert_eq!(days, ["Jour 1", "Jour 2", "Jour non communiqué"]);
    let (opening, _) = names("vienna-2024-opening", Lang::Fr);
    click(&button(&meeting, &opening)).await;
    let panel = region(&root, &opening).expect("session panel");
    assert!(text(&panel).contains(&format!("Fait partie de {title} · Jour 1")), "{}", text(&panel));
}

#[wasm_bindgen_test]
async fn in_russian_counts_follow_russian_plurals() {
    let root = mount_lang("ru").await;
    let open = button(&root, "Открыть: Венское совещание, 2024");
    assert_eq!(name(&open), "Открыть: Венское совещание, 2024 (9 заседаний)");
    click(&open).await;
    let meeting = region(
        &root,
        "Ежегодное совещание национальных координаторов и докладчиков по борьбе с торговлей людьми, Вена",
    )
    .expect("the meeting in Russian");
    assert!(
        text(&meeting).contains("2024, 2 дня (точные даты не сообщаются) · 9 заседаний"),
        "{}",
        text(&meeting)
    );
}

#[wasm_bindgen_test]
async fn a_timelinejs3_file_loads_as_a_timeline() {
    // The widget's wasm leaves the importer out (embed.js converts through the editor's module; the
    // end-to-end suite checks that path): these tests link it in.
    source::link_converter(anti_trafficking_timeline::format::timelinejs::import);
    let (root, _) = mount_with(include_str!("timelinejs/every-field.json"), None, None).await;
    let t = text(&root);
    assert!(t.contains("Trafficking in persons: a timeline"), "title slide → title: {t}");
    // Groups become lanes: "UN" and "council of europe" are lanes here; "Space" goes to "Other".
    for lane in ["UN", "Council of Europe", "Other"] {
        assert!(all(&root, "h3").iter().any(|h| text(h) == lane), "no lane {lane}");
    }
    let mark = all(&root, "li button").into_iter().find(|b| text(b).contains("Protocol enters into force"));
    let mark: HtmlElement = mark.expect("the imported event is a mark").dyn_into().unwrap();
    click(&mark).await;
    let panel = region(&root, "Protocol enters into force").expect("its details");
    let p = text(&panel);
    assert!(p.contains("Date as given in the original: Christmas Day 2003"), "{p}");
    // The media is a link, with its caption and credit; only http(s) links exist.
    let links: Vec<String> = all(&panel, "a").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(links, ["https://example.org/photo.jpg", "https://example.org/story"]);
    assert!(p.contains("The signing ceremony (credit: UN Photo)"), "{p}");
}

#[wasm_bindgen_test]
fn a_declared_format_overrides_detection() {
    use anti_trafficking_timeline::format::Format;
    source::link_converter(anti_trafficking_timeline::format::timelinejs::import);
    let tl = include_str!("timelinejs/minimal.json");
    // Declared native: the TimelineJS3 fields are unknown fields of this format.
    let errs = source::parse(tl, Format::Native).expect_err("not this widget's format");
    assert!(errs.iter().any(|e| e.to_string().starts_with("version: missing")), "{errs:?}");
    assert!(errs.iter().any(|e| e.to_string().starts_with("eras: unknown field")), "{errs:?}");
    // Declared TimelineJS3, or detected: the same timeline.
    let a = source::parse(tl, Format::TimelineJs3).expect("declared");
    let b = source::parse(tl, Format::Auto).expect("detected");
    assert_eq!(a, b);
    assert_eq!(a.events.len(), 1);
    assert_eq!(Format::from_name("TimelineJS"), Some(Format::TimelineJs3));
}

/// Checks what one opening did, from whichever path: the host heard `timeline:select` for `id` and
/// the hash became `#event=id` (nothing else, range changes aside), the details of `title` are shown,
/// focus is on their heading, and the live region says so. Then closes, and forgets the effects.
async fn opened_the_same_way(
    root: &Element,
    effects: &Events,
    inbox: &Inbox,
    id: &str,
    title: &str,
    path: &str,
) {
    let told: Vec<String> = effects
        .borrow()
        .iter()
        .filter_map(|e| match e {
            Effect::Host(HostEvent::Select(sel)) => Some(format!("select:{}:{}", sel.id, sel.title)),
            Effect::Host(HostEvent::Close) => Some("close".to_owned()),
            Effect::Hash(h) => Some(format!("hash:{}", h.as_ref().map(|h| h.as_str()).unwrap_or_default())),
            _ => None,
        })
        .collect();
    assert_eq!(told, [format!("select:{id}:{title}"), format!("hash:{id}")], "{path}");
    assert!(region(root, title).is_some(), "{path}: no details");
    assert_eq!(focused().map(|f| text(&f)).as_deref(), Some(title), "{path}: focus is not on the details");
    let live = all(root, "[aria-live=polite]").first().map(text).unwrap_or_default();
    assert!(live.starts_with(&format!("Opened: {title}, ")), "{path}: {live}");
    inbox.send(Intent::Close);
    sleep(10).await;
    assert!(region(root, title).is_none(), "{path}: not closed");
    effects.borrow_mut().clear();
}

#[wasm_bindgen_test]
async fn a_mark_a_list_item_a_session_previous_next_and_the_host_open_the_same_way() {
    let inbox = Inbox::default();
    let (host, effects) = mount_full(BUNDLED_DATA, None, None, inbox.clone()).await;
    effects.borrow_mut().clear();
    let (uk, uk_title) = ("uk-modern-slavery-act", "UK Modern Slavery Act");

    // A click (or Enter, which clicks) on a mark.
    click(&button(&host, "UK Modern Slavery Act, 26 March 2015")).await;
    opened_the_same_way(&host, &effects, &inbox, uk, uk_title, "mark").await;
    // An item of the list.
    click(&button(&host, "Show as list")).await;
    let item = all(&host, "button.att-mark")
        .into_iter()
        .find(|b| name(b).contains(uk_title))
        .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        .expect("the list item");
    click(&item).await;
    opened_the_same_way(&host, &effects, &inbox, uk, uk_title, "list").await;
    click(&button(&host, "Show as timeline")).await;
    // A session of the meeting.
    click(&button(&host, "Open Vienna meeting, 2024 (9 sessions)")).await;
    effects.borrow_mut().clear();
    click(&button(&host, "Opening remarks: Dr Kari Johnstone")).await;
    opened_the_same_way(
        &host,
        &effects,
        &inbox,
        "vienna-2024-opening",
        "Opening remarks: Dr Kari Johnstone",
        "agenda",
    )
    .await;
    // Next, in the details.
    click(&button(&host, "Welcoming remarks: Michael Cluett")).await;
    effects.borrow_mut().clear();
    click(&button(&host, "Next: Opening remarks: Dr Kari Johnstone")).await;
    opened_the_same_way(
        &host,
        &effects,
        &inbox,
        "vienna-2024-opening",
        "Opening remarks: Dr Kari Johnstone",
        "next",
    )
    .await;
    click(&button(&host, "All events, 2000–2024")).await;
    // The host page: a deep link, the Back button, handle.select().
    effects.borrow_mut().clear();
    inbox.send(Intent::Open(uk.to_owned()));
    sleep(10).await;
    opened_the_same_way(&host, &effects, &inbox, uk, uk_title, "host").await;
}

#[wasm_bindgen_test]
fn the_panic_hook_finds_the_instance_of_every_prefix() {
    use anti_trafficking_timeline::guard::instance_number;
    assert_eq!(instance_number("att3"), Some(3));
    assert_eq!(instance_number("att12-warm"), Some(12), "the unseen details of instance 12");
    assert_eq!(instance_number("page"), None);
    assert_eq!(instance_number("att-x"), None);
}

/// A script's data whose getter (or proxy) throws: a precise error to show, not an exception through
/// the wasm that leaves the host's `mount` throwing and the widget blank.
#[wasm_bindgen_test]
fn data_whose_reading_throws_is_an_error_to_show() {
    use anti_trafficking_timeline::format::Format;
    let hostile = js_sys::Object::new();
    let desc = js_sys::Object::new();
    js_sys::Reflect::set(
        &desc,
        &"get".into(),
        &js_sys::Function::new_no_args("throw new Error('no events today')"),
    )
    .expect("set");
    js_sys::Reflect::set(&desc, &"enumerable".into(), &JsValue::TRUE).expect("set");
    js_sys::Object::define_property(&hostile, &"events".into(), &desc);
    assert_eq!(source::to_json(&hostile, 0), Err("reading it threw: no events today".to_owned()));
    let list = js_sys::Function::new_no_args(
        "return new Proxy([1, 2], { get(t, k) { if (k === '1') throw new Error('item 2'); return Reflect.get(t, k); } })",
    )
    .call0(&JsValue::NULL)
    .expect("proxy");
    assert_eq!(source::to_json(&list, 0), Err("reading it threw: item 2".to_owned()));
    match source::read_given(&hostile, Format::Auto) {
        source::Given::Read(Err(errs)) => {
            assert_eq!(errs.len(), 1);
            assert_eq!(errs[0].message, "could not read the data: reading it threw: no events today");
        }
        _ => panic!("expected an error"),
    }
    // A plain object and list still read as before.
    let plain = js_sys::JSON::parse(r#"{"a": [1, "x", null]}"#).expect("JSON");
    assert!(source::to_json(&plain, 0).is_ok());
}
