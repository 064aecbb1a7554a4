//! End-to-end tests of hardening: hostile text in every field never runs or becomes markup, servers
//! that misbehave get a clear message and a retry, and an internal error (a panic, in a test build)
//! stops only the instance that had it.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use support::Browser;

async fn on_host(b: &Browser, index: usize, script: &str) -> Value {
    b.on_host(index, script).await
}

async fn widget_text(b: &Browser, index: usize) -> String {
    b.widget_text(index).await
}

async fn wait_text(b: &Browser, index: usize, needle: &str, secs: u64) -> String {
    b.wait_widget_text(index, needle, secs).await
}

/// The OWASP-style payloads, one per line (`tests/xss/payloads.txt`).
fn payloads() -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xss/payloads.txt"))
        .expect("payloads");
    text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect()
}

/// Two data files: every payload in every text field of a valid file, and every payload (plus
/// obfuscated schemes) as a link, which validation must refuse.
fn write_xss_files() -> usize {
    let p = payloads();
    assert!(p.len() >= 50, "the corpus has {} payloads", p.len());
    let cats = ["un", "osce", "coe", "eu", "national-law", "civil-society"];
    let label = |s: &str| -> String {
        let l: String = s.chars().take(40).collect();
        if l.trim().is_empty() {
            "label".to_owned()
        } else {
            l
        }
    };
    let mut events: Vec<Value> = p
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": format!("x{i}"), "title": s, "label": label(s),
                "date": {"year": 2000 + (i % 24), "month": 1 + (i % 12), "day": 1 + (i % 28)},
                "category": cats[i % cats.len()], "summary": s, "note": s, "actors": [s],
                "sources": [{"title": s, "url": format!("https://example.org/x{i}?q=1")}],
                "i18n": {"fr": {"title": s, "summary": s}}
            })
        })
        .collect();
    let children: Vec<Value> = p
        .iter()
        .take(6)
        .enumerate()
        .map(|(i, s)| {
            json!({"id": format!("x-s{i}"), "title": s, "day": 1 + i % 2, "summary": s,
            "sources": [{"title": s, "url": "https://example.org/s"}]})
        })
        .collect();
    events.push(json!({
        "id": "x-meeting", "title": p[0], "label": "A meeting", "date": {"year": 2024}, "days": 2,
        "category": "osce", "summary": p[1], "sources": [{"title": p[2], "url": "https://example.org/m"}],
        "children": children
    }));
    let periods: Vec<Value> = p
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, s)| json!({"id": format!("x-p{i}"), "title": s, "group": s, "category": "coe",
            "start": {"year": 2001 + i}, "summary": s, "sources": [{"title": s, "url": "https://example.org/p"}]}))
        .collect();
    let text = json!({"version": 1, "title": p[0], "description": p[1], "events": events, "periods": periods,
        "i18n": {"fr": {"title": p[3], "description": p[4]}}});
    let mut links: Vec<String> = p.clone();
    links.extend(
        [
            "JaVaScRiPt:window.__pwned=1",
            " javascript:window.__pwned=1",
            "java\tscript:window.__pwned=1",
            "\u{0}javascript:window.__pwned=1",
            "&#106;avascript:window.__pwned=1",
            "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+",
            "vbscript:msgbox(1)",
            "//xss.invalid/x",
            "https://example.org/\"onmouseover=\"window.__pwned=1",
            "https://example.org/<script>",
        ]
        .map(str::to_owned),
    );
    let bad: Vec<Value> = links
        .iter()
        .enumerate()
        .map(|(i, u)| {
            json!({"id": format!("l{i}"), "title": "T", "date": {"year": 2001}, "category": "un",
            "summary": "S", "sources": [{"title": "S", "url": u}]})
        })
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-generated");
    std::fs::create_dir_all(&dir).expect("generated");
    std::fs::write(dir.join("xss-text.json"), text.to_string()).expect("xss-text");
    std::fs::write(dir.join("xss-links.json"), json!({"version": 1, "events": bad}).to_string())
        .expect("xss-links");
    p.len()
}

