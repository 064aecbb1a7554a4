//! Meaning checks: wire types → domain types, reporting every problem with its path.

use std::collections::HashMap;
use std::rc::Rc;

use super::wire::field;
use super::wire::{
    shown, RawDate, RawDoc, RawEvent, RawPeriod, RawSource, RawStart, RawTranslation, FORMAT_VERSION,
};
use super::{Category, Event, EventId, Info, Lang, Period, Placement, Source, Start, Timeline, Translation};
use crate::model::error::{index, join, DataError};
use crate::model::{order, PartialDate, When};

pub(crate) const MAX_ID: usize = 64;
pub(crate) const MAX_TITLE: usize = 200;
pub(crate) const MAX_LABEL: usize = 40;
/// Longest summary, note, description or source title, in characters.
pub const MAX_TEXT: usize = 5_000;
/// Most entries in a file (events and their sessions together).
pub const MAX_ENTRIES: usize = super::wire::MAX_EVENTS;
pub(crate) const MAX_DAYS: i64 = 366;

/// Turns decoded wire types into a [`Timeline`]. `errs` holds the shape problems found while decoding;
/// the result is `Ok` only if, with the meaning problems found here, there are none.
pub fn validate(raw: RawDoc, mut errs: Vec<DataError>) -> Result<Timeline, Vec<DataError>> {
    match raw.version {
        Some(FORMAT_VERSION) | None => {}
        Some(v) => errs.push(DataError::new(
            field::VERSION,
            format!("{v} is not a supported format version (this widget reads {FORMAT_VERSION})"),
        )),
    }
    let mut v = Validator {
        errs,
        warnings: Vec::new(),
        ids: HashMap::new(),
        imported: raw.imported,
        coverage: Vec::new(),
        actors: Vec::new(),
        actor_names: std::collections::HashSet::new(),
    };
    let entries: usize = raw.events.iter().map(|e| 1 + e.children.len()).sum();
    if entries > MAX_ENTRIES {
        v.err(
            field::EVENTS,
            format!("has {entries} entries with their sessions; at most {MAX_ENTRIES} are allowed"),
        );
        return Err(v.errs);
    }
    // Optional, but like every text field: if it is there, it says something.
    let title = raw.title.and_then(|t| v.title(field::TITLE, t)).unwrap_or_default();
    let description = raw.description.and_then(|d| v.text(field::DESCRIPTION, d));
    if raw.events.is_empty() && v.errs.is_empty() {
        v.err(field::EVENTS, "is empty; expected at least one event");
    }
    let events: Vec<Event> = raw.events.into_iter().filter_map(|e| v.event(e, None)).collect();
    let periods: Vec<Period> = raw.periods.into_iter().filter_map(|p| v.period(p)).collect();
    let start = raw.start.and_then(|s| v.start(s)).unwrap_or_default();
    let i18n = v.translations(raw.i18n);
    if !v.errs.is_empty() {
        return Err(v.errs);
    }
    v.missing_translations(i18n.iter().map(|(l, _)| *l));
    v.actor_names(&i18n);
    let events = order::sorted_by(events, |e| [e.when.start_minute(), e.when.end_minute(), 0]);
    let periods = order::sorted_by(periods, |p| [p.when.start_minute(), p.when.end_minute(), 0]);
    Ok(Timeline { title, description, events, periods, start, i18n, warnings: v.warnings })
}

/// A date in a message: ISO as the file's editors write it (`2004-05-13`), or in words before the
/// common era (ISO's astronomical years would say `-000043` for 44 BCE).
fn shown_date(d: &PartialDate) -> String {
    if d.year() < 1 {
        d.label_en()
    } else {
        d.iso()
    }
}

/// A date as the file gives it: the date (the earliest, if a window), "approximate", the latest.
#[derive(Clone, Copy)]
struct Bound {
    date: PartialDate,
    approximate: bool,
    latest: Option<PartialDate>,
}

