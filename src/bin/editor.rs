//! The editor page's module (`dist/editor/editor.js` and its wasm), built by `cargo xtask editor`
//! (Trunk's post-build hook): [`anti_trafficking_timeline::editor`] for the page's script, and
//! `toNativeJson` for a widget whose data is a table (`format="csv"`) or a TimelineJS3 file. A news page showing JSON data
//! never loads it; its exports live here, not in the library, so the widget's wasm does not carry them.

#[cfg(target_arch = "wasm32")]
mod web {
    use anti_trafficking_timeline::editor::{self, Kind};
    use anti_trafficking_timeline::format::sheet::{self, Delimiter};
    use anti_trafficking_timeline::model::Lang;
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::prelude::*;

    fn set(o: &Object, k: &str, v: impl Into<JsValue>) {
        let _ = Reflect::set(o, &JsValue::from_str(k), &v.into());
    }

    /// `{ kind, kindName, summary, json, problems: [{ kind, line, col, text }] }` for the page.
    #[wasm_bindgen]
    pub fn check(text: &str) -> JsValue {
        let c = editor::check("data", text);
        let o = Object::new();
        let kind = match c.kind {
            Kind::Native => "native",
            Kind::TimelineJs => "timelinejs3",
            Kind::Csv => "csv",
            Kind::Tsv => "tsv",
            Kind::Empty => "empty",
        };
        set(&o, "kind", kind);
        set(&o, "kindName", c.kind.name());
        set(&o, "summary", c.summary.as_str());
        set(&o, "json", c.json.map_or(JsValue::NULL, |j| JsValue::from_str(&j)));
        let list = Array::new();
        for p in &c.problems {
            let item = Object::new();
            set(&item, "kind", p.kind);
            #[allow(clippy::cast_precision_loss, reason = "line and column numbers are small")]
            if let Some((line, col)) = p.at {
                set(&item, "line", line as f64);
                set(&item, "col", col as f64);
            }
            set(&item, "text", p.text.as_str());
            list.push(&item);
        }
        set(&o, "problems", list);
        o.into()
    }

    /// The article's snippet (see [`editor::snippet`]); `lang` empty for the page's own language.
    #[wasm_bindgen]
    pub fn snippet(base: &str, src: &str, lang: &str, layout: &str, theme: &str) -> String {
        editor::snippet(base, src, Lang::from_tag(lang), layout, theme)
    }

    /// The example table (the TimelineJS template's columns).
    #[wasm_bindgen]
    pub fn sample() -> String {
        include_str!("../../assets/editor/sample.csv").to_owned()
    }

    /// A table (`kind` `csv` or `tsv`) or a TimelineJS3 file (`timelinejs3`) as this widget's JSON
    /// text, for a widget whose data is such a file (its own wasm has neither reader). What the
    /// conversion drops goes to the console; the problems that stop it, placed, are the error.
    #[wasm_bindgen(js_name = toNativeJson)]
    pub fn to_native_json(text: &str, kind: &str) -> Result<String, JsValue> {
        let (json, mut warnings) = if kind == "timelinejs3" {
            let json = anti_trafficking_timeline::format::read_text(text).map_err(|e| lines(&[e]))?;
            let (ours, mut w) = anti_trafficking_timeline::format::timelinejs::import(&json);
            anti_trafficking_timeline::format::locate::place(text, &mut w);
            (ours, w)
        } else {
            let d = if kind == "tsv" { Delimiter::Tab } else { Delimiter::Comma };
            let imported = sheet::import(text, d).map_err(|e| lines(&e))?;
            match imported.validate() {
                Ok(t) => (imported.json, t.warnings),
                Err(e) => return Err(lines(&e)),
            }
        };
        warnings.truncate(50);
        if !warnings.is_empty() {
            let list: Vec<String> = warnings
                .iter()
                .map(|w| match w.at {
                    Some((l, c)) => format!("{w} (line {l}, column {c})"),
                    None => w.to_string(),
                })
                .collect();
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "anti-trafficking-timeline: what the conversion could not keep:\n{}",
                list.join("\n")
            )));
        }
        Ok(json.to_compact())
    }

    /// Problems as `[[place, what], …]` (`["row 3, Month", "13 is not a month (1–12)"]`).
    fn lines(errs: &[anti_trafficking_timeline::model::DataError]) -> JsValue {
        let list = Array::new();
        for e in errs {
            list.push(&Array::of2(&JsValue::from_str(&e.path), &JsValue::from_str(&e.message)));
        }
        list.into()
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "The editor runs in a browser: `cargo xtask serve`, then open http://127.0.0.1:8080/editor.html"
    );
}
