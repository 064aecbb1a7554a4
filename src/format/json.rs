//! A JSON value tree that keeps the source order of object keys.
//!
//! Deserializing into [`Json`] never fails on well-formed JSON, whatever its shape, so that every
//! problem in a data file can be found afterwards and reported with its path (see `wire`). The same
//! type is filled by `serde_json` natively; in the browser `source::to_json` builds it from `JSON.parse`'s value.

use std::cell::Cell;
use std::fmt;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

/// Deepest nesting of lists and objects accepted. A data file needs 6; the limit keeps a hostile file
/// from exhausting the stack (a stack overflow in WebAssembly cannot be caught).
pub const MAX_DEPTH: usize = 32;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// What is wrong with a value nested deeper than [`MAX_DEPTH`] (from either parser).
pub fn too_deep() -> String {
    format!("lists and objects are nested more than {MAX_DEPTH} levels deep")
}

/// One level of nesting while it is open: refuses to open more than [`MAX_DEPTH`].
struct Level;

impl Level {
    fn enter<E: Error>() -> Result<Self, E> {
        let d = DEPTH.with(Cell::get);
        if d >= MAX_DEPTH {
            return Err(E::custom(too_deep()));
        }
        DEPTH.with(|c| c.set(d + 1));
        Ok(Level)
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
    }
}

/// Any JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// Any number (JSON has one number type).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in source order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What this value is, in words an editor understands ("a number", "text", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

/// A number as a message shows it, written with integer arithmetic (so that the widget's wasm carries
/// no float-printing code): a whole number below 10^15 as is, else up to 9 decimals, e.g. `2001.5`,
/// `-0.25`; what would round to a whole number still says it is not one (`2001.000000001`,
/// `1.999999999`), and a number of
/// 10^15 or more is `a number of 16 digits or more`.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() || n.abs() >= 1e15 {
        return "a number of 16 digits or more".to_owned();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let a = n.abs();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0 ≤ a < 1e15")]
    let whole = a.trunc() as u64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0 ≤ fraction × 1e9 ≤ 1e9")]
    let nanos = ((a - a.trunc()) * 1e9).round() as u64;
    // Closer to a whole number than 9 decimals show, but not one: the nearest 9 decimals that are not.
    let nanos = if a.fract() == 0.0 { 0 } else { nanos.clamp(1, 999_999_999) };
    if nanos == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{nanos:09}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    #[allow(clippy::cast_precision_loss, reason = "JSON numbers are doubles, as in JavaScript's JSON.parse")]
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    #[allow(clippy::cast_precision_loss, reason = "JSON numbers are doubles, as in JavaScript's JSON.parse")]
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let _level = Level::enter::<A::Error>()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let _level = Level::enter::<A::Error>()?;
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            entries.push((k, v));
        }
        Ok(Json::Object(entries))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

impl Json {
    /// Pretty JSON text with keys in their order (what `cargo xtask import-timelinejs` writes).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out.push('\n');
        out
    }

    /// JSON text with no whitespace between tokens, keys in their order (the per-language data files).
    pub fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// Writes the value; `depth` is the indentation level when pretty, `None` for compact text.
    fn write(&self, out: &mut String, depth: Option<usize>) {
        let pad = |out: &mut String, d: Option<usize>| {
            if let Some(d) = d {
                out.push('\n');
                out.extend(std::iter::repeat_n("  ", d));
            }
        };
        let inner = depth.map(|d| d + 1);
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            #[allow(clippy::cast_possible_truncation, reason = "a whole number below 1e15 converts exactly")]
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => out.push_str(&(*n as i64).to_string()),
            Json::Number(n) if n.is_finite() => out.push_str(&n.to_string()),
            Json::Number(_) => out.push_str("null"),
            Json::String(s) => write_str(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(entries) if entries.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, inner);
                    item.write(out, inner);
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, inner);
                    write_str(out, k);
                    out.push_str(if depth.is_some() { ": " } else { ":" });
                    v.write(out, inner);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::number_text;

    #[test]
    fn numbers_are_written_without_float_printing() {
        assert_eq!(number_text(2001.5), "2001.5");
        assert_eq!(number_text(-0.25), "-0.25");
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(1.999_999_999_9), "1.999999999", "not rounded up to a whole number");
        assert_eq!(number_text(0.29), "0.29");
        assert_eq!(
            number_text(2_001.000_000_000_1),
            "2001.000000001",
            "not whole, though 9 decimals round it"
        );
        assert_eq!(number_text(1e15), "a number of 16 digits or more");
        assert_eq!(number_text(f64::NAN), "a number of 16 digits or more");
        assert_eq!(number_text(-123_456_789.125), "-123456789.125");
        assert_eq!(number_text(-0.5), "-0.5");
    }
}
