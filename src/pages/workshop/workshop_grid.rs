//! Everyone's answers on one shared screen: practices as rows, people as columns, each
//! cell where the practice is now and where that person wants it. Two choices a cell,
//! instead of a dozen clicks per practice, and everyone's answers side by side.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};
use crate::components::ui::pager::Pager;
use crate::components::workshop::add_member_form::AddMemberForm;

use crate::browser;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::{aas, Position, Practice, When};
use crate::domain::workshop::grid::{grid_page, page_of_person, GridPage};
use crate::domain::workshop::join::chosen_practices;
use crate::route::Route;
use crate::state::AppState;
use std::collections::HashMap;

fn position_of(value: &str) -> Option<Position> {
    Position::ALL.into_iter().find(|p| p.id() == value)
}

/// The answers of the people on the grid's page: (person, practice) → (now, wanted).
type PageAnswers = HashMap<(String, String), (Option<Position>, Option<Position>)>;

#[component]
pub fn WorkshopGridPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let workshop_id = StoredValue::new(id.clone());
    // The grid's shape: the page of people shown (ids and names) and the practices asked,
    // read from the workshop as it is, so a change copies only the people on the page.
    // Cells read their own values, so a choice redraws one cell, and the keyboard stays
    // where it was.
    let page = RwSignal::new(0usize);
    let shown: Memo<Option<GridPage>> = Memo::new(move |_| {
        let page = page.get();
        state
            .store
            .with(|s| s.workshop(&lookup_id).map(|w| grid_page(w, page)))
    });
    let asked: Memo<Vec<&'static str>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&workshop_id.get_value())
                .map(|w| {
                    chosen_practices(aas(), w)
                        .iter()
                        .map(|p| p.statement.id.as_str())
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    // The answers of the people on this page, read once per change of the store; a cell
    // redraws only when its own value changes.
    let answers: Memo<PageAnswers> = Memo::new(move |_| {
        let ids: Vec<String> = shown.with(|p| {
            p.as_ref()
                .map(|p| p.people.iter().map(|(id, _)| id.clone()).collect())
                .unwrap_or_default()
        });
        state.store.with(|s| {
            let Some(w) = s.workshop(&workshop_id.get_value()) else {
                return HashMap::new();
            };
            let mut out = HashMap::new();
            for r in w.members.iter().filter(|r| ids.contains(&r.id)) {
                for (practice, p) in &r.placings {
                    out.insert((r.id.clone(), practice.clone()), (p.now, p.desired));
                }
            }
            out
        })
    });
    let value_of = move |member: &str, practice: &str, when: When| {
        answers.with(|a| {
            a.get(&(member.to_string(), practice.to_string()))
                .and_then(|(now, desired)| match when {
                    When::Now => *now,
                    When::Desired => *desired,
                })
                .map_or("", Position::id)
        })
    };
    let title = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&workshop_id.get_value())
                .map(|w| s.workshop_title(w))
        })
    });
    let title = move || title.get();
    Effect::new(move |_| {
        if let Some(t) = title() {
            browser::set_title(&format!("{t} – answers as a grid – Waypoint"));
        }
    });
    let place = move |member: String, practice: &'static str, when: When, value: String| {
        state.send_soon(Edit::Workshop(WorkshopEdit::Place {
            workshop: workshop_id.get_value(),
            member,
            practice: practice.to_string(),
            when,
            position: position_of(&value),
        }));
    };
    // Turn to the page the new member is on.
    let on_added = Callback::new(move |member: String| {
        if let Some(at) = state.store.with_untracked(|s| {
            s.workshop(&workshop_id.get_value())
                .and_then(|w| page_of_person(w, &member))
        }) {
            page.set(at);
        }
    });
    let pages = move || shown.with(|p| p.as_ref().map_or(1, |p| p.pages));
    let back = Route::Workshop(id.clone()).href();
    view! {
        <Show when=move || shown.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
            <div class="assessment-head">
                <p class="breadcrumb"><a href=back.clone()>"Back to the workshop"</a></p>
                <h1 dir="auto">{move || title().map(|t| format!("{t}: answers as a grid"))}</h1>
                <p>"Practices are rows and members are columns. For each member, choose where the practice is now and where they want it; everything is saved as you go."</p>
                <AddMemberForm workshop_id=id.clone() id_prefix="grid" class="grid-add" on_added=on_added />
            </div>
            <Show when=move || shown.with(|p| p.as_ref().is_some_and(|p| p.pages > 1))>
                <Pager label="Pages of members" previous="Previous members" next="Next members"
                    page=page pages=Signal::derive(pages)
                    status=Signal::derive(move || shown.with(|p| p.as_ref().map(GridPage::label).unwrap_or_default())) />
            </Show>
            {move || shown.with(|p| p.as_ref().map(|p| {
                let people = p.people.clone();
                if people.is_empty() {
                    return view! { <p>"Add the first member to start."</p> }.into_any();
                }
                let asked: Vec<Practice<'static>> = asked.with(|ids| aas().practices().filter(|p| ids.contains(&p.statement.id.as_str())).collect());
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
                                                {people.iter().map(|(id, name)| {
                                                    let cell = |when: When| {
                                                        let who = id.clone();
                                                        let reading = id.clone();
                                                        let word = if when == When::Now { "Now" } else { "Wanted" };
                                                        let label = format!("{}, {}: {}", name, word.to_lowercase(), p.statement.text);
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
