//! The Yew components. One per file; data flows down as `Rc` props compared by pointer, events flow
//! up as `EventId` callbacks. Components never parse or validate: they receive a [`Loaded`].

mod agenda;
mod detail;
mod errors;
mod list;
mod print;
mod root;
mod stage;
mod timeline;
mod toolbar;

use std::rc::Rc;

pub use root::{Root, RootProps};
pub use timeline::{TimelineView, TimelineViewProps};

use crate::model::{DataError, EventId, Timeline};

/// What the widget tells its host page (the embedder turns these into DOM events).
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// First render done.
    Ready,
    /// An entry was opened.
    Select(EventId),
    /// The detail panel was closed.
    Close,
    /// The visible window changed (minutes since 1970).
    Range {
        /// Left edge.
        from: f64,
        /// Right edge.
        to: f64,
    },
}

/// What the host page asks of the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Open an entry by id (a deep link).
    Open(String),
    /// Show the window between two times (minutes since 1970).
    Show(i64, i64),
    /// Close the detail panel.
    Close,
}

/// The outcome of loading a data file: a timeline, or every problem found in it.
pub type Loaded = Result<Timeline, Vec<DataError>>;

/// Shared, immutable data. Equality is pointer equality, so a big timeline is never deep-compared.
#[derive(Debug, Clone)]
pub struct Shared(pub Rc<Loaded>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Shared timeline (the `Ok` side of [`Shared`]), compared by pointer.
#[derive(Debug, Clone)]
pub(crate) struct TimelineRef(pub Rc<Loaded>);

impl TimelineRef {
    pub(crate) fn get(&self) -> Option<&Timeline> {
        self.0.as_ref().as_ref().ok()
    }
}

impl PartialEq for TimelineRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The reader's language, provided by the root of each instance.
#[yew::hook]
pub(crate) fn use_lang() -> crate::model::Lang {
    yew::use_context::<crate::model::Lang>().unwrap_or_default()
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
