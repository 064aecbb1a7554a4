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
    pub year: i32,
    /// Its entries in time order, in chunks of at most the asked size.
    pub chunks: Vec<Vec<Entry>>,
}

/// Events of shown lanes and every period, by year of their start, in time order (an event before a
/// period that starts at the same minute), cut into chunks of at most `per_chunk` entries.
pub fn years(t: &Timeline, hidden: &[Category], per_chunk: usize) -> Vec<Year> {
    let mut all: Vec<(i64, u8, Entry, i32)> = t
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
    all.sort_by_key(|(start, kind, _, _)| (*start, *kind));
    let mut out: Vec<Year> = Vec::new();
    for (_, _, entry, year) in all {
        match out.last_mut() {
            Some(y) if y.year == year => match y.chunks.last_mut() {
                Some(c) if c.len() < per_chunk.max(1) => c.push(entry),
                _ => y.chunks.push(vec![entry]),
            },
            _ => out.push(Year { year, chunks: vec![vec![entry]] }),
        }
    }
    out
}
