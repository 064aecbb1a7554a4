//! Accessibility end-to-end tests: axe-core on the standalone page, an embedded article, the meeting
//! view and an open detail panel, in light and dark; a keyboard-only journey; what a screen reader gets.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use fantoccini::key::Key;
use support::Browser;

const MEETING: &str = "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna";

fn assert_clean(state: &str, violations: &[String]) {
    assert!(violations.is_empty(), "axe-core, {state}:\n{}", violations.join("\n"));
}

#[tokio::test(flavor = "current_thread")]
async fn axe_finds_no_violations_in_the_four_states() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/")).await.expect("standalone");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    assert_clean("standalone page", &b.axe().await);
    b.click("Open Vienna meeting").await;
    b.settled().await;
    assert_clean("meeting view", &b.axe().await);
    b.click("Opening remarks: Dr Kari Johnstone").await;
    b.settled().await;
    assert!(b.region_text("Opening remarks: Dr Kari Johnstone").await.is_some());
    assert_clean("detail panel open", &b.axe().await);
    b.client.goto(&b.url("/fixtures/article.html")).await.expect("article");
    b.wait("region", MEETING, 0).await;
    b.wait("mark", "UN Global Plan of Action", 1).await;
    b.settled().await;
    assert_clean("embedded in an article", &b.axe().await);
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_keyboard_only_reader_reaches_a_session_and_comes_back() {
    let b = Browser::start(1280, 900).await;
    let c = &b.client;
    c.goto(&b.url("/")).await.expect("standalone");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    // Tab in: the skip link comes first, then the controls, then the one tab stop among the marks.
    let mut path = Vec::new();
    for _ in 0..20 {
        b.key(Key::Tab).await;
        let name = b.focused_name().await;
        path.push(name.clone());
        if name.contains(&format!(" of {}", support::bundled().events.len())) {
            break;
        }
    }
    assert_eq!(path.first().map(String::as_str), Some("Skip the timeline"), "{path:?}");
    let first = path.last().cloned().unwrap_or_default();
    assert!(first.starts_with(&support::mark_name("us-tvpa")), "{path:?}");
    // Arrow to the meeting.
    b.key(Key::End).await;
    for _ in 0..5 {
        if b.focused_name().await.starts_with("Vienna meeting") {
            break;
        }
        b.key(Key::Left).await;
    }
    let meeting = b.focused_name().await;
    assert!(meeting.starts_with("Vienna meeting, 2024 — Annual meeting"), "{meeting}");
    assert!(meeting.ends_with(", 9 sessions"), "{meeting}");
    // Open its details, then its sessions.
    b.key(Key::Enter).await;
    assert_eq!(b.focused_name().await, MEETING);
    b.key(Key::Tab).await; // the panel's close button
    let mut guard = 0;
    while !b.focused_name().await.starts_with("Open the sessions") && guard < 10 {
        b.key(Key::Tab).await;
        guard += 1;
    }
    b.key(Key::Enter).await;
    assert_eq!(b.focused_name().await, MEETING, "the meeting view's heading");
    b.key(Key::Tab).await;
    assert_eq!(b.focused_name().await, "Welcoming remarks: Michael Cluett");
    b.key(Key::Enter).await;
    let panel = b.region_text("Welcoming remarks: Michael Cluett").await.expect("the session's details");
    assert!(panel.contains("uniquely positioned to enhance cross-border co-operation"), "{panel}");
    // Esc back, focus restored each time.
    b.key(Key::Escape).await;
    assert_eq!(b.focused_name().await, "Welcoming remarks: Michael Cluett");
    b.key(Key::Escape).await;
    assert!(b.focused_name().await.starts_with("Vienna meeting, 2024 — Annual meeting"));
    // The skip link jumps past the widget.
    c.goto(&b.url("/")).await.expect("reload");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.key(Key::Tab).await;
    assert_eq!(b.focused_name().await, "Skip the timeline");
    b.key(Key::Enter).await;
    assert_eq!(b.focused_name().await, "End of the timeline");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_screen_reader_gets_lists_times_names_and_announcements() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/")).await.expect("standalone");
    let mark = b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    let host = b.wait("host", "", 0).await;
    let facts = b
        .client
        .execute(
            "const r = arguments[0].shadowRoot; const m = arguments[1]; \
             return [m.closest('ol') !== null, m.closest('li') !== null, m.querySelector('time').getAttribute('datetime'), \
                     (() => { const c = m.cloneNode(true); c.querySelectorAll('[aria-hidden=true]').forEach(x => x.remove()); return c.textContent; })(), \
                     r.querySelector('[aria-live=polite]').textContent]",
            vec![serde_json::to_value(&host).unwrap(), serde_json::to_value(&mark).unwrap()],
        )
        .await
        .expect("facts");
    assert_eq!(
        facts,
        serde_json::json!([
            true,
            true,
            "2000-11-15",
            support::mark_name("palermo-protocol-adopted"),
            "Showing 2000 – 2025"
        ])
    );
    // What assistive technology gets: the accessibility tree, as Chromium computes it.
    let tree = b.cdp("Accessibility.getFullAXTree", serde_json::json!({})).await;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    let node = nodes
        .iter()
        .find(|n| {
            n["name"]["value"].as_str().is_some_and(|v| v.starts_with("Palermo Protocol adopted — UN adopts"))
                && n["role"]["value"] == "button"
        })
        .expect("the mark in the accessibility tree");
    let (role, name) = (node["role"]["value"].clone(), node["name"]["value"].clone());
    println!("accessibility tree: role={role} name={name}");
    assert_eq!(role, "button");
    assert_eq!(name, support::mark_name("palermo-protocol-adopted"));
    let listitem = nodes.iter().any(|n| n["role"]["value"] == "listitem");
    assert!(listitem, "marks are list items");
    mark.click().await.expect("open");
    b.settled().await;
    let live = b
        .client
        .execute(
            "return arguments[0].shadowRoot.querySelector('[aria-live=polite]').textContent",
            vec![serde_json::to_value(&host).unwrap()],
        )
        .await
        .expect("live");
    assert_eq!(live, "Opened: UN adopts the Palermo Convention and Trafficking Protocol, 15 November 2000");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn dark_mode_is_automatic_and_reduced_motion_removes_movement() {
    let b = Browser::with_flags(1280, 900, &["--force-dark-mode", "--force-prefers-reduced-motion"]).await;
    b.client.goto(&b.url("/")).await.expect("standalone");
    let mark = b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    let prefs = b.js("return [matchMedia('(prefers-color-scheme: dark)').matches, matchMedia('(prefers-reduced-motion: reduce)').matches]").await;
    assert_eq!(prefs, serde_json::json!([true, true]), "the browser flags did not take");
    let host = b.wait("host", "", 0).await;
    let look = b
        .client
        .execute(
            "const att = arguments[0].shadowRoot.querySelector('.att'); const li = arguments[1].closest('li'); \
             return [getComputedStyle(att).backgroundColor, getComputedStyle(li).transitionDuration]",
            vec![serde_json::to_value(&host).unwrap(), serde_json::to_value(&mark).unwrap()],
        )
        .await
        .expect("styles");
    assert_eq!(look, serde_json::json!(["rgb(22, 24, 29)", "0s"]), "dark by default, no animated movement");
    // The standalone page around it follows the same preference.
    let page = b
        .js("return [getComputedStyle(document.documentElement).backgroundColor, \
             getComputedStyle(document.querySelector('h1')).color]")
        .await;
    assert_eq!(page, serde_json::json!(["rgb(14, 16, 19)", "rgb(232, 232, 230)"]), "the page stays light");
    b.screenshot("dark-auto-1280x900").await;
    assert_clean("dark mode (contrast)", &b.axe().await);
    mark.click().await.expect("open");
    b.settled().await;
    assert_clean("dark mode, panel open", &b.axe().await);
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_every_control_is_at_least_44_pixels() {
    let browser = Browser::phone(390, 844).await;
    let b = &browser;
    b.client.goto(&b.url("/")).await.expect("standalone");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    let check = |state: &'static str| async move {
        let small = b
            .js("const r = document.querySelector('[data-anti-trafficking-timeline]').shadowRoot; \
                 return [...r.querySelectorAll('button')].filter(x => { const b = x.getBoundingClientRect(); \
                   return b.width > 1 && b.height > 1 && b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < innerWidth && !x.closest('p') && (b.height < 44 || b.width < 44); }) \
                 .map(x => (x.getAttribute('aria-label') || x.textContent).trim().slice(0, 40) + ' ' + Math.round(x.getBoundingClientRect().width) + 'x' + Math.round(x.getBoundingClientRect().height))")
            .await;
        assert_eq!(small, serde_json::json!([]), "targets under 44 px ({state})");
    };
    check("timeline").await;
    b.click("Open Vienna meeting").await;
    check("meeting").await;
    b.click("Statement: Petya Nestorova").await;
    check("details").await;
    assert_clean("phone, details open", &b.axe().await);
    browser.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn without_javascript_the_page_and_the_snippet_list_every_event() {
    let data =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/timeline.json")).expect("data");
    let t = anti_trafficking_timeline::format::from_str(&data).expect("valid data");
    let b = Browser::with_flags(1280, 900, &["--blink-settings=scriptEnabled=false"]).await;
    for page in ["/", "/snippet.html"] {
        // A static page: loaded when goto returns (nothing runs, so there is nothing to wait for).
        b.client.goto(&b.url(page)).await.expect("page");
        let text = b.js("return document.body.innerText").await;
        let text = text.as_str().unwrap_or_default();
        // Scripts really are off: the widget did not start.
        assert_eq!(b.js("return document.querySelector('[data-anti-trafficking-timeline], anti-trafficking-timeline').shadowRoot === null").await, serde_json::json!(true));
        for e in &t.events {
            assert!(text.contains(&e.info.title), "{page}: no {:?}", e.info.title);
            assert!(text.contains(&e.when.label_en()), "{page}: no date {:?}", e.when.label_en());
            for c in &e.children {
                assert!(text.contains(&c.info.title), "{page}: no {:?}", c.info.title);
            }
        }
        assert!(text.contains("Sources: "), "{page}");
    }
    b.screenshot("no-javascript").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn print_gives_a_chronological_list_and_forced_colours_keep_shapes_visible() {
    let b = Browser::start(1000, 1400).await;
    b.client.goto(&b.url("/")).await.expect("standalone");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.wait("css", ".att-print", 0).await; // built shortly after the first render
    b.settled().await;
    b.emulate_media("print", &[]).await;
    let host = b.wait("host", "", 0).await;
    let printed = b
        .client
        .execute(
            "const r = arguments[0].shadowRoot; const list = [...r.querySelectorAll('section')].find(s => getComputedStyle(s).display === 'block' && s.querySelector('ol')); \
             const axis = r.querySelector('[data-unit]'); \
             return [list ? list.innerText : '', axis ? axis.getClientRects().length : 0]",
            vec![serde_json::to_value(&host).unwrap()],
        )
        .await
        .expect("print");
    let text = printed[0].as_str().unwrap_or_default();
    assert_eq!(printed[1], serde_json::json!(0), "the interactive timeline is not printed");
    assert!(
        text.contains("15 November 2000 — UN adopts the Palermo Convention and Trafficking Protocol (UN)."),
        "{}",
        &text[..text.len().min(400)]
    );
    assert!(text.contains("Day 1: Welcoming remarks: Michael Cluett"), "the meeting's sessions are printed");
    assert!(
        text.contains("(https://www.coe.int/en/web/anti-human-trafficking/anti-trafficking-convention)"),
        "source URLs are printed"
    );
    b.screenshot("print-emulated").await;
    b.emulate_media("", &[("forced-colors", "active")]).await;
    let forced = b.js("return matchMedia('(forced-colors: active)').matches").await;
    assert_eq!(forced, serde_json::json!(true));
    b.screenshot("forced-colors").await;
    assert_clean("forced colours", &b.axe().await);
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_french_page_gets_french_month_names_and_a_rtl_page_mirrors() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/fr.html")).await.expect("French page");
    b.wait("button", "Zoomer", 0).await;
    b.settled().await;
    // The data came in French (English plus French), once, and no other language's file.
    let data: Vec<String> =
        b.requests().into_iter().map(|r| r.0).filter(|p| p.contains("/data/timeline.")).collect();
    assert_eq!(data, ["/news/timeline/data/timeline.fr.json"], "data files requested");
    let host = b.wait("host", "", 0).await;
    let axis = b
        .client
        .execute(
            "const r = arguments[0].shadowRoot; return [[...r.querySelector('[data-unit]').children].map(s => s.textContent), \
             r.querySelector('.att').getAttribute('lang')]",
            vec![serde_json::to_value(&host).unwrap()],
        )
        .await
        .expect("axis");
    let ticks: Vec<String> =
        axis[0].as_array().unwrap().iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
    assert_eq!(axis[1], serde_json::json!("fr"), "the page's language was picked up");
    assert!(
        ticks.iter().any(|t| t.starts_with("janv.") || t.starts_with("juil.")),
        "French month names on the axis: {ticks:?}"
    );
    // At 1280 px no label on the axis is cut: it shows whole, or its mark is in a "+N"; a period band
    // too narrow for its label shows none.
    let cut = b
        .client
        .execute(
            "return [...arguments[0].shadowRoot.querySelectorAll('.att-lbl, .att-band')].filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.textContent)",
            vec![serde_json::to_value(&host).unwrap()],
        )
        .await
        .expect("labels");
    assert_eq!(cut, serde_json::json!([]), "cut labels in French");
    let plan = support::bundled().find("osce-action-plan").expect("plan").info().clone();
    let title = plan.title_in(anti_trafficking_timeline::model::Lang::Fr).to_owned();
    assert_ne!(title, plan.title, "the entry is translated");
    b.click(&title).await;
    let panel = b.region_text(&title).await.expect("panel");
    assert!(panel.contains("24 juillet 2003"), "{panel}");
    assert!(panel.contains("Traduction réalisée pour cette frise chronologique"), "{panel}");
    b.screenshot("french-1280x900").await;
    assert_clean("French page", &b.axe().await);

    b.client.goto(&b.url("/fixtures/rtl.html")).await.expect("RTL page");
    b.wait("mark", "UN adopts the Palermo Convention", 0).await;
    b.settled().await;
    let host = b.wait("host", "", 0).await;
    let layout = b
        .client
        .execute(
            "const r = arguments[0].shadowRoot; const box = arguments[0].getBoundingClientRect(); \
             const zoomOut = r.querySelector('button[aria-label=\"Zoom out\"]').getBoundingClientRect(); \
             const ticks = [...r.querySelector('[data-unit]').children].map(s => [s.textContent, s.getBoundingClientRect().left]); \
             const d = r.querySelector('.att-desc').firstChild; \
             const at = (i) => { const g = document.createRange(); g.setStart(d, i); g.setEnd(d, i + 1); return g.getBoundingClientRect().left; }; \
             return [getComputedStyle(r.querySelector('.att')).direction, zoomOut.right > box.left + box.width / 2, \
                     ticks[0][1] < ticks[ticks.length - 1][1], document.documentElement.scrollWidth <= innerWidth, \
                     d.data.endsWith('.') && at(d.length - 1) > at(0)]",
            vec![serde_json::to_value(&host).unwrap()],
        )
        .await
        .expect("layout");
    assert_eq!(
        layout,
        serde_json::json!(["rtl", true, true, true, true]),
        "[direction, controls start on the right, time runs left to right, no sideways scroll, \
         the English description reads left to right, its full stop at the end]"
    );
    b.screenshot("rtl-1280x900").await;
    b.stop().await;
}
