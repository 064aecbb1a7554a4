//! The JSON shape of data format v1, and the only code that knows it.
//!
//! `decode` walks a [`Json`] tree into the `Raw*` wire types, which mirror the file 1:1 (every
//! field optional). It reports *shape* problems — a missing required field, a wrong JSON type, an
//! unknown field (with a "did you mean" hint) — and keeps going, so that one pass finds every problem.
//! Meaning (real dates, unique ids, URLs, spans) is checked afterwards by `validate`.

use super::json::Json;
use crate::model::error::{index, join, DataError};
pub use crate::model::shown;

/// The format version this widget reads.
pub const FORMAT_VERSION: i64 = 1;

/// A whole data file.
#[derive(Debug, Default)]
pub struct RawDoc {
    pub version: Option<i64>,
    /// Converted from TimelineJS3 (`"origin": "timelinejs3"`): summaries and sources may be missing.
    pub imported: bool,
    pub title: Option<String>,
    pub description: Option<String>,
    pub start: Option<RawStart>,
    pub events: Vec<RawEvent>,
    pub periods: Vec<RawPeriod>,
    /// Translations of `title` and `description` (kept as `title` and `summary`).
    pub i18n: Vec<RawTranslation>,
}

/// `{"event": id}` or `{"from": date, "to": date}`: what the widget shows first.
#[derive(Debug, Default)]
pub struct RawStart {
    pub path: String,
    pub event: Option<String>,
    pub from: Option<RawDate>,
    pub to: Option<RawDate>,
}

/// `{"year": …, "month": …, "day": …, "hour": …, "minute": …, "approximate": …}`
#[derive(Debug, Default)]
pub struct RawDate {
    pub path: String,
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
    pub approximate: bool,
    /// The latest the date can be, when the sources give only a window (`"latest"`).
    pub latest: Option<Box<RawDate>>,
}