struct Validator {
    errs: Vec<DataError>,
    warnings: Vec<DataError>,
    /// Converted from TimelineJS3: a missing summary is allowed (and shown as nothing).
    imported: bool,
    /// Every id seen so far, with the path of its first use.
    ids: HashMap<String, String>,
    /// Per entry: its path, which text fields it has, and which of them each translation gives.
    coverage: Vec<Coverage>,
    /// Every actor's name, with where it first appears (in order), and the names as a set.
    actors: Vec<(String, String)>,
    actor_names: std::collections::HashSet<String>,
}

/// Which of an entry's text fields are present: title, label, summary, note, group.
type Fields = [bool; 5];
/// An entry's path, its own text fields, and those each of its translations gives.
type Coverage = (String, Fields, Vec<(Lang, Fields)>);
const TEXT_FIELDS: [&str; 5] = [field::TITLE, field::LABEL, field::SUMMARY, field::NOTE, field::GROUP];

fn fields_of(t: &Translation) -> Fields {
    [t.title.is_some(), t.label.is_some(), t.summary.is_some(), t.note.is_some(), t.group.is_some()]
}

impl Validator {
    fn err(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.errs.push(DataError::new(path, msg));
    }

    fn event(&mut self, raw: RawEvent, parent: Option<(&When, Category)>) -> Option<Event> {
        let before = self.errs.len();
        let path = raw.path;
        let id = raw.id.and_then(|id| self.id(&path, id));
        let title = raw.title.and_then(|t| self.title(&join(&path, field::TITLE), t));
        let label = raw.label.and_then(|l| self.label(&join(&path, field::LABEL), l));
        let summary = match raw.summary {
            Some(s) => self.text(&join(&path, field::SUMMARY), s),
            None => self.imported.then(String::new),
        };
        let sources = self.sources(raw.sources);
        let i18n = self.translations(raw.i18n);
        self.cover(&path, [true, label.is_some(), true, raw.note.is_some(), false], &i18n);
        let actors: Vec<String> =
            raw.actors.into_iter().map(|a| a.trim().to_owned()).filter(|a| !a.is_empty()).collect();
        for (i, a) in actors.iter().enumerate() {
            if self.actor_names.insert(a.clone()) {
                self.actors.push((a.clone(), index(&join(&path, field::ACTORS), i)));
            }
        }
        let category = match raw.category {
            Some(c) => self.category(&join(&path, field::CATEGORY), &c),
            None => parent.map(|(_, c)| c), // children inherit their parent's lane
        };
        let start = raw.date.and_then(|d| self.date(d));
        let end = raw.end.and_then(|d| self.date(d));
        let approximate =
            start.as_ref().is_some_and(|b| b.approximate) || end.as_ref().is_some_and(|b| b.approximate);
        let (start_latest, end_latest) = (start.and_then(|b| b.latest), end.and_then(|b| b.latest));
        let start = start.map(|b| b.date);
        let end = end.map(|b| b.date);

        let days = match raw.days {
            None => None,
            Some(n) if !(1..=MAX_DAYS).contains(&n) => {
                self.err(join(&path, field::DAYS), format!("{n} is not a number of days (1–{MAX_DAYS})"));
                None
            }
            Some(n) => {
                if end.is_some() {
                    self.err(join(&path, field::DAYS), "give either \"end\" or \"days\", not both");
                } else if start.is_some_and(|s| s.precision() >= super::Precision::Day) {
                    self.err(
                        join(&path, field::DAYS),
                        "is only for events whose exact dates are unknown; the date already has a day, so give \"end\"",
                    );
                }
                u16::try_from(n).ok()
            }
        };

        // Children take their parent's date when they have none of their own.
        let parent_when = parent.map(|(w, _)| w);
        let when = match (start, parent_when) {
            (Some(s), _) => Some(When { start: s, end, approximate, days, start_latest, end_latest }),
            (None, Some(p)) => Some(p.clone()),
            (None, None) => None,
        };
        if let (Some(w), Some(end)) = (&when, &end) {
            if end.start_minute() < w.start.start_minute() {
                self.err(
                    join(&path, field::END),
                    format!("{} is before the start {}", shown_date(end), shown_date(&w.start)),
                );
            }
        }
        if let (Some(w), Some(p)) = (&when, parent_when) {
            if !p.contains(w) {
                self.err(
                    join(&path, field::DATE),
                    format!("{} is outside its parent's span ({})", w.iso(), p.label_en()),
                );
            }
        }

        let placement = parent_when.map(|p| self.placement(&path, raw.day, p, when.as_ref()));
        let children = match (&when, category) {
            (Some(w), Some(c)) => {
                raw.children.into_iter().filter_map(|ch| self.event(ch, Some((w, c)))).collect()
            }
            _ => Vec::new(),
        };
        let category = category?;
        if self.errs.len() > before {
            return None;
        }
        Some(Event {
            id: id?,
            when: when?,
            category,
            info: Info { title: title?, label, summary: summary?, note: raw.note, actors, sources, i18n },
            children,
            placement: placement.flatten(),
        })
    }

