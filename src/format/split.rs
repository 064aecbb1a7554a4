//! One language's data file: the bundled file without the other languages' translations (native;
//! `cargo xtask split-data` writes one per language beside the widget, so a page downloads English and
//! its own language only).

use super::{wire::field, Json, Lang};

/// `json` with, in every `i18n` object, only `lang`'s entry (none for English); an `i18n` left empty
/// is dropped. Everything else is kept as it is, keys in their order.
pub fn for_lang(json: &Json, lang: Lang) -> Json {
    match json {
        Json::Object(entries) => Json::Object(
            entries
                .iter()
                .filter_map(|(k, v)| match (k.as_str(), v) {
                    (field::I18N, Json::Object(langs)) => {
                        let kept: Vec<(String, Json)> =
                            langs.iter().filter(|(l, _)| l == lang.tag()).cloned().collect();
                        (!kept.is_empty()).then(|| (k.clone(), Json::Object(kept)))
                    }
                    _ => Some((k.clone(), for_lang(v, lang))),
                })
                .collect(),
        ),
        Json::Array(items) => Json::Array(items.iter().map(|v| for_lang(v, lang)).collect()),
        other => other.clone(),
    }
}