/// Tags and attribute names used in widget `index`, and any `on…` attribute or unsafe link found.
const AUDIT_JS: &str = r#"
const root = arguments[0].shadowRoot;
const tags = new Set(), attrs = new Set(), bad = [];
for (const el of root.querySelectorAll("*")) {
  tags.add(el.tagName.toLowerCase());
  for (const a of el.attributes) {
    attrs.add(a.name);
    if (a.name.startsWith("on")) bad.push(`${el.tagName} ${a.name}`);
    if ((a.name === "href" || a.name === "src" || a.name === "action" || a.name === "srcdoc")
        && !/^(https?:|mailto:)/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value}`);
  }
}
return { tags: [...tags].sort(), attrs: [...attrs].sort(), bad, text: root.textContent };
"#;

/// Waits (up to 10 s) until the first `n` widgets have built their print list (shortly after their
/// first render), then until everything has settled.
async fn wait_print_lists(b: &Browser, n: usize) {
    let script = format!(
        "return [...document.querySelectorAll('anti-trafficking-timeline,[data-anti-trafficking-timeline]')].slice(0, {n}) \
         .every(h => h.shadowRoot && h.shadowRoot.querySelector('.att-print'))"
    );
    assert!(b.wait_until(&script, 10).await, "the print lists were not built");
    b.settled().await;
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_text_in_every_field_never_runs_and_never_becomes_markup() {
    let n = write_xss_files();
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/xss.html")).await.expect("xss page");
    wait_text(&b, 0, "Showing", 20).await;
    let refused = wait_text(&b, 1, "could not be loaded", 20).await;
    // Every link is refused by validation, each with its path (the first 100 problems are listed).
    assert!(
        refused.contains(
            "events[0].sources[0].url: \"<script>window.__pwned=1</script>\" is not an http(s) URL"
        ),
        "{refused}"
    );
    assert!(refused.contains("JaVaScRiPt:window.__pwned=1\" is not an http(s) URL"), "{refused}");
    assert!(refused.contains("\"vbscript:msgbox(1)\" is not an http(s) URL"), "{refused}");
    // Open every entry's details (all fields shown), a session (the agenda), then the list view.
    let opened = b
        .client
        .execute_async(
            &format!(
                "const done = arguments[arguments.length - 1]; const h = document.getElementById('text').__att;
                 (async () => {{ for (let i = 0; i < {n}; i++) {{ h.select('x' + i); await new Promise(r => setTimeout(r, 15)); }}
                   h.select('x-p3'); await new Promise(r => setTimeout(r, 100));
                   h.select('x-s1'); await new Promise(r => setTimeout(r, 300)); done(true); }})();"
            ),
            vec![],
        )
        .await
        .expect("open every entry");
    assert_eq!(opened, json!(true));
    let in_agenda = widget_text(&b, 0).await;
    assert!(
        in_agenda.contains("<img src=x onerror=\"window.__pwned=1\">"),
        "the session's text is shown as text"
    );
    on_host(&b, 0, "arguments[0].__att.close()").await;
    b.wait("button", "Show as list", 0).await.click().await.expect("list view");
    wait_print_lists(&b, 1).await; // the second shows its refused links instead
    let hostile = on_host(&b, 0, AUDIT_JS).await;
    let refusals = on_host(&b, 1, AUDIT_JS).await;

    // The same audit of the bundled timeline, used the same way, gives the markup the widget makes.
    b.client.goto(&b.url("/")).await.expect("standalone");
    wait_text(&b, 0, "Showing", 20).await;
    b.wait("mark", "UN adopts the Palermo Convention", 0).await.click().await.expect("open");
    b.settled().await;
    b.wait("button", "Show as list", 0).await.click().await.expect("list view");
    wait_print_lists(&b, 1).await;
    let normal = on_host(&b, 0, AUDIT_JS).await;

    let set = |v: &Value, k: &str| -> Vec<String> {
        v[k].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect()
    };
    for audit in [&hostile, &refusals] {
        assert_eq!(audit["bad"], json!([]), "event-handler attributes or unsafe links");
        let extra_tags: Vec<String> = set(audit, "tags")
            .into_iter()
            .filter(|t| !set(&normal, "tags").contains(t) && t != "code") // `code`: paths in the problem list
            .collect();
        assert!(extra_tags.is_empty(), "elements the widget never makes: {extra_tags:?}");
        let extra_attrs: Vec<String> =
            set(audit, "attrs").into_iter().filter(|a| !set(&normal, "attrs").contains(a)).collect();
        assert!(extra_attrs.is_empty(), "attributes the widget never sets: {extra_attrs:?}");
    }
    // Every payload appears verbatim as text.
    let shown = hostile["text"].as_str().unwrap();
    for p in payloads() {
        assert!(shown.contains(p.trim()), "not shown as text: {p}");
    }
    b.stop().await;
    // Nothing ran (checked on the hostile page before leaving it, below).
}

#[tokio::test(flavor = "current_thread")]
async fn hostile_data_sets_off_no_trap() {
    write_xss_files();
    let b = Browser::start(1280, 900).await;
    b.client.goto(&b.url("/fixtures/xss.html")).await.expect("xss page");
    wait_text(&b, 0, "Showing", 20).await;
    wait_text(&b, 1, "could not be loaded", 20).await;
    let scripts_before = b.js("return document.scripts.length").await;
    // Hover and click over the whole widget, open entries, switch views: any injected handler fires.
    b.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const h = document.getElementById('text').__att;
             const root = document.getElementById('text').shadowRoot;
             (async () => { for (let i = 0; i < 70; i += 7) { h.select('x' + i); await new Promise(r => setTimeout(r, 40));
               for (const el of root.querySelectorAll('*')) { el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); el.dispatchEvent(new FocusEvent('focus')); } }
               for (const a of root.querySelectorAll('a')) a.addEventListener('click', (e) => e.preventDefault());
               await new Promise(r => setTimeout(r, 300)); done(true); })();",
            vec![],
        )
        .await
        .expect("interact");
    assert_eq!(b.js("return window.__pwned === undefined").await, json!(true), "a payload ran");
    assert_eq!(
        b.js("return document.scripts.length").await,
        scripts_before,
        "a script was added to the page"
    );
    assert_eq!(
        b.js("return [...document.querySelectorAll('iframe, object, embed, img, svg')].length").await,
        json!(0),
        "markup leaked into the page"
    );
    assert_eq!(
        b.js("return document.getElementById('page-text').textContent").await,
        json!("A page that loads data from elsewhere.")
    );
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn misbehaving_servers_get_a_clear_message_and_a_retry() {
    let b = Browser::start(1280, 2400).await;
    b.client.goto(&b.url("/fixtures/runtime-hostile.html")).await.expect("page");
    // The bundled instance on the same page works throughout.
    wait_text(&b, 7, "Showing", 20).await;
    let t = wait_text(&b, 0, "could not be loaded", 20).await;
    assert!(t.contains("The server answered “500 Internal Server Error” for /special/500."), "{t}");
    let t = wait_text(&b, 1, "could not be loaded", 20).await;
    assert!(
        t.contains("The address /special/html sent text/html (such as a web page), not a JSON data file."),
        "{t}"
    );
    let t = wait_text(&b, 2, "could not be loaded", 30).await;
    assert!(t.contains("The data file at /special/huge is 52.4 MB; the limit is 5 MB."), "{t}");
    let t = wait_text(&b, 3, "could not be loaded", 20).await;
    assert!(t.contains("CORS: it must send Access-Control-Allow-Origin"), "{t}");
    let t = wait_text(&b, 5, "could not be loaded", 20).await;
    assert!(t.contains("title: expected text, found a list"), "{t}");
    assert!(t.contains("events: expected a list […], found an object"), "{t}");
    let t = wait_text(&b, 6, "could not be loaded", 20).await;
    assert!(t.contains("lists and objects are nested more than 32 levels deep"), "{t}");
    // The server that never answers: the time limit (15 s), then a retry that waits again.
    let t = wait_text(&b, 4, "could not be loaded", 25).await;
    assert!(t.contains("did not arrive within 15 seconds"), "{t}");
    for i in [0, 1, 2, 3, 4, 5, 6] {
        let retry = b.wait("button", "Try again", i).await;
        if i == 0 {
            retry.click().await.expect("retry");
        }
    }
    wait_text(&b, 0, "500 Internal Server Error", 10).await;
    // The page and the working instance are untouched.
    assert_eq!(
        b.js("return document.getElementById('page-text').textContent").await,
        json!("The article goes on.")
    );
    b.wait("mark", "UN adopts the Palermo Convention", 7).await.click().await.expect("open");
    b.settled().await;
    let panel = b.panel_text(7).await.unwrap_or_default();
    assert!(panel.contains("UN adopts the Palermo Convention"), "{panel}");
    b.screenshot("runtime-hostile").await;
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_panic_stops_only_its_instance_and_the_others_keep_working() {
    if std::env::var_os("E2E_DIST_PANIC").is_none() {
        panic!("E2E_DIST_PANIC is not set: `cargo xtask test` builds target/dist-panic for this test");
    }
    let b = Browser::start(1280, 2400).await;
    b.client.goto(&b.url("/fixtures/panic.html")).await.expect("panic page");
    wait_text(&b, 0, "A timeline with a deliberate bug", 20).await;
    wait_text(&b, 1, "Showing", 20).await;
    wait_text(&b, 2, "Showing Jan 2010 – Dec 2015", 20).await;
    // Mark the content of the others, to see it replaced when they are mounted again.
    for i in [1, 2] {
        on_host(&b, i, "arguments[0].shadowRoot.firstElementChild.dataset.before = 'crash'").await;
    }
    // Open the entry that panics (test build only).
    on_host(&b, 0, "arguments[0].__att.select('panic-test')").await;
    let crashed = wait_text(&b, 0, "internal error", 10).await;
    assert!(crashed
        .contains("The timeline stopped because of an internal error. Reload the page to see it again."));
    assert_eq!(
        on_host(&b, 0, "return arguments[0].shadowRoot.querySelector('[role=alert]') !== null").await,
        json!(true)
    );
    let errors = b.js("return window.__log.filter(e => e[0] === 'timeline:error')").await;
    assert_eq!(
        errors,
        json!([["timeline:error", "a", "fatal"]]),
        "one error event, from the instance that failed"
    );
    // The other two come back on a fresh copy of the module, and work.
    for i in [1, 2] {
        let mut fresh = false;
        for _ in 0..100 {
            let v = on_host(&b, i, "const r = arguments[0].shadowRoot; return r.firstElementChild !== null && !r.querySelector('[data-before]')").await;
            if v == json!(true) {
                fresh = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(fresh, "instance {i} was not mounted again");
    }
    wait_text(&b, 1, "Showing", 20).await;
    wait_text(&b, 2, "Showing Jan 2010 – Dec 2015", 20).await;
    b.wait("mark", "UN adopts the Palermo Convention", 1).await.click().await.expect("open in b");
    b.settled().await;
    let panel = b.panel_text(1).await.unwrap_or_default();
    assert!(panel.contains("UN adopts the Palermo Convention"), "{panel}");
    let selects = b.js("return window.__log.filter(e => e[0] === 'timeline:select').map(e => e[1])").await;
    assert_eq!(selects, json!(["b"]), "b reports its selection after the recovery");
    on_host(&b, 2, "arguments[0].__att.zoomTo('2004', '2005')").await;
    wait_text(&b, 2, "Showing Jan 2004 – Dec 2005", 10).await;
    // The page itself is untouched and still responds; the failed instance's handle does not throw.
    b.client
        .find(fantoccini::Locator::Id("page-button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    assert_eq!(b.js("return document.getElementById('page-button').dataset.clicks").await, json!("1"));
    assert_eq!(
        on_host(&b, 0, "arguments[0].__att.select('palermo-protocol'); return 'ok'").await,
        json!("ok")
    );
    b.screenshot("panic-recovered").await;
    b.stop().await;
}
