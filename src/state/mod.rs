//! The session of one widget instance: its view state, the **intents** that change it, and the
//! **effects** each change has outside the state.
//!
//! `ViewState::apply(intent)` is the only way the state changes. It returns the new state (the same
//! `Rc` when nothing changed, so nothing re-renders) and the effects: where focus goes, what the host
//! page is told (with the details it needs), and what the URL hash becomes. Components send one
//! intent per DOM event; one runner (`hooks::session`) carries the effects out. Pure: no I/O here,
//! built and tested natively. The session owns its `Rc` of the data, so it resolves ids, parents,
//! spans and neighbours itself. Times are minutes since 1970.

pub mod keys;

use std::rc::Rc;

pub use keys::Direction;

use crate::layout::{Limits, Viewport};
use crate::model::{Category, EventId, Item, Loaded, Start, Timeline};

/// The data of a session, shared and compared by pointer (a big timeline is never deep-compared).
#[derive(Debug, Clone)]
pub struct Data(pub Rc<Loaded>);

impl Data {
    /// The timeline, if the data is valid.
    pub fn get(&self) -> Option<&Timeline> {
        self.0.as_ref().as_ref().ok()
    }
}

impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the reader or the host page meant.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Open an entry's details by id: a click or Enter on a mark, a band, a list or agenda item, a
    /// session or previous/next in the details, a deep link, `handle.select()`. A session opens
    /// inside its meeting; an unknown id gives a quiet notice.
    Open(String),
    /// Close the details.
    Close,
    /// Esc: close the details if open, else leave the meeting.
    Back,
    /// Into an event's sessions.
    Enter(EventId),
    /// Out of an event's sessions, back to its mark (the breadcrumb).
    Leave,
    /// Keyboard focus moves from a mark to another (arrows, Home, End).
    Move { from: EventId, dir: Direction },
    /// Zoom by a factor (2 = twice as close) about a pixel of the surface; `None`: its centre, animated
    /// (buttons, keys), else following the hand (wheel, pinch).
    ZoomBy { factor: f64, anchor: Option<f64> },
    /// Move the content right by this many pixels.
    PanBy(f64),
    /// Show everything.
    Fit,
    /// Show the window `[from, to]`, with a margin of `pad` (a fraction of its length) on each side
    /// (a "+N" cluster).
    Show { from: f64, to: f64, pad: f64 },
    /// The host page asks for the window `[from, to]` on the time axis (`handle.zoomTo()`).
    ShowRange { from: f64, to: f64 },
    /// Go to the start (`false`) or the end (`true`) at the current zoom.
    Edge(bool),
    /// The time axis's surface was measured (its width in pixels).
    Resize(f64),
    /// The widget itself was measured (its width in pixels): with `Layout::Auto`, it decides between
    /// the vertical and the horizontal view.
    Container(f64),
    /// Show or hide a lane.
    ToggleLane(Category),
    /// Timeline or list.
    SetMode(Mode),
    /// A drag or pinch starts (`true`) or ends.
    Gesture(bool),
    /// The open details show their English original (`true`) or the reader's language.
    Original(bool),
}

/// What must happen outside the state after a change.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Move keyboard focus.
    Focus(Focus),
    /// Tell the host page (a `timeline:*` DOM event).
    Host(HostEvent),
    /// The entry the URL hash should name (`#event=ID`), for instances that keep it there.
    Hash(Option<EventId>),
    /// The vertical timeline scrolls the page to this time (minutes since 1970): what `zoomTo` does
    /// there.
    ScrollTo(f64),
}

/// Where keyboard focus goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// The detail panel's heading (after opening).
    Panel,
    /// An entry's mark or session button (after closing, leaving, moving with the keyboard).
    Entry(EventId),
    /// The heading of the event whose sessions are shown (after entering).
    Scope,
}

/// What the widget tells its host page.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// First render done.
    Ready,
    /// An entry was opened.
    Select(Selection),
    /// The details were closed.
    Close,
    /// The visible window changed (minutes since 1970).
    Range {
        /// Left edge.
        from: f64,
        /// Right edge.
        to: f64,
    },
}

