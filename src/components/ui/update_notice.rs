//! Tells the user, calmly, when a reload would bring a new version of Waypoint: the
//! service worker has kept a newer release than the one this page runs.

use leptos::prelude::*;

use crate::browser;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    browser::on_new_version(move || ready.set(true));
    let reload = |_| {
        let _ = window().location().reload();
    };
    view! {
        <div role="status">
            {move || ready.get().then(|| view! {
                <div class="banner">
                    <p>"A new version of Waypoint is ready. Reload to use it."</p>
                    <button type="button" class="button" on:click=reload>"Reload"</button>
                </div>
            })}
        </div>
    }
}
