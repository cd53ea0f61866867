//! The small core every area uses: ids, dates, text limits, sorting, schools and trusts,
//! the framework texts, the glossary and the plain documents papers are written as.

pub mod content;
pub mod csv;
pub mod dates;
pub mod document;
pub mod glossary;
pub mod holidays;
pub mod ids;
pub mod order;
pub mod paging;
pub mod reading;
pub mod school;
pub mod text;
