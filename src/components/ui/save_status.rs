//! A short note saying whether the latest change is saved in this browser.

use leptos::prelude::*;

use crate::state::{AppState, SaveStatus};

#[component]
pub fn SaveStatusNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="save-status" role="status">
            {move || match state.save_status.get() {
                SaveStatus::Saved => view! { <span class="saved">"Saved in this browser"</span> }.into_any(),
                SaveStatus::Failed(_) | SaveStatus::Held | SaveStatus::Newer(_) => {
                    view! { <span class="not-saved">"Not saved – see the message above"</span> }.into_any()
                }
            }}
        </p>
    }
}
