//! Spreadsheet tables in: CSV or TSV in the columns of the TimelineJS Google Sheets template (Year,
//! Month, Day, Time, End Year, …, Headline, Text, Media, …, Type, Group, Background), as "Download as
//! CSV" writes them. A table becomes a TimelineJS3 file the way TimelineJS itself reads a sheet, then
//! this widget's format through [`super::timelinejs`]; every problem, the importer's warnings and the
//! validation's errors alike, is placed at its spreadsheet row (the header is row 1) and column name,
//! with the line and column of that cell in the text.
//!
//! The fields are split by `csv-core` (quoted fields, doubled quotes, line breaks inside quotes, CRLF).
//! The widget's own wasm never calls this module: tables are read by the editor's module.

use super::json::Json;
use super::{timelinejs, DataError};

/// The template's columns, as TimelineJS names them (matched without regard to case or spaces), and
/// the TimelineJS3 field each one fills.
const COLUMNS: &[(&str, &str)] = &[
    ("Year", "start_date.year"),
    ("Month", "start_date.month"),
    ("Day", "start_date.day"),
    ("Time", "start_date.time"),
    ("End Year", "end_date.year"),
    ("End Month", "end_date.month"),
    ("End Day", "end_date.day"),
    ("End Time", "end_date.time"),
    ("Display Date", "display_date"),
    ("Headline", "text.headline"),
    ("Text", "text.text"),
    ("Media", "media.url"),
    ("Media Credit", "media.credit"),
    ("Media Caption", "media.caption"),
    ("Media Thumbnail", "media.thumbnail"),
    ("Alt Text", "media.alt"),
    ("Type", "type"),
    ("Group", "group"),
    ("Background", "background"),
];

/// Which delimiter a table uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// Commas (CSV).
    Comma,
    /// Tabs (TSV, or cells pasted from a spreadsheet).
    Tab,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
        }
    }

    /// Tabs if the first line has a tab, else commas.
    pub fn guess(text: &str) -> Self {
        if text.lines().next().is_some_and(|l| l.contains('\t')) {
            Delimiter::Tab
        } else {
            Delimiter::Comma
        }
    }
}

/// One cell: its text, and its line and column (1-based) in the table's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, unquoted.
    pub text: String,
    /// Line and column of its first character.
    pub at: (usize, usize),
}

/// A table's records, each with its spreadsheet row number (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Records in order; the first is the header.
    pub records: Vec<(usize, Vec<Cell>)>,
    /// Where a quote opens a cell and is never closed (the rest of the text is then in that cell).
    pub unclosed: Option<(usize, usize)>,
}

/// Line and column (1-based, in characters) of byte offsets in one text, from its line starts.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self.text.get(start..offset).map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }
}

/// Splits `text` into records of cells (blank records are left out; row numbers still count them).
pub fn read(text: &str, delimiter: Delimiter) -> Table {
    use csv_core::ReadFieldResult;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let lines = Lines::new(text);
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter.byte()).build();
    let (mut pos, mut start, mut row, mut last_line) = (0, 0, 0, 0);
    let (mut records, mut cells, mut field) = (Vec::new(), Vec::new(), Vec::new());
    let mut unclosed = None;
    let mut buf = [0u8; 1024];
    loop {
        // An empty input is the end of the text: the reader then closes the last field and record.
        let (result, nin, nout) = reader.read_field(bytes.get(pos..).unwrap_or_default(), &mut buf);
        pos += nin;
        field.extend_from_slice(buf.get(..nout).unwrap_or_default());
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => {}
            ReadFieldResult::Field { record_end } => {
                // The cell starts after the line break that ended the record before it.
                let skip = bytes
                    .get(start..pos)
                    .map_or(0, |s| s.iter().take_while(|b| matches!(b, b'\n' | b'\r')).count());
                let at = lines.at(start + skip);
                // A quote that opens a cell and is never closed swallows the rest of the text.
                let raw = bytes.get(start + skip..pos).unwrap_or_default();
                if raw.first() == Some(&b'"') && raw.iter().filter(|b| **b == b'"').count() % 2 == 1 {
                    unclosed.get_or_insert(at);
                }
                if cells.is_empty() {
                    // The reader skips blank lines; a spreadsheet counts them as rows.
                    row += 1 + at.0.saturating_sub(last_line + 1);
                }
                cells.push(Cell { text: String::from_utf8_lossy(&field).into_owned(), at });
                field.clear();
                start = pos;
                if record_end {
                    last_line = lines.at(pos.saturating_sub(1)).0;
                    let record = std::mem::take(&mut cells);
                    if !record.iter().all(|c| c.text.trim().is_empty()) {
                        records.push((row, record));
                    }
                }
            }
            ReadFieldResult::End => break,
        }
    }
    Table { records, unclosed }
}

