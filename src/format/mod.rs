//! The file format: JSON text → a JSON tree → wire types → a validated [`Timeline`], with every problem
//! and its place (path, line and column); TimelineJS3 files converted on the way; and, for editors,
//! the check-data report and the JSON Schema (native only).
//!
//! Data flows one way: JSON text → [`Json`] → `wire::RawDoc` → `validate` → [`Timeline`]. Only `wire`
//! knows the field names (`wire::field`); validation, the schema and the importer take them from there.
//! Depends on `model`, never the other way round; no `yew`, `web_sys` or `js_sys`.

pub mod check;
mod json;
pub mod locate;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sheet;
#[cfg(not(target_arch = "wasm32"))]
pub mod split;
pub mod timelinejs;
mod validate;
pub mod wire;

pub use json::{too_deep, Json, MAX_DEPTH};
pub use validate::validate;
pub use wire::shown;

// The domain types, in scope for the modules below.
use crate::model::{
    url_host, Category, DataError, DateError, Event, EventId, Info, Lang, PartialDate, Period, Placement,
    Precision, Source, Start, Timeline, Translation,
};

/// Which format a data file is in: found from its shape, or declared by the page (`format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// This widget's format, or TimelineJS3 if the file looks like it.
    #[default]
    Auto,
    /// This widget's format only.
    Native,
    /// A TimelineJS3 file, converted.
    TimelineJs3,
    /// A table in the TimelineJS sheet's columns (`csv`, or `tsv` with tabs), read by the editor's
    /// module (`sheet`), which the widget loads only for such a file.
    Table {
        /// Tabs between cells.
        tsv: bool,
    },
}

impl Format {
    /// `auto`, `native`, `timelinejs3` (also `timelinejs`), `csv` or `tsv`, as in the `format` attribute.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(Format::Auto),
            "native" => Some(Format::Native),
            "timelinejs3" | "timelinejs" => Some(Format::TimelineJs3),
            "csv" => Some(Format::Table { tsv: false }),
            "tsv" => Some(Format::Table { tsv: true }),
            _ => None,
        }
    }
}

/// The name of the widget's data file in `lang` (`timeline.fr.json`), in `data/` beside its files:
/// written by `cargo xtask split-data` (`split::for_lang`), fetched by the widget.
pub fn split_file_name(lang: Lang) -> String {
    format!("timeline.{}.json", lang.tag())
}

/// Validates a JSON tree (from any parser) into a [`Timeline`], or every problem found.
pub fn from_json(json: &Json) -> Result<Timeline, Vec<DataError>> {
    from_json_as(json, Format::Auto)
}

/// [`from_json`] for a file in a given (or detected) format.
pub fn from_json_as(json: &Json, format: Format) -> Result<Timeline, Vec<DataError>> {
    from_json_with(json, format, Some(timelinejs::import))
}

/// Converts a TimelineJS3 file to this format, with what it could not keep ([`timelinejs::import`]).
pub type Converter = fn(&Json) -> (Json, Vec<DataError>);

/// Whether `json`, declared `format`, is a TimelineJS3 file to convert first.
pub fn is_timelinejs(json: &Json, format: Format) -> bool {
    match format {
        Format::Auto => timelinejs::detect(json),
        // A table arrives here already converted to this format.
        Format::Native | Format::Table { .. } => false,
        Format::TimelineJs3 => true,
    }
}

/// [`from_json_as`] with the converter given: the widget has none (its wasm leaves the importer out
/// and converts through the editor's module, asynchronously, before it gets here), so a TimelineJS3
/// file is then an error that says so.
pub fn from_json_with(
    json: &Json,
    format: Format,
    convert: Option<Converter>,
) -> Result<Timeline, Vec<DataError>> {
    // A TimelineJS3 file is converted first; what it cannot keep comes back as warnings.
    if is_timelinejs(json, format) {
        let Some(convert) = convert else {
            return Err(vec![DataError::new(
                "",
                "a TimelineJS3 file: it is converted when loaded through embed.js",
            )]);
        };
        let (ours, warnings) = convert(json);
        let mut t = from_native(&ours)?;
        t.warnings.splice(0..0, warnings);
        return Ok(t);
    }
    from_native(json)
}

/// [`from_json`] for a file in this widget's own format.
fn from_native(json: &Json) -> Result<Timeline, Vec<DataError>> {
    let mut errs = Vec::new();
    let raw = wire::decode(json, &mut errs);
    validate(raw, errs).map_err(|mut errs| {
        // A hostile or badly broken file can have millions of problems: list the first ones.
        if errs.len() > MAX_ERRORS {
            let more = errs.len() - MAX_ERRORS;
            errs.truncate(MAX_ERRORS);
            errs.push(DataError::new(
                "",
                format!("… and {more} more problems (the first {MAX_ERRORS} are listed)"),
            ));
        }
        errs
    })
}

/// Most problems listed for one data file.
pub const MAX_ERRORS: usize = 100;

/// Parses and validates JSON text (natively, and in the editor's module; the widget uses
/// `JSON.parse`, see `source`).
pub fn from_str(text: &str) -> Result<Timeline, Vec<DataError>> {
    let json = read_text(text).map_err(|e| vec![e])?;
    from_json(&json).map_err(|mut errs| {
        locate::place(text, &mut errs);
        errs
    })
}

/// JSON text as a tree (serde_json); a syntax error says where, in check-data's words, with a hint
/// for the usual causes (a comma missing at the end of the line before, or one too many).
pub fn read_text(text: &str) -> Result<Json, DataError> {
    serde_json::from_str::<Json>(text).map_err(|e| {
        let text = e.to_string();
        let hint = if text.starts_with("expected `,` or") {
            "; a comma is probably missing at the end of the line before"
        } else if text.starts_with("trailing comma") {
            "; remove the comma after the last item"
        } else {
            ""
        };
        let mut err = DataError::new("", format!("not valid JSON: {text}{hint}"));
        err.at = Some((e.line(), e.column()));
        err
    })
}
