//! One school in the home page's list: its name (linking to its overview), and its
//! assessments, newest first, the older ones behind "Show all".

use leptos::prelude::*;

use crate::components::assessment_row::AssessmentRow;
use crate::domain::listing::{SchoolEntry, ASSESSMENTS_SHOWN};
use crate::route::Route;

#[component]
pub fn SchoolGroup(entry: SchoolEntry) -> impl IntoView {
    let showing_all = RwSignal::new(false);
    let count = entry.assessment_ids.len();
    let ids = StoredValue::new(entry.assessment_ids);
    let shown = move || {
        ids.with_value(|ids| {
            if showing_all.get() {
                ids.clone()
            } else {
                ids.iter().take(ASSESSMENTS_SHOWN).cloned().collect()
            }
        })
    };
    let heading_id = format!("school-{}", entry.school_id);
    view! {
        <li class="school-group" aria-labelledby=heading_id.clone()>
            <div class="school-group-head">
                <h2 id=heading_id.clone() class="school-name">
                    <a href=Route::School(entry.school_id.clone()).href() dir="auto">{entry.name.clone()}</a>
                </h2>
                <span class="meta">{if count == 1 { "1 assessment".to_string() } else { format!("{count} assessments") }}</span>
            </div>
            <ul class="assessment-list" aria-label=format!("Assessments of {}", entry.name)>
                <For each=shown key=|id| id.clone() let:id>
                    <AssessmentRow id=id />
                </For>
            </ul>
            {(count > ASSESSMENTS_SHOWN).then(|| view! {
                <button type="button" class="link-button" aria-expanded=move || showing_all.get().to_string()
                    on:click=move |_| showing_all.update(|s| *s = !*s)>
                    {move || if showing_all.get() { "Show fewer".to_string() } else { format!("Show all {count}") }}
                </button>
            })}
        </li>
    }
}
