//! A note typed into a form: an evidence note, or a board member's note on a practice.
//!
//! While the field has focus it shows what was typed here, even if another tab saves the
//! same note meanwhile, so nobody's typing is mixed with another's under the cursor; each
//! edit says which text it was typed over, so the domain keeps the other tab's version
//! when the two differ (see `SetNote` in the domain).

use leptos::prelude::*;

use crate::domain::base::text::{clamp_chars, MAX_NOTE_CHARS};

#[component]
pub fn NoteField(
    id: String,
    /// The label's first words, e.g. "Evidence note".
    label: &'static str,
    rows: u8,
    /// The note as stored.
    #[prop(into)]
    stored: Signal<String>,
    /// No typing (no one is chosen to answer).
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// A new text, and the text it was typed over.
    on_edit: Callback<(String, String)>,
) -> impl IntoView {
    let focused = RwSignal::new(false);
    // What this field last sent while it had focus.
    let sent = StoredValue::new(None::<String>);
    let shown = move || {
        let stored = stored.get();
        match sent.get_value() {
            Some(typed) if focused.get() => typed,
            _ => stored,
        }
    };
    let input = move |ev: leptos::ev::Event| {
        let text = clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS);
        let was = sent.get_value().unwrap_or_else(|| stored.get_untracked());
        sent.set_value(Some(text.clone()));
        on_edit.run((text, was));
    };
    view! {
        <label class="note-label" for=id.clone()>{label}" "<span class="optional">"(optional)"</span></label>
        <textarea id=id class="note" rows=rows.to_string() dir="auto" maxlength=MAX_NOTE_CHARS.to_string()
            disabled=move || disabled.get()
            prop:value=shown
            on:focus=move |_| focused.set(true)
            on:blur=move |_| { sent.set_value(None); focused.set(false); }
            on:input=input></textarea>
    }
}
