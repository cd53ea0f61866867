//! The half-termly dashboard for the board: each school's stage, category and level of
//! need, red flags, interventions by state, and what is due before the next dashboard.
//! A bar chart shows the interventions by state (it reads faster than the counts); the
//! table beside it holds the same figures. Printable, and downloadable as CSV.

use leptos::prelude::*;

use crate::browser;
use crate::components::plain_table::{cell, Cell, PlainTable};
use crate::domain::accountability::{
    dashboard, dashboard_csv, DashboardRow, PlanState, PLAN_STATE_RULE,
};
use crate::domain::content::four_stages;
use crate::domain::cycle::trust_cycle;
use crate::domain::dates::display;
use crate::domain::exchange::file_name;
use crate::state::AppState;

/// The states shown in the chart, in its order (stopped interventions are left out).
const CHARTED: [PlanState; 6] = [
    PlanState::Overdue,
    PlanState::OffTrack,
    PlanState::AtRisk,
    PlanState::NotReviewed,
    PlanState::OnTrack,
    PlanState::Done,
];

#[component]
pub fn DashboardPage() -> impl IntoView {
    browser::set_title("Half-termly dashboard – Waypoint");
    let state = expect_context::<AppState>();
    let today = StoredValue::new(browser::today_iso());
    let rows = move || {
        state
            .store
            .with(|s| dashboard(four_stages(), s, s.intervals(), &today.get_value()))
    };
    let problem = RwSignal::new(None::<String>);
    let download = move |_| {
        let rows = state
            .store
            .with_untracked(|s| dashboard(four_stages(), s, s.intervals(), &today.get_value()));
        let name = file_name("half-termly dashboard", &today.get_value(), "csv");
        problem.set(
            browser::download_text(&name, "text/csv", &dashboard_csv(&rows))
                .err()
                .map(|why| format!("The file could not be made: {why}.")),
        );
    };
    view! {
        <div class="report-toolbar no-print">
            <a href="#/trust">"Back to the trust overview"</a>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
            <button type="button" class="button" on:click=download>"Download (CSV)"</button>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
        </div>
        <article class="report board-page">
            <header class="board-head">
                <p class="report-kicker">"For the board"</p>
                <h1>"Half-termly dashboard"</h1>
                <p class="meta">{format!("Prepared {}", display(&today.get_value()))}</p>
                <blockquote class="source-quote">{trust_cycle().dashboard.clone()}
                    <span class="cite">" (the four-step cycle, step 4)"</span></blockquote>
            </header>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="empty-note">"No schools yet: assess a school or import your schools' files."</p> }.into_any();
                }
                view! {
                    <InterventionChart rows=rows.clone() />
                    <PlainTable caption="Each school at a glance".into()
                        head=vec!["School", "Stage", "Category", "Red flags", "Interventions", "Due before the next dashboard"]
                        rows=rows.iter().map(row_cells).collect() />
                    <p class="hint">{PLAN_STATE_RULE}</p>
                }.into_any()
            }}
        </article>
    }
}

fn row_cells(row: &DashboardRow) -> Vec<Cell> {
    let s = &row.summary;
    let stage = match (s.stage, &s.assessed_on) {
        (Some(stage), Some(on)) => format!("{stage}\nassessed {}", display(on)),
        (None, Some(on)) => format!("No stage yet\nassessed {}", display(on)),
        _ => "Not assessed".into(),
    };
    let category = match (s.category, &s.categorised_on) {
        (Some(c), Some(on)) => format!(
            "{} (decided {})\nWaypoint suggests: {}",
            c.short(),
            display(on),
            s.suggested
        ),
        _ => format!("Not categorised\nWaypoint suggests: {}", s.suggested),
    };
    let flags = if s.red_flags.is_empty() {
        cell("None", "")
    } else {
        cell(format!("⚑ {}", s.red_flags.len()), "flagged")
    };
    let counts: Vec<String> = CHARTED
        .iter()
        .zip(s.counts)
        .filter(|(_, n)| *n > 0)
        .map(|(state, n)| format!("{n} {}", state.label().to_lowercase()))
        .collect();
    let due: Vec<String> = row.due.iter().map(|d| d.text.clone()).collect();
    vec![
        s.name.clone().into(),
        stage.into(),
        category.into(),
        flags,
        if counts.is_empty() {
            "None".to_string()
        } else {
            counts.join("\n")
        }
        .into(),
        if due.is_empty() {
            "Nothing".to_string()
        } else {
            due.join("\n")
        }
        .into(),
    ]
}

/// Interventions by state, school by school: one bar each, as long as its number of
/// interventions, split by state.
#[component]
fn InterventionChart(rows: Vec<DashboardRow>) -> impl IntoView {
    let most = rows
        .iter()
        .map(|r| r.summary.counts[..6].iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    view! {
        <figure class="bar-chart">
            <figcaption>"Interventions by state, school by school"</figcaption>
            <ul class="bar-key" aria-hidden="true">
                {CHARTED.iter().map(|s| view! { <li><span class=format!("swatch seg-{}", s.id())></span>{s.label()}</li> }).collect_view()}
            </ul>
            {rows.into_iter().map(|row| {
                let s = row.summary;
                let total: usize = s.counts[..6].iter().sum();
                let words: Vec<String> = CHARTED.iter().zip(s.counts).filter(|(_, n)| *n > 0)
                    .map(|(st, n)| format!("{n} {}", st.label().to_lowercase())).collect();
                let label = if total == 0 { format!("{}: no interventions", s.name) } else { format!("{}: {}", s.name, words.join(", ")) };
                view! {
                    <div class="bar-row">
                        <span class="bar-label" dir="auto">{s.name.clone()}</span>
                        <span class="bar" role="img" aria-label=label style:width=format!("{}%", total * 100 / most)>
                            {CHARTED.iter().zip(s.counts).filter(|(_, n)| *n > 0).map(|(st, n)| view! {
                                <span class=format!("seg seg-{}", st.id()) style:flex-grow=n.to_string()>{n}</span>
                            }).collect_view()}
                        </span>
                        {(total == 0).then(|| view! { <span class="bar-none">"None"</span> })}
                    </div>
                }
            }).collect_view()}
        </figure>
    }
}
