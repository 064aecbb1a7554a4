//! The vertical timeline, for narrow columns (phones): time runs down the page; each year is a heading
//! that stays in sight while its entries scroll by; each event is a card (date with its precision,
//! lane colour, the full title, wrapping); periods are bars beside the spine; the meeting unfolds in
//! place into its days; details open in place. Long data is rendered in chunks near the viewport.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::agenda::AgendaView;
use super::detail::DetailPanel;
use super::stage::geometry::{apply_geometry, px};
use super::{entry_dom_id, entry_of_dom_id, use_lang};
use crate::hooks::use_near_viewport;
use crate::i18n::{fill, strings};
use crate::layout::{years, Entry};
use crate::model::{Event, EventId, Lang, Period, Timeline};
use crate::state::{keys, Intent, Scope, ViewState};

/// Entries per chunk (one observed block of cards).
const PER_CHUNK: usize = 30;
/// Up to this many entries, everything is rendered (a screen reader's browse mode sees it all), from
/// the second frame on: the first has only the chunks of the first [`FIRST_SCREEN`] entries (and any
/// that holds the focus, the selection or the open meeting), so that the first cards paint sooner on a
/// slow phone (at 4× CPU slowdown, 100 cards took 0.7 s more before the first paint).
const RENDER_ALL_UP_TO: usize = 400;
/// Entries that fill the first screen of a phone below the widget's heading and lane control (a card
/// is at least 84 px high).
const FIRST_SCREEN: usize = 8;
/// Estimated height of a card, for the space a chunk not yet rendered keeps.
const CARD_H: f64 = 84.0;

/// Properties of [`Vertical`].
#[derive(Properties, PartialEq)]
pub struct VerticalProps {
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The session's state.
    pub state: Rc<ViewState>,
    /// Where the reader's intents go.
    pub send: Callback<Intent>,
}

/// The column of years.
#[function_component]
pub fn Vertical(props: &VerticalProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let state = &props.state;
    let column = use_node_ref();
    let ys = use_memo((state.data.clone(), state.hidden.clone()), |(data, hidden)| {
        data.get().map(|t| years(t, hidden, PER_CHUNK)).unwrap_or_default()
    });
    {
        let column = column.clone();
        use_effect(move || {
            if let Some(el) = column.cast::<Element>() {
                apply_geometry(&el);
            }
        });
    }
    // Whether the first frame has gone (see RENDER_ALL_UP_TO).
    let warm = use_state(|| false);
    {
        let warm = warm.clone();
        use_effect_with((), move |()| when_idle(move || warm.set(true)));
    }
    // What the reader or the page asked for at mount; once that changes (a deep link, `zoomTo`, a
    // card opened or focused), everything renders at once, so that cards filling in above do not move
    // what was scrolled or focused to.
    let asked = |s: &ViewState| (s.view, s.selected.clone(), s.active.clone(), s.scope.clone());
    let at_mount = use_mut_ref(|| asked(state));
    let warm = *warm || *at_mount.borrow() != asked(state);
    let Some(t) = state.timeline() else { return Html::default() };
    let all = || ys.iter().flat_map(|y| y.chunks.iter().flat_map(|c| c.entries.iter()));
    // The chunks (year, chunk) that hold the first FIRST_SCREEN entries: rendered from the first frame.
    let mut before = 0;
    let first_screen: Vec<(usize, usize)> = ys
        .iter()
        .enumerate()
        .flat_map(|(yi, y)| y.chunks.iter().enumerate().map(move |(k, c)| (yi, k, c.entries.len())))
        .take_while(|(_, _, n)| {
            let start = before;
            before += n;
            start < FIRST_SCREEN
        })
        .map(|(yi, k, _)| (yi, k))
        .collect();
    let total = all().count();
    // One tab stop: the active card if shown, else the first event.
    let shown = |id: &EventId| all().any(|e| entry_id(t, *e) == Some(id));
    let tab_stop =
        state.active.clone().filter(shown).or_else(|| all().find_map(|e| entry_id(t, *e).cloned()));
    let onkeydown = {
        let (send, prefix, state) = (props.send.clone(), props.prefix.to_string(), state.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(dir) = keys::vertical_direction(&e.key()) else { return };
            // Only on a card: the other buttons (a meeting's sessions, the details) keep their keys.
            let Some(target) = e.target_dyn_into::<Element>().filter(|t| {
                t.get_attribute("class").is_some_and(|c| c.split_whitespace().any(|k| k == "att-vcard"))
            }) else {
                return;
            };
            let Some(t) = state.timeline() else { return };
            let Some(from) = entry_of_dom_id(&prefix, &target.id(), t) else { return };
            // The key is the page's where there is nowhere to go (above the first card, below the last).
            if keys::column_target(t, &state.hidden, from.as_str(), dir).is_none() {
                return;
            }
            e.prevent_default();
            send.emit(Intent::Move { from, dir });
        })
    };
    html! {
        <div class="att-vert" ref={column} {onkeydown}>
            { for ys.iter().enumerate().map(|(yi, y)| {
                let heading = format!("{}-y{}", props.prefix, y.year);
                // A heading per year (screen readers list and jump by them); not a landmark each.
                html! {
                    <div key={y.year} class="att-vyear" data-year={y.year.to_string()}>
                        <h3 class="att-vy" id={heading} data-year={y.year.to_string()}>{ crate::i18n::year_text(lang, y.year) }</h3>
                        <ol class="att-vlist">
                            { for y.chunks.iter().enumerate().map(|(k, chunk)| {
                                // In a dense year, a marker per month stays in sight below the year's.
                                let month = chunk.month.filter(|_| chunk.first_of_month).and_then(|m| {
                                    crate::model::PartialDate::new(y.year, Some(i64::from(m)), None, None, None).ok()
                                }).map(|d| AttrValue::from(crate::intl::date(lang, &d)));
                                let pinned = (warm && total <= RENDER_ALL_UP_TO) || first_screen.contains(&(yi, k)) || chunk.entries.iter().any(|e| {
                                    let id = entry_id(t, *e);
                                    id.is_some() && (id == state.active.as_ref() || id == state.selected.as_ref()
                                        || matches!(&state.scope, Scope::Event(s) if Some(s) == id))
                                });
                                html! {
                                    <Chunk key={k} {month} entries={Rc::new(chunk.entries.clone())} {pinned} state={state.clone()}
                                        send={props.send.clone()} prefix={props.prefix.clone()} tab_stop={tab_stop.clone()} />
                                }
                            }) }
                        </ol>
                    </div>
                }
            }) }
        </div>
    }
}

