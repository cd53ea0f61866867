//! The results as slides that each fit a projector's screen without scrolling: where each
//! area stands, each area of the meeting (a long area split across slides, "Raising
//! Standards and Improvement Planning, 2 of 3"), then where the board disagrees most and
//! where it agrees.

use crate::domain::workshop::aas::{AasFramework, Workshop};
use crate::domain::workshop::join::chosen_practices;

/// The most practices one slide shows (each takes two rows, now and wanted): Waypoint's
/// limit, so a slide fits 1280×720 and 1920×1080 with the longest statements.
pub const PRACTICES_PER_SLIDE: usize = 5;

/// How many practices the agreement and disagreement slides list.
pub const RANKED_ON_SLIDE: usize = 5;

/// One slide.
#[derive(Clone, Debug, PartialEq)]
pub enum Slide {
    /// Where each area stands, now and wanted.
    Overview,
    /// Some of an area's practices: `page` of `pages` (both from 1).
    Area {
        area_id: String,
        name: String,
        page: usize,
        pages: usize,
        practices: Vec<String>,
    },
    Disagreements,
    Agreements,
}

impl Slide {
    /// The slide's heading: "Financial Management", "Raising Standards…, 2 of 3".
    pub fn title(&self) -> String {
        match self {
            Slide::Overview => "Where each area stands".into(),
            Slide::Area {
                name, page, pages, ..
            } if *pages > 1 => format!("{name}, {page} of {pages}"),
            Slide::Area { name, .. } => name.clone(),
            Slide::Disagreements => "Where the board disagrees most".into(),
            Slide::Agreements => "Where the board agrees".into(),
        }
    }
}

/// Splits `items` into the fewest slides of at most `per_slide`, as even as can be: 7
/// practices in fives make slides of 4 and 3, not 5 and 2.
pub fn split_evenly<T: Clone>(items: &[T], per_slide: usize) -> Vec<Vec<T>> {
    if items.is_empty() {
        return Vec::new();
    }
    let slides = items.len().div_ceil(per_slide.max(1));
    let base = items.len() / slides;
    let extra = items.len() % slides;
    let mut out = Vec::with_capacity(slides);
    let mut start = 0;
    for i in 0..slides {
        let size = base + usize::from(i < extra);
        out.push(items[start..start + size].to_vec());
        start += size;
    }
    out
}

/// Every slide of a workshop's results: the areas of the meeting only, in Carter's order.
pub fn slides(framework: &AasFramework, workshop: &Workshop) -> Vec<Slide> {
    let asked = chosen_practices(framework, workshop);
    let mut out = vec![Slide::Overview];
    for area in &framework.areas {
        let ids: Vec<String> = asked
            .iter()
            .filter(|p| p.area.id == area.id)
            .map(|p| p.statement.id.clone())
            .collect();
        let parts = split_evenly(&ids, PRACTICES_PER_SLIDE);
        let pages = parts.len();
        for (i, practices) in parts.into_iter().enumerate() {
            out.push(Slide::Area {
                area_id: area.id.clone(),
                name: area.name.clone(),
                page: i + 1,
                pages,
                practices,
            });
        }
    }
    out.push(Slide::Disagreements);
    out.push(Slide::Agreements);
    out
}
