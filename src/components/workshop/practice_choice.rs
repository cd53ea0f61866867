//! Planning the meeting: which of Carter's focus areas (or which single practices)
//! members are asked about, with how many placements that means and about how many
//! minutes each member needs. The choice travels in the join link.

use leptos::prelude::*;

use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::aas;
use crate::domain::workshop::join::{chosen_practices, normalise_choice};
use crate::domain::workshop::plan::{
    area_choice, area_practices, toggle_area, AreaChoice, Load, ESTIMATE_NOTE,
};
use crate::state::AppState;

/// The number of practices a kept choice asks about (empty: all of them).
fn asked(chosen: &[String]) -> usize {
    if chosen.is_empty() {
        aas().practices().count()
    } else {
        chosen.len()
    }
}

/// The areas and practices of a meeting, chosen. `chosen` is the kept choice (empty for
/// all); `on_choose` receives a new one, never empty of practices.
#[component]
pub fn PlanChoice(
    chosen: Signal<Vec<String>>,
    on_choose: Callback<Vec<String>>,
    /// Prefix for the fields' ids, so two plans could share a page.
    #[prop(default = "plan")]
    id: &'static str,
) -> impl IntoView {
    let problem = RwSignal::new(false);
    // A refused change puts the box back as it was: nothing left to ask is not a plan.
    let refuse = move |ev: &leptos::ev::Event| {
        problem.set(true);
        event_target::<web_sys::HtmlInputElement>(ev).set_checked(true);
    };
    let choose_area =
        move |ev: leptos::ev::Event, area_id: &'static str, include: bool| match toggle_area(
            aas(),
            &chosen.get_untracked(),
            area_id,
            include,
        ) {
            Some(next) => {
                problem.set(false);
                on_choose.run(next);
            }
            None => refuse(&ev),
        };
    let toggle_practice = move |ev: leptos::ev::Event, practice: &'static str| {
        let mut ids: Vec<String> = if chosen.with_untracked(Vec::is_empty) {
            aas().practices().map(|p| p.statement.id.clone()).collect()
        } else {
            chosen.get_untracked()
        };
        match ids.iter().position(|p| p == practice) {
            Some(i) => {
                ids.remove(i);
            }
            None => ids.push(practice.to_string()),
        }
        if ids.is_empty() {
            refuse(&ev);
        } else {
            problem.set(false);
            on_choose.run(normalise_choice(aas(), &ids));
        }
    };
    let load = move || Load::of(chosen.with(|c| asked(c)));
    view! {
        <fieldset class="plan-choice">
            <legend>"Carter's focus areas for this meeting"</legend>
            <p class="plan-load" role="status" data-placements=move || load().placements.to_string()>
                {move || format!("This meeting: {}.", load().describe())}
            </p>
            <p class="hint">{ESTIMATE_NOTE}" Fewer areas make a shorter meeting: one area is the default."</p>
            <p class="form-error" role="alert">{move || problem.get().then_some("Choose at least one area or practice.")}</p>
            {aas().areas.iter().map(|area| {
                let area_id: &'static str = &area.id;
                let input_id = format!("{id}-area-{area_id}");
                let state = move || chosen.with(|c| area_choice(aas(), c, area));
                let area_load = Load::of(area_practices(aas(), area_id).len());
                view! {
                    <div class="check plan-area">
                        <input type="checkbox" id=input_id.clone()
                            prop:checked=move || state() == AreaChoice::All
                            prop:indeterminate=move || matches!(state(), AreaChoice::Some(_))
                            on:change=move |ev| choose_area(ev, area_id, state() != AreaChoice::All) />
                        <label for=input_id>
                            {area.name.clone()}
                            <span class="hint">{move || match state() {
                                AreaChoice::Some(n) => format!(" {n} of {} practices chosen", area_load.practices),
                                _ => format!(" {} practices, about {} minutes", area_load.practices, area_load.minutes),
                            }}</span>
                        </label>
                    </div>
                }
            }).collect_view()}
            <details class="practice-choice">
                <summary>"Or choose single practices"</summary>
                {aas().areas.iter().map(|area| view! {
                    <fieldset class="choice-area">
                        <legend>{area.name.clone()}</legend>
                        {aas().practices().filter(|p| p.area.id == area.id).map(|p| {
                            let practice: &'static str = &p.statement.id;
                            let input_id = format!("choose-{practice}");
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=input_id.clone()
                                        prop:checked=move || chosen.with(|c| c.is_empty() || c.iter().any(|x| x == practice))
                                        on:change=move |ev| toggle_practice(ev, practice) />
                                    <label for=input_id>{p.statement.text.clone()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }).collect_view()}
            </details>
        </fieldset>
    }
}

/// The plan of a kept workshop, on the facilitator's "Join this workshop" screen: each
/// change is an edit, and a link made earlier keeps the choice it was made with.
#[component]
pub fn PracticeChoice(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = workshop_id.clone();
    let chosen: Memo<Vec<String>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| {
                    let ids: Vec<String> = chosen_practices(aas(), w)
                        .iter()
                        .map(|p| p.statement.id.clone())
                        .collect();
                    normalise_choice(aas(), &ids)
                })
                .unwrap_or_default()
        })
    });
    let workshop_id = StoredValue::new(workshop_id);
    let on_choose = Callback::new(move |practices: Vec<String>| {
        // Every practice is kept as an empty choice; the edit wants them named.
        let practices = if practices.is_empty() {
            aas().practices().map(|p| p.statement.id.clone()).collect()
        } else {
            practices
        };
        state.send(Edit::Workshop(WorkshopEdit::ChoosePractices {
            workshop: workshop_id.get_value(),
            practices,
        }));
    });
    view! {
        <div class="meeting-plan">
            <p>"Members answer only what is chosen here. Change the choice before you send the link: a link sent earlier keeps the choice it was made with."</p>
            <PlanChoice chosen=chosen.into() on_choose=on_choose />
        </div>
    }
}
