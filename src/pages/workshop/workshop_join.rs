//! "Join this workshop" on the facilitator's screen: the join link and its QR code, large
//! enough for a projector; the practices chosen for the meeting; answers collected from
//! members' devices; and the live tally.

use leptos::prelude::*;

use crate::components::ui::not_found::{Missing, NotFound};

use crate::browser;
use crate::components::ui::newest::Newest;
use crate::components::workshop::hand_back::HandBack;
use crate::components::workshop::import_responses::ImportResponses;
use crate::components::workshop::practice_choice::PracticeChoice;
use crate::components::workshop::qr_code::QrCode;
use crate::components::workshop::workshop_tally::WorkshopTally;
use crate::domain::workshop::aas::Workshop;
use crate::domain::workshop::join::{handover, Handover};
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn WorkshopJoinPage(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    // What the link carries: the workshop without its answers, and the trust's name.
    let carried: Memo<Option<(Workshop, String)>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id).map(|w| {
                let mut bare = Workshop::new(w.id.clone(), &w.trust_id, &w.academy, w.date, 0.0);
                bare.practices = w.practices.clone();
                (bare, s.trust_name(&w.trust_id).to_string())
            })
        })
    });
    let link = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // The old link is withdrawn at once, so nobody copies or scans a stale choice.
    let newest = Newest::new();
    Effect::new(move |_| {
        let Some((workshop, trust)) = carried.get() else {
            return;
        };
        browser::set_title(&format!("Join {} – Waypoint", workshop.title(&trust)));
        link.set(String::new());
        newest.spawn(
            async move { crate::join_link::make_invite(&workshop, &trust).await },
            move |made| match made {
                Ok(made) => link.set(made),
                Err(why) => problem.set(Some(why)),
            },
        );
    });
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = link.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(Some(browser::copy_text(&text).await));
        });
    };
    let back = Route::Workshop(id.clone()).href();
    view! {
        <Show when=move || carried.with(Option::is_some) fallback=|| view! {
            <NotFound what=Missing::Workshop />
        }>
            <div class="assessment-head">
                <p class="breadcrumb"><a href=back.clone()>"Back to the workshop"</a></p>
                <h1>"Join this workshop"</h1>
                <p class="meta" dir="auto">{move || carried.with(|c| c.as_ref().map(|(w, t)| format!("{} · {}", w.title(t), crate::domain::base::dates::display(&w.date))))}</p>
            </div>
            <HandBack workshop_id=id.clone() />
            <div class="join-layout">
                <section class="panel join-code" aria-labelledby="join-code-heading">
                    <h2 id="join-code-heading">"Scan the code, or open the link"</h2>
                    <p>"On a phone or laptop: the workshop opens ready to answer. Each member types their name and role, or answers anonymously. Nothing is sent to a server: the workshop travels inside the link, and the answers come back the same way."</p>
                    <Show when=move || !link.with(String::is_empty)>
                        {move || (handover(link.with(String::len)) == Handover::LinkAndCode).then(|| view! {
                            <QrCode text=link label="QR code of the join link" />
                        })}
                        <label for="join-link">"Join link " <span class="optional">"(to send by email before the meeting, too)"</span></label>
                        <input id="join-link" class="join-link" type="text" readonly prop:value=move || link.get()
                            on:focus=|ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); } />
                        <button type="button" class="button" on:click=copy>"Copy link"</button>
                        {move || copied.get().map(|ok| view! {
                            <p role="status">{if ok { "Copied to the clipboard." } else { "The browser did not allow copying; select the link and copy it." }}</p>
                        })}
                    </Show>
                    <p class="form-error" role="alert">{move || problem.get().map(|p| format!("The link could not be made: {p}."))}</p>
                    <PracticeChoice workshop_id=id.clone() />
                </section>
                <div class="join-side">
                    <WorkshopTally workshop_id=id.clone() />
                    <div class="panel"><ImportResponses workshop_id=id.clone() /></div>
                </div>
            </div>
        </Show>
    }
}
