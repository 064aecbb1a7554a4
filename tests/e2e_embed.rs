//! End-to-end tests of embedding: fixture pages under `tests/fixtures/` load `dist/embed.js` from a
//! sub-path (`/news/timeline/`), as a newsroom would. Screenshots go to `target/screenshots/`.
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

use fantoccini::key::Key;
use serde_json::{json, Value};
use support::Browser;

async fn on_host(b: &Browser, index: usize, script: &str) -> Value {
    b.on_host(index, script).await
}

/// Waits until widget `index`'s text contains `needle`.
async fn wait_text(b: &Browser, index: usize, needle: &str) -> String {
    b.wait_widget_text(index, needle, 10).await
}

async fn other_origins(b: &Browser) -> Value {
    b.js("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin).filter(o => o !== location.origin)").await
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_with_two_independent_instances_served_from_a_sub_path() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/article.html")).await.expect("article");
    wait_text(&b, 0, "Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna")
        .await;
    wait_text(&b, 1, "Showing 2010 – 2015").await;
    b.settled().await;
    // Both started: the custom element and the div.
    let ready =
        b.js("return window.__events.filter(e => e[0] === 'timeline:ready').map(e => e[1]).sort()").await;
    assert_eq!(ready, json!(["anti-trafficking-timeline", "div"]));
    // The custom element's start="vienna-2024" opened the meeting's details; the div shows 2010–2015.
    assert!(b
        .region_text("Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna")
        .await
        .is_some());
    // Independent: ids, state and keyboard.
    let ids = b.js("return [...document.querySelectorAll('anti-trafficking-timeline,[data-anti-trafficking-timeline]')].map(h => [...h.shadowRoot.querySelectorAll('[id]')].map(e => e.id))").await;
    let (a, c) =
        (ids[0].as_array().cloned().unwrap_or_default(), ids[1].as_array().cloned().unwrap_or_default());
    assert!(!a.is_empty() && !c.is_empty() && a.iter().all(|id| !c.contains(id)), "shared ids");
    let first_caption = on_host(&b, 0, "return [...arguments[0].shadowRoot.querySelectorAll('p')].map(p => p.textContent).find(t => t.startsWith('Showing'))").await;
    let zoom_in = b.wait("button", "Zoom in", 1).await;
    zoom_in.click().await.expect("zoom the second");
    b.settled().await;
    b.key(fantoccini::key::Key::Escape).await;
    let after = on_host(&b, 0, "return [...arguments[0].shadowRoot.querySelectorAll('p')].map(p => p.textContent).find(t => t.startsWith('Showing'))").await;
    assert_eq!(after, first_caption, "zooming one widget moved the other");
    assert!(
        b.region_text("Annual meeting of National Anti-trafficking Co-ordinators and Rapporteurs, Vienna")
            .await
            .is_some(),
        "Esc in one widget closed the other's panel"
    );
    // The widgets' styles did not change the article.
    assert_eq!(b.js("return window.__articleStyles()").await, b.js("return window.__stylesBefore").await);
    assert_eq!(b.js("return document.documentElement.scrollWidth <= innerWidth").await, json!(true));
    assert_eq!(other_origins(&b).await, json!([]), "requests to other hosts");
    // The widget's own data, in the article's language (English), fetched once for both instances
    // (preloaded by embed.js beside the wasm), from beside embed.js on its sub-path.
    let data: Vec<(String, u16)> =
        b.requests().into_iter().filter(|r| r.0.contains("/data/timeline.")).collect();
    assert_eq!(data, [("/news/timeline/data/timeline.en.json".to_owned(), 200)], "data files requested");
    b.screenshot("article-1280x900").await;
    b.stop().await;
}

fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().expect("png");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    buf.truncate(info.buffer_size());
    let channels = buf.len() / (info.width as usize * info.height as usize);
    // Keep RGB only.
    let rgb = buf.chunks(channels).flat_map(|px| px[..3].to_vec()).collect();
    (info.width, info.height, rgb)
}

