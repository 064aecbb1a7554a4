//! The lanes and their marks: what the layout needs from the data (prepared once per data set,
//! language and shown lanes), and the lanes' HTML for a placement.

use yew::prelude::*;

use super::geometry::{px, row_h, rows, CHUNK};
use crate::components::entry_dom_id;
use crate::components::Data;
use crate::i18n::{fill, strings};
use crate::layout::{lane_order, mark_width, LaneLayout, MarkInput};
use crate::model::{Category, Lang, Timeline};
use crate::state::{keys, minutes, Intent, ViewState};

/// What the layout needs from the data: the shown lanes and events, their marks, and each lane's time
/// order.
#[derive(PartialEq)]
pub(super) struct Prepared {
    pub(super) lanes: Vec<Category>,
    /// Indices into `Timeline::events`.
    pub(super) events: Vec<usize>,
    pub(super) marks: Vec<MarkInput>,
    pub(super) order: Vec<Vec<usize>>,
}

pub(super) fn prepare(t: &Timeline, lang: Lang, hidden: &[Category]) -> Prepared {
    let lanes = keys::shown_lanes(t, hidden);
    let (events, marks): (Vec<usize>, Vec<MarkInput>) = t
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| lanes.contains(&e.category))
        .map(|(i, e)| {
            let mark = MarkInput {
                lane: lanes.iter().position(|c| *c == e.category).unwrap_or(0),
                start: minutes(e.when.start_minute()),
                end: minutes(e.when.end_minute()),
                label_w: mark_width(e.info.short_in(lang)),
                pinned: false,
            };
            (i, mark)
        })
        .unzip();
    let order = lane_order(&marks, lanes.len());
    Prepared { lanes, events, marks, order }
}

