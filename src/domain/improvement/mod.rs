//! The trust's improvement cycle: action plans and their impact, the board's
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
pub mod trajectory;
