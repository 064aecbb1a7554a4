//! The editor page's logic (`editor.html`): what a pasted or opened text is, every problem in it in
//! the words of `cargo xtask check-data`, the data to download, and the snippet to paste. Pure and
//! native-testable; `src/bin/editor.rs` exports it to the page's script, which only wires the DOM.
//! The widget's own wasm never links it.

use crate::format::sheet::{self, Delimiter};
use crate::format::{check, locate, timelinejs, Format, Json};
use crate::model::{DataError, Lang, Timeline};

/// What a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// This widget's JSON.
    Native,
    /// A TimelineJS3 JSON file.
    TimelineJs,
    /// A table with commas (CSV).
    Csv,
    /// A table with tabs (TSV, or cells pasted from a spreadsheet).
    Tsv,
    /// Nothing yet.
    Empty,
}

impl Kind {
    /// Its name, as the page shows it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Native => "this widget's JSON",
            Kind::TimelineJs => "a TimelineJS3 file",
            Kind::Csv => "a CSV table (TimelineJS sheet columns)",
            Kind::Tsv => "a TSV table (TimelineJS sheet columns)",
            Kind::Empty => "nothing yet",
        }
    }
}

/// One problem, placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `error` (stops the timeline) or `warning`.
    pub kind: &'static str,
    /// Line and column (1-based) in the text, when known.
    pub at: Option<(usize, usize)>,
    /// The line `cargo xtask check-data` prints for it.
    pub text: String,
}

/// A text checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// What the text is.
    pub kind: Kind,
    /// Errors first, then warnings, each in the order of the text.
    pub problems: Vec<Problem>,
    /// The summary line (`ok: 5 events, …` or `2 errors; …`).
    pub summary: String,
    /// The data in this widget's format, pretty-printed, when it is valid.
    pub json: Option<String>,
}

/// What `text` is: JSON (this widget's or TimelineJS3's, by its shape) or a table.
pub fn kind_of(text: &str, json: Option<&Json>) -> Kind {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.is_empty() {
        return Kind::Empty;
    }
    if t.starts_with('{') || t.starts_with('[') {
        return match json {
            Some(j) if timelinejs::detect(j) => Kind::TimelineJs,
            _ => Kind::Native,
        };
    }
    match Delimiter::guess(t) {
        Delimiter::Tab => Kind::Tsv,
        Delimiter::Comma => Kind::Csv,
    }
}

