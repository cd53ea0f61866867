//! A board member's small app: the same pages as the whole app draws for a join link, for
//! answering and sending on the member's device, and for an answer link opened on the
//! facilitator's computer, in the same frame, without the rest of the app. The page's
//! start-up script loads it for those links only (scripts/entries.mjs); any other page
//! reloads into the whole app, which the service worker has meanwhile kept for offline use.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::site_frame::{SiteFooter, SiteHeader};
use crate::pages::common::not_found::NotFoundPage;
use crate::pages::workshop::answer::AnswerPage;
use crate::pages::workshop::answers_link::AnswersLinkPage;
use crate::pages::workshop::join::JoinPage;
use crate::pages::workshop::send_answers::SendAnswersPage;
use crate::route::Route;
use crate::state::AppState;

/// Mounts the member's app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    browser::mount_after_first_screen(|| leptos::mount::mount_to_body(MemberApp));
    browser::register_service_worker();
}

#[component]
fn MemberApp() -> impl IntoView {
    let state = AppState::load(crate::storage::WORKSHOPS_ONLY);
    provide_context(state);
    state.keep_data();
    state.follow_the_browser();
    let route = RwSignal::new(Route::parse(&browser::location_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&browser::location_hash());
        if !next.is_members() && next != Route::NotFound {
            // A page of the whole app: the page loads again, and its start-up script
            // fetches the whole app for it (from the service worker's copy once kept).
            state.save_pending();
            let _ = window().location().reload();
            return;
        }
        route.set(next);
        window().scroll_to_with_x_and_y(0.0, 0.0);
        request_animation_frame(browser::focus_main_heading);
    });
    on_cleanup(move || listener.remove());
    view! {
        <SiteHeader route=route.read_only() />
        <main id="main">
            {move || match route.get() {
                Route::Join(data) => view! { <JoinPage data=data /> }.into_any(),
                Route::Answers(data) => view! { <AnswersLinkPage data=data /> }.into_any(),
                Route::WorkshopAnswer(id, step) => view! { <AnswerPage id=id step=step /> }.into_any(),
                Route::WorkshopSend(id) => view! { <SendAnswersPage id=id /> }.into_any(),
                _ => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
        <SiteFooter />
    }
}
