//! The visible list of problems shown instead of a timeline when the data is invalid.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::DataError;

/// Properties of [`ErrorList`].
#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    /// Every problem found.
    pub errors: Rc<Vec<DataError>>,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
}

/// "The timeline data has N problems" and the problems, each with its path.
#[function_component]
pub fn ErrorList(props: &ErrorListProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let n = props.errors.len();
    let heading = if n == 1 {
        "The timeline data has 1 problem".to_owned()
    } else {
        format!("The timeline data has {n} problems")
    };
    html! {
        <section class="att-errors" role="alert" aria-labelledby={format!("{}-title", props.prefix)}>
            <h2 class="att-h" id={format!("{}-title", props.prefix)}>{ heading }</h2>
            <p>{ "The timeline cannot be shown until these are fixed in the data file:" }</p>
            <ol>
                { for props.errors.iter().map(|e| html! {
                    <li>
                        <code>{ if e.path.is_empty() { "(whole file)".to_owned() } else { e.path.clone() } }</code>
                        { ": " }{ e.message.clone() }
                        if let Some((line, col)) = e.at {
                            <span class="att-at">{ format!(" — line {line}, column {col}") }</span>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