    fn placement(
        &mut self,
        path: &str,
        day: Option<i64>,
        parent: &When,
        when: Option<&When>,
    ) -> Option<Placement> {
        let timed = when.is_some_and(|w| w.precision() == super::Precision::Minute);
        match day {
            None if timed => Some(Placement::Time),
            None => Some(Placement::Unknown),
            Some(d) => match parent.days {
                None => {
                    self.err(
                        join(path, field::DAY),
                        "needs the parent event to say how many \"days\" it lasted",
                    );
                    None
                }
                Some(n) if d < 1 || d > i64::from(n) => {
                    self.err(join(path, field::DAY), format!("{d} is not a day of the parent event (1–{n})"));
                    None
                }
                Some(_) => u16::try_from(d).ok().map(Placement::Day),
            },
        }
    }

    fn period(&mut self, raw: RawPeriod) -> Option<Period> {
        let before = self.errs.len();
        let path = raw.path;
        let id = raw.id.and_then(|id| self.id(&path, id));
        let title = raw.title.and_then(|t| self.title(&join(&path, field::TITLE), t));
        let label = raw.label.and_then(|l| self.label(&join(&path, field::LABEL), l));
        let group = raw.group.and_then(|g| self.title(&join(&path, field::GROUP), g));
        let summary = match raw.summary {
            Some(s) => self.text(&join(&path, field::SUMMARY), s),
            None => self.imported.then(String::new),
        };
        let category = raw.category.and_then(|c| self.category(&join(&path, field::CATEGORY), &c));
        let sources = self.sources(raw.sources);
        let i18n = self.translations(raw.i18n);
        self.cover(&path, [true, label.is_some(), true, raw.note.is_some(), true], &i18n);
        let start = raw.start.and_then(|d| self.date(d));
        let end = raw.end.and_then(|d| self.date(d));
        if let (Some(s), Some(e)) = (&start, &end) {
            if e.date.start_minute() < s.date.start_minute() {
                self.err(
                    join(&path, field::END),
                    format!("{} is before the start {}", shown_date(&e.date), shown_date(&s.date)),
                );
            }
        }
        if self.errs.len() > before {
            return None;
        }
        let start = start?;
        let approximate = start.approximate || end.as_ref().is_some_and(|b| b.approximate);
        Some(Period {
            id: id?,
            group: group?,
            category: category?,
            when: When {
                start: start.date,
                end: end.map(|b| b.date),
                approximate,
                days: None,
                start_latest: start.latest,
                end_latest: end.and_then(|b| b.latest),
            },
            info: Info {
                title: title?,
                label,
                summary: summary?,
                note: raw.note,
                actors: Vec::new(),
                sources,
                i18n,
            },
        })
    }

