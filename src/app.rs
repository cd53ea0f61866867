//! The app shell: shared state, the hash router, and the parts every page shares.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::site_frame::{SiteFooter, SiteHeader};
use crate::components::ui::undo_toast::UndoToast;
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
    browser::mount_after_first_screen(|| leptos::mount::mount_to_body(App));
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
        route.set(Route::parse(&browser::location_hash()));
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        // Screen-reader and keyboard users start on the new page's heading.
        request_animation_frame(browser::focus_main_heading);
    });
    on_cleanup(move || listener.remove());
    view! {
        <SiteHeader route=route.read_only() />
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
        <SiteFooter />
    }
}
