//! The time axis: ticks, period bands, one lane per category with stacked marks and clusters.
//!
//! Only what is visible (plus a margin) is in the DOM; positions come from `layout` and are applied
//! as transforms. Input: Ctrl/⌘ + wheel and pinch zoom about the pointer; horizontal wheel, Shift +
//! wheel and drag pan; a plain vertical wheel is left to the page. On a mark, arrows move between
//! events in time order (the view follows), Home/End go to the first and last.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

use super::{entry_dom_id, use_lang, TimelineRef};
use crate::i18n::{fill, strings};
use crate::layout::{
    bands, lane_order, place_in_order, ticks, title_width, BandInput, Frame, LaneLayout, MarkInput, Viewport,
};
use crate::model::{Category, Event, Item, Lang, Timeline};
use crate::state::{span_of, Action, ViewState};

/// Height of a mark row; on narrow widgets, rows hold 44-px touch targets.
fn row_h(width: f64) -> f64 {
    if width < NARROW {
        46.0
    } else {
        34.0
    }
}
/// Height of a period-band row.
fn band_h(width: f64) -> f64 {
    if width < NARROW {
        46.0
    } else {
        26.0
    }
}
/// Below this surface width, touch-sized rows (matches the stylesheet's 600-px container query).
const NARROW: f64 = 560.0;
/// Rows of labels per lane before marks become clusters.
const MAX_ROWS: usize = 3;
/// Pixels beyond each edge that are still rendered.
const OVERSCAN: f64 = 240.0;
/// Marks are positioned relative to a base that moves in steps of this many pixels, so that a pan
/// moves one layer per lane (not every mark) and no position exceeds what CSS layout can represent.
const CHUNK: f64 = 1_048_576.0;

/// Compares by pointer: memo dependencies on large, immutable values.
struct Same<T>(std::rc::Rc<T>);
impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`Stage`].
#[derive(Properties, PartialEq)]
pub struct StageProps {
    /// The timeline.
    pub data: TimelineRef,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The view state (read) and its dispatcher.
    pub state: UseReducerHandle<ViewState>,
}

/// The lanes shown: categories with events, minus those hidden.
pub(crate) fn lanes(t: &Timeline, state: &ViewState) -> Vec<Category> {
    shown_lanes(t, &state.hidden)
}

/// Categories that have events and are not in `hidden`, in lane order.
fn shown_lanes(t: &Timeline, hidden: &[Category]) -> Vec<Category> {
    Category::ALL
        .into_iter()
        .filter(|c| !hidden.contains(c) && t.events.iter().any(|e| e.category == *c))
        .collect()
}

/// Top-level events in shown lanes, in time order (the keyboard's order).
pub(crate) fn shown_events<'a>(t: &'a Timeline, state: &ViewState) -> Vec<&'a Event> {
    t.events.iter().filter(|e| state.shows_lane(e.category)).collect()
}

/// A pixel value for a `data-x`/`data-y`/`data-w`/`data-h`/`data-l` attribute (see [`apply_geometry`]).
/// One decimal, written with integer arithmetic (no float formatting code in the wasm).
fn px(v: f64) -> String {
    #[allow(clippy::cast_possible_truncation)]
    let tenths = if v.is_finite() { (v * 10.0).round().clamp(-1e15, 1e15) as i64 } else { 0 };
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// Applies the geometry carried by data attributes through the CSSOM. Inline `style` attributes would
/// be blocked by a strict Content-Security-Policy (`style-src 'self'`); CSSOM changes are not. One call
/// into JavaScript for the whole surface, and only elements whose values changed are touched (a style
/// change costs a recalculation).
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function apply_geometry(root) {
  for (const el of root.querySelectorAll("[data-x],[data-w],[data-h]")) {
    const x = el.getAttribute("data-x"), y = el.getAttribute("data-y") || "0";
    const w = el.getAttribute("data-w"), h = el.getAttribute("data-h"), l = el.getAttribute("data-l");
    const key = x + "," + y + "," + w + "," + h + "," + l;
    if (el.__attGeometry === key) continue;
    el.__attGeometry = key;
    const s = el.style;
    if (x !== null) s.setProperty("transform", "translate(" + x + "px," + y + "px)");
    if (w !== null) s.setProperty("width", w + "px");
    if (h !== null) s.setProperty("height", h + "px");
    if (l !== null) s.setProperty("left", l + "px");
  }
}
"#)]
extern "C" {
    fn apply_geometry(root: &Element);
}

/// What the layout needs from the data, prepared once per data set, language and shown lanes (not
/// once per frame): the shown events, their marks, and each lane's time order.
#[derive(PartialEq)]
pub(crate) struct Prepared {
    lanes: Vec<Category>,
    /// Indices into `Timeline::events`.
    events: Vec<usize>,
    marks: Vec<MarkInput>,
    order: Vec<Vec<usize>>,
}

fn prepare(t: &Timeline, lang: Lang, hidden: &[Category]) -> Prepared {
    let lanes = shown_lanes(t, hidden);
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
                label_w: title_width(e.info.short_in(lang).chars().count()),
                pinned: false,
            };
            (i, mark)
        })
        .unzip();
    let order = lane_order(&marks, lanes.len());
    Prepared { lanes, events, marks, order }
}

