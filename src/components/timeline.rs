//! The root component of one widget instance: owns the view state, moves focus, reports to the host.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::agenda::AgendaView;
use super::detail::DetailPanel;
use super::errors::ErrorList;
use super::list::EntryList;
use super::print::PrintList;
use super::stage::Stage;
use super::toolbar::{span_for, Toolbar};
use super::{entry_dom_id, HostEvent, Request, Shared, TimelineRef};
use crate::i18n::{fill, strings};
use crate::model::{EventId, Item, Lang, Start};
use crate::state::{initial, Action, Focus, Mode, Scope, ViewState};

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineViewProps {
    /// The loaded data (or its problems).
    pub data: Shared,
    /// Prefix for every DOM id inside this instance, unique on the page (e.g. `att1`).
    pub prefix: AttrValue,
    /// What to show first, overriding the data file: `all`, an entry id, or `FROM/TO` dates.
    #[prop_or_default]
    pub start: Option<AttrValue>,
    /// A request from the host page (deep link, Back button); the number makes repeats distinct.
    #[prop_or_default]
    pub request: Option<(u32, Request)>,
    /// Told about what happens, for the host page. Default: nothing.
    #[prop_or_default]
    pub on_host: Callback<HostEvent>,
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
}

/// A whole timeline, or the list of problems in its data.
#[function_component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    match props.data.0.as_ref() {
        Err(errors) => html! {
            <div class="att" id={props.prefix.clone()} data-theme={props.theme.clone()} lang="en">
                <ErrorList errors={Rc::new(errors.clone())} prefix={props.prefix.clone()} />
            </div>
        },
        Ok(_) => html! { <Live ..props.clone() /> },
    }
}

