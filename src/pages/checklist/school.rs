//! One school as a whole: its teams side by side, how they moved over time, its
//! performance trajectory and journey, and the capacity it can give or needs.

use crate::domain::checklist::SchoolRecords;
use crate::domain::improvement::TrustRecords;
use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::checklist::rename_school::RenameSchool;
use crate::components::checklist::school_history::SchoolHistory;
use crate::components::checklist::teams_map::TeamsMapView;
use crate::components::improvement::intervention_plan::InterventionPlan;
use crate::components::improvement::capacity_checklist::CapacityChecklist;
use crate::components::improvement::category_panel::CategoryPanel;
use crate::components::improvement::inside_out_view::InsideOutView;
use crate::components::improvement::trajectory_editor::TrajectoryEditor;
use crate::components::records::export_panel::ExportPanel;
use crate::domain::base::content::four_stages;
use crate::domain::checklist::teams::{history, teams_map_in_terms};
use crate::domain::improvement::calendar::trust_term_starts;
use crate::domain::improvement::overview::school_data_flag;
use crate::domain::records::exchange::Selection;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn SchoolPage(
    /// The school's id.
    id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let school_key = id;
    let lookup = school_key.clone();
    let name = Memo::new(move |_| {
        state
            .store
            .with(|s| s.school(&lookup).map(|x| x.name.clone()))
    });
    let (k1, k2, k3) = (school_key.clone(), school_key.clone(), school_key.clone());
    let map = Memo::new(move |_| {
        state.store.with(|s| {
            let mut map =
                teams_map_in_terms(four_stages(), s.assessments_of(&k1), &trust_term_starts(s));
            map.flags
                .extend(school_data_flag(four_stages(), s, &k1).map(|c| c.message()));
            map
        })
    });
    let past = Memo::new(move |_| {
        state
            .store
            .with(|s| history(four_stages(), s.assessments_of(&k2)))
    });
    let trajectory = Memo::new(move |_| state.store.with(|s| s.trajectory_of(&k3).cloned()));
    Effect::new(move |_| {
        if let Some(n) = name.get() {
            browser::set_title(&format!("{n} – school overview – Waypoint"));
        }
    });
    view! {
        <Show when=move || name.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::School />
        }>
            <div class="assessment-head">
                <p class="breadcrumb"><a href="#/">"Your assessments"</a></p>
                <h1 dir="auto">{move || name.get()}</h1>
                <p class="meta">"School overview"</p>
                <div class="head-actions">
                    <a class="button primary" href=Route::NewAssessment(Some(school_key.clone())).href()>"New assessment for this school"</a>
                    <RenameSchool school=school_key.clone() name=Signal::derive(move || name.get().unwrap_or_default()) />
                    <a class="button" href=crate::route::Route::HeadReport(school_key.clone()).href()>"Headteacher's report to the board"</a>
                </div>
                <crate::components::ui::waypoint_key::WaypointKey />
            </div>
            <div class="school-sections">
                <CategoryPanel school=school_key.clone() />
                <TeamsMapView map=map school=school_key.clone() />
                <SchoolHistory history=past />
                <TrajectoryEditor school=school_key.clone() trajectory=trajectory />
                <CapacityChecklist school=school_key.clone() trajectory=trajectory />
                <InsideOutView school=school_key.clone() />
                <InterventionPlan school=Signal::stored(school_key.clone()) assessment_id=None
                    focus_options=Signal::derive(|| four_stages().themes.iter().map(|t| t.name.clone()).collect::<Vec<_>>()) />
                <section class="panel no-print" aria-labelledby="school-export-heading">
                    <h2 id="school-export-heading">"Download this school"</h2>
                    <p>"Every assessment of this school, its trajectory and its intervention plans, in one file."</p>
                    <ExportPanel selection=Signal::stored(Selection::School(school_key.clone()))
                        title=Signal::derive(move || name.get().unwrap_or_default()) />
                </section>
            </div>
        </Show>
    }
}
