//! One saved workshop in the list.

use leptos::prelude::*;

use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::domain::base::dates::display;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn WorkshopRow(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let summary = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| (s.workshop_title(w), display(&w.date), w.members.len()))
        })
    });
    let delete_id = id.clone();
    let delete = Callback::new(move |_: ()| {
        state.send(Edit::Workshop(WorkshopEdit::RemoveWorkshop {
            workshop: delete_id.clone(),
        }));
    });
    let heading_id = format!("row-{id}");
    // A member's own copy of a workshop (joined by link) opens where they answer and send.
    let joined = state
        .store
        .with_untracked(|s| s.workshop(&id).is_some_and(|w| w.joined_from.is_some()));
    let (answer_href, results_href, second) = if joined {
        (
            Route::WorkshopAnswer(id.clone(), 0).href(),
            Route::WorkshopSend(id.clone()).href(),
            "Send my answers",
        )
    } else {
        (
            Route::Workshop(id.clone()).href(),
            Route::WorkshopResults(id.clone()).href(),
            "Results",
        )
    };
    view! {
        <li class="assessment-row workshop-row" aria-labelledby=heading_id.clone()>
            <div class="row-main">
                <h3 id=heading_id.clone() class="row-title">
                    <a href=answer_href.clone() dir="auto">{move || summary.with(|s| s.as_ref().map(|s| s.0.clone()))}</a>
                </h3>
                <p class="meta">
                    <time>{move || summary.with(|s| s.as_ref().map(|s| s.1.clone()))}</time>
                    <span aria-hidden="true">" · "</span>
                    <span dir="auto">{move || summary.with(|s| s.as_ref().map(|s| match s.2 {
                        0 => "No members yet".to_string(),
                        1 => "1 member".to_string(),
                        n => format!("{n} members"),
                    }))}</span>
                </p>
            </div>
            <div class="row-actions">
                <a class="button primary" href=answer_href>"Open"</a>
                <a class="button" href=results_href>{second}</a>
                <ConfirmDelete question="Delete this workshop and all its answers?" on_confirm=delete />
            </div>
        </li>
    }
}
