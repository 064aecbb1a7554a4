//! The root component of one widget instance.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::detail::DetailPanel;
use super::errors::ErrorList;
use super::list::EntryList;
use super::{entry_dom_id, Shared, TimelineRef};
use crate::model::EventId;
use crate::state::{Action, Focus, ViewState};

/// Properties of [`TimelineView`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineViewProps {
    /// The loaded data (or its problems).
    pub data: Shared,
    /// Prefix for every DOM id inside this instance, unique on the page (e.g. `att1`).
    pub prefix: AttrValue,
    /// Told about every selection (the embedder turns it into a DOM event). Default: nothing.
    #[prop_or_default]
    pub onselect: Callback<Option<EventId>>,
}

/// A whole timeline: heading, the entries in time order, and the detail panel.
#[function_component]
pub fn TimelineView(props: &TimelineViewProps) -> Html {
    let state = use_reducer(ViewState::default);
    let root = use_node_ref();

    // Carry out focus requests made by the reducer.
    {
        let root = root.clone();
        let prefix = props.prefix.clone();
        use_effect_with(state.focus.clone(), move |(focus, _)| {
            let target = match focus {
                Focus::Stay => None,
                Focus::Panel => Some(format!("{prefix}-detail-title")),
                Focus::Entry(id) => Some(entry_dom_id(&prefix, id.as_str())),
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
    {
        let onselect = props.onselect.clone();
        use_effect_with(state.selected.clone(), move |sel| onselect.emit(sel.clone()));
    }

    let onselect = {
        let state = state.clone();
        Callback::from(move |id: EventId| state.dispatch(Action::Select(id)))
    };
    let onclose = {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(Action::Close))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && state.selected.is_some() {
                e.prevent_default();
                state.dispatch(Action::Close);
            }
        })
    };

    let prefix = &props.prefix;
    let body = match props.data.0.as_ref() {
        Err(errors) => html! { <ErrorList errors={Rc::new(errors.clone())} prefix={prefix.clone()} /> },
        Ok(t) => {
            let data = TimelineRef(props.data.0.clone());
            html! {
                <>
                    <header class="att-head">
                        <h2 class="att-h" id={format!("{prefix}-title")}>{ t.title.clone() }</h2>
                        if let Some(d) = &t.description { <p class="att-desc">{ d.clone() }</p> }
                    </header>
                    <div class="att-body">
                        <EntryList data={data.clone()} prefix={prefix.clone()}
                            selected={state.selected.clone()} onselect={onselect.clone()} />
                        if let Some(id) = state.selected.clone() {
                            <DetailPanel data={data} prefix={prefix.clone()} id={id}
                                onselect={onselect} onclose={onclose} />
                        }
                    </div>
                </>
            }
        }
    };
    html! {
        <div class="att" id={prefix.clone()} ref={root} {onkeydown}
            role="region" aria-labelledby={format!("{prefix}-title")}>
            { body }
        </div>
    }
}

use wasm_bindgen::JsCast;
