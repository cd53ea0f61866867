//! The list of assessments saved in this browser.

use leptos::prelude::*;

use crate::browser;
use crate::components::assessment_row::AssessmentRow;
use crate::components::data_safety::DataSafety;
use crate::components::import_files::ImportFiles;
use crate::components::workshop_row::WorkshopRow;
use crate::state::AppState;

#[component]
pub fn HomePage() -> impl IntoView {
    browser::set_title("Your assessments – Waypoint");
    let state = expect_context::<AppState>();
    let ids = Memo::new(move |_| {
        state.store.with(|s| {
            s.assessments
                .iter()
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let workshop_ids = Memo::new(move |_| {
        state
            .store
            .with(|s| s.workshops.iter().map(|w| w.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <div class="page-head">
            <h1>"Your assessments"</h1>
            <a class="button primary" href="#/new">"New assessment"</a>
        </div>
        <Show
            when=move || !ids.with(Vec::is_empty)
            fallback=|| view! {
                <section class="panel empty-state">
                    <h2>"Where is your school on its improvement journey?"</h2>
                    <p>
                        "Walk through the observable features of Sir David Carter's four stages – "
                        <strong>"Stabilise"</strong>", "<strong>"Repair"</strong>", "
                        <strong>"Improve"</strong>" and "<strong>"Sustain"</strong>
                        " – for the whole school or for a team, subject or year group. "
                        "Waypoint suggests the stage that fits best, theme by theme, and what would move you on."
                    </p>
                    <p>"Everything is saved in this browser as you go. Nothing is sent anywhere."</p>
                    <a class="button primary" href="#/new">"Start your first assessment"</a>
                </section>
            }
        >
            <ul class="assessment-list" aria-label="Saved assessments">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <AssessmentRow id=id />
                </For>
            </ul>
        </Show>
        <div class="home-files">
            <ImportFiles />
            <DataSafety />
        </div>
        <section class="workshops" aria-labelledby="workshops-heading">
            <div class="page-head">
                <h2 id="workshops-heading">"Trust board workshops"</h2>
                <a class="button" href="#/workshop/new">"New workshop"</a>
            </div>
            <p class="lead">
                "The Autonomy–Alignment–Standardisation tool: a board decides, practice by practice, what the trust standardises, what it aligns, and what each academy still decides, and sees where its members agree."
            </p>
            <ul class="assessment-list" aria-label="Saved workshops">
                <For each=move || workshop_ids.get() key=|id| id.clone() let:id>
                    <WorkshopRow id=id />
                </For>
            </ul>
        </section>
    }
}
