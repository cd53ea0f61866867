//! The board's Autonomy–Alignment–Standardisation workshop: the tool itself, members'
//! join and answer links, their answers, the board's tally and comparisons over time.

pub mod aas;
pub mod comparison;
pub mod grid;
pub mod handback;
pub mod join;
pub mod plan;
pub mod responses;
pub mod roster;
pub mod slides;
pub mod tally;

use aas::Workshop;

/// What the workshop's rules read of the kept records: the workshops. The store (in
/// `records`) provides it.
pub trait WorkshopRecords {
    fn workshops(&self) -> &[Workshop];
}
