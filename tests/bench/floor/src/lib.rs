//! Writes the static baseline's page from WebAssembly: what any WebAssembly app pays
//! before it does anything of its own (fetching and compiling a module, starting it).

use wasm_bindgen::prelude::*;

/// Puts the baseline's header and heading in the page.
#[wasm_bindgen(start)]
pub fn start() {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        body.set_inner_html(concat!(
            r##"<header class="site-header"><a class="brand" href="#">Waypoint</a></header>"##,
            r#"<main id="main"><h1>Your assessments</h1>"#,
            "<p>Walk through the observable features of the four stages for the whole school ",
            "or for a team, subject or year group.</p></main>",
        ));
    }
}
