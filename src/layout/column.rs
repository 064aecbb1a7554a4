//! The vertical timeline's order: entries by year, time running down the page, each year cut into
//! chunks that are rendered only near the viewport.

use crate::model::{Category, Timeline};

/// One entry of the column: an event (index into `Timeline::events`) or a period (into `periods`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// An event of a shown lane.
    Event(usize),
    /// A period (mandates, evaluation rounds), at its start.
    Period(usize),
}

/// A year of the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// The year (of each entry's start).
    pub year: i64,
    /// Its entries in time order, in chunks of at most the asked size.
    pub chunks: Vec<Chunk>,
}

/// A run of entries rendered (or not) together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// In a dense year, the month its entries start in (a marker on the spine); `None` in a sparse
    /// year, and for entries known only to the year.
    pub month: Option<u8>,
    /// Whether this chunk starts its month (the marker is shown once).
    pub first_of_month: bool,
    /// The entries, in time order.
    pub entries: Vec<Entry>,
}

/// A year with more entries than this gets month markers.
pub const DENSE_YEAR: usize = 24;

/// Events of shown lanes and every period, by year of their start, in time order (an event before a
/// period that starts at the same minute), cut into chunks of at most `per_chunk` entries.
pub fn years(t: &Timeline, hidden: &[Category], per_chunk: usize) -> Vec<Year> {
    let all: Vec<(i64, u8, Entry, i64)> = t
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| !hidden.contains(&e.category))
        .map(|(i, e)| (e.when.start_minute(), 0, Entry::Event(i), e.when.start.year()))
        .chain(
            t.periods
                .iter()
                .enumerate()
                .map(|(i, p)| (p.when.start_minute(), 1, Entry::Period(i), p.when.start.year())),
        )
        .collect();
    let all = crate::model::order::sorted_by(all, |(start, kind, _, _)| [*start, i64::from(*kind), 0]);
    let month_of = |e: Entry| match e {
        Entry::Event(i) => t.events.get(i).and_then(|e| e.when.start.month()),
        Entry::Period(i) => t.periods.get(i).and_then(|p| p.when.start.month()),
    };
    let mut by_year: Vec<(i64, Vec<Entry>)> = Vec::new();
    for (_, _, entry, year) in all {
        match by_year.last_mut() {
            Some((y, v)) if *y == year => v.push(entry),
            _ => by_year.push((year, vec![entry])),
        }
    }
    by_year
        .into_iter()
        .map(|(year, entries)| {
            let dense = entries.len() > DENSE_YEAR;
            let mut chunks: Vec<Chunk> = Vec::new();
            for e in entries {
                let month = if dense { month_of(e) } else { None };
                match chunks.last_mut() {
                    Some(c) if c.month == month && c.entries.len() < per_chunk.max(1) => c.entries.push(e),
                    last => {
                        let first_of_month = last.is_none_or(|c| c.month != month);
                        chunks.push(Chunk { month, first_of_month, entries: vec![e] });
                    }
                }
            }
            Year { year, chunks }
        })
        .collect()
}
