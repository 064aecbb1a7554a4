//! TimelineJS3 files → this widget's format. The widget reads them directly (detected by their shape)
//! and `cargo xtask import-timelinejs IN OUT` converts them. Everything that cannot be represented is
//! reported as a warning with its path, never dropped silently. The format and its quirks:
//! <https://timeline.knightlab.com/docs/json-format.html>.
//!
//! - `title` slide → the timeline's title and description; `events` → events; `eras` → periods (group
//!   "Eras"); `group` → the lane of that name if there is one (UN, OSCE, …), else "Other".
//! - Dates keep the precision of the parts given (a year, a month, a day, a time); seconds are not
//!   shown; `display_date` is kept in the entry's note. An `end_date` equal to `start_date` in every part
//!   `start_date` gives is dropped, as TimelineJS3 does.
//! - Text is shown as text: markup is removed and links in the text become sources; `media` becomes a
//!   source link with its caption and credit; `unique_id` becomes the id (made lower-case).

use super::json::Json;
use super::wire::{field, shown, ORIGIN_TIMELINEJS};
use super::{Category, DataError};
use crate::model::error::{index, join};

/// Whether `json` looks like a TimelineJS3 file: no `version`, and events with `start_date` or `text`,
/// or `eras`, or a `title` slide.
pub fn detect(json: &Json) -> bool {
    let Json::Object(doc) = json else { return false };
    if get(doc, "version").is_some() {
        return false;
    }
    let slide_like =
        |j: &Json| matches!(j, Json::Object(o) if get(o, "start_date").is_some() || get(o, "text").is_some());
    let events = matches!(get(doc, "events"), Some(Json::Array(items)) if items.iter().any(slide_like));
    events || get(doc, "eras").is_some() || get(doc, "title").is_some_and(slide_like)
}

fn get<'a>(o: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    o.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Json::Null))
}

fn obj(j: Option<&Json>) -> &[(String, Json)] {
    match j {
        Some(Json::Object(o)) => o,
        _ => &[],
    }
}

