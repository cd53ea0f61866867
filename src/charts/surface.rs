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
    /// The same canvas's context, for text. Text is drawn last, grouped by font, because
    /// setting a font (which the browser parses) was the slowest part of a redraw.
    context: web_sys::CanvasRenderingContext2d,
    texts: std::cell::RefCell<Vec<TextOp>>,
    scale: f64,
}

/// A label waiting to be drawn on top of the shapes.
struct TextOp {
    font: String,
    text: String,
    at: (i32, i32),
    colour: RGBColor,
    pos: Pos,
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
            texts: std::cell::RefCell::new(Vec::new()),
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
        self.texts.borrow_mut().push(TextOp {
            font,
            text: text.to_string(),
            at: self.point(at),
            colour: *colour,
            pos,
        });
        Ok(())
    }

    /// Draws the labels, one font at a time, setting each context property only when it
    /// changes.
    fn draw_texts(&self) -> Result<(), String> {
        let mut texts = self.texts.take();
        texts.sort_by(|a, b| a.font.cmp(&b.font));
        let (mut font, mut align, mut baseline, mut fill) = (None, None, None, None);
        for op in &texts {
            if font != Some(&op.font) {
                self.context.set_font(&op.font);
                font = Some(&op.font);
            }
            let h = match op.pos.h_pos {
                HPos::Left => "left",
                HPos::Right => "right",
                HPos::Center => "center",
            };
            if align != Some(h) {
                self.context.set_text_align(h);
                align = Some(h);
            }
            let v = match op.pos.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            };
            if baseline != Some(v) {
                self.context.set_text_baseline(v);
                baseline = Some(v);
            }
            if fill != Some(op.colour) {
                let RGBColor(r, g, b) = op.colour;
                self.context
                    .set_fill_style_str(&format!("rgb({r},{g},{b})"));
                fill = Some(op.colour);
            }
            self.context
                .fill_text(&op.text, f64::from(op.at.0), f64::from(op.at.1))
                .map_err(failed)?;
        }
        Ok(())
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
        self.draw_texts()?;
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
