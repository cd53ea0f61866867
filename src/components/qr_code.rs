//! A link as a QR code, drawn as one SVG path so that it is sharp at any size, from a
//! phone's screen to a projector.

use leptos::prelude::*;

#[component]
pub fn QrCode(
    /// The text to encode (a join or response link).
    #[prop(into)]
    text: Signal<String>,
    /// What the code is, for screen readers ("QR code of the join link").
    label: &'static str,
) -> impl IntoView {
    let code = move || crate::qr::svg_path(&text.get());
    view! {
        {move || match code() {
            Some((size, path)) => view! {
                <svg class="qr-code" viewBox=format!("0 0 {size} {size}") role="img" aria-label=label
                    shape-rendering="crispEdges">
                    <rect width=size.to_string() height=size.to_string() fill="#fff"></rect>
                    <path d=path fill="#000"></path>
                </svg>
            }.into_any(),
            None => view! { <p class="hint">"This link is too long for a QR code: send the link itself."</p> }.into_any(),
        }}
    }
}
