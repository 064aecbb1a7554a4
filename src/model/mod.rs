//! The domain: what a timeline *is*, independent of any file format and of the browser.
//!
//! Architecture invariant: this module never imports `yew`, `web_sys` or `js_sys`, nor any other
//! module of this crate; it builds and is tested natively. A `Timeline` is always valid: ids are
//! unique, dates are real, ranges are ordered, every entry has a source with an http(s) URL, and every
//! child lies within its parent. The file formats that produce one live in `format`.

mod agenda;
mod date;
pub(crate) mod error;
mod lang;
pub mod order;

use std::rc::Rc;

pub use agenda::{agenda, AgendaDay, DayKey};
pub use date::{
    astronomical, civil_from_days, days_from_civil, days_in_month, grouped, historical, is_leap, year_en,
    DateError, PartialDate, Precision, PrecisionGap, When, CALENDAR_YEARS, MAX_YEAR, MIN_YEAR, MONTHS,
};
pub use error::{shown, DataError};
pub use lang::{Lang, Translation};

/// The outcome of loading a data file: a timeline, or every problem found in it.
pub type Loaded = Result<Timeline, Vec<DataError>>;

/// A stable, URL-safe identifier (`[a-z0-9-]`, at most 64 characters). Cheap to clone.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(pub(crate) Rc<str>);

impl EventId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An id for tests of other modules (no validation).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn test_id(s: &str) -> EventId {
    EventId(Rc::from(s))
}

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who acted: one lane of the timeline each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// United Nations bodies and treaties.
    Un,
    /// The OSCE.
    Osce,
    /// The Council of Europe.
    Coe,
    /// The European Union.
    Eu,
    /// National legislation.
    NationalLaw,
    /// Civil society.
    CivilSociety,
    /// Anything else (e.g. the groups of an imported TimelineJS3 file).
    Other,
}

impl Category {
    /// All categories, in lane order.
    pub const ALL: [Category; 7] = [
        Category::Un,
        Category::Osce,
        Category::Coe,
        Category::Eu,
        Category::NationalLaw,
        Category::CivilSociety,
        Category::Other,
    ];

    /// The key used in data files.
    pub fn key(self) -> &'static str {
        match self {
            Category::Un => "un",
            Category::Osce => "osce",
            Category::Coe => "coe",
            Category::Eu => "eu",
            Category::NationalLaw => "national-law",
            Category::CivilSociety => "civil-society",
            Category::Other => "other",
        }
    }

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Category::Un => "UN",
            Category::Osce => "OSCE",
            Category::Coe => "Council of Europe",
            Category::Eu => "EU",
            Category::NationalLaw => "National law",
            Category::CivilSociety => "Civil society",
            Category::Other => "Other",
        }
    }

    /// Parses a data-file key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A cited source. Invariant: `url` is an absolute http or https URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Human-readable title of the page or document.
    pub title: String,
    /// Where to read it.
    pub url: String,
}

impl Info {
    /// The short label if there is one, else the title.
    pub fn short(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.title)
    }

    fn tr(&self, lang: Lang) -> Option<&Translation> {
        self.i18n.iter().find(|(l, _)| *l == lang).map(|(_, t)| t)
    }

    /// The title in `lang`, else in English.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.title_lang(lang).0
    }

    /// The short label in `lang` (else its title in `lang`, else English).
    pub fn short_in(&self, lang: Lang) -> &str {
        self.short_lang(lang).0
    }

    /// The title in `lang`, else in English, with the language it is in.
    pub fn title_lang(&self, lang: Lang) -> (&str, Lang) {
        match self.tr(lang).and_then(|t| t.title.as_deref()) {
            Some(t) => (t, lang),
            None => (&self.title, Lang::En),
        }
    }

    /// The summary in `lang`, else in English, with the language it is in.
    pub fn summary_lang(&self, lang: Lang) -> (&str, Lang) {
        match self.tr(lang).and_then(|t| t.summary.as_deref()) {
            Some(t) => (t, lang),
            None => (&self.summary, Lang::En),
        }
    }

    /// The note in `lang`, else in English, with the language it is in.
    pub fn note_lang(&self, lang: Lang) -> Option<(&str, Lang)> {
        match self.tr(lang).and_then(|t| t.note.as_deref()) {
            Some(t) => Some((t, lang)),
            None => self.note.as_deref().map(|n| (n, Lang::En)),
        }
    }

    /// The short label in `lang`, with the language it is in.
    pub fn short_lang(&self, lang: Lang) -> (&str, Lang) {
        let t = self.tr(lang);
        let own = t
            .and_then(|t| t.label.as_deref())
            .or_else(|| t.and_then(|t| t.title.as_deref()).filter(|_| self.label.is_none()));
        match own {
            Some(s) => (s, lang),
            None => (self.short(), Lang::En),
        }
    }

    /// Whether any of the text is translated into `lang` (English never is: it is the original).
    pub fn translated(&self, lang: Lang) -> bool {
        self.tr(lang).is_some_and(|t| t.title.is_some() || t.summary.is_some() || t.note.is_some())
    }

    /// The summary in `lang`, else in English.
    pub fn summary_in(&self, lang: Lang) -> &str {
        self.summary_lang(lang).0
    }

    /// The note in `lang`, else in English.
    pub fn note_in(&self, lang: Lang) -> Option<&str> {
        self.note_lang(lang).map(|(n, _)| n)
    }
}

