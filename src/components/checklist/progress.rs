//! How much of the assessment is answered.

use leptos::prelude::*;

#[component]
pub fn AnswerProgress(answered: Signal<usize>, total: usize) -> impl IntoView {
    view! {
        <div class="progress">
            <label for="answer-progress">
                {move || format!("{} of {total} answered", answered.get())}
            </label>
            <progress id="answer-progress" max=total.to_string()
                prop:value=move || answered.get() as f64></progress>
        </div>
    }
}
