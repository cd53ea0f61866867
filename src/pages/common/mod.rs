//! Pages every area links to.

pub mod glossary;
pub mod not_found;
