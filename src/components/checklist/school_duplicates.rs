//! Schools whose names look alike ("St Aidan's CE Primary" and "St Aidan's CE Primary
//! School"): Waypoint asks once whether they are one school, and merges them if so.

use crate::domain::checklist::SchoolRecords;
use leptos::prelude::*;

use crate::domain::records::edits::Edit;
use crate::domain::records::edits::SchoolEdit;
use crate::state::AppState;

#[component]
pub fn SchoolDuplicates() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pairs = Memo::new(move |_| {
        state.store.with(|s| {
            s.possible_duplicate_schools()
                .into_iter()
                .map(|(a, b)| {
                    let count = |id: &str| s.assessments_of(id).count();
                    // Keep the record with more assessments, and its name.
                    if count(&b.id) > count(&a.id) {
                        (b.id.clone(), b.name.clone(), a.id.clone(), a.name.clone())
                    } else {
                        (a.id.clone(), a.name.clone(), b.id.clone(), b.name.clone())
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !pairs.with(Vec::is_empty)>
            <section class="panel school-duplicates" aria-labelledby="duplicates-heading">
                <h2 id="duplicates-heading">"Are these the same school?"</h2>
                <p>"These names look alike. If they are one school, merge them so that its assessments, trajectory and plans stay together. (Waypoint's check: the same words, perhaps with “School” or one word more.)"</p>
                <ul class="duplicate-list">
                    {move || pairs.get().into_iter().map(|(keep, keep_name, absorb, absorb_name)| {
                        let (k, a) = (keep.clone(), absorb.clone());
                        view! {
                            <li>
                                <p dir="auto"><strong>{keep_name.clone()}</strong>" and "<strong>{absorb_name.clone()}</strong></p>
                                <button type="button" class="button"
                                    on:click=move |_| { state.send(Edit::Schools(SchoolEdit::MergeSchools { keep: keep.clone(), absorb: absorb.clone() })); }>
                                    {format!("Same school: keep “{keep_name}”")}
                                </button>
                                <button type="button" class="button"
                                    on:click=move |_| { state.send(Edit::Schools(SchoolEdit::MarkDistinct { a: k.clone(), b: a.clone() })); }>
                                    "Different schools"
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