/// Where a TimelineJS3 path of a converted table came from: the row, and the column of each field.
struct Origin {
    /// Spreadsheet row of each converted event (`events[i]`), era (`eras[i]`) and the title slide.
    events: Vec<usize>,
    eras: Vec<usize>,
    title: Option<usize>,
    /// Header: column name (as the template writes it) → index in the records.
    columns: Vec<(&'static str, usize)>,
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '_').flat_map(char::to_lowercase).collect()
}

/// A `Time` cell (`13:45`, `13:45:00`, `1:45 PM`, `1:45 p.m.`, `1345`) → hour and minute (and
/// whether seconds were given and dropped); `None` when it is not a time.
fn time(s: &str) -> Option<(i64, i64, bool)> {
    let t = s.trim().to_ascii_lowercase().replace('.', "");
    let (t, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(r), _) => (r.trim().to_owned(), Some(true)),
        (_, Some(r)) => (r.trim().to_owned(), Some(false)),
        _ => (t, None),
    };
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        vec![t.get(..2)?, t.get(2..)?]
    } else if !t.is_empty() && t.len() <= 2 && pm.is_some() {
        vec![t.as_str(), "0"]
    } else {
        return None;
    };
    let num = |s: &str| s.trim().parse::<i64>().ok();
    let (mut h, m) = (num(parts.first()?)?, num(parts.get(1)?)?);
    let seconds = parts.get(2).and_then(|s| num(s)).is_some_and(|s| s != 0);
    if parts.len() > 3 || !(0..60).contains(&m) {
        return None;
    }
    match pm {
        Some(true) if (1..12).contains(&h) => h += 12,
        Some(false) if h == 12 => h = 0,
        Some(_) if !(1..=12).contains(&h) => return None,
        _ => {}
    }
    (0..24).contains(&h).then_some((h, m, seconds))
}

