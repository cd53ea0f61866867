//! The printable report of one assessment: a cover, the result with its chart, next
//! steps, every answer with its evidence note, and the action plan. The same view shows
//! an assessment opened from a share link.

use leptos::prelude::*;

use crate::components::caveat_list::CaveatList;
use crate::components::next_steps::NextStepsList;
use crate::components::stage_badge::StageBadge;
use crate::components::stage_profile::StageProfile;
use crate::domain::assessment::Assessment;
use crate::domain::content::{four_stages, Stage};
use crate::domain::dates::display;
use crate::domain::placement::assess;
use crate::domain::plan::Intervention;

#[component]
pub fn Report(
    assessment: Memo<Option<Assessment>>,
    /// The school's current name.
    #[prop(into)]
    school_name: Signal<String>,
    #[prop(into)] plans: Signal<Vec<Intervention>>,
    /// The date the report is made, for the cover.
    prepared_on: String,
) -> impl IntoView {
    let today = StoredValue::new(prepared_on.clone());
    let result =
        Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| assess(four_stages(), a))));
    let stage = Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.stage)));
    let text = move |f: fn(&Assessment) -> String| {
        move || assessment.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    view! {
        <article class="report">
            <header class="report-cover">
                <p class="report-kicker">"School improvement self-assessment"</p>
                <h1 dir="auto">{move || school_name.get()}</h1>
                <dl class="report-facts">
                    <div><dt>"Scope"</dt><dd dir="auto">{text(|a| a.scope.describe())}</dd></div>
                    <div><dt>"Date of assessment"</dt><dd>{text(|a| display(&a.date))}</dd></div>
                    <div><dt>"Assessed by"</dt><dd dir="auto">{text(|a| if a.assessors.is_empty() { "Not recorded".into() } else { a.assessors.clone() })}</dd></div>
                    <div><dt>"Report prepared"</dt><dd>{prepared_on}</dd></div>
                    {move || category_fact(assessment.with(|a| a.as_ref().map(|a| a.school_id.clone())), &today.get_value())}
                </dl>
                <p class="report-source">"Framework: Sir David Carter's four stages of improving a school (Stabilise, Repair, Improve, Sustain) and their observable features."</p>
            </header>

            <section class="report-section" aria-labelledby="report-result">
                <h2 id="report-result">"Result"</h2>
                <p class="best-fit-stage">"Best-fit stage: " <StageBadge stage=stage /></p>
                <CaveatList assessment=assessment result=result />
                <StageProfile result=result />
            </section>

            <section class="report-section" aria-labelledby="report-next">
                <h2 id="report-next">"Next steps"</h2>
                <NextStepsList assessment=assessment stage=Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.fitted))) />
            </section>

            <section class="report-section report-answers" aria-labelledby="report-answers">
                <h2 id="report-answers">"Answers and evidence"</h2>
                {Stage::ALL.into_iter().map(|s| view! {
                    <h3 class=format!("report-stage stage-{}", s.id())>{s.name()}</h3>
                    <div class="table-scroll">
                        <table class="answers-table">
                            <thead><tr><th scope="col">"Observable feature"</th><th scope="col">"Answer"</th><th scope="col">"Evidence"</th></tr></thead>
                            <tbody>
                                {four_stages().features_of_stage(s).map(|f| {
                                    let id = f.id.clone();
                                    let id2 = f.id.clone();
                                    view! {
                                        <tr>
                                            <td>{f.text.clone()}</td>
                                            <td class="answer-cell">{move || assessment.with(|a| a.as_ref().and_then(|a| a.level(&id)).map_or("Not answered", |l| l.label()))}</td>
                                            <td class="note-cell" dir="auto">{move || assessment.with(|a| a.as_ref().map(|a| {
                                                let note = a.answer(&id2).map(|x| x.note.clone()).unwrap_or_default();
                                                match a.source(&id2).and_then(crate::domain::cycle::diagnosis_label) {
                                                    Some(source) => format!("{note} (source: {source})"),
                                                    None => note,
                                                }
                                            }).unwrap_or_default())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }).collect_view()}
            </section>

            <Show when=move || !plans.with(Vec::is_empty)>
                <section class="report-section report-plan" aria-labelledby="report-plan">
                    <h2 id="report-plan">"Action plan"</h2>
                    {move || plans.get().into_iter().map(|p| view! {
                        <div class="report-intervention">
                            <h3 dir="auto">{p.target.clone()}</h3>
                            <p>{p.kind.content().name.clone()}
                                {(!p.partner.is_empty()).then(|| format!(" with {}", p.partner))}
                                {format!(" · Owner: {} · {} to {} · Reviews every {} weeks · Status: {}",
                                    p.owner, display(&p.start), display(&p.end), p.review_weeks, p.status.label())}</p>
                            {(!p.focus.is_empty()).then(|| view! { <p dir="auto">{format!("Area of need: {}", p.focus)}</p> })}
                            <p dir="auto">{format!("Success criteria: {}", p.success_criteria)}</p>
                            {p.overdue(&today.get_value()).map(|o| view! { <p class="overdue-flag">{o.message()}</p> })}
                            {p.reviews.iter().map(|r| view! {
                                <p class="report-review" dir="auto">{format!("Review {}: {}{}", display(&r.date), r.progress.label(),
                                    if r.note.is_empty() { String::new() } else { format!(" – {}", r.note) })}</p>
                            }).collect_view()}
                            {p.impact.as_deref().map(|i| view! {
                                <p class="report-review" dir="auto">{format!("Impact ({}): {}. Evidence: {}", display(&i.date), i.verdict.label(), i.evidence)}</p>
                            })}
                        </div>
                    }).collect_view()}
                </section>
            </Show>
        </article>
    }
}

/// The school's category and what is due next, when the school is kept in this browser
/// (not for an assessment opened from a share link).
fn category_fact(school_id: Option<String>, today: &str) -> Option<impl IntoView> {
    let state = use_context::<crate::state::AppState>()?;
    let now = state.store.with(|s| {
        let school = s.school(school_id.as_deref()?)?;
        Some(crate::domain::categorise::standing(
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
