//! Controls above the timeline: zoom, move, fit; a one-click way into each event with sessions;
//! list or timeline; the lane legend (show/hide); the visible range; and the breadcrumb back.

use yew::prelude::*;

use super::use_lang;
use crate::i18n::{fill, strings};
use crate::layout::ticks;
use crate::model::{Category, Lang};
use crate::state::{Intent, Mode, Scope, ViewState};

/// Properties of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The session's state.
    pub state: std::rc::Rc<ViewState>,
    /// Where the reader's intents go.
    pub send: Callback<Intent>,
}

/// Everything above the stage.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let st = strings(lang);
    let s = &props.state;
    // Per data set, not per render (a zoom step at 100,000 events would otherwise count them all
    // again): the lanes that have events and their sizes, and the events with sessions.
    let census = use_memo(s.data.clone(), |d| d.get().map(Census::of).unwrap_or_default());
    let Some(t) = s.timeline() else { return Html::default() };
    let act = |i: Intent| props.send.reform(move |_: MouseEvent| i.clone());
    let timeline_mode = s.mode == Mode::Timeline;
    let in_all = s.scope == Scope::All;
    let can_zoom_in = s.view.span() > s.limits.min_span * 1.001;
    let can_zoom_out = s.view.span() < s.limits.max_span() * 0.999;
    let step = s.width * 0.25;

    let crumbs = match &s.scope {
        Scope::All => Html::default(),
        Scope::Event(id) => {
            let title = t.find(id.as_str()).map(|i| i.info().short_in(lang).to_owned()).unwrap_or_default();
            let back = act(Intent::Leave);
            html! {
                <nav class="att-crumbs" aria-label={st.breadcrumb}>
                    <ol>
                        <li><button type="button" class="att-link" onclick={back}>{ fill(st.all_events, &[("years", &years(t, lang))]) }</button></li>
                        <li><span aria-current="page">{ title }</span></li>
                    </ol>
                </nav>
            }
        }
    };

    let openers = census.with_sessions.iter().filter_map(|&i| t.events.get(i)).map(|e| {
        let onclick = act(Intent::Enter(e.id.clone()));
        html! {
            <button type="button" class="att-btn att-enter" key={e.id.as_str()} {onclick}
                aria-label={fill(st.open_sessions, &[("label", e.info.short_in(lang)), ("sessions", &st.count(lang, e.children.len(), &st.session_forms))])}>
                { format!("{} ▸", e.info.short_in(lang)) }
            </button>
        }
    });

    let legend = lanes_legend(props, &census, lang);
    if s.vertical() {
        // Phones: one compact lane control; the meeting unfolds in place from its card.
        let present = census.lanes.len();
        let shown = census.lanes.iter().filter(|(c, _)| !s.hidden.contains(c)).count();
        return html! {
            <div class="att-controls att-vcontrols">
                <details class="att-vlanes">
                    <summary class="att-btn">{ fill(st.lanes_count, &[("shown", &shown.to_string()), ("all", &present.to_string())]) }</summary>
                    { legend }
                </details>
            </div>
        };
    }
    let range = if timeline_mode && in_all && s.width > 0.0 {
        let tk = ticks(&s.view, s.width);
        let (before, after) = st.showing.split_once("{range}").unwrap_or((st.showing, ""));
        html! {
            <p class="att-range">
                { before }<strong>{ crate::intl::range(lang, &s.view, tk.step.unit) }</strong>{ after }
                <span class="att-unit">{ format!(" · {}", fill(st.axis_in, &[("unit", crate::intl::unit_name(lang, tk.step.name()))])) }</span>
            </p>
        }
    } else {
        Html::default()
    };
    let mode_btn = if timeline_mode {
        html! { <button type="button" class="att-btn" onclick={act(Intent::SetMode(Mode::List))}>{ st.show_list }</button> }
    } else {
        html! { <button type="button" class="att-btn" onclick={act(Intent::SetMode(Mode::Timeline))}>{ st.show_timeline }</button> }
    };

    html! {
        <div class="att-controls">
            { crumbs }
            <div class="att-tools">
                if timeline_mode && in_all {
                    <div class="att-zoom" role="group" aria-label={st.zoom_group}>
                        <button type="button" class="att-btn att-icon" aria-label={st.zoom_out} disabled={!can_zoom_out}
                            onclick={act(Intent::ZoomBy { factor: 0.5, anchor: None })}>{ "−" }</button>
                        <button type="button" class="att-btn att-icon" aria-label={st.zoom_in} disabled={!can_zoom_in}
                            onclick={act(Intent::ZoomBy { factor: 2.0, anchor: None })}>{ "+" }</button>
                        <button type="button" class="att-btn" onclick={act(Intent::Fit)} disabled={!can_zoom_out}>{ st.fit_all }</button>
                        <button type="button" class="att-btn att-icon" aria-label={st.earlier} onclick={act(Intent::PanBy(step))}>{ "←" }</button>
                        <button type="button" class="att-btn att-icon" aria-label={st.later} onclick={act(Intent::PanBy(-step))}>{ "→" }</button>
                    </div>
                }
                if in_all { { for openers } }
                { mode_btn }
            </div>
            if timeline_mode && in_all { { legend } }
            { range }
        </div>
    }
}

fn years(t: &crate::model::Timeline, lang: crate::model::Lang) -> String {
    let first = t.events.first().map(|e| e.when.start.year());
    let last = t.events.last().map(|e| e.when.start.year());
    let y = |y: i64| crate::i18n::year_text(lang, y);
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", y(a), y(b)),
        (Some(a), _) => y(a),
        _ => String::new(),
    }
}

/// What the toolbar needs of a data set, counted once per data set.
#[derive(Default)]
struct Census {
    /// The lanes that have events (whether shown or hidden), in lane order, with their number of
    /// events.
    lanes: Vec<(Category, usize)>,
    /// Indices of the events with sessions, in time order.
    with_sessions: Vec<usize>,
}

impl Census {
    fn of(t: &crate::model::Timeline) -> Self {
        let mut counts = Category::ALL.map(|c| (c, 0usize));
        for e in &t.events {
            if let Some((_, n)) = counts.iter_mut().find(|(c, _)| *c == e.category) {
                *n += 1;
            }
        }
        Census {
            lanes: counts.into_iter().filter(|(_, n)| *n > 0).collect(),
            with_sessions: t
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.children.is_empty())
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

fn lanes_legend(props: &ToolbarProps, census: &Census, lang: Lang) -> Html {
    let st = strings(lang);
    let s = &props.state;
    let present: Vec<Category> = census.lanes.iter().map(|(c, _)| *c).collect();
    let shown: Vec<Category> = present.iter().copied().filter(|c| !s.hidden.contains(c)).collect();
    html! {
        <div class="att-legend" role="group" aria-label={st.lanes_shown}>
            { for present.iter().map(|c| {
                let on = shown.contains(c);
                let onclick = {
                    let c = *c;
                    props.send.reform(move |_: MouseEvent| Intent::ToggleLane(c))
                };
                let n = census.lanes.iter().find(|(k, _)| k == c).map_or(0, |(_, n)| *n);
                html! {
                    <button type="button" key={c.key()} class="att-chip" data-cat={c.key()} aria-pressed={if on { "true" } else { "false" }}
                        disabled={on && shown.len() == 1} {onclick}>
                        <span class="att-swatch" aria-hidden="true"></span>{ format!("{} ({n})", st.category(*c)) }
                    </button>
                }
            }) }
        </div>
    }
}
