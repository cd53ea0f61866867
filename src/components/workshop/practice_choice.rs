//! Which practices the meeting asks about: all of them, or a choice, area by area. The
//! choice travels in the join link.

use leptos::prelude::*;

use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::aas;
use crate::domain::workshop::join::chosen_practices;
use crate::state::AppState;

#[component]
pub fn PracticeChoice(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = workshop_id.clone();
    let chosen: Memo<Vec<String>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| {
                    chosen_practices(aas(), w)
                        .iter()
                        .map(|p| p.statement.id.clone())
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let total = aas().practices().count();
    let problem = RwSignal::new(false);
    let workshop_id = StoredValue::new(workshop_id);
    let choose = move |practices: Vec<String>| {
        problem.set(practices.is_empty());
        if !practices.is_empty() {
            state.send(Edit::Workshop(WorkshopEdit::ChoosePractices {
                workshop: workshop_id.get_value(),
                practices,
            }));
        }
    };
    let toggle = move |id: &'static str| {
        let mut now = chosen.get_untracked();
        match now.iter().position(|p| p == id) {
            Some(i) => {
                now.remove(i);
            }
            None => now.push(id.to_string()),
        }
        choose(now);
    };
    view! {
        <details class="practice-choice">
            <summary>{move || format!("Practices for this meeting: {} of {total}", chosen.with(Vec::len))}</summary>
            <p>"Members answer only the practices ticked here. Change the choice before you send the link: a link sent earlier keeps the choice it was made with."</p>
            <button type="button" class="button" on:click=move |_| choose(aas().practices().map(|p| p.statement.id.clone()).collect())>"Choose every practice"</button>
            <p class="form-error" role="alert">{move || problem.get().then_some("Choose at least one practice.")}</p>
            {aas().areas.iter().map(|area| view! {
                <fieldset class="choice-area">
                    <legend>{area.name.clone()}</legend>
                    {aas().practices().filter(|p| p.area.id == area.id).map(|p| {
                        let id: &'static str = &p.statement.id;
                        let input_id = format!("choose-{id}");
                        view! {
                            <div class="check">
                                <input type="checkbox" id=input_id.clone()
                                    prop:checked=move || chosen.with(|c| c.iter().any(|x| x == id))
                                    on:change=move |_| toggle(id) />
                                <label for=input_id>{p.statement.text.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }).collect_view()}
        </details>
    }
}
