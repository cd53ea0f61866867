//! One saved assessment under its school and term in the list: open it (its title),
//! reassess it this term, or delete it (with "Undo").

use leptos::prelude::*;

use crate::components::checklist::stage_badge::StageBadge;
use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::dates::display;
use crate::domain::checklist::placement::place;
use crate::domain::records::edits::ChecklistEdit;
use crate::domain::records::edits::Edit;
use crate::route::Route;
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq)]
struct RowSummary {
    scope: String,
    date: String,
    assessors: String,
    answered: usize,
    stage: Option<Stage>,
    /// Enough answers to stand behind the stage (see `Placement::is_settled`).
    settled: bool,
    tentative: bool,
}

#[component]
pub fn AssessmentRow(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let summary = Memo::new(move |_| {
        state.store.with(|s| {
            s.get(&lookup_id).map(|a| {
                let placement = place(four_stages(), a, |_| true);
                RowSummary {
                    scope: a.scope.describe(),
                    date: display(&a.date),
                    assessors: a.assessors.clone(),
                    answered: a.answered_count(four_stages()),
                    stage: placement.stage,
                    settled: placement.is_settled(),
                    tentative: placement.is_tentative(),
                }
            })
        })
    });
    let field = move |f: fn(&RowSummary) -> String| {
        move || summary.with(|s| s.as_ref().map(f).unwrap_or_default())
    };
    let href = Route::Assessment(id.clone()).href();
    let total = four_stages().features.len();
    let heading_id = format!("row-{id}");
    let delete_id = id.clone();
    let delete = Callback::new(move |_: ()| {
        state.send(Edit::Checklist(ChecklistEdit::RemoveAssessment {
            assessment: delete_id.clone(),
        }));
    });

    view! {
        <li class="assessment-row" aria-labelledby=heading_id.clone()>
            <div class="row-main">
                <h4 id=heading_id.clone() class="row-title">
                    <a href=href.clone() dir="auto">{field(|s| s.scope.clone())}</a>
                </h4>
                <p class="meta">
                    <span class="date">{field(|s| s.date.clone())}</span>
                    <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| !s.assessors.is_empty()))>
                        <span aria-hidden="true">" · "</span>
                        <span dir="auto">{field(|s| s.assessors.clone())}</span>
                    </Show>
                    <span aria-hidden="true">" · "</span>
                    <span>{move || summary.with(|s| s.as_ref().map(|s| format!("{} of {total} answered", s.answered)))}</span>
                </p>
            </div>
            <div class="row-stage">
                <span class="visually-hidden">"Best fit: "</span>
                <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| s.settled || s.stage.is_none()))
                    fallback=|| view! { <span class="stage-badge stage-none provisional">"Provisional"</span> }>
                    <StageBadge stage=Signal::derive(move || summary.with(|s| s.as_ref().and_then(|s| s.stage)))/>
                    <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| s.tentative))>
                        <span class="tentative">"between stages or mixed"</span>
                    </Show>
                </Show>
            </div>
            <div class="row-actions">
                <a class="button primary" href=href.clone()>"Open"</a>
                <a class="button" href=Route::Reassess(id.clone()).href()
                    aria-label=move || format!("Reassess this term: {}", summary.with(|s| s.as_ref().map(|s| s.scope.clone()).unwrap_or_default()))>"Reassess this term"</a>
                <ConfirmDelete question="Delete this assessment?" on_confirm=delete />
            </div>
        </li>
    }
}
