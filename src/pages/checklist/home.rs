//! The list of assessments saved in this browser.

use leptos::prelude::*;

use crate::browser;
use crate::components::checklist::school_duplicates::SchoolDuplicates;
use crate::components::checklist::school_group::SchoolGroup;
use crate::components::records::data_safety::DataSafety;
use crate::components::records::import_files::ImportFiles;
use crate::components::ui::pager::Pager;
use crate::components::workshop::workshop_row::WorkshopRow;
use crate::domain::checklist::listing::{page_of, school_list, SCHOOLS_PER_PAGE};
use crate::state::AppState;

#[component]
pub fn HomePage() -> impl IntoView {
    browser::set_title("Your assessments – Waypoint");
    let state = expect_context::<AppState>();
    let has_assessments = Memo::new(move |_| state.store.with(|s| !s.assessments.is_empty()));
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let schools = Memo::new(move |_| {
        let query = query.get();
        state.store.with(|s| {
            school_list(
                s,
                &query,
                &crate::domain::improvement::calendar::trust_term_starts(s),
            )
        })
    });
    let shown = Memo::new(move |_| schools.with(|all| page_of(all, page.get(), SCHOOLS_PER_PAGE)));
    let pages = move || shown.with(|(_, pages)| *pages);
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
            when=move || has_assessments.get()
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
            <SchoolDuplicates />
            <div class="list-tools" role="search">
                <label for="school-search">"Find a school, team or date"</label>
                <input id="school-search" type="search" dir="auto" autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); } />
                <p class="meta" role="status">{move || match schools.with(Vec::len) {
                    0 => "No school matches.".to_string(),
                    1 => "1 school".to_string(),
                    n => format!("{n} schools"),
                }}</p>
            </div>
            <ul class="school-list" aria-label="Saved assessments by school">
                <For each=move || shown.get().0 key=|e| (e.school_id.clone(), e.assessment_ids.clone()) let:entry>
                    <SchoolGroup entry=entry />
                </For>
            </ul>
            <Show when=move || { pages() > 1 }>
                <Pager label="Pages of schools" page=page pages=Signal::derive(pages) />
            </Show>
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