/// The lanes and their marks. `out` is placed in the world frame; `off` is the view's left edge in
/// that frame: marks are positioned relative to a base (a multiple of [`CHUNK`]) and each lane's list
/// is translated by `base - off`.
pub(super) fn lanes_html(
    (state, send, prefix): (&ViewState, &Callback<Intent>, &AttrValue),
    t: &Timeline,
    prepared: &Prepared,
    (out, include, clusters_on): (&LaneLayout, &[bool], &[bool]),
    off: f64,
    lang: Lang,
) -> Html {
    let st = strings(lang);
    let width = state.width;
    let touch = state.touch();
    // The event of a placed mark (marks and `prepared.events` are parallel).
    let ev = |k: usize| prepared.events.get(k).and_then(|&i| t.events.get(i));
    let base = (off / CHUNK).floor() * CHUNK;
    let visible = |left: f64, w: f64| left + w > off && left < off + width;
    // The marks rendered in this frame (`layout::admit`), by lane: `placed` is sorted by lane.
    let shown = out.placed.iter().zip(include).filter(|(_, &inc)| inc).map(|(pl, _)| pl);
    // One tab stop: the active mark if it is on screen, else the earliest rendered mark on screen.
    let tab_stop = shown
        .clone()
        .find(|pl| {
            ev(pl.index).is_some_and(|e| state.active.as_ref() == Some(&e.id)) && visible(pl.left, pl.w)
        })
        .or_else(|| {
            shown.clone().filter(|pl| pl.x >= off && pl.x < off + width).min_by(|a, b| a.x.total_cmp(&b.x))
        })
        .and_then(|pl| ev(pl.index))
        .map(|e| e.id.clone());
    html! {
        { for prepared.lanes.iter().enumerate().map(|(li, cat)| {
            let h = rows(out.rows.get(li).copied().unwrap_or(1), row_h(touch));
            html! {
                <div key={cat.key()} class="att-lane" data-cat={cat.key()} role="group" aria-labelledby={format!("{prefix}-lane-{}", cat.key())}>
                    <h3 class="att-lane-h" id={format!("{prefix}-lane-{}", cat.key())}>{ st.category(*cat) }</h3>
                    <ol class="att-marks" data-h={px(h)} data-x={px(base - off)}>
                        { for shown.clone().skip_while(|pl| pl.lane < li).take_while(|pl| pl.lane == li)
                            .filter_map(|pl| Some((pl, *prepared.events.get(pl.index)?, ev(pl.index)?))).map(|(pl, event, e)| {
                            // The position is the list item's, so that a zoom moves a mark without
                            // rendering it again.
                            let bar = (pl.bar_w > 0.0).then(|| (px(pl.x - pl.left), px(pl.bar_w)));
                            html! {
                                <li key={e.id.as_str()} class="att-m"
                                    data-x={px(pl.left - base)} data-y={px(rows(pl.row, row_h(touch)))} data-w={px(pl.w)}>
                                    <Mark data={state.data.clone()} {event} {bar} flipped={pl.flipped}
                                        selected={state.selected.as_ref() == Some(&e.id)} tab_stop={tab_stop.as_ref() == Some(&e.id)}
                                        n={pl.index + 1} of={prepared.events.len()} prefix={prefix.clone()} send={send.clone()} />
                                </li>
                            }
                        }) }
                        { for out.clusters.iter().zip(clusters_on).filter(|(c, &on)| on && c.lane == li).filter_map(|(c, _)| {
                            let first = c.members.first().and_then(|&k| ev(k))?;
                            let last = c.members.last().and_then(|&k| ev(k))?;
                            Some((c, first, last))
                        }).map(|(c, first, last)| {
                            let onclick = {
                                let (from, to) = (c.from, c.to);
                                send.reform(move |_: MouseEvent| Intent::Show { from, to, pad: 0.05 })
                            };
                            html! {
                                <li key={format!("cluster-{}", first.id)} class="att-m att-clm"
                                    data-x={px(c.x - base)} data-y={px(rows(c.row, row_h(touch)))} data-w={px(c.w)}>
                                    <button type="button" class="att-cl" tabindex="-1" {onclick}
                                        aria-label={fill(st.cluster, &[("more", &c.members.len().to_string()), ("lane", st.category(*cat)), ("from", &crate::intl::date(lang, &first.when.start)), ("to", &crate::intl::date(lang, &last.when.start))])}>
                                        { format!("+{}", c.members.len()) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                </div>
            }
        }) }
    }
}

/// Properties of [`Mark`]: everything it shows, so that a mark whose properties did not change is
/// not rendered again (a pan, a click or a focus move re-renders the two or three marks they change,
/// not all of them).
#[derive(Properties, PartialEq)]
struct MarkProps {
    data: Data,
    /// Index into `Timeline::events`.
    event: usize,
    /// Its span bar's left edge and width, as `data-l` and `data-w` (none for an instant at this
    /// zoom).
    bar: Option<(String, String)>,
    /// The label is drawn to the left of the dot.
    flipped: bool,
    selected: bool,
    tab_stop: bool,
    /// Its number among the shown events, and how many there are.
    n: usize,
    of: usize,
    prefix: AttrValue,
    send: Callback<Intent>,
}

/// A mark's button (its list item, which carries the position, is the lane's): its accessible name
/// is "title, date, lane, N of M" (and its sessions, if any).
#[function_component]
fn Mark(props: &MarkProps) -> Html {
    let lang = crate::components::use_lang();
    let Some(e) = props.data.get().and_then(|t| t.events.get(props.event)) else { return Html::default() };
    let sel = props.selected;
    // Known only to the month or year, or only as a window: the bar fades (the date is somewhere in it).
    let coarse =
        (e.when.end.is_none() && e.when.precision() < crate::model::Precision::Day) || e.when.windowed();
    let onclick = {
        let id = e.id.as_str().to_owned();
        props.send.reform(move |_: MouseEvent| Intent::Open(id.clone()))
    };
    // The name comes from the content, "title, date, lane, N of M[, K sessions]", and starts with the
    // visible label.
    let st = strings(lang);
    let (label, label_lang) = e.info.short_lang(lang);
    let rest_title = if label == e.info.title_in(lang) {
        String::new()
    } else {
        format!(" — {}", e.info.title_in(lang))
    };
    let sessions = if e.children.is_empty() {
        String::new()
    } else {
        format!(", {}", st.count(lang, e.children.len(), &st.session_forms))
    };
    html! {
            <button type="button" class={classes!("att-mk", sel.then_some("att-sel"), coarse.then_some("att-coarse"), props.flipped.then_some("att-flip"))}
                id={entry_dom_id(&props.prefix, e.id.as_str())} tabindex={if props.tab_stop { "0" } else { "-1" }}
                aria-current={sel.then_some("true")} {onclick}>
                if let Some((l, w)) = &props.bar {
                    <span class="att-bar" aria-hidden="true" data-l={l.clone()} data-w={w.clone()}></span>
                }
                <span class="att-dot" aria-hidden="true"></span>
                // One hidden span holds the whole name (the visible label is its start), so the
                // accessible name has no stray spaces between the pieces.
                <span class="att-lbl" aria-hidden="true" lang={crate::components::lang_attr(lang, label_lang)}>{ label.to_owned() }</span>
                <span class="att-vh">
                    { format!("{label}{rest_title}, ") }
                    <time datetime={e.when.iso()}>{ crate::intl::when(lang, &e.when) }</time>
                    { format!(", {}, {}{sessions}", st.category(e.category), fill(st.n_of_m, &[("n", &props.n.to_string()), ("m", &props.of.to_string())])) }
                </span>
                if !e.children.is_empty() {
                    <span class="att-kids" aria-hidden="true">{ format!(" ▸ {}", e.children.len()) }</span>
                }
            </button>
    }
}
