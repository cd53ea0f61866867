//! Taking an assessment: the features to answer beside the live result.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::checklist::details_form::DetailsForm;
use crate::components::checklist::feature_list::{FeatureList, Grouping};
use crate::components::checklist::prefill_banner::PrefillBanner;
use crate::components::checklist::progress::AnswerProgress;
use crate::components::checklist::result_panel::ResultPanel;
use crate::components::checklist::view_switch::{show, Shown, ViewSwitch};
use crate::components::improvement::intervention_plan::InterventionPlan;
use crate::components::records::export_panel::ExportPanel;
use crate::components::records::share_panel::SharePanel;
use crate::components::ui::save_status::SaveStatusNote;
use crate::domain::base::content::four_stages;
use crate::domain::base::dates::{display, Day};
use crate::domain::base::school::SchoolChoice;
use crate::domain::checklist::assessment::{Assessment, AssessmentDetails};
use crate::domain::checklist::placement::assess;
use crate::domain::records::edits::ChecklistEdit;
use crate::domain::records::edits::Edit;
use crate::domain::records::exchange::Selection;
use crate::pages::checklist::new_assessment::school_edits;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn AssessmentPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let exists = Memo::new(move |_| state.store.with(|s| s.get(&lookup_id).is_some()));
    view! {
        <Show
            when=move || exists.get()
            fallback=|| view! {
                <NotFound what=Missing::Assessment />
            }
        >
            <AssessmentView id=id.clone() />
        </Show>
    }
}

