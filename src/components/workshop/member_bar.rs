//! Who is answering: choose a member (answers go only to the one chosen), add one,
//! remove one, and download the answers as a file to merge elsewhere. A long list is
//! shown a page at a time, with a search (see `domain::workshop::roster`).

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::confirm_delete::ConfirmDelete;
use crate::components::workshop::add_member_form::AddMemberForm;
use crate::components::ui::pager::Pager;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::{aas, Member};
use crate::domain::workshop::responses::write_responses;
use crate::domain::workshop::roster::{
    name_of, roster_page, roster_page_of, RosterEntry, RosterPage,
};
use crate::state::AppState;


#[component]
pub fn MemberBar(workshop_id: String, active: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = workshop_id.clone();
    // A page of people, read from the workshop as it is: a change at ten thousand people
    // copies only the dozen shown, and draws only those.
    let query = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let roster: Memo<Option<RosterPage>> = Memo::new(move |_| {
        let query = query.get();
        let page = page.get();
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| roster_page(aas(), w, &query, page))
        })
    });
    let nobody = move || roster.with(|r| r.as_ref().is_none_or(|r| r.total == 0));
    let is_long = move || roster.with(|r| r.as_ref().is_some_and(RosterPage::is_long));
    let pages = Signal::derive(move || roster.with(|r| r.as_ref().map_or(1, |r| r.pages)));
    let added_in = workshop_id.clone();
    // Turn to the page the new member is on, whatever was searched, and choose them.
    let on_added = Callback::new(move |id: String| {
        query.set(String::new());
        if let Some(at) = state
            .store
            .with_untracked(|s| s.workshop(&added_in).and_then(|w| roster_page_of(w, &id)))
        {
            page.set(at);
        }
        active.set(Some(id));
    });
    let remove_id = workshop_id.clone();
    let remove = Callback::new(move |_: ()| {
        if let Some(id) = active.get_untracked() {
            state.send(Edit::Workshop(WorkshopEdit::RemoveMember {
                workshop: remove_id.clone(),
                member: id,
            }));
            active.set(None);
        }
    });
    let export_id = workshop_id.clone();
    let export = move |_| {
        let text = state.store.with_untracked(|s| {
            s.workshop(&export_id).map(|w| {
                let everyone: Vec<&Member> = w.members.iter().collect();
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
    let name_id = workshop_id.clone();
    let active_name = Memo::new(move |_| {
        let id = active.get()?;
        state.store.with(|s| {
            s.workshop(&name_id)
                .and_then(|w| name_of(w, &id))
                .map(str::to_string)
        })
    });

    view! {
        <section class="members panel" aria-labelledby="members-heading"
            data-people=move || roster.with(|r| r.as_ref().map_or(0, |r| r.total)).to_string()>
            <h2 id="members-heading">"Who is answering?"</h2>
            <Show when=move || !nobody()
                fallback=|| view! { <p>"Add the first member to start. Each member's answers are kept separately."</p> }>
                <Show when=is_long>
                    <div class="roster-search" role="search">
                        <label for="member-search">"Find a member"</label>
                        <input id="member-search" type="search" dir="auto" autocomplete="off"
                            aria-describedby="roster-count"
                            prop:value=move || query.get()
                            on:input=move |ev| { query.set(event_target_value(&ev)); page.set(0); } />
                        <p id="roster-count" class="meta" role="status">{move || roster.with(|r| r.as_ref().map(RosterPage::label))}</p>
                    </div>
                </Show>
                <fieldset class="member-choice">
                    <legend class="visually-hidden">"Choose who is answering"</legend>
                    <For each=move || roster.with(|r| r.as_ref().map(|r| {
                        r.people.iter().map(|e| (e.clone(), r.asked)).collect::<Vec<_>>()
                    }).unwrap_or_default()) key=|r| r.clone() let:shown>
                        {
                            let (RosterEntry { id, name, role, placed }, total) = shown;
                            let input_id = format!("member-{id}");
                            let value = id.clone();
                            view! {
                                <input type="radio" class="level-input" name="member" id=input_id.clone()
                                    prop:checked={
                                        let id = id.clone();
                                        move || active.get().as_deref() == Some(id.as_str())
                                    }
                                    on:change=move |_| active.set(Some(value.clone())) />
                                <label for=input_id class="member-chip">
                                    <span class="chip-name" dir="auto">{name}</span>
                                    <span class="chip-meta">{format!("{role} · {placed} of {total}")}</span>
                                </label>
                            }
                        }
                    </For>
                </fieldset>
                <Show when=move || { pages.get() > 1 }>
                    <Pager label="Pages of members" previous="Previous members" next="Next members"
                        page=page pages=pages />
                </Show>
            </Show>
            <p class="answering-as" role="status">
                {move || match active_name.get() {
                    Some(name) => view! { "Answering as " <strong dir="auto">{name}</strong> }.into_any(),
                    None => view! { <span>"Choose who is answering before placing any practice."</span> }.into_any(),
                }}
            </p>
            <div class="member-tools">
                <AddMemberForm workshop_id=workshop_id.clone() id_prefix="new-member" on_added=on_added />
                <div class="actions">
                    <button type="button" class="button" on:click=export
                        disabled=nobody>"Download answers file"</button>
                    <Show when=move || active.with(Option::is_some)>
                        <ConfirmDelete question="Remove this member and their answers?" on_confirm=remove />
                    </Show>
                </div>
            </div>
        </section>
    }
}
