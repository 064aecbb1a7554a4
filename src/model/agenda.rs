//! The agenda of an event with children (a meeting): its children grouped by day.
//!
//! Children are placed by their time where it is known, else by their day, else under
//! "day not reported"; within a group, timed children come first in time order, the others keep the
//! order in which the source reports them (file order).

use super::{Event, Placement};

/// Which group a child belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DayKey {
    /// The n-th day of the parent (1-based).
    Day(u16),
    /// A calendar day known from the child's own date, as days since 1970-01-01.
    Date(i64),
    /// The source does not say.
    Unknown,
}

impl DayKey {
    /// A sort key (see [`super::order`]) in the derived order of day keys, then by `then`.
    pub fn order_key(self, then: i64) -> super::order::Key {
        match self {
            DayKey::Day(d) => [0, i64::from(d), then],
            DayKey::Date(d) => [1, d, then],
            DayKey::Unknown => [2, 0, then],
        }
    }
}

/// One group of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaDay<'a> {
    /// The group.
    pub key: DayKey,
    /// Its children, in order.
    pub children: Vec<&'a Event>,
}

/// Groups the children of `parent` by day, in reading order (`Unknown` last).
pub fn agenda(parent: &Event) -> Vec<AgendaDay<'_>> {
    let keyed: Vec<(DayKey, i64, &Event)> = parent
        .children
        .iter()
        .map(|c| {
            let key = match c.placement {
                Some(Placement::Day(d)) => DayKey::Day(d),
                Some(Placement::Time) => DayKey::Date(c.when.start_minute().div_euclid(1440)),
                _ => DayKey::Unknown,
            };
            let time = if c.placement == Some(Placement::Time) { c.when.start_minute() } else { i64::MAX };
            (key, time, c)
        })
        .collect();
    let keyed = super::order::sorted_by(keyed, |(k, t, _)| k.order_key(*t));
    let mut days: Vec<AgendaDay<'_>> = Vec::new();
    for (key, _, child) in keyed {
        match days.last_mut() {
            Some(d) if d.key == key => d.children.push(child),
            _ => days.push(AgendaDay { key, children: vec![child] }),
        }
    }
    days
}
