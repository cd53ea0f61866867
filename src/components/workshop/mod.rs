//! The board's Autonomy–Alignment–Standardisation workshop.

pub mod aas_framing;
pub mod add_member_form;
pub mod column_meaning;
pub mod hand_back;
pub mod import_responses;
pub mod participation;
pub mod position_summary;
pub mod practice_choice;
pub mod practice_question;
pub mod qr_code;
pub mod qr_scanner;
pub mod ranked_practices;
pub mod reading;
pub mod member_bar;
pub mod role_views;
pub mod spectrum_profile;
pub mod workshop_comparison;
pub mod workshop_row;
pub mod workshop_tally;
