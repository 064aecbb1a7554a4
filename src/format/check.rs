//! What `cargo xtask check-data FILE` prints: every problem as `FILE:LINE:COLUMN: error: PATH: what
//! was expected (and a hint)`, then the warnings, then a summary. The text is API (editors and their
//! tools read it): `tests/check_data.rs` compares it with snapshots. The editor page shows the same
//! lines ([`report_of`]); reading a file's text is native ([`report`]).

use super::{DataError, Timeline};

/// The printed report and its counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The text to print.
    pub text: String,
    /// Problems that stop the timeline.
    pub errors: usize,
    /// Things worth fixing that do not.
    pub warnings: usize,
}

/// One problem as printed: `NAME:LINE:COLUMN: KIND: PATH: message` and a newline.
pub fn line(name: &str, kind: &str, e: &DataError) -> String {
    let at = e.at.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default();
    let path = if e.path.is_empty() { "(whole file)" } else { e.path.as_str() };
    format!("{name}{at}: {kind}: {path}: {}\n", e.message)
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// Checks the data file `text` (called `name` in the messages).
#[cfg(not(target_arch = "wasm32"))]
pub fn report(name: &str, text: &str) -> Report {
    let result = super::from_str(text).map(|mut t| {
        super::locate::place(text, &mut t.warnings);
        t
    });
    report_of(name, result)
}

/// The report of an already validated file whose problems have their places (line and column).
pub fn report_of(name: &str, result: Result<Timeline, Vec<DataError>>) -> Report {
    match result {
        Ok(t) => {
            let warnings = t.warnings.clone();
            let mut out: String = warnings.iter().map(|w| line(name, "warning", w)).collect();
            let sessions: usize = t.events.iter().map(|e| e.children.len()).sum();
            out.push_str(&format!(
                "{name}: ok: {}, {}, {}{}\n",
                plural(t.events.len(), "event"),
                plural(sessions, "session"),
                plural(t.periods.len(), "period"),
                if warnings.is_empty() {
                    String::new()
                } else {
                    format!("; {}", plural(warnings.len(), "warning"))
                }
            ));
            Report { text: out, errors: 0, warnings: warnings.len() }
        }
        Err(mut errs) => {
            // In the order of the file (problems without a position last).
            errs.sort_by_key(|e| e.at.unwrap_or((usize::MAX, 0)));
            let mut out: String = errs.iter().map(|e| line(name, "error", e)).collect();
            out.push_str(&format!(
                "{name}: {}; the widget will show these instead of the timeline\n",
                plural(errs.len(), "error")
            ));
            Report { text: out, errors: errs.len(), warnings: 0 }
        }
    }
}
