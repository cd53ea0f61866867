//! Every page but the home page, in four groups that a release build fetches only when one
//! of their pages is first opened (feature `split`, scripts/split.mjs): an assessment, the
//! rest of the school's checklist, the board's workshop, and the trust's improvement cycle.
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

/// The page for an address: the home page at once, any other from its group.
pub fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <HomePage /> }.into_any(),
        Route::NotFound => view! { <NotFoundPage /> }.into_any(),
        Route::Assessment(_) => fetched::assessment(route),
        Route::NewAssessment(_)
        | Route::Reassess(_)
        | Route::School(_)
        | Route::Report(_)
        | Route::Shared(_)
        | Route::Glossary => fetched::checklist(route),
        Route::Trust
        | Route::TrustCalendar
        | Route::TrustBoard
        | Route::TrustDashboard
        | Route::HeadReport(_) => fetched::improvement(route),
        Route::NewWorkshop
        | Route::Workshop(_)
        | Route::WorkshopResults(_)
        | Route::Join(_)
        | Route::Answers(_)
        | Route::WorkshopJoin(_)
        | Route::WorkshopAnswer(..)
        | Route::WorkshopSend(_)
        | Route::WorkshopGrid(_)
        | Route::WorkshopPresent(_) => fetched::workshop(route),
    }
}

/// One function per group: the group's pages, drawn by address.
macro_rules! groups {
    ($( $group:ident => $draw:ident ; )*) => {
        mod fetched {
            use super::*;
            $(
                #[cfg(feature = "split")]
                #[leptos::lazy]
                fn $draw(route: Route) -> AnyView {
                    super::$draw(route)
                }

                /// The group's page for this address (fetched first in a split build).
                pub fn $group(route: Route) -> AnyView {
                    #[cfg(feature = "split")]
                    {
                        let page = $draw(route);
                        Suspend::new(async move {
                            let view = page.await;
                            crate::browser::page_arrived();
                            view
                        })
                        .into_any()
                    }
                    #[cfg(not(feature = "split"))]
                    {
                        super::$draw(route)
                    }
                }
            )*
        }
    };
}

groups! {
    assessment => draw_assessment;
    checklist => draw_checklist;
    improvement => draw_improvement;
    workshop => draw_workshop;
}

fn draw_assessment(route: Route) -> AnyView {
    match route {
        Route::Assessment(id) => view! { <AssessmentPage id=id /> }.into_any(),
        _ => view! { <NotFoundPage /> }.into_any(),
    }
}

fn draw_checklist(route: Route) -> AnyView {
    match route {
        Route::NewAssessment(school) => view! { <NewAssessmentPage school=school /> }.into_any(),
        Route::Reassess(id) => view! { <ReassessPage id=id /> }.into_any(),
        Route::School(id) => view! { <SchoolPage id=id /> }.into_any(),
        Route::Report(id) => view! { <ReportPage id=id /> }.into_any(),
        Route::Shared(data) => view! { <SharedPage data=data /> }.into_any(),
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
