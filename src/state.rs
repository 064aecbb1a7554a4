//! The view state of one widget instance: one `Reducible` with an `Action` enum.
//!
//! Pure: no I/O here. Focus moves are *requested* (`Focus`) and carried out by an effect in the root
//! component; host events are derived from state changes by effects. Times are minutes since 1970.

use std::rc::Rc;

use crate::layout::{Limits, Viewport};
use crate::model::{Category, EventId, Item, Start, Timeline};

/// Where keyboard focus should go after a state change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// Leave focus where it is.
    Stay,
    /// The detail panel's heading (after opening).
    Panel,
    /// An entry's mark (after closing the panel, or moving between marks with the keyboard).
    Entry(EventId),
    /// The first control of the current scope (after drilling in or out).
    Scope,
}

/// How the entries are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Time axis with lanes, zoom and pan.
    Timeline,
    /// A plain list in time order.
    List,
}

/// What part of the data is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything (the 24 years).
    All,
    /// Inside one event with children (the meeting and its sessions).
    Event(EventId),
}

/// Everything that changes while a reader uses the widget.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The entry whose details are open.
    pub selected: Option<EventId>,
    /// The mark that holds the single tab stop of the timeline (roving tabindex).
    pub active: Option<EventId>,
    /// Requested focus move, with a counter so that repeating the same request runs it again.
    pub focus: (Focus, u32),
    /// Timeline or list.
    pub mode: Mode,
    /// All, or inside an event.
    pub scope: Scope,
    /// The visible window.
    pub view: Viewport,
    /// How far zoom and pan may go.
    pub limits: Limits,
    /// Width of the timeline surface in CSS pixels (0 until measured).
    pub width: f64,
    /// Lanes the reader has hidden.
    pub hidden: Vec<Category>,
    /// A quiet message for the reader (an unknown deep link, …).
    pub notice: Option<String>,
    /// A drag or pinch is under way (movement is not animated).
    pub gesture: bool,
    /// The latest move of the view is animated: a button, key or jump is; the wheel, a pinch and a
    /// drag follow the hand directly (and animating hundreds of marks per wheel step costs frames).
    pub animate: bool,
}

/// What a reader (or the host page) can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Open an entry's details; `span` (start, end) is kept in view.
    Select { id: EventId, span: Option<(f64, f64)> },
    /// Close the details and return focus to the entry.
    Close,
    /// Move keyboard focus to a mark, panning to it if needed.
    FocusEntry { id: EventId, span: Option<(f64, f64)> },
    /// Zoom by a factor (2 = twice as close) about a pixel (the centre if `None`).
    ZoomBy { factor: f64, anchor: Option<f64> },
    /// Move the content right by this many pixels.
    PanBy(f64),
    /// Show everything.
    Fit,
    /// Show the window `[from, to]`, with a margin of `pad` (a fraction of its length) on each side.
    Show { from: f64, to: f64, pad: f64 },
    /// Go to the start (`false`) or the end (`true`) at the current zoom.
    Edge(bool),
    /// The surface was measured.
    Resize(f64),
    /// Show or hide a lane.
    ToggleLane(Category),
    /// Drill into an event with children.
    Enter(EventId),
    /// Back to everything.
    Leave,
    /// Timeline or list.
    SetMode(Mode),
    /// Show (or clear) a quiet notice.
    Notice(Option<String>),
    /// A drag or pinch starts (`true`) or ends.
    Gesture(bool),
}

impl ViewState {
    /// The initial state for data covering `limits`, showing `view`.
    pub fn new(limits: Limits, view: Viewport) -> Self {
        Self {
            selected: None,
            active: None,
            focus: (Focus::Stay, 0),
            mode: Mode::Timeline,
            scope: Scope::All,
            view: view.clamp(&limits),
            limits,
            width: 0.0,
            hidden: Vec::new(),
            notice: None,
            gesture: false,
            animate: true,
        }
    }

    /// The view that keeps `span` visible: unchanged if it already shows it, else centred on it
    /// (zooming out if the span is wider than the view).
    fn keep_in_view(&self, span: Option<(f64, f64)>) -> Viewport {
        match span {
            Some((from, to)) if !self.view.shows(from, to) => {
                if to - from > self.view.span() * 0.9 {
                    Viewport::around(from, to, 0.1, &self.limits)
                } else {
                    self.view.centred_on((from + to) / 2.0, &self.limits)
                }
            }
            _ => self.view,
        }
    }

    /// Whether a lane is shown.
    pub fn shows_lane(&self, c: Category) -> bool {
        !self.hidden.contains(&c)
    }
}

