//! The visible list of problems shown instead of a timeline when the data is invalid.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{fill, strings};
use crate::model::{DataError, Lang};

/// Properties of [`ErrorList`].
#[derive(Properties, PartialEq)]
pub struct ErrorListProps {
    /// Every problem found.
    pub errors: Rc<Vec<DataError>>,
    /// Per-instance id prefix.
    pub prefix: AttrValue,
    /// The reader's language (the problems themselves are in English, and marked so).
    pub lang: Lang,
}

/// "The timeline data has N problems" and the problems, each with its path.
#[function_component]
pub fn ErrorList(props: &ErrorListProps) -> Html {
    crate::guard::rendering(&props.prefix);
    let lang = props.lang;
    let st = strings(lang);
    let heading =
        fill(st.data_problems, &[("problems", &st.count(lang, props.errors.len(), &st.problem_forms))]);
    html! {
        <section class="att-errors" role="alert" aria-labelledby={format!("{}-title", props.prefix)}>
            <h2 class="att-h" id={format!("{}-title", props.prefix)}>{ heading }</h2>
            <p>{ st.problems_intro }</p>
            <ol lang="en">
                { for props.errors.iter().map(|e| html! {
                    <li>
                        if e.path.is_empty() {
                            <span lang={lang.tag()}>{ st.whole_file }</span>
                        } else {
                            <code>{ e.path.clone() }</code>
                        }
                        { ": " }{ e.message.clone() }
                        if let Some((line, col)) = e.at {
                            <span class="att-at" lang={lang.tag()}>
                                { fill(st.at_line, &[("line", &line.to_string()), ("column", &col.to_string())]) }
                            </span>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
