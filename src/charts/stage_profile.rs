//! The stage profile: a row per theme, a column per stage, each cell shaded by how well
//! that stage fits and the best fit ringed.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::palette::{stage_colour, EMPTY, GRID, INK, MUTED};
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
    let scale = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .clamp(1.0, 3.0);
    let height = HEADER + ROW * rows.len() as f64 + 8.0;
    canvas.set_width((WIDTH * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let px = |v: f64| (v * scale).round() as i32;
    let font = |size: f64| ("sans-serif", size * scale).into_font();

    let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas context")?;
    let root = backend.into_drawing_area();
    let fail = |e: DrawingAreaErrorKind<_>| format!("{e:?}");
    root.fill(&WHITE).map_err(fail)?;

    let column = (WIDTH - LABEL_WIDTH) / 4.0;
    for stage in Stage::ALL {
        let x = LABEL_WIDTH + column * stage.index() as f64 + column / 2.0;
        let style = font(14.0)
            .color(&stage_colour(stage))
            .pos(Pos::new(HPos::Center, VPos::Center));
        root.draw(&Text::new(stage.name(), (px(x), px(HEADER / 2.0)), style))
            .map_err(fail)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let top = HEADER + ROW * i as f64;
        let weight = if i == 0 {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let label_style = font(14.0)
            .style(weight)
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(
            truncate(&row.label, 26),
            (px(4.0), px(top + ROW / 2.0)),
            label_style,
        ))
        .map_err(fail)?;
        for stage in Stage::ALL {
            let left = LABEL_WIDTH + column * stage.index() as f64;
            let cell = [
                (px(left + 3.0), px(top + 4.0)),
                (px(left + column - 3.0), px(top + ROW - 4.0)),
            ];
            match row.fits[stage.index()] {
                Some(fit) => {
                    root.draw(&Rectangle::new(cell, EMPTY.filled()))
                        .map_err(fail)?;
                    let shade = stage_colour(stage).mix(0.12 + 0.78 * fit);
                    root.draw(&Rectangle::new(cell, shade.filled()))
                        .map_err(fail)?;
                }
                None => {
                    root.draw(&Rectangle::new(cell, EMPTY.filled()))
                        .map_err(fail)?;
                    let dash = font(12.0)
                        .color(&MUTED)
                        .pos(Pos::new(HPos::Center, VPos::Center));
                    root.draw(&Text::new(
                        "–",
                        (px(left + column / 2.0), px(top + ROW / 2.0)),
                        dash,
                    ))
                    .map_err(fail)?;
                }
            }
            if row.stage == Some(stage) {
                // A dark ring with a white one inside stays visible on light and dark cells.
                let ring = ShapeStyle::from(&INK).stroke_width((3.0 * scale) as u32);
                root.draw(&Rectangle::new(cell, ring)).map_err(fail)?;
                let inner = [
                    (px(left + 6.0), px(top + 7.0)),
                    (px(left + column - 6.0), px(top + ROW - 7.0)),
                ];
                let halo = ShapeStyle::from(&WHITE).stroke_width((2.0 * scale) as u32);
                root.draw(&Rectangle::new(inner, halo)).map_err(fail)?;
            }
        }
        let line = ShapeStyle::from(&GRID).stroke_width(1);
        root.draw(&PathElement::new(
            vec![(px(0.0), px(top + ROW)), (px(WIDTH), px(top + ROW))],
            line,
        ))
        .map_err(fail)?;
    }
    root.present().map_err(fail)?;
    Ok(())
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}