/// The detail of `timeline:select`: what a page needs to know about the opened entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Its id.
    pub id: EventId,
    /// Its title (English, as in the data file).
    pub title: String,
    /// Its date, ISO with the known precision (`2003-07-24`, `2024`).
    pub date: String,
    /// Its lane.
    pub category: Category,
    /// Its sources' URLs.
    pub sources: Vec<String>,
}

impl Selection {
    fn of(item: Item<'_>) -> Self {
        Self {
            id: item.id().clone(),
            title: item.info().title.clone(),
            date: item.when().iso(),
            category: item.category(),
            sources: item.info().sources.iter().map(|s| s.url.clone()).collect(),
        }
    }
}

/// How the entries are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Time axis with lanes, zoom and pan.
    Timeline,
    /// A plain list in time order.
    List,
}

/// Which view the page asked for (`layout` attribute or option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Vertical below [`VERTICAL_BELOW`] pixels of the widget's own width, else horizontal.
    #[default]
    Auto,
    /// Always the vertical timeline (time runs down the page).
    Vertical,
    /// Always the horizontal time axis.
    Horizontal,
}

impl Layout {
    /// `auto`, `vertical` or `horizontal`, as in the `layout` attribute (`None`: not one of these).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Some(Self::Auto),
            "vertical" => Some(Self::Vertical),
            "horizontal" => Some(Self::Horizontal),
            _ => None,
        }
    }
}

/// Below this width of the widget (CSS pixels), `Layout::Auto` shows the vertical timeline: at 600 px
/// the horizontal axis still shows the whole span with a few labelled marks per lane (long labels
/// shortened); narrower, most labels are cut and most events hide in clusters (README, "Phones").
pub const VERTICAL_BELOW: f64 = 600.0;

/// From this width of the widget the details open beside the timeline, not below it
/// (`assets/timeline.css`, `.att-side`).
pub const SIDE_PANEL_FROM: f64 = 900.0;
/// Below this width of the widget every control is at least 44 × 44 px (`.att-narrow`), whichever
/// view shows.
pub const TOUCH_BELOW: f64 = 600.0;
/// Up to this width the widget's padding narrows and a list entry's date takes its own line
/// (`.att-slim`).
pub const SLIM_UP_TO: f64 = 560.0;
/// What the widget's box takes from its width around the stage's surface (`assets/timeline.css`):
/// `.att`'s 1 px border and 16 px padding (8 px when `.att-slim`) and `.att-surface`'s 1 px border,
/// on both sides. Change both together.
const AROUND_SURFACE: f64 = 2.0 * (1.0 + 16.0 + 1.0);
const AROUND_SURFACE_SLIM: f64 = 2.0 * (1.0 + 8.0 + 1.0);
/// What the details take from the timeline's width when they open beside it: their 400 px column
/// and the 16 px gap (`assets/timeline.css`, `.att-body.att-open2`). The session narrows the surface
/// by this much in the render that opens them, at the same scale, so that this render is already the
/// final one and moves nothing on the axis: no second render and layout when the resize observer
/// reports the new width a frame later.
pub const SIDE_PANEL_SPACE: f64 = 416.0;

/// What part of the data is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Everything (the 24 years).
    All,
    /// Inside one event with children (the meeting and its sessions).
    Event(EventId),
}

/// A quiet message for the reader (the view translates it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A deep link or `select()` named no entry.
    NoEntry(String),
    /// The `start` setting could not be used (why).
    BadStart(String),
}

/// What the polite live region says (the view translates it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announcement {
    /// Nothing.
    Quiet,
    /// The entry just opened.
    Opened(EventId),
    /// The range now shown on the time axis.
    Range,
    /// The sessions of this event are shown.
    SessionsOf(EventId),
}

