//! `cargo xtask bench`: this widget, TimelineJS3 and vis-timeline side by side, on the same generated
//! data (deterministic), in headless Chromium over WebDriver with real input. Writes
//! `bench/results.md` and prints it. Not a test of correctness: run by `cargo xtask bench` only.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
// Pixels, counts and timings of a test run: small numbers, where a lossy cast cannot matter.
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap
)]

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use fantoccini::actions::{
    Actions, InputSource, KeyAction, KeyActions, MouseActions, PointerAction, WheelAction, WheelActions,
    MOUSE_BUTTON_LEFT,
};
use fantoccini::key::Key;
use serde_json::{json, Value};
use support::Browser;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];
const RUNS: usize = 5;
const PAGE_TIMEOUT: Duration = Duration::from_secs(60);
/// A whole run (load, input, click) may take this long before the widget counts as not finishing.
const RUN_LIMIT: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, PartialEq)]
enum Widget {
    Ours,
    TimelineJs,
    Vis,
}

impl Widget {
    fn name(self) -> &'static str {
        match self {
            Widget::Ours => "this widget",
            Widget::TimelineJs => "TimelineJS 3.9.11",
            Widget::Vis => "vis-timeline 8.5.4",
        }
    }
    fn page(self) -> &'static str {
        match self {
            Widget::Ours => "ours",
            Widget::TimelineJs => "tl",
            Widget::Vis => "vis",
        }
    }
}

/// A small deterministic generator (64-bit LCG), so every run measures the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "convention",
    "protocol",
    "council",
    "report",
    "national",
    "rapporteur",
    "victims",
    "labour",
    "forced",
    "agreement",
    "ministerial",
    "decision",
    "action",
    "plan",
    "strategy",
    "directive",
    "evaluation",
    "round",
    "meeting",
    "conference",
    "alliance",
    "rights",
    "justice",
    "prevention",
    "protection",
    "prosecution",
];
const CATS: [&str; 6] = ["un", "osce", "coe", "eu", "national-law", "civil-society"];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Writes the same `n` events in the three formats into `dir`.
fn generate(dir: &Path, n: usize) {
    let mut rng = Rng(0x5eed_0000 + n as u64);
    let (mut ours, mut tl, mut vis) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let day0 = days(2000, 1, 1) + rng.below(25 * 365) as i64;
        let (y, m, d) = civil(day0);
        let range = rng.below(10) < 3;
        let (ye, me, de) = civil(day0 + 1 + rng.below(60) as i64);
        let len = 3 + rng.below(5) as usize;
        let title = words(&mut rng, len);
        let summary = words(&mut rng, 15);
        let cat = CATS[rng.below(6) as usize];
        let mut ev = json!({
            "id": format!("e{i}"), "title": title, "date": {"year": y, "month": m, "day": d}, "category": cat,
            "summary": summary, "sources": [{"title": "Source", "url": format!("https://example.org/{i}")}]
        });
        if range {
            ev["end"] = json!({"year": ye, "month": me, "day": de});
        }
        ours.push(ev);
        let mut t = json!({"start_date": {"year": y, "month": m, "day": d}, "text": {"headline": title, "text": summary}, "group": cat, "unique_id": format!("e{i}")});
        if range {
            t["end_date"] = json!({"year": ye, "month": me, "day": de});
        }
        tl.push(t);
        let mut v = json!({"id": i, "content": title, "start": format!("{y:04}-{m:02}-{d:02}"), "group": cat, "title": summary});
        if range {
            v["end"] = json!(format!("{ye:04}-{me:02}-{de:02}"));
        }
        vis.push(v);
    }
    let write = |name: String, v: Value| std::fs::write(dir.join(name), v.to_string()).expect("write data");
    write(
        format!("ours-{n}.json"),
        json!({"version": 1, "title": format!("{n} generated events"), "events": ours}),
    );
    write(format!("tl-{n}.json"), json!({"events": tl}));
    let groups: Vec<Value> = CATS.iter().map(|c| json!({"id": c, "content": c})).collect();
    write(format!("vis-{n}.json"), json!({"items": vis, "groups": groups}));
}

fn days(y: i32, m: u8, d: u8) -> i64 {
    anti_trafficking_timeline::model::days_from_civil(y, m, d)
}
fn civil(days: i64) -> (i32, u8, u8) {
    anti_trafficking_timeline::model::civil_from_days(days)
}