/// Where the widget opens: the window to show, and an entry to open (and the event to enter first
/// when that entry is a session).
pub fn initial(timeline: &Timeline, start: &Start) -> (Limits, Viewport, Option<(EventId, Option<EventId>)>) {
    let (lo, hi) = timeline.span();
    #[allow(clippy::cast_precision_loss)]
    let limits = Limits::around(lo as f64, hi as f64);
    match start {
        Start::All => (limits, Viewport::fit(&limits), None),
        #[allow(clippy::cast_precision_loss)]
        Start::Range(a, b) => (limits, Viewport::around(*a as f64, *b as f64, 0.0, &limits), None),
        Start::Event(id) => match timeline.find(id.as_str()) {
            None => (limits, Viewport::fit(&limits), None),
            Some(item) => {
                let w = item.when();
                #[allow(clippy::cast_precision_loss)]
                let (a, b) = (w.start_minute() as f64, w.end_minute() as f64);
                // Context: at least two years around the entry.
                let span = ((b - a) * 3.0).max(2.0 * 365.25 * 1440.0);
                let mid = (a + b) / 2.0;
                let view = Viewport { from: mid - span / 2.0, to: mid + span / 2.0 }.clamp(&limits);
                let parent = match item {
                    Item::Event(_, Some(p)) => Some(p.id.clone()),
                    _ => None,
                };
                (limits, view, Some((id.clone(), parent)))
            }
        },
    }
}

/// The span (first minute, minute after) of an entry, as layout times.
#[allow(clippy::cast_precision_loss)]
pub fn span_of(item: Item<'_>) -> (f64, f64) {
    let w = item.when();
    (w.start_minute() as f64, w.end_minute() as f64)
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        self.apply(action)
    }
}

impl ViewState {
    /// The state after `action`; the same `Rc` when nothing changed (so nothing re-renders).
    pub fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let n = self.focus.1.wrapping_add(1);
        let direct = matches!(action, Action::ZoomBy { anchor: Some(_), .. } | Action::PanBy(_));
        let mut s = (*self).clone();
        match action {
            Action::Select { id, span } => {
                s.view = s.keep_in_view(span);
                s.active = Some(id.clone());
                s.selected = Some(id);
                s.focus = (Focus::Panel, n);
                s.notice = None;
            }
            Action::Close => match s.selected.take() {
                None => return self,
                Some(id) => s.focus = (Focus::Entry(id), n),
            },
            Action::FocusEntry { id, span } => {
                s.view = s.keep_in_view(span);
                s.active = Some(id.clone());
                s.focus = (Focus::Entry(id), n);
            }
            Action::ZoomBy { factor, anchor } => {
                let anchor = anchor.unwrap_or(s.width / 2.0);
                s.view = s.view.zoom(factor, anchor, s.width.max(1.0), &s.limits);
            }
            Action::PanBy(dx) => s.view = s.view.pan(dx, s.width.max(1.0), &s.limits),
            Action::Fit => s.view = Viewport::fit(&s.limits),
            Action::Show { from, to, pad } => s.view = Viewport::around(from, to, pad, &s.limits),
            Action::Edge(end) => {
                let span = s.view.span();
                let from = if end { s.limits.max - span } else { s.limits.min };
                s.view = Viewport { from, to: from + span }.clamp(&s.limits);
            }
            Action::Resize(w) => {
                if !(w.is_finite() && w > 0.0) || (w - s.width).abs() < 0.5 {
                    return self;
                }
                s.width = w;
            }
            Action::ToggleLane(c) => {
                if let Some(i) = s.hidden.iter().position(|h| *h == c) {
                    s.hidden.remove(i);
                } else if s.hidden.len() + 1 < Category::ALL.len() {
                    s.hidden.push(c);
                }
            }
            Action::Enter(id) => {
                s.scope = Scope::Event(id);
                s.focus = (Focus::Scope, n);
            }
            Action::Leave => {
                if let Scope::Event(id) = &s.scope {
                    s.active = Some(id.clone());
                }
                s.scope = Scope::All;
            }
            Action::SetMode(m) => s.mode = m,
            Action::Notice(text) => s.notice = text,
            Action::Gesture(on) => s.gesture = on,
        }
        if s.view != self.view {
            s.animate = !direct;
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::panic)] // a failing test panics
mod tests {
    use super::*;

    const DAY: f64 = 1440.0;

