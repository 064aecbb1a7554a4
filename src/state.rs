//! The view state of one widget instance: one `Reducible` with an `Action` enum. Pure: no I/O here;
//! focus moves are *requested* (`Focus`) and carried out by an effect in the root component.

use std::rc::Rc;

use yew::Reducible;

use crate::model::EventId;

/// Where keyboard focus should go after a state change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// Leave focus where it is.
    Stay,
    /// The detail panel's heading (after opening).
    Panel,
    /// An entry's mark in the list (after closing the panel, or moving to a neighbour from the list).
    Entry(EventId),
}

/// Everything that changes while a reader uses the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The entry whose details are open.
    pub selected: Option<EventId>,
    /// Requested focus move, with a counter so that repeating the same request runs it again.
    pub focus: (Focus, u32),
}

impl Default for ViewState {
    fn default() -> Self {
        Self { selected: None, focus: (Focus::Stay, 0) }
    }
}

/// What a reader can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open the details of an entry.
    Select(EventId),
    /// Close the details and return focus to the entry.
    Close,
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let n = self.focus.1.wrapping_add(1);
        match action {
            Action::Select(id) => Rc::new(Self { selected: Some(id), focus: (Focus::Panel, n) }),
            Action::Close => match &self.selected {
                None => self,
                Some(id) => Rc::new(Self { selected: None, focus: (Focus::Entry(id.clone()), n) }),
            },
        }
    }
}
