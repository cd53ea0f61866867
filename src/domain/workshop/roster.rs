//! Who is answering, a page at a time: the workshop page's list of people to choose from,
//! found by part of a name or role. A workshop of ten thousand people would otherwise be
//! ten thousand choices on one page, which no browser draws in time; a page of them is
//! read from the workshop as it is, without copying anyone not shown.

use crate::domain::base::paging::{grouped, PageBounds};
use crate::domain::workshop::aas::{AasFramework, Member, Workshop};
use crate::domain::workshop::join::chosen_practices;
use crate::domain::workshop::plan::placed_of_meeting;

/// People on one page of the list: a board fits on one page, so a small workshop looks
/// as it always did, with no search and no pages.
pub const PEOPLE_PER_ROSTER_PAGE: usize = 12;

/// A person as the list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RosterEntry {
    pub id: String,
    pub name: String,
    pub role: String,
    /// How many of the meeting's practices they placed both now and wanted.
    pub placed: usize,
}

/// One page of the list, for a search (empty for everyone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterPage {
    pub people: Vec<RosterEntry>,
    /// This page, counted from 0, and how many pages the people found fill.
    pub page: usize,
    pub pages: usize,
    /// The people found, as positions from 1 (0 when none).
    pub first: usize,
    pub last: usize,
    /// How many people the search found, and how many are in the workshop.
    pub found: usize,
    pub total: usize,
    /// The practices of the meeting (what `placed` is out of).
    pub asked: usize,
    /// The search, as typed.
    pub query: String,
}

impl RosterPage {
    /// Whether the list needs a search and pages: more people than one page holds.
    pub fn is_long(&self) -> bool {
        self.total > PEOPLE_PER_ROSTER_PAGE
    }

    /// What the list shows, in words: "Members 13 to 24 of 10,000", "3 members found for
    /// “ann”", "No one found for “zed”", or "" for a short list.
    pub fn label(&self) -> String {
        let query = self.query.trim();
        if query.is_empty() {
            if !self.is_long() {
                return String::new();
            }
            return PageBounds::of(self.total, PEOPLE_PER_ROSTER_PAGE, self.page).label("Members");
        }
        match self.found {
            0 => format!("No one found for “{query}”."),
            1 => format!("1 member found for “{query}”."),
            n if self.pages <= 1 => format!("{} members found for “{query}”.", grouped(n)),
            n => format!(
                "{} found for “{query}”.",
                PageBounds::of(n, PEOPLE_PER_ROSTER_PAGE, self.page).label("Members")
            ),
        }
    }
}

/// Whether a person is found by a search (already trimmed and in lower case): part of
/// their name or role, in any case.
fn found_by(member: &Member, folded: &str) -> bool {
    contains_folded(&member.name, folded) || contains_folded(&member.role, folded)
}

/// `text` contains `folded` (already lower case), ignoring case; without a copy of
/// `text` when it is plain ASCII, as most names are.
fn contains_folded(text: &str, folded: &str) -> bool {
    if text.is_ascii() && folded.is_ascii() {
        let (hay, needle) = (text.as_bytes(), folded.as_bytes());
        return needle.is_empty()
            || hay
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle));
    }
    text.to_lowercase().contains(folded)
}

/// Page `page` (from 0; past the end is the last) of the people found by `query`.
pub fn roster_page(
    framework: &AasFramework,
    workshop: &Workshop,
    query: &str,
    page: usize,
) -> RosterPage {
    if query.trim().is_empty() {
        // Everyone: the page is a slice, so nobody else is looked at.
        let total = workshop.members.len();
        let bounds = PageBounds::of(total, PEOPLE_PER_ROSTER_PAGE, page);
        let on_page = &workshop.members[bounds.items.clone()];
        return shown(framework, workshop, on_page, bounds, total, query);
    }
    let folded = query.trim().to_lowercase();
    let found: Vec<&Member> = workshop
        .members
        .iter()
        .filter(|r| found_by(r, &folded))
        .collect();
    let bounds = PageBounds::of(found.len(), PEOPLE_PER_ROSTER_PAGE, page);
    let on_page = found[bounds.items.clone()].iter().copied();
    shown(framework, workshop, on_page, bounds, found.len(), query)
}

/// The page's entries, copied from the people on it.
fn shown<'a>(
    framework: &AasFramework,
    workshop: &Workshop,
    people: impl IntoIterator<Item = &'a Member>,
    bounds: PageBounds,
    found: usize,
    query: &str,
) -> RosterPage {
    RosterPage {
        people: people
            .into_iter()
            .map(|r| RosterEntry {
                id: r.id.clone(),
                name: r.name.clone(),
                role: r.role.clone(),
                placed: placed_of_meeting(framework, workshop, r),
            })
            .collect(),
        page: bounds.page,
        pages: bounds.pages,
        first: bounds.first(),
        last: bounds.last(),
        found,
        total: workshop.members.len(),
        asked: chosen_practices(framework, workshop).len(),
        query: query.to_string(),
    }
}

/// The page (from 0) on which a person is, among everyone: to turn to someone just added.
pub fn roster_page_of(workshop: &Workshop, member_id: &str) -> Option<usize> {
    workshop.page_of_member(member_id, PEOPLE_PER_ROSTER_PAGE)
}

/// Whether someone of this name is already here (names are told apart ignoring case and
/// the spaces around them), so a second "Ann Evans" is not added by mistake.
pub fn name_taken(workshop: &Workshop, name: &str) -> bool {
    let name = name.trim();
    workshop
        .members
        .iter()
        .any(|r| r.name.trim().eq_ignore_ascii_case(name))
}

/// The name of a person in the workshop, for "Answering as …".
pub fn name_of<'a>(workshop: &'a Workshop, member_id: &str) -> Option<&'a str> {
    workshop.member(member_id).map(|r| r.name.as_str())
}
