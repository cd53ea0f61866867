//! A canvas prepared for drawing at the screen's pixel density, with the few drawing
//! operations the charts share, in CSS-pixel coordinates.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct Surface {
    root: DrawingArea<CanvasBackend, Shift>,
    /// The same canvas's context, for text. Text is drawn last, on a layer of its own:
    /// setting a font (which the browser parses) was the slowest part of a redraw, and a
    /// chart's labels rarely change when an answer does, so the layer is reused.
    context: CanvasRenderingContext2d,
    texts: RefCell<Vec<TextOp>>,
    /// Figures that change with the answers, drawn over the labels from kept stamps.
    figures: RefCell<Vec<TextOp>>,
    scale: f64,
}

/// A label waiting to be drawn on top of the shapes.
#[derive(Clone, PartialEq)]
struct TextOp {
    font: String,
    text: String,
    at: (i32, i32),
    colour: RGBColor,
    align: &'static str,
    baseline: &'static str,
}

/// Label layers drawn lately, by what they hold and their size in pixels.
struct LabelLayer {
    texts: Vec<TextOp>,
    size: (u32, u32),
    canvas: HtmlCanvasElement,
}

/// A few layers: one per chart on the page is enough to redraw without text work.
const LABEL_LAYERS_KEPT: usize = 8;
/// Charts larger than this (in device pixels) draw their labels straight on: a kept copy
/// of a tall chart (a trust's 200 schools) would hold tens of megabytes.
const LABEL_LAYER_MAX_PIXELS: u64 = 2_000_000;

/// A figure drawn once on a small canvas of its own, to be stamped where it is needed.
struct Stamp {
    key: String,
    canvas: HtmlCanvasElement,
}

/// Enough stamps for every figure a page shows ("0%" to "100%" in two inks and sizes).
const STAMPS_KEPT: usize = 512;

thread_local! {
    static LABEL_LAYERS: RefCell<Vec<LabelLayer>> = const { RefCell::new(Vec::new()) };
    static STAMPS: RefCell<Vec<Stamp>> = const { RefCell::new(Vec::new()) };
}

fn failed<E: std::fmt::Debug>(error: E) -> String {
    format!("{error:?}")
}

impl Surface {
    /// Sizes the canvas to `width` × `height` CSS pixels and clears it. It is drawn at the
    /// device's pixel density, and more where the page shows it wider than `width` (a
    /// projector, the presentation view) and for print, so it is sharp wherever it is seen.
    pub fn new(canvas: HtmlCanvasElement, width: f64, height: f64) -> Result<Surface, String> {
        let scale = drawing_scale(&canvas, width, height, None);
        Surface::scaled(canvas, width, height, scale)
    }

    /// Like [`Surface::new`], but drawn for the width the canvas is shown at (its CSS
    /// width times the pixel ratio) whether wider or narrower, so that a chart stretched
    /// across a projector is as sharp as one on a laptop: the layout is the same, only larger.
    pub fn fitted(canvas: HtmlCanvasElement, width: f64, height: f64) -> Result<Surface, String> {
        let shown = canvas.get_bounding_client_rect().width();
        let zoom = if shown > 0.0 { shown / width } else { 1.0 };
        let scale = drawing_scale(&canvas, width, height, Some(zoom.clamp(0.25, 4.0)));
        Surface::scaled(canvas, width, height, scale)
    }

    fn scaled(
        canvas: HtmlCanvasElement,
        width: f64,
        height: f64,
        scale: f64,
    ) -> Result<Surface, String> {
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let context = context_2d(&canvas)?;
        let backend = CanvasBackend::with_canvas_object(canvas).ok_or("no canvas context")?;
        let root = backend.into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        Ok(Surface {
            root,
            context,
            texts: RefCell::new(Vec::new()),
            figures: RefCell::new(Vec::new()),
            scale,
        })
    }

    fn px(&self, value: f64) -> i32 {
        (value * self.scale).round() as i32
    }

