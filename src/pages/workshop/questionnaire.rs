//! A workshop's questionnaire: members take turns (or merge files) placing each practice.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::ui::save_status::SaveStatusNote;
use crate::components::workshop::aas_framing::AasFraming;
use crate::components::workshop::hand_back::HandBack;
use crate::components::workshop::import_responses::ImportResponses;
use crate::components::workshop::practice_question::PracticeQuestion;
use crate::components::workshop::member_bar::MemberBar;
use crate::domain::workshop::aas::{aas, Column, Placings, Practice, COLUMN_NOTE, POSITIONS_NOTE};
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn WorkshopPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let title = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id).map(|w| {
                (
                    s.workshop_title(w),
                    crate::domain::base::dates::display(&w.date),
                )
            })
        })
    });
    Effect::new(move |_| {
        if let Some((t, _)) = title.get() {
            browser::set_title(&format!("{t} – workshop – Waypoint"));
        }
    });
    let active = RwSignal::new(None::<String>);
    // The chosen person's answers, looked up once per change for every question.
    let answers_id = id.clone();
    let answers: Memo<Placings> = Memo::new(move |_| {
        let Some(member) = active.get() else {
            return Placings::new();
        };
        state.store.with(|s| {
            s.workshop(&answers_id)
                .and_then(|w| w.member(&member))
                .map(|r| r.placings.clone())
                .unwrap_or_default()
        })
    });
    // Only the practices planned for the meeting (all of them for older workshops).
    let chosen_id = id.clone();
    let asked: Vec<String> = state.store.with_untracked(|s| {
        s.workshop(&chosen_id)
            .map(|w| {
                crate::domain::workshop::join::chosen_practices(aas(), w)
                    .iter()
                    .map(|p| p.statement.id.clone())
                    .collect()
            })
            .unwrap_or_default()
    });
    let asked = StoredValue::new(asked);
    let in_meeting = move |practice: &str| asked.with_value(|a| a.iter().any(|x| x == practice));
    let results_href = Route::WorkshopResults(id.clone()).href();
    let join_href = Route::WorkshopJoin(id.clone()).href();
    let grid_href = Route::WorkshopGrid(id.clone()).href();
    view! {
        <Show when=move || title.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
            <div class="assessment-head">
                <p class="breadcrumb"><a href="#/">"Your assessments and workshops"</a></p>
                <h1 dir="auto">{move || title.get().map(|t| t.0)}</h1>
                <p class="meta">"Autonomy–Alignment–Standardisation workshop · "<time>{move || title.get().map(|t| t.1)}</time></p>
                <div class="head-actions">
                    <a class="button primary" href=results_href.clone()>"See the results"</a>
                    <a class="button" href=join_href.clone()>"Join on phones and laptops"</a>
                    <a class="button" href=grid_href.clone()>"Enter answers as a grid"</a>
                    <SaveStatusNote />
                </div>
            </div>
            <HandBack workshop_id=id.clone() />
            <AasFraming />
            <p class="hint">{COLUMN_NOTE}" "{POSITIONS_NOTE}</p>
            <div class="workshop-layout">
                <div class="workshop-side">
                    <MemberBar workshop_id=id.clone() active=active />
                    <div class="panel"><ImportResponses workshop_id=id.clone() /></div>
                </div>
                <div class="questions">
                    {aas().areas.iter().filter(|area| aas().practices().any(|p| p.area.id == area.id && in_meeting(&p.statement.id))).map(|area| view! {
                        <section class="feature-group" aria-labelledby=format!("area-{}", area.id)>
                            <h2 id=format!("area-{}", area.id)>{area.name.clone()}</h2>
                            {area.parts.iter().filter(|part| Column::ALL.into_iter().any(|c| part.column(c).1.iter().any(|st| in_meeting(&st.id)))).map(|part| {
                                let id = id.clone();
                                view! {
                                    <div class="part">
                                        {(area.parts.len() > 1).then(|| view! { <h3>{part.name.clone()}</h3> })}
                                        {Column::ALL.into_iter().filter(|&c| part.column(c).1.iter().any(|st| in_meeting(&st.id))).map(|column| {
                                            let (question, statements) = part.column(column);
                                            let id = id.clone();
                                            view! {
                                                <p class="column-question">{question.to_string()}</p>
                                                <p class="hint column-line">{column.meaning()}" "<span class="whose">"(Waypoint's wording)"</span></p>
                                                {statements.iter().filter(|st| in_meeting(&st.id)).map(|statement| view! {
                                                    <PracticeQuestion workshop_id=id.clone()
                                                        practice=Practice { area, part, statement, column }
                                                        active=active.into() answers=answers />
                                                }).collect_view()}
                                            }
                                        }).collect_view()}
                                    </div>
                                }
                            }).collect_view()}
                        </section>
                    }).collect_view()}
                </div>
            </div>
        </Show>
    }
}
