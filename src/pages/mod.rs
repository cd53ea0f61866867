//! One page per file; pages compose components and read the shared state.
//! Arranged by the same areas as the domain.

pub mod checklist;
pub mod common;
pub mod improvement;
pub mod split_points;
pub mod workshop;
