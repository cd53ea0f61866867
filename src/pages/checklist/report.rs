//! An assessment's report, laid out for printing ("Save as PDF" in the print dialog).

use crate::domain::improvement::TrustRecords;
use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::improvement::report::Report;
use crate::domain::checklist::assessment::Assessment;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup = id.clone();
    let assessment: Memo<Option<Assessment>> =
        Memo::new(move |_| state.store.with(|s| s.get(&lookup).cloned()));
    // The school's one intervention plan, and the earlier answers to compare with.
    let plans = Signal::derive(move || {
        assessment.with(|a| {
            a.as_ref().map_or_else(Vec::new, |a| {
                state
                    .store
                    .with(|s| s.plans_of(&a.school_id).cloned().collect::<Vec<_>>())
            })
        })
    });
    let baseline = Signal::derive(move || {
        assessment.with(|a| {
            a.as_ref().and_then(|a| {
                state
                    .store
                    .with(|s| crate::domain::checklist::changes::baseline(s, a))
            })
        })
    });
    let school_name = state.school_name_of(assessment);
    Effect::new(move |_| {
        if let Some(title) = assessment.with(|a| a.as_ref().map(|a| a.title(&school_name.get()))) {
            browser::set_title(&format!("{title} – report – Waypoint"));
        }
    });
    let back = Route::Assessment(id).href();
    view! {
        <Show when=move || assessment.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Assessment />
        }>
            <div class="report-toolbar no-print">
                <a href=back.clone()>"Back to the assessment"</a>
                <button type="button" class="button primary" on:click=|_| browser::print()>"Print or save as PDF"</button>
                <p class="hint">"In the print dialog, choose “Save as PDF” to keep a copy or send it to a board."</p>
            </div>
            <Report assessment=assessment school_name=school_name plans=plans baseline=baseline prepared_on=browser::today_iso() />
        </Show>
    }
}