    fn point(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    /// A label: kept on a layer that is reused while the chart's labels stay the same.
    pub fn text(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        colour: &RGBColor,
        pos: Pos,
        bold: bool,
    ) -> Result<(), String> {
        let op = self.text_op(text, at, size, colour, pos, bold);
        self.texts.borrow_mut().push(op);
        Ok(())
    }

    /// A figure that changes with the answers (a percentage), centred on `at`: drawn from
    /// a stamp kept for it, so that an answer does not redraw every label of the chart.
    pub fn figure(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        colour: &RGBColor,
        bold: bool,
    ) -> Result<(), String> {
        let centre = Pos::new(HPos::Center, VPos::Center);
        let op = self.text_op(text, at, size, colour, centre, bold);
        self.figures.borrow_mut().push(op);
        Ok(())
    }

    fn text_op(
        &self,
        text: &str,
        at: (f64, f64),
        size: f64,
        colour: &RGBColor,
        pos: Pos,
        bold: bool,
    ) -> TextOp {
        TextOp {
            font: format!(
                "{}{}px sans-serif",
                if bold { "bold " } else { "" },
                size * self.scale
            ),
            text: text.to_string(),
            at: self.point(at),
            colour: *colour,
            align: match pos.h_pos {
                HPos::Left => "left",
                HPos::Right => "right",
                HPos::Center => "center",
            },
            baseline: match pos.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        }
    }

    /// Stamps each figure, centred where it belongs.
    fn draw_figures(&self) -> Result<(), String> {
        for op in self.figures.take() {
            let stamp = stamp_of(&op)?;
            let (w, h) = (f64::from(stamp.width()), f64::from(stamp.height()));
            self.context
                .draw_image_with_html_canvas_element(
                    &stamp,
                    (f64::from(op.at.0) - w / 2.0).round(),
                    (f64::from(op.at.1) - h / 2.0).round(),
                )
                .map_err(failed)?;
        }
        Ok(())
    }

    /// Puts the labels on top of the shapes: from the layer drawn last time if they are
    /// the same, otherwise on a new layer, kept for the next redraw.
    fn draw_texts(&self) -> Result<(), String> {
        let mut texts = self.texts.take();
        if texts.is_empty() {
            return Ok(());
        }
        crate::domain::base::order::sort_by(&mut texts, |a, b| a.font.cmp(&b.font));
        let canvas = self.context.canvas().ok_or("no canvas")?;
        let size = (canvas.width(), canvas.height());
        if u64::from(size.0) * u64::from(size.1) > LABEL_LAYER_MAX_PIXELS {
            return paint_texts(&self.context, &texts);
        }
        let kept = LABEL_LAYERS.with_borrow_mut(|layers| {
            let found = layers
                .iter()
                .position(|l| l.size == size && l.texts == texts)?;
            let layer = layers.remove(found);
            let canvas = layer.canvas.clone();
            layers.insert(0, layer);
            Some(canvas)
        });
        let layer = match kept {
            Some(layer) => layer,
            None => {
                let layer = new_layer(size)?;
                paint_texts(&context_2d(&layer)?, &texts)?;
                LABEL_LAYERS.with_borrow_mut(|layers| {
                    layers.insert(
                        0,
                        LabelLayer {
                            texts,
                            size,
                            canvas: layer.clone(),
                        },
                    );
                    layers.truncate(LABEL_LAYERS_KEPT);
                });
                layer
            }
        };
        self.context
            .draw_image_with_html_canvas_element(&layer, 0.0, 0.0)
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
        self.draw_texts()?;
        self.draw_figures()?;
        self.root.present().map_err(failed)
    }
}

/// Device pixels per CSS pixel of the chart's drawing: the screen's density times `zoom`
/// (how the page shows a fitted chart), or else times how much wider than drawn the page
/// shows the canvas, and at least 2 for print; a very large chart (a trust's 200 schools)
/// stays within [`MAX_PIXELS`].
fn drawing_scale(canvas: &HtmlCanvasElement, width: f64, height: f64, zoom: Option<f64>) -> f64 {
    let density = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let wanted = match zoom {
        // Drawn for exactly the pixels it is shown at (a presentation's slide).
        Some(zoom) => density.clamp(1.0, 3.0) * zoom,
        None => {
            let shown = shown_width(canvas);
            let stretch = if shown > width { shown / width } else { 1.0 };
            (density * stretch).clamp(PRINT_SCALE, 6.0)
        }
    };
    let most = (MAX_PIXELS / (width * height)).sqrt();
    wanted.min(most).max(1.0)
}

/// The width the page shows `canvas` at, in CSS pixels. Measuring makes the browser lay
/// out the page, which an answer would otherwise pay for at every redraw; so it is kept on
/// the canvas until [`forget_shown_width`] (the window was resized).
pub fn shown_width(canvas: &HtmlCanvasElement) -> f64 {
    if let Some(kept) = canvas
        .get_attribute(SHOWN_WIDTH)
        .and_then(|w| w.parse::<f64>().ok())
    {
        return kept;
    }
    let shown = f64::from(canvas.client_width());
    if shown > 0.0 {
        let _ = canvas.set_attribute(SHOWN_WIDTH, &shown.to_string());
    }
    shown
}

/// Measure the canvas again at its next drawing (its layout may have changed).
pub fn forget_shown_width(canvas: &HtmlCanvasElement) {
    let _ = canvas.remove_attribute(SHOWN_WIDTH);
}

const SHOWN_WIDTH: &str = "data-shown-width";

/// The least scale a chart is drawn at, so that printed charts are sharp.
const PRINT_SCALE: f64 = 2.0;
/// The most device pixels a chart is drawn with.
const MAX_PIXELS: f64 = 8_000_000.0;

/// A canvas's 2D drawing context.
fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, String> {
    Ok(canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("no canvas context")?
        .unchecked_into())
}

/// A transparent canvas, not in the page, to draw labels on.
fn new_layer((width, height): (u32, u32)) -> Result<HtmlCanvasElement, String> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .ok_or("no canvas")?
        .unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    Ok(canvas)
}