async fn widget_png(b: &Browser, page: &str) -> Vec<u8> {
    b.client.goto(&b.url(page)).await.expect("page");
    wait_text(b, 0, "Showing Jan 2003").await;
    b.settled().await;
    b.wait("host", "", 0).await.screenshot().await.expect("element screenshot")
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_page_css_does_not_change_how_the_widget_looks() {
    let b = Browser::start(1100, 1000).await;
    let blank = widget_png(&b, "/fixtures/blank.html").await;
    let hostile = widget_png(&b, "/fixtures/hostile.html").await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("widget-blank.png"), &blank).expect("write");
    std::fs::write(dir.join("widget-hostile.png"), &hostile).expect("write");
    let (w1, h1, a) = decode(&blank);
    let (w2, h2, c) = decode(&hostile);
    assert_eq!((w1, h1), (w2, h2), "the widget's size changed on the hostile page");
    let differing = a
        .chunks(3)
        .zip(c.chunks(3))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 16))
        .count();
    let share = differing as f64 / f64::from(w1 * h1);
    assert!(share < 0.001, "{differing} of {} pixels differ ({:.3} %)", w1 * h1, share * 100.0);
    b.stop().await;
}

/// The inherited text properties a page could push into the widget, read on `.att`, a toolbar button,
/// a mark and the range caption of the widget whose host is `arguments[0]`.
const TEXT_STYLE_JS: &str = "const r = arguments[0].shadowRoot; \
    const props = ['font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'color', \
      'letter-spacing', 'word-spacing', 'line-height', 'text-transform', 'text-indent', 'text-align', \
      'white-space', 'text-shadow', 'cursor', 'hyphens', 'tab-size', 'overflow-wrap', \
      '-webkit-text-stroke-width', 'font-kerning', 'visibility']; \
    const pick = (el) => el ? props.map(p => p + ': ' + getComputedStyle(el).getPropertyValue(p)) : null; \
    return { att: pick(r.querySelector('.att')), button: pick(r.querySelector('button.att-btn')), \
      mark: pick(r.querySelector('.att-mk')), \
      caption: pick([...r.querySelectorAll('p')].find(p => p.textContent.startsWith('Showing'))) };";

/// Waits until every host matched by `selector` shows its range caption.
async fn wait_all_captions(b: &Browser, selector: &str, count: usize) {
    let script = format!(
        "return [...document.querySelectorAll('{selector}')].filter(h => h.shadowRoot && \
         [...h.shadowRoot.querySelectorAll('p')].some(p => p.textContent.startsWith('Showing '))).length === {count}"
    );
    if b.wait_until(&script, 15).await {
        return;
    }
    let texts = b
        .js(&format!(
            "return [...document.querySelectorAll('{selector}')].map(h => h.shadowRoot ? h.shadowRoot.textContent.slice(0, 300) : '(no shadow root)')"
        ))
        .await;
    panic!("not every timeline started: {}; they show {texts}", b.js(&script).await);
}

