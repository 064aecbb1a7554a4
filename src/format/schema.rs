//! The JSON Schema (draft 2020-12) of the data format, generated from the decoder's own field lists,
//! limits, categories and languages, so that it cannot say something the widget does not do.
//! `data/timeline.schema.json` is this output; a test fails when the two differ
//! (`cargo xtask schema` rewrites the file). Native only (editors' tools read the file).

use serde_json::{json, Map, Value};

use super::validate::{MAX_DAYS, MAX_ID, MAX_LABEL, MAX_TEXT, MAX_TITLE};
use super::wire::{
    field, CHILD_FIELDS, DATE_FIELDS, DOC_FIELDS, DOC_TRANSLATION_FIELDS, EVENT_FIELDS, FORMAT_VERSION,
    LATEST_FIELDS, MAX_ACTORS, MAX_CHILDREN, MAX_EVENTS, MAX_PERIODS, MAX_SOURCES, MAX_TITLE_LIKE,
    PERIOD_FIELDS, PERIOD_TRANSLATION_FIELDS, SOURCE_FIELDS, START_FIELDS, TRANSLATION_FIELDS,
};
use super::{Category, Lang};
use crate::model::{MAX_YEAR, MIN_YEAR};

/// The schema's file name, next to the data (`"$schema": "timeline.schema.json"`).
pub const FILE_NAME: &str = "timeline.schema.json";

fn text(max: usize, description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": max, "description": description })
}

