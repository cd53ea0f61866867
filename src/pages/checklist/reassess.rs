//! Reassessing: the date of the next assessment, which keeps the school and
//! scope and starts from the last answers and notes, each to be reviewed.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::draft::{draft, forget};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::dates::display;
use crate::domain::base::dates::Day;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::ChecklistEdit;
use crate::domain::records::edits::Edit;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn ReassessPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    browser::set_title("Reassess – Waypoint");
    let last = state.store.with_untracked(|s| {
        s.get(&id).map(|a| {
            let newer = s.newer_than(a).map(|n| (n.id.clone(), display(&n.date)));
            (a.clone(), s.school_name(&a.school_id).to_string(), newer)
        })
    });
    let Some((last, school, newer)) = last else {
        return view! {
            <NotFound what=Missing::Assessment />
        }
        .into_any();
    };
    let date = RwSignal::new(browser::today_iso());
    let date_confirmed = FarDateConfirmation::new();
    // What is typed is kept until the reassessment starts.
    let assessors_draft = format!("reassess-{id}-assessors");
    let assessors = draft(assessors_draft.clone(), last.assessors.clone());
    let assessors_draft = StoredValue::new(assessors_draft);
    let problems = RwSignal::new(Problems::new());
    let back = Route::Assessment(id.clone()).href();
    let last = StoredValue::new(last);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(date) = Day::parse(&date.get_untracked()) else {
            problems.set(vec![(
                "reassess-date".into(),
                "Enter the date of the new assessment as a real date.".into(),
            )]);
            return;
        };
        if let Some(why) = date_confirmed.problem(&date.iso()) {
            problems.set(vec![(FarDateConfirmation::box_id("reassess-date"), why)]);
            return;
        }
        let new_id = browser::new_id();
        let mut next = last.with_value(|a| a.reassess(new_id.clone(), date, browser::now_ms()));
        next.assessors = assessors.get_untracked();
        if state.send(Edit::Checklist(ChecklistEdit::AddAssessment(next))) {
            forget(&assessors_draft.get_value());
            browser::go_to(&Route::Assessment(new_id).href());
        }
    };
    let title = last.with_value(|a| a.title(&school));
    let was = last.with_value(|a| display(&a.date));
    view! {
        <section class="panel narrow">
            <p class="breadcrumb"><a href=back.clone()>"Back to the assessment"</a></p>
            <h1 dir="auto">{format!("Reassess {title}")}</h1>
            {newer.map(|(newer_id, on)| view! {
                <div class="prefill-banner" role="note">
                    <p><strong>{format!("There is a newer assessment of this school and scope, from {on}.")}</strong>
                        " Reassessing from this one starts from older answers. "
                        <a href=Route::Reassess(newer_id).href()>{format!("Reassess from the assessment of {on}")}</a></p>
                </div>
            })}
            <p class="lead">{format!("A new assessment of the same school and scope. It starts from the answers and notes of {was}: you review each one, keeping it or changing it, and Waypoint shows what moved.")}</p>
            <form on:submit=start novalidate>
                <ErrorSummary problems=problems />
                <DateField id="reassess-date" label="Date of the new assessment" value=date confirm=date_confirmed />
                <div class="field">
                    <label for="reassess-assessors">"Assessed by " <span class="optional">"(optional)"</span></label>
                    <input id="reassess-assessors" type="text" dir="auto" autocomplete="name"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || assessors.get()
                        on:input=move |ev| assessors.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">"Start the reassessment"</button>
                    <a class="button" href=back>"Cancel"</a>
                </div>
            </form>
        </section>
    }
    .into_any()
}