/// Runs `f` once the page is idle after this render's frame (`requestIdleCallback`, at most 500 ms
/// later, hidden documents included; where the browser has none, a 100 ms timer), so that the first
/// cards are painted and the page answers input before the rest of the column is rendered.
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    let Some(w) = web_sys::window() else { return f() };
    let f = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&w, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from_f64(500.0));
    let queued = idle.is_some_and(|idle| idle.call2(&w, &f, &options).is_ok());
    if !queued {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 100);
    }
}

fn entry_id(t: &Timeline, e: Entry) -> Option<&EventId> {
    match e {
        Entry::Event(i) => t.events.get(i).map(|e| &e.id),
        Entry::Period(i) => t.periods.get(i).map(|p| &p.id),
    }
}

/// Properties of [`Chunk`].
#[derive(Properties, PartialEq)]
struct ChunkProps {
    /// The month marker this chunk starts with (a dense year's).
    month: Option<AttrValue>,
    entries: Rc<Vec<Entry>>,
    /// Rendered whatever the scroll (it holds the focus, the selection or the open meeting).
    pinned: bool,
    state: Rc<ViewState>,
    send: Callback<Intent>,
    prefix: AttrValue,
    tab_stop: Option<EventId>,
}

/// A block of cards, or the space it will take until it comes near the viewport.
#[function_component]
fn Chunk(props: &ChunkProps) -> Html {
    let lang = use_lang();
    let placeholder = use_node_ref();
    let near = use_near_viewport(placeholder.clone(), "1500px 0px", !props.pinned);
    // Once rendered, a chunk stays rendered (no flash or jump when it loses its pin on screen).
    let rendered = use_mut_ref(|| false);
    if near || props.pinned {
        *rendered.borrow_mut() = true;
    }
    let shown = *rendered.borrow();
    let Some(t) = props.state.timeline() else { return Html::default() };
    let month = props.month.clone().map(|m| html! { <li class="att-vmo"><h4>{ m }</h4></li> });
    if !shown {
        let h = CARD_H * f64::from(u32::try_from(props.entries.len()).unwrap_or(u32::MAX));
        return html! {
            <>
                { month.unwrap_or_default() }
                <li class="att-vph" aria-hidden="true" ref={placeholder} data-h={px(h)}></li>
            </>
        };
    }
    html! {
        <>
        { month.unwrap_or_default() }
        { for props.entries.iter().filter_map(|e| match *e {
            Entry::Event(i) => t.events.get(i).map(|ev| event_card(props, ev, lang)),
            Entry::Period(i) => t.periods.get(i).map(|p| period_card(props, p, lang)),
        }) }
        </>
    }
}

fn open_on_click(send: &Callback<Intent>, id: &EventId) -> Callback<MouseEvent> {
    let id = id.as_str().to_owned();
    send.reform(move |_: MouseEvent| Intent::Open(id.clone()))
}

