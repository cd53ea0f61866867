//! One commissioned intervention: what, who, when, its status and reviews, flagged when
//! a review or the time limit has passed without a record.

use leptos::prelude::*;

use crate::browser;
use crate::components::improvement::impact_panel::ImpactPanel;
use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::dates::{display, Day};
use crate::domain::base::text::{clamp_chars, MAX_NOTE_CHARS};
use crate::domain::improvement::plans::{Progress, Review, Status};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::state::AppState;

#[component]
pub fn InterventionCard(
    id: String,
    /// The assessment the card is shown on, if any.
    here: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup = id.clone();
    let plan = Memo::new(move |_| state.store.with(|s| s.plan(&lookup).cloned()));
    // Where it was commissioned: this assessment, another of the school's, or its page.
    let origin = move |from: Option<&str>| match from {
        None => "Commissioned on the school overview".to_string(),
        Some(id) if Some(id) == here.as_deref() => "Commissioned from this assessment".to_string(),
        Some(id) => state.store.with_untracked(|s| match s.get(id) {
            Some(a) => format!(
                "Commissioned from the assessment of {} ({})",
                display(&a.date),
                a.scope.describe()
            ),
            None => "Commissioned from an assessment since deleted".to_string(),
        }),
    };
    let today = browser::today_iso();
    // What the review found, kept as a draft until saved; the form opens again with it.
    let review_note = crate::components::ui::draft::draft(format!("plan-{id}-review-note"), "");
    let reviewing = RwSignal::new(!review_note.get_untracked().is_empty());
    let review_date = RwSignal::new(today.clone());
    let review_date_confirmed = FarDateConfirmation::new();
    let review_progress = RwSignal::new(Progress::OnTrack);
    let problems = RwSignal::new(Problems::new());
    let field = StoredValue::new(format!("plan-{id}"));
    let f = move |name: &str| format!("{}-{name}", field.get_value());

    let status_id = id.clone();
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(status) = Status::from_id(&event_target_value(&ev)) {
            state.send(Edit::Improvement(ImprovementEdit::SetStatus {
                plan: status_id.clone(),
                status,
            }));
        }
    };
    let review_id = id.clone();
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = review_date.get_untracked();
        let Ok(date) = Day::parse(&typed) else {
            problems.set(vec![(
                f("date"),
                "Enter the date of the review as a real date.".into(),
            )]);
            return;
        };
        if let Some(why) = review_date_confirmed.problem(&typed) {
            problems.set(vec![(FarDateConfirmation::box_id(&f("date")), why)]);
            return;
        }
        let review = Review {
            date: Some(date),
            progress: review_progress.get_untracked(),
            note: review_note.get_untracked(),
        };
        state.send(Edit::Improvement(ImprovementEdit::RecordReview {
            plan: review_id.clone(),
            review,
        }));
        problems.set(Vec::new());
        review_note.set(String::new());
        reviewing.set(false);
    };
    let delete_id = id.clone();
    let delete = Callback::new(move |_: ()| {
        state.send(Edit::Improvement(ImprovementEdit::RemoveIntervention {
            plan: delete_id.clone(),
        }));
    });

    let today_flag = today.clone();
    move || {
        plan.get().map(|p| {
            let overdue = p.overdue(&today_flag).map(|o| o.message());
            let is_overdue = overdue.is_some();
            let next = p.next_review(&today_flag);
            let content = p.kind.content();
            let record = record.clone();
            let (status_id, fs, fp, fd, fn_) = (f("status"), f("status"), f("progress"), f("date"), f("note"));
            view! {
                <article class="intervention" class:overdue=is_overdue
                    aria-label=format!("Intervention: {}", p.target)>
                    <header class="intervention-head">
                        <p class="intervention-kind">{content.name.clone()}
                            {(!p.partner.is_empty()).then(|| view! { <span dir="auto">{format!(" with {}", p.partner)}</span> })}
                        </p>
                        <h3 dir="auto">{p.target.clone()}</h3>
                        <p class="intervention-origin">{origin(p.assessment_id.as_deref())}</p>
                        {overdue.map(|o| view! { <p class="overdue-flag" role="status"><span aria-hidden="true">"⚠ "</span>{o}</p> })}
                    </header>
                    <dl class="intervention-facts">
                        {(!p.focus.is_empty()).then(|| view! { <div><dt>"Area of need"</dt><dd dir="auto">{p.focus.clone()}</dd></div> })}
                        <div><dt>"Owner"</dt><dd dir="auto">{p.owner.clone()}</dd></div>
                        <div><dt>"Runs"</dt><dd>{format!("{} to {}", display(&p.start), display(&p.end))}</dd></div>
                        <div><dt>"Reviews"</dt><dd>{format!("Every {} week{}{}", p.review_weeks, if p.review_weeks == 1 { "" } else { "s" },
                            next.map(|n| format!("; next {}", display(&n))).unwrap_or_default())}</dd></div>
                        <div class="wide"><dt>"Success criteria"</dt><dd dir="auto">{p.success_criteria.clone()}</dd></div>
                    </dl>
                    <div class="intervention-status no-print">
                        <label for=status_id>"Status"</label>
                        <select id=fs on:change=set_status.clone()>
                            {Status::ALL.into_iter().map(|s| view! {
                                <option value=s.id() selected=p.status == s>{s.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <p class="print-only">{format!("Status: {}", p.status.label())}</p>
                    {(!p.reviews.is_empty()).then(|| view! {
                        <h4>"Reviews"</h4>
                        <ul class="review-list">
                            {p.reviews.iter().map(|r| view! {
                                <li><strong>{format!("{}: {}", display(&r.date), r.progress.label())}</strong>
                                    {(!r.note.is_empty()).then(|| view! { <span class="review-note" dir="auto">{format!(" – {}", r.note)}</span> })}</li>
                            }).collect_view()}
                        </ul>
                    })}
                    <ImpactPanel plan=p.id.clone() />
                    <div class="no-print">
                        <Show when=move || reviewing.get() fallback=move || view! {
                            <button type="button" class="button" on:click=move |_| reviewing.set(true)>"Record a review"</button>
                        }>
                            <form class="review-form" on:submit=record.clone() novalidate>
                                <ErrorSummary problems=problems />
                                <div class="field-row">
                                    <DateField id=fd.clone() label="Review date" value=review_date confirm=review_date_confirmed />
                                    <div class="field">
                                        <label for=fp.clone()>"Progress"</label>
                                        <select id=fp.clone() on:change=move |ev| {
                                            if let Some(p) = Progress::from_id(&event_target_value(&ev)) { review_progress.set(p) }
                                        }>
                                            {Progress::ALL.into_iter().map(|p| view! {
                                                <option value=p.id() selected=move || review_progress.get() == p>{p.label()}</option>
                                            }).collect_view()}
                                        </select>
                                    </div>
                                </div>
                                <div class="field">
                                    <label for=fn_.clone()>"What the review found"</label>
                                    <textarea id=fn_.clone() rows="2" dir="auto" prop:value=move || review_note.get()
                                        on:input=move |ev| review_note.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
                                </div>
                                <div class="actions">
                                    <button type="submit" class="button primary">"Save review"</button>
                                    <button type="button" class="button" on:click=move |_| reviewing.set(false)>"Cancel"</button>
                                </div>
                            </form>
                        </Show>
                        <ConfirmDelete question="Delete this intervention and its reviews?" on_confirm=delete />
                    </div>
                </article>
            }
        })
    }
}
