//! The inside of an event with children (the meeting): its sessions by day, in the order the source
//! reports them, with times only where the source gives them.

use yew::prelude::*;

use super::list::day_label;
use super::{entry_dom_id, use_lang};
use crate::i18n::strings;
use crate::model::{agenda, AgendaDay, DayKey};
use crate::model::{EventId, Item, Placement};
use crate::state::{Intent, ViewState};

/// Properties of [`AgendaView`].
#[derive(Properties, PartialEq)]
pub struct AgendaViewProps {
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The event whose sessions are shown.
    pub id: EventId,
    /// The session's state.
    pub state: std::rc::Rc<ViewState>,
    /// Where the reader's intents go.
    pub send: Callback<Intent>,
}

/// Day columns ("Day 1", "Day 2", "Day not reported") with the sessions in order.
#[function_component]
pub fn AgendaView(props: &AgendaViewProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let st = strings(lang);
    let Some(t) = props.state.timeline() else { return Html::default() };
    let Some(Item::Event(parent, None)) = t.find(props.id.as_str()) else { return Html::default() };
    let p = &props.prefix;
    let mut days = agenda(parent);
    // Every day of the event gets a column, even when the source reports nothing for it.
    if let Some(n) = parent.when.days {
        for d in 1..=n {
            if !days.iter().any(|g| g.key == DayKey::Day(d)) {
                days.push(AgendaDay { key: DayKey::Day(d), children: Vec::new() });
            }
        }
        days = crate::model::order::sorted_by(days, |g| g.key.order_key(0));
    }
    let mut notes: Vec<&str> = crate::intl::precision_note(lang, &parent.when).into_iter().collect();
    if parent.when.approximate {
        notes.push(st.approximate);
    }
    let date = crate::intl::when(lang, &parent.when);
    let when = if notes.is_empty() { date } else { format!("{date} ({})", notes.join(", ")) };
    html! {
        <section class="att-agendav" aria-labelledby={format!("{p}-scope")} data-cat={parent.category.key()}>
            <h3 class="att-ah" id={format!("{p}-scope")} tabindex="-1">{ parent.info.title_in(lang).to_owned() }</h3>
            <p class="att-awhen"><time datetime={parent.when.iso()}>{ when }</time>
                { format!(" · {}", st.count(lang, parent.children.len(), &st.session_forms)) }</p>
            <div class="att-days">
                { for days.iter().map(|g| html! {
                    <div key={day_label(g.key, lang)} class="att-daycol" role="group" aria-label={day_label(g.key, lang)}>
                        <h4 class="att-dh4">{ day_label(g.key, lang) }</h4>
                        if g.children.is_empty() {
                            <p class="att-empty">{ st.no_session }</p>
                        } else {
                            <ol class="att-sess">
                                { for g.children.iter().map(|c| {
                                    let sel = props.state.selected.as_ref() == Some(&c.id);
                                    let onclick = {
                                        let id = c.id.as_str().to_owned();
                                        props.send.reform(move |_: MouseEvent| Intent::Open(id.clone()))
                                    };
                                    let time = match (c.placement, c.when.start.time()) {
                                        (Some(Placement::Time), Some((h, m))) => Some(format!("{h:02}:{m:02}")),
                                        _ => None,
                                    };
                                    html! {
                                        <li key={c.id.as_str()}>
                                            <button type="button" class={classes!("att-sbtn", sel.then_some("att-sel"))}
                                                id={entry_dom_id(p, c.id.as_str())} aria-current={sel.then_some("true")} {onclick}>
                                                if let Some(time) = time { <time class="att-stime" datetime={c.when.iso()}>{ time }</time> }
                                                <span class="att-title">{ c.info.title_in(lang).to_owned() }</span>
                                            </button>
                                        </li>
                                    }
                                }) }
                            </ol>
                        }
                    </div>
                }) }
            </div>
            <p class="att-afoot">{ if parent.children.iter().any(|c| c.placement == Some(Placement::Time)) {
                st.foot_timed
            } else {
                st.foot_order
            } }</p>
        </section>
    }
}
