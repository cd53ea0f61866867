//! Keeping and exchanging data: imports, exports, share links, storage notices.

pub mod data_safety;
pub mod export_panel;
pub mod import_files;
pub mod import_log;
pub mod recovered_texts;
pub mod share_panel;
pub mod storage_banner;