    fn state() -> Rc<ViewState> {
        let lim = Limits::around(0.0, 10_000.0 * DAY);
        let mut s = ViewState::new(lim, Viewport::fit(&lim));
        s.width = 1000.0;
        Rc::new(s)
    }

    fn id(s: &str) -> EventId {
        crate::model::test_id(s)
    }

    #[test]
    fn the_initial_view_follows_the_start() {
        let Ok(t) = crate::model::from_str(crate::BUNDLED_DATA) else { panic!("bundled data") };
        let (lim, all, open) = initial(&t, &Start::All);
        assert_eq!((all, open), (Viewport::fit(&lim), None));
        let Ok(start) = Start::parse("vienna-2024-opening", &t) else { panic!("id") };
        let (_, view, open) = initial(&t, &start);
        assert_eq!(
            open.map(|(a, b)| (a.to_string(), b.map(|b| b.to_string()))),
            Some(("vienna-2024-opening".to_owned(), Some("vienna-2024".to_owned())))
        );
        assert!(view.span() >= 2.0 * 365.0 * DAY && view.span() < 4.0 * 365.0 * DAY);
        let Ok(range) = Start::parse("2010/2011", &t) else { panic!("range") };
        let (_, view, _) = initial(&t, &range);
        assert!((view.span() - 730.0 * DAY).abs() < 1.0, "{}", view.span() / DAY);
    }

    #[test]
    fn selecting_keeps_the_entry_in_view_and_focuses_the_panel() {
        let s = state().apply(Action::Show { from: 0.0, to: 100.0 * DAY, pad: 0.0 });
        let s = s.apply(Action::Select { id: id("a"), span: Some((5000.0 * DAY, 5001.0 * DAY)) });
        assert!(s.view.shows(5000.0 * DAY, 5001.0 * DAY));
        assert_eq!(s.focus.0, Focus::Panel);
        assert_eq!(s.selected, Some(id("a")));
        let s = s.apply(Action::Close);
        assert_eq!((s.selected.clone(), s.focus.0.clone()), (None, Focus::Entry(id("a"))));
        // Closing twice changes nothing.
        let again = s.clone().apply(Action::Close);
        assert!(Rc::ptr_eq(&s, &again));
    }

    #[test]
    fn zoom_and_pan_stay_within_limits() {
        let s = state();
        let z = s.clone().apply(Action::ZoomBy { factor: 4.0, anchor: Some(0.0) });
        assert!((z.view.span() - s.view.span() / 4.0).abs() < 1e-6);
        assert!((z.view.from - s.view.from).abs() < 1e-6, "anchor at the left edge stays");
        let p = z.apply(Action::PanBy(-1e9));
        assert!((p.view.to - p.limits.max).abs() < 1e-6);
        let f = p.apply(Action::Fit);
        assert_eq!(f.view, Viewport::fit(&f.limits));
        let e = f.apply(Action::ZoomBy { factor: 10.0, anchor: None }).apply(Action::Edge(false));
        assert!((e.view.from - e.limits.min).abs() < 1e-6);
    }

    #[test]
    fn only_discrete_moves_are_animated() {
        let s = state();
        let wheel = s.clone().apply(Action::ZoomBy { factor: 2.0, anchor: Some(10.0) });
        assert!(!wheel.animate);
        let button = wheel.clone().apply(Action::ZoomBy { factor: 2.0, anchor: None });
        assert!(button.animate);
        let drag = button.apply(Action::PanBy(50.0));
        assert!(!drag.animate);
        // A change that does not move the view keeps the last kind of move.
        assert!(!drag.apply(Action::ToggleLane(Category::Un)).animate);
        assert!(s.apply(Action::PanBy(50.0)).apply(Action::Fit).animate);
    }

    #[test]
    fn lanes_toggle_but_one_always_stays() {
        let mut s = state();
        for c in Category::ALL {
            s = s.apply(Action::ToggleLane(c));
        }
        assert_eq!(s.hidden.len(), Category::ALL.len() - 1);
        assert!(s.shows_lane(Category::Other));
        let s = s.apply(Action::ToggleLane(Category::Un));
        assert!(s.shows_lane(Category::Un));
    }

    #[test]
    fn drilling_in_and_out_makes_the_event_the_tab_stop() {
        let s = state().apply(Action::Enter(id("m")));
        assert_eq!((s.scope.clone(), s.focus.0.clone()), (Scope::Event(id("m")), Focus::Scope));
        let s = s.apply(Action::Leave);
        assert_eq!((s.scope.clone(), s.active.clone()), (Scope::All, Some(id("m"))));
    }
}
