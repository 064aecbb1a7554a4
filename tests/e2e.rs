//! End-to-end tests: the release build in `dist/`, served on 127.0.0.1, driven in headless Chromium
//! over WebDriver with trusted input (keys, wheel, mouse). Elements are found as a reader finds them:
//! by role, visible text and accessible name. Screenshots go to `target/screenshots/`.
//!
//! Run by `cargo xtask test` (after `trunk build --release`), which sets `E2E_DIST` and `CHROMEDRIVER`.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// Pixels, counts and timings of a test run: small numbers, where a lossy cast cannot matter.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

mod support;

use std::time::Duration;

use fantoccini::actions::{
    Actions, InputSource, MouseActions, PointerAction, TouchActions, WheelAction, WheelActions,
    MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use support::Browser;

const PALERMO: &str = "UN adopts the Palermo Convention and Trafficking Protocol";
const MEETING: &str = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";

/// Centre of the timeline surface, in viewport pixels.
async fn surface_centre(b: &Browser) -> (i64, i64) {
    let axis = b.wait("css", "[data-unit]", 0).await;
    let v = b
        .client
        .execute(
            "const s = arguments[0].parentElement.getBoundingClientRect(); \
             return [Math.round(s.left + s.width / 2), Math.round(s.top + Math.min(s.height, innerHeight - s.top) / 2)]",
            vec![serde_json::to_value(&axis).expect("element")],
        )
        .await
        .expect("rect");
    (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0))
}