/// Shared page code: frame recording, the click → detail timer, memory.
const COMMON_JS: &str = r#"
window.__frames = null;
window.__startFrames = () => { window.__frames = []; let last = performance.now();
  const f = (t) => { if (!window.__frames) return; window.__frames.push(t - last); last = t; requestAnimationFrame(f); };
  requestAnimationFrame(f); };
window.__stopFrames = () => { const f = window.__frames || []; window.__frames = null; return f; };
window.__clickMs = null;
window.__armClick = (visible) => { document.addEventListener('click', () => { const t0 = performance.now();
  const poll = () => visible() ? (window.__clickMs = performance.now() - t0) : requestAnimationFrame(poll); requestAnimationFrame(poll); },
  { capture: true, once: true }); };
window.__memory = async () => { if (window.gc) window.gc(); await new Promise(r => setTimeout(r, 50));
  return (performance.memory ? performance.memory.usedJSHeapSize : 0) + (window.__wasmBytes ? window.__wasmBytes() : 0); };
"#;

fn pages(dir: &Path) {
    std::fs::write(dir.join("common.js"), COMMON_JS).expect("common.js");
    let head = |extra: &str| {
        format!("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bench</title>{extra}<script src=\"/bench/common.js\"></script></head>")
    };
    // The vertical timeline in a phone-width column (390 px): first render = the first card drawn.
    std::fs::write(
        dir.join("vertical.html"),
        format!(r#"{}<body style="margin:0"><div id="box" style="width:390px"></div><script type="module">
import {{ mount }} from "/news/timeline/embed.js";
const n = new URLSearchParams(location.search).get("n");
const data = await (await fetch(`/bench/ours-${{n}}.json`)).json();
const box = document.getElementById("box");
await mount(box, {{ data }});
const root = box.shadowRoot;
await new Promise(r => {{ const f = () => root.querySelector(".att-vcard") ? r() : requestAnimationFrame(f); f(); }});
await new Promise(r => requestAnimationFrame(() => r()));
window.__render = performance.now();
window.__cards = () => root.querySelectorAll(".att-vcard").length;
</script></body></html>"#, head("")),
    )
    .expect("vertical.html");
    std::fs::write(
        dir.join("ours.html"),
        format!(r#"{}<body><div id="box" style="width:1200px"></div><script type="module">
import {{ mount, ready }} from "/news/timeline/embed.js";
const n = new URLSearchParams(location.search).get("n");
const wasm = await ready; window.__wasmBytes = () => wasm.memory.buffer.byteLength;
const data = await (await fetch(`/bench/ours-${{n}}.json`)).json();
const box = document.getElementById("box");
await mount(box, {{ data }});
const root = box.shadowRoot;
await new Promise(r => {{ const f = () => root.querySelector("li.att-m") ? r() : requestAnimationFrame(f); f(); }});
await new Promise(r => requestAnimationFrame(() => r()));
window.__render = performance.now();
window.__target = () => [...root.querySelectorAll("li.att-m button")].find(b => {{ const r = b.getBoundingClientRect(); return r.left > 0 && r.right < innerWidth && r.top > 0 && r.bottom < innerHeight; }});
window.__detail = () => root.querySelector("section[id$=-detail]");
</script></body></html>"#, head("")),
    )
    .expect("ours.html");
    std::fs::write(
        dir.join("tl.html"),
        format!(r#"{}<body><div id="tl" style="width:1200px;height:650px"></div><script>
const n = new URLSearchParams(location.search).get("n");
fetch(`/bench/tl-${{n}}.json`).then(r => r.json()).then(data => {{
  const t = new TL.Timeline("tl", data, {{ script_path: new URL("/peers/@knight-lab/timelinejs/dist/js/", location.href).href, hash_bookmark: false }});
  window.__tl = t;
  t.on("loaded", () => requestAnimationFrame(() => {{ window.__render = performance.now();
    window.__target = () => [...document.querySelectorAll(".tl-timemarker:not(.tl-timemarker-active) .tl-timemarker-content-container")].find(m => {{ const r = m.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return r.left > 0 && r.right < innerWidth && r.width > 0 && hit && m.contains(hit); }});
    window.__detail = () => window.__tl.current_id !== window.__before; }}));
}});
</script></body></html>"#, head(r#"<link rel="stylesheet" href="/peers/@knight-lab/timelinejs/dist/css/timeline.css"><script src="/peers/@knight-lab/timelinejs/dist/js/timeline.js"></script>"#)),
    )
    .expect("tl.html");
    std::fs::write(
        dir.join("vis.html"),
        format!(r#"{}<body><div id="vis" style="width:1200px"></div><script>
const n = new URLSearchParams(location.search).get("n");
fetch(`/bench/vis-${{n}}.json`).then(r => r.json()).then(d => {{
  const tl = new vis.Timeline(document.getElementById("vis"), d.items, d.groups, {{ zoomKey: "ctrlKey", horizontalScroll: true }});
  let first = true;
  tl.on("changed", () => {{ if (!first) return; first = false; requestAnimationFrame(() => {{ window.__render = performance.now();
    window.__target = () => [...document.querySelectorAll(".vis-item")].find(m => {{ const r = m.getBoundingClientRect(); return r.left > 0 && r.right < innerWidth && r.width > 0; }}); }}); }});
}});
</script></body></html>"#, head(r#"<link rel="stylesheet" href="/peers/vis-timeline/styles/vis-timeline-graph2d.min.css"><script src="/peers/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>"#)),
    )
    .expect("vis.html");
}

#[derive(Default, Clone)]
struct Run {
    render: f64,
    memory: f64,
    p50: f64,
    p95: f64,
    click: Option<f64>,
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let i = ((v.len() - 1) as f64 * p).round() as usize;
    v[i]
}

/// Runs a script; `None` when the page does not answer (a busy main thread counts as not finishing).
async fn js(b: &Browser, script: &str) -> Option<Value> {
    b.client.execute(script, vec![]).await.ok()
}

/// Waits for the page's first complete render (`window.__render`, a time since navigation start), then
/// a moment more; `None` past [`PAGE_TIMEOUT`].
async fn rendered(b: &Browser) -> Option<f64> {
    let started = std::time::Instant::now();
    let render = loop {
        if let Some(t) = js(b, "return window.__render || null").await.and_then(|v| v.as_f64()) {
            break t;
        }
        if started.elapsed() > PAGE_TIMEOUT {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    Some(render)
}

async fn one_run(b: &Browser, w: Widget, n: usize) -> Option<Run> {
    let c = &b.client;
    c.goto(&b.url(&format!("/bench/{}.html?n={n}", w.page()))).await.ok()?;
    let render = rendered(b).await?;
    let memory = c
        .execute_async("const done = arguments[arguments.length - 1]; window.__memory().then(done)", vec![])
        .await
        .ok()?
        .as_f64()?;
    // 20 steps of real input over the middle of the widget: 10 Ctrl + wheel zooms, 10 drags.
    let (x, y) = (600i64, 300i64);
    js(b, "window.scrollTo(0, 0); window.__startFrames()").await?;
    for i in 0..10 {
        let keys = KeyActions::new("kbd".into())
            .then(KeyAction::Down { value: Key::Control.into() })
            .pause(Duration::from_millis(0))
            .then(KeyAction::Up { value: Key::Control.into() });
        let mut wheel = WheelActions::new("wheel".into());
        wheel.push(WheelAction::Pause { duration: Duration::from_millis(0) });
        wheel.push(WheelAction::Scroll {
            duration: None,
            x,
            y,
            delta_x: 0,
            delta_y: if i < 6 { -240 } else { 120 },
        });
        wheel.push(WheelAction::Pause { duration: Duration::from_millis(0) });
        c.perform_actions(Actions::from(keys).and(wheel)).await.ok()?;
        let drag = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: None, x: x as f64, y: y as f64 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(120)),
                x: if i % 2 == 0 { 160.0 } else { -160.0 },
                y: 0.0,
            })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        c.perform_actions(drag).await.ok()?;
    }
    c.release_actions().await.ok()?;
    let frames = js(b, "return window.__stopFrames()").await?;
    let mut frames: Vec<f64> =
        frames.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    let p50 = percentile(&mut frames, 0.5);
    let p95 = percentile(&mut frames, 0.95);
    // Click → details visible (vis-timeline has no detail view).
    let mut click = None;
    if w != Widget::Vis {
        // Armed now, not at render time: a drag ends with a click event of its own.
        let target = c
            .execute(
                "const t = window.__target && window.__target(); if (!t) return null; \
                 window.__before = window.__tl ? window.__tl.current_id : null; window.__clickMs = null; \
                 window.__armClick(window.__detail); t.scrollIntoView({ block: 'nearest' }); \
                 const r = t.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]",
                vec![],
            )
            .await
            .ok()?;
        // A real click at the target's centre: an element click can be refused by WebDriver when
        // another element overlaps it (TimelineJS's markers), which is not what a reader meets.
        if let Some([x, y]) = target
            .as_array()
            .and_then(|a| a.iter().map(Value::as_f64).collect::<Option<Vec<_>>>())
            .and_then(|v| <[f64; 2]>::try_from(v).ok())
        {
            let tap = MouseActions::new("mouse".into())
                .then(PointerAction::MoveTo { duration: None, x: x.round(), y: y.round() })
                .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
                .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
            if c.perform_actions(tap).await.is_ok() {
                for _ in 0..100 {
                    if let Some(ms) = js(b, "return window.__clickMs").await.and_then(|v| v.as_f64()) {
                        click = Some(ms);
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        }
    }
    Some(Run { render, memory, p50, p95, click })
}

/// The vertical timeline at `n`: first render, then frames while the page scrolls down through it
/// (20 wheel steps of 400 px; chunks near the viewport are rendered as they come), and the cards in
/// the DOM at the end.
async fn vertical_run(b: &Browser, n: usize) -> Option<(f64, f64, f64, f64)> {
    let c = &b.client;
    c.goto(&b.url(&format!("/bench/vertical.html?n={n}"))).await.ok()?;
    let render = rendered(b).await?;
    js(b, "window.scrollTo(0, 0); window.__startFrames()").await?;
    for _ in 0..20 {
        let mut wheel = WheelActions::new("wheel".into());
        wheel.push(WheelAction::Scroll { duration: None, x: 195, y: 450, delta_x: 0, delta_y: 400 });
        c.perform_actions(wheel).await.ok()?;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    c.release_actions().await.ok()?;
    let frames = js(b, "return window.__stopFrames()").await?;
    let mut frames: Vec<f64> =
        frames.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    let cards = js(b, "return window.__cards()").await?.as_f64()?;
    Some((render, percentile(&mut frames, 0.5), percentile(&mut frames, 0.95), cards))
}

fn median(mut v: Vec<f64>) -> f64 {
    percentile(&mut v, 0.5)
}

fn compressed(path: &Path) -> (u64, u64, u64) {
    let raw = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let gz = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map(|o| o.stdout.len() as u64)
        .unwrap_or(0);
    let br = Command::new("node")
        .args(["-e", "const z=require('zlib');process.stdout.write(String(z.brotliCompressSync(require('fs').readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length))"])
        .arg(path)
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    (raw, gz, br)
}

fn bytes_table(root: &Path) -> (String, Vec<(String, u64)>) {
    let dist = root.join("dist");
    let mut ours: Vec<PathBuf> = vec![dist.join("embed.js")];
    for e in std::fs::read_dir(&dist).expect("dist").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("anti-trafficking-timeline-")
            && (name.ends_with(".js") || name.ends_with(".wasm"))
        {
            ours.push(e.path());
        }
    }
    if let Some(snip) =
        std::fs::read_dir(dist.join("snippets")).ok().and_then(|mut d| d.next()).and_then(Result::ok)
    {
        ours.push(snip.path().join("inline0.js"));
    }
    let peers = root.join("bench/node_modules");
    let sets: Vec<(&str, Vec<PathBuf>)> = vec![
        ("this widget (wasm + JS; CSS is inside the wasm)", ours),
        (
            "TimelineJS 3.9.11 (JS + CSS)",
            vec![
                peers.join("@knight-lab/timelinejs/dist/js/timeline.js"),
                peers.join("@knight-lab/timelinejs/dist/css/timeline.css"),
            ],
        ),
        (
            "vis-timeline 8.5.4 (standalone JS + CSS)",
            vec![
                peers.join("vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"),
                peers.join("vis-timeline/styles/vis-timeline-graph2d.min.css"),
            ],
        ),
    ];
    let mut md =
        String::from("| code for the first render | bytes | gzip -9 | brotli |\n|---|---:|---:|---:|\n");
    let mut totals = Vec::new();
    for (name, files) in sets {
        let (mut r, mut g, mut b) = (0, 0, 0);
        for f in &files {
            let (x, y, z) = compressed(f);
            r += x;
            g += y;
            b += z;
        }
        let _ = writeln!(md, "| {name} | {r} | {g} | {b} |");
        totals.push((name.to_owned(), g));
    }
    let (r, g, b) = compressed(&root.join("data/timeline.json"));
    let _ = writeln!(
        md,
        "| data: the bundled `data/timeline.json` (inside this widget's wasm) | {r} | {g} | {b} |"
    );
    (md, totals)
}

#[tokio::test(flavor = "current_thread")]
async fn bench() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    for n in SIZES {
        generate(&dir, n);
    }
    pages(&dir);
    let mounts = || vec![("/bench/", dir.clone()), ("/peers/", root.join("bench/node_modules"))];
    let start = || async {
        let b = Browser::with_mounts(1280, 900, mounts()).await;
        // A peer that blocks its page must count as "did not finish", quickly.
        let limits = fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(10)),
            Some(PAGE_TIMEOUT),
            None,
        );
        b.client.update_timeouts(limits).await.expect("timeouts");
        b
    };
    let mut b = start().await;
    let mut rows = Vec::new();
    // BENCH_ONLY=ours (or tl, vis, comma-separated) runs a subset, for quick comparisons while working.
    let only = std::env::var("BENCH_ONLY").unwrap_or_default();
    let picked = |w: Widget| only.is_empty() || only.split(',').any(|o| w.page() == o.trim());
    // BENCH_N=100 (or a comma-separated list) runs only those sizes.
    let sizes: Vec<usize> = match std::env::var("BENCH_N") {
        Ok(v) => v.split(',').filter_map(|n| n.trim().parse().ok()).filter(|n| SIZES.contains(n)).collect(),
        Err(_) => SIZES.to_vec(),
    };
    for w in [Widget::Ours, Widget::TimelineJs, Widget::Vis].into_iter().filter(|&w| picked(w)) {
        let mut gave_up = false;
        for &n in &sizes {
            let mut runs = Vec::new();
            if !gave_up {
                for _ in 0..RUNS {
                    match tokio::time::timeout(RUN_LIMIT, one_run(&b, w, n)).await {
                        Ok(Some(r)) => runs.push(r),
                        Ok(None) => {
                            gave_up = true;
                            break;
                        }
                        Err(_) => {
                            // The page hung the browser: start a fresh one for the next widget.
                            gave_up = true;
                            drop(std::mem::replace(&mut b, start().await));
                            break;
                        }
                    }
                }
            }
            eprintln!("{} N={n}: {} runs", w.name(), runs.len());
            rows.push((w, n, runs));
        }
    }
    // The vertical timeline (phones), N = 100 and 10,000.
    let mut vertical = Vec::new();
    if picked(Widget::Ours) || only.split(',').any(|o| o.trim() == "vertical") {
        for n in [100, 10_000].into_iter().filter(|n| sizes.contains(n)) {
            let mut runs = Vec::new();
            for _ in 0..RUNS {
                if let Ok(Some(r)) = tokio::time::timeout(RUN_LIMIT, vertical_run(&b, n)).await {
                    runs.push(r);
                }
            }
            eprintln!("vertical N={n}: {} runs", runs.len());
            vertical.push((n, runs));
        }
    }
    b.stop().await;

    let mut md =
        String::from("# Benchmark results\n\nGenerated by `cargo xtask bench` (see README, Performance). ");
    let _ = writeln!(
        md,
        "Median of {RUNS} runs per cell; headless Chromium, 1280 × 900, the widget 1200 px wide; \
        a cell says \"did not finish\" when the first render took over {} s or a run over {} s.\n",
        PAGE_TIMEOUT.as_secs(),
        RUN_LIMIT.as_secs()
    );
    md.push_str("| N | widget | first render (ms) | JS heap + wasm (MB) | frame p50 / p95 (ms) | click → details (ms) |\n|---:|---|---:|---:|---:|---:|\n");
    let mut summary: Vec<(Widget, usize, f64, f64, f64)> = Vec::new();
    for (w, n, runs) in &rows {
        if runs.is_empty() {
            let _ = writeln!(md, "| {n} | {} | did not finish | | | |", w.name());
            continue;
        }
        let render = median(runs.iter().map(|r| r.render).collect());
        let mem = median(runs.iter().map(|r| r.memory).collect()) / 1e6;
        let p50 = median(runs.iter().map(|r| r.p50).collect());
        let p95 = median(runs.iter().map(|r| r.p95).collect());
        let clicks: Vec<f64> = runs.iter().filter_map(|r| r.click).collect();
        let click = if *w == Widget::Vis {
            "no detail view".to_owned()
        } else if clicks.is_empty() {
            "—".to_owned()
        } else {
            format!("{:.0}", median(clicks))
        };
        let _ =
            writeln!(md, "| {n} | {} | {render:.0} | {mem:.1} | {p50:.1} / {p95:.1} | {click} |", w.name());
        summary.push((*w, *n, render, mem, p95));
    }
    if !vertical.is_empty() {
        md.push_str("\n## The vertical timeline (phones)\n\nThis widget in a 390 px column (`layout=auto` picks the vertical view), the same data; frames while the page scrolls down through it (20 wheel steps of 400 px).\n\n| N | first render (ms) | scroll frame p50 / p95 (ms) | cards in the DOM after scrolling |\n|---:|---:|---:|---:|\n");
        for (n, runs) in &vertical {
            if runs.is_empty() {
                let _ = writeln!(md, "| {n} | did not finish | | |");
                continue;
            }
            let render = median(runs.iter().map(|r| r.0).collect());
            let p50 = median(runs.iter().map(|r| r.1).collect());
            let p95 = median(runs.iter().map(|r| r.2).collect());
            let cards = median(runs.iter().map(|r| r.3).collect());
            let _ = writeln!(md, "| {n} | {render:.0} | {p50:.1} / {p95:.1} | {cards:.0} |");
        }
    }
    let (bytes, totals) = bytes_table(&root);
    md.push_str("\n## Bytes\n\n");
    md.push_str(&bytes);
    // Targets.
    let get = |w: Widget, n: usize| summary.iter().find(|s| s.0 == w && s.1 == n).copied();
    let mut t = String::from("\n## Targets\n\n");
    let ok = |b: bool| if b { "met" } else { "NOT met" };
    if let (Some(o), tl, v) = (get(Widget::Ours, 100), get(Widget::TimelineJs, 100), get(Widget::Vis, 100)) {
        let faster = [tl, v].iter().flatten().map(|s| s.2).fold(f64::INFINITY, f64::min);
        let _ = writeln!(
            t,
            "- First render at N = 100 ≤ half the faster peer: {:.0} ms vs {:.0} ms → {}",
            o.2,
            faster,
            ok(o.2 <= faster / 2.0)
        );
    }
    if let Some(o) = get(Widget::Ours, 10_000) {
        let _ = writeln!(t, "- N = 10,000 renders in < 500 ms: {:.0} ms → {}", o.2, ok(o.2 < 500.0));
        let _ = writeln!(
            t,
            "- N = 10,000 pans/zooms with p95 frame ≤ 16.7 ms: {:.1} ms → {}",
            o.4,
            ok(o.4 <= 16.7)
        );
        let lighter = [get(Widget::TimelineJs, 10_000), get(Widget::Vis, 10_000)]
            .iter()
            .flatten()
            .map(|s| s.3)
            .fold(f64::INFINITY, f64::min);
        let _ = writeln!(
            t,
            "- Memory at N = 10,000 ≤ the lighter peer: {:.1} MB vs {:.1} MB → {}",
            o.3,
            lighter,
            ok(o.3 <= lighter)
        );
    }
    match get(Widget::Ours, 100_000) {
        Some(o) => {
            let _ = writeln!(t, "- N = 100,000 loads and stays interactive (p95 ≤ 33 ms): rendered in {:.0} ms, p95 {:.1} ms → {}", o.2, o.4, ok(o.4 <= 33.0));
        }
        None => {
            let _ = writeln!(t, "- N = 100,000 loads and stays interactive: did not finish → NOT met");
        }
    }
    if let Some((_, g)) = totals.first() {
        let _ = writeln!(
            t,
            "- wasm + JS + CSS ≤ 110 KB gzip -9: {:.1} KB → {}",
            *g as f64 / 1000.0,
            ok(*g <= 110_000)
        );
    }
    md.push_str(&t);
    let out = root.join("bench/results.md");
    std::fs::write(&out, &md).expect("bench/results.md");
    println!("\n{md}");
}
