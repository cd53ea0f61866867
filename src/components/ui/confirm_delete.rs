//! A "Delete" button that asks once more before acting, in place (no pop-up).

use leptos::prelude::*;

#[component]
pub fn ConfirmDelete(
    question: &'static str,
    on_confirm: Callback<()>,
    /// The button's words, when "Delete" alone would not say what goes.
    #[prop(default = "Delete")]
    label: &'static str,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="button danger-outline" on:click=move |_| confirming.set(true)>{label}</button>
            }
        >
            <div class="confirm" role="group" aria-label="Confirm deletion">
                <span>{question}</span>
                <button type="button" class="button danger" on:click=move |_| on_confirm.run(())>"Yes, delete"</button>
                <button type="button" class="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
            </div>
        </Show>
    }
}
