//! The stage profile chart and, for screen readers and print, the same data as a table.

use leptos::prelude::*;

use crate::charts::stage_profile::{draw_stage_profile, ProfileRow};
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::checklist::placement::{AssessmentResult, Placement};

fn rows(result: &AssessmentResult) -> Vec<ProfileRow> {
    std::iter::once(ProfileRow::new("Overall", &result.overall))
        .chain(
            result
                .themes
                .iter()
                .map(|t| ProfileRow::new(&t.theme_name, &t.placement)),
        )
        .collect()
}

fn fit_cell(placement: &Placement, stage: Stage) -> String {
    let fit = placement.fit_of(stage);
    match fit.fit() {
        Some(value) => format!("{:.0}%", value * 100.0),
        None if fit.total == 0 => "–".into(),
        None => "no answers".into(),
    }
}

#[component]
pub fn StageProfile(
    result: Memo<Option<AssessmentResult>>,
    /// Puts the table behind "The same figures as a table" (on screen, beside the chart).
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    let summary = move || {
        result.with(|r| {
            r.as_ref().map(|r| {
                rows(r)
                    .iter()
                    .map(|row| {
                        format!(
                            "{}: {}",
                            row.label,
                            row.stage.map_or("no stage yet", Stage::name)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    };
    view! {
        <section class="stage-profile" aria-labelledby="profile-heading">
            // The heading, the chart and its key stay together on a printed page.
            <div class="keep-together">
            <h3 id="profile-heading">"Stage profile by theme"</h3>
            <ChartCanvas
                label=Signal::derive(move || format!("Stage profile chart. {}. The table below gives the same figures.", summary().unwrap_or_default()))
                draw=move |element| result.with(|r| match r {
                    Some(r) => draw_stage_profile(element, &rows(r)),
                    None => Ok(()),
                }) />
            <p class="chart-key">
                "Each cell gives how well that stage fits (the share of its features seen; darker fits better); the ringed cell is the stage placed by Waypoint's rule (Stabilise while a Stabilise concern is clearly seen). "
                <crate::components::ui::waypoint_key::WaypointMark />
            </p>
            </div>
            <details class="figures" open=!fold>
            <summary>"The same figures as a table"</summary>
            <div class="table-scroll" role="region" aria-label="Stage profile table" tabindex="0">
            <table class="profile-table">
                <caption>"Best fit and fit of each stage, by theme"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Theme"</th>
                        <th scope="col">"Best fit"</th>
                        {Stage::ALL.into_iter().map(|s| view! { <th scope="col" class="num">{s.name()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    // Fixed rows whose cells update in place: an answer changes a few
                    // texts instead of rebuilding the table.
                    {std::iter::once("Overall".to_string())
                        .chain(four_stages().themes.iter().map(|t| t.name.clone()))
                        .enumerate()
                        .map(|(index, name)| {
                            let placement = Memo::new(move |_| result.with(|r| r.as_ref().map(|r| match index {
                                0 => r.overall.clone(),
                                n => r.themes[n - 1].placement.clone(),
                            })));
                            let stage = move || placement.with(|p| p.as_ref().and_then(|p| p.stage));
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class=move || format!("stage-cell stage-{}", stage().map_or("none", Stage::id))>
                                        {move || stage().map_or("–", Stage::name)}
                                        {move || placement.with(|p| p.as_ref().is_some_and(Placement::is_tentative)).then_some(concat!(" (", "not clear-cut: read with care", ")"))}
                                        {move || placement.with(|p| p.as_ref().and_then(Placement::flag_note)).map(|n| view! { <span class="cell-flag">{format!(" {n}")}</span> })}
                                    </td>
                                    {Stage::ALL.into_iter().map(|s| view! {
                                        <td class="num">{move || placement.with(|p| p.as_ref().map_or("–".to_string(), |p| fit_cell(p, s)))}</td>
                                    }).collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            </div>
            </details>
        </section>
    }
}
