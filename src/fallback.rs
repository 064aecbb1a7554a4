//! The no-JavaScript fallback: the timeline as a plain chronological list in HTML, generated at build
//! time (by `cargo xtask dist`) from the same data. Crawlers and readers without JavaScript get every
//! title, date, summary and source; the widget replaces it when it starts.
//!
//! Every piece of data text is escaped here; links are only the validated http(s) source URLs.

use std::fmt::Write;

use crate::model::{agenda, DayKey};
use crate::model::{Event, Info, Timeline};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn sources(out: &mut String, info: &Info) {
    if info.sources.is_empty() {
        return;
    }
    out.push_str(" <span>Sources: ");
    for (i, s) in info.sources.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&s.url), escape(&s.title));
    }
    out.push_str(".</span>");
}

fn entry(out: &mut String, date_iso: &str, date: &str, info: &Info) {
    let _ = write!(
        out,
        "<time datetime=\"{}\">{}</time>: <strong>{}</strong>. {}",
        escape(date_iso),
        escape(date),
        escape(&info.title),
        escape(&info.summary)
    );
    if let Some(note) = &info.note {
        let _ = write!(out, " <em>About the sources: {}</em>", escape(note));
    }
    sources(out, info);
}

fn event(out: &mut String, e: &Event) {
    out.push_str("<li>");
    entry(out, &e.when.iso(), &e.when.label_en(), &e.info);
    if !e.children.is_empty() {
        out.push_str("<ol>");
        for day in agenda(e) {
            let label = match day.key {
                DayKey::Day(n) => format!("Day {n}"),
                DayKey::Date(_) | DayKey::Unknown => "Day not reported".to_owned(),
            };
            for c in day.children {
                out.push_str("<li>");
                let _ = write!(
                    out,
                    "{}: <strong>{}</strong>. {}",
                    escape(&label),
                    escape(&c.info.title),
                    escape(&c.info.summary)
                );
                sources(out, &c.info);
                out.push_str("</li>");
            }
        }
        out.push_str("</ol>");
    }
    out.push_str("</li>");
}

/// The whole timeline as a chronological list (a `<section>`), for the page's light DOM.
pub fn html(t: &Timeline) -> String {
    let mut out = String::new();
    let _ = write!(out, "<section class=\"att-fallback\"><h2>{}</h2>", escape(&t.title));
    if let Some(d) = &t.description {
        let _ = write!(out, "<p>{}</p>", escape(d));
    }
    out.push_str("<ol>");
    for e in &t.events {
        event(&mut out, e);
    }
    out.push_str("</ol>");
    if !t.periods.is_empty() {
        out.push_str("<h3>Periods</h3><ul>");
        for p in &t.periods {
            out.push_str("<li>");
            let _ = write!(out, "{}: ", escape(&p.group));
            entry(&mut out, &p.when.iso(), &p.label_en(), &p.info);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}