#[tokio::test(flavor = "current_thread")]
async fn a_reader_clicks_zooms_scrolls_and_drags() {
    let b = Browser::start(1280, 800).await;
    let c = &b.client;
    c.goto(&b.url("/")).await.expect("open the page");
    b.wait("mark", PALERMO, 0).await;
    b.settled().await;
    assert_eq!(b.caption().await, "Showing 2000 – 2025 · axis in years");
    b.screenshot("default-1280x800").await;

    // A page listener hears the selection.
    b.js("window.__got = []; document.addEventListener('timeline:select', e => window.__got.push([e.detail.id, e.detail.date, e.detail.category, e.detail.sources.length]))").await;
    b.wait("mark", PALERMO, 0).await.click().await.expect("click");
    b.settled().await;
    let text = b.region_text(PALERMO).await.expect("the detail panel");
    assert!(text.contains("15 November 2000"), "{text}");
    assert!(text.contains("first agreed international definition of trafficking"), "{text}");
    assert_eq!(b.focused_name().await, PALERMO, "focus moves to the panel heading");
    assert_eq!(
        b.js("return window.__got").await,
        serde_json::json!([[
            "palermo-protocol-adopted",
            "2000-11-15",
            "un",
            support::bundled().find("palermo-protocol-adopted").map_or(0, |i| i.info().sources.len())
        ]])
    );
    b.screenshot("panel-1280x800").await;
    b.key(Key::Escape).await;
    assert!(b.region_text(PALERMO).await.is_none(), "Esc closes");
    assert!(b.focused_name().await.contains(PALERMO), "focus is back on the mark");

    // Zoom in with the buttons: the tick unit changes to months.
    for _ in 0..3 {
        b.click("Zoom in").await;
    }
    let zoomed = b.caption().await;
    assert!(zoomed.ends_with("axis in months"), "{zoomed}");
    let axis = b.wait("css", "[data-unit]", 0).await;
    let ticks = c
        .execute(
            "return [...arguments[0].children].map(s => s.textContent)",
            vec![serde_json::to_value(&axis).expect("axis")],
        )
        .await
        .expect("ticks");
    let first = ticks[0].as_str().unwrap_or_default().to_owned();
    assert!(first.len() == 8 && first.as_bytes()[3] == b' ', "month ticks read like 'Mar 2012': {ticks}");
    b.screenshot("zoomed-1280x800").await;

    // A plain vertical wheel over the widget scrolls the page and leaves the view alone.
    b.js("window.scrollTo(0, 0)").await;
    let (x, y) = surface_centre(&b).await;
    let mut wheel = WheelActions::new("wheel".into());
    wheel.push(WheelAction::Scroll { duration: None, x, y, delta_x: 0, delta_y: 300 });
    c.perform_actions(wheel).await.expect("wheel");
    b.settled().await;
    let scrolled = b.js("return window.scrollY").await.as_f64().unwrap_or(0.0);
    assert!(scrolled > 100.0, "the page did not scroll: {scrolled}");
    assert_eq!(b.caption().await, zoomed, "the vertical wheel moved the timeline");

    // A horizontal wheel pans.
    let (x, y) = surface_centre(&b).await;
    let mut wheel = WheelActions::new("wheel2".into());
    wheel.push(WheelAction::Scroll { duration: None, x, y, delta_x: 400, delta_y: 0 });
    c.perform_actions(wheel).await.expect("wheel");
    b.settled().await;
    let panned = b.caption().await;
    assert_ne!(panned, zoomed, "a horizontal wheel pans");

    // Dragging the surface pans too.
    let (x, y) = surface_centre(&b).await;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo { duration: None, x: x as f64, y: y as f64 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(200)), x: 250.0, y: 0.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(drag).await.expect("drag");
    b.settled().await;
    assert_ne!(b.caption().await, panned, "dragging pans");

    // Nothing came from another origin.
    let hosts = b.js("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin).filter(o => o !== location.origin)").await;
    assert_eq!(hosts, serde_json::json!([]), "requests to other origins");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_standalone_page_has_its_own_icon_and_nothing_it_asks_for_is_missing() {
    let b = Browser::start(1280, 800).await;
    b.client.goto(&b.url("/")).await.expect("open the page");
    b.wait("mark", PALERMO, 0).await;
    // The icon the page declares, and the /favicon.ico browsers ask for by default, are both there.
    let icons = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const link = document.querySelector('link[rel=icon]'); \
             const get = (u) => fetch(u).then(r => [new URL(r.url).pathname, r.status, r.headers.get('content-type')]); \
             Promise.all([get(link.href), get('/favicon.ico')]).then(done, (e) => done(String(e)))",
            vec![],
        )
        .await
        .expect("icons");
    let icon = icons[0][0].as_str().unwrap_or_default().to_owned();
    assert!(icon.ends_with(".svg") && icons[0][1] == 200 && icons[0][2] == "image/svg+xml", "{icons}");
    assert_eq!(
        (icons[1][1].clone(), icons[1][2].clone()),
        (serde_json::json!(200), serde_json::json!("image/x-icon")),
        "{icons}"
    );
    // Whatever the browser fetched on its own (the icon, after the load), nothing was a 404. Headless
    // Chromium may or may not ask for the icon itself: wait (up to 3 s) until it has, or stop waiting.
    for _ in 0..30 {
        if b.requests().iter().filter(|r| r.0 == icon).count() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let requests = b.requests();
    let missing: Vec<_> = requests.iter().filter(|r| r.1 != 200).collect();
    assert!(missing.is_empty(), "requests that failed: {missing:?} (all: {requests:?})");
    // The data came from beside the page, in its language (the page preloads it).
    assert_eq!(requests.iter().filter(|r| r.0.starts_with("/data/")).count(), 1, "{requests:?}");
    assert!(requests.iter().any(|r| r.0 == "/data/timeline.en.json"), "{requests:?}");
    // In the default view at 1280 px no label is cut: a mark's shows whole or it is in a "+N"; a
    // period band too narrow for its label shows none (every band keeps its name), the others show it.
    let (cut, bands) = {
        let v = b
            .js("const r = document.querySelector('[data-anti-trafficking-timeline]').shadowRoot; \
                 return [[...r.querySelectorAll('.att-lbl, .att-band')].filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.textContent), \
                 [...r.querySelectorAll('.att-band')].map(b => [b.textContent, b.getAttribute('aria-label') || ''])]")
            .await;
        (v[0].clone(), v[1].as_array().cloned().unwrap_or_default())
    };
    assert_eq!(cut, serde_json::json!([]), "cut labels");
    let unnamed: Vec<_> = bands.iter().filter(|b| b[0].as_str().is_none_or(str::is_empty)).collect();
    let periods = support::bundled().periods.len();
    assert!(bands.len() == periods && unnamed.len() <= 2, "{bands:?}");
    assert!(bands.iter().all(|b| b[1].as_str().is_some_and(|n| !n.is_empty())), "{bands:?}");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn keyboard_only_to_the_meeting_and_one_of_its_sessions() {
    let b = Browser::start(1280, 800).await;
    let c = &b.client;
    c.goto(&b.url("/")).await.expect("open the page");
    b.wait("mark", PALERMO, 0).await;
    b.settled().await;
    // Tab from the top of the page to the meeting button.
    let mut path = Vec::new();
    for _ in 0..12 {
        c.active_element().await.expect("focus").send_keys(&Key::Tab.to_string()).await.expect("Tab");
        let name = b.focused_name().await;
        path.push(name.clone());
        if name.starts_with("Open Vienna meeting") {
            break;
        }
    }
    assert_eq!(
        path.last().map(String::as_str),
        Some("Open Vienna meeting, 2024 (9 sessions)"),
        "tab path: {path:?}"
    );
    b.key(Key::Enter).await;
    assert_eq!(b.focused_name().await, MEETING, "Enter opens the meeting and focuses its heading");
    let days = b.region_text(MEETING).await.expect("meeting view");
    assert!(days.contains("Day 1") && days.contains("Day 2") && days.contains("Day not reported"), "{days}");
    b.screenshot("meeting-1280x800").await;
    // Tab to the second session and open it.
    b.key(Key::Tab).await;
    b.key(Key::Tab).await;
    assert_eq!(b.focused_name().await, "Opening remarks: Dr Kari Johnstone");
    b.key(Key::Enter).await;
    let panel = b.region_text("Opening remarks: Dr Kari Johnstone").await.expect("session details");
    assert!(panel.contains("Day 1") && panel.contains("After 24 years of efforts"), "{panel}");
    b.screenshot("meeting-panel-1280x800").await;
    // Esc closes the panel (focus back on the session), Esc again goes back to the 24 years.
    b.key(Key::Escape).await;
    assert_eq!(b.focused_name().await, "Opening remarks: Dr Kari Johnstone");
    b.key(Key::Escape).await;
    assert!(b.region_text(MEETING).await.is_none());
    assert!(
        b.focused_name().await.starts_with("Vienna meeting, 2024 — Annual meeting"),
        "{}",
        b.focused_name().await
    );
    // Arrow keys walk the marks in time order (a year-only date sorts at the start of its year).
    b.key(Key::Left).await;
    assert!(
        b.focused_name()
            .await
            .starts_with("GRETA round 4 — GRETA launches its 4th evaluation round, 30 June 2023"),
        "{}",
        b.focused_name().await
    );
    b.key(Key::Right).await;
    b.key(Key::Right).await;
    assert!(
        b.focused_name()
            .await
            .starts_with("Malta's programme — Malta presents its OSCE Chairpersonship programme"),
        "{}",
        b.focused_name().await
    );
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn deep_links_open_entries_and_the_back_button_works() {
    let b = Browser::start(1280, 800).await;
    let c = &b.client;
    c.goto(&b.url("/#event=vienna-2024-opening")).await.expect("open a deep link");
    b.wait("region", "Opening remarks: Dr Kari Johnstone", 0).await;
    b.settled().await;
    assert!(b.region_text(MEETING).await.is_some(), "inside the meeting");
    b.click("Statement: Petya Nestorova").await;
    assert_eq!(b.js("return location.hash").await, "#event=vienna-2024-nestorova");
    c.back().await.expect("Back");
    b.settled().await;
    assert_eq!(b.js("return location.hash").await, "#event=vienna-2024-opening");
    assert!(
        b.region_text("Opening remarks: Dr Kari Johnstone").await.is_some(),
        "Back reopens the previous entry"
    );
    b.click("Close details").await;
    assert_eq!(b.js("return location.hash").await, "");

    c.goto(&b.url("/#event=no-such-entry")).await.expect("unknown id");
    c.refresh().await.expect("reload");
    b.wait("mark", PALERMO, 0).await;
    b.settled().await;
    let notice = b.wait("css", "p[role=status]", 0).await.text().await.expect("notice");
    assert_eq!(notice, "There is no entry “no-such-entry” in this timeline; showing the whole timeline.");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn at_every_width_the_rows_are_as_tall_as_the_marks_the_stylesheet_draws() {
    // The stylesheet's touch sizes (`.att-narrow`, below 600 px) and the stage's row heights come from
    // the same width. 596 px is the case they once disagreed on: the widget touch-sized, its surface
    // (less padding and border) still wider than 560 px, so 44-px marks stood in 34-px rows and
    // overlapped the next row and the next lane.
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/horizontal.html")).await.expect("open the page");
    b.wait("mark", PALERMO, 0).await;
    for width in [596, 620, 1000] {
        b.js(&format!("document.querySelector('anti-trafficking-timeline').style.width = '{width}px'")).await;
        b.settled().await;
        let v = b
            .on_host(
                0,
                "const r = arguments[0].shadowRoot; \
                 const boxes = [...r.querySelectorAll('li.att-m')].map(li => [li, li.getBoundingClientRect()]); \
                 const out = boxes.filter(([li, b]) => b.bottom > li.parentElement.getBoundingClientRect().bottom + 0.5).length; \
                 let overlaps = 0; \
                 for (const [i, [, a]] of boxes.entries()) for (const [, c] of boxes.slice(i + 1)) \
                   if (a.left < c.right - 0.5 && c.left < a.right - 0.5 && a.top < c.bottom - 0.5 && c.top < a.bottom - 0.5) overlaps++; \
                 const low = [...r.querySelectorAll('.att-mk')].filter(m => m.getBoundingClientRect().height < 44).length; \
                 return [boxes.length, out, overlaps, low, r.querySelector('.att').classList.contains('att-narrow')]",
            )
            .await;
        let (marks, out, overlaps, low, narrow) = (&v[0], &v[1], &v[2], &v[3], &v[4]);
        assert!(marks.as_u64().unwrap_or(0) > 5, "{width} px: marks drawn: {v}");
        assert_eq!(
            (out, overlaps),
            (&serde_json::json!(0), &serde_json::json!(0)),
            "{width} px: marks outside their lane, overlapping pairs"
        );
        assert_eq!(narrow, &serde_json::json!(width < 600), "{width} px: touch-sized below 600 px");
        if width < 600 {
            assert_eq!(low, &serde_json::json!(0), "{width} px: marks under 44 px tall");
        }
    }
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_the_horizontal_view_fits_and_its_details_are_a_bottom_sheet() {
    // A page may ask for the horizontal view on a phone (layout="horizontal"); phones get the vertical
    // view by default (tests/e2e_phone.rs).
    let b = Browser::phone(390, 844).await;
    let c = &b.client;
    c.goto(&b.url("/fixtures/horizontal.html")).await.expect("open the page");
    b.wait("mark", PALERMO, 0).await;
    b.settled().await;
    let widths = b.js("return [innerWidth, document.documentElement.scrollWidth]").await;
    assert_eq!(
        widths,
        serde_json::json!([390, 390]),
        "[viewport, page] widths: the page must not scroll sideways"
    );
    b.screenshot("horizontal-390x844").await;

    // Touch: a horizontal swipe pans, a vertical swipe scrolls the page, two fingers pinch-zoom.
    let swipe = |id: &str, x: i64, y: i64, dx: f64, dy: f64| {
        TouchActions::new(id.into())
            .then(PointerAction::MoveTo { duration: None, x: x as f64, y: y as f64 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(250)), x: dx, y: dy })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT })
    };
    b.js("window.scrollTo(0, 0)").await;
    let start = b.caption().await;
    let (x, y) = surface_centre(&b).await;
    c.perform_actions(swipe("finger", x, y, 0.0, -250.0)).await.expect("vertical swipe");
    b.settled().await;
    let scrolled = b.js("return window.scrollY").await.as_f64().unwrap_or(0.0);
    assert!(scrolled > 50.0, "a vertical swipe must scroll the page: {scrolled}");
    assert_eq!(b.caption().await, start, "and must not move the timeline");
    let (x, y) = surface_centre(&b).await;
    c.perform_actions(Actions::from(swipe("f1", x - 30, y, -90.0, 0.0)).and(swipe(
        "f2",
        x + 30,
        y,
        90.0,
        0.0,
    )))
    .await
    .expect("pinch");
    b.settled().await;
    let pinched = b.caption().await;
    assert_ne!(pinched, start, "spreading two fingers zooms in");
    let (x, y) = surface_centre(&b).await;
    c.perform_actions(swipe("finger2", x, y, 120.0, 0.0)).await.expect("horizontal swipe");
    b.settled().await;
    assert_ne!(b.caption().await, pinched, "a horizontal swipe pans");
    b.click("Fit all").await;

    b.click("Zoom in").await;
    b.click("Zoom in").await;
    b.screenshot("horizontal-zoomed-390x844").await;
    b.click("Open Vienna meeting").await;
    b.screenshot("horizontal-meeting-390x844").await;
    b.click("Statement: Petya Nestorova").await;
    let rect = b
        .client
        .execute(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.bottom, r.width, innerHeight]",
            vec![serde_json::to_value(&b.wait("css", "section[id$=-detail]", 0).await).expect("panel")],
        )
        .await
        .expect("rect");
    let v: Vec<f64> =
        rect.as_array().map(|a| a.iter().filter_map(|x| x.as_f64()).collect()).unwrap_or_default();
    assert!(
        v.len() == 4 && v[0].abs() < 1.0 && (v[1] - v[3]).abs() < 1.0 && v[2] >= 389.0,
        "not a bottom sheet: {rect}"
    );
    b.screenshot("horizontal-panel-390x844").await;
    b.stop().await;
}
