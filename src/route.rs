//! The app's pages as URL fragments (`#/…`), so links, reloads and the back button
//! work without a server.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A new assessment, of the school with this id when it comes from that school's page.
    NewAssessment(Option<String>),
    Assessment(String),
    /// Reassessing: the date of the next assessment, which starts from this one.
    Reassess(String),
    NewWorkshop,
    Workshop(String),
    WorkshopResults(String),
    /// A school's overview, by the school's id.
    School(String),
    /// An assessment's printable report.
    Report(String),
    /// A read-only assessment carried in the link itself (see `domain::records::share`).
    Shared(String),
    /// Every school in this browser, for a trust.
    Trust,
    /// The trust's calendar: its cadence and what is due when.
    TrustCalendar,
    /// The board summary of every school's intervention plans (printable).
    TrustBoard,
    /// The half-termly dashboard for the board.
    TrustDashboard,
    /// A headteacher's report to the board, by the school's id (printable).
    HeadReport(String),
    /// The meanings of the abbreviations and terms in the source texts.
    Glossary,
    /// A workshop's join link, opened on a member's device (see `domain::workshop::join`).
    Join(String),
    /// A member's answers, carried in the link (see `domain::workshop::join`).
    Answers(String),
    /// The facilitator's "Join this workshop": link, QR code, collected answers, tally.
    WorkshopJoin(String),
    /// A member answering on their own device, one practice at a time (numbered from 1;
    /// 0, written without a number, is where they were: see `workshop::plan::resume_step`).
    WorkshopAnswer(String, usize),
    /// A member sending their answers back.
    WorkshopSend(String),
    /// Everyone's answers as a grid on one shared screen.
    WorkshopGrid(String),
    /// The results as full-screen slides.
    WorkshopPresent(String),
    NotFound,
}

impl Route {
    /// Reads a location hash such as `#/assessment/abc`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["new"] => Route::NewAssessment(
                query
                    .strip_prefix("school=")
                    .filter(|id| is_id(id))
                    .map(str::to_string),
            ),
            ["assessment", id] if is_id(id) => Route::Assessment((*id).to_string()),
            ["assessment", id, "reassess"] if is_id(id) => Route::Reassess((*id).to_string()),
            ["workshop", "new"] => Route::NewWorkshop,
            ["workshop", id] if is_id(id) => Route::Workshop((*id).to_string()),
            ["workshop", id, "results"] if is_id(id) => Route::WorkshopResults((*id).to_string()),
            ["school", id] if is_id(id) => Route::School((*id).to_string()),
            ["assessment", id, "report"] if is_id(id) => Route::Report((*id).to_string()),
            ["shared", data] if is_share_data(data) => Route::Shared((*data).to_string()),
            ["trust"] => Route::Trust,
            ["trust", "calendar"] => Route::TrustCalendar,
            ["trust", "board"] => Route::TrustBoard,
            ["trust", "dashboard"] => Route::TrustDashboard,
            ["school", id, "board-report"] if is_id(id) => Route::HeadReport((*id).to_string()),
            ["glossary"] => Route::Glossary,
            ["join", data] if is_share_data(data) => Route::Join((*data).to_string()),
            ["answers", data] if is_share_data(data) => Route::Answers((*data).to_string()),
            ["workshop", id, "join"] if is_id(id) => Route::WorkshopJoin((*id).to_string()),
            ["workshop", id, "answer"] if is_id(id) => Route::WorkshopAnswer((*id).to_string(), 0),
            ["workshop", id, "answer", n] if is_id(id) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => Route::WorkshopAnswer((*id).to_string(), n),
                _ => Route::NotFound,
            },
            ["workshop", id, "send"] if is_id(id) => Route::WorkshopSend((*id).to_string()),
            ["workshop", id, "grid"] if is_id(id) => Route::WorkshopGrid((*id).to_string()),
            ["workshop", id, "present"] if is_id(id) => Route::WorkshopPresent((*id).to_string()),
            _ => Route::NotFound,
        }
    }

    /// Whether a board member's own small entry draws this page (src/member_app.rs): a
    /// join link, answering and sending on the member's device, and an answer link opened
    /// on the facilitator's computer. Every other page needs the whole app. The page's
    /// start-up script (scripts/entries.mjs) makes the same choice before any WebAssembly
    /// is fetched; a link it sends to the member's entry is one of these or "not found".
    pub fn is_members(&self) -> bool {
        matches!(
            self,
            Route::Join(_) | Route::Answers(_) | Route::WorkshopAnswer(..) | Route::WorkshopSend(_)
        )
    }

    /// The link to this page.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::NewAssessment(None) => "#/new".into(),
            Route::NewAssessment(Some(school)) => format!("#/new?school={school}"),
            Route::Assessment(id) => format!("#/assessment/{id}"),
            Route::Reassess(id) => format!("#/assessment/{id}/reassess"),
            Route::NewWorkshop => "#/workshop/new".into(),
            Route::Workshop(id) => format!("#/workshop/{id}"),
            Route::WorkshopResults(id) => format!("#/workshop/{id}/results"),
            Route::School(key) => format!("#/school/{key}"),
            Route::Report(id) => format!("#/assessment/{id}/report"),
            Route::Shared(data) => format!("#/shared/{data}"),
            Route::Trust => "#/trust".into(),
            Route::TrustCalendar => "#/trust/calendar".into(),
            Route::TrustBoard => "#/trust/board".into(),
            Route::TrustDashboard => "#/trust/dashboard".into(),
            Route::HeadReport(id) => format!("#/school/{id}/board-report"),
            Route::Glossary => "#/glossary".into(),
            Route::Join(data) => format!("#/join/{data}"),
            Route::Answers(data) => format!("#/answers/{data}"),
            Route::WorkshopJoin(id) => format!("#/workshop/{id}/join"),
            Route::WorkshopAnswer(id, 0) => format!("#/workshop/{id}/answer"),
            Route::WorkshopAnswer(id, n) => format!("#/workshop/{id}/answer/{n}"),
            Route::WorkshopSend(id) => format!("#/workshop/{id}/send"),
            Route::WorkshopGrid(id) => format!("#/workshop/{id}/grid"),
            Route::WorkshopPresent(id) => format!("#/workshop/{id}/present"),
        }
    }
}

