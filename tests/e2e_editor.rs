//! End to end: the editor page (`dist/editor.html`) as a newsroom's data editor uses it: paste a
//! table with two mistakes, see both at their row and column, jump to one, fix them, watch the
//! preview follow (in French, at phone width), download the data, which passes check-data, and
//! find the work again after a reload. Needs `cargo xtask e2e` (a release build in `dist/`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod support;

use serde_json::{json, Value};
use support::Browser;

/// The template's columns; row 4 has month 14, row 5 a year in words.
const TABLE: &str = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,Our test timeline,A table with two mistakes.,,,,,title,,
2000,11,15,,,,,,,Palermo Protocol adopted,\"The UN adopts the protocol, with its definition.\",https://www.unodc.org/unodc/en/treaties/CTOC/,UNODC,Treaty page,,,UN,
2004,14,,,,,,,,OSCE Action Plan,The OSCE adopts its plan.,https://www.osce.org/,,,,,OSCE,
twenty,,,,,,,,,Third entry,A year in words.,https://example.org/third,,,,,,
";

/// Sets the editor's text as typing would (an `input` event; the page checks after a pause).
async fn type_text(b: &Browser, text: &str) {
    b.client
        .execute(
            "const t = document.getElementById('ed-text'); t.value = arguments[0]; \
             t.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![json!(text)],
        )
        .await
        .expect("type");
}

async fn problems(b: &Browser) -> Vec<String> {
    let v = b.js("return [...document.querySelectorAll('#ed-problems li')].map(li => li.className + ' ' + li.textContent)").await;
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap_or_default().to_owned()).collect()
}

/// The preview widget's text (inside its shadow root), or "" before the first valid data.
const PREVIEW: &str = "const h = document.querySelector('#ed-preview > div'); return h && h.shadowRoot ? h.shadowRoot.textContent : ''";

