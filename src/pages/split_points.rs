//! Every page but the home page, in parts that a release build fetches only when one of
//! their pages is first opened (feature `split`, scripts/split.mjs): the three pages people
//! land on (an assessment, a new assessment, a share link) each alone, then the rest of the
//! school's checklist, the board's workshop, and the trust's improvement cycle.
//! Without the feature (Trunk's own builds, the tests) each page is drawn at once.

use leptos::prelude::*;

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

/// The parts of a split build: the pages each fetches when first needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Assessment,
    NewAssessment,
    Shared,
    Checklist,
    Improvement,
    Workshop,
}

/// Which part draws an address: none for the home page and "not found", which are in
/// the main module.
fn part_of(route: &Route) -> Option<Part> {
    match route {
        Route::Home | Route::NotFound => None,
        Route::Assessment(_) => Some(Part::Assessment),
        Route::NewAssessment(_) => Some(Part::NewAssessment),
        Route::Shared(_) => Some(Part::Shared),
        Route::Reassess(_)
        | Route::School(_)
        | Route::Report(_)
        | Route::Glossary => Some(Part::Checklist),
        Route::Trust
        | Route::TrustCalendar
        | Route::TrustBoard
        | Route::TrustDashboard
        | Route::HeadReport(_) => Some(Part::Improvement),
        Route::NewWorkshop
        | Route::Workshop(_)
        | Route::WorkshopResults(_)
        | Route::Join(_)
        | Route::Answers(_)
        | Route::WorkshopJoin(_)
        | Route::WorkshopAnswer(..)
        | Route::WorkshopSend(_)
        | Route::WorkshopGrid(_)
        | Route::WorkshopPresent(_) => Some(Part::Workshop),
    }
}

/// The page for an address: the home page at once, any other from its part.
pub fn page(route: Route) -> AnyView {
    match part_of(&route) {
        None if route == Route::Home => view! { <HomePage /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
        Some(Part::Assessment) => fetched::assessment(route),
        Some(Part::NewAssessment) => fetched::new_assessment(route),
        Some(Part::Shared) => fetched::shared(route),
        Some(Part::Checklist) => fetched::checklist(route),
        Some(Part::Improvement) => fetched::improvement(route),
        Some(Part::Workshop) => fetched::workshop(route),
    }
}

/// Fetches the part that draws this address, when it is not in yet. The app starts once
/// the first page's part is in, so that page is drawn whole in place of index.html's first
/// screen; and it goes to another page once that page's part is in, so the page it leaves
/// stays until the next is drawn whole. When it cannot be fetched, the page says so (and
/// the app still starts, or still goes there).
pub async fn fetch_part(route: &Route) -> Result<(), PartMissing> {
    match part_of(route) {
        None => Ok(()),
        Some(Part::Assessment) => fetched::fetch_assessment().await,
        Some(Part::NewAssessment) => fetched::fetch_new_assessment().await,
        Some(Part::Shared) => fetched::fetch_shared().await,
        Some(Part::Checklist) => fetched::fetch_checklist().await,
        Some(Part::Improvement) => fetched::fetch_improvement().await,
        Some(Part::Workshop) => fetched::fetch_workshop().await,
    }
}

/// For each part: its pages drawn by address, and the fetching of its code. A part that
/// cannot be fetched (offline before the service worker has kept it, or a dropped
/// connection) is said on the page, with a way to try again; the app goes on.
macro_rules! parts {
    ($( $part:ident => $draw:ident, $fetch:ident, $preload:ident ; )*) => {
        mod fetched {
            use super::*;
            $(
                #[cfg(feature = "split")]
                #[::leptos::wasm_split::wasm_split(
                    $draw,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload($preload)
                )]
                fn $draw(route: Route) -> Result<AnyView, PartMissing> {
                    Ok(super::$draw(route))
                }

                /// The part's page for this address (fetched first in a split build).
                pub fn $part(route: Route) -> AnyView {
                    #[cfg(feature = "split")]
                    {
                        // In at once when the part is in: the app fetches it before it goes there.
                        let shown = route.clone();
                        Suspend::new(async move {
                            match $draw(route).await {
                                Ok(page) => page,
                                Err(PartMissing) => view! { <PartMissingPage route=shown retry=$part /> }.into_any(),
                            }
                        })
                        .into_any()
                    }
                    #[cfg(not(feature = "split"))]
                    {
                        super::$draw(route)
                    }
                }

                /// Fetches the part's code (a split build), once it succeeds.
                pub async fn $fetch() -> Result<(), PartMissing> {
                    #[cfg(feature = "split")]
                    $preload().await?;
                    Ok(())
                }
            )*
        }
    };
}

