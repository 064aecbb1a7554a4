//! What the widget prints: a clean chronological list with dates, summaries and sources (shown only
//! by `@media print`; on screen it is not displayed, so it is not in the accessibility tree either).

use yew::prelude::*;

use super::list::day_label;
use super::TimelineRef;
use crate::layout::agenda;
use crate::model::Info;

/// Largest number of entries printed as a list (a huge data set prints a note instead).
const MAX_PRINTED: usize = 2000;

/// Properties of [`PrintList`].
#[derive(Properties, PartialEq)]
pub struct PrintListProps {
    /// The timeline.
    pub data: TimelineRef,
}

fn sources(info: &Info) -> Html {
    html! {
        <span class="att-psrc">
            { "Sources: " }
            { for info.sources.iter().enumerate().map(|(i, s)| html! {
                <>
                    if i > 0 { { "; " } }
                    <a href={s.url.clone()}>{ s.title.clone() }</a>{ format!(" ({})", s.url) }
                </>
            }) }
        </span>
    }
}

/// Every entry in time order, for paper.
#[function_component]
pub fn PrintList(props: &PrintListProps) -> Html {
    let Some(t) = props.data.get() else { return Html::default() };
    if t.len() > MAX_PRINTED {
        return html! { <p class="att-print">{ format!("{} entries are too many to print as a list.", t.len()) }</p> };
    }
    html! {
        <section class="att-print">
            <ol class="att-plist2">
                { for t.events.iter().map(|e| html! {
                    <li key={e.id.as_str()}>
                        <strong><time datetime={e.when.iso()}>{ e.when.label_en() }</time>{ " — " }{ e.info.title.clone() }</strong>
                        { format!(" ({}). {} ", e.category.label(), e.info.summary) }
                        { sources(&e.info) }
                        if !e.children.is_empty() {
                            <ol>
                                { for agenda(e).into_iter().flat_map(|d| d.children.into_iter().map(move |c| (d.key, c))).map(|(key, c)| html! {
                                    <li key={c.id.as_str()}>
                                        <strong>{ format!("{}: {}", day_label(key), c.info.title) }</strong>
                                        { format!(". {} ", c.info.summary) }
                                        { sources(&c.info) }
                                    </li>
                                }) }
                            </ol>
                        }
                    </li>
                }) }
            </ol>
            if !t.periods.is_empty() {
                <h3>{ "Periods" }</h3>
                <ul>
                    { for t.periods.iter().map(|p| html! {
                        <li key={p.id.as_str()}>
                            <strong>{ format!("{}: {}", p.group, p.info.title) }</strong>
                            { format!(", {}. {} ", p.label_en(), p.info.summary) }
                            { sources(&p.info) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