/// A sheet converted to a TimelineJS3 file, and the problems found in its cells.
/// Errors in cells (a year that is not a number) are returned beside the file, which leaves out what
/// they concern, so that the rest of the table is still checked.
#[allow(clippy::type_complexity, reason = "one private function's four results")]
fn to_timelinejs(table: &Table) -> Result<(Json, Origin, Vec<DataError>, Vec<DataError>), Vec<DataError>> {
    let mut warnings = Vec::new();
    let Some((header_row, header)) = table.records.first() else {
        return Err(vec![DataError::new("", "the table is empty; expected a header row (Year, Month, Day, …, Headline, Text, …) and one row per event")]);
    };
    let mut columns: Vec<(&'static str, usize)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let name = cell.text.trim();
        if name.is_empty() {
            continue;
        }
        let alias = if norm(name) == "tag" { "Group" } else { name };
        match COLUMNS.iter().find(|(c, _)| norm(c) == norm(alias)) {
            Some((c, _)) if columns.iter().any(|(k, _)| k == c) => warnings.push(placed(
                DataError::new(
                    format!("row {header_row}, {c}"),
                    "is a second column of this name; only the first is read",
                ),
                cell.at,
            )),
            Some((c, _)) => columns.push((c, i)),
            None => warnings.push(placed(
                DataError::new(
                    format!("row {header_row}, {}", super::shown(name)),
                    "is not a column of the TimelineJS template; it is ignored",
                ),
                cell.at,
            )),
        }
    }
    let missing: Vec<&str> =
        ["Year", "Headline"].into_iter().filter(|c| !columns.iter().any(|(k, _)| k == c)).collect();
    if !missing.is_empty() {
        let at = header.first().map_or((1, 1), |c| c.at);
        return Err(vec![placed(
            DataError::new(
                format!("row {header_row}"),
                format!(
                    "has no {} column; the first row names the columns, as in the TimelineJS template (Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background)",
                    missing.join(" or ")
                ),
            ),
            at,
        )]);
    }
    let mut origin = Origin { events: Vec::new(), eras: Vec::new(), title: None, columns };
    let mut errs = Vec::new();
    if let Some(at) = table.unclosed {
        errs.push(placed(
            DataError::new(
                format!("line {}", at.0),
                "a quote opens this cell and is never closed, so the rest of the table is read as this one cell; close it with \"",
            ),
            at,
        ));
    }
    let (mut events, mut eras, mut title) = (Vec::new(), Vec::new(), None);
    for (row, cells) in table.records.iter().skip(1) {
        let get = |c: &str| {
            origin
                .columns
                .iter()
                .find(|(k, _)| *k == c)
                .and_then(|(_, i)| cells.get(*i))
                .filter(|cell| !cell.text.trim().is_empty())
        };
        let at_of =
            |c: &str| get(c).map(|cell| cell.at).or_else(|| cells.first().map(|c| c.at)).unwrap_or((1, 1));
        let mut slide: Vec<(String, Json)> = Vec::new();
        let date = |prefix: &str,
                    slide: &mut Vec<(String, Json)>,
                    errs: &mut Vec<DataError>,
                    warnings: &mut Vec<DataError>| {
            let mut parts: Vec<(String, Json)> = Vec::new();
            for (key, col) in [("year", "Year"), ("month", "Month"), ("day", "Day")] {
                let col = if prefix == "end_date" { ["End ", col].concat() } else { col.to_owned() };
                let Some(cell) = get(&col) else { continue };
                let digits: String = cell.text.chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
                match digits.parse::<i64>() {
                    #[allow(
                        clippy::cast_precision_loss,
                        reason = "a year of at most 15 digits converts exactly"
                    )]
                    Ok(v) if v.unsigned_abs() < 1_000_000_000_000_000 => {
                        parts.push((key.to_owned(), Json::Number(v as f64)))
                    }
                    _ => {
                        errs.push(placed(
                            DataError::new(
                                format!("row {row}, {col}"),
                                format!("\"{}\" is not a whole number", super::shown(&cell.text)),
                            ),
                            cell.at,
                        ));
                        break; // the finer parts mean nothing without it
                    }
                }
            }
            let tcol = if prefix == "end_date" { "End Time" } else { "Time" };
            if let Some(cell) = get(tcol) {
                match time(&cell.text) {
                    #[allow(clippy::cast_precision_loss, reason = "an hour or minute converts exactly")]
                    Some((h, m, seconds)) => {
                        parts.push(("hour".to_owned(), Json::Number(h as f64)));
                        parts.push(("minute".to_owned(), Json::Number(m as f64)));
                        if seconds {
                            warnings.push(placed(
                                DataError::new(
                                    format!("row {row}, {tcol}"),
                                    "seconds are not shown: this widget shows times to the minute",
                                ),
                                cell.at,
                            ));
                        }
                    }
                    None => errs.push(placed(
                        DataError::new(
                            format!("row {row}, {tcol}"),
                            format!(
                                "\"{}\" is not a time; write it like 13:45 or 1:45 PM",
                                super::shown(&cell.text)
                            ),
                        ),
                        cell.at,
                    )),
                }
            }
            if !parts.is_empty() {
                slide.push((prefix.to_owned(), Json::Object(parts)));
            }
        };
        let before = errs.len();
        date("start_date", &mut slide, &mut errs, &mut warnings);
        let bad_year = errs.get(before..).unwrap_or_default().iter().any(|e| e.path.ends_with(", Year"));
        date("end_date", &mut slide, &mut errs, &mut warnings);
        if bad_year {
            continue; // reported; the rest of the table is still read and checked
        }
        let text_of = |c: &str| get(c).map(|cell| Json::String(cell.text.trim().to_owned()));
        if let Some(d) = text_of("Display Date") {
            slide.push(("display_date".to_owned(), d));
        }
        let text: Vec<(String, Json)> = [("headline", "Headline"), ("text", "Text")]
            .into_iter()
            .filter_map(|(k, c)| text_of(c).map(|v| (k.to_owned(), v)))
            .collect();
        if !text.is_empty() {
            slide.push(("text".to_owned(), Json::Object(text)));
        }
        let media: Vec<(String, Json)> = [
            ("url", "Media"),
            ("credit", "Media Credit"),
            ("caption", "Media Caption"),
            ("thumbnail", "Media Thumbnail"),
            ("alt", "Alt Text"),
        ]
        .into_iter()
        .filter_map(|(k, c)| text_of(c).map(|v| (k.to_owned(), v)))
        .collect();
        if !media.is_empty() {
            slide.push(("media".to_owned(), Json::Object(media)));
        }
        if let Some(g) = text_of("Group") {
            slide.push(("group".to_owned(), g));
        }
        if let Some(Json::String(b)) = text_of("Background") {
            let key = if b.starts_with("http://") || b.starts_with("https://") || b.starts_with('/') {
                "url"
            } else {
                "color"
            };
            slide.push(("background".to_owned(), Json::Object(vec![(key.to_owned(), Json::String(b))])));
        }
        let kind = get("Type").map(|c| c.text.trim().to_ascii_lowercase()).unwrap_or_default();
        match kind.as_str() {
            "title" if title.is_none() => {
                title = Some(Json::Object(slide));
                origin.title = Some(*row);
            }
            "era" => {
                eras.push(Json::Object(slide));
                origin.eras.push(*row);
            }
            other => {
                if other == "title" {
                    warnings.push(placed(
                        DataError::new(
                            format!("row {row}, Type"),
                            "a second title row; TimelineJS shows it as an event, and so does this widget",
                        ),
                        at_of("Type"),
                    ));
                } else if !other.is_empty() {
                    warnings.push(placed(
                        DataError::new(
                            format!("row {row}, Type"),
                            format!(
                                "\"{}\" is not a type (title or era); the row is an event",
                                super::shown(other)
                            ),
                        ),
                        at_of("Type"),
                    ));
                }
                events.push(Json::Object(slide));
                origin.events.push(*row);
            }
        }
    }
    let mut doc = Vec::new();
    if let Some(t) = title {
        doc.push(("title".to_owned(), t));
    }
    doc.push(("events".to_owned(), Json::Array(events)));
    if !eras.is_empty() {
        doc.push(("eras".to_owned(), Json::Array(eras)));
    }
    Ok((Json::Object(doc), origin, warnings, errs))
}