/// Everything that changes while a reader uses the widget.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// The data (the session owns its `Rc`).
    pub data: Data,
    /// The entry whose details are open.
    pub selected: Option<EventId>,
    /// Its details show the English original instead of the translation.
    pub original: bool,
    /// The mark that holds the single tab stop of the timeline (roving tabindex).
    pub active: Option<EventId>,
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
    /// Which view the page asked for.
    pub layout: Layout,
    /// Width of the widget itself in CSS pixels (0 until measured).
    pub container: f64,
    /// Lanes the reader has hidden.
    pub hidden: Vec<Category>,
    /// A quiet message for the reader.
    pub notice: Option<Notice>,
    /// A drag or pinch is under way (movement is not animated).
    pub gesture: bool,
    /// The latest move of the view is animated: a button, key or jump is; the wheel, a pinch and a
    /// drag follow the hand directly (and animating hundreds of marks per wheel step costs frames).
    pub animate: bool,
}

/// The classes of a widget `container` pixels wide, for `.att` (`assets/timeline.css`): `att-narrow`
/// below [`TOUCH_BELOW`], `att-side` from [`SIDE_PANEL_FROM`], `att-slim` up to [`SLIM_UP_TO`]. Unknown
/// (0: not yet measured, or hidden), the narrow ones apply, as a container query would say. These
/// were container queries, but a query container makes Chrome recalculate its descendants' styles
/// inside layout (15–20 ms of every zoom step at N = 10,000).
pub fn width_classes_of(container: f64) -> [Option<&'static str>; 3] {
    [
        (container < TOUCH_BELOW).then_some("att-narrow"),
        (container >= SIDE_PANEL_FROM).then_some("att-side"),
        (container <= SLIM_UP_TO).then_some("att-slim"),
    ]
}

impl ViewState {
    /// A session of `data` showing `view` within `limits` (no selection).
    pub fn new(data: Data, limits: Limits, view: Viewport) -> Self {
        Self {
            data,
            selected: None,
            original: false,
            active: None,
            mode: Mode::Timeline,
            scope: Scope::All,
            view: view.clamp(&limits),
            limits,
            width: 0.0,
            layout: Layout::Auto,
            container: 0.0,
            hidden: Vec::new(),
            notice: None,
            gesture: false,
            animate: true,
        }
    }

    /// Where a session starts: `start` (the page's setting, else the data's), the entry it opens (inside
    /// its meeting if it is a session; focus stays with the page), and the effects of that opening.
    pub fn start(data: Data, start: Option<Result<Start, String>>) -> (Self, Vec<Effect>) {
        let Some(t) = data.get() else {
            let lim = Limits::around(0.0, 1.0);
            return (Self::new(data.clone(), lim, Viewport::fit(&lim)), Vec::new());
        };
        let (start, notice) = match start {
            None => (t.start.clone(), None),
            Some(Ok(s)) => (s, None),
            Some(Err(e)) => (t.start.clone(), Some(Notice::BadStart(e))),
        };
        let (limits, view, open) = initial(t, &start);
        let mut effects = Vec::new();
        let mut s = Self::new(data.clone(), limits, view);
        s.notice = notice;
        if let Some(item) = open.as_ref().and_then(|id| t.find(id.as_str())) {
            if let Item::Event(_, Some(parent)) = item {
                s.scope = Scope::Event(parent.id.clone());
            }
            s.active = Some(item.id().clone());
            s.selected = Some(item.id().clone());
            effects.push(Effect::Host(HostEvent::Select(Selection::of(item))));
            effects.push(Effect::Hash(Some(item.id().clone())));
        }
        (s, effects)
    }

    /// The state for a widget `container` pixels wide (its host's width when it was mounted), before
    /// anything is measured: the view (vertical or horizontal), the touch sizes, and the surface width
    /// that the stylesheet will give the stage (with the details beside it if an entry opens at start).
    /// The first render is then the finished one; the measurements after it (`Intent::Container`,
    /// `Intent::Resize`) change nothing when this was right, and correct it when it was not (a host
    /// with padding, say). A width that is not positive changes nothing.
    #[must_use]
    pub fn sized(mut self, container: f64) -> Self {
        if !(container.is_finite() && container > 0.0) {
            return self;
        }
        self.container = container;
        if !self.vertical() {
            let around = if container <= SLIM_UP_TO { AROUND_SURFACE_SLIM } else { AROUND_SURFACE };
            let panel = if self.selected.is_some() && self.side_panel() { SIDE_PANEL_SPACE } else { 0.0 };
            let width = container - around - panel;
            if width >= 1.0 {
                self.width = width;
            }
        }
        self
    }