    fn id(&mut self, path: &str, id: String) -> Option<EventId> {
        let p = join(path, field::ID);
        let well_formed = !id.is_empty()
            && id.len() <= MAX_ID
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-');
        if !well_formed {
            self.err(
                p,
                format!(
                    "\"{}\" is not a valid id; use 1–{MAX_ID} lower-case letters, digits and hyphens",
                    shown(&id)
                ),
            );
            return None;
        }
        if let Some(first) = self.ids.get(&id) {
            let msg = format!("\"{}\" is already used by {first}; ids must be unique", shown(&id));
            self.err(p, msg);
            return None;
        }
        self.ids.insert(id.clone(), path.to_owned());
        Some(EventId(Rc::from(id)))
    }

    fn text(&mut self, path: &str, s: String) -> Option<String> {
        let t = s.trim();
        if t.is_empty() {
            self.err(path, "is empty; expected some text");
            return None;
        }
        let n = t.chars().count();
        if n > MAX_TEXT {
            self.err(path, format!("is {n} characters long; at most {MAX_TEXT} are allowed"));
            return None;
        }
        Some(t.to_owned())
    }

    fn title(&mut self, path: &str, s: String) -> Option<String> {
        let t = self.text(path, s)?;
        let n = t.chars().count();
        if n > MAX_TITLE {
            self.err(path, format!("is {n} characters long; a title has at most {MAX_TITLE}"));
            return None;
        }
        Some(t)
    }

    fn label(&mut self, path: &str, s: String) -> Option<String> {
        let t = self.text(path, s)?;
        let n = t.chars().count();
        if n > MAX_LABEL {
            self.err(path, format!("is {n} characters long; a label has at most {MAX_LABEL}"));
            return None;
        }
        Some(t)
    }

    fn start(&mut self, raw: RawStart) -> Option<Start> {
        let path = raw.path;
        match (raw.event, raw.from, raw.to) {
            (Some(id), None, None) => match self.ids.contains_key(&id) {
                true => Some(Start::Event(EventId(Rc::from(id)))),
                false => {
                    self.err(
                        join(&path, field::EVENT),
                        format!("\"{}\" is not the id of any entry", shown(&id)),
                    );
                    None
                }
            },
            (None, Some(from), Some(to)) => {
                // What to show first is a plain date ("latest" would mean nothing here).
                let (from, to) = (self.plain_date(&from)?, self.plain_date(&to)?);
                if to.end_minute() <= from.start_minute() {
                    self.err(
                        join(&path, field::TO),
                        format!("{} is before {}", shown_date(&to), shown_date(&from)),
                    );
                    return None;
                }
                Some(Start::Range(from.start_minute(), to.end_minute()))
            }
            _ => {
                self.err(path, "give either \"event\", or both \"from\" and \"to\"");
                None
            }
        }
    }

    fn category(&mut self, path: &str, key: &str) -> Option<Category> {
        let c = Category::from_key(key);
        if c.is_none() {
            let all: Vec<&str> = Category::ALL.iter().map(|c| c.key()).collect();
            // "UN", "Council of Europe" (the lane's name), or a typo of a key.
            let near = Category::ALL
                .iter()
                .find(|c| {
                    c.label().eq_ignore_ascii_case(key.trim()) || c.key().eq_ignore_ascii_case(key.trim())
                })
                .map(|c| c.key())
                .or_else(|| super::wire::closest(key, &all).filter(|_| key.trim().chars().count() >= 3));
            let hint = near.map(|n| format!("did you mean \"{n}\"? ")).unwrap_or_default();
            self.err(
                path,
                format!("\"{}\" is not a category; {hint}expected one of: {}", shown(key), all.join(", ")),
            );
        }
        c
    }

