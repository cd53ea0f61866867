//! The spectrum chart: each area on the autonomy → standardisation scale, where it is
//! now (hollow dot) and where the trust wants it (filled dot), joined by a line.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::palette::{ACCENT, GRID, INK, MUTED};
use super::surface::{stacked, wrap, Surface};
use crate::domain::workshop::aas::Position;

/// One row: a label and mean positions on the 0–4 scale.
#[derive(Clone, Debug, PartialEq)]
pub struct SpectrumRow {
    pub label: String,
    pub now: Option<f64>,
    pub desired: Option<f64>,
}

const WIDTH: f64 = 720.0;
const LABEL_WIDTH: f64 = 230.0;
const HEADER: f64 = 44.0;
const ROW: f64 = 44.0;

pub fn draw_spectrum(canvas: HtmlCanvasElement, rows: &[SpectrumRow]) -> Result<(), String> {
    let height = HEADER + ROW * rows.len() as f64 + 8.0;
    let surface = Surface::fitted(canvas, WIDTH, height)?;
    let left = LABEL_WIDTH + 40.0;
    let right = WIDTH - 50.0;
    let x_of = |value: f64| left + (right - left) * value / 4.0;
    let bottom = HEADER + ROW * rows.len() as f64;
    for position in Position::ALL {
        let x = x_of(f64::from(position.value()));
        for (line, word) in position.label().split(' ').enumerate() {
            let top = Pos::new(HPos::Center, VPos::Top);
            surface.text(
                word,
                (x, 4.0 + 14.0 * line as f64),
                12.0,
                &MUTED,
                top,
                false,
            )?;
        }
        surface.line(&[(x, HEADER - 6.0), (x, bottom)], &GRID, 1.0)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = HEADER + ROW * i as f64 + ROW / 2.0;
        let lines = wrap(&row.label, 28);
        for (line, line_y) in stacked(&lines, y, 16.0) {
            let left_mid = Pos::new(HPos::Left, VPos::Center);
            surface.text(
                line,
                (4.0, line_y),
                14.0,
                &INK,
                left_mid,
                i + 1 == rows.len(),
            )?;
        }
        if let (Some(a), Some(b)) = (row.now, row.desired) {
            surface.line(&[(x_of(a), y), (x_of(b), y)], &ACCENT, 3.0)?;
        }
        if let Some(a) = row.now {
            surface.dot((x_of(a), y), 8.0, &INK, false)?;
        }
        if let Some(b) = row.desired {
            surface.dot((x_of(b), y), 8.0, &ACCENT, true)?;
        }
        if row.now.is_none() && row.desired.is_none() {
            let centre = Pos::new(HPos::Center, VPos::Center);
            surface.text(
                "no answers yet",
                (x_of(2.0), y),
                12.0,
                &MUTED,
                centre,
                false,
            )?;
        }
    }
    surface.finish()
}
