// Shared by several test crates, each of which uses a part of it.
#![allow(dead_code)]
//! Test support for the end-to-end suite: a static file server for `dist/` and a headless Chromium
//! session over chromedriver, both on 127.0.0.1 and both stopped by the test.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};

/// The bundled data, so the suite's counts and names follow it (an editor's change to the data does
/// not break the tests).
pub fn bundled() -> anti_trafficking_timeline::model::Timeline {
    anti_trafficking_timeline::format::from_str(anti_trafficking_timeline::BUNDLED_DATA)
        .expect("bundled data")
}

/// A mark's accessible name in English up to its position: `label — title, date, lane, N of M`
/// (`label, date, …` when the label is the title).
pub fn mark_name(id: &str) -> String {
    let t = bundled();
    let n = t.events.iter().position(|e| e.id.as_str() == id).expect("event") + 1;
    let e = &t.events[n - 1];
    let head = if e.info.short() == e.info.title {
        e.info.title.clone()
    } else {
        format!("{} — {}", e.info.short(), e.info.title)
    };
    format!("{head}, {}, {}, {n} of {}", e.when.label_en(), e.category.label(), t.events.len())
}

/// Serves directories on 127.0.0.1 (a free port) from a background thread; returns the port.
/// `mounts` maps URL prefixes to directories, longest first (`("/news/timeline/", dist)`, `("/", dist)`).
/// In `.html` files under `/fixtures/`, `{{PORT}}` is replaced by the port (for cross-origin tests).
pub fn serve(mounts: Vec<(&'static str, PathBuf)>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let mounts = std::sync::Arc::new(mounts);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mounts = mounts.clone();
            std::thread::spawn(move || {
                let _ = respond(&mounts, port, stream);
            });
        }
    });
    port
}

/// Whether the servers send text, scripts, styles, data and wasm gzip-compressed (`gzip -9`, as a static
/// host with precompressed files would) to a browser that accepts it. Off unless a test turns it on
/// (the benchmark's phone profile): the data tests check the lengths servers announce.
static GZIP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Compressed files, by path (the files do not change during a run).
static GZIPPED: std::sync::Mutex<Vec<(PathBuf, Vec<u8>)>> = std::sync::Mutex::new(Vec::new());

/// Turns gzip on or off for every server of this process (see [`GZIP`]).
pub fn serve_gzip(on: bool) {
    GZIP.store(on, std::sync::atomic::Ordering::SeqCst);
}

