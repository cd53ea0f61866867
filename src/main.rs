//! Entry point: mounts the Leptos app in the browser.

#[cfg(target_arch = "wasm32")]
fn main() {
    waypoint::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waypoint runs in the browser: build and serve it with `scripts/serve.sh`.");
}
