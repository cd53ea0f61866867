//! The GOV.UK error summary: every problem with a form, at its top, each linked to its
//! field, with focus moved to it when the form is sent; and the message beside each field.

use leptos::html::Div;
use leptos::prelude::*;

use crate::browser;

/// A form's problems: the id of the field each is about, and what to do.
pub type Problems = Vec<(String, String)>;

#[component]
pub fn ErrorSummary(problems: RwSignal<Problems>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if !problems.with(Vec::is_empty) {
            // Once the summary is on the page.
            request_animation_frame(move || {
                if let Some(element) = node.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
    });
    view! {
        <Show when=move || !problems.with(Vec::is_empty)>
            <div class="error-summary" node_ref=node tabindex="-1" role="alert">
                <h2 class="error-summary-title">"There is a problem"</h2>
                <ul>
                    {move || problems.get().into_iter().map(|(field, message)| view! {
                        <li><a href=format!("#{field}") on:click=move |ev| {
                            ev.prevent_default();
                            browser::focus_id(&field);
                        }>{message}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The problem with one field, if any.
pub fn problem_with(problems: RwSignal<Problems>, field: &str) -> Option<String> {
    problems.with(|p| p.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()))
}

/// The message shown above a field that has a problem.
#[component]
pub fn FieldError(problems: RwSignal<Problems>, field: String) -> impl IntoView {
    let id = format!("{field}-error");
    move || {
        problem_with(problems, &field).map(|message| {
            view! {
                <p class="field-error-message" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>{message}
                </p>
            }
        })
    }
}
