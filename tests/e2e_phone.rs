//! End-to-end tests of the vertical timeline: phones (390 × 844, touch) get it by default; a desktop
//! column may choose it (`layout="vertical"`). Screenshots go to `target/screenshots/`.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]

mod support;

use std::time::Duration;

use fantoccini::actions::{
    InputSource, PointerAction, TouchActions, WheelAction, WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use serde_json::{json, Value};
use support::Browser;

const PALERMO: &str = "UN adopts the Palermo Convention and Trafficking Protocol";
const MEETING: &str = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";

fn assert_clean(state: &str, violations: &[String]) {
    assert!(violations.is_empty(), "axe-core, {state}:\n{}", violations.join("\n"));
}

/// Geometry of widget `index` in viewport pixels: [host top, first card top, page scrollY, innerHeight,
/// whether any element of the widget is fixed on screen, titles whose text is cut].
async fn look(b: &Browser, index: usize) -> Value {
    b.on_host(
        index,
        "const h = arguments[0], r = h.shadowRoot; \
         const first = r.querySelector('.att-vcard'); \
         const fixed = [...r.querySelectorAll('*')].some(e => getComputedStyle(e).position === 'fixed' && e.getClientRects().length); \
         const cut = [...r.querySelectorAll('.att-vtitle')].filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.textContent); \
         return [Math.round(h.getBoundingClientRect().top), first ? Math.round(first.getBoundingClientRect().top) : null, \
                 Math.round(scrollY), innerHeight, fixed, cut]",
    )
    .await
}

/// The centre of the first card of widget 0, in viewport pixels.
async fn card_point(b: &Browser) -> (f64, f64) {
    let v = b
        .on_host(
            0,
            "const c = arguments[0].shadowRoot.querySelector('.att-vcard').getBoundingClientRect(); \
             return [c.left + c.width / 2, Math.min(c.top + c.height / 2, innerHeight - 40)]",
        )
        .await;
    (v[0].as_f64().unwrap_or(100.0), v[1].as_f64().unwrap_or(300.0).max(40.0))
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_the_timeline_runs_down_the_page() {
    let b = Browser::phone(390, 844).await;
    b.client.goto(&b.url("/")).await.expect("standalone");
    b.wait("mark", PALERMO, 0).await;
    b.settled().await;
    b.js("window.__sel = []; document.addEventListener('timeline:select', e => window.__sel.push(e.detail.id))").await;
    let widths = b.js("return [innerWidth, document.documentElement.scrollWidth]").await;
    assert_eq!(widths, json!([390, 390]), "[viewport, page]: the page must not scroll sideways");
    let g = look(&b, 0).await;
    let (host, first) = (g[0].as_i64().unwrap(), g[1].as_i64().unwrap());
    assert!(first - host < 400, "the first event is {} px below the widget's top", first - host);
    assert!(first < 844, "the first event is not on the first screen: {g}");
    assert_eq!(g[5], json!([]), "titles cut");
    // Years are headings; each card is named "title, date, lane".
    let years = b
        .on_host(
            0,
            "return [...arguments[0].shadowRoot.querySelectorAll('h3.att-vy')].map(h => h.textContent)",
        )
        .await;
    assert_eq!(years[0], json!("2000"));
    assert!(years.as_array().unwrap().len() >= 15, "{years}");
    b.screenshot("vertical-390x844").await;
    assert_clean("vertical, phone", &b.axe().await);

    // A vertical swipe is the page's own scroll.
    let (x, y) = card_point(&b).await;
    let swipe = TouchActions::new("finger".into())
        .then(PointerAction::MoveTo { duration: None, x, y: y + 200.0 })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::MoveBy { duration: Some(Duration::from_millis(250)), x: 0.0, y: -250.0 })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    b.client.perform_actions(swipe).await.expect("swipe");
    b.settled().await;
    let scrolled = b.js("return scrollY").await.as_f64().unwrap_or(0.0);
    assert!(scrolled > 50.0, "a vertical swipe must scroll the page: {scrolled}");
    assert_eq!(b.js("return document.documentElement.scrollWidth").await, json!(390));
    b.js("window.scrollTo(0, 0)").await;

    // Open an event: its details open in place, below its card, and take focus.
    b.wait("mark", PALERMO, 0).await.click().await.expect("open");
    b.settled().await;
    let text = b.region_text(PALERMO).await.expect("the details");
    assert!(text.contains("15 November 2000"), "{text}");
    assert_eq!(b.focused_name().await, PALERMO, "focus moves to the details' heading");
    let panel = b
        .on_host(
            0,
            "const s = arguments[0].shadowRoot.querySelector('section[id$=-detail]'); \
             return [getComputedStyle(s).position, !!s.closest('li.att-vc'), s.getBoundingClientRect().width <= 390]",
        )
        .await;
    assert_eq!(panel, json!(["static", true, true]), "in place, not a sheet over the page");
    assert_eq!(b.js("return window.__sel").await, json!(["palermo-protocol-adopted"]));
    assert_eq!(look(&b, 0).await[4], json!(false), "nothing fixed over the article");
    b.screenshot("vertical-details-390x844").await;
    assert_clean("vertical, details open", &b.axe().await);
    b.key(Key::Escape).await;
    b.settled().await;
    assert!(b.region_text(PALERMO).await.is_none(), "Esc closes");
    assert!(b.focused_name().await.starts_with(PALERMO), "focus is back on the card");
    // Arrows move in time, one card at a time.
    b.key(Key::Down).await;
    b.settled().await;
    assert!(
        b.focused_name().await.starts_with("First OSCE Ministerial decision"),
        "{}",
        b.focused_name().await
    );
    b.key(Key::Up).await;
    b.settled().await;
    assert!(b.focused_name().await.starts_with(PALERMO));
    // Periods are cards too: ↓ from the first Special Representative reaches her term.
    let konrad = b.wait("mark", "First OSCE Special Representative: Helga Konrad", 0).await;
    b.client
        .execute("arguments[0].focus()", vec![serde_json::to_value(&konrad).unwrap()])
        .await
        .expect("focus");
    b.key(Key::Down).await;
    b.settled().await;
    assert!(
        b.focused_name()
            .await
            .starts_with("OSCE Special Representative: Helga Konrad, 13 May 2004 – May 2006"),
        "{}",
        b.focused_name().await
    );
    // The card is the one tab stop of the column.
    let stops = b
        .on_host(0, "return arguments[0].shadowRoot.querySelectorAll('.att-vcard[tabindex=\"0\"]').length")
        .await;
    assert_eq!(stops, json!(1));

    // The meeting unfolds in place into its days.
    b.click("Open Vienna meeting, 2024 (9 sessions)").await;
    b.settled().await;
    assert_eq!(b.focused_name().await, MEETING, "focus moves to the meeting's heading");
    let days = b
        .on_host(
            0,
            "return [...arguments[0].shadowRoot.querySelectorAll('.att-agendav h4')].map(h => h.textContent)",
        )
        .await;
    assert_eq!(days, json!(["Day 1", "Day 2", "Day not reported"]));
    b.screenshot("vertical-meeting-390x844").await;
    assert_clean("vertical, meeting unfolded", &b.axe().await);
    b.click("Statement: Petya Nestorova").await;
    b.settled().await;
    let session = b.region_text("Statement: Petya Nestorova").await.expect("the session's details");
    assert!(session.contains("Day not reported"), "{session}");
    b.key(Key::Escape).await;
    // (It may sit under the sticky year heading after Esc; a reader scrolls it into view first.)
    let hide = b.wait("button", "Hide the sessions", 0).await;
    b.client
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' })",
            vec![serde_json::to_value(&hide).unwrap()],
        )
        .await
        .expect("scroll");
    hide.click().await.expect("fold");
    b.settled().await;
    assert!(b.region_text(MEETING).await.is_none(), "folded");
    assert_eq!(look(&b, 0).await[5], json!([]), "titles cut");
    // Forced colours keep the cards, dots and selection visible; print gives the list, not the column.
    b.emulate_media("", &[("forced-colors", "active")]).await;
    b.screenshot("vertical-forced-colors-390x844").await;
    assert_clean("vertical, forced colours", &b.axe().await);
    b.wait("css", ".att-print", 0).await;
    b.emulate_media("print", &[]).await;
    let printed = b
        .on_host(
            0,
            "const r = arguments[0].shadowRoot; return [r.querySelector('.att-vert').getClientRects().length, \
             r.querySelector('.att-print').innerText.includes('15 November 2000 — UN adopts the Palermo Convention')]",
        )
        .await;
    assert_eq!(printed, json!([0, true]), "print: the chronological list, not the column");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_start_entry_and_a_deep_link_open_in_place_and_never_cover_the_article() {
    let b = Browser::phone(390, 844).await;
    // The article's first timeline starts on the Vienna meeting: open in place, below the fold.
    b.client.goto(&b.url("/fixtures/article.html")).await.expect("article");
    b.wait_widget_text(0, MEETING, 10).await;
    b.settled().await;
    let g = look(&b, 0).await;
    assert_eq!(g[2], json!(0), "the page was scrolled at load: {g}");
    assert_eq!(g[4], json!(false), "something of the widget is fixed over the article: {g}");
    let inline = b
        .on_host(0, "const s = arguments[0].shadowRoot.querySelector('section[id$=-detail]'); return s && getComputedStyle(s).position")
        .await;
    assert_eq!(inline, json!("static"), "the start entry's details are open in place");
    let lead = b.js("const p = document.querySelector('.standfirst').getBoundingClientRect(); return p.top < innerHeight && p.bottom > 0").await;
    assert_eq!(lead, json!(true), "the article's lead is visible and uncovered");
    b.screenshot("vertical-article-390x844").await;
    assert_clean("vertical, article", &b.axe().await);

    // A deep link to a session opens it inside its unfolded meeting.
    b.client.goto(&b.url("/#event=vienna-2024-opening")).await.expect("deep link");
    b.wait_widget_text(0, "Opening remarks: Dr Kari Johnstone", 10).await;
    b.settled().await;
    assert!(b.region_text("Opening remarks: Dr Kari Johnstone").await.is_some());
    assert!(b.region_text(MEETING).await.is_some(), "the meeting is unfolded");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_desktop_column_may_choose_it_and_the_page_drives_it() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/vertical.html")).await.expect("page");
    // Widgets 0 and 1 are the two elements (the second French, dark, right to left); #box is mounted.
    for i in 0..2 {
        b.wait_widget_text(i, "2000", 10).await;
    }
    b.settled().await;
    let views = b
        .js("return [...document.querySelectorAll('anti-trafficking-timeline, #box')].map(h => !!h.shadowRoot.querySelector('.att-vert'))")
        .await;
    assert_eq!(views, json!([true, true, true]), "layout=vertical in a wide column");
    // A plain vertical wheel over the cards scrolls the page.
    let (x, y) = card_point(&b).await;
    let mut wheel = WheelActions::new("wheel".into());
    wheel.push(WheelAction::Scroll { duration: None, x: x as i64, y: y as i64, delta_x: 0, delta_y: 300 });
    b.client.perform_actions(wheel).await.expect("wheel");
    b.settled().await;
    assert!(b.js("return scrollY").await.as_f64().unwrap_or(0.0) > 100.0, "the wheel scrolled the page");
    // zoomTo scrolls to that date; select() opens the card in place and brings it into view.
    let year = b
        .client
        .execute_async(
            "const done = arguments[0]; window.__handle.then(h => { h.zoomTo('2015', '2016'); \
             setTimeout(() => { const y = document.querySelector('#box').shadowRoot.querySelector('h3[data-year=\"2015\"]'); \
             done(Math.round(y.getBoundingClientRect().top)); }, 400); })",
            vec![],
        )
        .await
        .expect("zoomTo");
    assert!(year.as_i64().unwrap_or(9999).abs() < 60, "2015 is not at the top of the viewport: {year}");
    // And back up: the year's block (not its sticky heading) comes to the top.
    let up = b
        .client
        .execute_async(
            "const done = arguments[0]; window.__handle.then(h => { h.zoomTo('2003', '2004'); \
             setTimeout(() => { const y = document.querySelector('#box').shadowRoot.querySelector('.att-vyear[data-year=\"2003\"]'); \
             done(Math.round(y.getBoundingClientRect().top)); }, 400); })",
            vec![],
        )
        .await
        .expect("zoomTo back");
    assert!(up.as_i64().unwrap_or(9999).abs() < 60, "2003 is not at the top of the viewport: {up}");
    let opened = b
        .client
        .execute_async(
            "const done = arguments[0]; window.__handle.then(h => { h.select('uk-modern-slavery-act'); \
             setTimeout(() => { const s = document.querySelector('#box').shadowRoot.querySelector('section[id$=-detail]'); \
             const r = s && s.getBoundingClientRect(); done(r ? [r.top < innerHeight && r.bottom > 0, getComputedStyle(s).position] : null); }, 400); })",
            vec![],
        )
        .await
        .expect("select");
    assert_eq!(opened, json!([true, "static"]), "select() opens the card in place, in view");
    // Dark, French and right to left: the spine on the right, French dates.
    let fr = b
        .on_host(
            1,
            "const r = arguments[0].shadowRoot; const l = getComputedStyle(r.querySelector('.att-vlist')); \
             return [l.borderRightWidth, l.borderLeftWidth, r.querySelector('.att-vdate').textContent, getComputedStyle(r.querySelector('.att')).backgroundColor]",
        )
        .await;
    assert_eq!(fr[0], json!("2px"), "the spine follows the page's direction: {fr}");
    assert_eq!(fr[1], json!("0px"));
    assert!(fr[2].as_str().unwrap_or_default().contains("octobre"), "{fr}");
    assert_eq!(fr[3], json!("rgb(22, 24, 29)"), "dark");
    let host = b.wait("host", "", 1).await;
    b.client
        .execute("arguments[0].scrollIntoView()", vec![serde_json::to_value(&host).unwrap()])
        .await
        .expect("scroll");
    b.settled().await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("vertical-fr-dark-rtl.png"), host.screenshot().await.expect("shot"))
        .expect("write");
    assert_clean("vertical, desktop column, French, dark, right to left", &b.axe().await);
    b.stop().await;
}
