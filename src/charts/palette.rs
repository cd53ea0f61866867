//! Stage colours, kept identical to the `--stage-*` variables in `style/main.css`.

use plotters::style::RGBColor;

use crate::domain::base::content::Stage;

/// The colour that stands for a stage everywhere in the app.
pub fn stage_colour(stage: Stage) -> RGBColor {
    match stage {
        Stage::Stabilise => RGBColor(0xb4, 0x23, 0x18),
        Stage::Repair => RGBColor(0xa6, 0x53, 0x06),
        Stage::Improve => RGBColor(0x1d, 0x5f, 0xb4),
        Stage::Sustain => RGBColor(0x17, 0x73, 0x3e),
    }
}

/// The app's accent (`--accent` in the stylesheet), for "where we want it".
pub const ACCENT: RGBColor = RGBColor(0x1f, 0x3a, 0x5f);
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x72);
pub const GRID: RGBColor = RGBColor(0xd9, 0xdd, 0xe3);
pub const EMPTY: RGBColor = RGBColor(0xf3, 0xf4, 0xf6);
