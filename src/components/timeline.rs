//! The root component of one widget instance: owns the view state, moves focus, reports to the host.

use std::rc::Rc;

use wasm_bindgen::JsCast as _;

use yew::prelude::*;

use super::agenda::AgendaView;
use super::detail::DetailPanel;
use super::errors::ErrorList;
use super::list::EntryList;
use super::print::PrintList;
use super::stage::Stage;
use super::toolbar::Toolbar;
use super::vertical::Vertical;
use super::{entry_dom_id, Data};
use crate::hooks::{focus_in, use_element_width, use_session, Inbox, Measure, Sender};
use crate::i18n::{fill, strings};
use crate::model::{Lang, Start};
use crate::state::{
    keys, width_classes_of, Announcement, Effect, Focus, HostEvent, Intent, Layout, Mode, Notice, Scope,
    ViewState,
};

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineViewProps {
    /// The loaded data (or its problems).
    pub data: Data,
    /// Prefix for every DOM id inside this instance, unique on the page (e.g. `att1`).
    pub prefix: AttrValue,
    /// What to show first, overriding the data file: `all`, an entry id, or `FROM/TO` dates.
    #[prop_or_default]
    pub start: Option<AttrValue>,
    /// The host page's intents (deep link, Back button, `select`, `zoomTo`, `close`).
    #[prop_or_default]
    pub inbox: Inbox,
    /// The effects meant for the host page: its events (ready, select, close, range) and the URL
    /// hash. Default: nothing.
    #[prop_or_default]
    pub on_effect: Callback<Effect>,
    /// Vertical, horizontal, or by the widget's own width (default).
    #[prop_or_default]
    pub layout: Layout,
    /// `light`, `dark` or `auto` (follows the reader's system). Default: light.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// Interface language (BCP 47); set as the widget's `lang`.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// 1 for the first widget on the page, 2 for the second, …: later ones add "(2)" to their landmark
    /// name, so that screen-reader users can tell them apart.
    #[prop_or(1)]
    pub ordinal: u32,
    /// The host element's width when the widget was mounted (CSS pixels; 0 if unknown). The first
    /// render lays out for it (the view, touch sizes, and the stage's marks), so that the first frame is
    /// the finished one; the widths measured after that render correct it if it was wrong.
    #[prop_or_default]
    pub host_width: f64,
}

/// A whole timeline, or the list of problems in its data.
#[function_component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    let lang = props.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    match props.data.0.as_ref() {
        Err(errors) => html! {
            // The width classes of the width read at mount (this view does not measure itself).
            <div class={classes!("att", width_classes_of(props.host_width))} id={props.prefix.clone()} data-theme={props.theme.clone()} lang={lang.tag()}>
                <ErrorList errors={Rc::new(errors.clone())} prefix={props.prefix.clone()} {lang} />
            </div>
        },
        Ok(_) => html! { <Live ..props.clone() /> },
    }
}

/// The DOM id a focus effect moves to.
fn focus_id(prefix: &str, focus: &Focus) -> String {
    match focus {
        Focus::Panel => format!("{prefix}-detail-title"),
        Focus::Entry(id) => entry_dom_id(prefix, id.as_str()),
        Focus::Scope => format!("{prefix}-scope"),
    }
}

