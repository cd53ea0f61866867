//! A grid of stages: rows (teams, or scopes) against columns (themes, or dates), each
//! cell filled with its stage's colour and labelled with the stage's name. Headings and
//! row labels wrap onto as many lines as they need: none is cut.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::WHITE;
use web_sys::HtmlCanvasElement;

use super::palette::{stage_colour, EMPTY, INK, MUTED};
use super::surface::{stacked, wrap, Surface};
use crate::domain::base::content::Stage;

/// One row: a label and a stage per column.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    pub label: String,
    pub cells: Vec<Option<Stage>>,
}

const WIDTH: f64 = 760.0;
const LABEL_WIDTH: f64 = 190.0;
const ROW: f64 = 40.0;
/// The height of a line of a label.
const LINE: f64 = 14.0;

pub fn draw_stage_grid(
    canvas: HtmlCanvasElement,
    columns: &[String],
    rows: &[GridRow],
) -> Result<(), String> {
    let width = (WIDTH - LABEL_WIDTH) / columns.len().max(1) as f64;
    let headings: Vec<Vec<String>> = columns
        .iter()
        .map(|c| wrap(c, ((width - 4.0) / 7.0).max(4.0) as usize))
        .collect();
    let header = 10.0 + LINE * headings.iter().map(Vec::len).max().unwrap_or(1).max(2) as f64;
    let labels: Vec<Vec<String>> = rows.iter().map(|r| wrap(&r.label, 24)).collect();
    let heights: Vec<f64> = labels
        .iter()
        .map(|l| ROW.max(LINE * l.len() as f64 + 12.0))
        .collect();
    let height = header + heights.iter().sum::<f64>().max(ROW) + 6.0;
    let surface = Surface::new(canvas, WIDTH, height)?;
    let centre = Pos::new(HPos::Center, VPos::Center);
    for (c, lines) in headings.iter().enumerate() {
        let x = LABEL_WIDTH + width * (c as f64 + 0.5);
        for (line, y) in stacked(lines, header / 2.0, LINE) {
            surface.text(line, (x, y), 12.0, &MUTED, centre, false)?;
        }
    }
    let mut top = header;
    for (r, row) in rows.iter().enumerate() {
        let row_height = heights[r];
        let lines = &labels[r];
        for (line, y) in stacked(lines, top + row_height / 2.0, LINE) {
            surface.text(
                line,
                (4.0, y),
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
                (left + width - 2.0, top + row_height - 3.0),
            );
            let middle = (left + width / 2.0, top + row_height / 2.0);
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
        top += row_height;
    }
    surface.finish()
}