/// The schema of one field, by name (`None`: no such field, which a test turns into a failure).
fn field(object: &str, name: &str) -> Option<Value> {
    let v = match (object, name) {
        ("doc", field::SCHEMA) => {
            json!({ "type": "string", "description": "Where editors' tools find this schema; the widget ignores it." })
        }
        ("doc", field::ORIGIN) => {
            json!({ "const": super::wire::ORIGIN_TIMELINEJS, "description": "Set by `cargo xtask import-timelinejs`: entries may lack summaries and sources. Add them, then remove this line." })
        }
        ("doc", field::VERSION) => {
            json!({ "const": FORMAT_VERSION, "description": "The format version: 1." })
        }
        ("doc", field::TITLE) => text(MAX_TITLE, "The timeline's title, shown as its heading."),
        ("doc", field::DESCRIPTION) => text(MAX_TEXT, "One or two sentences under the title."),
        ("doc", field::START) => json!({ "$ref": "#/$defs/start" }),
        ("doc", field::EVENTS) => {
            json!({ "type": "array", "minItems": 1, "maxItems": MAX_EVENTS, "items": { "$ref": "#/$defs/event" }, "description": "The events, in any order (the widget sorts them by date)." })
        }
        ("doc", field::PERIODS) => {
            json!({ "type": "array", "maxItems": MAX_PERIODS, "items": { "$ref": "#/$defs/period" }, "description": "Spans drawn as bands above the lanes (terms of office, evaluation rounds)." })
        }
        ("doc", field::I18N) => json!({ "$ref": "#/$defs/docI18n" }),
        ("start", field::EVENT) => json!({ "$ref": "#/$defs/id", "description": "Open this entry first." }),
        ("start", field::FROM) => {
            json!({ "$ref": "#/$defs/date", "description": "Show from this date (with \"to\")." })
        }
        ("start", field::TO) => {
            json!({ "$ref": "#/$defs/date", "description": "Show until this date, inclusive (with \"from\")." })
        }
        ("date" | "latestDate", field::YEAR) => {
            json!({ "type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR, "not": { "const": 0 }, "description": "The year (always needed), as readers count it: -500 is 500 BCE, and there is no year 0. Beyond -9999 to 9999 (down to the age of the universe), the year alone." })
        }
        ("date" | "latestDate", field::MONTH) => {
            json!({ "type": "integer", "minimum": 1, "maximum": 12, "description": "The month, 1–12, only if the source gives it." })
        }
        ("date" | "latestDate", field::DAY) => {
            json!({ "type": "integer", "minimum": 1, "maximum": 31, "description": "The day of the month, only if the source gives it (needs \"month\")." })
        }
        ("date" | "latestDate", field::HOUR) => {
            json!({ "type": "integer", "minimum": 0, "maximum": 23, "description": "The hour, 0–23, only if the source gives the time (needs \"day\" and \"minute\")." })
        }
        ("date" | "latestDate", field::MINUTE) => {
            json!({ "type": "integer", "minimum": 0, "maximum": 59, "description": "The minute (with \"hour\")." })
        }
        ("date", field::LATEST) => {
            json!({ "$ref": "#/$defs/latestDate", "description": "When the sources give only a window: the latest the date can be (the date itself is the earliest). Shown as \"between June 2018 and November 2019\"." })
        }
        ("date", field::APPROXIMATE) => {
            json!({ "type": "boolean", "description": "true if the source says \"about\" or \"around\"." })
        }
        ("source", field::TITLE) => {
            text(MAX_TEXT, "What the source is, e.g. \"OSCE: Timeline of the Office\".")
        }
        ("source", field::URL) => json!({ "$ref": "#/$defs/url" }),
        ("translation" | "periodTranslation" | "docTranslation", field::TITLE) => {
            text(MAX_TITLE, "The title in this language.")
        }
        ("translation" | "periodTranslation", field::LABEL) => {
            text(MAX_LABEL, "The short label in this language.")
        }
        ("translation" | "periodTranslation", field::SUMMARY) => {
            text(MAX_TEXT, "The summary in this language.")
        }
        ("translation" | "periodTranslation", field::NOTE) => text(MAX_TEXT, "The note in this language."),
        ("periodTranslation", field::GROUP) => {
            text(MAX_TITLE, "The name of the period's row in this language.")
        }
        ("docTranslation", field::DESCRIPTION) => text(MAX_TEXT, "The description in this language."),
        ("docTranslation", field::ACTORS) => {
            json!({ "type": "object", "additionalProperties": { "type": "string", "minLength": 1, "maxLength": MAX_TITLE_LIKE }, "description": "Actors' names in this language, once for the whole file: {\"Council of Europe\": \"Conseil de l’Europe\", …}; keys as written in the entries' \"actors\"." })
        }
        (_, field::ID) => json!({ "$ref": "#/$defs/id" }),
        (_, field::TITLE) => text(MAX_TITLE, "What happened, as a short sentence."),
        (_, field::LABEL) => text(MAX_LABEL, "A shorter title for the mark on the axis (optional)."),
        ("period", field::START) => {
            json!({ "$ref": "#/$defs/date", "description": "When the period began." })
        }
        ("period", field::END) => {
            json!({ "$ref": "#/$defs/date", "description": "When it ended; leave out if no source gives the end." })
        }
        ("period", field::GROUP) => {
            text(MAX_TITLE, "The row of bands it belongs to, e.g. \"OSCE Special Representative\".")
        }
        (_, field::DATE) => {
            json!({ "$ref": "#/$defs/date", "description": "When it happened, exactly as precise as the source." })
        }
        (_, field::END) => json!({ "$ref": "#/$defs/date", "description": "For a span: when it ended." }),
        ("event", field::DAYS) => {
            json!({ "type": "integer", "minimum": 1, "maximum": MAX_DAYS, "description": "How many days it lasted, when the source says so but gives no dates." })
        }
        ("child", field::DAY) => {
            json!({ "type": "integer", "minimum": 1, "maximum": MAX_DAYS, "description": "Which day of its parent event (1 = the first), if the source says." })
        }
        (_, field::CATEGORY) => json!({ "$ref": "#/$defs/category" }),
        (_, field::SUMMARY) => text(MAX_TEXT, "One to three sentences: what happened and why it matters."),
        (_, field::NOTE) => {
            text(MAX_TEXT, "What the sources do not say (unknown dates, conflicting accounts).")
        }
        (_, field::ACTORS) => {
            json!({ "type": "array", "maxItems": MAX_ACTORS, "items": { "type": "string", "minLength": 1, "maxLength": MAX_TITLE_LIKE }, "description": "Who acted (organisations, people)." })
        }
        (_, field::SOURCES) => {
            json!({ "type": "array", "minItems": 1, "maxItems": MAX_SOURCES, "items": { "$ref": "#/$defs/source" }, "description": "Where this comes from: at least one public source." })
        }
        ("event", field::CHILDREN) => {
            json!({ "type": "array", "maxItems": MAX_CHILDREN, "items": { "$ref": "#/$defs/child" }, "description": "The sessions of a meeting, in the order the source reports them." })
        }
        ("period", field::I18N) => json!({ "$ref": "#/$defs/periodI18n" }),
        (_, field::I18N) => json!({ "$ref": "#/$defs/i18n" }),
        _ => return None,
    };
    Some(v)
}

/// An object schema with exactly `fields`; `required` must be among them.
fn object(name: &str, fields: &[&str], required: &[&str], description: &str) -> Result<Value, String> {
    let mut props = Map::new();
    for f in fields {
        let v = field(name, f).ok_or_else(|| format!("the schema has no definition of {name}.{f}"))?;
        props.insert((*f).to_owned(), v);
    }
    if let Some(r) = required.iter().find(|r| !fields.contains(r)) {
        return Err(format!("{name}: required field {r} is not a field"));
    }
    Ok(json!({
        "type": "object", "description": description, "additionalProperties": false,
        "required": required, "properties": props,
    }))
}

/// Translations: an object whose keys are language tags, each with `fields`.
fn translations(def: &str) -> Value {
    let langs: Vec<&str> = Lang::ALL.iter().filter(|l| **l != Lang::En).map(|l| l.tag()).collect();
    json!({
        "type": "object", "description": "Translations, by language; anything missing is shown in English.",
        "propertyNames": { "enum": langs }, "additionalProperties": { "$ref": format!("#/$defs/{def}") },
    })
}

/// The schema, or which field of the decoder it does not cover.
pub fn schema() -> Result<Value, String> {
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
    let mut root = object("doc", DOC_FIELDS, &[field::VERSION, field::EVENTS], "A timeline data file.")?;
    let defs = json!({
        "id": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "maxLength": MAX_ID,
                "description": "A unique id: lower-case letters, digits and hyphens, e.g. \"palermo-protocol\"." },
        "url": { "type": "string", "pattern": "^https?://[^\\s\"<>\\\\./?#][^\\s\"<>\\\\]*$",
                 "description": "An http:// or https:// address." },
        "category": { "enum": categories, "description": "The lane: which kind of actor." },
        "date": object("date", DATE_FIELDS, &[field::YEAR], "A date, exactly as precise as its source: {\"year\": 2004}, {\"year\": 2004, \"month\": 5} or {\"year\": 2004, \"month\": 5, \"day\": 13}.")?,
        "latestDate": object("latestDate", LATEST_FIELDS, &[field::YEAR], "The latest a date can be: a date, as precise as its source.")?,
        "source": object("source", SOURCE_FIELDS, &[field::TITLE, field::URL], "A public source.")?,
        "start": object("start", START_FIELDS, &[], "What the widget shows first: an entry (\"event\") or a range (\"from\" and \"to\").")?,
        "translation": object("translation", TRANSLATION_FIELDS, &[], "An entry's text in one language.")?,
        "docTranslation": object("docTranslation", DOC_TRANSLATION_FIELDS, &[], "The title and description in one language.")?,
        "periodTranslation": object("periodTranslation", PERIOD_TRANSLATION_FIELDS, &[], "A period's text and row name in one language.")?,
        "i18n": translations("translation"),
        "periodI18n": translations("periodTranslation"),
        "docI18n": translations("docTranslation"),
        "event": object("event", EVENT_FIELDS, &[field::ID, field::TITLE, field::DATE, field::CATEGORY, field::SUMMARY, field::SOURCES], "An event on the time axis.")?,
        "child": object("child", CHILD_FIELDS, &[field::ID, field::TITLE, field::SUMMARY, field::SOURCES], "A session of a meeting (dates and lane come from the parent unless given).")?,
        "period": object("period", PERIOD_FIELDS, &[field::ID, field::TITLE, field::GROUP, field::CATEGORY, field::START, field::SUMMARY, field::SOURCES], "A span drawn as a band.")?,
    });
    if let Some(o) = root.as_object_mut() {
        o.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
        o.insert("$id".into(), json!(FILE_NAME));
        o.insert("title".into(), json!(format!("Anti-trafficking timeline data, version {FORMAT_VERSION}")));
        o.insert("$defs".into(), defs);
    }
    Ok(root)
}

/// The schema as the committed file's text (pretty JSON, final newline).
pub fn text_of_schema() -> Result<String, String> {
    let v = schema()?;
    serde_json::to_string_pretty(&v).map(|s| s + "\n").map_err(|e| e.to_string())
}