/// The interactive timeline (data known to be valid).
#[function_component]
fn Live(props: &TimelineViewProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = props.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default();
    let s = strings(lang);
    let data = TimelineRef(props.data.0.clone());
    let root = use_node_ref();
    let state = {
        let (data, start) = (data.clone(), props.start.clone());
        use_reducer(move || {
            let Some(t) = data.get() else {
                let lim = crate::layout::Limits::around(0.0, 1.0);
                return ViewState::new(lim, crate::layout::Viewport::fit(&lim));
            };
            let (start, notice) = match start.as_deref().map(|s| Start::parse(s, t)) {
                None => (t.start.clone(), None),
                Some(Ok(s)) => (s, None),
                Some(Err(e)) => (t.start.clone(), Some(fill(strings(lang).bad_start, &[&e]))),
            };
            let (limits, view, open) = initial(t, &start);
            let mut s = ViewState::new(limits, view);
            s.notice = notice;
            if let Some((id, parent)) = open {
                if let Some(p) = parent {
                    s.scope = Scope::Event(p);
                }
                s.active = Some(id.clone());
                s.selected = Some(id);
            }
            s
        })
    };
    let prefix = props.prefix.clone();
    #[cfg(feature = "panic-test")]
    #[allow(clippy::panic)]
    if state.selected.as_ref().is_some_and(|id| id.as_str() == "panic-test") {
        panic!("the deliberate panic of the panic-test build");
    }

    // Carry out focus requests made by the reducer.
    {
        let (root, prefix) = (root.clone(), prefix.clone());
        use_effect_with(state.focus.clone(), move |(focus, _)| {
            let target = match focus {
                Focus::Stay => None,
                Focus::Panel => Some(format!("{prefix}-detail-title")),
                Focus::Entry(id) => Some(entry_dom_id(&prefix, id.as_str())),
                Focus::Scope => Some(format!("{prefix}-scope")),
            };
            if let (Some(target), Some(root)) = (target, root.cast::<HtmlElement>()) {
                if let Ok(Some(el)) = root.query_selector(&format!("#{target}")) {
                    if let Ok(el) = el.dyn_into::<HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    // Tell the host: ready once, then every selection, close and range change.
    {
        let on_host = props.on_host.clone();
        use_effect_with((), move |()| on_host.emit(HostEvent::Ready));
    }
    {
        let on_host = props.on_host.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.selected.clone(), move |sel| {
            let was_first = std::mem::replace(&mut *first.borrow_mut(), false);
            match sel {
                Some(id) => on_host.emit(HostEvent::Select(id.clone())),
                None if !was_first => on_host.emit(HostEvent::Close),
                None => {}
            }
        });
    }
    {
        let on_host = props.on_host.clone();
        let first = use_mut_ref(|| true);
        let view = state.view;
        use_effect_with((view.from.to_bits(), view.to.to_bits()), move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                on_host.emit(HostEvent::Range { from: view.from, to: view.to });
            }
        });
    }
    // Requests from the host page.
    {
        let (state, data) = (state.clone(), data.clone());
        use_effect_with(props.request.clone(), move |req| {
            if let Some((_, r)) = req {
                match r {
                    Request::Close => state.dispatch(Action::Close),
                    #[allow(clippy::cast_precision_loss)]
                    Request::Show(a, b) => {
                        state.dispatch(Action::Leave);
                        state.dispatch(Action::SetMode(Mode::Timeline));
                        state.dispatch(Action::Show { from: *a as f64, to: *b as f64, pad: 0.0 });
                    }
                    Request::Open(id) => open(&state, &data, id, lang),
                }
            }
        });
    }

    let onselect = {
        let (state, data) = (state.clone(), data.clone());
        Callback::from(move |id: EventId| open(&state, &data, id.as_str(), lang))
    };
    let onenter = {
        let state = state.clone();
        Callback::from(move |id: EventId| state.dispatch(Action::Enter(id)))
    };
    let onclose = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Close))
    };
    let onkeydown = {
        let (state, data) = (state.clone(), data.clone());
        Callback::from(move |e: KeyboardEvent| {
            match e.key().as_str() {
                "Escape" if state.selected.is_some() => state.dispatch(Action::Close),
                "Escape" => match &state.scope {
                    Scope::Event(id) => {
                        let id = id.clone();
                        state.dispatch(Action::Leave);
                        state.dispatch(Action::FocusEntry { span: span_for(&data, id.as_str()), id });
                    }
                    Scope::All => return,
                },
                "+" | "=" if state.mode == Mode::Timeline && state.scope == Scope::All => {
                    state.dispatch(Action::ZoomBy { factor: 2.0, anchor: None });
                }
                "-" | "_" if state.mode == Mode::Timeline && state.scope == Scope::All => {
                    state.dispatch(Action::ZoomBy { factor: 0.5, anchor: None });
                }
                _ => return,
            }
            e.prevent_default();
        })
    };

    // The print list (every entry) is built shortly after the first render, not during it.
    let print_ready = use_state(|| false);
    {
        let print_ready = print_ready.clone();
        use_effect_with((), move |()| {
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(std::time::Duration::from_millis(300)).await;
                print_ready.set(true);
            });
        });
    }

    let Some(t) = data.get() else { return Html::default() };
    let data_for_print = data.clone();
    let main = match (&state.mode, &state.scope) {
        (Mode::List, _) => html! {
            <EntryList data={data.clone()} prefix={prefix.clone()} selected={state.selected.clone()} onselect={onselect.clone()} />
        },
        (Mode::Timeline, Scope::Event(id)) => html! {
            <AgendaView data={data.clone()} prefix={prefix.clone()} id={id.clone()} state={state.clone()} />
        },
        (Mode::Timeline, Scope::All) => html! {
            <Stage data={data.clone()} prefix={prefix.clone()} state={state.clone()} />
        },
    };
    // A polite live region: what was opened, or the range now shown (not during a drag).
    let announce = match (&state.selected, state.mode, &state.scope) {
        (Some(id), _, _) => t
            .find(id.as_str())
            .map(|i| {
                fill(s.opened, &[&format!("{}, {}", i.info().title_in(lang), super::item_date(lang, i))])
            })
            .unwrap_or_default(),
        (None, Mode::Timeline, Scope::All) if state.width > 0.0 && !state.gesture => {
            let unit = crate::layout::ticks(&state.view, state.width).step.unit;
            fill(s.showing, &[&crate::intl::range(lang, &state.view, unit)])
        }
        (None, _, Scope::Event(id)) => {
            t.find(id.as_str()).map(|i| fill(s.sessions_of, &[i.info().short_in(lang)])).unwrap_or_default()
        }
        _ => String::new(),
    };
    let skip = {
        let (root, prefix) = (root.clone(), prefix.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(end) = root
                .cast::<HtmlElement>()
                .and_then(|r| r.query_selector(&format!("#{prefix}-end")).ok().flatten())
            {
                if let Ok(end) = end.dyn_into::<HtmlElement>() {
                    let _ = end.focus();
                }
            }
        })
    };
    html! {
        <ContextProvider<Lang> context={lang}>
        <div class="att" id={prefix.clone()} ref={root} {onkeydown} role="region"
            aria-labelledby={(props.ordinal <= 1).then(|| format!("{prefix}-title"))}
            aria-label={(props.ordinal > 1).then(|| format!("{} ({})", t.title_in(lang), props.ordinal))}
            data-theme={props.theme.clone()} lang={lang.tag()}>
            <button type="button" class="att-skip" onclick={skip}>{ s.skip }</button>
            <div class="att-vh" role="status" aria-live="polite">{ announce }</div>
            <header class="att-head">
                <h2 class="att-h" id={format!("{prefix}-title")}>{ t.title_in(lang).to_owned() }</h2>
                if let Some(d) = t.description_in(lang) { <p class="att-desc">{ d.to_owned() }</p> }
            </header>
            <Toolbar data={data.clone()} prefix={prefix.clone()} state={state.clone()} />
            <p class="att-notice" role="status">{ state.notice.clone().unwrap_or_default() }</p>
            <div class={classes!("att-body", state.selected.is_some().then_some("att-open2"))}>
                <div class="att-main">{ main }</div>
                if let Some(id) = state.selected.clone() {
                    <DetailPanel data={data} prefix={prefix.clone()} id={id}
                        onselect={onselect} onenter={onenter} onclose={onclose} />
                }
            </div>
            if *print_ready { <PrintList data={data_for_print} /> }
            <span class="att-vh" id={format!("{prefix}-end")} tabindex="-1">{ s.end }</span>
        </div>
        </ContextProvider<Lang>>
    }
}

/// Opens an entry by id: enters its parent first when it is a session; a quiet notice if unknown.
fn open(state: &UseReducerHandle<ViewState>, data: &TimelineRef, id: &str, lang: Lang) {
    let Some(t) = data.get() else { return };
    match t.find(id) {
        None => state.dispatch(Action::Notice(Some(fill(strings(lang).no_entry, &[id])))),
        Some(item) => {
            if let Item::Event(_, Some(parent)) = item {
                if state.scope != Scope::Event(parent.id.clone()) {
                    state.dispatch(Action::Enter(parent.id.clone()));
                }
            }
            let span = crate::state::span_of(item);
            state.dispatch(Action::Select { id: item.id().clone(), span: Some(span) });
        }
    }
}
