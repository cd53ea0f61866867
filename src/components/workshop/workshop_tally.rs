//! The live tally on the facilitator's screen: how many answers are in, practice by
//! practice and role by role, and never who said what.

use leptos::prelude::*;

use crate::domain::workshop::aas::aas;
use crate::domain::workshop::tally::{tally, Tally};
use crate::state::AppState;

#[component]
pub fn WorkshopTally(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let counted: Memo<Option<Tally>> = Memo::new(move |_| {
        state
            .store
            .with(|s| s.workshop(&workshop_id).map(|w| tally(aas(), w)))
    });
    let people = move || counted.with(|t| t.as_ref().map_or(0, |t| t.people));
    view! {
        <section class="panel tally" aria-labelledby="tally-heading">
            <h2 id="tally-heading">"Answers in"</h2>
            <p class="tally-total" role="status">{move || counted.with(|t| t.as_ref().map(|t| match t.people {
                0 => "No answers yet.".to_string(),
                1 => format!("1 member has answered ({} of them every practice).", t.complete),
                n => format!("{n} members have answered ({} of them every practice).", t.complete),
            }))}</p>
            <Show when=move || people() != 0>
                <h3>"By role"</h3>
                <ul class="tally-roles">
                    {move || counted.with(|t| t.as_ref().map(|t| t.roles.iter().map(|r| view! {
                        <li dir="auto">{format!("{}: {}", r.role, r.people)}</li>
                    }).collect_view()))}
                </ul>
                <h3>"By practice"</h3>
                <p class="hint">"How many members placed each practice, now and wanted. Who said what is not shown here."</p>
                <div class="table-scroll" role="region" aria-label="Answers in by practice" tabindex="0">
                    <table class="tally-table">
                        <thead><tr><th scope="col">"Practice"</th><th scope="col" class="num">"Answered"</th></tr></thead>
                        <tbody>
                            {move || counted.with(|t| t.as_ref().map(|t| t.practices.iter().map(|p| view! {
                                <tr data-practice=p.practice_id.clone()>
                                    <th scope="row">{p.text.clone()}</th>
                                    <td class="num">{format!("{} of {}", p.answered, t.people)}</td>
                                </tr>
                            }).collect_view()))}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
