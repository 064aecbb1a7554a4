//! The detail panel of the selected entry: title, date with its precision, summary, note, actors,
//! sources (links open in a new tab), the sessions of a meeting, previous/next, and close.

use yew::prelude::*;

use super::list::day_label;
use super::{item_date, lang_attr, use_lang, Data};
use crate::i18n::{fill, strings};
use crate::model::DayKey;
use crate::model::{EventId, Item, Placement};
use crate::state::Intent;

/// Properties of [`DetailPanel`].
#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    /// The timeline.
    pub data: Data,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The entry to show.
    pub id: EventId,
    /// Show its English original rather than the reader's language.
    #[prop_or_default]
    pub original: bool,
    /// Where the reader's intents go: another entry (previous, next, a session, the meeting), the
    /// meeting's sessions, close.
    pub send: Callback<Intent>,
}

/// Details of one entry.
#[function_component]
pub fn DetailPanel(props: &DetailPanelProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let st = strings(lang);
    let Some(t) = props.data.get() else { return Html::default() };
    let Some(item) = t.find(props.id.as_str()) else { return Html::default() };
    let p = &props.prefix;
    let info = item.info();
    let when = item.when();
    // The text's language: the reader's, or English when they asked for the original.
    let tl = if props.original { crate::model::Lang::En } else { lang };
    let translated = lang != crate::model::Lang::En && info.translated(lang);
    let (title, title_l) = info.title_lang(tl);
    let (summary, summary_l) = info.summary_lang(tl);
    let toggle = {
        let on = !props.original;
        props.send.reform(move |_: MouseEvent| Intent::Original(on))
    };
    let go = |id: &EventId| {
        let id = id.as_str().to_owned();
        props.send.reform(move |_: MouseEvent| Intent::Open(id.clone()))
    };
    let mut notes: Vec<&str> = crate::intl::precision_note(lang, when).into_iter().collect();
    if when.approximate {
        notes.push(st.approximate);
    }
    let (kind, parent, sessions) = match item {
        Item::Event(e, Some(parent)) => (st.kind_session, Some((parent, e.placement)), &[][..]),
        Item::Event(e, None) => (st.kind_event, None, e.children.as_slice()),
        Item::Period(per) => {
            if per.when.end.is_none() {
                notes.push(st.end_unknown);
            }
            (st.kind_period, None, &[][..])
        }
    };
    let (prev, next) = t.neighbours(props.id.as_str());
    let title_of =
        |id: &EventId| t.find(id.as_str()).map(|i| i.info().title_in(lang).to_owned()).unwrap_or_default();
    let onclose = props.send.reform(|_: MouseEvent| Intent::Close);
    let enter = {
        let id = props.id.clone();
        props.send.reform(move |_: MouseEvent| Intent::Enter(id.clone()))
    };

    html! {
        <section class="att-detail" id={format!("{p}-detail")} aria-labelledby={format!("{p}-detail-title")}
            data-cat={item.category().key()}>
            <div class="att-dtop">
                <p class="att-kicker">
                    <span class="att-cat">{ st.category(item.category()) }</span>
                    <span class="att-kind">{ kind }</span>
                </p>
                <button type="button" class="att-close" aria-label={st.close} onclick={onclose}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            </div>
            <h3 class="att-dh" id={format!("{p}-detail-title")} tabindex="-1" lang={lang_attr(lang, title_l)}>{ title.to_owned() }</h3>
            <p class="att-when">
                <time datetime={when.iso()}>{ item_date(lang, item) }</time>
                if !notes.is_empty() { <span class="att-prec">{ format!(" ({})", notes.join(", ")) }</span> }
            </p>
            if let Some((parent, placement)) = parent {
                <p class="att-parent">
                    { format!("{} ", st.part_of) }
                    <button type="button" class="att-link" onclick={go(&parent.id)}>{ parent.info.title_in(lang).to_owned() }</button>
                    { format!(" · {}", day_label(match placement {
                        Some(Placement::Day(d)) => DayKey::Day(d),
                        Some(Placement::Time) => DayKey::Date(parent.when.start_minute().div_euclid(1440)),
                        _ => DayKey::Unknown,
                    }, lang)) }
                </p>
            }
            if !summary.is_empty() {
                <p class="att-summary" lang={lang_attr(lang, summary_l)}>{ summary.to_owned() }</p>
            }
            if let Some((note, note_l)) = info.note_lang(tl) {
                <p class="att-note"><strong>{ format!("{} ", st.about_sources) }</strong><span lang={lang_attr(lang, note_l)}>{ note.to_owned() }</span></p>
            }
            if !sessions.is_empty() {
                <button type="button" class="att-btn att-enter" onclick={enter}>{ st.open_by_day }</button>
                <h4 class="att-dsh">{ fill(st.sessions_heading, &[("n", &sessions.len().to_string())]) }</h4>
                <ol class="att-sessions">
                    { for sessions.iter().map(|c| html! {
                        <li key={c.id.as_str()}>
                            <button type="button" class="att-link" onclick={go(&c.id)}>{ c.info.title_in(lang).to_owned() }</button>
                        </li>
                    }) }
                </ol>
            }
            if !info.actors.is_empty() {
                <h4 class="att-dsh">{ st.actors }</h4>
                // Names of people and bodies in the reader's language where the data translates
                // them (`i18n.LANG.actors`), else as written, marked English.
                <ul class="att-actors">
                    { for info.actors.iter().map(|a| {
                        let (name, l) = t.actor_in(a, tl);
                        html! { <li lang={lang_attr(lang, l)}>{ name.to_owned() }</li> }
                    }) }
                </ul>
            }
            if !info.sources.is_empty() {
            <h4 class="att-dsh">{ st.sources }</h4>
            <ul class="att-sources">
                { for info.sources.iter().map(|s| html! {
                    <li>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">
                            { s.title.clone() }<span class="att-vh">{ format!(" {}", st.new_tab) }</span>
                        </a>
                        <span class="att-host">{ s.host().to_owned() }</span>
                    </li>
                }) }
            </ul>
            }
            if translated {
                <p class="att-trnote">
                    if !props.original { { format!("{} ", st.translated) } }
                    <button type="button" class="att-link att-orig" onclick={toggle}>
                        { if props.original { st.show_translation } else { st.show_english } }
                    </button>
                </p>
            }
            <nav class="att-nav" aria-label={st.prev_next}>
                if let Some(id) = prev {
                    <button type="button" class="att-prev" onclick={go(id)}>{ fill(st.previous, &[("title", &title_of(id))]) }</button>
                }
                if let Some(id) = next {
                    <button type="button" class="att-next" onclick={go(id)}>{ fill(st.next, &[("title", &title_of(id))]) }</button>
                }
            </nav>
        </section>
    }
}
