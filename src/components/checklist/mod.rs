//! The school's checklist: answering, results, teams and a school's history.

pub mod assessment_row;
pub mod caveat_list;
pub mod details_form;
pub mod feature_list;
pub mod feature_question;
pub mod next_steps;
pub mod prefill_banner;
pub mod progress;
pub mod rename_school;
pub mod result_panel;
pub mod school_duplicates;
pub mod school_group;
pub mod school_history;
pub mod since_last;
pub mod stage_badge;
pub mod stage_grid;
pub mod stage_profile;
pub mod teams_map;
pub mod view_switch;