fn string(j: Option<&Json>) -> Option<String> {
    match j {
        Some(Json::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        #[allow(clippy::cast_possible_truncation, reason = "a display text: saturates, never panics")]
        Some(Json::Number(n)) => Some(format!("{}", *n as i64)),
        _ => None,
    }
}

/// An integer date part: a number or a numeric string (`"03"`); `""` and `null` are absent.
fn part(j: Option<&Json>) -> Result<Option<i64>, ()> {
    match j {
        None => Ok(None),
        Some(Json::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Json::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| ()),
        #[allow(clippy::cast_possible_truncation, reason = "a whole number below 1e12 converts exactly")]
        Some(Json::Number(n)) if n.fract() == 0.0 && n.abs() < 1e12 => Ok(Some(*n as i64)),
        Some(_) => Err(()),
    }
}

struct Importer {
    warnings: Vec<DataError>,
    /// Kinds of thing already reported once for the whole file.
    once: Vec<&'static str>,
    ids: Vec<String>,
    groups: Vec<String>,
}

impl Importer {
    fn warn(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.warnings.push(DataError::new(path, msg));
    }

    fn warn_once(&mut self, kind: &'static str, path: impl Into<String>, msg: impl Into<String>) {
        if !self.once.contains(&kind) {
            self.once.push(kind);
            self.warn(path, msg);
        }
    }

    /// Text without markup; links in it are returned as sources.
    fn text(&mut self, path: &str, html: &str) -> (String, Vec<(String, String)>) {
        let (text, links, had_markup) = strip(html);
        if had_markup {
            self.warn_once(
                "markup",
                path,
                "contains HTML; this widget shows text only, so the markup is removed (links become sources)",
            );
        }
        (text, links)
    }

    /// A TimelineJS date → a date object of this format, with the same precision.
    fn date(&mut self, path: &str, j: &Json, note: &mut Vec<String>) -> Option<Json> {
        let o = match j {
            Json::Object(o) => o.as_slice(),
            _ => {
                self.warn(path, "is not a date object; the event is skipped");
                return None;
            }
        };
        let mut out = Vec::new();
        for key in ["year", "month", "day", "hour", "minute"] {
            match part(get(o, key)) {
                #[allow(clippy::cast_precision_loss, reason = "a date part below 1e12 converts exactly")]
                Ok(Some(v)) => {
                    out.push((key.to_owned(), Json::Number(v as f64)));
                }
                Ok(None) => {
                    if key == "minute" && out.iter().any(|(k, _)| k == "hour") {
                        out.push((field::MINUTE.to_owned(), Json::Number(0.0)));
                    }
                    if key == "year" {
                        self.warn(
                            join(path, "year"),
                            "is missing; TimelineJS3 needs it too, so the event is skipped",
                        );
                        return None;
                    }
                    if key != "minute" {
                        // Parts are contiguous: a day without a month means nothing here. Say so.
                        let finer = ["month", "day", "hour", "minute"];
                        for later in finer.iter().skip_while(|k| **k != key).skip(1) {
                            let has = |k: &str| part(get(o, k)).ok().flatten().is_some();
                            // A time is one thing: its hour is named, not its minute too.
                            if has(later) && !(*later == "minute" && has("hour")) {
                                self.warn(
                                    join(path, later),
                                    format!("is not used: there is no {key} before it"),
                                );
                            }
                        }
                        break;
                    }
                }
                Err(()) => {
                    self.warn(join(path, key), "is not a whole number; the event is skipped");
                    return None;
                }
            }
        }
        for key in ["second", "millisecond"] {
            if part(get(o, key)).ok().flatten().is_some_and(|v| v != 0) {
                self.warn(join(path, key), "is not shown: this widget shows times to the minute");
            }
        }
        if let Some(d) = string(get(o, "display_date")) {
            note.push(d);
        }
        if get(o, "format").is_some() {
            self.warn_once(
                "format",
                join(path, "format"),
                "date formats are not used: dates are shown in the reader's language, as precisely as given",
            );
        }
        Some(Json::Object(out))
    }

    fn id(&mut self, path: &str, given: Option<String>, headline: &str, n: usize) -> String {
        let base = given
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| Some(slug(headline)).filter(|s| !s.is_empty()));
        let base = base.unwrap_or_else(|| format!("event-{n}"));
        let mut id = base.clone();
        let mut k = 2;
        while self.ids.contains(&id) {
            id = format!("{}-{k}", base.chars().take(60).collect::<String>());
            k += 1;
        }
        if let Some(g) = given {
            if g != id {
                self.warn(
                    join(path, "unique_id"),
                    format!(
                        "\"{}\" becomes \"{id}\" (ids here are lower-case letters, digits and hyphens)",
                        shown(&g)
                    ),
                );
            }
        }
        self.ids.push(id.clone());
        id
    }

    fn category(&mut self, path: &str, group: Option<String>) -> &'static str {
        let Some(g) = group else { return Category::Other.key() };
        let found = Category::ALL
            .into_iter()
            .find(|c| c.label().eq_ignore_ascii_case(g.trim()) || c.key().eq_ignore_ascii_case(g.trim()));
        match found {
            Some(c) => c.key(),
            None => {
                if !self.groups.contains(&g) {
                    self.warn(
                        join(path, "group"),
                        format!(
                            "\"{}\" is not a lane of this widget; its events are in the \"Other\" lane",
                            shown(&g)
                        ),
                    );
                    self.groups.push(g);
                }
                Category::Other.key()
            }
        }
    }

    fn media(&mut self, path: &str, media: &[(String, Json)], sources: &mut Vec<Json>) {
        let caption = string(get(media, "caption")).map(|c| self.text(&join(path, "caption"), &c).0);
        let credit = string(get(media, "credit")).map(|c| self.text(&join(path, "credit"), &c).0);
        match string(get(media, "url")) {
            Some(url) if super::validate::is_http_url(&url) => {
                let title = match (caption.filter(|c| !c.is_empty()), credit.filter(|c| !c.is_empty())) {
                    (Some(c), Some(by)) => format!("{c} (credit: {by})"),
                    (Some(c), None) => c,
                    (None, Some(by)) => format!("Media (credit: {by})"),
                    (None, None) => "Media".to_owned(),
                };
                self.warn_once(
                    "media",
                    path,
                    "media is not embedded: each becomes a source link, with its caption and credit",
                );
                sources.push(source(&title, &url));
            }
            Some(url) => self.warn(
                join(path, "url"),
                format!(
                    "\"{}\" is not an http(s) address (embedded markup or a file); it is not shown",
                    shown(&url)
                ),
            ),
            None => self.warn(join(path, "url"), "is missing; the media is not shown"),
        }
        if let Some(link) = string(get(media, "link")).filter(|l| super::validate::is_http_url(l)) {
            sources.push(source("Link", &link));
        }
        for key in ["thumbnail", "alt", "title", "link_target"] {
            if get(media, key).is_some() {
                self.warn(join(path, key), "is not used by this widget");
            }
        }
    }

    /// One slide (event or era) → (id, title, date, end, summary, note, sources, category).
    fn event(
        &mut self,
        path: &str,
        slide: &[(String, Json)],
        n: usize,
        is_era: bool,
    ) -> Option<Vec<(String, Json)>> {
        let mut note: Vec<String> = Vec::new();
        let Some(start_json) = get(slide, "start_date") else {
            self.warn(path, "has no start_date; TimelineJS3 skips such events, and so does this widget");
            return None;
        };
        let start = self.date(&join(path, "start_date"), start_json, &mut note)?;
        let mut end = None;
        if let Some(e) = get(slide, "end_date") {
            let mut end_note = Vec::new();
            end = self.date(&join(path, "end_date"), e, &mut end_note);
            note.extend(end_note);
            // TimelineJS3 drops an end date equal to the start in every part the start gives.
            if let (Json::Object(s), Some(Json::Object(e))) = (&start, &end) {
                if s.iter().all(|(k, v)| e.iter().any(|(k2, v2)| k2 == k && v2 == v)) {
                    self.warn(join(path, "end_date"), "equals start_date in every part start_date gives; TimelineJS3 ignores it, and so does this widget");
                    end = None;
                }
            }
        }
        let text = obj(get(slide, "text"));
        let headline = string(get(text, "headline")).map(|h| self.text(&join(path, "text.headline"), &h).0);
        let headline = match headline.filter(|h| !h.is_empty()) {
            Some(h) => h,
            None => {
                self.warn(join(path, "text.headline"), "is missing; the entry is called \"Untitled\"");
                "Untitled".to_owned()
            }
        };
        let title = clip(self, &join(path, "text.headline"), headline.clone(), super::validate::MAX_TITLE);
        let mut sources: Vec<Json> = Vec::new();
        let mut summary = None;
        if let Some(body) = string(get(text, "text")) {
            if is_era {
                self.warn(join(path, "text.text"), "is not shown for eras (TimelineJS3 ignores it too)");
            } else {
                let (t, links) = self.text(&join(path, "text.text"), &body);
                for (label, url) in links {
                    if label.is_empty() {
                        self.warn(
                            join(path, "text.text"),
                            format!(
                                "has a link to \"{}\", which is not kept (only http and https links are)",
                                shown(&url)
                            ),
                        );
                    } else {
                        sources.push(source(&label, &url));
                    }
                }
                if !t.is_empty() {
                    summary = Some(clip(self, &join(path, "text.text"), t, super::validate::MAX_TEXT));
                }
            }
        }
        if let Some(media) = get(slide, "media") {
            self.media(&join(path, "media"), obj(Some(media)), &mut sources);
        }
        if let Some(d) = string(get(slide, "display_date")) {
            note.insert(0, d);
        }
        for key in ["background", "autolink", "type", "scale", "location"] {
            if get(slide, key).is_some() {
                self.warn(join(path, key), "is not used by this widget");
            }
        }
        let given = string(get(slide, "unique_id"));
        let id = if is_era {
            let id = format!("era-{}", slug(&headline));
            self.id(path, None, &id, n)
        } else {
            self.id(path, given, &headline, n)
        };
        let mut out =
            vec![(field::ID.to_owned(), Json::String(id)), (field::TITLE.to_owned(), Json::String(title))];
        if is_era {
            out.push((field::GROUP.to_owned(), Json::String("Eras".to_owned())));
            out.push((field::CATEGORY.to_owned(), Json::String(Category::Other.key().to_owned())));
            out.push((field::START.to_owned(), start));
        } else {
            out.push((field::DATE.to_owned(), start));
            let cat = self.category(path, string(get(slide, "group")));
            out.push((field::CATEGORY.to_owned(), Json::String(cat.to_owned())));
        }
        if let Some(e) = end {
            out.push((field::END.to_owned(), e));
        }
        if let Some(s) = summary {
            out.push((field::SUMMARY.to_owned(), Json::String(s)));
        }
        if !note.is_empty() {
            out.push((
                "note".to_owned(),
                Json::String(format!("Date as given in the original: {}", note.join("; "))),
            ));
        }
        sources.dedup_by(|a, b| a == b);
        if !sources.is_empty() {
            out.push((
                "sources".to_owned(),
                Json::Array(sources.into_iter().take(super::wire::MAX_SOURCES).collect()),
            ));
        }
        Some(out)
    }
}