parts! {
    assessment => draw_assessment, fetch_assessment, preload_assessment;
    new_assessment => draw_new_assessment, fetch_new_assessment, preload_new_assessment;
    shared => draw_shared, fetch_shared, preload_shared;
    checklist => draw_checklist, fetch_checklist, preload_checklist;
    improvement => draw_improvement, fetch_improvement, preload_improvement;
    workshop => draw_workshop, fetch_workshop, preload_workshop;
}

/// A part of the app that could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Said in place of a page whose part could not be fetched; "Try again" fetches it again.
#[cfg(feature = "split")]
#[component]
fn PartMissingPage(route: Route, retry: fn(Route) -> AnyView) -> impl IntoView {
    let again = RwSignal::new(false);
    move || {
        if again.get() {
            return retry(route.clone());
        }
        crate::browser::set_title("Page not opened – Waypoint");
        view! {
            <section class="panel narrow" role="alert">
                <h1>"This page could not be opened"</h1>
                <p>
                    "Waypoint could not fetch the part of the app that shows this page. "
                    "This device may be offline, or the connection dropped."
                </p>
                <p>"Nothing saved in this browser is affected."</p>
                <p class="actions">
                    <button type="button" class="button primary" on:click=move |_| again.set(true)>
                        "Try again"
                    </button>
                    <a class="button" href="#/">"Your assessments"</a>
                </p>
            </section>
        }
        .into_any()
    }
}

fn draw_assessment(route: Route) -> AnyView {
    match route {
        Route::Assessment(id) => view! { <AssessmentPage id=id /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_new_assessment(route: Route) -> AnyView {
    match route {
        Route::NewAssessment(school) => view! { <NewAssessmentPage school=school /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_shared(route: Route) -> AnyView {
    match route {
        Route::Shared(data) => view! { <SharedPage data=data /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_checklist(route: Route) -> AnyView {
    match route {
        Route::Reassess(id) => view! { <ReassessPage id=id /> }.into_any(),
        Route::School(id) => view! { <SchoolPage id=id /> }.into_any(),
        Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
        Route::Glossary => view! { <GlossaryPage /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_improvement(route: Route) -> AnyView {
    match route {
        Route::Trust => view! { <TrustPage /> }.into_any(),
        Route::TrustCalendar => view! { <CalendarPage /> }.into_any(),
        Route::TrustBoard => view! { <BoardPage /> }.into_any(),
        Route::TrustDashboard => view! { <DashboardPage /> }.into_any(),
        Route::HeadReport(id) => view! { <HeadReportPage id=id /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_workshop(route: Route) -> AnyView {
    match route {
        Route::NewWorkshop => view! { <NewWorkshopPage /> }.into_any(),
        Route::Workshop(id) => view! { <WorkshopPage id=id /> }.into_any(),
        Route::WorkshopResults(id) => view! { <WorkshopResultsPage id=id /> }.into_any(),
        Route::Join(data) => view! { <JoinPage data=data /> }.into_any(),
        Route::Answers(data) => view! { <AnswersLinkPage data=data /> }.into_any(),
        Route::WorkshopJoin(id) => view! { <WorkshopJoinPage id=id /> }.into_any(),
        Route::WorkshopAnswer(id, step) => view! { <AnswerPage id=id step=step /> }.into_any(),
        Route::WorkshopSend(id) => view! { <SendAnswersPage id=id /> }.into_any(),
        Route::WorkshopGrid(id) => view! { <WorkshopGridPage id=id /> }.into_any(),
        Route::WorkshopPresent(id) => view! { <WorkshopPresentPage id=id /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}
