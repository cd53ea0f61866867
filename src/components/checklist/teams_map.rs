//! The school's teams, subjects and year groups side by side, with Carter's warning and
//! Waypoint's own.

use leptos::prelude::*;

use crate::charts::stage_grid::GridRow;
use crate::components::checklist::stage_grid::StageGrid;
use crate::domain::base::content::four_stages;
use crate::domain::checklist::teams::{TeamsMap, SCHOOL_TERM_RULE, TEAMS_RULE};

#[component]
pub fn TeamsMapView(
    map: Memo<TeamsMap>,
    /// The school's id, for assessing another of its teams.
    school: String,
) -> impl IntoView {
    let columns = Signal::derive(|| {
        std::iter::once("Overall".to_string())
            .chain(four_stages().themes.iter().map(|t| t.name.clone()))
            .collect()
    });
    let rows = Signal::derive(move || {
        map.with(|m| {
            m.rows
                .iter()
                .map(|r| GridRow {
                    label: r.scope.clone(),
                    cells: std::iter::once(r.overall)
                        .chain(r.themes.iter().copied())
                        .collect(),
                })
                .collect()
        })
    });
    view! {
        <section class="panel" aria-labelledby="teams-heading">
            <h2 id="teams-heading">"Teams, subjects and year groups"</h2>
            <p class="lead">"The latest assessment of each, side by side. Carter: “Seeing cross subject and cross team trajectories as part of the whole enables the strategic focus and resources to be targeted at the right areas.”"</p>
            {move || map.with(|m| m.focus.as_ref().map(|f| view! { <p class="team-focus" dir="auto"><strong>{f.message()}</strong></p> }))}
            <ul class="flags" aria-label="Warnings">
                {move || map.with(|m| m.flags.iter().map(|f| view! { <li class="flag" dir="auto">{f.clone()}</li> }).collect_view())}
            </ul>
            <StageGrid corner="Team" caption="Stage of each team by theme" columns=columns rows=rows />
            <p class="hint">{TEAMS_RULE}" "{SCHOOL_TERM_RULE}" "<crate::components::ui::waypoint_key::WaypointMark /></p>
            <p><a class="button" href=crate::route::Route::NewAssessment(Some(school)).href()>"Assess another team, subject or year group"</a></p>
        </section>
    }
}
