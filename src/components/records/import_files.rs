//! Importing Waypoint files (exports from this or another browser, of any earlier
//! version): several at once, by picker or drag and drop.
//!
//! A file is read in short slices with its progress shown, so even a trust's thousands
//! of assessments never freeze the page. Nothing of a file is applied until every
//! question about it is answered: schools whose names only look like ones here, and
//! items that differ from this browser's (keep both, or replace). A file that would not
//! fit in the browser's storage is refused before anything changes, saying how much fits.

use leptos::prelude::*;

use crate::browser;
use crate::components::records::import_log::{ImportLog, ImportMessages};
use crate::components::ui::file_drop::{FileDrop, PickedFile};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::RecordsEdit;
use crate::domain::records::exchange::{
    draft_import, finish_import, Draft, ImportReader, ImportVerdict, MAX_IMPORT_BYTES,
};
use crate::domain::records::layout::{write_record, Key};
use crate::domain::records::store::Store;
use crate::domain::workshop::responses::Resolution;
use crate::state::AppState;
use crate::storage;

/// Items read between two pauses.
const ITEMS_PER_SLICE: usize = 200;

/// A file waiting for the user's answers.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    key: usize,
    file: String,
    draft: Draft,
}

/// What the import is doing now, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
struct Progress {
    what: String,
    done: usize,
    total: usize,
}

#[component]
pub fn ImportFiles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = ImportLog::new();
    let pending = RwSignal::new(Vec::<Pending>::new());
    let progress = RwSignal::new(None::<Progress>);
    let next_key = StoredValue::new(0usize);
    let say = move |ok: bool, text: String| log.say(ok, text);

    let merge = move |file: String, draft: Draft, same: Vec<(String, String)>, resolution| {
        leptos::task::spawn_local(async move {
            let (upsert, summary) = state.store.with_untracked(|store| {
                finish_import(store, draft, &same, resolution, browser::new_id)
            });
            let records = match records_that_fit(&file, &upsert, progress).await {
                Ok(records) => records,
                Err(message) => {
                    progress.set(None);
                    say(false, message);
                    return;
                }
            };
            let label = format!("Saving {file}");
            let shown = move |done, total| {
                progress.set(Some(Progress {
                    what: label.clone(),
                    done,
                    total,
                }))
            };
            let result = state
                .send_in_slices(
                    Edit::Records(RecordsEdit::Import(Box::new(upsert))),
                    records,
                    shown,
                )
                .await;
            progress.set(None);
            match result {
                Ok(()) => say(true, format!("{file}: imported ({}).", summary.message())),
                Err(why) => say(
                    false,
                    format!(
                        "{file}: imported on this page, but not all of it could be saved: {why}."
                    ),
                ),
            }
        });
    };
    let on_file = Callback::new(move |(file, text): PickedFile| {
        leptos::task::spawn_local(async move {
            let incoming = match text {
                Ok(text) => read_in_slices(&file, &text, progress).await,
                Err(why) => Err(why),
            };
            progress.set(None);
            let incoming = match incoming {
                Ok(store) => store,
                Err(why) => {
                    say(
                        false,
                        crate::domain::base::reading::refusal(&file, "not imported", &why),
                    );
                    return;
                }
            };
            let draft = state.store.with_untracked(|s| draft_import(s, incoming));
            if draft.questions.is_empty() && !draft.has_clashes() {
                if draft.preview.count(ImportVerdict::New) == 0 {
                    say(
                        true,
                        format!("{file}: everything in it is already here, unchanged."),
                    );
                } else {
                    merge(file, draft, Vec::new(), Resolution::KeepBoth);
                }
                return;
            }
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            pending.update(|p| p.push(Pending { key, file, draft }));
        });
    });
    let settle = move |key: usize, same: Vec<(String, String)>, choice: Option<Resolution>| {
        let Some(item) = pending.with_untracked(|p| p.iter().find(|p| p.key == key).cloned())
        else {
            return;
        };
        pending.update(|p| p.retain(|p| p.key != key));
        match choice {
            Some(resolution) => merge(item.file, item.draft, same, resolution),
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
            {move || progress.get().map(|p| view! {
                <div class="import-progress" role="status">
                    <label for="import-progress-bar" dir="auto">{format!("{}: {} of {}", p.what, p.done, p.total)}</label>
                    <progress id="import-progress-bar" max=p.total.to_string() value=p.done.to_string()></progress>
                </div>
            })}
            <ImportMessages log=log />
            <For each=move || pending.get() key=|p| p.key let:item>
                <PendingChoices item=item settle=settle />
            </For>
        </section>
    }
}

