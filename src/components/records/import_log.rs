//! What happened to each imported file, in a live list: what was added, skipped or
//! refused, and why.

use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Message {
    ok: bool,
    text: String,
}

/// The messages of one import area; copy it into event handlers.
#[derive(Clone, Copy)]
pub struct ImportLog(RwSignal<Vec<Message>>);

impl ImportLog {
    pub fn new() -> ImportLog {
        ImportLog(RwSignal::new(Vec::new()))
    }

    /// Adds a line: `ok` for what was done, otherwise a problem.
    pub fn say(&self, ok: bool, text: String) {
        self.0.update(|m| m.push(Message { ok, text }));
    }
}

impl Default for ImportLog {
    fn default() -> Self {
        ImportLog::new()
    }
}

#[component]
pub fn ImportMessages(log: ImportLog) -> impl IntoView {
    view! {
        <ul class="import-messages" aria-live="polite">
            {move || log.0.get().into_iter().map(|m| view! {
                <li class=if m.ok { "ok" } else { "problem" } dir="auto">{m.text}</li>
            }).collect_view()}
        </ul>
    }
}
