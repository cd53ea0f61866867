//! The trust's improvement cycle: plans, categories, impact and reports.

pub mod intervention_plan;
pub mod capacity_checklist;
pub mod categorise_table;
pub mod category_panel;
pub mod commission_form;
pub mod impact_panel;
pub mod inside_out_view;
pub mod intervention_card;
pub mod report;
pub mod term_dates;
pub mod trajectory_editor;
