//! A school's category (level of need) as the board decided it: the decision in force,
//! Waypoint's suggestion beside it, what falls due next, warnings about stale evidence,
//! the form to record a categorisation or its review, and every decision before.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::components::ui::draft::{draft, has_draft, write_draft_flag};

use crate::browser;
use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::components::ui::plain_table::PlainTable;
use crate::domain::base::dates::display;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::improvement::categorisation::{
    category_rules, history, record, standing, Category, CategoryForm, Decision, DueState,
};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::state::AppState;

#[component]
pub fn CategoryPanel(
    /// The school's id.
    school: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(school);
    let today = StoredValue::new(browser::today_iso());
    let now = move || {
        state.store.with(|s| {
            s.school(&key.get_value())
                .map(|school| standing(s, school, s.intervals(), &today.get_value()))
        })
    };
    let d = move |what: &str| format!("category-{}-{what}", key.get_value());
    // Open again, with what was typed, after a re-render or a visit elsewhere.
    let open = RwSignal::new(has_draft(&d("open")));
    Effect::new(move |_| write_draft_flag(&d("open"), open.get()));
    // Corrects a decision recorded by mistake (the toast offers to undo it).
    let remove_newest = Callback::new(move |()| {
        let newest = state
            .store
            .with_untracked(|s| history(s, &key.get_value()).first().map(|c| c.id.clone()));
        if let Some(id) = newest {
            state.send(Edit::Improvement(ImprovementEdit::RemoveCategorisation {
                id,
            }));
        }
    });
    // Ids, not values, so the form's signals are of a type the app already has.
    let decision = RwSignal::new(Decision::Categorisation.id().to_string());
    let date = RwSignal::new(today.get_value());
    let date_confirmed = FarDateConfirmation::new();
    let category = draft(d("category"), "");
    let by = draft(d("by"), "");
    let why = draft(d("why"), "");
    let problems = RwSignal::new(Problems::new());
    let start = move |_| {
        let next = state.store.with_untracked(|s| {
            s.school(&key.get_value())
                .map(|school| standing(s, school, s.intervals(), &today.get_value()))
        });
        if let Some(n) = next {
            decision.set(n.next.decision.id().to_string());
            if category.get_untracked().is_empty() {
                category.set(
                    n.current
                        .map_or(String::new(), |c| c.category.id().to_string()),
                );
            }
        }
        date.set(today.get_value());
        open.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = CategoryForm {
            decision: Decision::from_id(&decision.get_untracked())
                .unwrap_or(Decision::Categorisation),
            date: date.get_untracked(),
            category: Category::from_id(&category.get_untracked()),
            decided_by: by.get_untracked(),
            rationale: why.get_untracked(),
        };
        // Each problem beside its field: the form's ids for the domain's names.
        let field = |name: &str| match name {
            "category" => format!("category-choice-{}", Category::ALL[0].id()),
            "date" => "category-date".to_string(),
            "by" => "category-by".to_string(),
            _ => "category-why".to_string(),
        };
        let mut found: Problems = form
            .problems()
            .into_iter()
            .map(|(name, message)| (field(name), message))
            .collect();
        if let Some(why) = date_confirmed.problem(&form.date) {
            found.push((FarDateConfirmation::box_id("category-date"), why));
        }
        let chosen = match (found.is_empty(), form.validate()) {
            (true, Ok(c)) => c,
            _ => return problems.set(found),
        };
        let made = state.store.with_untracked(|s| {
            s.school(&key.get_value()).map(|school| {
                let now = standing(s, school, s.intervals(), &today.get_value());
                record(
                    browser::new_id(),
                    &school.id,
                    &form,
                    chosen,
                    &now,
                    browser::now_ms(),
                )
            })
        });
        if let Some(decided) = made {
            if state.send(Edit::Improvement(ImprovementEdit::Categorise(decided))) {
                problems.set(Vec::new());
                why.set(String::new());
                category.set(String::new());
                open.set(false);
            }
        }
    };
    view! {
        <section class="panel category-panel" aria-labelledby="category-heading">
            <h2 id="category-heading">"Category (level of need)"</h2>
            <blockquote class="source-quote">{trust_cycle().categorise.clone()}</blockquote>
            {move || now().map(|n| {
                let due_class = match n.next.state {
                    DueState::Overdue => "due overdue",
                    DueState::Soon => "due soon",
                    DueState::Later => "due",
                };
                view! {
                    <dl class="report-facts category-facts">
                        <div><dt>"The board's category"</dt><dd>{match &n.current {
                            Some(c) => view! {
                                <strong class=format!("need need-{}", c.category.id())>{c.category.label()}</strong>
                                <span class="cell-note">{format!("{} on {} by {}", c.decision.label(), display(&c.date), c.decided_by)}</span>
                                <span class="cell-note" dir="auto">{format!("Rationale: {}", c.rationale)}</span>
                            }.into_any(),
                            None => view! { <strong>"Not yet categorised"</strong> }.into_any(),
                        }}</dd></div>
                        <div><dt>"Waypoint's suggestion"</dt><dd>
                            <strong class=format!("need need-{}", n.suggested.id())>{n.suggested.label()}</strong>
                            <span class="cell-note">{n.suggested_reason.clone()}</span>
                        </dd></div>
                        <div><dt>"Next"</dt><dd><strong class=due_class>{n.next.message()}</strong></dd></div>
                    </dl>
                    {(!n.warnings.is_empty()).then(|| view! {
                        <ul class="warnings">{n.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                    })}
                }
            })}
            <div class="no-print">
                <Show when=move || open.get() fallback=move || view! {
                    <button type="button" class="button primary" on:click=start>"Record the board's decision"</button>
                }>
                    <form class="category-form" on:submit=save novalidate>
                        <ErrorSummary problems=problems />
                        <fieldset class="inline-choice">
                            <legend>"Decision"</legend>
                            {Decision::ALL.into_iter().map(|d| view! {
                                <label><input type="radio" name="category-decision" value=d.id()
                                    prop:checked=move || decision.get() == d.id() on:change=move |_| decision.set(d.id().to_string()) />
                                    {d.label()}</label>
                            }).collect_view()}
                        </fieldset>
                        <div class="field">
                        <fieldset class="inline-choice" aria-describedby="categories-note">
                            <legend>"Category (Waypoint's categories)"</legend>
                            <p class="hint" id="categories-note">{crate::domain::improvement::overview::CATEGORIES_NOTE}</p>
                            {Category::ALL.into_iter().map(|c| view! {
                                <label><input type="radio" name="category-choice" value=c.id() id=format!("category-choice-{}", c.id())
                                    prop:checked=move || category.get() == c.id() on:change=move |_| category.set(c.id().to_string()) />
                                    {c.label()}
                                    {move || now().is_some_and(|n| Category::from_need(n.suggested) == Some(c))
                                        .then_some(" (Waypoint's suggestion)")}</label>
                            }).collect_view()}
                        </fieldset>
                        </div>
                        <div class="field-row">
                            <DateField id="category-date" label="Date of the decision" value=date confirm=date_confirmed />
                            <div class="field">
                                <label for="category-by">"Decided by"</label>
                                <input id="category-by" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                                    prop:value=move || by.get() on:input=move |ev| by.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                            </div>
                        </div>
                        <div class="field">
                            <label for="category-why">"Rationale"</label>
                            <textarea id="category-why" rows="3" dir="auto" prop:value=move || why.get()
                                on:input=move |ev| why.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
                        </div>
                        <div class="actions">
                            <button type="submit" class="button primary">"Save the decision"</button>
                            <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                        </div>
                    </form>
                </Show>
            </div>
            {move || {
                let rows: Vec<_> = state.store.with(|s| history(s, &key.get_value()).into_iter().map(|c| vec![
                    display(&c.date).into(),
                    c.decision.label().into(),
                    c.category.short().into(),
                    c.decided_by.clone().into(),
                    c.rationale.clone().into(),
                    c.suggested.map_or("Not known".to_string(), |x| {
                        let mut text = x.short().to_string();
                        if let Some(on) = c.assessed_on {
                            text.push_str(&format!("\nfrom the assessment of {on}"));
                        }
                        text
                    }).into(),
                ]).collect());
                (!rows.is_empty()).then(|| view! {
                    <PlainTable caption="Every decision, newest first".into()
                        head=vec!["Date", "Decision", "Category", "Decided by", "Rationale", "Waypoint's suggestion then"] rows=rows />
                    <div class="no-print">
                        <ConfirmDelete label="Delete the newest decision" question="Delete the newest decision? Use this to correct a mistake; the history should otherwise be kept." on_confirm=remove_newest />
                    </div>
                })
            }}
            <details class="rule">
                <summary>"When decisions fall due, and Waypoint's warnings"</summary>
                <ul>{move || category_rules(state.store.with(|s| s.intervals())).into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </details>
        </section>
    }
}
