//! A chart's canvas: redrawn whenever the signals its `draw` function reads change, with
//! a text label for screen readers and a message (never a blank) if drawing fails.

use leptos::html::Canvas;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::browser;
use crate::domain::records::exchange::file_name;

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
    let viewport = use_context::<crate::state::AppState>().map(|s| s.viewport);
    // A new window size may show the chart at another width: measure it again then.
    Effect::new(move |was: Option<Option<u32>>| {
        let size = viewport.map(|v| v.get());
        if let Some(element) = canvas.get() {
            if was.is_some_and(|was| was != size) {
                crate::charts::surface::forget_shown_width(&element);
            }
            error.set(draw(element).err());
        }
        size
    });
    let save_png = move |_| {
        let Some(element) = canvas.get_untracked() else {
            return;
        };
        let outcome = element
            .to_data_url()
            .map_err(|_| "the browser could not make an image".to_string())
            .and_then(|url| {
                let name = file_name(&label.get_untracked(), &browser::today_iso(), "png");
                browser::download_url(&name, &url)
            });
        error.set(outcome.err());
    };
    view! {
        <canvas node_ref=canvas class=if wide { "chart wide" } else { "chart" } role="img"
            aria-label=move || label.get()></canvas>
        <button type="button" class="link-button chart-download no-print" on:click=save_png>
            "Download chart (PNG)"
        </button>
        {move || error.get().map(|e| view! {
            <p class="form-error">{format!("The chart could not be drawn ({e}); the table has the same figures.")}</p>
        })}
    }
}
