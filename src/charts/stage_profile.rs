//! The stage profile: a row per theme, a column per stage, each cell shaded by how well
//! that stage fits and the best fit ringed.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, WHITE};
use web_sys::HtmlCanvasElement;

use super::palette::{stage_colour, EMPTY, GRID, INK, MUTED};
use super::surface::Surface;
use crate::domain::content::Stage;
use crate::domain::placement::Placement;

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

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 210.0;
const HEADER: f64 = 34.0;
const ROW: f64 = 40.0;

/// Draws the chart, sizing the canvas for the screen's pixel density.
pub fn draw_stage_profile(canvas: HtmlCanvasElement, rows: &[ProfileRow]) -> Result<(), String> {
    let height = HEADER + ROW * rows.len() as f64 + 8.0;
    let surface = Surface::new(canvas, WIDTH, height)?;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let column = (WIDTH - LABEL_WIDTH) / 4.0;
    for stage in Stage::ALL {
        let x = LABEL_WIDTH + column * stage.index() as f64 + column / 2.0;
        surface.text(
            stage.name(),
            (x, HEADER / 2.0),
            14.0,
            &stage_colour(stage),
            centre,
            false,
        )?;
    }
    for (i, row) in rows.iter().enumerate() {
        let top = HEADER + ROW * i as f64;
        let left_mid = Pos::new(HPos::Left, VPos::Center);
        surface.text(
            &truncate(&row.label, 26),
            (4.0, top + ROW / 2.0),
            14.0,
            &INK,
            left_mid,
            i == 0,
        )?;
        for stage in Stage::ALL {
            let left = LABEL_WIDTH + column * stage.index() as f64;
            let (from, to) = (
                (left + 3.0, top + 4.0),
                (left + column - 3.0, top + ROW - 4.0),
            );
            surface.fill_rect(from, to, EMPTY)?;
            match row.fits[stage.index()] {
                Some(fit) => {
                    surface.fill_rect(from, to, stage_colour(stage).mix(0.12 + 0.78 * fit))?
                }
                // A dash for "no evidence", drawn as a line so that the labels stay the
                // same from one answer to the next (see Surface's label layer).
                None => surface.line(
                    &[
                        (left + column / 2.0 - 5.0, top + ROW / 2.0),
                        (left + column / 2.0 + 5.0, top + ROW / 2.0),
                    ],
                    &MUTED,
                    1.5,
                )?,
            }
            if row.stage == Some(stage) {
                // A dark ring with a white one inside stays visible on light and dark cells.
                surface.outline_rect(from, to, &INK, 3.0)?;
                surface.outline_rect(
                    (left + 6.0, top + 7.0),
                    (left + column - 6.0, top + ROW - 7.0),
                    &WHITE,
                    2.0,
                )?;
            }
        }
        surface.line(&[(0.0, top + ROW), (WIDTH, top + ROW)], &GRID, 1.0)?;
    }
    surface.finish()
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
