//! A workshop's join link opened on a member's own device: who is answering (or
//! anonymously), then the questionnaire, one practice at a time.

use leptos::prelude::*;

use crate::browser;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{join_edits, JoinIds};
use crate::domain::workshop::aas::{aas, Member};
use crate::domain::workshop::join::{chosen_practices, Invite, ANONYMOUS};
use crate::domain::workshop::plan::Load;
use crate::route::Route;
use crate::state::AppState;

use crate::domain::workshop::aas::ROLES;

/// What a join link is for, before it is read (also in index.html's first screen of a
/// join link, kept word for word by tests/e2e/firstscreen.test.mjs). Waypoint's words.
pub const JOIN_INTRO: &str = "The board is looking at how the trust's schools work together, with Sir David Carter's Autonomy–Alignment–Standardisation tool. Your answers are saved on this device as you go. They reach the facilitator only when you send them, and nothing is sent anywhere else.";

#[component]
pub fn JoinPage(data: String) -> impl IntoView {
    browser::set_title("Join a board workshop – Waypoint");
    let state = expect_context::<AppState>();
    let opened = RwSignal::new(None::<Result<Invite, String>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(crate::join_link::open_invite(&data).await));
    });
    // This device joined before: carry on with the same answers.
    let joined = Memo::new(move |_| {
        let from = opened.with(|o| match o {
            Some(Ok(invite)) => Some(invite.workshop_id.clone()),
            _ => None,
        })?;
        state.store.with(|s| {
            s.workshops
                .iter()
                .find(|w| w.joined_from.as_deref() == Some(from.as_str()))
                .map(|w| w.id.clone())
        })
    });
    let name = crate::components::ui::draft::draft("join-name", "");
    let role = RwSignal::new(ROLES[0].to_string());
    let anonymous = RwSignal::new(false);
    let problem = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(invite)) = opened.get_untracked() else {
            return;
        };
        let anon = anonymous.get_untracked();
        let typed = name.get_untracked();
        if !anon && typed.trim().is_empty() {
            problem.set(true);
            return;
        }
        let mut me = Member::new(
            browser::random_id(),
            if anon { ANONYMOUS } else { &typed },
            &role.get_untracked(),
        );
        me.anonymous = anon;
        let (id, edits) = state.store.with_untracked(|s| {
            join_edits(
                s,
                invite,
                me,
                JoinIds {
                    copy: browser::new_id(),
                    spare_trust: browser::new_id(),
                },
                browser::now_ms(),
            )
        });
        if state.send(Edit::Batch(edits)) {
            browser::go_to(&Route::WorkshopAnswer(id, 1).href());
        }
    };
    // The heading and the introduction come before the link is read, as index.html
    // draws them before the app is in (the first screen of a join link).
    view! {
        <section class="panel narrow member">
        <h1>"Join the board workshop"</h1>
        <p class="intro">{JOIN_INTRO}</p>
        {move || match opened.get() {
            None => view! { <p role="status">"Opening the workshop…"</p> }.into_any(),
            Some(Err(why)) => view! {
                <h2>"This link cannot be opened"</h2>
                <p>{format!("Waypoint could not read the workshop in this link: {why}.")}</p>
                <p>"Ask the facilitator for the link again, or scan the code on their screen."</p>
            }.into_any(),
            Some(Ok(invite)) => {
                let count = {
                    let mut w = crate::domain::workshop::aas::Workshop::new(String::new(), "", "", None, 0.0);
                    w.practices = invite.practices.clone();
                    chosen_practices(aas(), &w).len()
                };
                let title = if invite.academy.is_empty() { invite.trust_name.clone() } else { format!("{} — {}’s view", invite.trust_name, invite.academy) };
                view! {
                        <p class="meta" dir="auto">{format!("{title} · {}", crate::domain::base::dates::display(&invite.date))}</p>
                        {move || match joined.get() {
                            Some(id) => view! {
                                <p>"You have already joined this workshop on this device. Your answers so far are kept here."</p>
                                <p><a class="button primary" href=Route::WorkshopAnswer(id.clone(), 0).href()>"Carry on answering"</a></p>
                                <p><a class="button" href=Route::WorkshopSend(id).href()>"Send my answers"</a></p>
                            }.into_any(),
                            None => view! {
                                <p>{format!("You will place {count} practice{} of the trust, one at a time: where each is now, and where you want it to be.", if count == 1 { "" } else { "s" })}</p>
                                <p class="hint">{let load = Load::of(count); format!("That is {} placements, about {} minute{} (Waypoint's estimate). You can stop and carry on later: this device keeps your place.", load.placements, load.minutes, if load.minutes == 1 { "" } else { "s" })}</p>
                                {move || problem.get().then(|| view! {
                                    <div class="error-summary" role="alert" tabindex="-1">
                                        <h2>"There is a problem"</h2>
                                        <ul><li><a href="#join-name" on:click=|ev| {
                                            // The page's address holds the route: move focus instead of following the anchor.
                                            ev.prevent_default();
                                            if let Some(field) = document().get_element_by_id("join-name") {
                                                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(field).focus();
                                            }
                                        }>"Enter your name, or choose to answer anonymously"</a></li></ul>
                                    </div>
                                })}
                                <form class="details-form" on:submit=submit novalidate>
                                    <div class="check">
                                        <input type="checkbox" id="join-anonymous" prop:checked=move || anonymous.get()
                                            on:change=move |_| { anonymous.update(|a| *a = !*a); problem.set(false); } />
                                        <label for="join-anonymous">"Answer anonymously"</label>
                                    </div>
                                    <p class="hint">"Anonymous answers carry no name and nothing that identifies this device. Your role is still counted, and answers by role are shown only for groups of three or more."</p>
                                    <Show when=move || !anonymous.get()>
                                        <div class="field" class:has-error=move || problem.get()>
                                            <label for="join-name">"Your name"</label>
                                            {move || problem.get().then(|| view! { <p class="field-error" id="join-name-error">"Enter your name, or choose to answer anonymously"</p> })}
                                            <input id="join-name" type="text" dir="auto" autocomplete="name" maxlength=MAX_NAME_CHARS.to_string()
                                                aria-describedby=move || problem.get().then_some("join-name-error")
                                                prop:value=move || name.get()
                                                on:input=move |ev| name.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS)) />
                                        </div>
                                    </Show>
                                    <div class="field">
                                        <label for="join-role">"Your role"</label>
                                        <select id="join-role" on:change=move |ev| role.set(event_target_value(&ev))>
                                            {ROLES.into_iter().map(|r| view! { <option value=r>{r}</option> }).collect_view()}
                                        </select>
                                    </div>
                                    <button type="submit" class="button primary big">"Start answering"</button>
                                </form>
                            }.into_any(),
                        }}
                }.into_any()
            }
        }}
        </section>
    }
}