#[allow(clippy::cast_precision_loss)]
fn minutes(m: i64) -> f64 {
    m as f64
}

/// The time axis with its lanes.
#[function_component]
pub fn Stage(props: &StageProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = use_lang();
    let surface = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let state = &props.state;

    // Measure the surface, now and whenever it resizes (the container, not the window).
    {
        let surface = surface.clone();
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let observer = surface.cast::<Element>().and_then(|el| {
                let cb = {
                    let dispatcher = dispatcher.clone();
                    Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                            dispatcher.dispatch(Action::Resize(entry.content_rect().width()));
                        }
                    })
                };
                let ro = ResizeObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                ro.observe(&el);
                // Measured now too, so that the first frame already has the marks (the observer's
                // first report comes a frame later).
                dispatcher.dispatch(Action::Resize(f64::from(el.client_width())));
                Some((ro, cb))
            });
            move || {
                if let Some((ro, _cb)) = observer {
                    ro.disconnect();
                }
            }
        });
    }

    // After every render: positions from data attributes to the CSSOM.
    {
        let surface = surface.clone();
        use_effect(move || {
            if let Some(el) = surface.cast::<Element>() {
                apply_geometry(&el);
            }
        });
    }

    let prepared = {
        let hidden = state.hidden.clone();
        use_memo((props.data.clone(), lang, hidden), |(data, lang, hidden)| {
            data.get().map(|t| prepare(t, *lang, hidden))
        })
    };
    // The placement, in the frame of the whole span at this zoom: computed once per zoom level (and
    // selection), not once per pan step.
    let frame = Frame::world(&state.view, state.width.max(1.0), &state.limits);
    let placement = {
        let pins = (state.selected.clone(), state.active.clone());
        use_memo(
            (Same(prepared.clone()), props.data.clone(), frame, pins),
            |(prepared, data, frame, pins)| {
                let (Some(p), Some(t)) = (prepared.0.as_ref(), data.get()) else {
                    return LaneLayout::default();
                };
                // The selected and focused marks are never in a cluster.
                let pinned: Vec<usize> = p
                    .events
                    .iter()
                    .enumerate()
                    .filter(|(_, &i)| {
                        t.events
                            .get(i)
                            .is_some_and(|e| [&pins.0, &pins.1].iter().any(|id| id.as_ref() == Some(&e.id)))
                    })
                    .map(|(k, _)| k)
                    .collect();
                place_in_order(&p.marks, &p.order, &pinned, frame, MAX_ROWS)
            },
        )
    };
    let Some(t) = props.data.get() else { return Html::default() };
    let Some(prepared) = prepared.as_ref() else { return Html::default() };
    let width = state.width;
    let view = state.view;

    let wheel_batch = use_mut_ref(WheelBatch::default);
    let onwheel = {
        let state = state.clone();
        let surface = surface.clone();
        Callback::from(move |e: WheelEvent| on_wheel(&e, &state, &surface, &wheel_batch))
    };
    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().down(&e))
    };
    let onpointermove = {
        let (gesture, state, surface) = (gesture.clone(), state.clone(), surface.clone());
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().moved(&e, &state, &surface))
    };
    let onpointerup = {
        let (gesture, state) = (gesture.clone(), state.clone());
        Callback::from(move |e: PointerEvent| gesture.borrow_mut().up(&e, &state))
    };
    let onkeydown = {
        let (state, data) = (state.clone(), props.data.clone());
        let prefix = props.prefix.to_string();
        Callback::from(move |e: KeyboardEvent| on_mark_key(&e, &state, &data, &prefix))
    };

    let body = if width > 0.0 {
        html! {
            <>
                { axis(&view, width, lang) }
                { period_bands(props, t, width, lang) }
                { lanes_html(props, t, prepared, &placement, frame.x(view.from), lang) }
            </>
        }
    } else {
        Html::default()
    };
    html! {
        <div class={classes!("att-surface", (state.animate && !state.gesture).then_some("att-anim"))} ref={surface}
            {onwheel} {onpointerdown} {onpointermove} onpointerup={onpointerup.clone()}
            onpointercancel={onpointerup} {onkeydown}>
            { body }
        </div>
    }
}

