//! The school's checklist: an assessment's answers, where they place the school on
//! Carter's four stages, what changed since the last one, teams, and the list of schools.

pub mod assessment;
pub mod changes;
pub mod listing;
pub mod placement;
pub mod teams;

use crate::domain::base::school::School;
use assessment::Assessment;

/// What the checklist reads of the kept records: schools and their assessments.
///
/// The store (in `records`) provides it, so that the checklist's rules do not depend on
/// how things are kept, and `records` can depend on every area without a circle.
pub trait SchoolRecords {
    fn schools(&self) -> &[School];
    fn assessments(&self) -> &[Assessment];

    /// The assessment with this id.
    fn assessment(&self, id: &str) -> Option<&Assessment> {
        self.assessments().iter().find(|a| a.id == id)
    }

    /// The school with this id.
    fn school(&self, id: &str) -> Option<&School> {
        self.schools().iter().find(|s| s.id == id)
    }

    /// A school's name, or "Unknown school" when its record is missing.
    fn school_name(&self, id: &str) -> &str {
        self.school(id)
            .map_or(crate::domain::base::school::UNKNOWN_SCHOOL, |s| {
                s.name.as_str()
            })
    }

    /// The assessments of one school, in the order kept.
    fn assessments_of<'a>(&'a self, school_id: &'a str) -> impl Iterator<Item = &'a Assessment> + 'a
    where
        Self: Sized,
    {
        self.assessments()
            .iter()
            .filter(move |a| a.school_id == school_id)
    }
}
