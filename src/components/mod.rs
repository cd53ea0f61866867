//! Reusable pieces of the pages, one component per file.

pub mod assessment_row;
pub mod details_form;
pub mod feature_list;
pub mod feature_question;
pub mod next_steps;
pub mod progress;
pub mod result_panel;
pub mod save_status;
pub mod stage_badge;
pub mod stage_profile;
pub mod storage_banner;
pub mod undo_toast;
