//! The board's Autonomy–Alignment–Standardisation workshop: the tool itself, members'
//! join and answer links, their answers, the board's tally and comparisons over time.

pub mod aas;
pub mod comparison;
pub mod join;
pub mod responses;
pub mod tally;