    /// Whether the vertical timeline is shown (time runs down the page).
    pub fn vertical(&self) -> bool {
        match self.layout {
            Layout::Vertical => true,
            Layout::Horizontal => false,
            Layout::Auto => self.container > 0.0 && self.container < VERTICAL_BELOW,
        }
    }

    /// The surface becomes `width` wide and the view shows more or less time at the same scale, from the
    /// same left edge: nothing on the axis moves (no mark is placed again, no transform changes); what
    /// no longer fits is cut at the right edge, and comes back when the width does.
    fn resize_keeping_scale(&mut self, width: f64) {
        if self.width > 0.0 && width > 0.0 {
            let span = self.view.span() * width / self.width;
            self.view = Viewport { from: self.view.from, to: self.view.from + span }.clamp(&self.limits);
        }
        self.width = width;
    }

    /// The classes of the widget's width, for `.att` ([`width_classes_of`] its container): here the
    /// width that picks the view and the side panel is the one that picks the styles.
    pub fn width_classes(&self) -> [Option<&'static str>; 3] {
        width_classes_of(self.container)
    }

    /// Whether controls are touch-sized (`att-narrow`): the stage's rows and bands are as tall as the
    /// stylesheet makes its marks there.
    pub fn touch(&self) -> bool {
        self.container < TOUCH_BELOW
    }

    /// Whether details open beside the horizontal timeline (and take [`SIDE_PANEL_SPACE`] of it).
    fn side_panel(&self) -> bool {
        !self.vertical() && self.container >= SIDE_PANEL_FROM
    }

    /// The timeline, if the data is valid.
    pub fn timeline(&self) -> Option<&Timeline> {
        self.data.get()
    }

    /// Whether a lane is shown.
    pub fn shows_lane(&self, c: Category) -> bool {
        !self.hidden.contains(&c)
    }

    /// What the polite live region says now: what was opened, else the range shown on the time axis
    /// (not during a drag), else the sessions shown.
    pub fn announcement(&self) -> Announcement {
        match (&self.selected, self.mode, &self.scope) {
            (Some(id), _, _) => Announcement::Opened(id.clone()),
            (None, Mode::Timeline, Scope::All) if self.width > 0.0 && !self.gesture && !self.vertical() => {
                Announcement::Range
            }
            (None, _, Scope::Event(id)) => Announcement::SessionsOf(id.clone()),
            _ => Announcement::Quiet,
        }
    }

    /// The view that keeps `span` visible: unchanged if it already shows it, else centred on it
    /// (zooming out if the span is wider than the view).
    fn keep_in_view(&self, (from, to): (f64, f64)) -> Viewport {
        if self.view.shows(from, to) {
            self.view
        } else if to - from > self.view.span() * 0.9 {
            Viewport::around(from, to, 0.1, &self.limits)
        } else {
            self.view.centred_on((from + to) / 2.0, &self.limits)
        }
    }

    /// The span kept in view for an entry: its own, or its meeting's for a session (the meeting's
    /// mark stands for it on the time axis).
    fn span_shown(&self, id: &str) -> Option<(f64, f64)> {
        if self.vertical() {
            return None; // the vertical timeline shows every entry; the page's scroll brings it
        }
        self.timeline().and_then(|t| t.find(id)).map(|item| match item {
            Item::Event(_, Some(parent)) => span_of(Item::Event(parent, None)),
            other => span_of(other),
        })
    }

