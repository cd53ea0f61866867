//! What Waypoint keeps and exchanges: the store, the edits applied to it, its stored
//! layout (one record per item), schema versions and migrations, files and share links.

pub mod edits;
pub mod exchange;
pub mod layout;
pub mod limits;
pub mod schema;
pub mod share;
pub mod store;
pub mod tabs;
