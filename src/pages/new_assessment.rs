//! Starting an assessment: school, scope, date and assessors.

use leptos::prelude::*;

use crate::browser;
use crate::components::details_form::DetailsForm;
use crate::domain::assessment::{Assessment, AssessmentDetails, Scope};
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    browser::set_title("New assessment – Waypoint");
    let state = expect_context::<AppState>();
    let initial = AssessmentDetails {
        school: String::new(),
        scope: Scope::WholeSchool,
        date: browser::today_iso(),
        assessors: String::new(),
        phase: None,
    };
    let create = Callback::new(move |details: AssessmentDetails| {
        let id = browser::new_id();
        let assessment = Assessment::new(id.clone(), details, browser::now_ms());
        state.edit(|store| store.add(assessment));
        browser::go_to(&Route::Assessment(id).href());
    });
    let cancel = Callback::new(|_: ()| browser::go_to(&Route::Home.href()));
    view! {
        <section class="panel narrow">
            <h1>"New assessment"</h1>
            <p class="lead">
                "Assess the whole school, or one team, subject or year group: they often move through the stages at different rates."
            </p>
            <DetailsForm initial=initial submit_label="Start assessment" on_submit=create on_cancel=cancel />
        </section>
    }
}
