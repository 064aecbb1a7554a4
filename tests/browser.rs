//! Browser tests: the widget mounted in headless Chromium, used the way a reader uses it.
#![cfg(target_arch = "wasm32")]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;

use anti_trafficking_timeline::components::{Shared, TimelineView, TimelineViewProps};
use anti_trafficking_timeline::{embed, source};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Mounts a widget showing `text` (JSON) in a fresh container; returns the container.
async fn mount_json(text: &str) -> Element {
    let host = document().create_element("div").expect("div");
    document().body().expect("body").append_child(&host).expect("append");
    let props = TimelineViewProps {
        data: Shared(Rc::new(source::parse(text))),
        prefix: embed::next_prefix().into(),
        onselect: Default::default(),
    };
    yew::Renderer::<TimelineView>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    host
}

async fn mount_bundled() -> Element {
    mount_json(anti_trafficking_timeline::BUNDLED_DATA).await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The button whose accessible name (aria-label or text) contains `name`.
fn button(root: &Element, name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text(b)).contains(name))
        .unwrap_or_else(|| panic!("no button named {name:?}"))
        .dyn_into()
        .expect("an HTML element")
}

/// The region labelled by a heading whose text is `title` (the detail panel).
fn region(root: &Element, title: &str) -> Option<Element> {
    all(root, "section[aria-labelledby]").into_iter().find(|s| {
        let id = s.get_attribute("aria-labelledby").unwrap_or_default();
        document().get_element_by_id(&id).is_some_and(|h| text(&h) == title)
    })
}

fn focused() -> Option<Element> {
    document().active_element()
}

async fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    let target = focused().expect("something focused");
    target.dispatch_event(&ev).expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn lists_every_event_in_time_order_with_machine_readable_dates() {
    let root = mount_bundled().await;
    let heading = all(&root, "h3").into_iter().map(|h| text(&h)).find(|t| t.contains("events in time order"));
    assert_eq!(heading.as_deref(), Some("53 events in time order"));
    let events = all(&root, "section ol > li > button > time[datetime]");
    let dates: Vec<String> = events.iter().filter_map(|t| t.get_attribute("datetime")).collect();
    assert!(dates.len() >= 40 + 9, "{} dated marks", dates.len());
    let top: Vec<String> = all(&root, "section:first-of-type > ol > li > button > time")
        .iter()
        .filter_map(|t| t.get_attribute("datetime"))
        .collect();
    assert_eq!(top.len(), 53);
    assert!(top.windows(2).all(|w| w[0][..4] <= w[1][..4]), "years out of order: {top:?}");
    assert_eq!(top.first().map(String::as_str), Some("2000-10-28"));
}

#[wasm_bindgen_test]
async fn clicking_an_event_shows_its_details_and_focuses_them() {
    let root = mount_bundled().await;
    button(&root, "OSCE Action Plan to Combat Trafficking in Human Beings").click();
    yew::scheduler::flush().await;
    let panel =
        region(&root, "OSCE Action Plan to Combat Trafficking in Human Beings").expect("detail panel");
    let t = text(&panel);
    assert!(t.contains("24 July 2003"), "{t}");
    assert!(t.contains("Decision No. 557"), "{t}");
    assert!(t.contains("About the sources: A US Helsinki Commission summary says \"March 2003\""), "{t}");
    let links = all(&panel, "a[href]");
    assert_eq!(links.len(), 3);
    for a in &links {
        assert!(a.get_attribute("href").is_some_and(|h| h.starts_with("http")));
        assert_eq!(a.get_attribute("target").as_deref(), Some("_blank"));
        assert!(a.get_attribute("rel").is_some_and(|r| r.contains("noopener")));
    }
    // Focus moved to the panel's heading, so a screen reader reads it.
    assert_eq!(
        focused().map(|f| text(&f)).as_deref(),
        Some("OSCE Action Plan to Combat Trafficking in Human Beings")
    );
    // The selected mark says so.
    let mark = button(&root, "OSCE Action Plan to Combat Trafficking in Human Beings");
    assert_eq!(mark.get_attribute("aria-current").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn escape_and_close_button_close_the_panel_and_return_focus() {
    let root = mount_bundled().await;
    let mark = button(&root, "EU Framework Decision on trafficking");
    mark.click();
    yew::scheduler::flush().await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_some());
    press("Escape").await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_none());
    assert_eq!(focused().and_then(|f| f.get_attribute("id")), mark.get_attribute("id"));

    mark.click();
    yew::scheduler::flush().await;
    button(&root, "Close details").click();
    yew::scheduler::flush().await;
    assert!(region(&root, "EU Framework Decision on trafficking").is_none());
    assert_eq!(focused().and_then(|f| f.get_attribute("id")), mark.get_attribute("id"));
}