fn placed(mut e: DataError, at: (usize, usize)) -> DataError {
    e.at = Some(at);
    e
}

/// The column a field of a TimelineJS3 slide, or of this widget's entry, comes from.
fn column_of(field: &str) -> Option<&'static str> {
    let (head, rest) = field.split_once('.').unwrap_or((field, ""));
    let end = matches!(head, "end_date" | "end");
    let part = |p: &str| match p.split('.').next().unwrap_or_default() {
        "year" => Some(if end { "End Year" } else { "Year" }),
        "month" => Some(if end { "End Month" } else { "Month" }),
        "day" => Some(if end { "End Day" } else { "Day" }),
        "hour" | "minute" | "second" | "millisecond" => Some(if end { "End Time" } else { "Time" }),
        "display_date" => Some("Display Date"),
        _ => None,
    };
    match head {
        "start_date" | "end_date" | "date" | "end" | "start" => {
            part(rest).or(Some(if end { "End Year" } else { "Year" }))
        }
        "text" => Some(if rest.starts_with("text") { "Text" } else { "Headline" }),
        "media" => COLUMNS
            .iter()
            .find(|(_, f)| f.strip_prefix("media.") == rest.split('.').next())
            .map(|(c, _)| *c)
            .or(Some("Media")),
        "display_date" | "note" => Some("Display Date"),
        "group" | "category" => Some("Group"),
        "background" => Some("Background"),
        "title" | "label" | "unique_id" | "id" => Some("Headline"),
        "summary" => Some("Text"),
        "sources" => Some("Media"),
        _ => None,
    }
}

