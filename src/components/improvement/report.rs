//! The printable report of one assessment, laid out as a board pack: the result first,
//! then the change since last time and the school's intervention plan, next steps, every answer
//! with its evidence note, and the meanings of the terms used. The same view shows an
//! assessment opened from a share link.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::components::checklist::caveat_list::{CaveatList, RedFlags};
use crate::components::checklist::next_steps::NextStepsList;
use crate::components::checklist::result_panel::BestFit;
use crate::components::checklist::since_last::SinceLast;
use crate::components::checklist::stage_profile::StageProfile;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::dates::display;
use crate::domain::base::glossary::terms_in_all;
use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::changes::Baseline;
use crate::domain::checklist::placement::assess;
use crate::domain::improvement::plans::Intervention;

#[component]
pub fn Report(
    assessment: Memo<Option<Assessment>>,
    /// The school's current name.
    #[prop(into)]
    school_name: Signal<String>,
    /// The school's intervention plan (one per school).
    #[prop(into)]
    plans: Signal<Vec<Intervention>>,
    /// The earlier answers to compare with, if any.
    #[prop(into)]
    baseline: Signal<Option<Baseline>>,
    /// The date the report is made (yyyy-mm-dd), for the cover.
    prepared_on: String,
) -> impl IntoView {
    let today = StoredValue::new(prepared_on.clone());
    let result =
        Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| assess(four_stages(), a))));
    let text = move |f: fn(&Assessment) -> String| {
        move || assessment.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let terms = terms_in_all(
        four_stages()
            .features
            .iter()
            .map(|f| f.text.as_str())
            .chain(four_stages().themes.iter().map(|t| t.description.as_str())),
    );
    view! {
        <article class="report">
            <header class="report-cover">
                <p class="report-kicker">"School improvement self-assessment"</p>
                <h1 dir="auto">{move || school_name.get()}</h1>
                <dl class="report-facts">
                    <div><dt>"Scope"</dt><dd dir="auto">{text(|a| a.scope.describe())}</dd></div>
                    <div><dt>"Date of assessment"</dt><dd>{text(|a| display(&a.date))}</dd></div>
                    <div><dt>"Assessed by"</dt><dd dir="auto">{text(|a| if a.assessors.is_empty() { "Not recorded".into() } else { a.assessors.clone() })}</dd></div>
                    {move || category_fact(assessment.with(|a| a.as_ref().map(|a| a.school_id.clone())), &today.get_value())}
                    <div><dt>"Report prepared"</dt><dd>{display(&prepared_on)}</dd></div>
                </dl>
                <p class="report-source">"Framework: Sir David Carter's four stages of improving a school (Stabilise, Repair, Improve, Sustain) and their observable features. The answer scale, the placement rule and the six themes are Waypoint's."</p>
            </header>

            <section class="report-section" aria-labelledby="report-result">
                <h2 id="report-result">"Result"</h2>
                <div class="best-fit">
                    <RedFlags result=result />
                    <p class="best-fit-label">"Stage"</p>
                    <BestFit result=result />
                    <CaveatList assessment=assessment result=result />
                </div>
                <StageProfile result=result />
            </section>

            <Show when=move || baseline.with(Option::is_some)>
                <section class="report-section" aria-label="Change since last time">
                    <SinceLast assessment=assessment baseline=baseline />
                </section>
            </Show>

            <section class="report-section report-plan" aria-labelledby="report-plan">
                <h2 id="report-plan">"Intervention plan"</h2>
                <Show when=move || !plans.with(Vec::is_empty)
                    fallback=|| view! { <p>"No interventions have been commissioned for this school yet."</p> }>
                    <p class="hint">"The school's one intervention plan, shared by all its assessments."</p>
                    <table class="plan-table">
                        <colgroup><col class="col-target" /><col class="col-kind" /><col class="col-owner" /><col class="col-runs" /><col class="col-status" /></colgroup>
                        <thead><tr><th scope="col">"Target and success criteria"</th><th scope="col">"Kind"</th><th scope="col">"Owner"</th><th scope="col">"Runs"</th><th scope="col">"Status and reviews"</th></tr></thead>
                        <tbody>
                            {move || plans.get().into_iter().map(|p| view! {
                                <tr>
                                    <td dir="auto"><strong>{p.target.clone()}</strong>
                                        {(!p.focus.is_empty()).then(|| view! { <span class="cell-note">{format!("Area of need: {}", p.focus)}</span> })}
                                        <span class="cell-note">{format!("Success criteria: {}", p.success_criteria)}</span></td>
                                    <td>{p.kind.content().name.clone()}{(!p.partner.is_empty()).then(|| view! { <span class="cell-note" dir="auto">{format!("with {}", p.partner)}</span> })}</td>
                                    <td dir="auto">{p.owner.clone()}</td>
                                    <td>{format!("{} to {}", display(&p.start), display(&p.end))}<span class="cell-note">{format!("reviews every {} weeks", p.review_weeks)}</span></td>
                                    <td>{p.status.label()}
                                        {p.overdue(&today.get_value()).map(|o| view! { <span class="overdue-flag">{o.message()}</span> })}
                                        {p.reviews.iter().map(|r| view! {
                                            <span class="cell-note" dir="auto">{format!("{}: {}{}", display(&r.date), r.progress.label(),
                                                if r.note.is_empty() { String::new() } else { format!(" – {}", r.note) })}</span>
                                        }).collect_view()}
                                        {p.impact.as_deref().map(|i| view! {
                                            <span class="cell-note" dir="auto">{format!("Impact ({}): {}. Evidence: {}", display(&i.date), i.verdict.label(), i.evidence)}</span>
                                        })}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </Show>
            </section>

            <section class="report-section" aria-labelledby="report-next">
                <h2 id="report-next">"Next steps"</h2>
                <NextStepsList assessment=assessment stage=Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.fitted))) />
            </section>

            <section class="report-section report-answers" aria-labelledby="report-answers">
                <h2 id="report-answers">"Answers and evidence"</h2>
                <table class="answers-table">
                    <colgroup><col class="col-feature" /><col class="col-answer" /><col class="col-note" /></colgroup>
                    <thead><tr><th scope="col">"Observable feature"</th><th scope="col">"Answer"</th><th scope="col">"Evidence"</th></tr></thead>
                    {Stage::ALL.into_iter().map(|s| view! {
                        <tbody class=format!("stage-{}", s.id())>
                            <tr class="stage-row"><th scope="rowgroup" colspan="3" class=format!("report-stage stage-{}", s.id())>{s.name()}</th></tr>
                            {four_stages().features_of_stage(s).map(|f| {
                                let id = f.id.clone();
                                let id2 = f.id.clone();
                                view! {
                                    <tr>
                                        <td>{f.text.clone()}</td>
                                        <td class="answer-cell">{move || assessment.with(|a| a.as_ref().and_then(|a| a.level(&id)).map_or("Not answered", |l| l.label()))}</td>
                                        <td class="note-cell" dir="auto">{move || assessment.with(|a| a.as_ref().map(|a| {
                                            let note = a.answer(&id2).map(|x| x.note.clone()).unwrap_or_default();
                                            match a.source(&id2).and_then(crate::domain::improvement::cycle::diagnosis_label) {
                                                Some(source) => format!("{note} (source: {source})"),
                                                None => note,
                                            }
                                        }).unwrap_or_default())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    }).collect_view()}
                </table>
            </section>

            <section class="report-section report-terms" aria-labelledby="report-terms">
                <h2 id="report-terms">"Terms used"</h2>
                <dl class="glossary-list">
                    {terms.into_iter().map(|t| view! { <div><dt>{t.term}</dt><dd>{t.meaning}</dd></div> }).collect_view()}
                </dl>
            </section>
        </article>
    }
}

/// The school's category and what is due next, when the school is kept in this browser
/// (not for an assessment opened from a share link).
fn category_fact(school_id: Option<String>, today: &str) -> Option<impl IntoView> {
    let state = use_context::<crate::state::AppState>()?;
    let now = state.store.with(|s| {
        let school = s.school(school_id.as_deref()?)?;
        Some(crate::domain::improvement::categorisation::standing(
            s,
            school,
            s.intervals(),
            today,
        ))
    })?;
    let text = match &now.current {
        Some(c) => format!(
            "{} (decided {}). {}.",
            c.category.label(),
            display(&c.date),
            now.next.message()
        ),
        None => format!("{}.", now.next.message()),
    };
    Some(view! { <div><dt>"Category"</dt><dd>{text}</dd></div> })
}
