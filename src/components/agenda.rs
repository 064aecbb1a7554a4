//! The inside of an event with children (the meeting): its sessions by day, in the order the source
//! reports them, with times only where the source gives them.

use yew::prelude::*;

use super::list::day_label;
use super::{entry_dom_id, TimelineRef};
use crate::layout::{agenda, AgendaDay, DayKey};
use crate::model::{EventId, Item, Placement};
use crate::state::{Action, ViewState};

/// Properties of [`AgendaView`].
#[derive(Properties, PartialEq)]
pub struct AgendaViewProps {
    /// The timeline.
    pub data: TimelineRef,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The event whose sessions are shown.
    pub id: EventId,
    /// The view state and its dispatcher.
    pub state: UseReducerHandle<ViewState>,
}

/// Day columns ("Day 1", "Day 2", "Day not reported") with the sessions in order.
#[function_component]
pub fn AgendaView(props: &AgendaViewProps) -> Html {
    let Some(t) = props.data.get() else { return Html::default() };
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
        days.sort_by_key(|g| g.key);
    }
    let mut notes: Vec<&str> = parent.when.precision_note_en().into_iter().collect();
    if parent.when.approximate {
        notes.push("approximate");
    }
    let when = if notes.is_empty() {
        parent.when.label_en()
    } else {
        format!("{} ({})", parent.when.label_en(), notes.join(", "))
    };
    html! {
        <section class="att-agendav" aria-labelledby={format!("{p}-scope")} data-cat={parent.category.key()}>
            <h3 class="att-ah" id={format!("{p}-scope")} tabindex="-1">{ parent.info.title.clone() }</h3>
            <p class="att-awhen"><time datetime={parent.when.iso()}>{ when }</time>
                { format!(" · {} sessions", parent.children.len()) }</p>
            <div class="att-days">
                { for days.iter().map(|g| html! {
                    <div key={day_label(g.key)} class="att-daycol" role="group" aria-label={day_label(g.key)}>
                        <h4 class="att-dh4">{ day_label(g.key) }</h4>
                        if g.children.is_empty() {
                            <p class="att-empty">{ "No session reported for this day." }</p>
                        } else {
                            <ol class="att-sess">
                                { for g.children.iter().map(|c| {
                                    let sel = props.state.selected.as_ref() == Some(&c.id);
                                    let onclick = {
                                        let (d, id) = (props.state.dispatcher(), c.id.clone());
                                        Callback::from(move |_: MouseEvent| d.dispatch(Action::Select { id: id.clone(), span: None }))
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
                                                <span class="att-title">{ c.info.title.clone() }</span>
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
                "Sessions are placed by their time where the sources give it, otherwise in the order the sources report them."
            } else {
                "Sessions are listed in the order the sources report them; the sources give no times."
            } }</p>
        </section>
    }
}