fn axis(view: &Viewport, width: f64, lang: Lang) -> Html {
    let t = ticks(view, width);
    html! {
        <div class="att-axis" aria-hidden="true" data-unit={t.step.name()}>
            { for t.ticks.iter().map(|tk| html! {
                <span key={tk.t.to_bits().to_string()} class="att-tick" data-x={px(tk.x)}>
                    { crate::intl::tick(lang, tk.t, t.step.unit, &tk.label) }
                </span>
            }) }
        </div>
    }
}

fn period_bands(props: &StageProps, t: &Timeline, width: f64, lang: Lang) -> Html {
    if t.periods.is_empty() {
        return Html::default();
    }
    let mut groups: Vec<&str> = Vec::new();
    for per in &t.periods {
        if !groups.contains(&per.group.as_str()) {
            groups.push(&per.group);
        }
    }
    let input: Vec<BandInput> = t
        .periods
        .iter()
        .map(|per| BandInput {
            group: groups.iter().position(|g| *g == per.group).unwrap_or(0),
            start: minutes(per.when.start_minute()),
            end: per.when.end.map(|_| minutes(per.when.end_minute())),
        })
        .collect();
    let horizon = minutes(t.span().1);
    let view = props.state.view;
    let min_w = if width < NARROW { 44.0 } else { 0.0 };
    let (bands, rows) = bands(&input, groups.len(), horizon, &view, width, min_w);
    let p = &props.prefix;
    html! {
        <div class="att-bands" role="group" aria-label={strings(lang).periods}>
            { for groups.iter().enumerate().map(|(g, name)| {
                let h = rows.get(g).copied().unwrap_or(1).max(1) as f64 * band_h(width);
                html! {
                    <div key={name.to_string()} class="att-bgroup" role="group" aria-label={name.to_string()}>
                        <span class="att-bgl" aria-hidden="true">{ name.to_string() }</span>
                        <ol class="att-bl" data-h={px(h)}>
                        { for bands.iter().filter(|b| b.group == g && b.x + b.w > -OVERSCAN && b.x < width + OVERSCAN)
                            .filter_map(|b| t.periods.get(b.index).map(|per| (b, per))).map(|(b, per)| {
                            // Clip to the visible area so the label stays readable (keeping the minimum width).
                            let x = b.x.max(0.0).min((width - min_w).max(0.0));
                            let w = ((b.x + b.w).min(width) - x).max(min_w);
                            let sel = props.state.selected.as_ref() == Some(&per.id);
                            let onclick = {
                                let (d, id) = (props.state.dispatcher(), per.id.clone());
                                let span = span_of(Item::Period(per));
                                Callback::from(move |_: MouseEvent| d.dispatch(Action::Select { id: id.clone(), span: Some(span) }))
                            };
                            html! {
                                <li key={per.id.as_str()} class="att-bi" data-cat={per.category.key()}
                                    data-x={px(x)} data-y={px(b.row as f64 * band_h(width))} data-w={px(w.max(4.0))}>
                                    <button type="button" class={classes!("att-band", b.open.then_some("att-open"), sel.then_some("att-sel"))}
                                        id={entry_dom_id(p, per.id.as_str())} tabindex="-1" {onclick}
                                        aria-label={format!("{}, {}, {}", per.info.title_in(lang), crate::intl::period(lang, per), per.group)}>
                                        { per.info.title_in(lang).to_owned() }
                                    </button>
                                </li>
                            }
                        }) }
                        </ol>
                    </div>
                }
            }) }
        </div>
    }
}