fn gzipped(file: &Path, body: &[u8]) -> Option<Vec<u8>> {
    if let Some(hit) = GZIPPED.lock().ok()?.iter().find(|(p, _)| p == file) {
        return Some(hit.1.clone());
    }
    let mut child =
        Command::new("gzip").args(["-9", "-c"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().ok()?;
    let mut stdin = child.stdin.take()?;
    let input = body.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    GZIPPED.lock().ok()?.push((file.to_path_buf(), out.stdout.clone()));
    Some(out.stdout)
}

/// Every request the servers answered: (port, path, status).
static REQUESTS: std::sync::Mutex<Vec<(u16, String, u16)>> = std::sync::Mutex::new(Vec::new());

fn log_request(port: u16, path: &str, status: u16) {
    if let Ok(mut log) = REQUESTS.lock() {
        log.push((port, path.to_owned(), status));
    }
}

fn respond(mounts: &[(&'static str, PathBuf)], port: u16, mut stream: TcpStream) -> std::io::Result<()> {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut line)?;
    let mut accepts_gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" {
            break;
        }
        let h = header.to_ascii_lowercase();
        accepts_gzip |= h.starts_with("accept-encoding:") && h.contains("gzip");
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    if let Some(kind) = path.strip_prefix("/special/") {
        return special(kind, port, stream);
    }
    let rel = if path.ends_with('/') { format!("{path}index.html") } else { path.to_owned() };
    let file = mounts
        .iter()
        .find(|(prefix, _)| rel.starts_with(prefix))
        .map(|(prefix, dir)| dir.join(rel[prefix.len()..].trim_start_matches('/')));
    let safe = !rel.contains("..");
    match file.filter(|_| safe).map(|f| (std::fs::read(&f), f)) {
        Some((Ok(mut body), file)) => {
            let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "html" && rel.starts_with("/fixtures/") {
                body = String::from_utf8_lossy(&body).replace("{{PORT}}", &port.to_string()).into_bytes();
            }
            log_request(port, path, 200);
            let kind = match ext {
                "html" => "text/html; charset=utf-8",
                "js" => "text/javascript",
                "wasm" => "application/wasm",
                "css" => "text/css",
                "json" => "application/json",
                "csv" => "text/csv; charset=utf-8",
                "png" => "image/png",
                "svg" => "image/svg+xml",
                "ico" => "image/x-icon",
                _ => "application/octet-stream",
            };
            let compressible = matches!(ext, "html" | "js" | "wasm" | "css" | "json" | "svg");
            let mut encoding = "";
            if accepts_gzip && compressible && GZIP.load(std::sync::atomic::Ordering::SeqCst) {
                if let Some(z) = gzipped(&file, &body) {
                    body = z;
                    encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
                }
            }
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n{encoding}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            stream.write_all(&body)
        }
        _ => {
            log_request(port, path, 404);
            stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        }
    }
}

/// Misbehaving servers for the runtime-data tests: `/special/500`, `/special/html` (a web page where
/// data was expected), `/special/huge` (50 MB, length not announced), `/special/hang` (never
/// answers), `/special/redirect` (to another origin, which does not allow this page).
fn special(kind: &str, port: u16, mut stream: TcpStream) -> std::io::Result<()> {
    match kind {
        "500" => stream.write_all(
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops\n",
        ),
        "html" => {
            let body = "<!doctype html><title>Sign in</title><p>Please sign in.</p>";
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }
        "huge" => {
            stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")?;
            stream.write_all(b"{\"version\": 1, \"events\": [")?;
            let chunk = vec![b' '; 1 << 20];
            for _ in 0..50 {
                stream.write_all(&chunk)?;
            }
            stream.write_all(b"]}")
        }
        "hang" => {
            std::thread::sleep(std::time::Duration::from_secs(60));
            Ok(())
        }
        "redirect" => write!(
            stream,
            "HTTP/1.1 302 Found\r\nLocation: http://localhost:{port}/fixtures/small.json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ),
        _ => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

thread_local! {
    static EXTRA_MOUNTS: std::cell::RefCell<Vec<(&'static str, PathBuf)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A served `dist/` plus a headless Chromium session.
pub struct Browser {
    pub client: Client,
    driver: Child,
    port: u16,
}

impl Browser {
    /// Serves `$E2E_DIST` (default `dist/`) and opens Chromium with a `width`×`height` desktop window.
    pub async fn start(width: u32, height: u32) -> Self {
        Self::launch(width, height, Device::Desktop, &[]).await
    }

    /// Like [`Browser::start`], also serving `extra` (URL prefix, directory) mounts.
    pub async fn with_mounts(width: u32, height: u32, extra: Vec<(&'static str, PathBuf)>) -> Self {
        EXTRA_MOUNTS.with(|m| *m.borrow_mut() = extra);
        Self::launch(width, height, Device::Desktop, &[]).await
    }

    /// Like [`Browser::phone`], also serving `extra` mounts.
    pub async fn phone_with_mounts(width: u32, height: u32, extra: Vec<(&'static str, PathBuf)>) -> Self {
        EXTRA_MOUNTS.with(|m| *m.borrow_mut() = extra);
        Self::launch(width, height, Device::Phone, &[]).await
    }

    /// Like [`Browser::start`], with extra Chromium switches (`--force-dark-mode`, …).
    pub async fn with_flags(width: u32, height: u32, flags: &[&str]) -> Self {
        Self::launch(width, height, Device::Desktop, flags).await
    }

    /// Like [`Browser::start`], as a phone: mobile emulation with touch, at 2× pixel ratio.
    /// (A desktop window cannot be narrower than 500 px in headless Chromium.)
    pub async fn phone(width: u32, height: u32) -> Self {
        Self::launch(width, height, Device::Phone, &[]).await
    }

    async fn launch(width: u32, height: u32, device: Device, flags: &[&str]) -> Self {
        let mobile = device == Device::Phone;
        let dist = std::env::var_os("E2E_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/dist")));
        assert!(
            dist.join("index.html").is_file(),
            "{} has no index.html: run `cargo xtask test` (it builds the release first)",
            dist.display()
        );
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        // Files made by the tests themselves (a data file over the size cap).
        let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-generated");
        std::fs::create_dir_all(&generated).expect("target/e2e-generated");
        let big = generated.join("big.json");
        if std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0) < 6_000_000 {
            let mut text = String::from("{\"version\": 1, \"events\": []}");
            text.push_str(&" ".repeat(6_000_000));
            std::fs::write(&big, text).expect("big.json");
        }
        let mut mounts: Vec<(&'static str, PathBuf)> =
            EXTRA_MOUNTS.with(|m| std::mem::take(&mut *m.borrow_mut()));
        // The build whose entry `panic-test` panics (see the `panic-test` feature), if built.
        if let Some(panic_dist) = std::env::var_os("E2E_DIST_PANIC") {
            mounts.push(("/panic/", PathBuf::from(panic_dist)));
        }
        mounts.extend([
            ("/news/timeline/", dist.clone()),
            ("/fixtures/", fixtures),
            ("/generated/", generated),
            ("/", dist),
        ]);
        let port = serve(mounts);
        let driver_port = free_port();
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        // Its own process group, so that stopping it also stops the Chromium it started (a hung page
        // would otherwise leave an orphaned browser busy for the rest of the run).
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", driver_port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = serde_json::Map::new();
        let mut options = serde_json::json!({
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    format!("--window-size={width},{height}"), "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--hide-scrollbars", "--js-flags=--expose-gc", "--enable-precise-memory-info",
                ]
        });
        if let Some(args) = options["args"].as_array_mut() {
            args.extend(flags.iter().map(|f| serde_json::json!(f)));
        }
        if mobile {
            options["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "touch": true, "mobile": true }
            });
        }
        caps.insert("goog:chromeOptions".into(), options);
        // chromedriver may accept connections a moment before it can start sessions: retry briefly.
        let mut client = None;
        let mut last_error = String::new();
        for _ in 0..20 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{driver_port}"))
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(e) => {
                    last_error = e.to_string();
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
            }
        }
        let client = client.unwrap_or_else(|| panic!("no WebDriver session: {last_error}"));
        Self { client, driver, port }
    }

    /// URL of `path` on the test server.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Saves a screenshot as `target/screenshots/NAME.png`.
    /// The paths this session's server has answered so far, with their HTTP status.
    pub fn requests(&self) -> Vec<(String, u16)> {
        REQUESTS
            .lock()
            .map(|log| log.iter().filter(|r| r.0 == self.port).map(|r| (r.1.clone(), r.2)).collect())
            .unwrap_or_default()
    }

    pub async fn screenshot(&self, name: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("target/screenshots");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// Ends the session and chromedriver.
    pub async fn stop(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        self.kill_all();
        let _ = self.driver.wait();
    }

    /// Stops chromedriver and every browser process it started (its process group).
    fn kill_all(&mut self) {
        let _ =
            Command::new("kill").args(["-s", "KILL", "--"]).arg(format!("-{}", self.driver.id())).status();
        let _ = self.driver.kill();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.kill_all();
        let _ = self.driver.wait();
    }
}

/// The accessible name (see `name.js`), as a function declaration for scripts run in the page.
pub const NAME_JS: &str = include_str!("name.js");

/// Finds things the way a reader does, inside each widget's shadow root. `arguments`: a kind, a needle,
/// the widget's index on the page. Run after [`NAME_JS`].
const FIND_JS: &str = r#"
const [kind, needle, index] = arguments;
const hosts = [...document.querySelectorAll('anti-trafficking-timeline,[data-anti-trafficking-timeline]')];
const host = hosts[index || 0];
if (!host) return null;
const root = host.shadowRoot || host;
const name = (e) => accessibleName(e).trim();
const buttons = () => [...root.querySelectorAll('button')];
switch (kind) {
  case 'button': return buttons().find((b) => name(b).includes(needle)) || null;
  // A mark's name starts with its label, then " — " and the full title when they differ: either will do.
  case 'mark': return buttons().find((b) => name(b).startsWith(needle) || name(b).includes(' — ' + needle)) || null;
  case 'region': return [...root.querySelectorAll('section[aria-labelledby]')].find((s) => {
    const h = root.getElementById(s.getAttribute('aria-labelledby'));
    return h && h.textContent.trim() === needle;
  }) || null;
  case 'css': return root.querySelector(needle);
  case 'host': return host;
}
return null;
"#;

/// Resolves once every widget on the page has settled: no change to its DOM and no running animation
/// for two animation frames in a row (at most 5 s). The condition to wait for after an action,
/// instead of a fixed pause.
const SETTLED_JS: &str = r#"
const done = arguments[arguments.length - 1];
const roots = [...document.querySelectorAll('anti-trafficking-timeline,[data-anti-trafficking-timeline],div')]
  .map((h) => h.shadowRoot).filter(Boolean);
let changed = true;
const observer = new MutationObserver(() => { changed = true; });
for (const r of roots) observer.observe(r, { subtree: true, childList: true, attributes: true, characterData: true });
const animating = () => roots.some((r) => r.getAnimations().some((a) => a.playState === 'running'));
const started = performance.now();
let quiet = 0;
const tick = () => {
  quiet = changed || animating() ? 0 : quiet + 1;
  changed = false;
  if (quiet >= 2 || performance.now() - started > 5000) { observer.disconnect(); done(quiet >= 2); return; }
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
"#;

/// The kind of window a test runs in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// A desktop window.
    Desktop,
    /// A phone: touch, a narrow viewport, device-pixel ratio 3.
    Phone,
}

impl Browser {
    /// Runs `script` (a function body) and returns its JSON result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// Waits (up to `secs`) until `script` returns `true`; returns whether it did.
    pub async fn wait_until(&self, script: &str, secs: u64) -> bool {
        for _ in 0..secs * 10 {
            if self.js(script).await == serde_json::Value::Bool(true) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        false
    }

    /// Waits until every widget has settled (see `SETTLED_JS`).
    pub async fn settled(&self) {
        let settled = self.client.execute_async(SETTLED_JS, vec![]).await.expect("settled");
        assert_eq!(settled, serde_json::json!(true), "the widgets kept changing for 5 s");
    }

    /// Finds an element (see `FIND_JS`) in widget `index`.
    pub async fn find(
        &self,
        kind: &str,
        needle: &str,
        index: usize,
    ) -> Option<fantoccini::elements::Element> {
        let v = self
            .client
            .execute(
                &format!("{NAME_JS}\n{FIND_JS}"),
                vec![serde_json::json!(kind), serde_json::json!(needle), serde_json::json!(index)],
            )
            .await
            .ok()?;
        let id = v.as_object()?.values().next()?.as_str()?.to_owned();
        Some(fantoccini::elements::Element::from_element_id(self.client.clone(), id.into()))
    }

    /// Like [`Browser::find`], waiting up to 10 s.
    pub async fn wait(&self, kind: &str, needle: &str, index: usize) -> fantoccini::elements::Element {
        for _ in 0..100 {
            if let Some(e) = self.find(kind, needle, index).await {
                return e;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no {kind} {needle:?} in widget {index} after 10 s");
    }

    /// The accessible name (aria-label, else text) of the focused element, inside shadow roots too.
    pub async fn focused_name(&self) -> String {
        let v = self
            .js(&format!(
                "{NAME_JS}\nlet a = document.activeElement; \
                 while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; \
                 return a ? accessibleName(a) : ''"
            ))
            .await;
        v.as_str().unwrap_or_default().trim().to_owned()
    }

    /// Presses a key on the focused element (trusted input).
    pub async fn key(&self, key: fantoccini::key::Key) {
        let el = self.client.active_element().await.expect("focus");
        el.send_keys(&key.to_string()).await.expect("key");
        tokio::time::sleep(Duration::from_millis(60)).await;
    }

    /// The visible-range caption of widget 0 ("Showing 2000 – 2025 · axis in years").
    pub async fn caption(&self) -> String {
        let Some(host) = self.find("host", "", 0).await else { return String::new() };
        let v = self
            .client
            .execute(
                "const r = arguments[0].shadowRoot || arguments[0]; \
                 const p = [...r.querySelectorAll('p')].find(p => p.textContent.startsWith('Showing ')); return p ? p.textContent : ''",
                vec![serde_json::to_value(&host).expect("element")],
            )
            .await
            .expect("caption");
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Clicks the first button of widget 0 whose accessible name contains `name`, and waits a moment.
    pub async fn click(&self, name: &str) {
        self.wait("button", name, 0).await.click().await.expect("click");
        tokio::time::sleep(Duration::from_millis(120)).await;
    }

    /// Text of widget 0's region labelled by a heading with text `title`, if shown.
    pub async fn region_text(&self, title: &str) -> Option<String> {
        self.find("region", title, 0).await?.text().await.ok()
    }
}

impl Browser {
    /// Runs `script` with widget `index`'s host element as `arguments[0]`.
    pub async fn on_host(&self, index: usize, script: &str) -> serde_json::Value {
        let host = self.wait("host", "", index).await;
        self.client.execute(script, vec![serde_json::to_value(&host).expect("host")]).await.expect("script")
    }

    /// Text of widget `index` (its shadow root).
    pub async fn widget_text(&self, index: usize) -> String {
        self.on_host(index, "return (arguments[0].shadowRoot || arguments[0]).textContent")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits (up to `secs`) until widget `index`'s text contains `needle`; returns the text.
    pub async fn wait_widget_text(&self, index: usize, needle: &str, secs: u64) -> String {
        let mut last = String::new();
        for _ in 0..secs * 10 {
            last = self.widget_text(index).await;
            if last.contains(needle) {
                return last;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("widget {index} never showed {needle:?}; it shows: {last}");
    }

    /// Text of widget `index`'s detail panel, if it is open.
    pub async fn panel_text(&self, index: usize) -> Option<String> {
        let v = self
            .on_host(index, "const s = arguments[0].shadowRoot.querySelector('section[id$=-detail]'); return s && s.textContent")
            .await;
        v.as_str().map(str::to_owned)
    }
}

impl Browser {
    /// Runs axe-core (from `node_modules`) on the page, shadow roots included; returns the violations
    /// as "rule: n nodes (first targets) — help".
    pub async fn axe(&self) -> Vec<String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run cargo xtask test)", path.display()));
        self.client.execute(&source, vec![]).await.expect("inject axe-core");
        let v = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => \
                   `${v.id}: ${v.nodes.length} nodes (${v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' ')}) — ${v.help}`)))",
                vec![],
            )
            .await
            .expect("axe.run");
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    }
}

/// A Chrome DevTools command sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(serde_json::json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

impl Browser {
    /// Sends a Chrome DevTools Protocol command; returns its result.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.client.issue_cmd(Cdp { cmd: cmd.into(), params }).await.unwrap_or_else(|e| panic!("{cmd}: {e}"))
    }

    /// Emulates CSS media: `media` (`print`, or empty for screen) and features such as
    /// `forced-colors: active`.
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<serde_json::Value> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        let cmd = Cdp {
            cmd: "Emulation.setEmulatedMedia".into(),
            params: serde_json::json!({ "media": media, "features": features }),
        };
        self.client.issue_cmd(cmd).await.expect("Emulation.setEmulatedMedia");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}
