//! The no-JavaScript fallback: the timeline as a plain chronological list in HTML, generated at build
//! time (by `cargo xtask dist`) from the same data. Crawlers and readers without JavaScript get every
//! title, date, summary and source; the widget replaces it when it starts.
//!
//! Every piece of data text is escaped here; links are only the validated http(s) source URLs.

use std::fmt::Write;

use crate::i18n::{fill, strings};
use crate::model::{agenda, DayKey};
use crate::model::{Event, Info, Lang, PartialDate, Timeline};

/// Month names: as in a date with a day (Russian: genitive), and with the year alone.
fn months(lang: Lang) -> ([&'static str; 12], [&'static str; 12]) {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const IT: [&str; 12] = [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ];
    const RU_OF: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const RU: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    match lang {
        Lang::En => (crate::model::MONTHS, crate::model::MONTHS),
        Lang::Fr => (FR, FR),
        Lang::De => (DE, DE),
        Lang::It => (IT, IT),
        Lang::Ru => (RU_OF, RU),
        Lang::Es => (ES, ES),
    }
}

/// A date in `lang` with exactly its known parts, written as the browser's `Intl` would (the list
/// is made at build time, without a browser): `15 novembre 2000`, `15. November 2000`,
/// `15 ноября 2000 г.`, `15 de noviembre de 2000`.
pub fn date(lang: Lang, d: &PartialDate) -> String {
    if lang == Lang::En {
        return d.label_en();
    }
    let y = crate::i18n::year_text(lang, d.year());
    let (of, alone) = months(lang);
    let name =
        |m: u8, t: &[&'static str; 12]| t.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or_default();
    // Russian writes "г." after a year, which a BCE year already has ("г. до н. э.").
    let g = if lang == Lang::Ru && d.year() > 0 { " г." } else { "" };
    let text = match (d.month(), d.day()) {
        (Some(m), Some(day)) => match lang {
            Lang::De => format!("{day}. {} {y}", name(m, &of)),
            Lang::Es => format!("{day} de {} de {y}", name(m, &of)),
            _ => format!("{day} {} {y}{g}", name(m, &of)),
        },
        (Some(m), None) => match lang {
            Lang::Es => format!("{} de {y}", name(m, &alone)),
            _ => format!("{} {y}{g}", name(m, &alone)),
        },
        _ => return y,
    };
    match d.time() {
        Some((h, min)) => format!("{text}, {h:02}:{min:02}"),
        None => text,
    }
}

/// `text`, in a `<span lang>` when it is in another language than the list's (an English fallback).
fn text_in(list: Lang, (text, lang): (&str, Lang)) -> String {
    if lang == list {
        escape(text)
    } else {
        format!("<span lang=\"{}\">{}</span>", lang.tag(), escape(text))
    }
}

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

fn sources(out: &mut String, info: &Info, lang: Lang) {
    if info.sources.is_empty() {
        return;
    }
    let _ = write!(out, " <span>{}: ", escape(strings(lang).sources));
    for (i, s) in info.sources.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(out, "<a href=\"{}\">{}</a>", escape(&s.url), escape(&s.title));
    }
    out.push_str(".</span>");
}

fn entry(out: &mut String, date_iso: &str, date: &str, info: &Info, lang: Lang) {
    let _ = write!(
        out,
        "<time datetime=\"{}\">{}</time>: <strong>{}</strong>. {}",
        escape(date_iso),
        escape(date),
        text_in(lang, info.title_lang(lang)),
        text_in(lang, info.summary_lang(lang))
    );
    if let Some(note) = info.note_lang(lang) {
        let _ = write!(out, " <em>{} {}</em>", escape(strings(lang).about_sources), text_in(lang, note));
    }
    sources(out, info, lang);
}

fn event(out: &mut String, e: &Event, lang: Lang) {
    out.push_str("<li>");
    entry(
        out,
        &e.when.iso(),
        &crate::i18n::when_with(lang, &e.when, &|d| date(lang, d), &|_, _| None),
        &e.info,
        lang,
    );
    if !e.children.is_empty() {
        out.push_str("<ol>");
        for day in agenda(e) {
            let st = strings(lang);
            let label = match day.key {
                DayKey::Day(n) => fill(st.day_n, &[("n", &n.to_string())]),
                DayKey::Date(_) | DayKey::Unknown => st.day_not_reported.to_owned(),
            };
            for c in day.children {
                out.push_str("<li>");
                let _ = write!(
                    out,
                    "{}: <strong>{}</strong>. {}",
                    escape(&label),
                    text_in(lang, c.info.title_lang(lang)),
                    text_in(lang, c.info.summary_lang(lang))
                );
                sources(out, &c.info, lang);
                out.push_str("</li>");
            }
        }
        out.push_str("</ol>");
    }
    out.push_str("</li>");
}

/// The whole timeline as a chronological list (a `<section>`) in English, for the page's light DOM.
pub fn html(t: &Timeline) -> String {
    html_in(t, Lang::En)
}

/// The whole timeline as a chronological list in `lang` (English where the data has no translation,
/// marked with its own `lang`), for the light DOM of a page in that language.
pub fn html_in(t: &Timeline, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"att-fallback\" lang=\"{}\" dir=\"ltr\"><h2>{}</h2>",
        lang.tag(),
        escape(t.title_in(lang))
    );
    if let Some(d) = t.description_in(lang) {
        let _ = write!(out, "<p>{}</p>", escape(d));
    }
    out.push_str("<ol>");
    for e in &t.events {
        event(&mut out, e, lang);
    }
    out.push_str("</ol>");
    if !t.periods.is_empty() {
        let _ = write!(out, "<h3>{}</h3><ul>", escape(strings(lang).periods));
        for p in &t.periods {
            out.push_str("<li>");
            let _ = write!(out, "{}: ", escape(p.group_in(lang)));
            entry(
                &mut out,
                &p.when.iso(),
                &crate::i18n::period_with(lang, p, &|d| date(lang, d), &|_, _| None),
                &p.info,
                lang,
            );
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}