/// `{"title": …, "url": …}`
#[derive(Debug, Default)]
pub struct RawSource {
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// An event, or a child of an event (a session of a meeting).
#[derive(Debug, Default)]
pub struct RawEvent {
    pub path: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub label: Option<String>,
    pub date: Option<RawDate>,
    pub end: Option<RawDate>,
    pub days: Option<i64>,
    pub category: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
    pub actors: Vec<String>,
    pub sources: Vec<RawSource>,
    pub i18n: Vec<RawTranslation>,
    /// Children only: the day of the parent event (1 = first day).
    pub day: Option<i64>,
    pub children: Vec<RawEvent>,
}

/// A labelled span of time drawn as a background band (a mandate, an evaluation round).
#[derive(Debug, Default)]
pub struct RawPeriod {
    pub path: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub label: Option<String>,
    pub group: Option<String>,
    pub category: Option<String>,
    pub start: Option<RawDate>,
    pub end: Option<RawDate>,
    pub summary: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<RawSource>,
    pub i18n: Vec<RawTranslation>,
}

/// `"i18n": {"fr": {"title": …, "label": …, "summary": …, "note": …}, …}`: one language of it.
#[derive(Debug, Default)]
pub struct RawTranslation {
    pub path: String,
    pub lang: String,
    pub title: Option<String>,
    pub label: Option<String>,
    pub summary: Option<String>,
    pub note: Option<String>,
    /// Periods only: the name of their row.
    pub group: Option<String>,
    /// The document only: actors' names in this language, `(path, English name, translation)`.
    pub actors: Vec<(String, String, String)>,
}

/// The field names of the format, written once: the decoder, validation, the schema and the TimelineJS3
/// importer all take them from here.
pub mod field {
    /// `"$schema"`
    pub const SCHEMA: &str = "$schema";
    /// `"version"`
    pub const VERSION: &str = "version";
    /// `"origin"`
    pub const ORIGIN: &str = "origin";
    /// `"title"`
    pub const TITLE: &str = "title";
    /// `"description"`
    pub const DESCRIPTION: &str = "description";
    /// `"start"`
    pub const START: &str = "start";
    /// `"events"`
    pub const EVENTS: &str = "events";
    /// `"periods"`
    pub const PERIODS: &str = "periods";
    /// `"i18n"`
    pub const I18N: &str = "i18n";
    /// `"event"`
    pub const EVENT: &str = "event";
    /// `"from"`
    pub const FROM: &str = "from";
    /// `"to"`
    pub const TO: &str = "to";
    /// `"year"`
    pub const YEAR: &str = "year";
    /// `"month"`
    pub const MONTH: &str = "month";
    /// `"day"`
    pub const DAY: &str = "day";
    /// `"hour"`
    pub const HOUR: &str = "hour";
    /// `"minute"`
    pub const MINUTE: &str = "minute";
    /// `"approximate"`
    pub const APPROXIMATE: &str = "approximate";
    /// `"latest"`
    pub const LATEST: &str = "latest";
    /// `"url"`
    pub const URL: &str = "url";
    /// `"id"`
    pub const ID: &str = "id";
    /// `"label"`
    pub const LABEL: &str = "label";
    /// `"date"`
    pub const DATE: &str = "date";
    /// `"end"`
    pub const END: &str = "end";
    /// `"days"`
    pub const DAYS: &str = "days";
    /// `"category"`
    pub const CATEGORY: &str = "category";
    /// `"summary"`
    pub const SUMMARY: &str = "summary";
    /// `"note"`
    pub const NOTE: &str = "note";
    /// `"actors"`
    pub const ACTORS: &str = "actors";
    /// `"sources"`
    pub const SOURCES: &str = "sources";
    /// `"children"`
    pub const CHILDREN: &str = "children";
    /// `"group"`
    pub const GROUP: &str = "group";
}

pub(crate) const TRANSLATION_FIELDS: &[&str] = &[field::TITLE, field::LABEL, field::SUMMARY, field::NOTE];
/// A period's text also names its row.
pub(crate) const PERIOD_TRANSLATION_FIELDS: &[&str] =
    &[field::TITLE, field::LABEL, field::GROUP, field::SUMMARY, field::NOTE];

/// `$schema` points editors' tools to `timeline.schema.json`; the widget ignores it.
pub(crate) const DOC_FIELDS: &[&str] = &[
    field::SCHEMA,
    field::VERSION,
    field::ORIGIN,
    field::TITLE,
    field::DESCRIPTION,
    field::START,
    field::EVENTS,
    field::PERIODS,
    field::I18N,
];

/// `"origin": "timelinejs3"`: the file was converted from TimelineJS3, whose entries may lack
/// summaries and sources (the widget then allows that; add them and remove the line).
pub const ORIGIN_TIMELINEJS: &str = "timelinejs3";

/// What a file may leave out: imported files may lack summaries and sources.
#[derive(Clone, Copy)]
struct Rules {
    imported: bool,
}
/// The document's translations also name the actors, once for the whole file:
/// `"actors": {"Council of Europe": "Conseil de l’Europe", …}`.
pub(crate) const DOC_TRANSLATION_FIELDS: &[&str] = &[field::TITLE, field::DESCRIPTION, field::ACTORS];
pub(crate) const START_FIELDS: &[&str] = &[field::EVENT, field::FROM, field::TO];
pub(crate) const DATE_FIELDS: &[&str] =
    &[field::YEAR, field::MONTH, field::DAY, field::HOUR, field::MINUTE, field::APPROXIMATE, field::LATEST];
/// A date's `latest` bound: a plain date.
pub(crate) const LATEST_FIELDS: &[&str] =
    &[field::YEAR, field::MONTH, field::DAY, field::HOUR, field::MINUTE];
pub(crate) const SOURCE_FIELDS: &[&str] = &[field::TITLE, field::URL];
pub(crate) const EVENT_FIELDS: &[&str] = &[
    field::ID,
    field::TITLE,
    field::LABEL,
    field::DATE,
    field::END,
    field::DAYS,
    field::CATEGORY,
    field::SUMMARY,
    field::NOTE,
    field::ACTORS,
    field::SOURCES,
    field::CHILDREN,
    field::I18N,
];
pub(crate) const CHILD_FIELDS: &[&str] = &[
    field::ID,
    field::TITLE,
    field::LABEL,
    field::DATE,
    field::END,
    field::DAY,
    field::CATEGORY,
    field::SUMMARY,
    field::NOTE,
    field::ACTORS,
    field::SOURCES,
    field::I18N,
];
pub(crate) const PERIOD_FIELDS: &[&str] = &[
    field::ID,
    field::TITLE,
    field::LABEL,
    field::GROUP,
    field::CATEGORY,
    field::START,
    field::END,
    field::SUMMARY,
    field::NOTE,
    field::SOURCES,
    field::I18N,
];

/// Most top-level events in a file.
pub const MAX_EVENTS: usize = 100_000;
/// Most sessions (children) in one event.
pub const MAX_CHILDREN: usize = 500;
/// Most periods in a file.
pub const MAX_PERIODS: usize = 1_000;
/// Most sources of one entry.
pub const MAX_SOURCES: usize = 50;
/// Most actors of one entry.
pub const MAX_ACTORS: usize = 50;
/// Longest text value, in characters (fields have tighter limits; see `validate`).
pub const MAX_STRING: usize = 20_000;
/// Longest name in a list of names (actors), in characters.
pub(crate) const MAX_TITLE_LIKE: usize = 200;

/// Decodes a whole document, appending every shape problem to `errs`.
pub fn decode(json: &Json, errs: &mut Vec<DataError>) -> RawDoc {
    let Some(o) = Obj::new(json, "", DOC_FIELDS, errs) else {
        return RawDoc::default();
    };
    let version = o.int(field::VERSION, true, errs);
    let origin = o.string(field::ORIGIN, false, errs);
    let imported = match origin.as_deref() {
        None => false,
        Some(ORIGIN_TIMELINEJS) => true,
        Some(other) => {
            errs.push(DataError::new(
                field::ORIGIN,
                format!(
                    "\"{}\" is not an origin this widget knows; expected \"{ORIGIN_TIMELINEJS}\"",
                    shown(other)
                ),
            ));
            false
        }
    };
    let rules = Rules { imported };
    let title = o.string(field::TITLE, false, errs);
    let description = o.string(field::DESCRIPTION, false, errs);
    let start = o.object(field::START, false, errs).and_then(|(path, j)| {
        let s = Obj::new(j, &path, START_FIELDS, errs)?;
        Some(RawStart {
            event: s.string(field::EVENT, false, errs),
            from: s.object(field::FROM, false, errs).and_then(|(p, j)| decode_date(j, p, errs)),
            to: s.object(field::TO, false, errs).and_then(|(p, j)| decode_date(j, p, errs)),
            path,
        })
    });
    let events = o
        .list(field::EVENTS, true, errs)
        .and_then(|l| at_most(l, MAX_EVENTS, errs))
        .map(|(path, items)| {
            decode_all(items, &path, errs, |j, p, e| decode_event(j, p, EVENT_FIELDS, rules, e))
        })
        .unwrap_or_default();
    let periods = o
        .list(field::PERIODS, false, errs)
        .and_then(|l| at_most(l, MAX_PERIODS, errs))
        .map(|(path, items)| decode_all(items, &path, errs, |j, p, e| decode_period(j, p, rules, e)))
        .unwrap_or_default();
    let i18n = decode_translations(&o, DOC_TRANSLATION_FIELDS, errs);
    RawDoc { version, imported, title, description, start, events, periods, i18n }
}

/// The list, unless it has more than `max` items (then one error, and nothing is decoded).
fn at_most<'j>(
    (path, items): (String, &'j [Json]),
    max: usize,
    errs: &mut Vec<DataError>,
) -> Option<(String, &'j [Json])> {
    if items.len() > max {
        errs.push(DataError::new(path, format!("has {} items; at most {max} are allowed", items.len())));
        return None;
    }
    Some((path, items))
}

fn decode_all<T>(
    items: &[Json],
    path: &str,
    errs: &mut Vec<DataError>,
    f: impl Fn(&Json, String, &mut Vec<DataError>) -> Option<T>,
) -> Vec<T> {
    items.iter().enumerate().filter_map(|(i, j)| f(j, index(path, i), errs)).collect()
}

fn decode_event(
    json: &Json,
    path: String,
    fields: &[&str],
    rules: Rules,
    errs: &mut Vec<DataError>,
) -> Option<RawEvent> {
    let is_child = fields == CHILD_FIELDS;
    let o = Obj::new(json, &path, fields, errs)?;
    let mut ev = RawEvent {
        id: o.string(field::ID, true, errs),
        title: o.string(field::TITLE, true, errs),
        label: o.string(field::LABEL, false, errs),
        date: o.object(field::DATE, !is_child, errs).and_then(|(p, j)| decode_date(j, p, errs)),
        end: o.object(field::END, false, errs).and_then(|(p, j)| decode_date(j, p, errs)),
        category: o.string(field::CATEGORY, !is_child, errs),
        summary: o.string(field::SUMMARY, !rules.imported, errs),
        note: o.string(field::NOTE, false, errs),
        actors: o.strings(field::ACTORS, errs),
        sources: decode_sources(&o, rules, errs),
        i18n: decode_i18n(&o, errs),
        ..RawEvent::default()
    };
    if is_child {
        ev.day = o.int(field::DAY, false, errs);
    } else {
        ev.days = o.int(field::DAYS, false, errs);
        ev.children = o
            .list(field::CHILDREN, false, errs)
            .and_then(|l| at_most(l, MAX_CHILDREN, errs))
            .map(|(p, items)| {
                decode_all(items, &p, errs, |j, p, e| decode_event(j, p, CHILD_FIELDS, rules, e))
            })
            .unwrap_or_default();
    }
    ev.path = path;
    Some(ev)
}

fn decode_period(json: &Json, path: String, rules: Rules, errs: &mut Vec<DataError>) -> Option<RawPeriod> {
    let o = Obj::new(json, &path, PERIOD_FIELDS, errs)?;
    Some(RawPeriod {
        id: o.string(field::ID, true, errs),
        title: o.string(field::TITLE, true, errs),
        label: o.string(field::LABEL, false, errs),
        group: o.string(field::GROUP, true, errs),
        category: o.string(field::CATEGORY, true, errs),
        start: o.object(field::START, true, errs).and_then(|(p, j)| decode_date(j, p, errs)),
        end: o.object(field::END, false, errs).and_then(|(p, j)| decode_date(j, p, errs)),
        summary: o.string(field::SUMMARY, !rules.imported, errs),
        note: o.string(field::NOTE, false, errs),
        sources: decode_sources(&o, rules, errs),
        i18n: decode_translations(&o, PERIOD_TRANSLATION_FIELDS, errs),
        path,
    })
}

fn decode_i18n(o: &Obj<'_>, errs: &mut Vec<DataError>) -> Vec<RawTranslation> {
    decode_translations(o, TRANSLATION_FIELDS, errs)
}

fn decode_translations(o: &Obj<'_>, fields: &[&str], errs: &mut Vec<DataError>) -> Vec<RawTranslation> {
    let Some((path, json)) = o.object(field::I18N, false, errs) else {
        return Vec::new();
    };
    let Json::Object(langs) = json else {
        errs.push(DataError::new(
            &path,
            format!("expected an object {{\"fr\": {{…}}, …}}, found {}", json.kind()),
        ));
        return Vec::new();
    };
    langs
        .iter()
        .filter_map(|(lang, tr)| {
            let p = join(&path, lang);
            let t = Obj::new(tr, &p, fields, errs)?;
            let has = |k: &str| fields.contains(&k);
            let get =
                |k: &str, errs: &mut Vec<DataError>| if has(k) { t.string(k, false, errs) } else { None };
            Some(RawTranslation {
                lang: lang.clone(),
                title: get(field::TITLE, errs),
                label: get(field::LABEL, errs),
                summary: get(field::SUMMARY, errs).or_else(|| get(field::DESCRIPTION, errs)),
                note: get(field::NOTE, errs),
                group: get(field::GROUP, errs),
                actors: if has(field::ACTORS) { decode_names(&t, errs) } else { Vec::new() },
                path: p,
            })
        })
        .collect()
}

/// `"actors": {"English name": "translation", …}` in a document translation.
fn decode_names(t: &Obj<'_>, errs: &mut Vec<DataError>) -> Vec<(String, String, String)> {
    let Some((path, json)) = t.object(field::ACTORS, false, errs) else {
        return Vec::new();
    };
    let Json::Object(names) = json else {
        errs.push(DataError::new(
            &path,
            format!("expected an object {{\"English name\": \"translation\", …}}, found {}", json.kind()),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, tr) in names {
        let p = join(&path, name);
        match tr {
            Json::String(s) if s.chars().count() > MAX_TITLE_LIKE => errs.push(DataError::new(
                &p,
                format!("is {} characters long; at most {MAX_TITLE_LIKE} are allowed", s.chars().count()),
            )),
            Json::String(s) => out.push((p, name.clone(), s.clone())),
            other => errs.push(DataError::new(&p, format!("expected text, found {}", other.kind()))),
        }
    }
    out
}

fn decode_sources(o: &Obj<'_>, rules: Rules, errs: &mut Vec<DataError>) -> Vec<RawSource> {
    let Some((path, items)) =
        o.list(field::SOURCES, !rules.imported, errs).and_then(|l| at_most(l, MAX_SOURCES, errs))
    else {
        return Vec::new();
    };
    if items.is_empty() && !rules.imported {
        errs.push(DataError::new(&path, "is empty; expected at least one source (title and URL)"));
    }
    decode_all(items, &path, errs, |j, p, errs| {
        let s = Obj::new(j, &p, SOURCE_FIELDS, errs)?;
        Some(RawSource {
            title: s.string(field::TITLE, false, errs),
            url: s.string(field::URL, true, errs),
            path: p,
        })
    })
}

/// How a date written as text or a number should be written: `{"year": 2004, "month": 5}`.
fn date_hint(json: &Json) -> Option<String> {
    let d = match json {
        Json::String(s) => super::PartialDate::parse_iso(s),
        #[allow(clippy::cast_possible_truncation, reason = "a whole number below 1e6 converts exactly")]
        Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e6 => {
            Some(super::PartialDate::year_only(*n as i64))
        }
        _ => None,
    }?;
    let mut parts = vec![format!("\"year\": {}", d.year())];
    if let Some(m) = d.month() {
        parts.push(format!("\"month\": {m}"));
    }
    if let Some(day) = d.day() {
        parts.push(format!("\"day\": {day}"));
    }
    if let Some((h, m)) = d.time() {
        parts.push(format!("\"hour\": {h}, \"minute\": {m}"));
    }
    Some(format!("{{{}}}", parts.join(", ")))
}

fn decode_date(json: &Json, path: String, errs: &mut Vec<DataError>) -> Option<RawDate> {
    if matches!(json, Json::String(_) | Json::Number(_)) {
        let found = match json {
            Json::String(s) => format!("text \"{}\"", shown(s)),
            _ => json.kind().to_owned(),
        };
        let hint = match date_hint(json) {
            Some(h) => format!("; write {h}"),
            None => String::from(
                " like {\"year\": 2004, \"month\": 5, \"day\": 13}, with only the parts the source gives",
            ),
        };
        errs.push(DataError::new(path, format!("expected a date object, found {found}{hint}")));
        return None;
    }
    decode_date_with(json, path, DATE_FIELDS, errs)
}

fn decode_date_with(
    json: &Json,
    path: String,
    fields: &[&str],
    errs: &mut Vec<DataError>,
) -> Option<RawDate> {
    let o = Obj::new(json, &path, fields, errs)?;
    let latest = if fields.contains(&field::LATEST) {
        o.object(field::LATEST, false, errs)
            .and_then(|(p, j)| decode_date_with(j, p, LATEST_FIELDS, errs))
            .map(Box::new)
    } else {
        None
    };
    Some(RawDate {
        year: o.int(field::YEAR, true, errs),
        month: o.int(field::MONTH, false, errs),
        day: o.int(field::DAY, false, errs),
        hour: o.int(field::HOUR, false, errs),
        minute: o.int(field::MINUTE, false, errs),
        approximate: if fields.contains(&field::APPROXIMATE) {
            o.bool(field::APPROXIMATE, errs).unwrap_or(false)
        } else {
            false
        },
        latest,
        path,
    })
}

/// A JSON object being read: knows its path and which keys are allowed.
struct Obj<'j> {
    path: String,
    entries: &'j [(String, Json)],
}

impl<'j> Obj<'j> {
    /// Checks that `json` is an object with no unknown or repeated keys (reporting each), and wraps it.
    fn new(json: &'j Json, path: &str, allowed: &[&str], errs: &mut Vec<DataError>) -> Option<Self> {
        let Json::Object(entries) = json else {
            errs.push(DataError::new(path, format!("expected an object {{…}}, found {}", json.kind())));
            return None;
        };
        // Far more fields than any object here has: one error (and no quadratic duplicate search).
        if entries.len() > 4 * allowed.len() + 8 {
            errs.push(DataError::new(
                path,
                format!(
                    "has {} fields; expected at most these {}: {}",
                    entries.len(),
                    allowed.len(),
                    allowed.join(", ")
                ),
            ));
            return None;
        }
        for (i, (key, _)) in entries.iter().enumerate() {
            let at = join(path, &shown(key));
            if entries.iter().take(i).any(|(k, _)| k == key) {
                errs.push(DataError::new(at, "appears twice in the same object"));
            } else if !allowed.contains(&key.as_str()) {
                let hint = match (other_kinds_field(key, allowed), closest(key, allowed)) {
                    (Some(h), _) => format!("unknown field; {h}"),
                    (None, Some(s)) => format!("unknown field; did you mean \"{s}\"?"),
                    (None, None) => format!("unknown field; expected one of: {}", allowed.join(", ")),
                };
                errs.push(DataError::new(at, hint));
            }
        }
        Some(Self { path: path.to_owned(), entries })
    }

    /// The value of `key`, treating `null` as absent; reports a missing required key.
    fn get(&self, key: &str, required: bool, expected: &str, errs: &mut Vec<DataError>) -> Option<&'j Json> {
        match self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(Json::Null) | None => {
                if required {
                    errs.push(DataError::new(join(&self.path, key), format!("missing; expected {expected}")));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn wrong(&self, key: &str, expected: &str, found: &Json, errs: &mut Vec<DataError>) {
        errs.push(DataError::new(
            join(&self.path, key),
            format!("expected {expected}, found {}", found.kind()),
        ));
    }

    fn string(&self, key: &str, required: bool, errs: &mut Vec<DataError>) -> Option<String> {
        match self.get(key, required, "text", errs)? {
            Json::String(s) if s.chars().count() > MAX_STRING => {
                let n = s.chars().count();
                errs.push(DataError::new(
                    join(&self.path, key),
                    format!("is {n} characters long; at most {MAX_STRING} are allowed"),
                ));
                None
            }
            Json::String(s) => Some(s.clone()),
            other => {
                self.wrong(key, "text", other, errs);
                None
            }
        }
    }

    fn int(&self, key: &str, required: bool, errs: &mut Vec<DataError>) -> Option<i64> {
        match self.get(key, required, "a whole number", errs)? {
            #[allow(clippy::cast_possible_truncation, reason = "a whole number below 1e15 converts exactly")]
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(*n as i64),
            Json::Number(n) if !n.is_finite() || n.abs() >= 1e15 => {
                errs.push(DataError::new(join(&self.path, key), "has more than 15 digits".to_owned()));
                None
            }
            Json::Number(n) => {
                let text = super::json::number_text(*n);
                errs.push(DataError::new(join(&self.path, key), format!("{text} is not a whole number")));
                None
            }
            other => {
                self.wrong(key, "a whole number", other, errs);
                None
            }
        }
    }

    fn bool(&self, key: &str, errs: &mut Vec<DataError>) -> Option<bool> {
        match self.get(key, false, "true or false", errs)? {
            Json::Bool(b) => Some(*b),
            other => {
                self.wrong(key, "true or false", other, errs);
                None
            }
        }
    }

    fn object(&self, key: &str, required: bool, errs: &mut Vec<DataError>) -> Option<(String, &'j Json)> {
        self.get(key, required, "an object {…}", errs).map(|j| (join(&self.path, key), j))
    }

    fn list(&self, key: &str, required: bool, errs: &mut Vec<DataError>) -> Option<(String, &'j [Json])> {
        match self.get(key, required, "a list […]", errs)? {
            Json::Array(items) => Some((join(&self.path, key), items)),
            other => {
                self.wrong(key, "a list […]", other, errs);
                None
            }
        }
    }

    fn strings(&self, key: &str, errs: &mut Vec<DataError>) -> Vec<String> {
        let Some((path, items)) = self.list(key, false, errs).and_then(|l| at_most(l, MAX_ACTORS, errs))
        else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Json::String(s) if s.chars().count() > MAX_TITLE_LIKE => errs.push(DataError::new(
                    index(&path, i),
                    format!("is {} characters long; at most {MAX_TITLE_LIKE} are allowed", s.chars().count()),
                )),
                Json::String(s) => out.push(s.clone()),
                other => errs
                    .push(DataError::new(index(&path, i), format!("expected text, found {}", other.kind()))),
            }
        }
        out
    }
}

/// A hint for a field that names a span's ends the way another kind of entry does: periods run from
/// `start` to `end`, events and sessions from `date` to `end` (TimelineJS writes `start_date`,
/// `end_date`; people write `from`, `to`, `begin`, `until`).
fn other_kinds_field(key: &str, allowed: &[&str]) -> Option<String> {
    let key = key.to_ascii_lowercase();
    let first = matches!(key.as_str(), "date" | "start" | "start_date" | "startdate" | "from" | "begin");
    let last = matches!(key.as_str(), "end_date" | "enddate" | "to" | "until" | "finish");
    let event_ends = "\"date\" and \"end\" (periods use \"start\")";
    let (want, kind, ends) = if allowed == PERIOD_FIELDS {
        (field::START, "a period", "\"start\" and \"end\" (events use \"date\")")
    } else if allowed == EVENT_FIELDS {
        (field::DATE, "an event", event_ends)
    } else if allowed == CHILD_FIELDS {
        (field::DATE, "a session", event_ends)
    } else {
        return None;
    };
    match (first, last) {
        (true, _) if key != want => Some(format!("write \"{want}\": {kind} runs from {ends}")),
        (_, true) => Some(format!("write \"end\": {kind} runs from {ends}")),
        _ => None,
    }
}

/// The allowed key closest to a misspelt one, if it is close enough to be a typo.
pub(crate) fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    if key.len() > 40 {
        return None; // not a typo of a field name
    }
    allowed
        .iter()
        .map(|a| (edit_distance(&key.to_ascii_lowercase(), a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // One row of the Levenshtein table at a time: `row[j]` is the distance between the prefix of `a`
    // read so far and the first `j` characters of `b`.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = Vec::with_capacity(row.len());
        next.push(i + 1);
        let (mut diag, mut left) = (i, i + 1);
        for (up, cb) in row.iter().skip(1).zip(&b) {
            let cur = (diag + usize::from(ca != *cb)).min(left + 1).min(up + 1);
            next.push(cur);
            (diag, left) = (*up, cur);
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(closest("titel", EVENT_FIELDS), Some("title"));
        assert_eq!(closest("Summary", EVENT_FIELDS), Some("summary"));
        assert_eq!(closest("colour", EVENT_FIELDS), None);
    }

    #[test]
    fn knows_which_kind_of_entry_uses_which_ends() {
        let hint = |k, fields| other_kinds_field(k, fields);
        assert_eq!(
            hint("date", PERIOD_FIELDS).as_deref(),
            Some("write \"start\": a period runs from \"start\" and \"end\" (events use \"date\")")
        );
        assert_eq!(
            hint("start", EVENT_FIELDS).as_deref(),
            Some("write \"date\": an event runs from \"date\" and \"end\" (periods use \"start\")")
        );
        assert_eq!(
            hint("Start_Date", CHILD_FIELDS).as_deref(),
            Some("write \"date\": a session runs from \"date\" and \"end\" (periods use \"start\")")
        );
        assert_eq!(
            hint("until", PERIOD_FIELDS).as_deref(),
            Some("write \"end\": a period runs from \"start\" and \"end\" (events use \"date\")")
        );
        // Dates themselves, sources and the document have no such fields.
        assert_eq!(hint("date", SOURCE_FIELDS), None);
        assert_eq!(hint("from", DATE_FIELDS), None);
        assert_eq!(hint("titel", PERIOD_FIELDS), None);
        assert_eq!(hint("date", DOC_FIELDS), None);
    }
}
