//! Form text that is never lost: each field's signal is kept as a draft (in
//! sessionStorage, through `storage`) as it is typed, so a form that closes, or a card
//! that re-renders after another change, opens again with what was typed. A form clears
//! its drafts when it saves, by emptying its fields.

use leptos::prelude::*;

use crate::storage::{read_draft, write_draft};

/// A field's text, starting from its draft under `key` (or `initial`), kept as it
/// changes. Empty text removes the draft.
pub fn draft(key: impl Into<String>, initial: impl Into<String>) -> RwSignal<String> {
    let key = key.into();
    let start = read_draft(&key).unwrap_or_else(|| initial.into());
    let signal = RwSignal::new(start);
    let stored = StoredValue::new(key);
    Effect::new(move |first: Option<()>| {
        let text = signal.get();
        // The first run only reads: the field has not changed yet.
        if first.is_some() {
            write_draft(&stored.get_value(), &text);
        }
    });
    signal
}

/// True when something is kept under `key`: a form with a draft opens again by itself.
pub fn has_draft(key: &str) -> bool {
    read_draft(key).is_some()
}

/// Forgets a draft (after a save, or when the form is cancelled on purpose).
pub fn forget(key: &str) {
    write_draft(key, "");
}

/// Keeps whether a form is open, so that it opens again after a re-render.
pub fn write_draft_flag(key: &str, open: bool) {
    write_draft(key, if open { "1" } else { "" });
}
