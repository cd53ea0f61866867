//! The trust's improvement cycle: intervention plans and their impact, the board's
//! categorisation, the calendar, accountability and board papers, performance
//! trajectories, the inside-out view and the trust overview.

pub mod accountability;
pub mod calendar;
pub mod categorisation;
pub mod cycle;
pub mod inside_out;
pub mod overview;
pub mod papers;
pub mod plans;
pub mod terms;
pub mod trajectory;

use crate::domain::checklist::SchoolRecords;
use calendar::TrustCalendar;
use categorisation::Categorisation;
use plans::Intervention;
use trajectory::Trajectory;

/// What the improvement cycle reads of the kept records, beyond schools and their
/// assessments. The store (in `records`) provides it.
pub trait TrustRecords: SchoolRecords {
    fn plans(&self) -> &[Intervention];
    fn categorisations(&self) -> &[Categorisation];
    fn trajectories(&self) -> &[Trajectory];
    fn calendars(&self) -> &[TrustCalendar];

    /// The interventions of one school.
    fn plans_of<'a>(&'a self, school_id: &'a str) -> impl Iterator<Item = &'a Intervention> + 'a
    where
        Self: Sized,
    {
        self.plans()
            .iter()
            .filter(move |p| p.school_id == school_id)
    }

    /// The trajectory of a school, if one was entered.
    fn trajectory_of(&self, school_id: &str) -> Option<&Trajectory> {
        self.trajectories()
            .iter()
            .find(|t| t.school_id == school_id)
    }
}
