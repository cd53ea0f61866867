//! The school's checklist: an assessment's answers, where they place the school on
//! Carter's four stages, what changed since the last one, teams, and the list of schools.

pub mod assessment;
pub mod changes;
pub mod listing;
pub mod placement;
pub mod teams;