#[component]
fn AssessmentView(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let assessment: Memo<Option<Assessment>> =
        Memo::new(move |_| state.store.with(|s| s.get(&lookup_id).cloned()));
    let result =
        Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| assess(four_stages(), a))));
    let text = move |f: fn(&Assessment) -> String| {
        move || assessment.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let school_name = state.school_name_of(assessment);
    let title =
        Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| a.title(&school_name.get()))));
    Effect::new(move |_| {
        if let Some(title) = title.get() {
            browser::set_title(&format!("{title} – Waypoint"));
        }
    });

    // The details form opens again, with what was typed, after a reload or a visit
    // elsewhere; its text is kept until it is saved.
    let details_draft = StoredValue::new(format!("edit-details-{id}"));
    let editing_flag = move || format!("{}-open", details_draft.get_value());
    let editing = RwSignal::new(crate::components::ui::draft::has_draft(&editing_flag()));
    Effect::new(move |_| {
        crate::components::ui::draft::write_draft_flag(&editing_flag(), editing.get())
    });
    let grouping = RwSignal::new(Grouping::ByStage);
    let step = RwSignal::new(assessment.with_untracked(|a| {
        a.as_ref().map_or(
            0,
            crate::components::checklist::feature_list::first_open_part,
        )
    }));
    let edit_id = id.clone();
    let save_details = Callback::new(
        move |(details, choice): (AssessmentDetails, SchoolChoice)| {
            // The form sends only details without problems, so the date is a real one.
            let Some(date) = details.day() else {
                return;
            };
            let (school_id, mut edits) = school_edits(choice);
            edits.push(Edit::Checklist(ChecklistEdit::SetDetails {
                assessment: edit_id.clone(),
                school_id,
                scope: details.scope,
                date,
                assessors: details.assessors,
                phase: details.phase,
            }));
            if state.send(Edit::Batch(edits)) {
                crate::components::checklist::details_form::forget_details_draft(
                    &details_draft.get_value(),
                );
                editing.set(false);
            }
        },
    );
    let stop_editing = Callback::new(move |_: ()| editing.set(false));
    // Themes as areas of need, weakest first, for commissioning interventions.
    let focus_options = Signal::derive(move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| r.themes_weakest_first())
                .unwrap_or_default()
        })
    });
    let answered = Signal::derive(move || {
        assessment.with(|a| a.as_ref().map_or(0, |a| a.answered_count(four_stages())))
    });
    // A narrow screen shows the questions or the result, one at a time.
    let shown = RwSignal::new(Shown::Questions);
    let see_result = Callback::new(move |_: ()| show(shown, Shown::Result));
    let back_to_questions = Callback::new(move |_: ()| show(shown, Shown::Questions));

    view! {
        <div class="assessment-head">
            <p class="breadcrumb">
                <a href="#/">"Your assessments"</a>
                <span aria-hidden="true">" › "</span>
                <a href=move || assessment.with(|a| a.as_ref().map(|a| Route::School(a.school_id.clone()).href()))
                    dir="auto">{move || school_name.get()}</a>
            </p>
            <h1 dir="auto">{move || school_name.get()}</h1>
            <p class="meta">
                <span class="scope" dir="auto">{text(|a| a.scope.describe())}</span>
                <span aria-hidden="true">" · "</span>
                <span>"Assessed "<time datetime=text(|a| a.date.map(Day::iso).unwrap_or_default())>{text(|a| display(&a.date))}</time></span>
                <Show when=move || assessment.with(|a| a.as_ref().is_some_and(|a| !a.assessors.is_empty()))>
                    <span aria-hidden="true">" · "</span>
                    <span dir="auto">"by "{text(|a| a.assessors.clone())}</span>
                </Show>
            </p>
            <div class="head-actions">
                <button type="button" class="button" on:click=move |_| editing.update(|e| *e = !*e)
                    aria-expanded=move || editing.get().to_string()>
                    "Edit details"
                </button>
                <SaveStatusNote />
            </div>
            <PrefillBanner assessment=assessment />
            <Show when=move || editing.get()>
                <div class="panel details-editor">
                    <h2>"Assessment details"</h2>
                    <DetailsForm
                        initial=assessment.get_untracked().as_ref().map(|a| a.details(&school_name.get_untracked())).unwrap_or_else(blank_details)
                        submit_label="Save details"
                        draft_key=details_draft.get_value()
                        on_submit=save_details
                        on_cancel=stop_editing
                    />
                </div>
            </Show>
        </div>
        <ViewSwitch shown=shown result=result answered=answered total=four_stages().features.len() />
        <div class="assessment-body" data-shown=move || shown.get().id()>
        <div class="assessment-layout">
            <section class="questions" aria-labelledby="questions-heading">
                <div class="questions-toolbar">
                    <h2 id="questions-heading">"Observable features"</h2>
                    <AnswerProgress answered=answered total=four_stages().features.len() />
                    <fieldset class="segmented">
                        <legend>"Answer the features"</legend>
                        {[Grouping::ByStage, Grouping::ByTheme].into_iter().map(|g| {
                            let input_id = format!("grouping-{}", g.id());
                            view! {
                                <input type="radio" name="grouping" id=input_id.clone() value=g.id()
                                    prop:checked=move || grouping.get() == g
                                    on:change=move |_| { step.set(0); grouping.set(g) } />
                                <label for=input_id>{g.label()}</label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <Show when=move || grouping.get() == Grouping::ByTheme>
                        <p class="hint themes-note">{crate::domain::base::content::THEMES_NOTE}" "<crate::components::ui::waypoint_key::WaypointMark /></p>
                    </Show>
                    <crate::components::ui::waypoint_key::WaypointKey glossary=true />
                </div>
                <FeatureList assessment_id=id.clone() grouping=grouping step=step see_result=see_result />
            </section>
            <aside class="result" aria-labelledby="result-heading">
                <ResultPanel assessment=assessment result=result back_to_questions=back_to_questions baseline=Signal::derive(move || assessment.with(|a| {
                    a.as_ref().and_then(|a| state.store.with(|s| crate::domain::checklist::changes::baseline(s, a)))
                })) />
            </aside>
        <div class="after-assessment">
            <InterventionPlan school=Signal::derive(text(|a| a.school_id.clone())) assessment_id=Some(id.clone())
                focus_options=focus_options />
            <section class="panel no-print keep-panel" aria-labelledby="keep-heading">
                <h2 id="keep-heading">"Report, files and sharing"</h2>
                <p><a class="button primary" href=Route::Report(id.clone()).href()>"Open the printable report"</a>
                    " For a meeting or a board: the result, the change since last time and the intervention plan, then every answer and note."</p>
                <p>"Download this assessment and the school's intervention plan, to send or keep as a backup:"</p>
                <ExportPanel selection=Signal::stored(Selection::Assessment(id.clone()))
                    title=Signal::derive(move || title.get().unwrap_or_default()) />
                <SharePanel assessment=assessment />
            </section>
        </div>
        </div>
        </div>
    }
}

/// Only reached if the assessment vanished between the check and the render.
fn blank_details() -> AssessmentDetails {
    AssessmentDetails {
        school: String::new(),
        scope: crate::domain::checklist::assessment::Scope::WholeSchool,
        date: browser::today_iso(),
        assessors: String::new(),
        phase: None,
    }
}
