//! Reusable pieces of the pages, one component per file.

pub mod aas_framing;
pub mod assessment_row;
pub mod capacity_checklist;
pub mod chart_canvas;
pub mod confirm_delete;
pub mod details_form;
pub mod feature_list;
pub mod feature_question;
pub mod import_responses;
pub mod next_steps;
pub mod practice_question;
pub mod progress;
pub mod respondent_bar;
pub mod result_panel;
pub mod save_status;
pub mod school_history;
pub mod spectrum_profile;
pub mod stage_badge;
pub mod stage_grid;
pub mod stage_profile;
pub mod storage_banner;
pub mod teams_map;
pub mod trajectory_editor;
pub mod undo_toast;
pub mod workshop_row;
