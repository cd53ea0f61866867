//! The spectrum chart: each area on the autonomy → standardisation scale, where it is
//! now (hollow dot) and where the trust wants it (filled dot), joined by an arrow.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::palette::{ACCENT, GRID, INK, MUTED};
use crate::domain::aas::Position;

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

    let left = LABEL_WIDTH + 40.0;
    let right = WIDTH - 50.0;
    let x_of = |value: f64| left + (right - left) * value / 4.0;
    let bottom = HEADER + ROW * rows.len() as f64;
    for position in Position::ALL {
        let x = x_of(f64::from(position.value()));
        let words: Vec<&str> = position.label().split(' ').collect();
        for (line, word) in words.iter().enumerate() {
            let style = font(12.0)
                .color(&MUTED)
                .pos(Pos::new(HPos::Center, VPos::Top));
            root.draw(&Text::new(
                *word,
                (px(x), px(4.0 + 14.0 * line as f64)),
                style,
            ))
            .map_err(fail)?;
        }
        root.draw(&PathElement::new(
            vec![(px(x), px(HEADER - 6.0)), (px(x), px(bottom))],
            ShapeStyle::from(&GRID).stroke_width(1),
        ))
        .map_err(fail)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = HEADER + ROW * i as f64 + ROW / 2.0;
        let weight = if i + 1 == rows.len() {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let label = font(14.0)
            .style(weight)
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let lines = wrap(&row.label, 28);
        let first = y - 8.0 * (lines.len() as f64 - 1.0);
        for (n, line) in lines.iter().enumerate() {
            root.draw(&Text::new(
                line.clone(),
                (px(4.0), px(first + 16.0 * n as f64)),
                label.clone(),
            ))
            .map_err(fail)?;
        }
        match (row.now, row.desired) {
            (None, None) => {
                let none = font(12.0)
                    .color(&MUTED)
                    .pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new("no answers yet", (px(x_of(2.0)), px(y)), none))
                    .map_err(fail)?;
            }
            (now, desired) => {
                if let (Some(a), Some(b)) = (now, desired) {
                    root.draw(&PathElement::new(
                        vec![(px(x_of(a)), px(y)), (px(x_of(b)), px(y))],
                        ShapeStyle::from(&ACCENT).stroke_width((3.0 * scale) as u32),
                    ))
                    .map_err(fail)?;
                }
                if let Some(a) = now {
                    root.draw(&Circle::new((px(x_of(a)), px(y)), px(8.0), WHITE.filled()))
                        .map_err(fail)?;
                    root.draw(&Circle::new(
                        (px(x_of(a)), px(y)),
                        px(8.0),
                        ShapeStyle::from(&INK).stroke_width((2.5 * scale) as u32),
                    ))
                    .map_err(fail)?;
                }
                if let Some(b) = desired {
                    root.draw(&Circle::new((px(x_of(b)), px(y)), px(8.0), ACCENT.filled()))
                        .map_err(fail)?;
                }
            }
        }
    }
    root.present().map_err(fail)?;
    Ok(())
}

/// Splits a label into lines of at most about `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}
