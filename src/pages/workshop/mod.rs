//! The board's Autonomy–Alignment–Standardisation workshop.

pub mod answer;
pub mod answers_link;
pub mod join;
pub mod new_workshop;
pub mod questionnaire;
pub mod send_answers;
pub mod workshop_grid;
pub mod workshop_join;
pub mod workshop_present;
pub mod workshop_results;
