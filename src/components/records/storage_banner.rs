//! Tells the user plainly when saved data could not be read or new data could not be saved,
//! and offers the data as a download so nothing is lost.

use leptos::prelude::*;

use crate::browser;
use crate::domain::records::schema::write_store;
use crate::state::{AppState, SaveStatus};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    let download_unreadable = move |_| {
        let all = state.unreadable.with_untracked(|u| {
            u.iter()
                .map(|u| u.raw.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        });
        if !all.is_empty() {
            let _ =
                browser::download_text("waypoint-unreadable-data.json", "application/json", &all);
        }
    };
    let download_current = move |_| {
        let text = state.store.with_untracked(write_store);
        let _ = browser::download_text("waypoint-assessments.json", "application/json", &text);
    };
    view! {
        {move || {
            let problems = state.unreadable.get();
            let first = problems.first()?.clone();
            let kept = problems.iter().all(|u| u.kept_as.is_some());
            let more = problems.len() - 1;
            let u = first;
            Some(view! {
                <div class="banner warning" role="alert">
                    <h2>"Saved data could not be read"</h2>
                    <p>{format!("Waypoint could not read some of the data saved in this browser: {}.", u.reason)}</p>
                    {(more > 0).then(|| view! { <p>{format!("{more} more record{} could not be read either.", if more == 1 { "" } else { "s" })}</p> })}
                    {if kept {
                        view! { <p>"The data has been kept aside, not deleted. You can download it to keep a copy or to send to whoever supports you. Everything else is shown as usual."</p> }.into_any()
                    } else {
                        view! { <p>"The browser had no room to keep a copy aside, so Waypoint will not save anything over it until you download it or choose to discard it."</p> }.into_any()
                    }}
                    <div class="actions">
                        <button type="button" class="button primary" on:click=download_unreadable>"Download the unreadable data"</button>
                        {if kept {
                            view! { <button type="button" class="button" on:click=move |_| state.dismiss_unreadable(false)>"Dismiss"</button> }.into_any()
                        } else {
                            view! { <button type="button" class="button danger" on:click=move |_| state.dismiss_unreadable(true)>"Discard it and continue"</button> }.into_any()
                        }}
                    </div>
                </div>
            })
        }}
        {move || match state.save_status.get() {
            SaveStatus::Failed(reason) => Some(view! {
                <div class="banner error" role="alert">
                    <h2>"Changes are not being saved"</h2>
                    <p>{format!("Your latest changes could not be saved in this browser: {reason}.")}</p>
                    <p>"Everything you have entered is still on this page. Download a copy to keep it safe, then free some space and try again."</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=download_current>"Download a copy"</button>
                        <button type="button" class="button" on:click=move |_| state.save_pending()>"Try saving again"</button>
                    </div>
                </div>
            }.into_any()),
            SaveStatus::Held => Some(view! {
                <div class="banner error" role="alert">
                    <p>"Changes are kept on this page only, until the unreadable data above is downloaded or discarded."</p>
                </div>
            }.into_any()),
            SaveStatus::Newer(message) => Some(view! {
                <div class="banner error" role="alert">
                    <h2>"A newer version of Waypoint is in use"</h2>
                    <p>{message}</p>
                    <p>"What you changed here since then is still on this page: download a copy if you want to keep it."</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=move |_| browser::reload()>"Reload"</button>
                        <button type="button" class="button" on:click=download_current>"Download a copy"</button>
                    </div>
                </div>
            }.into_any()),
            SaveStatus::Saved => None,
        }}
        <Show when=move || !state.notices.with(Vec::is_empty)>
            <div class="banner warning tab-notices" role="alert">
                <h2>"About the data in this browser"</h2>
                <ul>
                    {move || state.notices.get().into_iter().map(|n| view! { <li dir="auto">{n}</li> }).collect_view()}
                </ul>
                <button type="button" class="button" on:click=move |_| state.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