#[wasm_bindgen_test]
async fn the_meeting_shows_unknown_dates_honestly_and_opens_its_sessions() {
    let root = mount_bundled().await;
    let title = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";
    button(&root, title).click();
    yew::scheduler::flush().await;
    let panel = region(&root, title).expect("meeting panel");
    let t = text(&panel);
    assert!(t.contains("2024, two days (exact dates not reported)"), "{t}");
    assert!(t.contains("Sessions (9)"), "{t}");
    // Drill into a session from the panel.
    button(&panel, "Opening remarks: Dr Kari Johnstone").click();
    yew::scheduler::flush().await;
    let session = region(&root, "Opening remarks: Dr Kari Johnstone").expect("session panel");
    let t = text(&session);
    assert!(t.contains(&format!("Part of {title} · Day 1")), "{t}");
    assert!(t.contains("After 24 years of efforts to combat human trafficking, the situation remains dire."));
    // Next goes to the following session in the order the article reports.
    button(&session, "Next: Statement: Petya Nestorova").click();
    yew::scheduler::flush().await;
    let t = text(&region(&root, "Statement: Petya Nestorova").expect("next session"));
    assert!(t.contains("Day not reported"), "{t}");
    // Back to the meeting by its link.
    button(&root, title).click();
    yew::scheduler::flush().await;
    assert!(region(&root, title).is_some());
}

#[wasm_bindgen_test]
async fn invalid_data_shows_every_problem_with_its_path() {
    let root = mount_json(
        r#"{"version": 1, "events": [{"id": "a", "title": "", "date": {"year": 2001, "month": 13},
            "category": "un", "summary": "S", "sources": [{"title": "s", "url": "javascript:alert(1)"}]}]}"#,
    )
    .await;
    let alert = all(&root, "[role=alert]").into_iter().next().expect("an alert");
    let t = text(&alert);
    assert!(t.contains("The timeline data has 3 problems"), "{t}");
    assert!(t.contains("events[0].title: is empty; expected some text"), "{t}");
    assert!(t.contains("events[0].date.month: 13 is not a month (1–12)"), "{t}");
    assert!(t.contains("events[0].sources[0].url: \"javascript:alert(1)\" is not an http(s) URL"), "{t}");
    assert!(all(&root, "a").is_empty(), "no link is rendered from invalid data");

    let root = mount_json("{\"events\": [").await;
    let t = text(&all(&root, "[role=alert]").into_iter().next().expect("an alert"));
    assert!(t.contains("The timeline data has 1 problem"), "{t}");
    assert!(t.contains("(whole file): not valid JSON"), "{t}");
}

#[wasm_bindgen_test]
async fn data_text_is_rendered_as_text_never_as_html() {
    let root = mount_json(
        r#"{"version": 1, "title": "<img src=x onerror=alert(1)>", "events": [{"id": "a", "title": "<b>bold</b>",
            "date": {"year": 2001}, "category": "un", "summary": "<script>alert(1)</script>",
            "sources": [{"title": "<i>s</i>", "url": "https://x.org"}]}]}"#,
    )
    .await;
    assert!(all(&root, "img, b, script, i").is_empty());
    button(&root, "<b>bold</b>").click();
    yew::scheduler::flush().await;
    assert!(text(&root).contains("<script>alert(1)</script>"));
    assert!(all(&root, "img, b, script, i").is_empty());
}

#[wasm_bindgen_test]
async fn two_instances_on_one_page_do_not_share_ids_or_state() {
    let a = mount_bundled().await;
    let b = mount_bundled().await;
    let ids = |r: &Element| all(r, "[id]").iter().filter_map(|e| e.get_attribute("id")).collect::<Vec<_>>();
    let (ia, ib) = (ids(&a), ids(&b));
    assert!(!ia.is_empty());
    assert!(ia.iter().all(|id| !ib.contains(id)), "shared ids between instances");
    button(&a, "UK Modern Slavery Act").click();
    yew::scheduler::flush().await;
    assert!(region(&a, "UK Modern Slavery Act").is_some());
    assert!(region(&b, "UK Modern Slavery Act").is_none());
}
