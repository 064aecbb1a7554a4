//! Native tests of the data model: the bundled file, and every kind of problem a data file can have.
#![cfg(not(target_arch = "wasm32"))]
// A failing test panics: that is how it reports. The no-panic lints guard the widget, not its tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use anti_trafficking_timeline::format::from_str;
use anti_trafficking_timeline::model::{
    agenda, Category, DayKey, Item, PartialDate, Placement, Precision, Timeline,
};
use anti_trafficking_timeline::BUNDLED_DATA;

fn bundled() -> Timeline {
    match from_str(BUNDLED_DATA) {
        Ok(t) => t,
        Err(errs) => {
            let list: Vec<String> = errs.iter().map(ToString::to_string).collect();
            panic!("data/timeline.json is invalid:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn bundled_data_is_valid_and_complete() {
    let t = bundled();
    assert!(t.events.len() >= 40, "only {} events", t.events.len());
    assert_eq!(t.title, "Against trafficking in human beings, 2000–2024");
    for e in t.events.iter().chain(t.events.iter().flat_map(|e| e.children.iter())) {
        assert!(!e.info.sources.is_empty(), "{} has no source", e.id);
        for s in &e.info.sources {
            assert!(s.url.starts_with("http://") || s.url.starts_with("https://"), "{}: {}", e.id, s.url);
        }
    }
    // Events are in time order.
    let starts: Vec<i64> = t.events.iter().map(|e| e.when.start_minute()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    // The span is 2000–2024.
    assert_eq!(t.events.first().map(|e| e.when.start.year()), Some(2000));
    assert_eq!(t.events.last().map(|e| e.when.start.year()), Some(2024));
}

#[test]
fn bundled_periods_cover_terms_and_greta_rounds() {
    let t = bundled();
    let srs: Vec<&str> = t
        .periods
        .iter()
        .filter(|p| p.group == "OSCE Special Representative")
        .map(|p| p.info.title.as_str())
        .collect();
    assert!(srs.contains(&"Helga Konrad") && srs.contains(&"Kari Johnstone"), "{srs:?}");
    let rounds = t.periods.iter().filter(|p| p.group == "GRETA evaluation round").count();
    assert_eq!(rounds, 4);
}

#[test]
fn the_meeting_has_no_invented_dates() {
    let t = bundled();
    let Some(Item::Event(m, None)) = t.find("vienna-2024") else {
        panic!("the 2024 meeting is missing");
    };
    assert_eq!(m.when.precision(), Precision::Year);
    assert_eq!(m.when.days, Some(2));
    assert_eq!(m.when.label_en(), "2024, two days");
    assert_eq!(m.category, Category::Osce);
    // No child claims a time; the two kick-off remarks are on day 1, the rest unplaced, in article order.
    assert!(m.children.iter().all(|c| c.placement != Some(Placement::Time)));
    let days = agenda(m);
    let keys: Vec<DayKey> = days.iter().map(|d| d.key).collect();
    assert_eq!(keys, vec![DayKey::Day(1), DayKey::Unknown]);
    let day1: Vec<&str> = days[0].children.iter().map(|c| c.info.title.as_str()).collect();
    assert_eq!(day1, ["Welcoming remarks: Michael Cluett", "Opening remarks: Dr Kari Johnstone"]);
    let rest: Vec<&str> = days[1].children.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        rest,
        [
            "vienna-2024-nestorova",
            "vienna-2024-topic-vulnerabilities",
            "vienna-2024-topic-prevention",
            "vienna-2024-topic-detection",
            "vienna-2024-topic-offenders",
            "vienna-2024-topic-survivors",
            "vienna-2024-topic-justice",
        ]
    );
    // Children take the parent's date and lane.
    assert!(m.children.iter().all(|c| c.when == m.when && c.category == m.category));
}

#[test]
fn neighbours_follow_reading_order() {
    let t = bundled();
    let (prev, next) = t.neighbours("vienna-2024-opening");
    assert_eq!(prev.map(|i| i.as_str()), Some("vienna-2024-welcome"));
    assert_eq!(next.map(|i| i.as_str()), Some("vienna-2024-nestorova"));
    let (prev, next) = t.neighbours("us-tvpa");
    assert_eq!(prev, None);
    assert_eq!(next.map(|i| i.as_str()), Some("palermo-protocol-adopted"));
    assert_eq!(t.neighbours("no-such-id"), (None, None));
}

/// A minimal valid document with one event whose JSON is `event`.
fn doc(event: &str) -> String {
    format!(r#"{{"version": 1, "title": "T", "events": [{event}]}}"#)
}

const GOOD: &str = r#"{"id": "a", "title": "A", "date": {"year": 2000}, "category": "un", "summary": "S",
  "sources": [{"title": "Src", "url": "https://example.org/a"}]}"#;

fn errors(text: &str) -> Vec<String> {
    match from_str(text) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn minimal_document_is_valid() {
    assert_eq!(errors(&doc(GOOD)), Vec::<String>::new());
}

#[test]
fn every_error_kind_has_a_path_and_an_expectation() {
    let cases: &[(&str, &str)] = &[
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "month": 13}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.month: 13 is not a month (1–12)",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "month": 2, "day": 29}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.day: 29 is not a day of 2001-02 (1–28)",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "day": 3}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.day: a day needs a month; give the month or drop the day",
        ),
        (
            r#"{"id": "a", "title": "", "date": {"year": 2001}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].title: is empty; expected some text",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001}, "category": "sports", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].category: \"sports\" is not a category; expected one of: un, osce, coe, eu, national-law, civil-society, other",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "javascript:alert(1)"}]}"#,
            "events[0].sources[0].url: \"javascript:alert(1)\" is not an http(s) URL",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001}, "category": "un", "summary": "S", "sources": []}"#,
            "events[0].sources: is empty; expected at least one source (title and URL)",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "month": 5}, "end": {"year": 2001, "month": 4}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].end: 2001-04 is before the start 2001-05",
        ),
        (
            r#"{"id": "Not An Id", "title": "A", "date": {"year": 2001}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].id: \"Not An Id\" is not a valid id; use 1–64 lower-case letters, digits and hyphens",
        ),
        (
            r#"{"id": "a", "titel": "A", "date": {"year": 2001}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].titel: unknown field; did you mean \"title\"?\nevents[0].title: missing; expected text",
        ),
        (
            r#"{"id": "a", "title": 5, "date": {"year": 2001}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].title: expected text, found a number",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001.5}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.year: 2001.5 is not a whole number",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": -1000000000000000.5}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.year: has more than 15 digits",
        ),
        (
            r#"{"id": "a", "title": "A", "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date: missing; expected an object {…}",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "month": 1, "day": 1, "hour": 25, "minute": 0}, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].date.hour: 25 is not an hour (0–23)",
        ),
        (
            r#"{"id": "a", "title": "A", "date": {"year": 2001, "month": 1, "day": 1}, "days": 2, "category": "un", "summary": "S", "sources": [{"title": "s", "url": "https://x.org"}]}"#,
            "events[0].days: is only for events whose exact dates are unknown; the date already has a day, so give \"end\"",
        ),
    ];
    for (event, expected) in cases {
        let got = errors(&doc(event)).join("\n");
        assert_eq!(&got, expected, "for {event}");
    }
}

