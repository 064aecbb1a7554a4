//! Problems found in a data file: each names *where* (a JSON path) and *what* was expected.

use std::fmt;

/// One problem in a data file, e.g. `events[12].date.month: 13 is not a month (1–12)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// JSON path of the offending value (`events[12].date.month`); empty for the document itself.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// Line and column (1-based) in the file's text, when the problem came from text.
    pub at: Option<(usize, usize)>,
}

impl DataError {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into(), at: None }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "(whole file): {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Joins a path and a key: `join("events[3]", "date")` is `events[3].date`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Indexes a path: `index("events", 3)` is `events[3]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// `s`, shortened to 60 characters for quoting in a message.
pub fn shown(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_owned()
    } else {
        let head: String = s.chars().take(59).collect();
        format!("{head}…")
    }
}
