//! The answer grid shown a page of people at a time: a workshop of a thousand people
//! would otherwise be a table of 160,000 choices, which no browser draws in time.

use crate::domain::base::paging::PageBounds;
use crate::domain::workshop::aas::Workshop;

/// People (columns) on one page of the grid: enough to see a small board side by side,
/// few enough that a page draws in well under a frame budget's worth of work.
pub const PEOPLE_PER_GRID_PAGE: usize = 8;

/// One page of the grid's people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridPage {
    /// Id and name of each person on this page, in the workshop's order.
    pub people: Vec<(String, String)>,
    /// This page, counted from 0 (a page past the end is the last page).
    pub page: usize,
    pub pages: usize,
    /// The people on this page as positions in the whole list, from 1 (0 when empty).
    pub first: usize,
    pub last: usize,
    pub total: usize,
}

impl GridPage {
    /// "Members 9 to 16 of 1,000", or "" when everyone fits on one page.
    pub fn label(&self) -> String {
        if self.pages <= 1 {
            return String::new();
        }
        PageBounds::of(self.total, PEOPLE_PER_GRID_PAGE, self.page).label("Members")
    }
}

/// The people on page `page` of the grid.
pub fn grid_page(workshop: &Workshop, page: usize) -> GridPage {
    let bounds = PageBounds::of(workshop.members.len(), PEOPLE_PER_GRID_PAGE, page);
    GridPage {
        people: workshop.members[bounds.items.clone()]
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect(),
        page: bounds.page,
        pages: bounds.pages,
        first: bounds.first(),
        last: bounds.last(),
        total: bounds.total,
    }
}

/// The page on which a person is, so the grid can turn to someone just added.
pub fn page_of_person(workshop: &Workshop, member_id: &str) -> Option<usize> {
    workshop.page_of_member(member_id, PEOPLE_PER_GRID_PAGE)
}