/// `t`, shortened to `max` characters (ending in "…") with a warning if it is longer.
fn clip(imp: &mut Importer, path: &str, t: String, max: usize) -> String {
    if t.chars().count() <= max {
        return t;
    }
    imp.warn(path, format!("is longer than {max} characters; it is shortened"));
    let mut s: String = t.chars().take(max - 1).collect();
    s.push('…');
    s
}

fn source(title: &str, url: &str) -> Json {
    Json::Object(vec![
        (field::TITLE.to_owned(), Json::String(title.to_owned())),
        (field::URL.to_owned(), Json::String(url.to_owned())),
    ])
}

/// `"Moon Landing!"` → `moon-landing`, at most 64 characters.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 64 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Text without tags and with entities decoded; `<a href="http…">label</a>` links are returned.
fn strip(html: &str) -> (String, Vec<(String, String)>, bool) {
    let mut text = String::new();
    let mut links = Vec::new();
    // A link to anything but http(s) keeps its text; its address is listed with an empty label.
    let mut refused: Vec<(String, String)> = Vec::new();
    let mut had_markup = false;
    let mut rest = html;
    let mut open_link: Option<(String, usize)> = None;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(rest.get(..lt).unwrap_or_default()));
        let Some(gt) = rest.get(lt..).and_then(|r| r.find('>')) else {
            text.push_str(&decode(rest.get(lt..).unwrap_or_default()));
            rest = "";
            break;
        };
        had_markup = true;
        let tag = rest.get(lt + 1..lt + gt).unwrap_or_default().trim();
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("a ") {
            let href = attr(tag, "href");
            if let Some(h) = href.as_ref().filter(|h| !super::validate::is_http_url(h)) {
                refused.push((String::new(), h.clone()));
            }
            open_link = href.filter(|h| super::validate::is_http_url(h)).map(|h| (h, text.len()));
        } else if lower == "/a" {
            if let Some((href, at)) = open_link.take() {
                let label = text.get(at..).unwrap_or_default().trim().to_owned();
                let label = if label.is_empty() { super::url_host(&href).to_owned() } else { label };
                links.push((label, href));
            }
        } else if matches!(
            lower.trim_end_matches('/').trim(),
            "br" | "p" | "/p" | "li" | "/li" | "div" | "/div"
        ) {
            text.push(' ');
        }
        rest = rest.get(lt + gt + 1..).unwrap_or_default();
    }
    text.push_str(&decode(rest));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    links.extend(refused);
    (text, links, had_markup)
}

