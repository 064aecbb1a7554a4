//! The Yew components. One per file; data flows down as `Rc` props compared by pointer, events flow
//! up as `EventId` callbacks. Components never parse or validate: they receive a [`Loaded`].

mod detail;
mod errors;
mod list;
mod timeline;

use std::rc::Rc;

pub use timeline::{TimelineView, TimelineViewProps};

use crate::model::{DataError, Timeline};

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

/// DOM id of an entry's mark, unique per widget instance.
pub(crate) fn entry_dom_id(prefix: &str, id: &str) -> String {
    format!("{prefix}-e-{id}")
}