    /// A date, with whether it is approximate and the latest it can be (a window).
    fn date(&mut self, raw: RawDate) -> Option<Bound> {
        let date = self.plain_date(&raw)?;
        let latest = match raw.latest {
            None => None,
            Some(l) => {
                let path = l.path.clone();
                let latest = self.plain_date(&l)?;
                if latest.end_minute() <= date.end_minute() {
                    self.err(
                        path,
                        format!(
                            "{} is not after the date {}; \"latest\" is the latest the date can be, the date itself the earliest",
                            shown_date(&latest),
                            shown_date(&date)
                        ),
                    );
                    return None;
                }
                if raw.approximate {
                    self.err(
                        join(&raw.path, field::APPROXIMATE),
                        "give either \"approximate\" or \"latest\" (a window), not both",
                    );
                    return None;
                }
                Some(latest)
            }
        };
        Some(Bound { date, approximate: raw.approximate, latest })
    }

    fn plain_date(&mut self, raw: &RawDate) -> Option<PartialDate> {
        let year = raw.year?;
        match PartialDate::new(year, raw.month, raw.day, raw.hour, raw.minute) {
            Ok(d) => Some(d),
            Err(e) => {
                let field = e.field();
                let msg = match e {
                    super::DateError::Day { day, max } => {
                        format!("{day} is not a day of {year}-{:02} (1–{max})", raw.month.unwrap_or(0))
                    }
                    other => other.to_string(),
                };
                self.err(join(&raw.path, field), msg);
                None
            }
        }
    }

    /// The languages the file is translated into: its own title's and any entry's.
    fn offered(&self, doc: impl Iterator<Item = Lang>) -> Vec<Lang> {
        let mut offered: Vec<Lang> = doc.collect();
        for (_, _, langs) in &self.coverage {
            offered.extend(langs.iter().map(|(l, _)| *l));
        }
        offered.sort();
        offered.dedup();
        offered
    }

    fn cover(&mut self, path: &str, has: Fields, i18n: &[(Lang, Translation)]) {
        let langs = i18n.iter().map(|(l, t)| (*l, fields_of(t))).collect();
        self.coverage.push((path.to_owned(), has, langs));
    }

    /// A file translated into a language (its title, or any entry) should be translated throughout:
    /// a warning for each entry, or each text field of one, that a reader of that language would see
    /// in English. A file with no translations gets none.
    fn missing_translations(&mut self, doc: impl Iterator<Item = Lang>) {
        let offered = self.offered(doc);
        for (path, has, langs) in &self.coverage {
            for &lang in &offered {
                let tag = lang.tag();
                let Some((_, got)) = langs.iter().find(|(l, _)| *l == lang) else {
                    self.warnings.push(DataError::new(
                        join(path, field::I18N),
                        format!("no \"{tag}\" translation: readers in {tag} see this entry in English"),
                    ));
                    continue;
                };
                for ((name, need), got) in TEXT_FIELDS.iter().zip(has).zip(got) {
                    if *need && !*got {
                        self.warnings.push(DataError::new(
                            join(&join(path, field::I18N), tag),
                            format!("no \"{name}\": readers in {tag} see it in English"),
                        ));
                    }
                }
            }
        }
    }

    /// In each language the file offers, every actor's name: a warning for a name with no translation
    /// (readers see it in English), and for a translated name that no entry has (a misspelling).
    fn actor_names(&mut self, doc: &[(Lang, Translation)]) {
        for lang in self.offered(doc.iter().map(|(l, _)| *l)) {
            let tag = lang.tag();
            let names = doc.iter().find(|(l, _)| *l == lang).map_or(&[][..], |(_, t)| &t.actors[..]);
            let translated: std::collections::HashSet<&str> =
                names.iter().map(|(en, _)| en.as_str()).collect();
            let at = join(&join(field::I18N, tag), field::ACTORS);
            for (actor, path) in &self.actors {
                if !translated.contains(actor.as_str()) {
                    self.warnings.push(DataError::new(
                        &at,
                        format!(
                            "no translation of \"{}\" ({path}): readers in {tag} see it in English",
                            shown(actor)
                        ),
                    ));
                }
            }
            for (en, _) in names {
                if !self.actor_names.contains(en) {
                    self.warnings.push(DataError::new(
                        join(&at, en),
                        format!("\"{}\" is no entry's actor; is it spelled as in \"actors\"?", shown(en)),
                    ));
                }
            }
        }
    }

