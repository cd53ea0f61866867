//! A labelled date field bound to a signal: the one way forms here ask for a date.

use leptos::prelude::*;

/// `<div class="field">` with its label and a date input holding `value` (yyyy-mm-dd).
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
