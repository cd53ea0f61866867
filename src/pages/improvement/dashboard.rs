//! The half-termly dashboard for the board: each school's stage, category and level of
//! need, red flags, interventions by state, and what is due before the next dashboard.
//! A bar chart shows the interventions by state (it reads faster than the counts); the
//! table below holds the same figures. Printable, and downloadable as CSV.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::plain_table::DocumentView;
use crate::domain::base::content::four_stages;
use crate::domain::base::dates::display;
use crate::domain::improvement::accountability::{dashboard, dashboard_csv, DashboardRow};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::improvement::papers::{counts_text, dashboard_paper, CHARTED};
use crate::domain::records::exchange::file_name;
use crate::state::AppState;

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
        let name = file_name("half-termly dashboard", &today.get_value(), "csv");
        problem.set(
            browser::download_text(&name, "text/csv", &dashboard_csv(&rows()))
                .err()
                .map(|why| format!("The file could not be made: {why}.")),
        );
    };
    view! {
        <div class="report-toolbar no-print">
            <a href="#/trust">"Back to the trust overview"</a>
            <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
            <button type="button" class="button" on:click=download>"Download (CSV)"</button>
            <p class="form-error" role="alert">{move || problem.get()}</p>
        </div>
        <article class="report board-page">
            <header class="board-head">
                <p class="report-kicker">"For the board"</p>
                <h1>"Half-termly dashboard"</h1>
                <p class="meta">{format!("Prepared {}", display(&today.get_value()))}</p>
                <blockquote class="source-quote">{format!("{}{}", trust_cycle().dashboard, crate::domain::improvement::papers::CYCLE_SOURCE)}</blockquote>
            </header>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="empty-note">"No schools yet: assess a school or import your schools' files."</p> }.into_any();
                }
                let blocks = dashboard_paper(&rows);
                view! { {chart(rows)} <DocumentView blocks=blocks /> }.into_any()
            }}
        </article>
    }
}

/// Interventions by state, school by school: one bar each, as long as its number of
/// interventions, split by state.
fn chart(rows: Vec<DashboardRow>) -> impl IntoView {
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
                let label = format!("{}: {}", s.name, counts_text(&s.counts, ", ").unwrap_or_else(|| "no interventions".into()));
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