/// Scrolls the vertical timeline's heading of the year of `t` (or the next year shown) to the top.
fn scroll_to_year(root: &NodeRef, t: f64) {
    let Some(root) = root.cast::<web_sys::Element>() else { return };
    if !t.is_finite() {
        return;
    }
    #[allow(clippy::cast_possible_truncation, reason = "clamped to ±1e9 days first")]
    let year = crate::model::historical(
        crate::model::civil_from_days(crate::layout::within((t / 1440.0).floor(), -1e13, 1e13) as i64).0,
    );
    // The year's block, not its sticky heading (which may be stuck at the bottom of its block).
    let Ok(headings) = root.query_selector_all(".att-vyear") else { return };
    let target = (0..headings.length())
        .filter_map(|i| {
            headings.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        })
        .find(|h| {
            h.get_attribute("data-year").and_then(|y| y.parse::<i64>().ok()).is_some_and(|y| y >= year)
        });
    if let Some(h) = target {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        h.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Carries out the effects queued by the session, after each render (so that what they point at is
/// in the DOM): focus and scrolling inside this instance at the next animation frame, where the
/// layout they need is the one that frame makes anyway (run now, they would force a layout of their
/// own in the middle of the render); the rest goes to the host at once. "Ready" once, first; of
/// several range changes in one render, only the last.
#[hook]
fn use_effect_runner(sender: Sender, root: NodeRef, prefix: AttrValue, on_effect: Callback<Effect>) {
    let started = use_mut_ref(|| false);
    use_effect(move || {
        if !std::mem::replace(&mut *started.borrow_mut(), true) {
            on_effect.emit(Effect::Host(HostEvent::Ready));
        }
        let effects = sender.take_effects();
        let last_range = effects.iter().rposition(|e| matches!(e, Effect::Host(HostEvent::Range { .. })));
        let mut in_frame = Vec::new();
        for (i, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::Focus(_) | Effect::ScrollTo(_) => in_frame.push(effect),
                Effect::Host(HostEvent::Range { .. }) if Some(i) != last_range => {}
                other => on_effect.emit(other),
            }
        }
        if in_frame.is_empty() {
            return;
        }
        let (root, prefix) = (root.clone(), prefix.clone());
        let run = move || {
            for effect in in_frame {
                match effect {
                    Effect::Focus(f) => focus_in(&root, &focus_id(&prefix, &f)),
                    Effect::ScrollTo(t) => scroll_to_year(&root, t),
                    _ => {}
                }
            }
        };
        let frame = wasm_bindgen::closure::Closure::once_into_js(run);
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(frame.unchecked_ref());
        }
    });
}

/// The interactive timeline (data known to be valid).
#[function_component]
fn Live(props: &TimelineViewProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = props.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let s = strings(lang);
    let root = use_node_ref();
    let (state, sender) = {
        let (data, start, layout, host_width) =
            (props.data.clone(), props.start.clone(), props.layout, props.host_width);
        use_session(move || {
            let start = start.as_deref().and_then(|s| data.get().map(|t| Start::parse(s, t)));
            let (mut state, effects) = ViewState::start(data, start);
            state.layout = layout;
            (state.sized(host_width), effects)
        })
    };
    let send = use_memo(sender.clone(), Sender::callback);
    let prefix = props.prefix.clone();
    #[cfg(feature = "panic-test")]
    #[allow(clippy::panic)]
    if state.selected.as_ref().is_some_and(|id| id.as_str() == "panic-test") {
        panic!("the deliberate panic of the panic-test build");
    }
    use_effect_runner(sender.clone(), root.clone(), prefix.clone(), props.on_effect.clone());
    // The widget's own width (its whole box) decides between the vertical and the horizontal view.
    use_element_width(root.clone(), Measure::Border, send.reform(Intent::Container), state.container > 0.0);
    // The host page's intents reach this session while it runs.
    {
        let sender = sender.clone();
        use_effect_with(props.inbox.clone(), move |inbox| {
            inbox.connect(sender);
            let inbox = inbox.clone();
            move || inbox.disconnect()
        });
    }
    let onkeydown = {
        let sender = sender.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(intent) = keys::widget_key(&sender.state(), &e.key()) {
                sender.send(intent);
                e.prevent_default();
            }
        })
    };

    // The print list (every entry) is built shortly after the first render, not during it. Then, for
    // one frame, the details of the first event are laid out unseen (`.att-warm`): the reader's first
    // click then finds the code, the glyphs and the styles of the details ready (measured: a first
    // opening took 52 ms of main thread, a second 14 ms; see README, Performance).
    let print_ready = use_state(|| false);
    let warm = use_state(|| false);
    {
        let (print_ready, warm) = (print_ready.clone(), warm.clone());
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(300)).await;
                print_ready.set(true);
                yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
                warm.set(true);
                yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
                warm.set(false);
            });
        });
    }

    let Some(t) = state.timeline() else { return Html::default() };
    let send = (*send).clone();
    let vertical = state.vertical();
    let main = match (&state.mode, &state.scope) {
        _ if vertical => html! {
            <Vertical prefix={prefix.clone()} state={state.clone()} send={send.clone()} />
        },
        (Mode::List, _) => html! {
            <EntryList data={state.data.clone()} prefix={prefix.clone()} selected={state.selected.clone()} send={send.clone()} />
        },
        (Mode::Timeline, Scope::Event(id)) => html! {
            <AgendaView prefix={prefix.clone()} id={id.clone()} state={state.clone()} send={send.clone()} />
        },
        (Mode::Timeline, Scope::All) => html! {
            <Stage prefix={prefix.clone()} state={state.clone()} send={send.clone()} />
        },
    };
    // The polite live region says what the state says to say.
    let announce = match state.announcement() {
        Announcement::Opened(id) => t
            .find(id.as_str())
            .map(|i| {
                fill(
                    s.opened,
                    &[("entry", &format!("{}, {}", i.info().title_in(lang), super::item_date(lang, i)))],
                )
            })
            .unwrap_or_default(),
        Announcement::Range => {
            let unit = crate::layout::ticks(&state.view, state.width).step.unit;
            fill(s.showing, &[("range", &crate::intl::range(lang, &state.view, unit))])
        }
        Announcement::SessionsOf(id) => t
            .find(id.as_str())
            .map(|i| fill(s.sessions_of, &[("label", i.info().short_in(lang))]))
            .unwrap_or_default(),
        Announcement::Quiet => String::new(),
    };
    let notice = match &state.notice {
        Some(Notice::NoEntry(id)) => fill(s.no_entry, &[("id", id)]),
        Some(Notice::BadStart(why)) => fill(s.bad_start, &[("reason", why)]),
        None => String::new(),
    };
    let skip = {
        let (root, prefix) = (root.clone(), prefix.clone());
        Callback::from(move |_: MouseEvent| focus_in(&root, &format!("{prefix}-end")))
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <div class={classes!("att", vertical.then_some("att-v"), state.width_classes())} id={prefix.clone()} ref={root} {onkeydown} role="region"
            aria-labelledby={(props.ordinal <= 1).then(|| format!("{prefix}-title"))}
            aria-label={(props.ordinal > 1).then(|| format!("{} ({})", t.title_in(lang), props.ordinal))}
            data-theme={props.theme.clone()} lang={lang.tag()}>
            <button type="button" class="att-skip" onclick={skip}>{ s.skip }</button>
            <div class="att-vh" role="status" aria-live="polite">{ announce }</div>
            <header class="att-head">
                <h2 class="att-h" id={format!("{prefix}-title")}>{ t.title_in(lang).to_owned() }</h2>
                if let Some(d) = t.description_in(lang) { <p class="att-desc">{ d.to_owned() }</p> }
            </header>
            <Toolbar prefix={prefix.clone()} state={state.clone()} send={send.clone()} />
            <p class="att-notice" role="status">{ notice }</p>
            <div class={classes!("att-body", (state.selected.is_some() && !vertical).then_some("att-open2"))}>
                <div class="att-main">{ main }</div>
                if let Some(id) = state.selected.clone().filter(|_| !vertical) {
                    <DetailPanel data={state.data.clone()} prefix={prefix.clone()} id={id} original={state.original} send={send} />
                }
            </div>
            if *print_ready { <PrintList data={state.data.clone()} /> }
            if let Some(e) = t.events.first().filter(|_| *warm && state.selected.is_none() && !vertical) {
                <div class="att-warm" aria-hidden="true" inert=true>
                    <DetailPanel data={state.data.clone()} prefix={format!("{prefix}-warm")} id={e.id.clone()} send={Callback::noop()} />
                </div>
            }
            <span class="att-vh" id={format!("{prefix}-end")} tabindex="-1">{ s.end }</span>
        </div>
        </ContextProvider<Lang>>
    }
}
