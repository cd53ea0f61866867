//! The performance trajectory: the seed's bands (Floor, Coasting, National average,
//! Top 15%) as horizontal strips, and the school's points over time joined by a line.

use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::RGBColor;
use web_sys::HtmlCanvasElement;

use super::palette::{ACCENT, GRID, INK, MUTED};
use super::surface::Surface;
use crate::domain::improvement::trajectory::Band;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 120.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// Band strips from light to darker, lowest band first.
const STRIPS: [RGBColor; 4] = [
    RGBColor(0xfd, 0xec, 0xea),
    RGBColor(0xfd, 0xf1, 0xe3),
    RGBColor(0xe8, 0xf0, 0xfb),
    RGBColor(0xe7, 0xf4, 0xec),
];

pub fn draw_trajectory(
    canvas: HtmlCanvasElement,
    points: &[(String, Option<Band>)],
) -> Result<(), String> {
    let surface = Surface::new(canvas, WIDTH, HEIGHT)?;
    let strip = (HEIGHT - TOP - BOTTOM) / 4.0;
    let y_of = |band: Band| HEIGHT - BOTTOM - strip * (band.level() as f64 + 0.5);
    for band in Band::ALL {
        let bottom = HEIGHT - BOTTOM - strip * band.level() as f64;
        surface.fill_rect(
            (LEFT, bottom - strip),
            (WIDTH - RIGHT, bottom),
            STRIPS[band.level() as usize],
        )?;
        surface.text(
            band.name(),
            (LEFT - 8.0, y_of(band)),
            13.0,
            &INK,
            Pos::new(HPos::Right, VPos::Center),
            false,
        )?;
    }
    surface.line(
        &[(LEFT, HEIGHT - BOTTOM), (WIDTH - RIGHT, HEIGHT - BOTTOM)],
        &GRID,
        1.0,
    )?;
    let step = (WIDTH - LEFT - RIGHT) / points.len().max(1) as f64;
    let x_of = |i: usize| LEFT + step * (i as f64 + 0.5);
    for (i, (period, _)) in points.iter().enumerate() {
        let label: String = period.chars().take(14).collect();
        surface.text(
            &label,
            (x_of(i), HEIGHT - BOTTOM + 16.0),
            12.0,
            &MUTED,
            Pos::new(HPos::Center, VPos::Center),
            false,
        )?;
    }
    let placed: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, band))| band.map(|b| (x_of(i), y_of(b))))
        .collect();
    if placed.len() >= 2 {
        surface.line(&placed, &ACCENT, 3.0)?;
    }
    for &at in &placed {
        surface.dot(at, 7.0, &ACCENT, true)?;
    }
    surface.finish()
}