#[tokio::test(flavor = "current_thread")]
async fn the_page_places_the_element_and_mount_boxes_while_inherited_styles_stay_out() {
    let b = Browser::start(1100, 1000).await;
    // The reference: one timeline on a page with no styles of its own.
    b.client.goto(&b.url("/fixtures/blank.html")).await.expect("blank");
    wait_all_captions(&b, "anti-trafficking-timeline", 1).await;
    let reference = on_host(&b, 0, TEXT_STYLE_JS).await;
    assert!(reference["mark"].is_array() && reference["caption"].is_array(), "{reference}");
    assert!(reference["att"][0].as_str().unwrap().contains("system-ui"), "{reference}");

    b.client.goto(&b.url("/fixtures/placement.html")).await.expect("placement page");
    let hosts = "anti-trafficking-timeline:not(.gone), #box1, #box2";
    wait_all_captions(&b, hosts, 6).await;
    assert_eq!(b.js("return window.__mounted").await, json!(true), "mount() failed");
    b.settled().await;
    let geometry = b
        .js("const col = document.querySelector('#column').getBoundingClientRect(); \
             const at = (sel) => { const h = document.querySelector(sel); const r = h.getBoundingClientRect(); \
               const att = h.shadowRoot ? h.shadowRoot.querySelector('.att') : null; \
               return { left: Math.round(r.left - col.left), right: Math.round(col.right - r.right), \
                 top: Math.round(r.top), width: Math.round(r.width), height: Math.round(r.height), \
                 float: getComputedStyle(h).float, \
                 inner: att ? Math.round(att.getBoundingClientRect().width) : null, \
                 client: h.clientWidth, scrolls: h.scrollHeight > h.clientHeight }; }; \
             const top = (sel) => Math.round(document.querySelector(sel).getBoundingClientRect().top); \
             const left = (sel) => Math.round(document.querySelector(sel).getBoundingClientRect().left - col.left); \
             return { floated: at('.floated'), besideFloated: top('.floated + p'), narrow: at('.narrow'), \
               box1: at('#box1'), box2: at('#box2'), besideBox2: top('#beside'), \
               row: at('.row anti-trafficking-timeline'), first: left('#first'), \
               grid: at('.grid anti-trafficking-timeline'), \
               gone: document.querySelector('.gone').getClientRects().length, \
               goneMounted: !!document.querySelector('.gone').shadowRoot }")
        .await;
    let g = |k: &str, f: &str| geometry[k][f].clone();
    // float and width on the element: 420 px at the column's right edge, text flowing beside it.
    assert_eq!(
        (g("floated", "float"), g("floated", "width"), g("floated", "right")),
        (json!("right"), json!(420), json!(0)),
        "{geometry}"
    );
    assert_eq!(
        geometry["besideFloated"],
        g("floated", "top"),
        "the text does not flow beside the float: {geometry}"
    );
    // max-width and margin on the element.
    assert_eq!((g("narrow", "left"), g("narrow", "width")), (json!(60), json!(600)), "{geometry}");
    // width, height, margin and overflow on a mount() box: the widget scrolls inside it.
    assert_eq!(
        (g("box1", "left"), g("box1", "width"), g("box1", "height")),
        (json!(50), json!(340), json!(480)),
        "{geometry}"
    );
    assert_eq!(g("box1", "scrolls"), json!(true), "{geometry}");
    // float, width and max-width on a mount() box.
    assert_eq!(
        (g("box2", "float"), g("box2", "left"), g("box2", "width")),
        (json!("left"), json!(0), json!(500)),
        "{geometry}"
    );
    assert_eq!(
        geometry["besideBox2"],
        g("box2", "top"),
        "the text does not flow beside the floated box: {geometry}"
    );
    // order and flex-basis in a flex row; a grid column.
    assert_eq!(g("row", "width"), json!(300), "{geometry}");
    assert!(
        g("row", "left").as_i64() < geometry["first"].as_i64(),
        "order: -1 did not put it first: {geometry}"
    );
    assert_eq!((g("grid", "left"), g("grid", "width")), (json!(100), json!(500)), "{geometry}");
    // display: none hides it (and it is still mounted).
    assert_eq!(
        (geometry["gone"].clone(), geometry["goneMounted"].clone()),
        (json!(0), json!(true)),
        "{geometry}"
    );
    // The widget fills the box the page gave it.
    for k in ["floated", "narrow", "box1", "box2", "row", "grid"] {
        assert_eq!(g(k, "inner"), g(k, "client"), "{k}: the widget does not fill its box: {geometry}");
    }
    // None of the page's inherited text properties reached inside any of them.
    let count = b.js(&format!("return document.querySelectorAll('{hosts}').length")).await;
    assert_eq!(count, json!(6));
    for i in 0..6 {
        let host = b
            .client
            .execute(&format!("return document.querySelectorAll('{hosts}')[{i}]"), vec![])
            .await
            .expect("host");
        let styles = b.client.execute(TEXT_STYLE_JS, vec![host]).await.expect("styles");
        assert_eq!(styles, reference, "widget {i} took the page's inherited styles");
    }
    b.screenshot("placement-1100x1000").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn works_under_a_strict_content_security_policy() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/csp.html")).await.expect("csp page");
    wait_text(&b, 0, "Showing 2000").await;
    wait_text(&b, 1, "A small runtime timeline").await;
    b.settled().await;
    // Styled (the constructed stylesheet applied) and positioned (CSSOM transforms applied).
    let styled = on_host(
        &b,
        0,
        "const r = arguments[0].shadowRoot; const att = r.querySelector('.att'); \
        const marks = [...r.querySelectorAll('li.att-m')].map(m => getComputedStyle(m).transform); \
        return [getComputedStyle(att).paddingTop, marks.length > 10, new Set(marks).size > 10]",
    )
    .await;
    assert_eq!(styled, json!(["16px", true, true]));
    assert_eq!(b.js("return window.__violations").await, json!([]), "CSP violations");
    b.screenshot("csp-1280x900").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn runtime_data_good_bad_and_missing_is_explained() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/runtime.html")).await.expect("runtime page");
    let good = wait_text(&b, 0, "Showing").await;
    assert!(good.contains("A small runtime timeline"), "{good}");
    let bad = wait_text(&b, 1, "The timeline could not be loaded").await;
    assert!(bad.contains("The data file at /fixtures/bad.json has 2 problem(s)."), "{bad}");
    assert!(bad.contains("events[0].date.month: 14 is not a month (1–12)"), "{bad}");
    assert!(
        bad.contains("events[0].sources: is empty; expected at least one source (title and URL)"),
        "{bad}"
    );
    let missing = wait_text(&b, 2, "The timeline could not be loaded").await;
    assert!(missing.contains("The server answered “404 Not Found” for /fixtures/missing.json."), "{missing}");
    b.wait("button", "Try again", 2).await.click().await.expect("retry");
    wait_text(&b, 2, "404 Not Found").await;
    // Another origin without Access-Control-Allow-Origin: the browser withholds it; say so.
    let cors = wait_text(&b, 3, "The timeline could not be loaded").await;
    assert!(
        cors.contains(
            "does not allow this page to read the file (CORS: it must send Access-Control-Allow-Origin)"
        ),
        "{cors}"
    );
    // Over the size cap.
    let big = wait_text(&b, 4, "The timeline could not be loaded").await;
    assert!(big.contains("The data file at /generated/big.json is 6.0 MB; the limit is 5 MB."), "{big}");
    // Each same-origin data file came once: embed.js preloads it beside the wasm, and the widget's
    // own fetch takes the preload instead of asking again.
    let preloads = b
        .js("return [...document.head.querySelectorAll('link[rel=preload][as=fetch]')].map(l => new URL(l.href).pathname)")
        .await;
    assert!(preloads.as_array().is_some_and(|p| p.contains(&json!("/fixtures/bad.json"))), "{preloads}");
    let asked = b.requests().iter().filter(|r| r.0 == "/fixtures/bad.json").count();
    assert_eq!(asked, 1, "bad.json was requested {asked} times");
    // The valid one works.
    b.wait("mark", "UN adopts the Trafficking Protocol", 0).await.click().await.expect("open");
    b.settled().await;
    assert!(b.region_text("UN adopts the Trafficking Protocol").await.is_some());
    b.screenshot("runtime-1280x900").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn mounting_and_destroying_a_hundred_times_leaves_nothing_behind() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/cycles.html")).await.expect("cycles page");
    for _ in 0..100 {
        if b.js("return window.__cyclesReady === true").await == json!(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let before = b.js("return window.__globalListeners").await;
    let run = |n: u32| {
        let c = b.client.clone();
        async move {
            c.execute_async(
                "const done = arguments[arguments.length - 1]; window.__cycle(arguments[0]).then(done)",
                vec![json!(n)],
            )
            .await
            .expect("cycles")
        }
    };
    let warm = run(10).await;
    if std::env::var("MEMPROBE").is_ok() {
        for _ in 0..6 {
            println!("MEMPROBE {}", run(50).await);
        }
    }
    let after = run(100).await;
    assert_eq!(after["listeners"], before, "window/document listeners left behind: {warm} → {after}");
    let (js0, js1) = (warm["js"].as_f64().unwrap_or(0.0), after["js"].as_f64().unwrap_or(0.0));
    assert!(js1 <= js0 * 1.1 + 1_000_000.0, "JS heap grew from {js0} to {js1}");
    let (w0, w1) = (warm["wasm"].as_f64().unwrap_or(0.0), after["wasm"].as_f64().unwrap_or(0.0));
    assert!(w1 <= w0 + 65_536.0, "wasm memory grew from {w0} to {w1}");
    let left = b.js("return document.getElementById('slot').children.length").await;
    assert_eq!(left, json!(0));
    println!("after 10 cycles: {warm}; after 110: {after}");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_first_frame_that_shows_the_widget_shows_its_timeline() {
    // The widget lays out its first render for the width its element had when it was mounted: the
    // first frame already has the marks (on a phone: the vertical view's cards), with no frame of an
    // empty stage, or of the horizontal view before the vertical one, before it.
    for (width, height, phone) in [(1280, 900, false), (390, 844, true)] {
        let b = if phone { Browser::phone(width, height).await } else { Browser::start(width, height).await };
        b.client.goto(&b.url("/fixtures/first-frame.html")).await.expect("open the page");
        assert!(
            b.wait_until("return window.__frames.length >= 20", 15).await,
            "{width} px: frames recorded: {}",
            b.js("return window.__frames").await
        );
        let frames = b.js("return window.__frames").await;
        // Before, while the data file loads, the widget shows only its header.
        let shown: Vec<&Value> = frames
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| f["surface"] == json!(true) || f["vertical"] == json!(true))
            .collect();
        let Some(first) = shown.first() else { panic!("{width} px: the timeline never shows: {frames}") };
        if phone {
            assert_eq!(
                (&first["vertical"], &first["surface"]),
                (&json!(true), &json!(false)),
                "{width} px: the first frame is the vertical view: {frames}"
            );
            assert!(first["cards"].as_u64().unwrap_or(0) > 0, "{width} px: with its cards: {frames}");
            assert!(
                shown.iter().all(|f| f["surface"] == json!(false)),
                "{width} px: never the horizontal view: {frames}"
            );
        } else {
            assert_eq!(
                (&first["vertical"], &first["surface"]),
                (&json!(false), &json!(true)),
                "{width} px: the first frame is the horizontal view: {frames}"
            );
            assert!(first["marks"].as_u64().unwrap_or(0) > 20, "{width} px: with its marks: {frames}");
            assert_eq!(first["unplaced"], json!(0), "{width} px: each in its place: {frames}");
            // The padded widget: its first mark where it stays, from the first frame that shows it.
            let padded = b.js("return window.__padded").await;
            let places: Vec<&Value> = padded.as_array().into_iter().flatten().collect();
            assert!(
                places.len() > 3 && places.iter().all(|p| *p == places[0]),
                "{width} px, padded host: {padded}"
            );
            // And the marks of the first frame are the final ones: none come or go after it.
            assert!(
                shown.iter().all(|f| f["marks"] == first["marks"]),
                "{width} px: the marks change after the first frame: {frames}"
            );
        }
        b.stop().await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn containers_from_320_to_1600_pixels_choose_their_view_and_fit() {
    let b = Browser::start(1700, 1000).await;
    b.client.goto(&b.url("/fixtures/widths.html")).await.expect("widths page");
    // Below 600 px the timeline runs down the page; from 600 px on it is the horizontal axis.
    for i in 0..2 {
        wait_text(&b, i, "Lanes: 5 of 5").await;
    }
    for i in 2..5 {
        wait_text(&b, i, "Showing").await;
    }
    b.settled().await;
    let fit = b
        .js("return [...document.querySelectorAll('anti-trafficking-timeline')].map(h => { \
             const r = h.shadowRoot; const att = r.querySelector('.att'); \
             return [h.parentElement.clientWidth, Math.round(h.getBoundingClientRect().width), att.scrollWidth <= att.clientWidth + 1, \
               r.querySelectorAll('li.att-m button').length > 0, r.querySelectorAll('.att-vcard').length > 0]; })")
        .await;
    assert_eq!(
        fit,
        json!([
            [320, 320, true, false, true],
            [390, 390, true, false, true],
            [600, 600, true, true, false],
            [1000, 1000, true, true, false],
            [1600, 1600, true, true, false]
        ])
    );
    assert_eq!(b.js("return document.documentElement.scrollWidth <= innerWidth").await, json!(true));
    // In the vertical view no title is cut, and at 390 px the first event is within 400 px of the top.
    let vertical = b
        .js("return [...document.querySelectorAll('anti-trafficking-timeline')].slice(0, 2).map(h => { \
             const r = h.shadowRoot; const titles = [...r.querySelectorAll('.att-vtitle')]; \
             const cut = titles.filter(t => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1).map(t => t.textContent); \
             const first = r.querySelector('.att-vcard').getBoundingClientRect().top - h.getBoundingClientRect().top; \
             return [titles.length, cut, Math.round(first) < 400]; })")
        .await;
    for (i, v) in vertical.as_array().unwrap().iter().enumerate() {
        assert!(v[0].as_u64().unwrap_or(0) >= 60, "widget {i}: every event and period has a card: {v}");
        assert_eq!(v[1], json!([]), "widget {i}: titles cut");
    }
    assert_eq!(vertical[1][2], json!(true), "at 390 px the first event is not within 400 px: {vertical}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    for (i, name) in [(0, "container-320.png"), (1, "container-390.png"), (2, "container-600.png")] {
        let host = b.wait("host", "", i).await;
        std::fs::write(dir.join(name), host.screenshot().await.expect("shot")).expect("write");
    }
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_iframe_sizes_itself_and_talks_to_its_parent_only() {
    let b = Browser::start(1280, 900).await;
    let c = &b.client;
    c.goto(&b.url("/fixtures/iframe.html#event=uk-modern-slavery-act")).await.expect("parent page");
    // Auto-height: the parent sets the iframe to the frame's content height.
    let mut height = String::new();
    for _ in 0..100 {
        height = b
            .js("return document.querySelector('iframe').style.height")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !height.is_empty() && height != "600px" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(height.ends_with("px") && height != "600px", "no auto-height: {height:?}");
    b.settled().await;
    c.enter_frame(0).await.expect("into the frame");
    assert!(
        b.region_text("UK Modern Slavery Act").await.is_some(),
        "the parent's #event= deep link opened the entry"
    );
    let content = b.js("return document.documentElement.scrollHeight").await.as_f64().unwrap_or(0.0);
    // A message from this frame itself (not its parent) is ignored.
    b.js("window.postMessage({ source: 'anti-trafficking-timeline', type: 'select', id: 'first-world-day' }, '*')").await;
    b.settled().await;
    assert!(
        b.region_text("First World Day against Trafficking in Persons").await.is_none(),
        "obeyed a message not from the parent"
    );
    b.wait("button", "Next: Sustainable Development Goal target 8.7", 0)
        .await
        .click()
        .await
        .expect("click in the frame");
    b.settled().await;
    c.enter_parent_frame().await.expect("back to the parent");
    let frame_h = b
        .js("return document.querySelector('iframe').getBoundingClientRect().height")
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(
        (frame_h - content).abs() <= 2.0 || frame_h > 0.0 && (frame_h - content).abs() / content < 0.2,
        "iframe {frame_h}px, content {content}px"
    );
    let selects = b.js("return window.__events.filter(e => e[0] === 'timeline:select')").await;
    assert_eq!(
        selects,
        json!([
            ["timeline:select", "iframe", "uk-modern-slavery-act"],
            ["timeline:select", "iframe", "sdg-8-7"]
        ])
    );
    assert_eq!(b.js("return location.hash").await, json!("#event=sdg-8-7"));
    // A forged height message from the parent's own window is ignored.
    let before = b.js("return document.querySelector('iframe').style.height").await;
    b.js("window.postMessage({ source: 'anti-trafficking-timeline', type: 'height', height: 50 }, '*')")
        .await;
    b.settled().await;
    assert_eq!(b.js("return document.querySelector('iframe').style.height").await, before);
    // The parent fetched only from itself and from the widget's host (localhost here).
    let others = b.js("return [...new Set(performance.getEntriesByType('resource').map(e => new URL(e.name).origin).filter(o => o !== location.origin))]").await;
    assert_eq!(others, json!([b.url("").replace("127.0.0.1", "localhost")]));
    b.screenshot("iframe-1280x900").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn themes_page_colours_and_a_fixed_height() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/themes.html")).await.expect("themes page");
    for i in 0..4 {
        wait_text(&b, i, "Showing").await;
    }
    let look = |i: usize| {
        on_host(&b, i, "const r = arguments[0].shadowRoot; const att = r.querySelector('.att'); \
            const open = [...r.querySelectorAll('button')].find(x => x.textContent.startsWith('Vienna meeting')); \
            return [getComputedStyle(att).backgroundColor, getComputedStyle(open).color]")
    };
    assert_eq!(look(0).await, json!(["rgb(255, 255, 255)", "rgb(0, 96, 111)"]), "light default");
    assert_eq!(look(1).await, json!(["rgb(22, 24, 29)", "rgb(94, 200, 214)"]), "theme=dark");
    assert_eq!(
        look(2).await,
        json!(["rgb(255, 250, 240)", "rgb(200, 0, 0)"]),
        "custom properties from the page"
    );
    let fixed = on_host(&b, 3, "const h = arguments[0]; \
        return [Math.round(h.getBoundingClientRect().height), h.scrollHeight > h.clientHeight, getComputedStyle(h).overflowY]").await;
    assert_eq!(fixed, json!([300, true, "auto"]), "height=300 scrolls inside");
    b.screenshot("themes-1280x900").await;
    b.stop().await;
}

/// `format="csv"` and `"tsv"`: a table in the TimelineJS sheet's columns, read by the editor's module
/// (loaded only then); its problems at their row and column.
#[tokio::test(flavor = "current_thread")]
async fn a_table_as_src_is_read_and_its_mistakes_placed() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/table.html")).await.expect("table page");
    let good = wait_text(&b, 0, "Showing").await;
    assert!(good.contains("A newsroom's table"), "{good}");
    b.wait("mark", "Palermo Protocol, adopted", 0).await;
    b.wait("mark", "Ides of March", 0).await.click().await.expect("open");
    b.settled().await;
    let panel = b.region_text("Ides of March").await.expect("details");
    assert!(panel.contains("15 March 44 BCE"), "{panel}");
    let bad = wait_text(&b, 1, "The timeline could not be loaded").await;
    assert!(bad.contains("row 2, Month: 13 is not a month (1–12)"), "{bad}");
    // In French, the date before the common era as French writes it (the browser's Intl, with its era).
    let fr = wait_text(&b, 2, "Ides of March").await;
    assert!(fr.contains("15 mars 44 av. J.-C."), "{fr}");
    // The table reader came from beside the widget, and only now.
    let asked: Vec<String> =
        b.requests().into_iter().map(|r| r.0).filter(|p| p.contains("/editor/")).collect();
    assert!(asked.contains(&"/news/timeline/editor/editor_bg.wasm".to_owned()), "{asked:?}");
    b.stop().await;
}

/// A TimelineJS3 file as `src`, or given by a script as `data`: the widget's own wasm has no importer
/// (9 KB gzip no JSON page needs); it converts through the editor's module, loaded only then.
#[tokio::test(flavor = "current_thread")]
async fn a_timelinejs_file_is_converted_by_the_editors_module_only_when_needed() {
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/timelinejs.html")).await.expect("page");
    let cosmo = wait_text(&b, 0, "Showing").await;
    assert!(cosmo.contains("Cosmological Scale Timeline") && cosmo.contains("13,800,000,000 BCE"), "{cosmo}");
    let scripted = "const h = document.getElementById('scripted'); return !!(h.shadowRoot && h.shadowRoot.textContent.includes('Given by a script') && h.shadowRoot.textContent.includes('A TimelineJS3 event, May 2004'))";
    assert!(b.wait_until(scripted, 10).await, "{}", b.js("const h = document.getElementById('scripted'); return h.shadowRoot ? h.shadowRoot.textContent : ''").await);
    let asked: Vec<String> =
        b.requests().into_iter().map(|r| r.0).filter(|p| p.contains("/editor/")).collect();
    assert!(asked.contains(&"/news/timeline/editor/editor_bg.wasm".to_owned()), "{asked:?}");
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_zoom_into_a_dense_timeline_adds_its_marks_over_a_few_frames_and_ends_as_a_fresh_render() {
    // 6,000 events; zoomed from everything to one year, about two hundred marks come into view. At
    // most 20 new ones are created per frame (layout::admit), the nearest the centre first, so that
    // no frame takes several frames' time; in the end the widget shows exactly what a widget that
    // started at that year shows, at the same places.
    let b = Browser::start(1280, 1400).await;
    b.client.goto(&b.url("/fixtures/dense.html")).await.expect("dense page");
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.__zoom('2011-01', '2011-12').then(done)",
            vec![],
        )
        .await
        .expect("zoom");
    let z = b.js("return window.__zoomed").await;
    let frames: Vec<&Value> = z["frames"].as_array().into_iter().flatten().collect();
    let added: Vec<u64> = frames.iter().map(|f| f["added"].as_u64().unwrap_or(0)).collect();
    println!("marks added per frame after the zoom: {added:?}; shown in the end: {}", z["aAll"]);
    assert!(added.iter().sum::<u64>() > 120, "a zoom that brings many marks: {z}");
    assert!(added.iter().all(|&n| n <= 20), "at most 20 new marks per frame: {added:?}");
    assert!(added.iter().filter(|&&n| n > 0).count() >= 3, "spread over frames: {added:?}");
    assert!(!z["a"].as_array().is_some_and(Vec::is_empty), "{z}");
    assert_eq!(z["a"], z["b"], "the zoomed widget and a fresh one show the same marks at the same places");
    assert_eq!(z["aAll"], z["bAll"], "and no mark is left over outside the view: {z}");
    // The keyboard jumps far (End, Home): the focused mark is never held back; it has focus, in view.
    b.js("document.getElementById('a').shadowRoot.querySelector('button.att-mk[tabindex=\"0\"]').focus()")
        .await;
    for (key, year) in [(Key::End, "2023"), (Key::Home, "2000"), (Key::End, "2023")] {
        b.key(key).await;
        assert!(
            b.wait_until(
                &format!("const f = window.__focused('a'); return !!f && f.mark && f.inView && f.name.includes('{year}')"),
                5
            )
            .await,
            "after {key:?}: {}",
            b.js("return window.__focused('a')").await
        );
    }
    b.stop().await;
}
