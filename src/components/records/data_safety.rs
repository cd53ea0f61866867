//! Keeping the data safe: whether the browser promised to keep it, when it was last
//! backed up, a reminder when there are changes that no backup holds, and a reset that
//! offers the backup first.

use leptos::prelude::*;

use crate::browser::{self, Persistence};
use crate::components::records::export_panel::ExportPanel;
use crate::domain::records::exchange::Selection;
use crate::state::AppState;

#[component]
pub fn DataSafety() -> impl IntoView {
    let state = expect_context::<AppState>();
    let not_downloaded = Memo::new(move |_| state.store.with(|s| s.changes_not_downloaded()));
    let unexported = Memo::new(move |_| not_downloaded.get() > 0);
    let has_data = Memo::new(move |_| state.store.with(|s| s.last_change_ms().is_some()));
    let resetting = RwSignal::new(false);
    let persistence = move || {
        match state.persistence.get() {
        Some(Persistence::Persistent) => "This browser has agreed to keep Waypoint's data until you clear it.",
        Some(Persistence::BestEffort) => "This browser may clear Waypoint's data if the device runs short of space or the site goes unvisited for some weeks (Safari after 7 days). Keep a downloaded backup.",
        _ => "This browser may clear Waypoint's data to free space. Download a backup so that nothing is lost.",
    }
    };
    view! {
        <section class="panel data-safety" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Keep your work safe"</h2>
            <p class="persistence" role="status">{persistence}</p>
            <Show when=move || unexported.get()
                fallback=move || view! { <Show when=move || has_data.get()><p class="backup-ok" role="status">"Everything here is in a file you downloaded or imported: one assessment, a school or everything at once all count."</p></Show> }>
                <p class="warning backup-reminder" role="status">{move || match not_downloaded.get() {
                    1 => "1 item has changed since it was last downloaded: it exists only in this browser. Download everything to keep a copy.".to_string(),
                    n => format!("{n} items have changed since they were last downloaded: they exist only in this browser. Download everything to keep a copy."),
                }}</p>
            </Show>
            {move || state.last_export.get().map(|t| view! {
                <p class="hint">{format!("Everything was last downloaded together on {}.", browser::display_moment(t))}</p>
            })}
            <ExportPanel selection=Signal::stored(Selection::Everything) title="Everything" />
            <Show when=move || has_data.get()>
                <div class="reset no-print">
                    <Show when=move || resetting.get() fallback=move || view! {
                        <button type="button" class="link-button danger-link" on:click=move |_| resetting.set(true)>"Delete everything in this browser…"</button>
                    }>
                        <div class="clash" role="group" aria-label="Delete everything">
                            <p><strong>"This deletes every assessment, workshop, trajectory and intervention plan saved in this browser."</strong>
                                {move || if unexported.get() { " Some of it is in no backup: download one first." } else { " Your last backup holds all of it." }}</p>
                            <ExportPanel selection=Signal::stored(Selection::Everything) title="Everything" />
                            <button type="button" class="button danger" on:click=move |_| { state.reset(); resetting.set(false); }>"Yes, delete everything"</button>
                            <button type="button" class="button" on:click=move |_| resetting.set(false)>"Cancel"</button>
                        </div>
                    </Show>
                </div>
            </Show>
        </section>
    }
}
