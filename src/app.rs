//! The app shell: shared state, the hash router, and the parts every page shares.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::site_frame::{SiteFooter, SiteHeader};
use crate::components::ui::undo_toast::UndoToast;
use crate::pages::split_points as page;
use crate::route::Route;
use crate::state::AppState;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // The first page is drawn whole: its part of a split build is fetched first.
    let first = Route::parse(&browser::location_hash());
    // (Leptos's own task runner starts only with the mount.)
    wasm_bindgen_futures::spawn_local(async move {
        // A part that cannot be fetched is said on its page.
        let _ = page::fetch_part(&first).await;
        browser::mount_after_first_screen(|| leptos::mount::mount_to_body(App));
    });
    browser::register_service_worker();
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load(crate::storage::EVERY_RECORD);
    provide_context(state);
    state.keep_data();
    state.follow_the_browser();
    let route = RwSignal::new(Route::parse(&browser::location_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = browser::location_hash();
        let next = Route::parse(&hash);
        leptos::task::spawn_local(async move {
            // A part that cannot be fetched is said on its page.
            let _ = page::fetch_part(&next).await;
            // Another page may have been asked for meanwhile: the latest wins.
            if browser::location_hash() != hash {
                return;
            }
            route.set(next);
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            // Screen-reader and keyboard users start on the new page's heading.
            request_animation_frame(browser::focus_main_heading);
        });
    });
    on_cleanup(move || listener.remove());
    view! {
        <SiteHeader route=route.read_only() />
        <main id="main">
            {move || page::page(route.get())}
        </main>
        <UndoToast />
        <SiteFooter />
    }
}
