//! Starting an assessment: school, scope, date and assessors.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::browser;
use crate::components::checklist::details_form::DetailsForm;
use crate::domain::base::school::{School, SchoolChoice};
use crate::domain::checklist::assessment::{Assessment, AssessmentDetails, Scope};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{ChecklistEdit, SchoolEdit};
use crate::route::Route;
use crate::state::AppState;

/// The page's introduction, drawn before the app is in by index.html's first screen of
/// `#/new` (kept word for word by tests/e2e/firstscreen.test.mjs).
pub const NEW_ASSESSMENT_LEAD: &str = "Assess the whole school, or one team, subject or year group: they often move through the stages at different rates.";

#[component]
pub fn NewAssessmentPage(
    /// The school it is for, when coming from that school's page.
    school: Option<String>,
) -> impl IntoView {
    browser::set_title("New assessment – Waypoint");
    let state = expect_context::<AppState>();
    // Only a school that is kept here is filled in.
    let kept = school.and_then(|id| {
        state
            .store
            .with_untracked(|s| s.school(&id).map(|x| (id.clone(), x.name.clone())))
    });
    let back = kept.as_ref().map_or(Route::Home.href(), |(id, _)| {
        Route::School(id.clone()).href()
    });
    let initial = AssessmentDetails {
        school: kept.as_ref().map(|(_, n)| n.clone()).unwrap_or_default(),
        scope: Scope::WholeSchool,
        date: browser::today_iso(),
        assessors: String::new(),
        phase: None,
    };
    // Typed text is kept per school until the assessment starts.
    let draft_key = format!(
        "new-assessment-{}",
        kept.as_ref().map_or("any", |(id, _)| id.as_str())
    );
    let forget_key = draft_key.clone();
    let create = Callback::new(
        move |(details, choice): (AssessmentDetails, SchoolChoice)| {
            let id = browser::new_id();
            let (school_id, mut edits) = school_edits(choice);
            edits.push(Edit::Checklist(ChecklistEdit::AddAssessment(
                Assessment::new(id.clone(), school_id, details, browser::now_ms()),
            )));
            if state.send(Edit::Batch(edits)) {
                crate::components::checklist::details_form::forget_details_draft(&forget_key);
                browser::go_to(&Route::Assessment(id).href());
            }
        },
    );
    let cancel = Callback::new(move |_: ()| browser::go_to(&back));
    view! {
        <section class="panel narrow">
            <h1>"New assessment"</h1>
            <p class="lead">{NEW_ASSESSMENT_LEAD}</p>
            <DetailsForm initial=initial school_id=kept.map(|(id, _)| id) submit_label="Start assessment" draft_key=draft_key.clone() on_submit=create on_cancel=cancel />
        </section>
    }
}

/// The school's id for a form's choice, and the edit that adds it if it is new.
pub fn school_edits(choice: SchoolChoice) -> (String, Vec<Edit>) {
    match choice {
        SchoolChoice::Existing(id) => (id, Vec::new()),
        SchoolChoice::New(name) => {
            let id = browser::new_id();
            let school = School::new(id.clone(), &name, browser::now_ms());
            (id, vec![Edit::Schools(SchoolEdit::AddSchool(school))])
        }
    }
}
