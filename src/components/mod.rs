//! The Yew components. One per file (the time axis is a folder); data flows down as `Rc` props
//! compared by pointer; every DOM event becomes one [`crate::state::Intent`] sent up through a
//! `Callback<Intent>`. Components never parse or validate: they receive a [`Loaded`].

mod agenda;
mod detail;
mod errors;
mod list;
mod print;
mod root;
mod stage;
#[cfg(feature = "widget")]
pub(crate) use stage::watch_geometry;
mod timeline;
mod toolbar;
mod vertical;

pub use root::{Root, RootProps};
pub use timeline::{TimelineView, TimelineViewProps};

pub use crate::model::Loaded;
pub use crate::state::Data;

/// The reader's language, provided by the root of each instance.
#[yew::hook]
pub(crate) fn use_lang() -> crate::model::Lang {
    yew::use_context::<crate::model::Lang>().unwrap_or_default()
}

/// The `lang` attribute of a text in `text`'s language inside a widget in `page`'s: only when they
/// differ (an English fallback, the English original), so screen readers switch voice.
pub(crate) fn lang_attr(page: crate::model::Lang, text: crate::model::Lang) -> Option<yew::AttrValue> {
    (page != text).then(|| yew::AttrValue::Static(text.tag()))
}

/// An entry's date in the reader's language.
pub(crate) fn item_date(lang: crate::model::Lang, item: crate::model::Item<'_>) -> String {
    match item {
        crate::model::Item::Event(e, _) => crate::intl::when(lang, &e.when),
        crate::model::Item::Period(p) => crate::intl::period(lang, p),
    }
}

/// DOM id of an entry's mark, unique per widget instance.
pub(crate) fn entry_dom_id(prefix: &str, id: &str) -> String {
    format!("{prefix}-e-{id}")
}

/// The entry whose mark or card has the DOM id `dom_id` (the inverse of [`entry_dom_id`]).
pub(crate) fn entry_of_dom_id(
    prefix: &str,
    dom_id: &str,
    t: &crate::model::Timeline,
) -> Option<crate::model::EventId> {
    let id = dom_id.strip_prefix(prefix)?.strip_prefix("-e-")?;
    t.find(id).map(|item| item.id().clone())
}
