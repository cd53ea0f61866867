//! A stage grid chart with the same data as a table beside it.

use leptos::prelude::*;

use crate::charts::stage_grid::{draw_stage_grid, GridRow};
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::domain::base::content::Stage;

#[component]
pub fn StageGrid(
    /// What the rows are, e.g. "Team".
    corner: &'static str,
    caption: &'static str,
    columns: Signal<Vec<String>>,
    rows: Signal<Vec<GridRow>>,
) -> impl IntoView {
    let label = move || {
        rows.with(|rows| {
            let cols = columns.get();
            rows.iter()
                .map(|r| {
                    let cells: Vec<String> = cols
                        .iter()
                        .zip(&r.cells)
                        .map(|(c, s)| format!("{c} {}", s.map_or("no stage", Stage::name)))
                        .collect();
                    format!("{}: {}", r.label, cells.join(", "))
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <div class="grid-chart">
            <ChartCanvas wide=true
                label=Signal::derive(move || format!("{caption}. {}. The table below gives the same.", label()))
                draw=move |element| columns.with(|c| rows.with(|r| draw_stage_grid(element, c, r))) />
        </div>
        <div class="table-scroll" role="region" aria-label=caption tabindex="0">
            <table class="profile-table grid-table">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{corner}</th>
                    {move || columns.get().into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr>
                            <th scope="row" dir="auto">{r.label}</th>
                            {r.cells.into_iter().map(|s| view! {
                                <td class=format!("stage-cell stage-{}", s.map_or("none", Stage::id))>{s.map_or("–", Stage::name)}</td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
