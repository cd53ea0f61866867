//! Shown for links that point nowhere in the app.

use leptos::prelude::*;

use crate::browser;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    browser::set_title("Page not found – Waypoint");
    view! {
        <section class="panel">
            <h1>"Page not found"</h1>
            <p>"This link does not lead to a page of Waypoint."</p>
            <p><a href="#/">"Go to your assessments"</a></p>
        </section>
    }
}