#[tokio::test(flavor = "current_thread")]
async fn an_editor_fixes_a_table_previews_it_and_downloads_valid_data() {
    let b = Browser::start(1400, 1000).await;
    b.client.goto(&b.url("/editor.html")).await.expect("editor");
    b.js("localStorage.clear(); return true").await;
    b.client.goto(&b.url("/editor.html")).await.expect("editor, fresh");
    assert!(b.wait_until("return !!document.getElementById('ed-summary') && typeof document.getElementById('ed-snippet').value === 'string' && document.getElementById('ed-snippet').value.includes('embed.js')", 10).await, "the editor started");

    // Two mistakes, each with its row, column name, line and column, in check-data's words.
    type_text(&b, TABLE).await;
    assert!(
        b.wait_until("return document.querySelectorAll('#ed-problems li.ed-error').length === 2", 10).await,
        "{:?}",
        problems(&b).await
    );
    let listed = problems(&b).await;
    assert!(
        listed[0].contains("ed-error data:4:6: error: row 4, Month: 14 is not a month (1–12)"),
        "{listed:?}"
    );
    assert!(
        listed[1].contains("ed-error data:5:1: error: row 5, Year: \"twenty\" is not a whole number"),
        "{listed:?}"
    );
    assert_eq!(
        b.js("return document.getElementById('ed-kind').textContent").await,
        json!("Read as a CSV table (TimelineJS sheet columns).")
    );
    assert_eq!(b.js(PREVIEW).await, json!(""), "no preview of invalid data");
    assert_eq!(b.js("return document.getElementById('ed-download').disabled").await, json!(true));
    // A click on a problem puts the cursor on its cell.
    let first = b.client.find(fantoccini::Locator::Css("#ed-problems li button")).await.expect("a problem");
    first.click().await.expect("jump");
    let caret = b.js("const t = document.getElementById('ed-text'); return [document.activeElement === t, t.value.slice(t.selectionStart, t.selectionStart + 3)]").await;
    assert_eq!(caret, json!([true, "14,"]), "the cursor is on the month");

    // Fixed: no errors, and the preview shows the three events.
    type_text(&b, &TABLE.replace("2004,14,", "2004,7,").replace("twenty,", "2009,")).await;
    assert!(b.wait_until("return document.querySelectorAll('#ed-problems li.ed-error').length === 0 && document.getElementById('ed-summary').textContent.includes('ok: 3 events')", 10).await, "{:?}", problems(&b).await);
    assert!(
        b.wait_until("const h = document.querySelector('#ed-preview > div'); return !!(h && h.shadowRoot && h.shadowRoot.textContent.includes('Our test timeline') && h.shadowRoot.textContent.includes('Third entry'))", 10).await,
        "preview: {}",
        b.js(PREVIEW).await
    );
    // It follows the text.
    type_text(
        &b,
        &TABLE
            .replace("2004,14,", "2004,7,")
            .replace("twenty,", "2009,")
            .replace("Third entry", "Third entry (renamed)"),
    )
    .await;
    assert!(b.wait_until("const h = document.querySelector('#ed-preview > div'); return !!(h && h.shadowRoot && h.shadowRoot.textContent.includes('Third entry (renamed)'))", 10).await, "the preview did not follow");

    // In French, at phone width: the widget itself, as a French reader on a phone gets it.
    b.client.execute("const s = document.getElementById('ed-lang'); s.value = 'fr'; s.dispatchEvent(new Event('change'));", vec![]).await.expect("fr");
    b.client
        .find(fantoccini::Locator::Css("input[name=ed-width][value='390']"))
        .await
        .expect("phone")
        .click()
        .await
        .expect("phone");
    assert!(b.wait_until("const h = document.querySelector('#ed-preview > div'); const a = h && h.shadowRoot && h.shadowRoot.querySelector('.att'); return !!(a && a.getAttribute('lang') === 'fr' && h.shadowRoot.querySelector('.att-vert') && Math.round(h.getBoundingClientRect().width) === 390)", 10).await, "French, vertical, 390 px");
    b.screenshot("editor-1400x1000").await;
    let violations = b.axe().await;
    assert!(violations.is_empty(), "axe on the editor page: {violations:?}");

    // The snippet carries the chosen language and the widget's address.
    let snippet = b.js("return document.getElementById('ed-snippet').value").await;
    let want = format!("<script type=\"module\" src=\"{}embed.js\"></script>\n<anti-trafficking-timeline src=\"timeline.json\" lang=\"fr\"></anti-trafficking-timeline>", b.url("/"));
    assert_eq!(snippet, json!(want));

    // The download is this widget's JSON, and check-data finds it clean of errors.
    b.js("document.getElementById('ed-download').click(); return true").await;
    let downloaded: Value = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; const a = document.getElementById('ed-download-link'); \
             fetch(a.href).then(r => r.text()).then(t => done([a.download, t]), e => done(String(e)))",
            vec![],
        )
        .await
        .expect("download");
    assert_eq!(downloaded[0], json!("timeline.json"));
    let text = downloaded[1].as_str().unwrap_or_default();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-generated");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("downloaded.json"), text).unwrap();
    let report = anti_trafficking_timeline::format::check::report("downloaded.json", text);
    assert_eq!(report.errors, 0, "{}", report.text);
    assert!(report.text.contains("downloaded.json: ok: 3 events, 0 sessions, 0 periods"), "{}", report.text);

    // A reload keeps the work (in this browser only), and the editor rechecks it.
    b.client.refresh().await.expect("reload");
    assert!(b.wait_until("return document.getElementById('ed-text').value.includes('Third entry (renamed)') && document.getElementById('ed-lang').value === 'fr' && document.getElementById('ed-summary').textContent.includes('ok: 3 events')", 10).await, "the work was lost");
    // Nothing left this machine: every request went to the page's own server.
    let others = b.js("return performance.getEntriesByType('resource').map(e => new URL(e.name).origin).filter(o => o !== location.origin)").await;
    assert_eq!(others, json!([]));
    b.stop().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_standalone_page_links_to_the_editor_and_a_news_page_never_loads_it() {
    let b = Browser::start(1280, 800).await;
    b.client.goto(&b.url("/")).await.expect("page");
    let href = b.js("const a = [...document.querySelectorAll('a')].find(a => a.getAttribute('href') === 'editor.html'); return a ? a.textContent : null").await;
    assert!(href.as_str().is_some_and(|t| t.contains("editor")), "{href}");
    b.client.goto(&b.url("/fixtures/article.html")).await.expect("article");
    b.wait_widget_text(1, "Showing", 10).await;
    b.settled().await;
    let editor: Vec<_> = b.requests().into_iter().filter(|r| r.0.contains("editor")).collect();
    assert!(editor.is_empty(), "the pages loaded the editor: {editor:?}");
    b.stop().await;
}