/// `events[3].start_date.month` (or this widget's `events[3].date.month`) → `row 5, Month`, at that
/// cell; `list` names the rows of `events[…]`, `eras` those of `eras[…]` or `periods[…]`.
fn relocate(e: &mut DataError, table: &Table, origin: &Origin, ours: bool) {
    let rows = |name: &str| match name {
        "events" => Some(&origin.events),
        "eras" => Some(&origin.eras),
        "periods" if ours => Some(&origin.eras),
        _ => None,
    };
    let path = e.path.clone();
    let (row, field) = if let Some(rest) = path.strip_prefix("title") {
        (origin.title, rest.trim_start_matches('.').to_owned())
    } else if let Some((list, rest)) = path.split_once('[') {
        let (n, field) = rest.split_once(']').unwrap_or((rest, ""));
        let row = rows(list).and_then(|r| n.parse::<usize>().ok().and_then(|i| r.get(i)).copied());
        (row, field.trim_start_matches('.').to_owned())
    } else {
        (None, path.clone())
    };
    let Some(row) = row else { return };
    let column = column_of(&field);
    let cells = table.records.iter().find(|(r, _)| *r == row).map(|(_, c)| c);
    let cell = column
        .and_then(|c| origin.columns.iter().find(|(k, _)| *k == c))
        .and_then(|(_, i)| cells.and_then(|c| c.get(*i)));
    e.at = cell.or_else(|| cells.and_then(|c| c.first())).map(|c| c.at);
    e.path = match column {
        Some(c) => format!("row {row}, {c}"),
        None => format!("row {row}"),
    };
}

/// A table converted to this widget's format, with what it takes to place later problems.
pub struct Imported {
    /// The data, in this widget's format.
    pub json: Json,
    /// What the conversion dropped or changed, each at its row and column.
    pub warnings: Vec<DataError>,
    /// Cells the conversion could not read (they stop the timeline, as validation errors do).
    pub errors: Vec<DataError>,
    table: Table,
    origin: Origin,
}

impl Imported {
    /// Places problems of the converted data (`events[3].date.month`) at their row and column
    /// (`row 5, Month`, with that cell's line and column in the table's text).
    pub fn place(&self, errs: &mut [DataError]) {
        for e in errs {
            relocate(e, &self.table, &self.origin, true);
        }
    }

    /// The converted data validated: the timeline (its warnings placed too, after the conversion's),
    /// or every problem, placed.
    pub fn validate(&self) -> Result<super::Timeline, Vec<DataError>> {
        let result = super::from_json_as(&self.json, super::Format::Native);
        match result {
            Ok(mut t) if self.errors.is_empty() => {
                self.place(&mut t.warnings);
                t.warnings.splice(0..0, self.warnings.iter().cloned());
                Ok(t)
            }
            other => {
                let mut errs = other.err().unwrap_or_default();
                self.place(&mut errs);
                errs.extend(self.errors.iter().cloned());
                // In the order of the table.
                errs.sort_by_key(|e| e.at.unwrap_or((usize::MAX, 0)));
                Err(errs)
            }
        }
    }
}

/// A table converted to this widget's format (see the module's description), with the cells it could
/// not read; or the problem that stops it (no header row, a missing column), placed.
pub fn import(text: &str, delimiter: Delimiter) -> Result<Imported, Vec<DataError>> {
    let table = read(text, delimiter);
    let (tjs, origin, mut warnings, errors) = to_timelinejs(&table)?;
    let (json, mut more, from) = timelinejs::import_traced(&tjs);
    for w in &mut more {
        relocate(w, &table, &origin, false);
    }
    warnings.extend(more);
    // The converted entries (`events[k]`, `periods[k]`) point back to the rows they came from.
    let origin = Origin {
        events: from.events.iter().filter_map(|i| origin.events.get(*i).copied()).collect(),
        eras: from.eras.iter().filter_map(|i| origin.eras.get(*i).copied()).collect(),
        ..origin
    };
    Ok(Imported { json, warnings, errors, table, origin })
}
