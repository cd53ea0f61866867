//! Importing Waypoint files (exports from this or another browser, of any earlier
//! version): several at once, by picker or drag and drop. New items are added at once;
//! if a file holds items that differ from ones already here, nothing of that file is
//! changed until the user chooses to keep both or replace.

use leptos::prelude::*;

use crate::browser;
use crate::components::file_drop::{FileDrop, PickedFile};
use crate::components::import_log::{ImportLog, ImportMessages};
use crate::domain::exchange::{apply, preview, read_import, Verdict, MAX_IMPORT_BYTES};
use crate::domain::responses::Resolution;
use crate::domain::store::Store;
use crate::state::AppState;

/// A file waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    key: usize,
    file: String,
    incoming: Store,
    clashes: Vec<String>,
}

#[component]
pub fn ImportFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = ImportLog::new();
    let pending = RwSignal::new(Vec::<Pending>::new());
    let next_key = StoredValue::new(0usize);
    let say = move |ok: bool, text: String| log.say(ok, text);

    let merge = move |file: &str, incoming: Store, resolution: Resolution| {
        let mut summary = None;
        state.edit(|store| {
            summary = Some(apply(store, incoming, resolution, browser::new_id));
        });
        if let Some(summary) = summary {
            say(true, format!("{file}: imported ({}).", summary.message()));
        }
    };
    let on_file = Callback::new(move |(file, text): PickedFile| {
        let incoming = match text.and_then(|t| read_import(&t).map_err(|e| e.to_string())) {
            Ok(store) => store,
            Err(why) => {
                say(
                    false,
                    format!("{file}: not imported, because {why}. Nothing was changed."),
                );
                return;
            }
        };
        let shown = state.store.with_untracked(|s| preview(s, &incoming));
        let clashes: Vec<String> = shown.clashes().map(|c| c.description.clone()).collect();
        if clashes.is_empty() {
            if shown.count(Verdict::New) == 0 {
                say(
                    true,
                    format!("{file}: everything in it is already here, unchanged."),
                );
            } else {
                merge(&file, incoming, Resolution::KeepBoth);
            }
            return;
        }
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        pending.update(|p| {
            p.push(Pending {
                key,
                file,
                incoming,
                clashes,
            })
        });
    });
    let settle = move |key: usize, choice: Option<Resolution>| {
        let Some(item) = pending.with_untracked(|p| p.iter().find(|p| p.key == key).cloned())
        else {
            return;
        };
        pending.update(|p| p.retain(|p| p.key != key));
        match choice {
            Some(resolution) => merge(&item.file, item.incoming, resolution),
            None => say(
                true,
                format!("{}: import cancelled. Nothing was changed.", item.file),
            ),
        }
    };

    view! {
        <section class="import panel" aria-labelledby="import-files-heading">
            <h2 id="import-files-heading">"Import"</h2>
            <p>"Bring in Waypoint files exported from this or another browser: one assessment, a school, or a whole trust. Files from earlier versions of Waypoint are brought up to date."</p>
            <FileDrop id="import-store-files" label="Choose Waypoint files, or drop them here"
                max_bytes=MAX_IMPORT_BYTES on_file=on_file />
            <ImportMessages log=log />
            <For each=move || pending.get() key=|p| p.key let:item>
                {
                    let key = item.key;
                    view! {
                        <div class="clash" role="group" aria-label=format!("Choices for {}", item.file)>
                            <p dir="auto">{format!("{}: {} differ from what this browser holds:", item.file,
                                if item.clashes.len() == 1 { "one item".to_string() } else { format!("{} items", item.clashes.len()) })}</p>
                            <ul class="clash-list">
                                {item.clashes.iter().map(|c| view! { <li dir="auto">{c.clone()}</li> }).collect_view()}
                            </ul>
                            <p class="hint">"Keep both adds the file's versions beside this browser's (a school's trajectory stays as it is here). Replace puts the file's versions in their place."</p>
                            <button type="button" class="button" on:click=move |_| settle(key, Some(Resolution::KeepBoth))>"Keep both"</button>
                            <button type="button" class="button" on:click=move |_| settle(key, Some(Resolution::Replace))>"Replace with the file's"</button>
                            <button type="button" class="link-button" on:click=move |_| settle(key, None)>"Cancel this import"</button>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
