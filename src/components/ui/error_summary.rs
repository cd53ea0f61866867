//! The GOV.UK error summary: every problem with a form, at its top, each linked to its
//! field, with focus moved to it when the form is sent; and each field with a problem
//! marked, with its message above it.
//!
//! The fields are marked here, from their ids, rather than in each form's view: one
//! function for every form adds far less to the download than reactive attributes on
//! every field of every form.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;

/// A form's problems: the id of the field each is about, and what to do.
pub type Problems = Vec<(String, String)>;

#[component]
pub fn ErrorSummary(problems: RwSignal<Problems>) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let marked = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let now = problems.get();
        for field in marked.get_value() {
            mark(&field, None);
        }
        if !now.is_empty() {
            // Once the summary is on the page.
            request_animation_frame(move || {
                if let Some(element) = node.get_untracked() {
                    let _ = element.focus();
                }
            });
        }
        for (field, message) in &now {
            mark(field, Some(message));
        }
        marked.set_value(now.into_iter().map(|(field, _)| field).collect());
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

/// Marks a field as having a problem (its wrapper, the field for screen readers, and the
/// message above it), or clears the mark with `None`.
fn mark(field: &str, message: Option<&String>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let error_id = format!("{field}-error");
    if let Some(old) = document.get_element_by_id(&error_id) {
        old.remove();
    }
    let Some(input) = document.get_element_by_id(field) else {
        return;
    };
    let wrapper = input.closest(".field").ok().flatten();
    // The message joins any hint the field is already described by.
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    let others: Vec<&str> = described
        .split_whitespace()
        .filter(|id| *id != error_id)
        .collect();
    match message {
        None => {
            let _ = input.remove_attribute("aria-invalid");
            if others.is_empty() {
                let _ = input.remove_attribute("aria-describedby");
            } else {
                let _ = input.set_attribute("aria-describedby", &others.join(" "));
            }
            if let Some(wrapper) = wrapper {
                let class = wrapper.class_name().replace(" field-with-error", "");
                wrapper.set_class_name(&class);
            }
        }
        Some(message) => {
            let _ = input.set_attribute("aria-invalid", "true");
            let mut ids = others;
            ids.push(&error_id);
            let _ = input.set_attribute("aria-describedby", &ids.join(" "));
            if let Some(wrapper) = &wrapper {
                if !wrapper.class_name().contains("field-with-error") {
                    wrapper.set_class_name(&format!("{} field-with-error", wrapper.class_name()));
                }
            }
            let Ok(note) = document.create_element("p") else {
                return;
            };
            note.set_id(&error_id);
            note.set_class_name("field-error-message");
            note.set_inner_html("<span class=\"visually-hidden\">Error: </span>");
            let _ = note.append_with_str_1(message);
            // Above the field, above a group of choices, or above a box and its label
            // (such as the box under a date far from today).
            let place = match input.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(radio) if radio.type_() == "radio" => {
                    wrapper.clone().map(|w| (w, "afterbegin"))
                }
                Some(tick) if tick.type_() == "checkbox" => {
                    input.parent_element().map(|p| (p, "beforebegin"))
                }
                _ => None,
            };
            let _ = match place {
                Some((element, at)) => element.insert_adjacent_element(at, &note),
                None => input.insert_adjacent_element("beforebegin", &note),
            };
        }
    }
}
