//! An assessment opened from a share link: read-only, with "save a copy to this browser".

use leptos::prelude::*;

use crate::browser;
use crate::components::report::Report;
use crate::domain::assessment::Assessment;
use crate::domain::share::Shared;
use crate::route::Route;
use crate::share_link;
use crate::state::AppState;

#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    browser::set_title("Shared assessment – Waypoint");
    let opened = RwSignal::new(None::<Result<Shared, String>>);
    leptos::task::spawn_local(async move {
        opened.set(Some(share_link::open(&data).await));
    });
    let assessment: Memo<Option<Assessment>> = Memo::new(move |_| {
        opened.with(|o| {
            o.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(Shared::preview)
        })
    });
    let saved_as = RwSignal::new(None::<String>);
    let save_copy = move |_| {
        let Some(Some(Ok(shared))) = opened.with_untracked(|o| o.clone().map(Some)) else {
            return;
        };
        let copy = shared.into_assessment(browser::new_id(), browser::now_ms());
        let id = copy.id.clone();
        state.edit(|s| s.add(copy));
        saved_as.set(Some(id));
    };
    view! {
        {move || match opened.get() {
            None => view! { <p role="status">"Opening the shared assessment…"</p> }.into_any(),
            Some(Err(why)) => view! {
                <section class="panel">
                    <h1>"This link cannot be opened"</h1>
                    <p>{format!("Waypoint could not read the shared assessment: {why}.")}</p>
                    <p>"Ask the sender for the link again, or for the downloaded file, which you can import on the home page."</p>
                    <p><a href="#/">"Go to your assessments"</a></p>
                </section>
            }.into_any(),
            Some(Ok(_)) => view! {
                <div class="shared-banner banner no-print" role="region" aria-label="Shared copy">
                    <p><strong>"A read-only copy from a share link."</strong>" It is not saved in this browser unless you save a copy."</p>
                    {move || match saved_as.get() {
                        None => view! { <button type="button" class="button primary" on:click=save_copy>"Save a copy to this browser"</button> }.into_any(),
                        Some(id) => view! { <p role="status">"Saved. "<a href=Route::Assessment(id).href()>"Open your copy"</a></p> }.into_any(),
                    }}
                </div>
            }.into_any(),
        }}
        <Show when=move || assessment.with(Option::is_some)>
            <Report assessment=assessment plans=Signal::derive(Vec::new) prepared_on=browser::today_iso() />
        </Show>
    }
}