/// Checks `text` (called `name` in the problems' lines), exactly as `cargo xtask check-data` would.
pub fn check(name: &str, text: &str) -> Checked {
    let looks_json =
        matches!(text.trim_start_matches('\u{feff}').trim_start().chars().next(), Some('{' | '['));
    let parsed = looks_json.then(|| crate::format::read_text(text));
    let kind = kind_of(text, parsed.as_ref().and_then(|p| p.as_ref().ok()));
    let mut lost: Vec<DataError> = Vec::new();
    let (result, json): (Result<Timeline, Vec<DataError>>, Option<Json>) = match (kind, parsed) {
        (Kind::Empty, _) => {
            return Checked { kind, problems: Vec::new(), summary: String::new(), json: None };
        }
        (Kind::Csv | Kind::Tsv, _) => {
            let d = if kind == Kind::Tsv { Delimiter::Tab } else { Delimiter::Comma };
            match sheet::import(text, d) {
                Ok(imported) => (imported.validate(), Some(imported.json)),
                Err(errs) => (Err(errs), None),
            }
        }
        (_, Some(Err(e))) => (Err(vec![e]), None),
        (_, Some(Ok(j))) => {
            let (ours, mut warnings, trace) = if kind == Kind::TimelineJs {
                let (o, mut w, trace) = timelinejs::import_traced(&j);
                locate::place(text, &mut w);
                (o, w, Some(trace))
            } else {
                (j, Vec::new(), None)
            };
            let mut result = crate::format::from_json_as(&ours, Format::Native);
            match (&mut result, &trace) {
                (Ok(t), None) => locate::place(text, &mut t.warnings),
                (Err(errs), None) => locate::place(text, errs),
                // A TimelineJS3 file's problems are found in the converted data: they are named and
                // placed as the file's own (`events[1].start_date.year`), after what the import lost.
                (Ok(t), Some(trace)) => {
                    for w in &mut t.warnings {
                        w.path = timelinejs_path(&w.path, trace);
                    }
                    locate::place(text, &mut t.warnings);
                    t.warnings.splice(0..0, warnings.drain(..)).for_each(drop);
                }
                (Err(errs), Some(trace)) => {
                    for e in errs.iter_mut() {
                        e.path = timelinejs_path(&e.path, trace);
                    }
                    locate::place(text, errs);
                }
            }
            lost = warnings;
            (result, Some(ours))
        }
        (_, None) => (Err(vec![DataError::new("", "not JSON")]), None),
    };
    let valid = result.is_ok();
    let problems = match &result {
        Ok(t) => t.warnings.iter().map(|w| problem(name, "warning", w)).collect(),
        Err(errs) => {
            let mut errs = errs.clone();
            errs.sort_by_key(|e| e.at.unwrap_or((usize::MAX, 0)));
            // What a conversion lost explains its errors ("has no start_date; skipped"): kept.
            errs.iter()
                .map(|e| problem(name, "error", e))
                .chain(lost.iter().map(|w| problem(name, "warning", w)))
                .collect()
        }
    };
    let report = check::report_of(name, result);
    let summary = report.text.lines().last().unwrap_or_default().to_owned();
    Checked { kind, problems, summary, json: json.filter(|_| valid).map(|j| j.to_pretty()) }
}

/// A path in data converted from a TimelineJS3 file (`events[0].date.year`) as the path of the
/// file's own field (`events[1].start_date.year`), through the importer's trace.
fn timelinejs_path(path: &str, trace: &timelinejs::Trace) -> String {
    let Some((list, rest)) = path.split_once('[') else { return path.to_owned() };
    let Some((n, field)) = rest.split_once(']') else { return path.to_owned() };
    let (name, from) = match list {
        "events" => ("events", &trace.events),
        "periods" => ("eras", &trace.eras),
        _ => return path.to_owned(),
    };
    let Some(i) = n.parse::<usize>().ok().and_then(|k| from.get(k)) else { return path.to_owned() };
    let field = match field.split('.').nth(1).unwrap_or_default() {
        "date" => field.replacen(".date", ".start_date", 1),
        "start" => field.replacen(".start", ".start_date", 1),
        "end" => field.replacen(".end", ".end_date", 1),
        "title" | "label" => ".text.headline".to_owned(),
        "summary" => ".text.text".to_owned(),
        _ => field.to_owned(),
    };
    format!("{name}[{i}]{field}")
}

fn problem(name: &str, kind: &'static str, e: &DataError) -> Problem {
    Problem { kind, at: e.at, text: check::line(name, kind, e).trim_end().to_owned() }
}

/// The snippet to paste into an article: the script, and the element with the chosen attributes
/// (`src` the data file's URL; nothing for the defaults).
pub fn snippet(base: &str, src: &str, lang: Option<Lang>, layout: &str, theme: &str) -> String {
    let base = if base.ends_with('/') { base.to_owned() } else { format!("{base}/") };
    let mut attrs = String::new();
    let mut add = |k: &str, v: &str| {
        let v = v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
        attrs.push_str(&format!(" {k}=\"{v}\""));
    };
    if !src.trim().is_empty() {
        add("src", src.trim());
    }
    if let Some(l) = lang {
        add("lang", l.tag());
    }
    if matches!(layout, "vertical" | "horizontal") {
        add("layout", layout);
    }
    if matches!(theme, "light" | "dark") {
        add("theme", theme);
    }
    format!(
        "<script type=\"module\" src=\"{base}embed.js\"></script>\n<anti-trafficking-timeline{attrs}></anti-trafficking-timeline>"
    )
}
