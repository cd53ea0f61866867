//! The stage profile: a row per theme, a column per stage, each cell shaded by how well
//! that stage fits and labelled with the figure, and the best fit ringed. Labels wrap
//! onto as many lines as they need: none is cut.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, WHITE};
use web_sys::HtmlCanvasElement;

use super::palette::{stage_colour, EMPTY, GRID, INK, MUTED};
use super::surface::{shown_width, stacked, wrap, Surface};
use crate::domain::base::content::Stage;
use crate::domain::checklist::placement::Placement;

/// One row of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileRow {
    pub label: String,
    pub stage: Option<Stage>,
    /// Fit of each stage (earliest first), `None` where it has no evidence.
    pub fits: [Option<f64>; 4],
}

impl ProfileRow {
    pub fn new(label: &str, placement: &Placement) -> ProfileRow {
        ProfileRow {
            label: label.to_string(),
            stage: placement.stage,
            fits: Stage::ALL.map(|s| placement.fit_of(s).fit()),
        }
    }
}

/// The chart's size and label room: the full layout, or a narrower one for a phone, so
/// that its text stays readable when the page shows the chart less than 480 pixels wide.
struct Layout {
    width: f64,
    label_width: f64,
    /// Characters of a label on one line.
    label_chars: usize,
    heading_size: f64,
}

const FULL: Layout = Layout {
    width: 640.0,
    label_width: 210.0,
    label_chars: 24,
    heading_size: 14.0,
};
const NARROW: Layout = Layout {
    width: 420.0,
    label_width: 130.0,
    label_chars: 14,
    heading_size: 12.0,
};
/// Below this shown width (CSS pixels) the narrow layout is used.
const NARROW_BELOW: f64 = 480.0;
const HEADER: f64 = 34.0;
const ROW: f64 = 40.0;
/// The height of a line of a label.
const LINE: f64 = 17.0;

/// Draws the chart, sizing the canvas for the screen's pixel density.
pub fn draw_stage_profile(canvas: HtmlCanvasElement, rows: &[ProfileRow]) -> Result<(), String> {
    let shown = shown_width(&canvas);
    let layout = if shown > 0.0 && shown < NARROW_BELOW {
        &NARROW
    } else {
        &FULL
    };
    let (width, label_width) = (layout.width, layout.label_width);
    let labels: Vec<Vec<String>> = rows
        .iter()
        .map(|r| wrap(&r.label, layout.label_chars))
        .collect();
    let heights: Vec<f64> = labels
        .iter()
        .map(|l| ROW.max(LINE * l.len() as f64 + 8.0))
        .collect();
    let height = HEADER + heights.iter().sum::<f64>() + 8.0;
    let surface = Surface::new(canvas, width, height)?;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let column = (width - label_width) / 4.0;
    for stage in Stage::ALL {
        let x = label_width + column * stage.index() as f64 + column / 2.0;
        surface.text(
            stage.name(),
            (x, HEADER / 2.0),
            layout.heading_size,
            &stage_colour(stage),
            centre,
            false,
        )?;
    }
    let mut top = HEADER;
    for (i, row) in rows.iter().enumerate() {
        let row_height = heights[i];
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        let lines = &labels[i];
        for (line, y) in stacked(lines, top + row_height / 2.0, LINE) {
            surface.text(line, (4.0, y), 14.0, &INK, left_mid, i == 0)?;
        }
        for stage in Stage::ALL {
            let left = label_width + column * stage.index() as f64;
            let (from, to) = (
                (left + 3.0, top + 4.0),
                (left + column - 3.0, top + row_height - 4.0),
            );
            let middle = (left + column / 2.0, top + row_height / 2.0);
            surface.fill_rect(from, to, EMPTY)?;
            match row.fits[stage.index()] {
                Some(fit) => {
                    let shade = 0.12 + 0.78 * fit;
                    surface.fill_rect(from, to, stage_colour(stage).mix(shade))?;
                    // The figure, light on dark shading and dark on light.
                    let ink = if shade >= 0.6 { WHITE } else { INK };
                    surface.figure(&format!("{:.0}%", fit * 100.0), middle, 13.0, &ink, true)?;
                }
                // A dash for "no evidence", drawn as a line so that the labels stay the
                // same from one answer to the next (see Surface's label layer).
                None => surface.line(
                    &[(middle.0 - 5.0, middle.1), (middle.0 + 5.0, middle.1)],
                    &MUTED,
                    1.5,
                )?,
            }
            if row.stage == Some(stage) {
                // A dark ring with a white one inside stays visible on light and dark cells.
                surface.outline_rect(from, to, &INK, 3.0)?;
                surface.outline_rect(
                    (left + 6.0, top + 7.0),
                    (left + column - 6.0, top + row_height - 7.0),
                    &WHITE,
                    2.0,
                )?;
            }
        }
        top += row_height;
        surface.line(&[(0.0, top), (width, top)], &GRID, 1.0)?;
    }
    surface.finish()
}
