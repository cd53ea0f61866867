//! The answer grid shown a page of people at a time: a workshop of a thousand people
//! would otherwise be a table of 160,000 choices, which no browser draws in time.

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
    /// "People 9 to 16 of 1,000", or "" when everyone fits on one page.
    pub fn label(&self) -> String {
        if self.pages <= 1 {
            return String::new();
        }
        format!(
            "People {} to {} of {}",
            grouped(self.first),
            grouped(self.last),
            grouped(self.total)
        )
    }
}

/// 1000 as "1,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The people on page `page` of the grid.
pub fn grid_page(workshop: &Workshop, page: usize) -> GridPage {
    let total = workshop.respondents.len();
    let pages = total.div_ceil(PEOPLE_PER_GRID_PAGE).max(1);
    let page = page.min(pages - 1);
    let start = (page * PEOPLE_PER_GRID_PAGE).min(total);
    let end = (start + PEOPLE_PER_GRID_PAGE).min(total);
    GridPage {
        people: workshop.respondents[start..end]
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect(),
        page,
        pages,
        first: if end > start { start + 1 } else { 0 },
        last: end,
        total,
    }
}

/// The page on which a person is, so the grid can turn to someone just added.
pub fn page_of_person(workshop: &Workshop, respondent_id: &str) -> Option<usize> {
    workshop
        .respondents
        .iter()
        .position(|r| r.id == respondent_id)
        .map(|i| i / PEOPLE_PER_GRID_PAGE)
}
