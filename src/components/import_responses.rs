//! Merging answer files that respondents made on their own devices: several files at
//! once, by picker or drag and drop. Identical respondents are skipped, clashes are put
//! to the user, and a file that cannot be used changes nothing and says why.

use leptos::prelude::*;

use crate::browser;
use crate::components::file_drop::{FileDrop, PickedFile};
use crate::components::import_log::{ImportLog, ImportMessages};
use crate::domain::aas::Respondent;
use crate::domain::edit::Edit;
use crate::domain::responses::{
    classify, read_responses, Incoming, Resolution, MAX_RESPONSES_BYTES,
};
use crate::state::AppState;

#[derive(Clone, Debug, PartialEq)]
struct Clash {
    key: usize,
    file: String,
    incoming: Respondent,
    existing_id: String,
    existing_name: String,
}

#[component]
pub fn ImportResponses(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = ImportLog::new();
    let clashes = RwSignal::new(Vec::<Clash>::new());
    let next_key = StoredValue::new(0usize);

    let wid = workshop_id.clone();
    let take_file = move |file_name: String, text: Result<String, String>| {
        let say = |ok: bool, text: String| log.say(ok, text);
        let file = match text
            .map_err(|e| e.to_string())
            .and_then(|t| read_responses(&t).map_err(|e| e.to_string()))
        {
            Ok(file) => file,
            Err(why) => {
                say(
                    false,
                    format!("{file_name}: not merged, because {why}. Nothing was changed."),
                );
                return;
            }
        };
        for incoming in file.respondents {
            let verdict = state
                .store
                .with_untracked(|s| s.workshop(&wid).map(|w| classify(w, &incoming)));
            match verdict {
                Some(Incoming::New) => {
                    let name = incoming.name.clone();
                    state.send(Edit::MergeRespondent {
                        workshop: wid.clone(),
                        respondent: incoming,
                        clash_with: None,
                        fresh_id: browser::new_id(),
                    });
                    say(true, format!("{file_name}: added {name}."));
                }
                Some(Incoming::Duplicate) => {
                    say(true, format!("{file_name}: {} is already here with the same answers, so was skipped.", incoming.name));
                }
                Some(Incoming::Clash { existing_id }) => {
                    let existing_name = state.store.with_untracked(|s| {
                        s.workshop(&wid)
                            .and_then(|w| w.respondent(&existing_id))
                            .map(|r| r.name.clone())
                            .unwrap_or_default()
                    });
                    let key = next_key.get_value();
                    next_key.set_value(key + 1);
                    clashes.update(|c| {
                        c.push(Clash {
                            key,
                            file: file_name.clone(),
                            incoming,
                            existing_id,
                            existing_name,
                        })
                    });
                }
                None => {}
            }
        }
    };
    let on_file = Callback::new(move |(name, text): PickedFile| take_file(name, text));
    let resolve_id = workshop_id.clone();
    let resolve = move |key: usize, resolution: Resolution| {
        let Some(clash) = clashes.with_untracked(|c| c.iter().find(|c| c.key == key).cloned())
        else {
            return;
        };
        let name = clash.incoming.name.clone();
        state.send(Edit::MergeRespondent {
            workshop: resolve_id.clone(),
            respondent: clash.incoming,
            clash_with: Some((clash.existing_id.clone(), resolution)),
            fresh_id: browser::new_id(),
        });
        clashes.update(|c| c.retain(|c| c.key != key));
        let text = match resolution {
            Resolution::KeepBoth => format!(
                "{}: kept both {} and the earlier {}.",
                clash.file, name, clash.existing_name
            ),
            Resolution::Replace => format!(
                "{}: replaced {}'s answers with the file's.",
                clash.file, clash.existing_name
            ),
        };
        log.say(true, text);
    };

    view! {
        <section class="import" aria-labelledby="import-heading">
            <h3 id="import-heading">"Merge answers from other devices"</h3>
            <FileDrop id="import-files" label="Choose answer files, or drop them here"
                max_bytes=MAX_RESPONSES_BYTES on_file=on_file />
            <ImportMessages log=log />
            <For each=move || clashes.get() key=|c| c.key let:clash>
                {
                    let key = clash.key;
                    let resolve = resolve.clone();
                    let resolve_both = resolve.clone();
                    view! {
                        <div class="clash" role="group" aria-label=format!("Clash for {}", clash.incoming.name)>
                            <p dir="auto">{format!("{}: {} clashes with {} already in this workshop, whose answers differ. Which should count?",
                                clash.file, clash.incoming.name, clash.existing_name)}</p>
                            <button type="button" class="button" on:click=move |_| resolve_both(key, Resolution::KeepBoth)>"Keep both"</button>
                            <button type="button" class="button" on:click=move |_| resolve(key, Resolution::Replace)>"Replace with the file's answers"</button>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