/// The stamp of a centred figure: kept, or drawn now on a canvas just large enough
/// (an even size, so that centring it lands on whole pixels as text would).
fn stamp_of(op: &TextOp) -> Result<HtmlCanvasElement, String> {
    let RGBColor(r, g, b) = op.colour;
    let key = format!("{}|{r},{g},{b}|{}", op.font, op.text);
    if let Some(kept) = STAMPS.with_borrow(|stamps| {
        stamps
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.canvas.clone())
    }) {
        return Ok(kept);
    }
    let measure = new_layer((1, 1))?;
    let context = context_2d(&measure)?;
    context.set_font(&op.font);
    let width = context.measure_text(&op.text).map_err(failed)?.width();
    let px: f64 = op
        .font
        .split("px")
        .next()
        .and_then(|f| f.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(16.0);
    let even = |v: f64| (v.ceil() as u32 + 1) & !1;
    let size = (even(width + 4.0), even(px * 1.6));
    let canvas = new_layer(size)?;
    let centred = TextOp {
        at: (size.0 as i32 / 2, size.1 as i32 / 2),
        align: "center",
        baseline: "middle",
        ..op.clone()
    };
    paint_texts(&context_2d(&canvas)?, std::slice::from_ref(&centred))?;
    STAMPS.with_borrow_mut(|stamps| {
        if stamps.len() >= STAMPS_KEPT {
            stamps.clear();
        }
        stamps.push(Stamp {
            key,
            canvas: canvas.clone(),
        });
    });
    Ok(canvas)
}

/// Draws labels one font at a time (they come sorted by font), setting each context
/// property only when it changes.
fn paint_texts(context: &CanvasRenderingContext2d, texts: &[TextOp]) -> Result<(), String> {
    let (mut font, mut align, mut baseline, mut fill) = (None, None, None, None);
    for op in texts {
        if font != Some(&op.font) {
            context.set_font(&op.font);
            font = Some(&op.font);
        }
        if align != Some(op.align) {
            context.set_text_align(op.align);
            align = Some(op.align);
        }
        if baseline != Some(op.baseline) {
            context.set_text_baseline(op.baseline);
            baseline = Some(op.baseline);
        }
        if fill != Some(op.colour) {
            let RGBColor(r, g, b) = op.colour;
            context.set_fill_style_str(&format!("rgb({r},{g},{b})"));
            fill = Some(op.colour);
        }
        context
            .fill_text(&op.text, f64::from(op.at.0), f64::from(op.at.1))
            .map_err(failed)?;
    }
    Ok(())
}

/// The lines of a wrapped label with the height of each, `spacing` apart, the block centred
/// on `middle`.
pub fn stacked(lines: &[String], middle: f64, spacing: f64) -> impl Iterator<Item = (&str, f64)> {
    let first = middle - spacing / 2.0 * (lines.len() as f64 - 1.0);
    lines
        .iter()
        .enumerate()
        .map(move |(n, line)| (line.as_str(), first + spacing * n as f64))
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