/// The value of attribute `name` in a tag's text (`a href="…"`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag.get(at..)?;
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest.get(1..)?.split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    Some(decode(value))
}

/// `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&apos;` `&nbsp;` `&#NNN;` `&#xHH;`; anything else as is.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let semi = after.find(';').filter(|&i| i <= 10);
        let entity = semi.and_then(|i| after.get(..i));
        let ch = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            e if e.starts_with("#x") || e.starts_with("#X") => {
                u32::from_str_radix(e.get(2..)?, 16).ok().and_then(char::from_u32)
            }
            e if e.starts_with('#') => e.get(1..)?.parse::<u32>().ok().and_then(char::from_u32),
            _ => None,
        });
        match (ch, semi) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = after.get(i + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Converts a TimelineJS3 document into this widget's format; returns it with the warnings.
pub fn import(json: &Json) -> (Json, Vec<DataError>) {
    let (out, warnings, _) = import_traced(json);
    (out, warnings)
}

/// Which slide each converted entry came from: `events[k]` of the result is `events[events[k]]` of
/// the file (slides without a date are skipped), `periods[k]` is `eras[eras[k]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trace {
    /// Index in the file's `events` of each converted event.
    pub events: Vec<usize>,
    /// Index in the file's `eras` of each converted period.
    pub eras: Vec<usize>,
}

