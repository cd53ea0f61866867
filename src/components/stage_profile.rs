//! The stage profile chart and, for screen readers and print, the same data as a table.

use leptos::prelude::*;

use crate::charts::stage_profile::{draw_stage_profile, ProfileRow};
use crate::components::chart_canvas::ChartCanvas;
use crate::domain::content::Stage;
use crate::domain::placement::{AssessmentResult, Placement};

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
pub fn StageProfile(result: Memo<Option<AssessmentResult>>) -> impl IntoView {
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
            <h3 id="profile-heading">"Stage profile by theme"</h3>
            <ChartCanvas
                label=Signal::derive(move || format!("Stage profile chart. {}. The table below gives the same figures.", summary().unwrap_or_default()))
                draw=move |element| result.with(|r| match r {
                    Some(r) => draw_stage_profile(element, &rows(r)),
                    None => Ok(()),
                }) />
            <p class="chart-key">
                "Shading shows how well each stage fits (darker fits better); the ringed cell is the best fit."
            </p>
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
                    {move || result.with(|r| r.as_ref().map(|r| {
                        std::iter::once(("Overall".to_string(), r.overall.clone()))
                            .chain(r.themes.iter().map(|t| (t.theme_name.clone(), t.placement.clone())))
                            .map(|(name, placement)| view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class=format!("stage-cell stage-{}", placement.stage.map_or("none", Stage::id))>
                                        {placement.stage.map_or("–", Stage::name)}
                                        {placement.is_tentative().then_some(" (tentative)")}
                                    </td>
                                    {Stage::ALL.into_iter().map(|s| view! { <td class="num">{fit_cell(&placement, s)}</td> }).collect_view()}
                                </tr>
                            })
                            .collect_view()
                    }))}
                </tbody>
            </table>
            </div>
        </section>
    }
}
