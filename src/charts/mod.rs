//! Charts drawn with plotters on a canvas. Each chart's component also shows its data
//! as a table, so no figure is only available as pixels.

pub mod palette;
pub mod spectrum;
pub mod stage_grid;
pub mod stage_profile;
pub mod surface;
pub mod trajectory;
