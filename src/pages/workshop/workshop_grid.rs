//! Everyone's answers on one shared screen: practices as rows, people as columns, each
//! cell where the practice is now and where that person wants it. Two choices a cell,
//! instead of a dozen clicks per practice, and everyone's answers side by side.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::ROLES;
use crate::domain::workshop::aas::{aas, Position, Respondent, When, Workshop};
use crate::domain::workshop::join::chosen_practices;
use crate::route::Route;
use crate::state::AppState;

fn position_of(value: &str) -> Option<Position> {
    Position::ALL.into_iter().find(|p| p.id() == value)
}

#[component]
pub fn WorkshopGridPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let workshop_id = StoredValue::new(id.clone());
    // The grid's shape: who is in it (ids and names) and the practices asked. Cells read
    // their own values, so a choice redraws one cell, and the keyboard stays where it was.
    let workshop: Memo<Option<Workshop>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id).map(|w| {
                let mut shape = Workshop::new(w.id.clone(), &w.trust_id, &w.academy, &w.date, 0.0);
                shape.practices = w.practices.clone();
                shape.respondents = w
                    .respondents
                    .iter()
                    .map(|r| Respondent::new(r.id.clone(), &r.name, &r.role))
                    .collect();
                shape
            })
        })
    });
    let value_of = move |respondent: &str, practice: &str, when: When| {
        state.store.with(|s| {
            s.workshop(&workshop_id.get_value())
                .and_then(|w| w.respondent(respondent))
                .and_then(|r| r.placing(practice))
                .and_then(|p| match when {
                    When::Now => p.now,
                    When::Desired => p.desired,
                })
                .map_or("", Position::id)
        })
    };
    let title = move || {
        workshop.with(|w| {
            w.as_ref()
                .map(|w| state.store.with_untracked(|s| s.workshop_title(w)))
        })
    };
    Effect::new(move |_| {
        if let Some(t) = title() {
            browser::set_title(&format!("{t} – answers as a grid – Waypoint"));
        }
    });
    let place = move |respondent: String, practice: &'static str, when: When, value: String| {
        state.send_soon(Edit::Workshop(WorkshopEdit::Place {
            workshop: workshop_id.get_value(),
            respondent,
            practice: practice.to_string(),
            when,
            position: position_of(&value),
        }));
    };
    let new_name = RwSignal::new(String::new());
    let new_role = RwSignal::new(ROLES[0].to_string());
    let problem = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        problem.set(name.trim().is_empty());
        if name.trim().is_empty() {
            return;
        }
        let respondent = Respondent::new(browser::new_id(), &name, &new_role.get_untracked());
        if state.send(Edit::Workshop(WorkshopEdit::AddRespondent {
            workshop: workshop_id.get_value(),
            respondent,
        })) {
            new_name.set(String::new());
        }
    };
    let back = Route::Workshop(id.clone()).href();
    view! {
        <Show when=move || workshop.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
            <div class="assessment-head">
                <p class="breadcrumb"><a href=back.clone()>"Back to the workshop"</a></p>
                <h1 dir="auto">{move || title().map(|t| format!("{t}: answers as a grid"))}</h1>
                <p>"Practices are rows and people are columns. For each person, choose where the practice is now and where they want it; everything is saved as you go."</p>
                <form class="inline-form grid-add" on:submit=add>
                    <label for="grid-name">"Add a person"</label>
                    <input id="grid-name" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                    <label for="grid-role" class="visually-hidden">"Role"</label>
                    <select id="grid-role" on:change=move |ev| new_role.set(event_target_value(&ev))>
                        {ROLES.into_iter().map(|r| view! { <option value=r>{r}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button">"Add"</button>
                </form>
                <p class="form-error" role="alert">{move || problem.get().then_some("Enter the person's name.")}</p>
            </div>
            {move || workshop.with(|w| w.as_ref().map(|w| {
                let people: Vec<(String, String)> = w.respondents.iter().map(|r| (r.id.clone(), r.name.clone())).collect();
                if people.is_empty() {
                    return view! { <p>"Add the first person to start."</p> }.into_any();
                }
                let asked = chosen_practices(aas(), w);
                aas().areas.iter().map(|area| {
                    let rows: Vec<_> = asked.iter().filter(|p| p.area.id == area.id).collect();
                    (!rows.is_empty()).then(|| view! {
                        <h2>{area.name.clone()}</h2>
                        <div class="table-scroll" role="region" aria-label=format!("Grid for {}", area.name) tabindex="0">
                            <table class="answer-grid">
                                <thead><tr>
                                    <th scope="col">"Practice"</th>
                                    {people.iter().map(|(_, name)| view! { <th scope="col" dir="auto">{name.clone()}</th> }).collect_view()}
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|p| {
                                        let practice: &'static str = p.statement.id.as_str();
                                        view! {
                                            <tr>
                                                <th scope="row">{p.statement.text.clone()}</th>
                                                {w.respondents.iter().map(|r| {
                                                    let cell = |when: When| {
                                                        let who = r.id.clone();
                                                        let reading = r.id.clone();
                                                        let word = if when == When::Now { "Now" } else { "Wanted" };
                                                        let label = format!("{}, {}: {}", r.name, word.to_lowercase(), p.statement.text);
                                                        view! {
                                                            <select aria-label=label prop:value=move || value_of(&reading, practice, when)
                                                                on:change=move |ev| place(who.clone(), practice, when, event_target_value(&ev))>
                                                                <option value="">{format!("{word}: –")}</option>
                                                                {Position::ALL.into_iter().map(|pos| view! { <option value=pos.id()>{format!("{word}: {}", pos.label())}</option> }).collect_view()}
                                                            </select>
                                                        }
                                                    };
                                                    view! { <td><div class="grid-cell">{cell(When::Now)}{cell(When::Desired)}</div></td> }
                                                }).collect_view()}
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    })
                }).collect_view().into_any()
            }))}
        </Show>
    }
}
