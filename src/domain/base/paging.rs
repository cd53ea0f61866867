//! Long lists shown a page at a time: which slice a page is, and how it is counted in
//! words ("Members 9 to 16 of 1,000"), so every paged list counts the same way.

use std::ops::Range;

/// Where one page of a list of `total` items lies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageBounds {
    /// This page, counted from 0 (a page past the end is the last page).
    pub page: usize,
    /// How many pages there are (at least 1, even for an empty list).
    pub pages: usize,
    /// The items on this page, as positions in the whole list.
    pub items: Range<usize>,
    pub total: usize,
}

impl PageBounds {
    /// Page `page` of `total` items, `per_page` a page.
    pub fn of(total: usize, per_page: usize, page: usize) -> PageBounds {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let page = page.min(pages - 1);
        let start = (page * per_page).min(total);
        let end = (start + per_page).min(total);
        PageBounds {
            page,
            pages,
            items: start..end,
            total,
        }
    }

    /// The first item on the page, counted from 1 (0 when the page is empty).
    pub fn first(&self) -> usize {
        if self.items.is_empty() {
            0
        } else {
            self.items.start + 1
        }
    }

    /// The last item on the page, counted from 1.
    pub fn last(&self) -> usize {
        self.items.end
    }

    /// "Members 9 to 16 of 1,000" (with `what` "Members").
    pub fn label(&self, what: &str) -> String {
        format!(
            "{what} {} to {} of {}",
            grouped(self.first()),
            grouped(self.last()),
            grouped(self.total)
        )
    }
}

/// 1000 as "1,000".
pub fn grouped(n: usize) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_counted_from_one_in_words_and_clamped_to_the_last() {
        let page = PageBounds::of(1000, 8, 1);
        assert_eq!(page.items, 8..16);
        assert_eq!(page.label("Members"), "Members 9 to 16 of 1,000");
        let beyond = PageBounds::of(20, 8, 99);
        assert_eq!((beyond.page, beyond.pages, beyond.items), (2, 3, 16..20));
        let empty = PageBounds::of(0, 8, 3);
        assert_eq!((empty.page, empty.pages, empty.first()), (0, 1, 0));
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(999), "999");
    }
}
