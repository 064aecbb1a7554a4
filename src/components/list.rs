//! The entries in time order as a semantic list: events (with a meeting's sessions grouped by day)
//! and the periods grouped by kind. Every entry is a button; activating it opens its details.

use yew::prelude::*;

use super::{entry_dom_id, use_lang, Data};
use crate::i18n::{fill, strings};
use crate::model::{agenda, DayKey};
use crate::model::{civil_from_days, Event, EventId, Lang, PartialDate, Period};

/// Properties of [`EntryList`].
#[derive(Properties, PartialEq)]
pub struct EntryListProps {
    /// The timeline.
    pub data: Data,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The entry whose details are open.
    pub selected: Option<EventId>,
    /// Where an activated entry's `Open` goes.
    pub send: Callback<crate::state::Intent>,
}

/// All events and periods, in time order.
#[function_component]
pub fn EntryList(props: &EntryListProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let st = strings(lang);
    let Some(t) = props.data.get() else { return Html::default() };
    let p = &props.prefix;
    let mark = |e: &Event| event_mark(props, e, lang);
    let mut groups: Vec<(&str, Vec<&Period>)> = Vec::new();
    for period in &t.periods {
        match groups.iter_mut().find(|(g, _)| *g == period.group) {
            Some((_, v)) => v.push(period),
            None => groups.push((&period.group, vec![period])),
        }
    }
    html! {
        <div class="att-lists">
            <section class="att-events" aria-labelledby={format!("{p}-events-h")}>
                <h3 class="att-sh" id={format!("{p}-events-h")}>
                    { fill(st.in_time_order, &[("events", &st.count(lang, t.events.len(), &st.event_forms))]) }
                </h3>
                <ol class="att-list">
                    { for t.events.iter().map(|e| html! {
                        <li key={e.id.as_str()} class="att-item" data-cat={e.category.key()}>
                            { mark(e) }
                            if !e.children.is_empty() { { agenda_list(props, e, lang) } }
                        </li>
                    }) }
                </ol>
            </section>
            if !groups.is_empty() {
                <section class="att-periods" aria-labelledby={format!("{p}-periods-h")}>
                    <h3 class="att-sh" id={format!("{p}-periods-h")}>{ st.periods }</h3>
                    { for groups.iter().map(|(group, periods)| html! {
                        <>
                            <h4 class="att-gh">{ periods.first().map_or(*group, |p| p.group_in(lang)) }</h4>
                            <ol class="att-list att-plist">
                                { for periods.iter().map(|per| html! {
                                    <li key={per.id.as_str()} class="att-item" data-cat={per.category.key()}>
                                        { button(props, &per.id, Some((&per.when.start, crate::intl::period(lang, per))), per.info.title_in(lang), Some(st.category(per.category))) }
                                    </li>
                                }) }
                            </ol>
                        </>
                    }) }
                </section>
            }
        </div>
    }
}

fn event_mark(props: &EntryListProps, e: &Event, lang: Lang) -> Html {
    let date = (&e.when.start, crate::intl::when(lang, &e.when));
    button(props, &e.id, Some(date), e.info.title_in(lang), Some(strings(lang).category(e.category)))
}

/// A mark: a button with the entry's date (top-level entries), title and category badge.
fn button(
    props: &EntryListProps,
    id: &EventId,
    date: Option<(&PartialDate, String)>,
    title: &str,
    cat: Option<&str>,
) -> Html {
    let selected = props.selected.as_ref() == Some(id);
    let onclick = {
        let id = id.as_str().to_owned();
        props.send.reform(move |_: MouseEvent| crate::state::Intent::Open(id.clone()))
    };
    html! {
        <button type="button" class={classes!("att-mark", selected.then_some("att-sel"))}
            id={entry_dom_id(&props.prefix, id.as_str())}
            aria-current={selected.then_some("true")} {onclick}>
            if let Some((start, label)) = date {
                <time class="att-date" datetime={start.iso()}>{ label }</time>
            }
            <span class="att-title">{ title.to_owned() }</span>
            if let Some(cat) = cat { <span class="att-cat">{ cat.to_owned() }</span> }
        </button>
    }
}

/// The sessions of a meeting, grouped by day ("Day 1", "Day not reported").
fn agenda_list(props: &EntryListProps, parent: &Event, lang: Lang) -> Html {
    html! {
        <ol class="att-agenda" aria-label={fill(strings(lang).sessions_of, &[("label", parent.info.title_in(lang))])}>
            { for agenda(parent).into_iter().map(|day| html! {
                <li key={day_label(day.key, lang)} class="att-day">
                    <span class="att-dayh">{ day_label(day.key, lang) }</span>
                    <ol class="att-list">
                        { for day.children.iter().map(|c| html! {
                            <li key={c.id.as_str()} class="att-item att-child" data-cat={c.category.key()}>
                                { button(props, &c.id, None, c.info.title_in(lang), None) }
                            </li>
                        }) }
                    </ol>
                </li>
            }) }
        </ol>
    }
}

/// "Day 1", "14 June 2024", "Day not reported", in `lang`.
pub(crate) fn day_label(key: DayKey, lang: Lang) -> String {
    let st = strings(lang);
    match key {
        DayKey::Day(n) => fill(st.day_n, &[("n", &n.to_string())]),
        DayKey::Date(days) => {
            let (y, m, d) = civil_from_days(days);
            PartialDate::new(crate::model::historical(y), Some(i64::from(m)), Some(i64::from(d)), None, None)
                .map(|p| crate::intl::date(lang, &p))
                .unwrap_or_default()
        }
        DayKey::Unknown => st.day_not_reported.to_owned(),
    }
}