impl Source {
    /// The host name of the URL (`www.coe.int`), shown so readers see whose page it is.
    pub fn host(&self) -> &str {
        url_host(&self.url)
    }
}

/// The host of an absolute URL (`https://www.coe.int/en/…` → `www.coe.int`).
pub fn url_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// What the detail panel shows for any entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// Title (never empty).
    pub title: String,
    /// A short label for marks and buttons, if the title is long.
    pub label: Option<String>,
    /// One or two sentences (never empty).
    pub summary: String,
    /// A caveat about the date or the sources, shown as is.
    pub note: Option<String>,
    /// People and bodies involved.
    pub actors: Vec<String>,
    /// At least one.
    pub sources: Vec<Source>,
    /// Translations of the text, by language (never English).
    pub i18n: Vec<(Lang, Translation)>,
}

/// Where a child (a session of a meeting) sits inside its parent when drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Placement {
    /// The child's own date is known to the minute.
    Time,
    /// Only the day of the parent is known (1 = first day).
    Day(u16),
    /// The source does not say which day.
    Unknown,
}

/// A dated entry on the timeline, possibly holding children (a meeting and its sessions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique across the whole timeline.
    pub id: EventId,
    /// When.
    pub when: When,
    /// Lane.
    pub category: Category,
    /// Text for the detail panel.
    pub info: Info,
    /// Children, in file order (the order the source reports them).
    pub children: Vec<Event>,
    /// For children: where they sit inside the parent. `None` for top-level events.
    pub placement: Option<Placement>,
}

/// A labelled span drawn as a background band (a mandate, an evaluation round).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Unique across the whole timeline.
    pub id: EventId,
    /// Bands with the same group share a row ("OSCE Special Representative").
    pub group: String,
    /// Colour.
    pub category: Category,
    /// Start; the end is `None` when no source gives it (or the period goes on).
    pub when: When,
    /// Text for the detail panel.
    pub info: Info,
}

impl Period {
    /// The name of the period's row in `lang`, else in English.
    pub fn group_in(&self, lang: Lang) -> &str {
        self.info.tr(lang).and_then(|t| t.group.as_deref()).unwrap_or(&self.group)
    }

    /// English label: `13 May 2004 – May 2006`, or `from 1 February 2010` when no end is known.
    pub fn label_en(&self) -> String {
        if self.when.end.is_some() || self.when.windowed() {
            self.when.label_en()
        } else if self.when.approximate {
            format!("from about {}", self.when.start.label_en())
        } else {
            format!("from {}", self.when.start.label_en())
        }
    }
}

/// A valid timeline. Events and periods are sorted by start (ties keep file order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// Heading.
    pub title: String,
    /// A sentence under the heading.
    pub description: Option<String>,
    /// Top-level events in time order.
    pub events: Vec<Event>,
    /// Periods in time order.
    pub periods: Vec<Period>,
    /// What to show first.
    pub start: Start,
    /// Translations of the title (`title`) and description (`summary`).
    pub i18n: Vec<(Lang, Translation)>,
    /// Things worth fixing that do not stop the timeline (a source with no title, …).
    pub warnings: Vec<DataError>,
}

/// What the widget shows first: set by the data file (`start`), overridable by the embedding page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Start {
    /// Everything.
    #[default]
    All,
    /// A window of time: first minute and the minute after, since 1970.
    Range(i64, i64),
    /// One entry, centred and open.
    Event(EventId),
}