/// The questions about one file: which schools are the same, and what to do with clashes.
#[component]
fn PendingChoices(
    item: Pending,
    settle: impl Fn(usize, Vec<(String, String)>, Option<Resolution>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let key = item.key;
    // For each question: `Some(id)` of the school here that it is, `None` for a new one.
    let answers = RwSignal::new(vec![None::<Option<String>>; item.draft.questions.len()]);
    let unanswered = move || answers.with(|a| a.iter().any(Option::is_none));
    let problem = RwSignal::new(false);
    let incoming_ids: Vec<String> = item
        .draft
        .questions
        .iter()
        .map(|q| q.incoming_id.clone())
        .collect();
    let choose = move |resolution: Option<Resolution>| {
        if resolution.is_some() && unanswered() {
            problem.set(true);
            return;
        }
        let pairs = incoming_ids
            .iter()
            .cloned()
            .zip(answers.get_untracked())
            .filter_map(|(from, to)| Some((from, to.flatten()?)))
            .collect();
        settle(key, pairs, resolution);
    };
    let choose = StoredValue::new(choose);
    let clashes: Vec<String> = item
        .draft
        .preview
        .clashes()
        .map(|c| c.description.clone())
        .collect();
    let has_clashes = !clashes.is_empty();
    view! {
        <div class="clash" role="group" aria-label=format!("Choices for {}", item.file)>
            {item.draft.questions.iter().enumerate().map(|(q, question)| {
                let group = format!("import-{key}-school-{q}");
                view! {
                    <fieldset class="school-question">
                        <legend dir="auto">{format!("{}: is “{}” a school already here?", item.file, question.name)}</legend>
                        {question.candidates.iter().map(|(id, name)| {
                            let radio = format!("{group}-{id}");
                            let id = id.clone();
                            let picked = id.clone();
                            view! {
                                <div class="choice">
                                    <input type="radio" name=group.clone() id=radio.clone()
                                        prop:checked=move || answers.with(|a| a[q] == Some(Some(picked.clone())))
                                        on:change=move |_| answers.update(|a| a[q] = Some(Some(id.clone()))) />
                                    <label for=radio dir="auto">{format!("Yes, it is “{name}”")}</label>
                                </div>
                            }
                        }).collect_view()}
                        <div class="choice">
                            <input type="radio" name=group.clone() id=format!("{group}-new")
                                prop:checked=move || answers.with(|a| a[q] == Some(None))
                                on:change=move |_| answers.update(|a| a[q] = Some(None)) />
                            <label for=format!("{group}-new")>"No, a different school"</label>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            {has_clashes.then(|| view! {
                <p dir="auto">{format!("{}: {} differ from what this browser holds:", item.file,
                    if clashes.len() == 1 { "one item".to_string() } else { format!("{} items", clashes.len()) })}</p>
                <ul class="clash-list">
                    {clashes.iter().map(|c| view! { <li dir="auto">{c.clone()}</li> }).collect_view()}
                </ul>
                <p class="hint">"Keep both adds the file's versions beside this browser's (a school's trajectory stays as it is here). Replace puts the file's versions in their place."</p>
            })}
            {move || problem.get().then(|| view! { <p class="form-error" role="alert">"Answer each question about the schools first."</p> })}
            {if has_clashes {
                view! {
                    <button type="button" class="button" on:click=move |_| choose.with_value(|c| c(Some(Resolution::KeepBoth)))>"Keep both"</button>
                    <button type="button" class="button" on:click=move |_| choose.with_value(|c| c(Some(Resolution::Replace)))>"Replace with the file's"</button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button primary" on:click=move |_| choose.with_value(|c| c(Some(Resolution::KeepBoth)))>"Import"</button>
                }.into_any()
            }}
            <button type="button" class="link-button" on:click=move |_| choose.with_value(|c| c(None))>"Cancel this import"</button>
        </div>
    }
}

/// Reads a file's items a slice at a time, showing progress between slices.
async fn read_in_slices(
    file: &str,
    text: &str,
    progress: RwSignal<Option<Progress>>,
) -> Result<Store, String> {
    let mut reader = ImportReader::open(text).map_err(|e| e.to_string())?;
    let total = reader.total();
    let what = format!("Reading {file}");
    loop {
        let finished = reader
            .read_some(ITEMS_PER_SLICE)
            .map_err(|e| e.to_string())?;
        progress.set(Some(Progress {
            what: what.clone(),
            done: reader.done(),
            total,
        }));
        if finished {
            break;
        }
        browser::next_task().await;
    }
    reader
        .finish(&browser::today_iso())
        .map_err(|e| e.to_string())
}

/// The records an import would write, made in slices; refused, saying how much would
/// fit, when they would not fit in the browser's storage (then nothing is imported).
async fn records_that_fit(
    file: &str,
    upsert: &Store,
    progress: RwSignal<Option<Progress>>,
) -> Result<Vec<(Key, String)>, String> {
    let keys: Vec<Key> = upsert
        .keys()
        .into_iter()
        .filter(|k| *k != Key::Meta)
        .collect();
    let total = keys.len();
    let mut records = Vec::with_capacity(total);
    let what = format!("Checking {file}");
    for slice in keys.chunks(ITEMS_PER_SLICE) {
        for key in slice {
            if let Some(text) = write_record(upsert, key) {
                records.push((key.clone(), text));
            }
        }
        progress.set(Some(Progress {
            what: what.clone(),
            done: records.len(),
            total,
        }));
        browser::next_task().await;
    }
    // The real room left: everything stored under this address counts, not only
    // Waypoint's readable records (another app's data, damaged records kept aside).
    let free = storage::free_chars();
    let mut needed = 0;
    let mut fitting = 0;
    for (key, text) in &records {
        needed += key.storage_key().len() + text.len();
        if needed <= free {
            fitting += 1;
        }
    }
    // Room for the schools' records too.
    needed += upsert
        .schools
        .iter()
        .map(|s| s.name.len() + 80)
        .sum::<usize>();
    if needed > free {
        return Err(format!(
            "{file}: not imported, because it would not fit in this browser's storage: it needs about {:.1} MB and about {:.1} MB is free, enough for about {fitting} of its {total} items. Nothing was changed. Import a smaller part (one school at a time), or free space by downloading and deleting older assessments.",
            needed as f64 / 1e6,
            free as f64 / 1e6
        ));
    }
    Ok(records)
}