    fn translations(&mut self, raw: Vec<RawTranslation>) -> Vec<(Lang, Translation)> {
        let mut out: Vec<(Lang, Translation)> = Vec::new();
        for t in raw {
            let lang = match Lang::from_tag(&t.lang) {
                Some(Lang::En) => {
                    self.err(&t.path, "English is the main text; translations are for fr, de, it, ru, es");
                    continue;
                }
                Some(l) if t.lang == l.tag() => l,
                _ => {
                    self.err(
                        &t.path,
                        format!(
                            "\"{}\" is not a language of this widget; expected one of: fr, de, it, ru, es",
                            shown(&t.lang)
                        ),
                    );
                    continue;
                }
            };
            let title = t.title.and_then(|v| self.title(&join(&t.path, field::TITLE), v));
            let label = t.label.and_then(|v| self.label(&join(&t.path, field::LABEL), v));
            let summary = t.summary.and_then(|v| self.text(&join(&t.path, field::SUMMARY), v));
            let note = t.note.and_then(|v| self.text(&join(&t.path, field::NOTE), v));
            let group = t.group.and_then(|v| self.title(&join(&t.path, field::GROUP), v));
            let actors = t
                .actors
                .into_iter()
                .filter_map(|(path, en, tr)| Some((en.trim().to_owned(), self.text(&path, tr)?)))
                .collect();
            out.push((lang, Translation { title, label, summary, note, group, actors }));
        }
        out
    }

    fn sources(&mut self, raw: Vec<RawSource>) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::with_capacity(raw.len());
        for s in raw {
            let title = match s.title {
                Some(t) => self.text(&join(&s.path, field::TITLE), t),
                // No title: the address stands in for it (a warning, not an error).
                None => s.url.as_deref().filter(|u| is_http_url(u.trim())).map(|u| {
                    let host = super::url_host(u.trim()).to_owned();
                    self.warnings.push(DataError::new(
                        join(&s.path, field::TITLE),
                        format!(
                            "is missing; readers see the address ({host}) instead; add what the source is"
                        ),
                    ));
                    host
                }),
            };
            let url = s.url.and_then(|u| {
                let u = u.trim().to_owned();
                if is_http_url(&u) {
                    Some(u)
                } else {
                    // A common slip: the address without its scheme.
                    let fixed = format!("https://{u}");
                    let hint = if !u.contains(':') && is_http_url(&fixed) {
                        format!("; did you mean \"{}\"?", shown(&fixed))
                    } else {
                        String::new()
                    };
                    self.err(
                        join(&s.path, field::URL),
                        format!("\"{}\" is not an http(s) URL{hint}", shown(&u)),
                    );
                    None
                }
            });
            if let (Some(title), Some(url)) = (title, url) {
                if let Some(first) = out.iter().position(|o| o.url == url) {
                    self.warnings.push(DataError::new(
                        join(&s.path, field::URL),
                        format!("repeats the address of source {} of this entry", first + 1),
                    ));
                }
                out.push(Source { title, url });
            }
        }
        out
    }
}

/// An absolute `http://` or `https://` URL with a host and no whitespace, quotes or angle brackets.
pub(crate) fn is_http_url(u: &str) -> bool {
    let rest = u.strip_prefix("https://").or_else(|| u.strip_prefix("http://")).unwrap_or("");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('.')
        && u.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>' | '\\'))
}

#[cfg(test)]
mod tests {
    use super::is_http_url;

    #[test]
    fn urls() {
        assert!(is_http_url("https://www.coe.int/en/web/anti-human-trafficking"));
        assert!(is_http_url("http://unodc.org/x?y=1#z"));
        assert!(is_http_url("https://issuu.com./theq2group/docs/x"));
        for bad in [
            "javascript:alert(1)",
            "ftp://x.org",
            "https://",
            "https:///path",
            "//x.org",
            "https://a b",
            "data:text/html,x",
            "https://x.org/\"onmouseover",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