fn details(props: &ChunkProps, id: &EventId) -> Html {
    if props.state.selected.as_ref() != Some(id) {
        return Html::default();
    }
    html! { <DetailPanel data={props.state.data.clone()} prefix={props.prefix.clone()} id={id.clone()} original={props.state.original} send={props.send.clone()} /> }
}

fn event_card(props: &ChunkProps, e: &Event, lang: Lang) -> Html {
    let st = strings(lang);
    let state = &props.state;
    let sel = state.selected.as_ref() == Some(&e.id);
    let unfolded = state.scope == Scope::Event(e.id.clone());
    let ranged = e.when.end.is_some() || e.when.days.is_some_and(|d| d > 1);
    let toggle = if e.children.is_empty() {
        Html::default()
    } else {
        let (label, intent) = if unfolded {
            (st.hide_sessions.to_owned(), Intent::Leave)
        } else {
            let n = st.count(lang, e.children.len(), &st.session_forms);
            (
                fill(st.open_sessions, &[("label", e.info.short_in(lang)), ("sessions", &n)]),
                Intent::Enter(e.id.clone()),
            )
        };
        html! {
            <button type="button" class="att-link att-vunfold" aria-expanded={if unfolded { "true" } else { "false" }}
                onclick={props.send.reform(move |_: MouseEvent| intent.clone())}>{ label }</button>
        }
    };
    html! {
        <li key={e.id.as_str()} class={classes!("att-vc", ranged.then_some("att-vrange"))} data-cat={e.category.key()}>
            <button type="button" class={classes!("att-vcard", sel.then_some("att-sel"))}
                id={entry_dom_id(&props.prefix, e.id.as_str())}
                tabindex={if props.tab_stop.as_ref() == Some(&e.id) { "0" } else { "-1" }}
                aria-current={sel.then_some("true")} onclick={open_on_click(&props.send, &e.id)}>
                // The visible pieces are hidden from assistive technology; one hidden span holds the
                // whole name, "title, date, lane[, N sessions]", without stray spaces.
                <span class="att-vtitle" aria-hidden="true">{ e.info.title_in(lang).to_owned() }</span>
                <span class="att-vmeta" aria-hidden="true">
                    <span class="att-vdate">{ crate::intl::when(lang, &e.when) }</span>
                    <span class="att-vlane"><span class="att-swatch"></span>{ st.category(e.category) }</span>
                </span>
                <span class="att-vh">
                    { format!("{}, ", e.info.title_in(lang)) }
                    <time datetime={e.when.iso()}>{ crate::intl::when(lang, &e.when) }</time>
                    { format!(", {}{}", st.category(e.category), if e.children.is_empty() { String::new() } else {
                        format!(", {}", st.count(lang, e.children.len(), &st.session_forms))
                    }) }
                </span>
            </button>
            { toggle }
            { details(props, &e.id) }
            if unfolded {
                <AgendaView prefix={props.prefix.clone()} id={e.id.clone()} state={state.clone()} send={props.send.clone()} />
                // A session's details, in place under its meeting's days.
                if let Some(session) = state.selected.as_ref().filter(|id| e.children.iter().any(|c| &c.id == *id)) {
                    { details(props, session) }
                }
            }
        </li>
    }
}

fn period_card(props: &ChunkProps, p: &Period, lang: Lang) -> Html {
    let st = strings(lang);
    let sel = props.state.selected.as_ref() == Some(&p.id);
    html! {
        <li key={p.id.as_str()} class={classes!("att-vc", "att-vperiod", p.when.end.is_none().then_some("att-open"))} data-cat={p.category.key()}>
            <button type="button" class={classes!("att-vcard", sel.then_some("att-sel"))}
                id={entry_dom_id(&props.prefix, p.id.as_str())}
                tabindex={if props.tab_stop.as_ref() == Some(&p.id) { "0" } else { "-1" }}
                aria-current={sel.then_some("true")} onclick={open_on_click(&props.send, &p.id)}>
                <span class="att-vtitle" aria-hidden="true">{ format!("{}: {}", p.group_in(lang), p.info.title_in(lang)) }</span>
                <span class="att-vmeta" aria-hidden="true">
                    <span class="att-vdate">{ crate::intl::period(lang, p) }</span>
                    <span class="att-vlane"><span class="att-swatch"></span>{ st.category(p.category) }</span>
                </span>
                <span class="att-vh">
                    { format!("{}: {}, {}, {}", p.group_in(lang), p.info.title_in(lang), crate::intl::period(lang, p), st.category(p.category)) }
                </span>
            </button>
            { details(props, &p.id) }
        </li>
    }
}