/// The lanes and their marks. `out` is placed in the world frame; `off` is the view's left edge in
/// that frame: marks are positioned relative to a base (a multiple of [`CHUNK`]) and each lane's list
/// is translated by `base - off`.
fn lanes_html(
    props: &StageProps,
    t: &Timeline,
    prepared: &Prepared,
    out: &LaneLayout,
    off: f64,
    lang: Lang,
) -> Html {
    let st = strings(lang);
    let state = &props.state;
    let width = state.width;
    let p = &props.prefix;
    let lanes = &prepared.lanes;
    // The event of a placed mark (marks and `prepared.events` are parallel).
    let ev = |k: usize| prepared.events.get(k).and_then(|&i| t.events.get(i));
    let base = (off / CHUNK).floor() * CHUNK;
    let visible = |left: f64, w: f64| left + w > off && left < off + width;
    let rendered = |left: f64, w: f64| left + w > off - OVERSCAN && left < off + width + OVERSCAN;
    // One tab stop: the active mark if it is on screen, else the earliest mark on screen.
    let tab_stop = out
        .placed
        .iter()
        .find(|pl| {
            ev(pl.index).is_some_and(|e| state.active.as_ref() == Some(&e.id)) && visible(pl.left, pl.w)
        })
        .or_else(|| {
            out.placed
                .iter()
                .filter(|pl| pl.x >= off && pl.x < off + width)
                .min_by(|a, b| a.x.total_cmp(&b.x))
        })
        .and_then(|pl| ev(pl.index))
        .map(|e| e.id.clone());
    html! {
        { for lanes.iter().enumerate().map(|(li, cat)| {
            let h = out.rows.get(li).copied().unwrap_or(1) as f64 * row_h(width);
            html! {
                <div key={cat.key()} class="att-lane" data-cat={cat.key()} role="group" aria-labelledby={format!("{p}-lane-{}", cat.key())}>
                    <h3 class="att-lane-h" id={format!("{p}-lane-{}", cat.key())}>{ st.category(*cat) }</h3>
                    <ol class="att-marks" data-h={px(h)} data-x={px(base - off)}>
                        { for out.placed.iter().filter(|pl| pl.lane == li && rendered(pl.left, pl.w))
                            .filter_map(|pl| ev(pl.index).map(|e| (pl, e))).map(|(pl, e)| {
                            mark(props, e, pl, base, tab_stop.as_ref() == Some(&e.id), (pl.index + 1, prepared.events.len()), lang)
                        }) }
                        { for out.clusters.iter().filter(|c| c.lane == li && rendered(c.x, c.w)).filter_map(|c| {
                            let first = c.members.first().and_then(|&k| ev(k))?;
                            let last = c.members.last().and_then(|&k| ev(k))?;
                            Some((c, first, last))
                        }).map(|(c, first, last)| {
                            let onclick = {
                                let (d, from, to) = (state.dispatcher(), c.from, c.to);
                                Callback::from(move |_: MouseEvent| d.dispatch(Action::Show { from, to, pad: 0.05 }))
                            };
                            html! {
                                <li key={format!("cluster-{}", first.id)} class="att-m att-clm"
                                    data-x={px(c.x - base)} data-y={px(c.row as f64 * row_h(width))} data-w={px(c.w)}>
                                    <button type="button" class="att-cl" tabindex="-1" {onclick}
                                        aria-label={fill(st.cluster, &[&c.members.len().to_string(), st.category(*cat),
                                            &crate::intl::date(lang, &first.when.start), &crate::intl::date(lang, &last.when.start)])}>
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

/// A mark: its accessible name is "title, date, lane, N of M" (and its sessions, if any).
fn mark(
    props: &StageProps,
    e: &Event,
    pl: &crate::layout::Placed,
    base: f64,
    tab_stop: bool,
    (n, m): (usize, usize),
    lang: Lang,
) -> Html {
    let state = &props.state;
    let sel = state.selected.as_ref() == Some(&e.id);
    let coarse = e.when.end.is_none() && e.when.precision() < crate::model::Precision::Day;
    let onclick = {
        let (d, id, span) = (state.dispatcher(), e.id.clone(), span_of(Item::Event(e, None)));
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Select { id: id.clone(), span: Some(span) }))
    };
    // The name comes from the content, "title, date, lane, N of M[, K sessions]", and starts with the
    // visible label.
    let st = strings(lang);
    let rest_title = if e.info.short_in(lang) == e.info.title_in(lang) {
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
        <li key={e.id.as_str()} class="att-m"
            data-x={px(pl.left - base)} data-y={px(pl.row as f64 * row_h(state.width))} data-w={px(pl.w)}>
            <button type="button" class={classes!("att-mk", sel.then_some("att-sel"), coarse.then_some("att-coarse"), pl.flipped.then_some("att-flip"))}
                id={entry_dom_id(&props.prefix, e.id.as_str())} tabindex={if tab_stop { "0" } else { "-1" }}
                aria-current={sel.then_some("true")} {onclick}>
                if pl.bar_w > 0.0 {
                    <span class="att-bar" aria-hidden="true"
                        data-l={px(pl.x - pl.left)} data-w={px(pl.bar_w)}></span>
                }
                <span class="att-dot" aria-hidden="true"></span>
                // One hidden span holds the whole name (the visible label is its start), so the
                // accessible name has no stray spaces between the pieces.
                <span class="att-lbl" aria-hidden="true">{ e.info.short_in(lang).to_owned() }</span>
                <span class="att-vh">
                    { format!("{}{rest_title}, ", e.info.short_in(lang)) }
                    <time datetime={e.when.iso()}>{ crate::intl::when(lang, &e.when) }</time>
                    { format!(", {}, {}{sessions}", st.category(e.category), fill(st.n_of_m, &[&n.to_string(), &m.to_string()])) }
                </span>
                if !e.children.is_empty() {
                    <span class="att-kids" aria-hidden="true">{ format!(" ▸ {}", e.children.len()) }</span>
                }
            </button>
        </li>
    }
}

/// Wheel input not yet applied: a trackpad sends far more events than frames, so they are summed and
/// applied once per animation frame (one render per frame, whatever the input rate).
#[derive(Default)]
struct WheelBatch {
    factor: Option<f64>,
    anchor: f64,
    pan: f64,
    scheduled: bool,
}

/// Wheel: Ctrl/⌘ (and trackpad pinch, which arrives as Ctrl + wheel) zooms about the pointer;
/// horizontal or Shift + wheel pans; a plain vertical wheel scrolls the page.
fn on_wheel(
    e: &WheelEvent,
    state: &UseReducerHandle<ViewState>,
    surface: &NodeRef,
    batch: &std::rc::Rc<std::cell::RefCell<WheelBatch>>,
) {
    let scale = match e.delta_mode() {
        1 => 16.0,  // lines
        2 => 400.0, // pages
        _ => 1.0,
    };
    let (dx, dy) = (e.delta_x() * scale, e.delta_y() * scale);
    let mut b = batch.borrow_mut();
    if e.ctrl_key() || e.meta_key() {
        e.prevent_default();
        let left = surface.cast::<Element>().map_or(0.0, |s| s.get_bounding_client_rect().left());
        let factor = (-dy * 0.002).exp().clamp(0.25, 4.0);
        b.factor = Some(b.factor.unwrap_or(1.0) * factor);
        b.anchor = f64::from(e.client_x()) - left;
    } else if e.shift_key() && dy != 0.0 {
        e.prevent_default();
        b.pan -= dy;
    } else if dx.abs() > dy.abs() {
        e.prevent_default();
        b.pan -= dx;
    } else {
        return;
    }
    if b.scheduled {
        return;
    }
    b.scheduled = true;
    let (state, batch) = (state.clone(), batch.clone());
    let apply = Closure::once_into_js(move || {
        let WheelBatch { factor, anchor, pan, .. } = std::mem::take(&mut *batch.borrow_mut());
        if let Some(factor) = factor {
            state.dispatch(Action::ZoomBy { factor: factor.clamp(0.01, 100.0), anchor: Some(anchor) });
        }
        if pan != 0.0 {
            state.dispatch(Action::PanBy(pan));
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(apply.unchecked_ref());
    }
}

/// Pointer gestures: one pointer drags (after 4 px, so that a tap still clicks), two pinch.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64)>,
    dragging: bool,
    start_x: f64,
}

impl Gesture {
    fn down(&mut self, e: &PointerEvent) {
        if e.button() != 0 && e.pointer_type() == "mouse" {
            return;
        }
        self.pointers.retain(|(id, _)| *id != e.pointer_id());
        self.pointers.push((e.pointer_id(), f64::from(e.client_x())));
        if self.pointers.len() == 1 {
            self.start_x = f64::from(e.client_x());
            self.dragging = false;
        }
    }

    fn moved(&mut self, e: &PointerEvent, state: &UseReducerHandle<ViewState>, surface: &NodeRef) {
        let x = f64::from(e.client_x());
        let Some(i) = self.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else { return };
        let Some(prev) = self.pointers.get(i).map(|p| p.1) else { return };
        if self.pointers.len() >= 2 {
            let other = self.pointers.get(1 - i.min(1)).map_or(prev, |p| p.1);
            let (d0, d1) = ((prev - other).abs(), (x - other).abs());
            if let Some(p) = self.pointers.get_mut(i) {
                p.1 = x;
            }
            if d0 > 8.0 && d1 > 8.0 {
                let left = surface.cast::<Element>().map_or(0.0, |s| s.get_bounding_client_rect().left());
                self.begin(e, state, surface);
                state.dispatch(Action::ZoomBy { factor: d1 / d0, anchor: Some((x + other) / 2.0 - left) });
            }
            return;
        }
        if !self.dragging && (x - self.start_x).abs() > 4.0 {
            self.begin(e, state, surface);
        }
        if let Some(p) = self.pointers.get_mut(i) {
            p.1 = x;
        }
        if self.dragging {
            state.dispatch(Action::PanBy(x - prev));
        }
    }

    fn begin(&mut self, e: &PointerEvent, state: &UseReducerHandle<ViewState>, surface: &NodeRef) {
        if !self.dragging {
            self.dragging = true;
            // Capture only once it is a drag: capturing on press would retarget the click of a mark.
            if let Some(s) = surface.cast::<Element>() {
                let _ = s.set_pointer_capture(e.pointer_id());
            }
            state.dispatch(Action::Gesture(true));
        }
    }

    fn up(&mut self, e: &PointerEvent, state: &UseReducerHandle<ViewState>) {
        self.pointers.retain(|(id, _)| *id != e.pointer_id());
        if self.pointers.is_empty() && self.dragging {
            self.dragging = false;
            state.dispatch(Action::Gesture(false));
        }
    }
}

/// Arrow keys on a mark move between events in time order; Up/Down change lane; Home/End.
fn on_mark_key(e: &KeyboardEvent, state: &UseReducerHandle<ViewState>, data: &TimelineRef, prefix: &str) {
    let Some(t) = data.get() else { return };
    let Some(target) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return };
    let id_prefix = format!("{prefix}-e-");
    let Some(current) = target.id().strip_prefix(&id_prefix).map(str::to_owned) else { return };
    let events = shown_events(t, state);
    let Some(i) = events.iter().position(|e| e.id.as_str() == current) else { return };
    let target_event = match e.key().as_str() {
        "ArrowRight" => events.get(i + 1),
        "ArrowLeft" => i.checked_sub(1).and_then(|j| events.get(j)),
        "Home" => events.first(),
        "End" => events.last(),
        "ArrowUp" | "ArrowDown" => {
            let lanes = lanes(t, state);
            let Some(&here) = events.get(i) else { return };
            let li = lanes.iter().position(|c| *c == here.category).unwrap_or(0);
            let next_lane = if e.key() == "ArrowUp" { li.checked_sub(1) } else { Some(li + 1) };
            next_lane.and_then(|l| lanes.get(l)).and_then(|c| {
                let mid = here.when.start_minute();
                events.iter().filter(|e| e.category == *c).min_by_key(|e| (e.when.start_minute() - mid).abs())
            })
        }
        _ => return,
    };
    e.prevent_default();
    if let Some(ev) = target_event {
        let span = span_of(Item::Event(ev, None));
        state.dispatch(Action::FocusEntry { id: ev.id.clone(), span: Some(span) });
    }
}
