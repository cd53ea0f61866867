//! A canvas prepared for drawing at the screen's pixel density, with the few drawing
//! operations the charts share, in CSS-pixel coordinates.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

pub struct Surface {
    root: DrawingArea<CanvasBackend, Shift>,
    /// The same canvas's context, for text: drawn directly so that the font is set only
    /// when it changes (parsing a font string is the slowest part of a redraw).
    context: web_sys::CanvasRenderingContext2d,
    font: std::cell::RefCell<String>,
    scale: f64,
}

fn failed<E: std::fmt::Debug>(error: E) -> String {
    format!("{error:?}")
}

impl Surface {
    /// Sizes the canvas to `width` × `height` CSS pixels (times the pixel ratio) and clears it.
    pub fn new(canvas: HtmlCanvasElement, width: f64, height: f64) -> Result<Surface, String> {
        let scale = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .clamp(1.0, 3.0);
        canvas.set_width((width * scale) as u32);
        canvas.set_height((height * scale) as u32);
        let context: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .ok_or("no canvas context")?
            .unchecked_into();
        let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas context")?;
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        Ok(Surface {
            root,
            context,
            font: std::cell::RefCell::new(String::new()),
            scale,
        })
    }

    fn px(&self, value: f64) -> i32 {
        (value * self.scale).round() as i32
    }

    fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    pub fn text(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        colour: &RGBColor,
        pos: Pos,
        bold: bool,
    ) -> Result<(), String> {
        let font = format!(
            "{}{}px sans-serif",
            if bold { "bold " } else { "" },
            size * self.scale
        );
        if *self.font.borrow() != font {
            self.context.set_font(&font);
            self.font.replace(font);
        }
        self.context.set_text_align(match pos.h_pos {
            HPos::Left => "left",
            HPos::Right => "right",
            HPos::Center => "center",
        });
        self.context.set_text_baseline(match pos.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        let RGBColor(r, g, b) = *colour;
        self.context
            .set_fill_style_str(&format!("rgb({r},{g},{b})"));
        let (x, y) = self.point(at);
        self.context
            .fill_text(text, f64::from(x), f64::from(y))
            .map_err(failed)
    }

    pub fn fill_rect(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        colour: impl Color,
    ) -> Result<(), String> {
        self.root
            .draw(&Rectangle::new(
                [self.point(from), self.point(to)],
                colour.filled(),
            ))
            .map_err(failed)
    }

    pub fn outline_rect(
        &self,
        from: (f64, f64),
        to: (f64, f64),
        colour: &RGBColor,
        width: f64,
    ) -> Result<(), String> {
        let style = ShapeStyle::from(colour).stroke_width(self.px(width).max(1) as u32);
        self.root
            .draw(&Rectangle::new([self.point(from), self.point(to)], style))
            .map_err(failed)
    }

    pub fn line(&self, points: &[(f64, f64)], colour: &RGBColor, width: f64) -> Result<(), String> {
        let style = ShapeStyle::from(colour).stroke_width(self.px(width).max(1) as u32);
        let path: Vec<(i32, i32)> = points.iter().map(|&p| self.point(p)).collect();
        self.root
            .draw(&PathElement::new(path, style))
            .map_err(failed)
    }

    pub fn dot(
        &self,
        at: (f64, f64),
        radius: f64,
        colour: &RGBColor,
        filled: bool,
    ) -> Result<(), String> {
        let centre = self.point(at);
        let radius = self.px(radius);
        if filled {
            self.root
                .draw(&Circle::new(centre, radius, colour.filled()))
                .map_err(failed)
        } else {
            self.root
                .draw(&Circle::new(centre, radius, WHITE.filled()))
                .map_err(failed)?;
            let ring = ShapeStyle::from(colour).stroke_width(self.px(2.5) as u32);
            self.root
                .draw(&Circle::new(centre, radius, ring))
                .map_err(failed)
        }
    }

    pub fn finish(self) -> Result<(), String> {
        self.root.present().map_err(failed)
    }
}

/// Splits a label into lines of at most about `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
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
