//! The detail panel of the selected entry: title, date with its precision, summary, note, actors,
//! sources (links open in a new tab), the sessions of a meeting, previous/next, and close.

use yew::prelude::*;

use super::list::day_label;
use super::TimelineRef;
use crate::layout::DayKey;
use crate::model::{EventId, Item, Placement};

/// Properties of [`DetailPanel`].
#[derive(Properties, PartialEq)]
pub struct DetailPanelProps {
    /// The timeline.
    pub data: TimelineRef,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The entry to show.
    pub id: EventId,
    /// Go to another entry (previous, next, a session, the parent).
    pub onselect: Callback<EventId>,
    /// Open the inside of an event with sessions.
    pub onenter: Callback<EventId>,
    /// Close the panel.
    pub onclose: Callback<()>,
}

/// Details of one entry.
#[function_component]
pub fn DetailPanel(props: &DetailPanelProps) -> Html {
    let Some(t) = props.data.get() else { return Html::default() };
    let Some(item) = t.find(props.id.as_str()) else { return Html::default() };
    let p = &props.prefix;
    let info = item.info();
    let when = item.when();
    let go = |id: &EventId| {
        let id = id.clone();
        props.onselect.reform(move |_: MouseEvent| id.clone())
    };
    let mut notes: Vec<&str> = when.precision_note_en().into_iter().collect();
    if when.approximate {
        notes.push("approximate");
    }
    let (kind, parent, sessions) = match item {
        Item::Event(e, Some(parent)) => ("Session", Some((parent, e.placement)), &[][..]),
        Item::Event(e, None) => ("Event", None, e.children.as_slice()),
        Item::Period(per) => {
            if per.when.end.is_none() {
                notes.push("end not reported");
            }
            ("Period", None, &[][..])
        }
    };
    let (prev, next) = t.neighbours(props.id.as_str());
    let title_of = |id: &EventId| t.find(id.as_str()).map(|i| i.info().title.clone()).unwrap_or_default();
    let onclose = props.onclose.reform(|_: MouseEvent| ());

    html! {
        <section class="att-detail" id={format!("{p}-detail")} aria-labelledby={format!("{p}-detail-title")}
            data-cat={item.category().key()}>
            <div class="att-dtop">
                <p class="att-kicker">
                    <span class="att-cat">{ item.category().label() }</span>
                    <span class="att-kind">{ kind }</span>
                </p>
                <button type="button" class="att-close" aria-label="Close details" onclick={onclose}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            </div>
            <h3 class="att-dh" id={format!("{p}-detail-title")} tabindex="-1">{ info.title.clone() }</h3>
            <p class="att-when">
                <time datetime={when.iso()}>{ item.label_en() }</time>
                if !notes.is_empty() { <span class="att-prec">{ format!(" ({})", notes.join(", ")) }</span> }
            </p>
            if let Some((parent, placement)) = parent {
                <p class="att-parent">
                    { "Part of " }
                    <button type="button" class="att-link" onclick={go(&parent.id)}>{ parent.info.title.clone() }</button>
                    { format!(" · {}", day_label(match placement {
                        Some(Placement::Day(d)) => DayKey::Day(d),
                        Some(Placement::Time) => DayKey::Date(parent.when.start_minute().div_euclid(1440)),
                        _ => DayKey::Unknown,
                    })) }
                </p>
            }
            <p class="att-summary">{ info.summary.clone() }</p>
            if let Some(note) = &info.note {
                <p class="att-note"><strong>{ "About the sources: " }</strong>{ note.clone() }</p>
            }
            if !sessions.is_empty() {
                <button type="button" class="att-btn att-enter" onclick={{
                    let (cb, id) = (props.onenter.clone(), props.id.clone());
                    Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
                }}>{ "Open the sessions by day ▸" }</button>
                <h4 class="att-dsh">{ format!("Sessions ({})", sessions.len()) }</h4>
                <ol class="att-sessions">
                    { for sessions.iter().map(|c| html! {
                        <li key={c.id.as_str()}>
                            <button type="button" class="att-link" onclick={go(&c.id)}>{ c.info.title.clone() }</button>
                        </li>
                    }) }
                </ol>
            }
            if !info.actors.is_empty() {
                <h4 class="att-dsh">{ "Actors" }</h4>
                <ul class="att-actors">
                    { for info.actors.iter().map(|a| html! { <li>{ a.clone() }</li> }) }
                </ul>
            }
            <h4 class="att-dsh">{ "Sources" }</h4>
            <ul class="att-sources">
                { for info.sources.iter().map(|s| html! {
                    <li>
                        <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">
                            { s.title.clone() }<span class="att-vh">{ " (opens in a new tab)" }</span>
                        </a>
                        <span class="att-host">{ s.host().to_owned() }</span>
                    </li>
                }) }
            </ul>
            <nav class="att-nav" aria-label="Previous and next">
                if let Some(id) = prev {
                    <button type="button" class="att-prev" onclick={go(id)}>
                        { format!("← Previous: {}", title_of(id)) }
                    </button>
                }
                if let Some(id) = next {
                    <button type="button" class="att-next" onclick={go(id)}>
                        { format!("Next: {} →", title_of(id)) }
                    </button>
                }
            </nav>
        </section>
    }
}
