//! A grid of stages: rows (teams, or scopes) against columns (themes, or dates), each
//! cell filled with its stage's colour and labelled with the stage's name.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::WHITE;
use web_sys::HtmlCanvasElement;

use super::palette::{stage_colour, EMPTY, INK, MUTED};
use super::surface::{wrap, Surface};
use crate::domain::content::Stage;

/// One row: a label and a stage per column.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    pub label: String,
    pub cells: Vec<Option<Stage>>,
}

const WIDTH: f64 = 760.0;
const LABEL_WIDTH: f64 = 190.0;
const HEADER: f64 = 52.0;
const ROW: f64 = 40.0;

pub fn draw_stage_grid(
    canvas: HtmlCanvasElement,
    columns: &[String],
    rows: &[GridRow],
) -> Result<(), String> {
    let height = HEADER + ROW * rows.len().max(1) as f64 + 6.0;
    let surface = Surface::new(canvas, WIDTH, height)?;
    let width = (WIDTH - LABEL_WIDTH) / columns.len().max(1) as f64;
    let centre = Pos::new(HPos::Center, VPos::Center);
    for (c, column) in columns.iter().enumerate() {
        let x = LABEL_WIDTH + width * (c as f64 + 0.5);
        let lines = wrap(column, (width / 7.0) as usize);
        let top = HEADER / 2.0 - 7.0 * (lines.len() as f64 - 1.0);
        for (n, line) in lines.iter().take(3).enumerate() {
            surface.text(
                line,
                (x, top + 14.0 * n as f64),
                12.0,
                &MUTED,
                centre,
                false,
            )?;
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let top = HEADER + ROW * r as f64;
        let lines = wrap(&row.label, 26);
        let first = top + ROW / 2.0 - 7.0 * (lines.len().min(2) as f64 - 1.0);
        for (n, line) in lines.iter().take(2).enumerate() {
            surface.text(
                line,
                (4.0, first + 14.0 * n as f64),
                13.0,
                &INK,
                Pos::new(HPos::Left, VPos::Center),
                false,
            )?;
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let left = LABEL_WIDTH + width * c as f64;
            let (from, to) = (
                (left + 2.0, top + 3.0),
                (left + width - 2.0, top + ROW - 3.0),
            );
            let middle = (left + width / 2.0, top + ROW / 2.0);
            match cell {
                Some(stage) => {
                    surface.fill_rect(from, to, stage_colour(*stage))?;
                    surface.text(stage.name(), middle, 12.0, &WHITE, centre, true)?;
                }
                None => {
                    surface.fill_rect(from, to, EMPTY)?;
                    surface.text("–", middle, 12.0, &MUTED, centre, false)?;
                }
            }
        }
    }
    surface.finish()
}