#[test]
fn document_level_problems() {
    assert_eq!(errors("[]"), ["(whole file): expected an object {…}, found a list"]);
    assert_eq!(
        errors(r#"{"version": 2, "events": []}"#),
        ["version: 2 is not a supported format version (this widget reads 1)"]
    );
    assert_eq!(errors(r#"{"version": 1, "events": []}"#), ["events: is empty; expected at least one event"]);
    assert_eq!(errors(r#"{"version": 1}"#), ["events: missing; expected a list […]"]);
    // One rule for text: a document title may be left out, but when it is there it says something,
    // like an event's title.
    let titled = |t: &str| format!(r#"{{"version": 1, "title": {t}, "events": [{GOOD}]}}"#);
    assert_eq!(errors(&titled(r#""""#)), ["title: is empty; expected some text"]);
    assert_eq!(errors(&titled(r#""   ""#)), ["title: is empty; expected some text"]);
    assert_eq!(errors(&format!(r#"{{"version": 1, "events": [{GOOD}]}}"#)), Vec::<String>::new());
    assert_eq!(
        errors(&doc(&GOOD.replace(r#""title": "A""#, r#""title": """#))),
        ["events[0].title: is empty; expected some text"]
    );
    let bad = errors("{ not json");
    assert_eq!(bad.len(), 1);
    assert!(bad[0].starts_with("(whole file): not valid JSON: "), "{bad:?}");
}

#[test]
fn duplicate_ids_name_the_first_use() {
    let text = format!(r#"{{"version": 1, "events": [{GOOD}, {GOOD}]}}"#);
    assert_eq!(errors(&text), ["events[1].id: \"a\" is already used by events[0]; ids must be unique"]);
}

#[test]
fn children_must_lie_within_their_parent() {
    let parent = |child: &str| {
        doc(&format!(
            r#"{{"id": "m", "title": "M", "date": {{"year": 2024}}, "days": 2, "category": "osce", "summary": "S",
            "sources": [{{"title": "s", "url": "https://x.org"}}], "children": [{child}]}}"#
        ))
    };
    let src = r#""sources": [{"title": "s", "url": "https://x.org"}]"#;
    assert_eq!(
        errors(&parent(&format!(
            r#"{{"id": "c", "title": "C", "summary": "S", "date": {{"year": 2023, "month": 5}}, {src}}}"#
        ))),
        ["events[0].children[0].date: 2023-05 is outside its parent's span (2024, two days)"]
    );
    assert_eq!(
        errors(&parent(&format!(r#"{{"id": "c", "title": "C", "summary": "S", "day": 3, {src}}}"#))),
        ["events[0].children[0].day: 3 is not a day of the parent event (1–2)"]
    );
    // A child may not use "days" or nest further.
    assert_eq!(
        errors(&parent(&format!(r#"{{"id": "c", "title": "C", "summary": "S", "children": [], {src}}}"#))),
        ["events[0].children[0].children: unknown field; expected one of: id, title, label, date, end, day, category, summary, note, actors, sources, i18n"]
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = r#"{"version": 1, "events": [
        {"id": "a", "title": "", "date": {"year": 2001, "month": 13}, "category": "x", "summary": "S", "sources": [{"title": "s", "url": "ftp://x"}]},
        {"id": "a", "title": "B", "date": {"year": 2001}, "category": "un", "summary": " ", "sources": [{"title": "s", "url": "https://x.org"}]}
    ]}"#;
    assert_eq!(
        errors(text),
        [
            "events[0].title: is empty; expected some text",
            "events[0].sources[0].url: \"ftp://x\" is not an http(s) URL",
            "events[0].category: \"x\" is not a category; expected one of: un, osce, coe, eu, national-law, civil-society, other",
            "events[0].date.month: 13 is not a month (1–12)",
            "events[1].id: \"a\" is already used by events[0]; ids must be unique",
            "events[1].summary: is empty; expected some text",
        ]
    );
}

#[test]
fn date_labels_show_exactly_the_known_precision() {
    let t = bundled();
    let label = |id: &str| t.find(id).map(|i| i.when().label_en()).unwrap_or_default();
    assert_eq!(label("palermo-protocol-adopted"), "15 November 2000");
    assert_eq!(label("palermo-signing"), "12–15 December 2000");
    assert_eq!(label("un-principles-guidelines"), "July 2002");
    assert_eq!(label("osce-addendum-2013"), "2013");
    assert_eq!(label("term-konrad"), "13 May 2004 – May 2006");
    assert_eq!(label("term-giammarinaro"), "January 2010 – 2014");
    assert_eq!(
        label("term-richey"),
        "between 1 June 2018 and 21 November 2019 – between 29 March 2023 and 6 June 2023"
    );
    assert_eq!(label("greta-first-meeting"), "24–27 February 2009");
}

#[test]
fn start_views_parse_and_validate() {
    use anti_trafficking_timeline::model::Start;
    let t = bundled();
    assert_eq!(Start::parse("", &t), Ok(Start::All));
    assert_eq!(Start::parse("all", &t), Ok(Start::All));
    assert!(matches!(Start::parse("vienna-2024", &t), Ok(Start::Event(id)) if id.as_str() == "vienna-2024"));
    let Ok(Start::Range(a, b)) = Start::parse("2010/2014-06", &t) else { panic!("range") };
    assert_eq!(a, anti_trafficking_timeline::model::days_from_civil(2010, 1, 1) * 1440);
    assert_eq!(b, anti_trafficking_timeline::model::days_from_civil(2014, 7, 1) * 1440);
    assert_eq!(Start::parse("nope", &t), Err("there is no entry with the id \"nope\"".to_owned()));
    assert_eq!(Start::parse("2014/2010", &t), Err("the range 2014/2010 ends before it starts".to_owned()));
    assert_eq!(
        Start::parse("2010-13/2011", &t),
        Err("\"2010-13\" is not a date like 2004, 2004-05 or 2004-05-13".to_owned())
    );
    // In the data file.
    let with_start = |start: &str| format!(r#"{{"version": 1, "start": {start}, "events": [{GOOD}]}}"#);
    assert_eq!(errors(&with_start(r#"{"event": "a"}"#)), Vec::<String>::new());
    assert_eq!(errors(&with_start(r#"{"event": "b"}"#)), ["start.event: \"b\" is not the id of any entry"]);
    assert_eq!(
        errors(&with_start(r#"{"from": {"year": 2005}}"#)),
        ["start: give either \"event\", or both \"from\" and \"to\""]
    );
    assert_eq!(
        errors(&with_start(r#"{"from": {"year": 2005}, "to": {"year": 2004}}"#)),
        ["start.to: 2004 is before 2005"]
    );
}

#[test]
fn labels_are_short() {
    let long = "x".repeat(41);
    let ev = GOOD.replace(r#""title": "A","#, &format!(r#""title": "A", "label": "{long}","#));
    assert_eq!(errors(&doc(&ev)), ["events[0].label: is 41 characters long; a label has at most 40"]);
    let t = bundled();
    let Some(Item::Event(m, None)) = t.find("vienna-2024") else { panic!("meeting") };
    assert_eq!(m.info.short(), "Vienna meeting, 2024");
}

#[test]
fn the_no_javascript_fallback_has_every_entry_and_escapes_data() {
    use anti_trafficking_timeline::fallback;
    let t = bundled();
    let html = fallback::html(&t);
    for e in &t.events {
        assert!(html.contains(&fallback::escape(&e.info.title)), "missing {}", e.info.title);
        for c in &e.children {
            assert!(html.contains(&fallback::escape(&c.info.title)), "missing {}", c.info.title);
        }
        for s in &e.info.sources {
            assert!(html.contains(&format!("href=\"{}\"", fallback::escape(&s.url))), "missing {}", s.url);
        }
    }
    assert!(html.contains("<time datetime=\"2000-11-15\">15 November 2000</time>"));
    assert!(html.contains("Day 1: <strong>Welcoming remarks: Michael Cluett</strong>"));
    let hostile = doc(
        r#"{"id": "a", "title": "<script>alert(1)</script>", "date": {"year": 2001}, "category": "un",
        "summary": "\"><img src=x onerror=alert(1)>", "sources": [{"title": "<b>x</b>", "url": "https://x.org/?a=1&b=2"}]}"#,
    );
    let t = from_str(&hostile).unwrap_or_else(|e| panic!("{e:?}"));
    let html = fallback::html(&t);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("href=\"https://x.org/?a=1&amp;b=2\""));
}

#[test]
fn the_no_javascript_list_follows_the_page_language() {
    use anti_trafficking_timeline::{fallback, model::Lang};
    let t = bundled();
    let fr = fallback::html_in(&t, Lang::Fr);
    assert!(
        fr.starts_with("<section class=\"att-fallback\" lang=\"fr\" dir=\"ltr\"><h2>Contre la traite"),
        "{}",
        &fr[..200]
    );
    assert!(fr.contains("<time datetime=\"2000-11-15\">15 novembre 2000</time>"));
    assert!(fr.contains("<h3>Périodes</h3>") && fr.contains("Jour 1: ") && !fr.contains("Day 1"));
    let ru = fallback::html_in(&t, Lang::Ru);
    assert!(ru.contains("<time datetime=\"2000-11-15\">15 ноября 2000 г.</time>"), "genitive month");
    let de = fallback::html_in(&t, Lang::De);
    assert!(de.contains("<time datetime=\"2000-11-15\">15. November 2000</time>"));
    for e in &t.events {
        assert!(fr.contains(&fallback::escape(e.info.title_in(Lang::Fr))), "missing {}", e.id);
    }
    // Text the data leaves untranslated is English, and marked so.
    let partial = from_str(&doc(
        &GOOD.replace(r#""summary": "S","#, r#""summary": "S", "i18n": {"fr": {"title": "Un"}},"#)
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    let html = fallback::html_in(&partial, Lang::Fr);
    assert!(html.contains("<strong>Un</strong>. <span lang=\"en\">S</span>"), "{html}");
    assert_eq!(fallback::html(&t), fallback::html_in(&t, Lang::En));
}

#[test]
fn translations_fall_back_to_english_and_are_checked() {
    use anti_trafficking_timeline::model::Lang;
    let t = bundled();
    assert_eq!(t.title_in(Lang::Fr), "Contre la traite des êtres humains, 2000–2024");
    assert_eq!(t.title_in(Lang::En), "Against trafficking in human beings, 2000–2024");
    let Some(Item::Event(m, None)) = t.find("vienna-2024") else { panic!("meeting") };
    assert_eq!(m.info.short_in(Lang::Ru), "Венское совещание, 2024");
    assert_eq!(m.info.title_in(Lang::De), "Jahrestreffen der nationalen Koordinatoren und Berichterstatter zur Bekämpfung des Menschenhandels, Wien");
    let Some(Item::Event(p, None)) = t.find("palermo-protocol-adopted") else { panic!("palermo") };
    assert_ne!(p.info.title_in(Lang::Es), p.info.title);
    // What a translation leaves out is English, and says so (for the `lang` attribute).
    let partial = from_str(&doc(
        &GOOD.replace(r#""summary": "S","#, r#""summary": "S", "i18n": {"fr": {"title": "Un"}},"#)
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    let info = &partial.events[0].info;
    assert_eq!(info.title_lang(Lang::Fr), ("Un", Lang::Fr));
    assert_eq!(info.summary_lang(Lang::Fr), ("S", Lang::En));
    assert_eq!(info.short_lang(Lang::Fr), ("Un", Lang::Fr));
    assert!(info.translated(Lang::Fr) && !info.translated(Lang::De));
    let with =
        |i18n: &str| doc(&GOOD.replace(r#""summary": "S","#, &format!(r#""summary": "S", "i18n": {i18n},"#)));
    assert_eq!(errors(&with(r#"{"fr": {"title": "Un"}}"#)), Vec::<String>::new());
    assert_eq!(
        errors(&with(r#"{"pt": {"title": "Um"}}"#)),
        ["events[0].i18n.pt: \"pt\" is not a language of this widget; expected one of: fr, de, it, ru, es"]
    );
    assert_eq!(
        errors(&with(r#"{"en": {"title": "One"}}"#)),
        ["events[0].i18n.en: English is the main text; translations are for fr, de, it, ru, es"]
    );
    assert_eq!(
        errors(&with(r#"{"fr": {"titre": "Un"}}"#)),
        ["events[0].i18n.fr.titre: unknown field; did you mean \"title\"?"]
    );
    assert_eq!(
        errors(&with(r#"{"fr": {"title": ""}}"#)),
        ["events[0].i18n.fr.title: is empty; expected some text"]
    );
}

fn warnings(text: &str) -> Vec<String> {
    match from_str(text) {
        Ok(t) => t.warnings.iter().map(ToString::to_string).collect(),
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn a_translated_file_warns_about_every_untranslated_text() {
    // No translation anywhere: an English-only timeline, no warnings.
    let two = format!("{GOOD}, {}", GOOD.replace(r#""id": "a""#, r#""id": "b""#));
    assert_eq!(warnings(&doc(&two)), Vec::<String>::new());
    // One entry in French: the other is missing French, and the first lacks its French summary.
    let fr = GOOD
        .replace(r#""summary": "S","#, r#""summary": "S", "note": "N", "i18n": {"fr": {"title": "Un"}},"#);
    let two = format!("{fr}, {}", GOOD.replace(r#""id": "a""#, r#""id": "b""#));
    assert_eq!(
        warnings(&doc(&two)),
        [
            "events[0].i18n.fr: no \"summary\": readers in fr see it in English",
            "events[0].i18n.fr: no \"note\": readers in fr see it in English",
            "events[1].i18n: no \"fr\" translation: readers in fr see this entry in English",
        ]
    );
    // A period's row name is part of its text.
    let period = r#"{"id": "p", "title": "P", "group": "G", "category": "osce", "start": {"year": 2001},
        "summary": "S", "sources": [{"title": "Src", "url": "https://example.org/p"}],
        "i18n": {"de": {"title": "P", "summary": "S"}}}"#;
    let text = format!(
        r#"{{"version": 1, "events": [{}], "periods": [{period}]}}"#,
        GOOD.replace(
            r#""summary": "S","#,
            r#""summary": "S", "i18n": {"de": {"title": "A", "summary": "S"}},"#
        )
    );
    assert_eq!(warnings(&text), ["periods[0].i18n.de: no \"group\": readers in de see it in English"]);
}

#[test]
fn the_bundled_data_is_complete_in_six_languages() {
    use anti_trafficking_timeline::model::Lang;
    let t = bundled();
    let w: Vec<String> = t.warnings.iter().map(ToString::to_string).collect();
    assert!(w.is_empty(), "{} warnings, first: {:?}", w.len(), w.first());
    // Every entry is translated into every language (an empty warning list alone would also hold
    // for a file with no translations at all).
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        for e in t.events.iter().chain(t.events.iter().flat_map(|e| e.children.iter())) {
            assert_ne!(e.info.summary_in(lang), e.info.summary, "{}: no {} summary", e.id, lang.tag());
        }
        for p in &t.periods {
            assert_ne!(p.group_in(lang), p.group, "{}: no {} row name", p.id, lang.tag());
        }
    }
}

/// The limits (README, "Hardening"): each is enforced with one precise message, quickly.
#[test]
fn limits_are_enforced_with_clear_errors() {
    let started = std::time::Instant::now();
    // Too many events: one error, nothing else decoded.
    let many: Vec<String> = (0..100_001).map(|_| "{}".to_owned()).collect();
    let text = format!(r#"{{"version": 1, "events": [{}]}}"#, many.join(","));
    assert_eq!(errors(&text), ["events: has 100001 items; at most 100000 are allowed"]);
    // Too long a summary.
    let long = "x".repeat(5_001);
    let e = errors(&doc(&GOOD.replace(r#""summary": "S""#, &format!(r#""summary": "{long}""#))));
    assert_eq!(e, ["events[0].summary: is 5001 characters long; at most 5000 are allowed"]);
    // Any text value over 20,000 characters, even in an unknown place.
    let huge = "y".repeat(20_001);
    let e = errors(&doc(&GOOD.replace(r#""summary": "S""#, &format!(r#""summary": "{huge}""#))));
    assert_eq!(e, ["events[0].summary: is 20001 characters long; at most 20000 are allowed"]);
    // Nesting deeper than 32 levels.
    let deep = format!(r#"{{"version": 1, "events": {}{}}}"#, "[".repeat(40), "]".repeat(40));
    let e = errors(&deep);
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("lists and objects are nested more than 32 levels deep"), "{e:?}");
    // An object with thousands of fields: one error, no quadratic search.
    let fields: Vec<String> = (0..5_000).map(|i| format!(r#""k{i}": 1"#)).collect();
    let e = errors(&doc(&format!("{{{}}}", fields.join(","))));
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("events[0]: has 5000 fields; expected at most these 13: id, title"), "{e:?}");
    // Thousands of problems: the first 100, then how many more.
    let bad: Vec<String> =
        (0..300).map(|i| format!(r#"{{"id": "e{i}", "title": "", "date": {{"year": 1}}}}"#)).collect();
    let e = errors(&format!(r#"{{"version": 1, "events": [{}]}}"#, bad.join(",")));
    assert_eq!(e.len(), 101);
    assert!(
        e[100].starts_with("(whole file): … and ")
            && e[100].ends_with(" more problems (the first 100 are listed)"),
        "{}",
        e[100]
    );
    // A long value quoted in a message is shortened.
    let e = errors(&doc(&GOOD.replace(r#""id": "a""#, &format!(r#""id": "{}""#, "Z".repeat(500)))));
    assert!(e[0].len() < 200 && e[0].contains("ZZZ…\" is not a valid id"), "{e:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "limits must be cheap to check");
}

/// Links: only http(s); `javascript:`, `data:`, `vbscript:` and obfuscated forms are errors.
#[test]
fn links_other_than_http_are_refused_however_they_are_written() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\\tscript:alert(1)",
        "\\u0000javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https://example.org/\\\"onmouseover=\\\"alert(1)",
        "https://example.org/<script>",
        "https:/\\\\example.org",
        "ftp://example.org/x",
    ] {
        let text = doc(&GOOD.replace("https://example.org/a", url));
        let e = errors(&text);
        assert!(
            e.iter()
                .any(|m| m.starts_with("events[0].sources[0].url: ") && m.ends_with("is not an http(s) URL")),
            "{url}: {e:?}"
        );
    }
}

/// The no-JavaScript list escapes every payload of the XSS corpus (tests/xss/payloads.txt).
#[test]
fn the_fallback_escapes_every_xss_payload() {
    let payloads =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xss/payloads.txt")).unwrap();
    for p in payloads.lines().filter(|l| !l.trim().is_empty()) {
        let json_text = serde_json::to_string(p.trim()).unwrap();
        let t = from_str(&doc(&GOOD
            .replace(r#""title": "A""#, &format!(r#""title": {json_text}"#))
            .replace(r#""summary": "S""#, &format!(r#""summary": {json_text}"#))))
        .unwrap_or_else(|e| panic!("{p}: {e:?}"));
        let html = anti_trafficking_timeline::fallback::html(&t);
        let escaped = anti_trafficking_timeline::fallback::escape(p.trim());
        assert!(html.contains(&escaped), "{p}");
        if p.contains(['<', '"', '&', '>']) {
            assert!(!html.contains(p.trim()), "unescaped in the fallback: {p}");
        }
    }
}

/// `data/timeline.schema.json` is generated from the decoder (`cargo xtask schema`); it must not drift.
#[test]
fn the_committed_schema_matches_the_decoder() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/timeline.schema.json"))
            .expect("data/timeline.schema.json");
    let generated = anti_trafficking_timeline::format::schema::text_of_schema().expect("schema");
    assert!(committed == generated, "data/timeline.schema.json is out of date: run `cargo xtask schema`");
    // The bundled data points editors' tools to it.
    assert!(BUNDLED_DATA.contains(r#""$schema": "timeline.schema.json""#));
}

#[test]
fn a_range_within_one_day_names_the_day_once() {
    let t = from_str(&doc(&GOOD.replace(
        r#""date": {"year": 2000}"#,
        r#""date": {"year": 2003, "month": 12, "day": 25, "hour": 9, "minute": 30}, "end": {"year": 2003, "month": 12, "day": 25, "hour": 17, "minute": 0}"#,
    )))
    .unwrap();
    assert_eq!(t.events[0].when.label_en(), "25 December 2003, 09:30–17:00");
}

#[test]
fn each_language_file_reads_exactly_like_the_whole_file_in_that_language() {
    use anti_trafficking_timeline::format::{split, Json};
    use anti_trafficking_timeline::{fallback, model::Lang};
    let full = bundled();
    let json: Json = serde_json::from_str(BUNDLED_DATA).unwrap();
    for lang in Lang::ALL {
        let text = split::for_lang(&json, lang).to_compact();
        let part = from_str(&text).unwrap_or_else(|e| panic!("{}: {e:?}", lang.tag()));
        // Everything a reader in that language sees: titles, dates, summaries, notes, sources, rows.
        assert_eq!(fallback::html_in(&part, lang), fallback::html_in(&full, lang), "{}", lang.tag());
        assert_eq!(part.events.len(), full.events.len());
        for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
            assert!(
                !text.contains(&format!("\"{}\":{{", other.tag())),
                "{} holds {}",
                lang.tag(),
                other.tag()
            );
        }
        assert!(text.len() < BUNDLED_DATA.len() / 2, "{}: {} bytes", lang.tag(), text.len());
    }
    // No whitespace between tokens, and the English file has no translations at all.
    let en = split::for_lang(&json, Lang::En).to_compact();
    assert!(!en.contains("\"i18n\"") && !en.contains("\n") && !en.contains("\": "));
}

#[test]
fn actors_are_translated_once_for_the_whole_file_and_checked() {
    use anti_trafficking_timeline::model::Lang;
    let fr = GOOD.replace(
        r#""summary": "S","#,
        r#""summary": "S", "actors": ["Council of Europe", "Helga Konrad"], "i18n": {"fr": {"title": "Un", "summary": "S"}},"#,
    );
    let with = |names: &str| {
        format!(
            r#"{{"version": 1, "title": "T", "i18n": {{"fr": {{"title": "T", "actors": {names}}}}}, "events": [{fr}]}}"#
        )
    };
    // Every name translated: no warning, and each name is read in French.
    let text = with(r#"{"Council of Europe": "Conseil de l’Europe", "Helga Konrad": "Helga Konrad"}"#);
    assert_eq!(warnings(&text), Vec::<String>::new());
    let t = from_str(&text).unwrap();
    assert_eq!(t.actor_in("Council of Europe", Lang::Fr), ("Conseil de l’Europe", Lang::Fr));
    // Another language, or a name the file does not translate: as written, in English.
    assert_eq!(t.actor_in("Council of Europe", Lang::De), ("Council of Europe", Lang::En));
    assert_eq!(t.actor_in("GRETA", Lang::Fr), ("GRETA", Lang::En));
    // A missing name, and a misspelt one, are warned about with their places.
    let text = with(r#"{"Council of Europa": "Conseil de l’Europe"}"#);
    assert_eq!(
        warnings(&text),
        [
            "i18n.fr.actors: no translation of \"Council of Europe\" (events[0].actors[0]): readers in fr see it in English",
            "i18n.fr.actors: no translation of \"Helga Konrad\" (events[0].actors[1]): readers in fr see it in English",
            "i18n.fr.actors.Council of Europa: \"Council of Europa\" is no entry's actor; is it spelled as in \"actors\"?",
        ]
    );
    // The wrong shape is an error with its place.
    assert_eq!(
        errors(&with(r#"["Conseil de l’Europe"]"#)),
        ["i18n.fr.actors: expected an object {\"English name\": \"translation\", …}, found a list"]
    );
    assert_eq!(
        errors(&with(r#"{"Council of Europe": 3}"#)),
        ["i18n.fr.actors.Council of Europe: expected text, found a number"]
    );
}

#[test]
fn a_date_known_only_as_a_window_reads_between_and_covers_the_window() {
    use anti_trafficking_timeline::{fallback, model::Lang};
    let windowed = GOOD.replace(
        r#""date": {"year": 2000}"#,
        r#""date": {"year": 2018, "month": 6, "latest": {"year": 2019, "month": 11}}"#,
    );
    let t = from_str(&doc(&windowed)).unwrap_or_else(|e| panic!("{e:?}"));
    let w = &t.events[0].when;
    assert_eq!(w.label_en(), "between June 2018 and November 2019");
    // The whole window is covered: from the earliest start to the end of the latest month.
    assert_eq!(w.start_minute(), PartialDate::parse_iso("2018-06").unwrap().start_minute());
    assert_eq!(w.end_minute(), PartialDate::parse_iso("2019-11").unwrap().end_minute());
    let fr = fallback::html_in(&t, Lang::Fr);
    assert!(fr.contains(">entre juin 2018 et novembre 2019<"), "{fr}");
    // Errors, with their places: a "latest" not after the date, and "approximate" with a window.
    let before = GOOD.replace(
        r#""date": {"year": 2000}"#,
        r#""date": {"year": 2018, "month": 6, "latest": {"year": 2018, "month": 6}}"#,
    );
    assert_eq!(
        errors(&doc(&before)),
        ["events[0].date.latest: 2018-06 is not after the date 2018-06; \"latest\" is the latest the date can be, the date itself the earliest"]
    );
    let both = GOOD.replace(
        r#""date": {"year": 2000}"#,
        r#""date": {"year": 2018, "approximate": true, "latest": {"year": 2019}}"#,
    );
    assert_eq!(
        errors(&doc(&both)),
        ["events[0].date.approximate: give either \"approximate\" or \"latest\" (a window), not both"]
    );
    let nested = GOOD.replace(
        r#""date": {"year": 2000}"#,
        r#""date": {"year": 2018, "latest": {"year": 2019, "latest": {"year": 2020}}}"#,
    );
    assert_eq!(errors(&doc(&nested)).len(), 1, "{:?}", errors(&doc(&nested)));
    // "approximate" is its own thing: "about".
    let about = GOOD.replace(r#""date": {"year": 2000}"#, r#""date": {"year": 2019, "approximate": true}"#);
    assert_eq!(from_str(&doc(&about)).unwrap().events[0].when.label_en(), "about 2019");
    // The bundled data: Valiant Richey's term, both ends windows, as its note gives them.
    let t = bundled();
    let richey = t.periods.iter().find(|p| p.id.as_str() == "term-richey").expect("term-richey");
    assert_eq!(
        richey.label_en(),
        "between 1 June 2018 and 21 November 2019 – between 29 March 2023 and 6 June 2023"
    );
    let ru = fallback::html_in(&t, Lang::Ru);
    assert!(ru.contains("в период 1 июня 2018 г. — 21 ноября 2019 г."), "Russian window");
}

#[test]
fn years_before_the_common_era_are_written_as_each_language_writes_them() {
    use anti_trafficking_timeline::i18n::year_text;
    use anti_trafficking_timeline::{fallback, model::Lang};
    let big = -13_800_000_000;
    let got: Vec<String> = Lang::ALL.into_iter().map(|l| year_text(l, big)).collect();
    assert_eq!(
        got,
        [
            "13,800,000,000 BCE",
            "13\u{202f}800\u{202f}000\u{202f}000 av. J.-C.",
            "13.800.000.000 v. Chr.",
            "13.800.000.000 a.C.",
            "13\u{a0}800\u{a0}000\u{a0}000 г. до н. э.",
            "13.800.000.000 a. C.",
        ]
    );
    assert_eq!(year_text(Lang::De, 2004), "2004");
    // A BCE date with a day, in the no-JavaScript list (Russian writes the era once).
    let ides = GOOD.replace(r#""date": {"year": 2000}"#, r#""date": {"year": -44, "month": 3, "day": 15}"#);
    let t = from_str(&doc(&ides)).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(fallback::html_in(&t, Lang::Ru).contains(">15 марта 44 г. до н. э.<"));
    assert!(fallback::html_in(&t, Lang::Fr).contains(">15 mars 44 av. J.-C.<"));
    assert!(fallback::html_in(&t, Lang::En).contains(">15 March 44 BCE<"));
    // Year 0 is an error with its place.
    let zero = GOOD.replace(r#""date": {"year": 2000}"#, r#""date": {"year": 0}"#);
    assert_eq!(errors(&doc(&zero)), ["events[0].date.year: there is no year 0: 1 BCE is -1, and 1 CE is 1"]);
}