fn is_share_data(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= crate::domain::base::text::MAX_LINK_LENGTH
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

use crate::domain::base::ids::is_valid_id as is_id;

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn only_a_member_s_links_are_drawn_by_the_member_s_app() {
        for hash in [
            "#/join/abc",
            "#/answers/abc",
            "#/workshop/w1/answer",
            "#/workshop/w1/answer/3",
            "#/workshop/w1/send",
        ] {
            assert!(Route::parse(hash).is_members(), "{hash}");
        }
        for hash in [
            "#/",
            "#/new",
            "#/assessment/a1",
            "#/shared/abc",
            "#/workshop/w1",
            "#/workshop/w1/join",
            "#/workshop/w1/results",
            "#/workshop/w1/answer/0",
        ] {
            assert!(!Route::parse(hash).is_members(), "{hash}");
        }
    }

    #[test]
    fn routes_round_trip_through_their_links() {
        for route in [
            Route::Home,
            Route::NewAssessment(None),
            Route::NewAssessment(Some("s1".into())),
            Route::Assessment("a1b2".into()),
            Route::Reassess("a1b2".into()),
            Route::Glossary,
            Route::NewWorkshop,
            Route::Workshop("w1".into()),
            Route::WorkshopResults("w1".into()),
            Route::School("s1b2".into()),
            Route::Report("a1".into()),
            Route::Shared("eJzLSM3JyVcozy_KSQEAGgQEXQ".into()),
            Route::Trust,
            Route::TrustCalendar,
            Route::TrustBoard,
            Route::TrustDashboard,
            Route::HeadReport("s1".into()),
            Route::Join("eJzLSM3JyVcozy".into()),
            Route::Answers("AbC-1_z".into()),
            Route::WorkshopJoin("w1".into()),
            Route::WorkshopAnswer("w1".into(), 3),
            Route::WorkshopSend("w1".into()),
            Route::WorkshopGrid("w1".into()),
            Route::WorkshopPresent("w1".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn odd_fragments_are_not_found_or_home() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/assessment/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(
            Route::parse("#/new?school=<x>"),
            Route::NewAssessment(None),
            "a school id that is not one is ignored"
        );
        assert_eq!(Route::parse("#/workshop/w1/answer/0"), Route::NotFound);
        assert_eq!(
            Route::parse("#/workshop/w1/answer"),
            Route::WorkshopAnswer("w1".into(), 0),
            "without a number: where the member was"
        );
        assert_eq!(
            Route::WorkshopAnswer("w1".into(), 0).href(),
            "#/workshop/w1/answer"
        );
        assert_eq!(Route::parse("#/join/a b"), Route::NotFound);
    }
}
