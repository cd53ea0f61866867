//! One school in the home page's list: its name (linking to its overview), and its
//! assessments by term, newest first, the older ones behind "Show all".

use leptos::prelude::*;

use crate::components::checklist::assessment_row::AssessmentRow;
use crate::domain::checklist::listing::{SchoolEntry, ASSESSMENTS_SHOWN};
use crate::route::Route;

#[component]
pub fn SchoolGroup(entry: SchoolEntry) -> impl IntoView {
    let showing_all = RwSignal::new(false);
    let count = entry.assessment_ids.len();
    let rows = StoredValue::new(
        entry
            .assessment_ids
            .into_iter()
            .zip(entry.terms)
            .collect::<Vec<_>>(),
    );
    // Runs of assessments of the same term, in the list's order (newest first).
    let terms = move || {
        rows.with_value(|rows| {
            let shown = if showing_all.get() {
                rows.len()
            } else {
                ASSESSMENTS_SHOWN
            };
            let mut terms: Vec<(String, Vec<String>)> = Vec::new();
            for (id, term) in rows.iter().take(shown) {
                match terms.last_mut() {
                    Some((last, ids)) if last == term => ids.push(id.clone()),
                    _ => terms.push((term.clone(), vec![id.clone()])),
                }
            }
            terms
        })
    };
    let heading_id = format!("school-{}", entry.school_id);
    let new_href = Route::NewAssessment(Some(entry.school_id.clone())).href();
    view! {
        <li class="school-group" aria-labelledby=heading_id.clone()>
            <div class="school-group-head">
                <h2 id=heading_id.clone() class="school-name">
                    <a href=Route::School(entry.school_id.clone()).href() dir="auto">{entry.name.clone()}</a>
                </h2>
                <span class="meta">{if count == 1 { "1 assessment".to_string() } else { format!("{count} assessments") }}</span>
                <a class="link-button new-for-school" href=new_href aria-label=format!("New assessment of {}", entry.name)>"New assessment"</a>
            </div>
            {move || terms().into_iter().map(|(term, ids)| view! {
                <h3 class="term-heading">{term.clone()}</h3>
                <ul class="assessment-list" aria-label=term>
                    {ids.into_iter().map(|id| view! { <AssessmentRow id=id /> }).collect_view()}
                </ul>
            }).collect_view()}
            {(count > ASSESSMENTS_SHOWN).then(|| view! {
                <button type="button" class="link-button" aria-expanded=move || showing_all.get().to_string()
                    on:click=move |_| showing_all.update(|s| *s = !*s)>
                    {move || if showing_all.get() { "Show fewer".to_string() } else { format!("Show all {count}") }}
                </button>
            })}
        </li>
    }
}
