//! Entry point of a board member's small app: the pages of a join or answer link only
//! (src/member_app.rs), so a member's phone fetches a fraction of the whole app.

#[cfg(target_arch = "wasm32")]
fn main() {
    waypoint::member_app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waypoint runs in the browser: build and serve it with `scripts/serve.sh`.");
}
