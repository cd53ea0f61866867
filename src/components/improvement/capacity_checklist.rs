//! What a capacity giver can offer, or what a taker needs: the contributions Carter lists,
//! as a checklist the school keeps.

use leptos::prelude::*;

use crate::browser;
use crate::domain::improvement::trajectory::{journeys, suggest_role, Role, Trajectory};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::state::AppState;

#[component]
pub fn CapacityChecklist(
    /// The school's id.
    school: String,
    trajectory: Memo<Option<Trajectory>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let role = Memo::new(move |_| {
        trajectory.with(|t| {
            t.as_ref()
                .and_then(|t| suggest_role(&t.reading()))
                .map(|s| s.role)
        })
    });
    let toggle = move |item: String| {
        let ticked =
            !trajectory.with_untracked(|t| t.as_ref().is_some_and(|t| t.capacity.contains(&item)));
        state.send(Edit::Improvement(ImprovementEdit::SetCapacity {
            school: school.clone(),
            trajectory_id: browser::new_id(),
            item,
            ticked,
        }));
    };
    view! {
        <section class="panel" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">
                {move || match role.get() {
                    Some(Role::Giver) => "Capacity this school can offer",
                    Some(Role::Taker) => "Capacity this school needs",
                    None => "Capacity to give or take",
                }}
            </h2>
            <p class="lead">{move || match role.get() {
                Some(Role::Giver) => "Its journey and latest result suggest a capacity giver. Tick what it can offer other schools.",
                Some(Role::Taker) => "Its journey or latest result suggest a capacity taker. Tick the support it needs from the system.",
                None => "Enter the trajectory to see whether the school is likely to give or take capacity. Every school is both, at different times.",
            }}</p>
            <div class="capacity-groups">
                {journeys().contributions.iter().enumerate().map(|(g, group)| view! {
                    <fieldset class="capacity-group">
                        <legend>{group.name.clone()}</legend>
                        {group.items.iter().enumerate().map(|(i, item)| {
                            let id = format!("capacity-{g}-{i}");
                            let text = item.clone();
                            let checked_text = item.clone();
                            let toggle = toggle.clone();
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=id.clone()
                                        prop:checked=move || trajectory.with(|t| t.as_ref().is_some_and(|t| t.capacity.contains(&checked_text)))
                                        on:change=move |_| toggle(text.clone()) />
                                    <label for=id>{item.clone()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }).collect_view()}
            </div>
        </section>
    }
}