impl Start {
    /// Parses `all`, an entry id, or a range `FROM/TO` of ISO dates (`2010/2014-06`, `2024-04-15/2024-04-16`).
    pub fn parse(text: &str, timeline: &Timeline) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() || text == "all" {
            return Ok(Start::All);
        }
        if let Some((a, b)) = text.split_once('/') {
            let from = PartialDate::parse_iso(a)
                .ok_or_else(|| format!("\"{}\" is not a date like 2004, 2004-05 or 2004-05-13", shown(a)))?;
            let to = PartialDate::parse_iso(b)
                .ok_or_else(|| format!("\"{}\" is not a date like 2004, 2004-05 or 2004-05-13", shown(b)))?;
            if to.end_minute() <= from.start_minute() {
                return Err(format!("the range {text} ends before it starts"));
            }
            return Ok(Start::Range(from.start_minute(), to.end_minute()));
        }
        match timeline.find(text) {
            Some(item) => Ok(Start::Event(item.id().clone())),
            None => Err(format!("there is no entry with the id \"{text}\"")),
        }
    }
}

/// Anything a reader can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    /// An event, and its parent when it is a child.
    Event(&'a Event, Option<&'a Event>),
    /// A period.
    Period(&'a Period),
}

impl<'a> Item<'a> {
    /// Detail text.
    pub fn info(self) -> &'a Info {
        match self {
            Item::Event(e, _) => &e.info,
            Item::Period(p) => &p.info,
        }
    }
    /// Id.
    pub fn id(self) -> &'a EventId {
        match self {
            Item::Event(e, _) => &e.id,
            Item::Period(p) => &p.id,
        }
    }
    /// Date.
    pub fn when(self) -> &'a When {
        match self {
            Item::Event(e, _) => &e.when,
            Item::Period(p) => &p.when,
        }
    }
    /// Category.
    pub fn category(self) -> Category {
        match self {
            Item::Event(e, _) => e.category,
            Item::Period(p) => p.category,
        }
    }
}

impl Timeline {
    /// The heading in `lang`, else in English.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.i18n
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, t)| t.title.as_deref())
            .unwrap_or(&self.title)
    }

    /// The description in `lang`, else in English.
    pub fn description_in(&self, lang: Lang) -> Option<&str> {
        self.i18n
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, t)| t.summary.as_deref())
            .or(self.description.as_deref())
    }

    /// An actor's name in `lang` (the document's `i18n.LANG.actors`), else as written, in English.
    pub fn actor_in<'a>(&'a self, name: &'a str, lang: Lang) -> (&'a str, Lang) {
        self.i18n
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, t)| t.actors.iter().find(|(en, _)| en == name))
            .map_or((name, Lang::En), |(_, tr)| (tr.as_str(), lang))
    }

    /// Finds any event, child or period by id.
    pub fn find(&self, id: &str) -> Option<Item<'_>> {
        for e in &self.events {
            if e.id.as_str() == id {
                return Some(Item::Event(e, None));
            }
            if let Some(c) = e.children.iter().find(|c| c.id.as_str() == id) {
                return Some(Item::Event(c, Some(e)));
            }
        }
        self.periods.iter().find(|p| p.id.as_str() == id).map(Item::Period)
    }

    /// The entries before and after `id` in reading order: top-level events in time order, a child
    /// among its siblings in agenda order, a period among the periods.
    pub fn neighbours(&self, id: &str) -> (Option<&EventId>, Option<&EventId>) {
        let ids: Vec<&EventId> = match self.find(id) {
            None => return (None, None),
            Some(Item::Event(_, Some(parent))) => {
                agenda(parent).into_iter().flat_map(|d| d.children).map(|c| &c.id).collect()
            }
            Some(Item::Event(_, None)) => self.events.iter().map(|e| &e.id).collect(),
            Some(Item::Period(_)) => self.periods.iter().map(|p| &p.id).collect(),
        };
        let Some(i) = ids.iter().position(|x| x.as_str() == id) else {
            return (None, None);
        };
        (i.checked_sub(1).and_then(|j| ids.get(j).copied()), ids.get(i + 1).copied())
    }

    /// First minute and the minute after everything dated in the timeline (events and periods).
    pub fn span(&self) -> (i64, i64) {
        let starts = self.events.iter().map(|e| &e.when).chain(self.periods.iter().map(|p| &p.when));
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for w in starts {
            lo = lo.min(w.start_minute());
            hi = hi.max(w.end_minute());
        }
        if lo > hi {
            (0, 1)
        } else {
            (lo, hi)
        }
    }

    /// Number of selectable entries (events, children, periods).
    pub fn len(&self) -> usize {
        self.events.iter().map(|e| 1 + e.children.len()).sum::<usize>() + self.periods.len()
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