/// [`import`], and where each converted entry came from (for tables: its row).
pub fn import_traced(json: &Json) -> (Json, Vec<DataError>, Trace) {
    let mut trace = Trace::default();
    let mut imp = Importer { warnings: Vec::new(), once: Vec::new(), ids: Vec::new(), groups: Vec::new() };
    let doc = obj(Some(json));
    let mut out: Vec<(String, Json)> = vec![
        (field::VERSION.to_owned(), Json::Number(1.0)),
        (field::ORIGIN.to_owned(), Json::String(ORIGIN_TIMELINEJS.to_owned())),
    ];
    if let Some(title) = get(doc, "title") {
        let slide = obj(Some(title));
        let text = obj(get(slide, "text"));
        if let Some(h) = string(get(text, "headline")) {
            let t = imp.text("title.text.headline", &h).0;
            if t.trim().is_empty() {
                imp.warn("title.text.headline", "is empty; the timeline is shown without a title");
            } else {
                out.push((field::TITLE.to_owned(), Json::String(t)));
            }
        }
        if let Some(d) = string(get(text, "text")) {
            let (t, _) = imp.text("title.text.text", &d);
            if !t.is_empty() {
                let t = clip(&mut imp, "title.text.text", t, super::validate::MAX_TEXT);
                out.push((field::DESCRIPTION.to_owned(), Json::String(t)));
            }
        }
        for key in ["media", "background", "start_date", "unique_id"] {
            if get(slide, key).is_some() {
                imp.warn(join("title", key), "of the title slide is not shown by this widget");
            }
        }
    }
    let mut events = Vec::new();
    if let Some(Json::Array(items)) = get(doc, "events") {
        for (i, item) in items.iter().enumerate() {
            let path = index("events", i);
            match item {
                Json::Object(slide) => {
                    if let Some(e) = imp.event(&path, slide, i + 1, false) {
                        events.push(Json::Object(e));
                        trace.events.push(i);
                    }
                }
                _ => imp.warn(path, "is not an event object; skipped"),
            }
        }
    }
    out.push((field::EVENTS.to_owned(), Json::Array(events)));
    if let Some(Json::Array(eras)) = get(doc, "eras") {
        let mut periods = Vec::new();
        for (i, era) in eras.iter().enumerate() {
            let path = index("eras", i);
            if let Json::Object(slide) = era {
                if let Some(p) = imp.event(&path, slide, i + 1, true) {
                    periods.push(Json::Object(p));
                    trace.eras.push(i);
                }
            }
        }
        out.push((field::PERIODS.to_owned(), Json::Array(periods)));
    }
    for (key, _) in doc {
        if !matches!(key.as_str(), "title" | "events" | "eras" | "scale") {
            imp.warn(shown(key), "is not part of the TimelineJS3 format; ignored");
        }
    }
    (Json::Object(out), imp.warnings, trace)
}

#[cfg(test)]
mod tests {
    use super::{decode, slug, strip};

    #[test]
    fn text_and_links() {
        let (t, links, markup) =
            strip("<p>The <b>Moon</b> &amp; <a href=\"https://nasa.gov/x\">NASA</a>.</p><script>x</script>");
        assert_eq!(t, "The Moon & NASA. x");
        assert_eq!(links, vec![("NASA".to_owned(), "https://nasa.gov/x".to_owned())]);
        assert!(markup);
        assert_eq!(decode("&#233;t&#xE9; &lt;b&gt; &bogus; & x"), "été <b> &bogus; & x");
        assert_eq!(slug("  Moon Landing! 1969 "), "moon-landing-1969");
        let (t, links, _) = strip("<a href='javascript:alert(1)'>x</a>");
        assert_eq!(t, "x");
        assert_eq!(links, vec![(String::new(), "javascript:alert(1)".to_owned())]);
    }
}
