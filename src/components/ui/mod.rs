//! Small pieces every area uses: fields, tables, notices, confirmations.

pub mod chart_canvas;
pub mod confirm_delete;
pub mod date_field;
pub mod draft;
pub mod error_summary;
pub mod file_drop;
pub mod newest;
pub mod not_found;
pub mod note_field;
pub mod pager;
pub mod plain_table;
pub mod save_status;
pub mod site_frame;
pub mod terms;
pub mod undo_toast;
pub mod update_notice;
pub mod waypoint_key;
