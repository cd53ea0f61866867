//! A chart's canvas: redrawn whenever the signals its `draw` function reads change, with
//! a text label for screen readers and a message (never a blank) if drawing fails.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

#[component]
pub fn ChartCanvas<F>(
    /// What the chart shows, in words.
    #[prop(into)]
    label: Signal<String>,
    draw: F,
    #[prop(optional)] wide: bool,
) -> impl IntoView
where
    F: Fn(HtmlCanvasElement) -> Result<(), String> + 'static,
{
    let canvas = NodeRef::<Canvas>::new();
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(element) = canvas.get() {
            error.set(draw(element).err());
        }
    });
    view! {
        <canvas node_ref=canvas class=if wide { "chart wide" } else { "chart" } role="img"
            aria-label=move || label.get()></canvas>
        {move || error.get().map(|e| view! {
            <p class="form-error">{format!("The chart could not be drawn ({e}); the table has the same figures.")}</p>
        })}
    }
}
