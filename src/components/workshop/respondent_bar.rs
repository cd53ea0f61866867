//! Who is answering: choose a respondent (answers go only to the one chosen), add one,
//! remove one, and download the answers as a file to merge elsewhere.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::{aas, Respondent};
use crate::domain::workshop::join::chosen_practices;
use crate::domain::workshop::plan::placed_of_meeting;
use crate::domain::workshop::responses::write_responses;
use crate::state::AppState;

use crate::domain::workshop::aas::ROLES;

#[component]
pub fn RespondentBar(workshop_id: String, active: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = workshop_id.clone();
    let respondents = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| {
                    let total = chosen_practices(aas(), w).len();
                    w.respondents
                        .iter()
                        .map(|r| {
                            (
                                r.id.clone(),
                                r.name.clone(),
                                r.role.clone(),
                                (placed_of_meeting(aas(), w, r), total),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let new_name = crate::components::ui::draft::draft(format!("respondent-{workshop_id}"), "");
    let new_role = RwSignal::new(ROLES[0].to_string());
    let problem = RwSignal::new(None::<&'static str>);

    let add_id = workshop_id.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            problem.set(Some("Enter the respondent's name."));
            return;
        }
        let taken = respondents.with_untracked(|list| {
            list.iter()
                .any(|(_, n, _, _)| n.trim().eq_ignore_ascii_case(name.trim()))
        });
        if taken {
            problem.set(Some("Someone of that name is already here: choose them above, or add a surname or initial."));
            return;
        }
        let id = browser::new_id();
        let respondent = Respondent::new(id.clone(), &name, &new_role.get_untracked());
        if !state.send(Edit::Workshop(WorkshopEdit::AddRespondent {
            workshop: add_id.clone(),
            respondent,
        })) {
            return;
        }
        active.set(Some(id));
        new_name.set(String::new());
        problem.set(None);
    };
    let remove_id = workshop_id.clone();
    let remove = Callback::new(move |_: ()| {
        if let Some(id) = active.get_untracked() {
            state.send(Edit::Workshop(WorkshopEdit::RemoveRespondent {
                workshop: remove_id.clone(),
                respondent: id,
            }));
            active.set(None);
        }
    });
    let export_id = workshop_id.clone();
    let export = move |_| {
        let text = state.store.with_untracked(|s| {
            s.workshop(&export_id).map(|w| {
                let everyone: Vec<&Respondent> = w.respondents.iter().collect();
                let trust = s.trust_name(&w.trust_id).to_string();
                (write_responses(w, &trust, &everyone), trust)
            })
        });
        if let Some((text, trust)) = text {
            let safe: String = trust
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let _ = browser::download_text(
                &format!("aas-answers-{safe}-{}.json", browser::today_iso()),
                "application/json",
                &text,
            );
        }
    };
    let active_name = move || {
        let id = active.get()?;
        respondents.with(|list| {
            list.iter()
                .find(|(i, ..)| *i == id)
                .map(|(_, n, ..)| n.clone())
        })
    };

    view! {
        <section class="respondents panel" aria-labelledby="respondents-heading">
            <h2 id="respondents-heading">"Who is answering?"</h2>
            <Show when=move || !respondents.with(Vec::is_empty)
                fallback=|| view! { <p>"Add the first respondent to start. Each person's answers are kept separately."</p> }>
                <fieldset class="respondent-choice">
                    <legend class="visually-hidden">"Choose who is answering"</legend>
                    <For each=move || respondents.get() key=|r| r.clone() let:r>
                        {
                            let (id, name, role, (done, total)) = r;
                            let input_id = format!("respondent-{id}");
                            let value = id.clone();
                            view! {
                                <input type="radio" class="level-input" name="respondent" id=input_id.clone()
                                    prop:checked={
                                        let id = id.clone();
                                        move || active.get().as_deref() == Some(id.as_str())
                                    }
                                    on:change=move |_| active.set(Some(value.clone())) />
                                <label for=input_id class="respondent-chip">
                                    <span class="chip-name" dir="auto">{name}</span>
                                    <span class="chip-meta">{format!("{role} · {done} of {total}")}</span>
                                </label>
                            }
                        }
                    </For>
                </fieldset>
            </Show>
            <p class="answering-as" role="status">
                {move || match active_name() {
                    Some(name) => view! { "Answering as " <strong dir="auto">{name}</strong> }.into_any(),
                    None => view! { <span>"Choose who is answering before placing any practice."</span> }.into_any(),
                }}
            </p>
            <div class="respondent-tools">
                <form class="inline-form" on:submit=add>
                    <label for="new-respondent-name">"Add a respondent"</label>
                    <input id="new-respondent-name" type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                        placeholder="Name" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                    <label for="new-respondent-role" class="visually-hidden">"Role"</label>
                    <select id="new-respondent-role" on:change=move |ev| new_role.set(event_target_value(&ev))>
                        {ROLES.into_iter().map(|r| view! { <option value=r>{r}</option> }).collect_view()}
                    </select>
                    <button type="submit" class="button">"Add"</button>
                </form>
                <p class="form-error" role="alert">{move || problem.get()}</p>
                <div class="actions">
                    <button type="button" class="button" on:click=export
                        disabled=move || respondents.with(Vec::is_empty)>"Download answers file"</button>
                    <Show when=move || active.with(Option::is_some)>
                        <ConfirmDelete question="Remove this respondent and their answers?" on_confirm=remove />
                    </Show>
                </div>
            </div>
        </section>
    }
}
