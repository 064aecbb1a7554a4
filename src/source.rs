//! Turns JSON text into a validated timeline in the browser: `JSON.parse` (already in every browser,
//! so no JSON parser is compiled into the wasm) → serde-wasm-bindgen → [`model::from_json`].

use js_sys::JSON;
use wasm_bindgen::JsCast;

use crate::model::{self, DataError, Json, Timeline};

/// Parses and validates `text`; never panics. Syntax errors carry the browser's own position text.
pub fn parse(text: &str) -> Result<Timeline, Vec<DataError>> {
    let value = JSON::parse(text).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "syntax error".to_owned());
        vec![DataError::new("", format!("not valid JSON: {why}"))]
    })?;
    let json: Json = serde_wasm_bindgen::from_value(value)
        .map_err(|e| vec![DataError::new("", format!("could not read the JSON: {e}"))])?;
    model::from_json(&json)
}
