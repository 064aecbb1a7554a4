//! End-to-end tests: the release build in `dist/`, served on 127.0.0.1, driven in headless Chromium
//! over WebDriver. Elements are found as a reader finds them: by role, visible text and name.
//!
//! Run by `cargo xtask test` (after `trunk build --release`), which sets `E2E_DIST` and `CHROMEDRIVER`.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use fantoccini::key::Key;
use fantoccini::Locator;
use support::Browser;

const PALERMO: &str = "UN adopts the Palermo Convention and Trafficking Protocol";
const MEETING: &str = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";

/// XPath of the button whose visible title is exactly `title`.
fn mark(title: &str) -> String {
    format!("//button[.//span[normalize-space()=\"{title}\"]]")
}

/// XPath of the region labelled by a heading whose text is `title`.
fn region(title: &str) -> String {
    format!("//section[@aria-labelledby=//h3[normalize-space()=\"{title}\"]/@id]")
}

#[tokio::test(flavor = "current_thread")]
async fn a_reader_opens_events_by_mouse_and_keyboard() {
    let b = Browser::start(1280, 900).await;
    let c = &b.client;
    c.goto(&b.url("/")).await.expect("open the page");
    let palermo =
        c.wait().for_element(Locator::XPath(&mark(PALERMO))).await.expect("the Palermo event is listed");
    let heading = c.find(Locator::Css("h2")).await.expect("a heading").text().await.expect("text");
    assert_eq!(heading, "Against trafficking in human beings, 2000–2024");
    b.screenshot("standalone").await;

    // Click → details.
    palermo.click().await.expect("click");
    let panel = c.wait().for_element(Locator::XPath(&region(PALERMO))).await.expect("detail panel");
    let text = panel.text().await.expect("panel text");
    assert!(text.contains("15 November 2000"), "{text}");
    assert!(text.contains("first agreed international definition of trafficking"), "{text}");
    assert!(text.contains("unodc.org"), "sources show their host: {text}");
    let focused = c.active_element().await.expect("focus").text().await.expect("text");
    assert_eq!(focused, PALERMO, "focus moves to the panel heading");
    b.screenshot("detail").await;

    // Esc → closed, focus back on the event.
    c.active_element().await.expect("focus").send_keys(&Key::Escape.to_string()).await.expect("Esc");
    assert!(c.find(Locator::XPath(&region(PALERMO))).await.is_err(), "panel closed");
    let focused = c.active_element().await.expect("focus").text().await.expect("text");
    assert!(focused.contains(PALERMO), "focus returned to the event, not {focused:?}");

    // Keyboard only: Tab order reaches the meeting; Enter opens it.
    let meeting = c.find(Locator::XPath(&mark(MEETING))).await.expect("the meeting is listed");
    c.execute("arguments[0].focus()", vec![serde_json::to_value(&meeting).expect("element")])
        .await
        .expect("focus the meeting");
    c.active_element().await.expect("focus").send_keys(&Key::Enter.to_string()).await.expect("Enter");
    let panel = c.wait().for_element(Locator::XPath(&region(MEETING))).await.expect("meeting panel");
    let text = panel.text().await.expect("text");
    assert!(text.contains("2024, two days (exact dates not reported)"), "{text}");
    assert!(text.contains("Welcoming remarks: Michael Cluett"), "{text}");
    b.screenshot("meeting").await;

    // Everything the page fetched came from the page's own origin.
    let hosts = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)\
             .filter(o => o !== location.origin)",
            vec![],
        )
        .await
        .expect("resource list");
    assert_eq!(hosts, serde_json::json!([]), "requests to other origins");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_the_details_are_a_bottom_sheet() {
    let b = Browser::phone(390, 844).await;
    let c = &b.client;
    c.goto(&b.url("/")).await.expect("open the page");
    let ev = c.wait().for_element(Locator::XPath(&mark("UK Modern Slavery Act"))).await.expect("listed");
    let widths =
        c.execute("return [innerWidth, document.documentElement.scrollWidth]", vec![]).await.expect("widths");
    assert_eq!(
        widths,
        serde_json::json!([390, 390]),
        "[viewport, page] widths: the page must not scroll sideways"
    );
    ev.click().await.expect("tap");
    let panel = c.wait().for_element(Locator::XPath(&region("UK Modern Slavery Act"))).await.expect("panel");
    let rect = c
        .execute(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.bottom, r.width, innerHeight]",
            vec![serde_json::to_value(&panel).expect("element")],
        )
        .await
        .expect("rect");
    let v: Vec<f64> =
        rect.as_array().map(|a| a.iter().filter_map(|x| x.as_f64()).collect()).unwrap_or_default();
    assert_eq!(v.len(), 4, "{rect}");
    assert!(v[0].abs() < 1.0 && (v[1] - v[3]).abs() < 1.0 && v[2] >= 389.0, "not a bottom sheet: {v:?}");
    assert!(panel.text().await.expect("text").contains("26 March 2015"));
    b.screenshot("phone-detail").await;
    b.stop().await;
}
