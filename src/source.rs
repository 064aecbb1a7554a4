//! Turns JSON text into a validated timeline in the browser: `JSON.parse` (already in every browser,
//! so no JSON parser is compiled into the wasm) → [`to_json`] (a walk over the parsed value) →
//! [`format::from_json`].

use js_sys::{Array, JSON};
use wasm_bindgen::{JsCast, JsValue};

use crate::format::{self, Format, Json};
use crate::model::{DataError, Timeline};

/// A script's data (`mount(element, { data })`), read by [`read_given`].
pub enum Given {
    /// Validated (or every problem found).
    Read(Result<Timeline, Vec<DataError>>),
    /// A TimelineJS3 file, as JSON text, to be converted first (the importer is not linked in): the
    /// embedder loads it asynchronously ([`load`]).
    Convert(String),
}

/// Reads an already-parsed JS value (`mount(element, { data })`) in one walk over it (a second walk
/// only to tell a TimelineJS3 file cost 10,000 events 0.4 s); never panics.
pub fn read_given(value: &JsValue, format: Format) -> Given {
    let json = match to_json(value, 0) {
        Ok(json) => json,
        Err(e) => return Given::Read(Err(vec![DataError::new("", format!("could not read the data: {e}"))])),
    };
    if linked().is_none() && format::is_timelinejs(&json, format) {
        return match JSON::stringify(value).ok().and_then(|s| s.as_string()) {
            Some(text) => Given::Convert(text),
            None => {
                Given::Read(Err(vec![DataError::new("", "could not read the data as JSON text".to_owned())]))
            }
        };
    }
    Given::Read(format::from_json_with(&json, format, linked()).inspect(|t| report_warnings(t, None)))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Array.from(value)`: a plain copy of a list, whose items are read once, here, where a getter or
    /// a proxy that throws gives an error instead of an exception through the wasm.
    #[wasm_bindgen(js_namespace = Array, js_name = from, catch)]
    fn copy_list(value: &JsValue) -> Result<Array, JsValue>;
    /// `Object.entries(value)`, the same way: its values are read once, here.
    #[wasm_bindgen(js_namespace = Object, js_name = entries, catch)]
    fn copy_entries(value: &JsValue) -> Result<Array, JsValue>;
}

/// What a JavaScript exception says, for a message.
fn thrown(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "an error".to_owned())
}

/// A parsed JavaScript value as a [`Json`] tree, keys in their order. A direct walk over the value
/// (no serde in the wasm: serde-wasm-bindgen and serde's messages cost 10 KB of the download).
/// Refuses values JSON cannot hold (functions, symbols, big integers), a script's object whose getter
/// throws, and nesting deeper than [`format::MAX_DEPTH`] (a stack overflow in WebAssembly cannot be
/// caught).
pub fn to_json(value: &JsValue, depth: usize) -> Result<Json, String> {
    if value.is_null() || value.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Ok(Json::String(s));
    }
    if !value.is_object() {
        return Err(format!("a {} is not a JSON value", value.js_typeof().as_string().unwrap_or_default()));
    }
    if depth >= format::MAX_DEPTH {
        return Err(format::too_deep());
    }
    let failed = |e: JsValue| format!("reading it threw: {}", thrown(&e));
    if Array::is_array(value) {
        let items = copy_list(value).map_err(failed)?;
        return items.iter().map(|v| to_json(&v, depth + 1)).collect::<Result<_, _>>().map(Json::Array);
    }
    let mut entries = Vec::new();
    for pair in copy_entries(value).map_err(failed)?.iter() {
        let pair: Array = pair.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        entries.push((key, to_json(&pair.get(1), depth + 1)?));
    }
    Ok(Json::Object(entries))
}

/// Warnings do not stop the timeline; the page's developer finds them in the console (at most 20),
/// e.g. what a TimelineJS3 file lost in conversion. `cargo xtask check-data` lists them all.
fn report_warnings(t: &Timeline, text: Option<&str>) {
    if t.warnings.is_empty() {
        return;
    }
    let mut w = t.warnings.clone();
    if let Some(text) = text {
        format::locate::place(text, &mut w);
    }
    let mut lines: Vec<String> = w
        .iter()
        .take(20)
        .map(|e| match e.at {
            Some((l, c)) => format!("{e} (line {l}, column {c})"),
            None => e.to_string(),
        })
        .collect();
    if w.len() > 20 {
        lines.push(format!("… and {} more", w.len() - 20));
    }
    let msg =
        format!("anti-trafficking-timeline: {} warning(s) about the data:\n{}", w.len(), lines.join("\n"));
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(&msg));
}

/// JSON text as a [`Json`] tree, through `JSON.parse`; a syntax error carries the browser's own words
/// ("… (line 3 column 5)").
pub fn read_json(text: &str) -> Result<Json, DataError> {
    let value =
        JSON::parse(text).map_err(|e| DataError::new("", format!("not valid JSON: {}", thrown(&e))))?;
    to_json(&value, 0).map_err(|e| DataError::new("", format!("could not read the JSON: {e}")))
}

/// Parses and validates `text`; never panics. Syntax errors carry the browser's own position text.
pub fn parse(text: &str, format: Format) -> Result<Timeline, Vec<DataError>> {
    let json = read_json(text).map_err(|e| vec![e])?;
    validate(text, &json, format)
}

/// An already parsed file validated; its problems placed in `text`.
fn validate(text: &str, json: &Json, format: Format) -> Result<Timeline, Vec<DataError>> {
    format::from_json_with(json, format, linked()).inspect(|t| report_warnings(t, Some(text))).map_err(
        |mut errs| {
            format::locate::place(text, &mut errs);
            errs
        },
    )
}

use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// Largest data file accepted, in bytes.
pub const MAX_BYTES: u64 = 5_000_000;
/// How long a data file may take to arrive.
pub const TIMEOUT_MS: i32 = 15_000;

/// Why a data file could not be used; [`LoadError::explain`] says it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not an http(s) URL (relative URLs are fine).
    BadUrl,
    /// No answer within the time limit.
    Timeout,
    /// The server answered with an error status.
    Status(u16, String),
    /// No answer at all, or the browser refused to show it to this page (CORS).
    Network,
    /// Larger than [`MAX_BYTES`].
    TooBig(u64),
    /// The server sent something else than JSON (a web page, an image…): its content type.
    NotJson(String),
    /// Arrived, but is not a valid data file.
    Invalid(Vec<DataError>),
}

impl LoadError {
    /// One sentence for the reader, in `lang`: what happened, and what the page owner can do.
    pub fn explain(&self, url: &str, lang: crate::model::Lang) -> String {
        use crate::i18n::{fill, strings};
        let st = strings(lang);
        match self {
            LoadError::BadUrl => fill(st.err_bad_url, &[("url", url)]),
            LoadError::Timeout => {
                fill(st.err_timeout, &[("url", url), ("seconds", &(TIMEOUT_MS / 1000).to_string())])
            }
            LoadError::Status(code, text) => {
                fill(st.err_status, &[("status", &format!("{code} {text}")), ("url", url)])
            }
            LoadError::Network => fill(st.err_network, &[("url", url)]),
            LoadError::TooBig(n) => {
                // Megabytes with one decimal, in integer arithmetic.
                let tenths = n.saturating_add(50_000) / 100_000;
                let size = format!("{}.{}", tenths / 10, tenths % 10);
                fill(
                    st.err_too_big,
                    &[("url", url), ("size", &size), ("limit", &(MAX_BYTES / 1_000_000).to_string())],
                )
            }
            LoadError::Invalid(errs) => fill(st.err_invalid, &[("url", url), ("n", &errs.len().to_string())]),
            LoadError::NotJson(kind) => fill(st.err_not_json, &[("url", url), ("type", kind)]),
        }
    }
}

/// Whether `src` may be fetched: relative, or absolute http(s).
pub fn allowed_url(src: &str) -> bool {
    let s = src.trim();
    if s.is_empty() {
        return false;
    }
    match s.split_once(':') {
        // A colon before any slash means a scheme.
        Some((scheme, _)) if !scheme.contains('/') && !scheme.contains('?') && !scheme.contains('#') => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => true,
    }
}

/// Whether a response's content type can hold a data file: JSON (`application/json`, `…+json`),
/// plain text, a download, or none given. A web page (a sign-in or error page) or an image cannot.
pub fn json_type(content_type: &str) -> bool {
    let t = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    t.is_empty() || t.contains("json") || t == "text/plain" || t == "application/octet-stream"
}

/// Fetches and validates a data file. `signal` aborts it (timeout or destroy); `shared`: the widget's
/// own data file, asked for by several instances at once (one request).
pub async fn fetch(
    src: &str,
    signal: &AbortSignal,
    format: Format,
    shared: bool,
) -> Result<Timeline, LoadError> {
    if !allowed_url(src) {
        return Err(LoadError::BadUrl);
    }
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let init = RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let promise = if shared {
        // One request for every instance that starts while it is under way (each reads its own copy
        // of the response); each instance still gives up at its own timeout.
        let promise = in_flight(src).unwrap_or_else(|| {
            let p = window.fetch_with_str_and_init(src, &init);
            IN_FLIGHT.with(|f| f.borrow_mut().push((src.to_owned(), p.clone())));
            p
        });
        js_sys::Promise::race(&Array::of2(&promise, &aborted(signal)))
    } else {
        init.set_signal(Some(signal));
        window.fetch_with_str_and_init(src, &init)
    };
    let arrived = JsFuture::from(promise).await;
    if shared {
        IN_FLIGHT.with(|f| f.borrow_mut().retain(|(u, _)| u != src));
    }
    let response: Response = arrived
        .map_err(|_| if signal.aborted() { LoadError::Timeout } else { LoadError::Network })?
        .dyn_into::<Response>()
        .and_then(|r| if shared { r.clone() } else { Ok(r) })
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status(), response.status_text()));
    }
    let kind = response.headers().get("content-type").ok().flatten().unwrap_or_default();
    let table =
        matches!(format, Format::Table { .. }) && (kind.contains("csv") || kind.contains("tab-separated"));
    if !json_type(&kind) && !table {
        let bare = kind.split(';').next().unwrap_or_default().trim().to_owned();
        return Err(LoadError::NotJson(crate::model::shown(&bare)));
    }
    let declared =
        response.headers().get("content-length").ok().flatten().and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = declared.filter(|n| *n > MAX_BYTES) {
        return Err(LoadError::TooBig(n));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    // A shared request has no signal of its own: its body, too, gives up at this instance's timeout.
    let text = if shared { js_sys::Promise::race(&Array::of2(&text, &aborted(signal))) } else { text };
    let text = JsFuture::from(text)
        .await
        .map_err(|_| if signal.aborted() { LoadError::Timeout } else { LoadError::Network })?
        .as_string()
        .unwrap_or_default();
    let len = text.len() as u64;
    if len > MAX_BYTES {
        return Err(LoadError::TooBig(len));
    }
    load(&text, format).await
}

/// A promise that rejects when `signal` aborts.
fn aborted(signal: &AbortSignal) -> js_sys::Promise {
    js_sys::Promise::new(&mut |_, reject| {
        let _ = signal.add_event_listener_with_callback("abort", &reject);
    })
}

/// A file's text as a timeline. Tables (`format="csv"`) and TimelineJS3 files are converted first by
/// the editor's module, which the embedder provides and which is loaded only for such a file: the
/// widget's own wasm has neither reader (9 KB of gzip that no news page showing JSON needs).
pub async fn load(text: &str, format: Format) -> Result<Timeline, LoadError> {
    // The text is parsed once (a large file's parse is most of its load).
    let kind = match format {
        Format::Table { tsv } => {
            if tsv {
                "tsv"
            } else {
                "csv"
            }
        }
        _ => {
            let json = read_json(text).map_err(|e| LoadError::Invalid(vec![e]))?;
            if linked().is_some() || !format::is_timelinejs(&json, format) {
                return validate(text, &json, format).map_err(LoadError::Invalid);
            }
            "timelinejs3"
        }
    };
    let convert = CONVERTER.with(std::cell::Cell::get).ok_or_else(|| {
        LoadError::Invalid(vec![DataError::new("", "this file must be converted, which embed.js does")])
    })?;
    let converted = JsFuture::from(convert(text, kind)).await.map_err(|problems| {
        // `[[place, what], …]`, or one message when the converter itself could not load; anything
        // else (the converter failed) in its own words.
        if !Array::is_array(&problems) {
            let why = problems
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| problems.as_string())
                .unwrap_or_else(|| "the converter failed".to_owned());
            return LoadError::Invalid(vec![DataError::new("", why)]);
        }
        let text = |v: JsValue| v.as_string().unwrap_or_default();
        let list: Vec<DataError> = Array::from(&problems)
            .iter()
            .map(|p| match p.as_string() {
                Some(message) => DataError::new("", message),
                None => {
                    let pair = Array::from(&p);
                    DataError::new(text(pair.get(0)), text(pair.get(1)))
                }
            })
            .collect();
        LoadError::Invalid(list)
    })?;
    parse(&converted.as_string().unwrap_or_default(), Format::Native).map_err(LoadError::Invalid)
}

/// Converts a file's text (`kind`: `csv`, `tsv` or `timelinejs3`) to this widget's JSON text (a
/// promise; rejects with its problems).
pub type AsyncConverter = fn(&str, &str) -> js_sys::Promise;

thread_local! {
    /// The converter the embedder provides (`embed`: the editor's module, loaded when first used).
    static CONVERTER: std::cell::Cell<Option<AsyncConverter>> = const { std::cell::Cell::new(None) };
    /// The TimelineJS3 importer, where a build links it in (the browser tests).
    static LINKED: std::cell::Cell<Option<format::Converter>> = const { std::cell::Cell::new(None) };
}

/// Sets how tables and TimelineJS3 files are converted.
pub fn set_converter(convert: AsyncConverter) {
    CONVERTER.with(|c| c.set(Some(convert)));
}

/// Links the TimelineJS3 importer in: such files then load synchronously (`format::timelinejs::import`).
pub fn link_converter(convert: format::Converter) {
    LINKED.with(|c| c.set(Some(convert)));
}

fn linked() -> Option<format::Converter> {
    LINKED.with(std::cell::Cell::get)
}

thread_local! {
    /// The widget's own data files (`embed::default_src`), parsed once per page and shared by every
    /// instance in that language.
    static SHARED: std::cell::RefCell<Vec<(String, crate::state::Data)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Requests under way for shared data files (a `Response` promise each).
    static IN_FLIGHT: std::cell::RefCell<Vec<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The request under way for a shared data file, if any.
fn in_flight(url: &str) -> Option<js_sys::Promise> {
    IN_FLIGHT.with(|f| f.borrow().iter().find(|(u, _)| u == url).map(|(_, p)| p.clone()))
}

/// The shared data already loaded from `url`, if any.
pub fn shared(url: &str) -> Option<crate::state::Data> {
    SHARED.with(|s| s.borrow().iter().find(|(u, _)| u == url).map(|(_, d)| d.clone()))
}

/// Keeps the data loaded from `url` for the next instance that asks for it.
pub fn share(url: &str, data: &crate::state::Data) {
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        if !s.iter().any(|(u, _)| u == url) {
            s.push((url.to_owned(), data.clone()));
        }
    });
}
