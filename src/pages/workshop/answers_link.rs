//! A member's response link opened in a browser: on the facilitator's computer the
//! answers are merged into the workshop at once, by the usual rules.

use leptos::prelude::*;

use crate::browser;
use crate::components::workshop::hand_back::HandBack;
use crate::components::workshop::import_responses::ImportResponses;
use crate::domain::workshop::join::Response;
use crate::route::Route;
use crate::state::AppState;

/// What an answer link is for, before it is read (also in index.html's first screen of an
/// answer link, kept word for word by tests/e2e/firstscreen.test.mjs). Waypoint's words.
pub const ANSWERS_INTRO: &str = "A board member sent these answers from their own device. Opened on the computer that runs the workshop, they are added to it by the usual rules: the same answers sent twice are added once, and a second, different copy from the same person is asked about at the top of the page.";

#[component]
pub fn AnswersLinkPage(data: String) -> impl IntoView {
    browser::set_title("Answers from a workshop member – Waypoint");
    let state = expect_context::<AppState>();
    // Read once here; the merge takes the answers as read.
    let opened = RwSignal::new(None::<Result<Response, String>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(crate::join_link::open_response(&data).await));
    });
    let here = move |workshop_id: &str| {
        state.store.with_untracked(|s| {
            s.workshop(workshop_id)
                .filter(|w| w.joined_from.is_none())
                .map(|w| s.workshop_title(w))
        })
    };
    view! {
        <section class="panel narrow">
            <h1>"Answers from a workshop member"</h1>
            <p class="intro">{ANSWERS_INTRO}</p>
            {move || match opened.get() {
                None => view! { <p role="status">"Opening the answers…"</p> }.into_any(),
                Some(Err(why)) => view! {
                    <h2>"This link cannot be opened"</h2>
                    <p>{format!("Waypoint could not read these answers: {why}.")}</p>
                    <p>"Ask the member to send their answers again."</p>
                }.into_any(),
                Some(Ok(response)) => match here(&response.workshop_id) {
                    Some(title) => {
                        let workshop_id = response.workshop_id.clone();
                        view! {
                        <HandBack workshop_id=workshop_id.clone() />
                        <p dir="auto">{format!("These answers are for {title}.")}</p>
                        <ImportResponses workshop_id=workshop_id.clone() initial=response />
                        <p><a href=Route::WorkshopJoin(workshop_id).href()>"Go to the workshop's answers and tally"</a></p>
                    }.into_any()
                    }
                    None => view! {
                        <p>"The workshop these answers are for is not kept in this browser. Open the link on the facilitator's computer, or paste it there under “Merge answers from other devices”."</p>
                    }.into_any(),
                },
            }}
        </section>
    }
}
