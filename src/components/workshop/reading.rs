//! Signals that read one workshop where it is stored, for the results and the slides. A
//! workshop of ten thousand members is never copied: each signal keeps only what it shows.

use leptos::prelude::*;

use crate::domain::workshop::aas::{aas, workshop_results, Workshop, WorkshopResults};
use crate::state::AppState;

/// Reads the workshop `id` in place with `read`, or `None` when it is not stored.
pub fn with_workshop<T>(id: &str, read: impl FnOnce(&Workshop) -> T) -> Option<T> {
    let state = expect_context::<AppState>();
    state.store.with(|s| s.workshop(id).map(read))
}

/// Whether the workshop is stored.
pub fn exists(id: String) -> Memo<bool> {
    Memo::new(move |_| with_workshop(&id, |_| ()).is_some())
}

/// The workshop's results; those of nobody when it is not stored.
pub fn results(id: String) -> Memo<WorkshopResults> {
    Memo::new(move |_| {
        with_workshop(&id, |w| workshop_results(aas(), w)).unwrap_or_else(|| {
            workshop_results(aas(), &Workshop::new(String::new(), "", "", None, 0.0))
        })
    })
}

/// The workshop's title, with its trust's name as it is now.
pub fn title(id: String) -> Memo<String> {
    let state = expect_context::<AppState>();
    Memo::new(move |_| {
        state
            .store
            .with(|s| s.workshop(&id).map(|w| s.workshop_title(w)))
            .unwrap_or_default()
    })
}

/// How many members the workshop has.
pub fn member_count(id: String) -> Memo<usize> {
    Memo::new(move |_| with_workshop(&id, |w| w.members.len()).unwrap_or(0))
}
