//! Keyboard navigation, pure: which key means what, and which entry an arrow leads to.
//!
//! On a mark, ← and → move between events in time order (across lanes), ↑ and ↓ to the nearest event
//! in time of the lane above or below, Home and End to the first and last event. Hidden lanes are
//! skipped. Anywhere in the widget: Esc goes back, `+` and `−` zoom (on the time axis).

use super::{Intent, Mode, Scope, ViewState};
use crate::model::{Category, Event, EventId, Timeline};

/// Where an arrow key (or Home, End) leads from a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The next event in time (→).
    Next,
    /// The previous event in time (←).
    Previous,
    /// The first event (Home).
    First,
    /// The last event (End).
    Last,
    /// The nearest event in time in the lane above (↑).
    LaneUp,
    /// The nearest event in time in the lane below (↓).
    LaneDown,
}

impl Direction {
    /// The direction a key on a mark means (`KeyboardEvent.key`).
    pub fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "ArrowRight" => Self::Next,
            "ArrowLeft" => Self::Previous,
            "Home" => Self::First,
            "End" => Self::Last,
            "ArrowUp" => Self::LaneUp,
            "ArrowDown" => Self::LaneDown,
            _ => return None,
        })
    }
}

/// The direction a key on a card of the vertical timeline means: ↓ and → the next event in time,
/// ↑ and ← the previous one, Home and End the first and last.
pub fn vertical_direction(key: &str) -> Option<Direction> {
    Some(match key {
        "ArrowDown" | "ArrowRight" => Direction::Next,
        "ArrowUp" | "ArrowLeft" => Direction::Previous,
        "Home" => Direction::First,
        "End" => Direction::Last,
        _ => return None,
    })
}

/// The intent of a key pressed anywhere in the widget (`None`: the key is the page's).
pub fn widget_key(state: &ViewState, key: &str) -> Option<Intent> {
    let on_axis = state.mode == Mode::Timeline && state.scope == Scope::All && !state.vertical();
    match key {
        "Escape" if state.selected.is_some() || state.scope != Scope::All => Some(Intent::Back),
        "+" | "=" if on_axis => Some(Intent::ZoomBy { factor: 2.0, anchor: None }),
        "-" | "_" if on_axis => Some(Intent::ZoomBy { factor: 0.5, anchor: None }),
        _ => None,
    }
}

/// Categories that have events and are not in `hidden`, in lane order.
pub fn shown_lanes(t: &Timeline, hidden: &[Category]) -> Vec<Category> {
    Category::ALL
        .into_iter()
        .filter(|c| !hidden.contains(c) && t.events.iter().any(|e| e.category == *c))
        .collect()
}

/// The card a key leads to in the vertical timeline, in the column's order (events of shown lanes and
/// periods, by time): ↓ the next, ↑ the previous, Home and End the first and last.
pub fn column_target(t: &Timeline, hidden: &[Category], from: &str, dir: Direction) -> Option<EventId> {
    let order: Vec<&EventId> = crate::layout::years(t, hidden, usize::MAX)
        .into_iter()
        .flat_map(|y| y.chunks.into_iter().flat_map(|c| c.entries))
        .filter_map(|e| match e {
            crate::layout::Entry::Event(i) => t.events.get(i).map(|e| &e.id),
            crate::layout::Entry::Period(i) => t.periods.get(i).map(|p| &p.id),
        })
        .collect();
    let i = order.iter().position(|id| id.as_str() == from)?;
    let to = match dir {
        Direction::Next | Direction::LaneDown => order.get(i + 1),
        Direction::Previous | Direction::LaneUp => i.checked_sub(1).and_then(|j| order.get(j)),
        Direction::First => order.first(),
        Direction::Last => order.last(),
    };
    to.map(|id| (*id).clone())
}

/// The event a key leads to from the mark of `from` (`None`: nowhere, or `from` is not shown).
pub fn target(t: &Timeline, hidden: &[Category], from: &str, dir: Direction) -> Option<EventId> {
    let events: Vec<&Event> = t.events.iter().filter(|e| !hidden.contains(&e.category)).collect();
    let i = events.iter().position(|e| e.id.as_str() == from)?;
    let here = *events.get(i)?;
    let to = match dir {
        Direction::Next => events.get(i + 1),
        Direction::Previous => i.checked_sub(1).and_then(|j| events.get(j)),
        Direction::First => events.first(),
        Direction::Last => events.last(),
        Direction::LaneUp | Direction::LaneDown => {
            let lanes = shown_lanes(t, hidden);
            let li = lanes.iter().position(|c| *c == here.category)?;
            let next = if dir == Direction::LaneUp { li.checked_sub(1) } else { Some(li + 1) };
            let lane = *lanes.get(next?)?;
            let mid = here.when.start_minute();
            return events
                .iter()
                .filter(|e| e.category == lane)
                .min_by_key(|e| (e.when.start_minute() - mid).abs())
                .map(|e| e.id.clone());
        }
    };
    to.map(|e| e.id.clone())
}
