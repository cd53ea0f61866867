//! After a deletion: a message with "Undo", so a slip costs nothing.

use leptos::prelude::*;

use crate::state::AppState;

#[component]
pub fn UndoToast() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || state.last_removed.get().map(|removed| view! {
                <div class="toast">
                    <span dir="auto">{format!("Deleted “{}”.", removed.title)}</span>
                    <button type="button" class="button" on:click=move |_| state.undo_delete()>"Undo"</button>
                    <button type="button" class="link-button" on:click=move |_| state.last_removed.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}
