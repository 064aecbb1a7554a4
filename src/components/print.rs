//! What the widget prints: a clean chronological list with dates, summaries and sources (shown only
//! by `@media print`; on screen it is not displayed, so it is not in the accessibility tree either).

use yew::prelude::*;

use super::list::day_label;
use super::{use_lang, Data};
use crate::i18n::{fill, strings};
use crate::model::agenda;
use crate::model::{Info, Lang};

/// Largest number of entries printed as a list (a huge data set prints a note instead).
const MAX_PRINTED: usize = 2000;

/// Properties of [`PrintList`].
#[derive(Properties, PartialEq)]
pub struct PrintListProps {
    /// The timeline.
    pub data: Data,
}

fn sources(info: &Info, lang: Lang) -> Html {
    if info.sources.is_empty() {
        return Html::default();
    }
    html! {
        <span class="att-psrc">
            { format!("{}: ", strings(lang).sources) }
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
    let lang = use_lang();
    let st = strings(lang);
    let Some(t) = props.data.get() else { return Html::default() };
    if t.len() > MAX_PRINTED {
        return html! { <p class="att-print">{ fill(st.too_many_to_print, &[("n", &t.len().to_string())]) }</p> };
    }
    html! {
        <section class="att-print">
            <ol class="att-plist2">
                { for t.events.iter().map(|e| html! {
                    <li key={e.id.as_str()}>
                        <strong><time datetime={e.when.iso()}>{ crate::intl::when(lang, &e.when) }</time>{ " — " }{ e.info.title_in(lang).to_owned() }</strong>
                        { format!(" ({}). {} ", st.category(e.category), e.info.summary_in(lang)) }
                        { sources(&e.info, lang) }
                        if !e.children.is_empty() {
                            <ol>
                                { for agenda(e).into_iter().flat_map(|d| d.children.into_iter().map(move |c| (d.key, c))).map(|(key, c)| html! {
                                    <li key={c.id.as_str()}>
                                        <strong>{ format!("{}: {}", day_label(key, lang), c.info.title_in(lang)) }</strong>
                                        { format!(". {} ", c.info.summary_in(lang)) }
                                        { sources(&c.info, lang) }
                                    </li>
                                }) }
                            </ol>
                        }
                    </li>
                }) }
            </ol>
            if !t.periods.is_empty() {
                <h3>{ st.periods }</h3>
                <ul>
                    { for t.periods.iter().map(|p| html! {
                        <li key={p.id.as_str()}>
                            <strong>{ format!("{}: {}", p.group_in(lang), p.info.title_in(lang)) }</strong>
                            { format!(", {}. {} ", crate::intl::period(lang, p), p.info.summary_in(lang)) }
                            { sources(&p.info, lang) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