    /// The state after `intent`, and the effects of the change. The same `Rc` when nothing changed.
    pub fn apply(self: &Rc<Self>, intent: Intent) -> (Rc<Self>, Vec<Effect>) {
        let direct = matches!(intent, Intent::ZoomBy { anchor: Some(_), .. } | Intent::PanBy(_));
        let mut s = (**self).clone();
        let mut fx = Vec::new();
        match intent {
            Intent::Open(id) => s.open(&id, &mut fx),
            Intent::Close => s.close(&mut fx),
            Intent::Original(on) => s.original = on && s.selected.is_some(),
            Intent::Back => {
                if s.selected.is_some() {
                    s.close(&mut fx);
                } else {
                    s.leave(&mut fx);
                }
            }
            Intent::Enter(id) => {
                s.scope = Scope::Event(id);
                fx.push(Effect::Focus(Focus::Scope));
            }
            Intent::Leave => s.leave(&mut fx),
            Intent::Move { from, dir } => {
                let target = s.timeline().and_then(|t| {
                    if s.vertical() {
                        keys::column_target(t, &s.hidden, from.as_str(), dir)
                    } else {
                        keys::target(t, &s.hidden, from.as_str(), dir)
                    }
                });
                if let Some(id) = target {
                    if let Some(span) = s.span_shown(id.as_str()) {
                        s.view = s.keep_in_view(span);
                    }
                    s.active = Some(id.clone());
                    fx.push(Effect::Focus(Focus::Entry(id)));
                }
            }
            Intent::ZoomBy { factor, anchor } => {
                let anchor = anchor.unwrap_or(s.width / 2.0);
                s.view = s.view.zoom(factor, anchor, s.width.max(1.0), &s.limits);
            }
            Intent::PanBy(dx) => s.view = s.view.pan(dx, s.width.max(1.0), &s.limits),
            Intent::Fit => s.view = Viewport::fit(&s.limits),
            Intent::Show { from, to, pad } => s.view = Viewport::around(from, to, pad, &s.limits),
            Intent::ShowRange { from, to } => {
                if let Scope::Event(id) = &s.scope {
                    s.active = Some(id.clone());
                }
                s.scope = Scope::All;
                s.mode = Mode::Timeline;
                if s.vertical() {
                    fx.push(Effect::ScrollTo(from));
                } else {
                    s.view = Viewport::around(from, to, 0.0, &s.limits);
                }
            }
            Intent::Edge(end) => {
                let span = s.view.span();
                let from = if end { s.limits.max - span } else { s.limits.min };
                s.view = Viewport { from, to: from + span }.clamp(&s.limits);
            }
            Intent::Resize(w) => {
                if !(w.is_finite() && w > 0.0) || (w - s.width).abs() < 0.5 {
                    return (self.clone(), fx);
                }
                s.width = w;
            }
            Intent::Container(w) => {
                if !(w.is_finite() && w > 0.0) || (w - s.container).abs() < 0.5 {
                    return (self.clone(), fx);
                }
                s.container = w;
            }
            Intent::ToggleLane(c) => {
                if let Some(i) = s.hidden.iter().position(|h| *h == c) {
                    s.hidden.remove(i);
                } else if s.hidden.len() + 1 < Category::ALL.len() {
                    s.hidden.push(c);
                }
            }
            Intent::SetMode(m) => s.mode = m,
            Intent::Gesture(on) => s.gesture = on,
        }
        if s.view != self.view {
            s.animate = !direct;
            fx.push(Effect::Host(HostEvent::Range { from: s.view.from, to: s.view.to }));
        }
        if s == **self {
            (self.clone(), fx)
        } else {
            (Rc::new(s), fx)
        }
    }

