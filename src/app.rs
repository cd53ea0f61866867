//! The app shell: shared state, the hash router, and the parts every page shares.

use leptos::prelude::*;

use crate::browser;
use crate::components::records::recovered_texts::RecoveredTexts;
use crate::components::records::storage_banner::StorageBanner;
use crate::components::ui::undo_toast::UndoToast;
use crate::components::ui::update_notice::UpdateNotice;
use crate::pages::checklist::assessment::AssessmentPage;
use crate::pages::checklist::home::HomePage;
use crate::pages::checklist::new_assessment::NewAssessmentPage;
use crate::pages::checklist::reassess::ReassessPage;
use crate::pages::checklist::report::ReportPage;
use crate::pages::checklist::school::SchoolPage;
use crate::pages::checklist::shared::SharedPage;
use crate::pages::common::glossary::GlossaryPage;
use crate::pages::common::not_found::NotFoundPage;
use crate::pages::improvement::board::{BoardPage, HeadReportPage};
use crate::pages::improvement::calendar::CalendarPage;
use crate::pages::improvement::dashboard::DashboardPage;
use crate::pages::improvement::trust::TrustPage;
use crate::pages::workshop::answer::AnswerPage;
use crate::pages::workshop::answers_link::AnswersLinkPage;
use crate::pages::workshop::join::JoinPage;
use crate::pages::workshop::new_workshop::NewWorkshopPage;
use crate::pages::workshop::questionnaire::WorkshopPage;
use crate::pages::workshop::send_answers::SendAnswersPage;
use crate::pages::workshop::workshop_grid::WorkshopGridPage;
use crate::pages::workshop::workshop_join::WorkshopJoinPage;
use crate::pages::workshop::workshop_present::WorkshopPresentPage;
use crate::pages::workshop::workshop_results::WorkshopResultsPage;
use crate::route::Route;
use crate::state::AppState;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    // The page's own copy of the first screen (index.html) gives way to the app's in one
    // task, so nothing moves or flashes; and only once it has been painted, so that a first
    // visit shows it as soon as the page and stylesheet are in, whatever the network.
    match document().get_element_by_id("first-screen") {
        Some(first) => request_animation_frame(move || {
            set_timeout(
                move || {
                    first.remove();
                    leptos::mount::mount_to_body(App);
                },
                std::time::Duration::ZERO,
            )
        }),
        None => leptos::mount::mount_to_body(App),
    }
    browser::register_service_worker();
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    state.keep_data();
    let route = RwSignal::new(Route::parse(&browser::location_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&browser::location_hash()));
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        // Screen-reader and keyboard users start on the new page's heading.
        request_animation_frame(browser::focus_main_heading);
    });
    on_cleanup(move || listener.remove());
    // Another tab of this browser saved a record: take it in here too, with this page's
    // unsaved edits made again on top.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        match ev.key() {
            Some(name) => {
                if let Some(key) = crate::storage::record_key(&name) {
                    state.take_in(&[key]);
                }
            }
            // The other tab cleared the storage.
            None => {
                let keys = state.store.with_untracked(|s| s.keys());
                state.take_in(&keys);
            }
        }
    });
    on_cleanup(move || other_tab.remove());
    // Charts are drawn for the size they are shown at: a new window size or density
    // (a projector, a zoom) redraws them, once a frame at most.
    let waiting = StoredValue::new(false);
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        if !waiting.get_value() {
            waiting.set_value(true);
            request_animation_frame(move || {
                waiting.set_value(false);
                state.viewport.update(|n| *n = n.wrapping_add(1));
            });
        }
    });
    on_cleanup(move || resized.remove());
    // Typing is saved a moment later; leaving or hiding the page saves it now.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| state.save_pending());
    on_cleanup(move || leaving.remove());
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            state.save_pending();
        }
    });
    on_cleanup(move || hidden.remove());

    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Waypoint"
            </a>
            <nav class="site-nav" aria-label="Main">
                <a href="#/" aria-current=move || (route.get() == Route::Home).then_some("page")>"Assessments"</a>
                <a href="#/trust" aria-current=move || (route.get() == Route::Trust).then_some("page")>"Trust overview"</a>
                <a href="#/trust/calendar" aria-current=move || (route.get() == Route::TrustCalendar).then_some("page")>"Calendar"</a>
                <a href="#/glossary" aria-current=move || (route.get() == Route::Glossary).then_some("page")>"Glossary"</a>
            </nav>
            <p class="privacy-note">"Your answers stay in this browser"</p>
        </header>
        <StorageBanner />
        <UpdateNotice />
        <RecoveredTexts />
        <main id="main">
            {move || match route.get() {
                Route::Home => view! { <HomePage /> }.into_any(),
                Route::NewAssessment(school) => view! { <NewAssessmentPage school=school /> }.into_any(),
                Route::Assessment(id) => view! { <AssessmentPage id=id /> }.into_any(),
                Route::Reassess(id) => view! { <ReassessPage id=id /> }.into_any(),
                Route::NewWorkshop => view! { <NewWorkshopPage /> }.into_any(),
                Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
                Route::WorkshopResults(id) => view! { <WorkshopResultsPage id=id /> }.into_any(),
                Route::School(id) => view! { <SchoolPage id=id /> }.into_any(),
                Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
                Route::Shared(data) => view! { <SharedPage data=data /> }.into_any(),
                Route::Trust => view! { <TrustPage /> }.into_any(),
                Route::TrustCalendar => view! { <CalendarPage /> }.into_any(),
                Route::TrustBoard => view! { <BoardPage /> }.into_any(),
                Route::TrustDashboard => view! { <DashboardPage /> }.into_any(),
                Route::HeadReport(id) => view! { <HeadReportPage id=id /> }.into_any(),
                Route::Glossary => view! { <GlossaryPage /> }.into_any(),
                Route::Join(data) => view! { <JoinPage data=data /> }.into_any(),
                Route::Answers(data) => view! { <AnswersLinkPage data=data /> }.into_any(),
                Route::WorkshopJoin(id) => view! { <WorkshopJoinPage id=id /> }.into_any(),
                Route::WorkshopAnswer(id, step) => view! { <AnswerPage id=id step=step /> }.into_any(),
                Route::WorkshopSend(id) => view! { <SendAnswersPage id=id /> }.into_any(),
                Route::WorkshopGrid(id) => view! { <WorkshopGridPage id=id /> }.into_any(),
                Route::WorkshopPresent(id) => view! { <WorkshopPresentPage id=id /> }.into_any(),
                Route::NotFound => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
        <UndoToast />
        <footer class="site-footer">
            <p>
                "The four stages and their observable features are Sir David Carter's, from "
                <cite>"School Improvement – building the next stage of system-led improvement"</cite>
                ". Nothing you enter is sent anywhere. "
                <a href="#/glossary">"Glossary of terms"</a>
            </p>
        </footer>
    }
}
