//! A name saved as it changes (a setting with no Save button, such as a meeting on the
//! trust's calendar), whose typed text is never lost: it is kept as a draft from the first
//! key press until it is saved, so a reload, a redrawn table or a refused save shows it
//! again, marked as not saved yet, with the reason when it was refused.

use leptos::prelude::*;

use crate::storage::{read_draft, write_draft};

#[component]
pub fn SavedTextField(
    /// Where the typed text is kept until it is saved.
    #[prop(into)]
    draft_key: String,
    /// The field's name for screen readers (it sits in a table, under its column's heading).
    #[prop(into)]
    label: Signal<String>,
    /// The text as stored.
    #[prop(into)]
    stored: Signal<String>,
    /// Saves the text; returns why it was refused, if it was.
    on_save: Callback<String, Option<String>>,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let key = StoredValue::new(draft_key);
    // Text typed and not yet saved.
    let pending = RwSignal::new(key.with_value(|k| read_draft(k)));
    let refused = RwSignal::new(None::<String>);
    // Said beside the field once the text has outlived a reload or a refused save (not
    // while it is being typed).
    let noted = RwSignal::new(pending.with_untracked(Option::is_some));
    let note_id = key.with_value(|k| format!("{}-unsaved", k.replace(|c: char| !c.is_ascii_alphanumeric(), "-")));
    let described = note_id.clone();
    // Saves on a change, and on leaving the field while text is pending: a draft shown
    // again after a reload is saved then, changed or not.
    let commit = move |text: String| match on_save.run(text) {
        None => {
            key.with_value(|k| write_draft(k, ""));
            pending.set(None);
            refused.set(None);
            noted.set(false);
        }
        Some(why) => {
            refused.set(Some(why));
            noted.set(true);
        }
    };
    view! {
        <input type="text" class=class dir="auto" aria-label=move || label.get()
            prop:value=move || pending.get().unwrap_or_else(|| stored.get())
            aria-invalid=move || refused.with(Option::is_some).then_some("true")
            aria-describedby=move || noted.get().then(|| described.clone())
            on:input=move |ev| {
                let text = event_target_value(&ev);
                key.with_value(|k| write_draft(k, &text));
                pending.set(Some(text));
            }
            on:change=move |ev| commit(event_target_value(&ev))
            on:blur=move |ev| if pending.with_untracked(Option::is_some) { commit(event_target_value(&ev)) } />
        {move || noted.get().then(|| view! {
            <span class=move || if refused.with(Option::is_some) { "cell-note form-error" } else { "cell-note" } id=note_id.clone()>
                {move || match refused.get() {
                    Some(why) => format!("Not saved: {why}"),
                    None => "Not saved yet: leave the field to save it.".to_string(),
                }}
            </span>
        })}
    }
}