    fn open(&mut self, id: &str, fx: &mut Vec<Effect>) {
        let Some(item) = self.timeline().and_then(|t| t.find(id)) else {
            self.notice = Some(Notice::NoEntry(id.to_owned()));
            return;
        };
        let (id, parent, selection) = (item.id().clone(), item_parent(item), Selection::of(item));
        // An entry of a hidden lane (from previous/next, a deep link, `select()`) shows its lane again.
        let lane = match item {
            Item::Event(e, parent) => Some(parent.map_or(e.category, |p| p.category)),
            Item::Period(_) => None,
        };
        self.hidden.retain(|c| Some(*c) != lane);
        if self.selected.is_none() && self.side_panel() {
            self.resize_keeping_scale((self.width - SIDE_PANEL_SPACE).max(1.0));
        }
        if let Some(parent) = parent {
            self.scope = Scope::Event(parent);
        }
        if let Some(span) = self.span_shown(id.as_str()) {
            self.view = self.keep_in_view(span);
        }
        self.notice = None;
        self.active = Some(id.clone());
        fx.push(Effect::Focus(Focus::Panel));
        if self.selected.as_ref() != Some(&id) {
            self.selected = Some(id.clone());
            self.original = false;
            fx.push(Effect::Host(HostEvent::Select(selection)));
            fx.push(Effect::Hash(Some(id)));
        }
    }

    fn close(&mut self, fx: &mut Vec<Effect>) {
        let Some(id) = self.selected.take() else { return };
        self.original = false;
        if self.side_panel() {
            self.resize_keeping_scale(self.width + SIDE_PANEL_SPACE);
        }
        // Focus returns to what is shown of the entry: its own mark or card, or its meeting's when the
        // meeting's sessions are no longer shown; that becomes the tab stop (so it is rendered, never in
        // a cluster) and is brought into view.
        let target = match self.timeline().and_then(|t| t.find(id.as_str())) {
            Some(Item::Event(_, Some(parent))) if self.scope != Scope::Event(parent.id.clone()) => {
                parent.id.clone()
            }
            _ => id,
        };
        if let Some(span) = self.span_shown(target.as_str()) {
            self.view = self.keep_in_view(span);
        }
        self.active = Some(target.clone());
        fx.push(Effect::Focus(Focus::Entry(target)));
        fx.push(Effect::Host(HostEvent::Close));
        fx.push(Effect::Hash(None));
    }

    fn leave(&mut self, fx: &mut Vec<Effect>) {
        let Scope::Event(id) = self.scope.clone() else { return };
        self.scope = Scope::All;
        if let Some(span) = self.span_shown(id.as_str()) {
            self.view = self.keep_in_view(span);
        }
        self.active = Some(id.clone());
        fx.push(Effect::Focus(Focus::Entry(id)));
    }
}

/// The meeting of a session.
fn item_parent(item: Item<'_>) -> Option<EventId> {
    match item {
        Item::Event(_, Some(p)) => Some(p.id.clone()),
        _ => None,
    }
}

/// Where the widget opens: the limits, the window to show, and the entry to open.
pub fn initial(timeline: &Timeline, start: &Start) -> (Limits, Viewport, Option<EventId>) {
    let (lo, hi) = timeline.span();
    let limits = Limits::around(minutes(lo), minutes(hi));
    match start {
        Start::All => (limits, Viewport::fit(&limits), None),
        Start::Range(a, b) => (limits, Viewport::around(minutes(*a), minutes(*b), 0.0, &limits), None),
        Start::Event(id) => match timeline.find(id.as_str()) {
            None => (limits, Viewport::fit(&limits), None),
            Some(item) => {
                let (a, b) = span_of(item);
                // Context: at least two years around the entry.
                let span = ((b - a) * 3.0).max(2.0 * 365.25 * 1440.0);
                let mid = (a + b) / 2.0;
                let view = Viewport { from: mid - span / 2.0, to: mid + span / 2.0 }.clamp(&limits);
                (limits, view, Some(id.clone()))
            }
        },
    }
}

/// A time in minutes since 1970 as a layout coordinate.
#[allow(clippy::cast_precision_loss, reason = "exact: minutes of years ±9999 stay far below 2^53")]
pub fn minutes(m: i64) -> f64 {
    m as f64
}

/// The span (first minute, minute after) of an entry, as layout times.
pub fn span_of(item: Item<'_>) -> (f64, f64) {
    let w = item.when();
    (minutes(w.start_minute()), minutes(w.end_minute()))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::panic)] // a failing test panics
mod tests;
