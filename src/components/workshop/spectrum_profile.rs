//! The four areas on the spectrum (chart), with the same figures as a table.

use leptos::prelude::*;

use crate::charts::spectrum::{draw_spectrum, SpectrumRow};
use crate::components::ui::chart_canvas::ChartCanvas;
use crate::domain::workshop::aas::{AreaResult, Position, WorkshopResults, POSITIONS_NOTE};

/// A mean position in words, e.g. "Aligned (2.3)".
pub fn describe_position(value: Option<f64>) -> String {
    value.map_or("–".into(), |v| {
        format!("{} ({v:.1})", Position::nearest(v).label())
    })
}

/// A gap in words: towards standardisation or towards autonomy.
pub fn describe_gap(gap: Option<f64>) -> String {
    match gap {
        None => "–".into(),
        Some(g) if g.abs() < 0.05 => "none".into(),
        Some(g) if g > 0.0 => format!("{g:.1} towards standardisation"),
        Some(g) => format!("{:.1} towards autonomy", -g),
    }
}

fn rows(results: &WorkshopResults) -> Vec<&AreaResult> {
    results
        .areas
        .iter()
        .chain(std::iter::once(&results.overall))
        .collect()
}

#[component]
pub fn SpectrumProfile(results: Memo<WorkshopResults>) -> impl IntoView {
    let summary = move || {
        results.with(|r| {
            rows(r)
                .iter()
                .map(|a| {
                    format!(
                        "{}: now {}, wanted {}",
                        a.name,
                        describe_position(a.mean_now),
                        describe_position(a.mean_desired)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <section class="spectrum-profile" aria-labelledby="spectrum-heading">
            <h2 id="spectrum-heading">"Where each area stands"</h2>
            <ChartCanvas wide=true
                label=Signal::derive(move || format!("Spectrum chart. {}. The table below gives the same figures.", summary()))
                draw=move |element| {
                    let chart_rows: Vec<SpectrumRow> = results.with(|r| {
                        rows(r)
                            .into_iter()
                            .map(|a| SpectrumRow { label: a.name.clone(), now: a.mean_now, desired: a.mean_desired })
                            .collect()
                    });
                    draw_spectrum(element, &chart_rows)
                } />
            <p class="chart-key">"Hollow dot: where it is now (the mean of everyone's answers). Filled dot: where the trust wants it. "{POSITIONS_NOTE}</p>
            <div class="table-scroll" role="region" aria-label="Areas table" tabindex="0">
                <table class="profile-table">
                    <caption>"Mean positions by area (0 autonomous – 4 standardised)"</caption>
                    <thead><tr>
                        <th scope="col">"Area"</th><th scope="col">"Now"</th><th scope="col">"Wanted"</th>
                        <th scope="col">"Gap"</th><th scope="col" class="num">"Disagreement"</th>
                    </tr></thead>
                    <tbody>
                        {move || results.with(|r| rows(r).into_iter().map(|a| view! {
                            <tr>
                                <th scope="row">{a.name.clone()}</th>
                                <td>{describe_position(a.mean_now)}</td>
                                <td>{describe_position(a.mean_desired)}</td>
                                <td>{describe_gap(a.gap)}</td>
                                <td class="num">{a.mean_disagreement.map_or("–".into(), |d| format!("{d:.1}"))}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
