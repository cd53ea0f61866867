//! Renaming a school: its history, trajectory and plans stay with it, because they
//! belong to the school's record, not to its name.

use leptos::prelude::*;

use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::SchoolEdit;
use crate::state::AppState;

#[component]
pub fn RenameSchool(
    /// The school's id.
    school: String,
    /// Its name now.
    #[prop(into)]
    name: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::new());
    let school = StoredValue::new(school);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            problems.set(vec![(
                "rename-school".into(),
                "Enter the school's name.".into(),
            )]);
            return;
        }
        if state.send(Edit::Schools(SchoolEdit::RenameSchool {
            school: school.get_value(),
            name,
        })) {
            problems.set(Vec::new());
            renaming.set(false);
        }
    };
    view! {
        <Show when=move || renaming.get() fallback=move || view! {
            <button type="button" class="button" on:click=move |_| { new_name.set(name.get_untracked()); renaming.set(true); }>"Rename school"</button>
        }>
            <form class="rename-form" on:submit=save novalidate>
                <ErrorSummary problems=problems />
                <div class="field">
                <label for="rename-school">"School's new name"</label>
                <input id="rename-school" type="text" dir="auto" autofocus
                    maxlength=MAX_NAME_CHARS.to_string()
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                </div>
                <div class="inline-form">
                    <button type="submit" class="button primary">"Save name"</button>
                    <button type="button" class="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                </div>
            </form>
        </Show>
    }
}
