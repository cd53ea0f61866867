//! Merging answers that members made on their own devices: response links pasted many at
//! once, QR codes scanned with the camera, and answer files chosen or dropped. Identical
//! respondents are skipped, a second copy from someone already here is kept aside and
//! asked about at the top of the page (see `hand_back`), and anything that cannot be used
//! (damaged, foreign, from a newer version) changes nothing and says why, by name.

use leptos::prelude::*;

use crate::browser;
use crate::components::records::import_log::{ImportLog, ImportMessages};
use crate::components::ui::file_drop::{FileDrop, PickedFile};
use crate::components::workshop::qr_scanner::QrScanner;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::Respondent;
use crate::domain::workshop::handback::{Arrival, PendingCopy, Via};
use crate::domain::workshop::join::links_in;
use crate::domain::workshop::responses::{classify, read_responses, Incoming, MAX_RESPONSES_BYTES};
use crate::state::AppState;

/// What arrived from one link, code or file: the workshop it answers (if it says) and
/// the respondents, or why it cannot be used.
type Arrived = Result<(Option<String>, Vec<Respondent>), String>;

#[component]
pub fn ImportResponses(
    workshop_id: String,
    /// A response link's data to merge at once (a response link opened in this browser).
    #[prop(optional)]
    initial: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = ImportLog::new();

    let wid_kept = StoredValue::new(workshop_id.clone());
    let take = move |file_name: String, via: Via, arrived: Arrived| {
        let wid = wid_kept.get_value();
        let say = |ok: bool, text: String| log.say(ok, text);
        let foreign = |w: &Option<String>| w.as_ref().is_some_and(|w| *w != wid);
        let respondents = match arrived {
            Ok((ref w, _)) if foreign(w) => {
                say(false, format!("{file_name}: not merged, because the answers are for a different workshop, not this one. Nothing was changed."));
                return;
            }
            Ok((_, respondents)) => respondents,
            Err(why) => {
                say(
                    false,
                    format!("{file_name}: not merged, because {why}. Nothing was changed."),
                );
                return;
            }
        };
        for mut incoming in respondents {
            incoming.arrived = Some(Arrival {
                via,
                at_ms: browser::now_ms(),
            });
            let verdict = state
                .store
                .with_untracked(|s| s.workshop(&wid).map(|w| classify(w, &incoming)));
            match verdict {
                Some(Incoming::New) => {
                    let name = if incoming.anonymous {
                        "an anonymous answer".to_string()
                    } else {
                        incoming.name.clone()
                    };
                    state.send(Edit::Workshop(WorkshopEdit::MergeRespondent {
                        workshop: wid.clone(),
                        respondent: incoming,
                        clash_with: None,
                        fresh_id: browser::new_id(),
                    }));
                    say(true, format!("{file_name}: added {name}."));
                }
                Some(Incoming::Duplicate) => {
                    let who = if incoming.anonymous {
                        "This anonymous answer"
                    } else {
                        &incoming.name
                    };
                    say(true, format!("{file_name}: {who} is already here with the same answers, so was skipped."));
                }
                Some(Incoming::Clash { existing_id }) => {
                    // Kept in the workshop and asked at the top of the page until answered.
                    state.send(Edit::Workshop(WorkshopEdit::HoldCopy {
                        workshop: wid.clone(),
                        copy: PendingCopy {
                            key: browser::new_id(),
                            existing_id,
                            respondent: incoming,
                        },
                    }));
                    say(true, format!("{file_name}: a second copy from someone already here; the question is at the top of the page."));
                }
                None => {}
            }
        }
    };
    let on_file = Callback::new(move |(name, text): PickedFile| {
        let arrived = text.and_then(|t| {
            read_responses(&t)
                .map(|f| (f.workshop, f.respondents))
                .map_err(|e| e.to_string())
        });
        take(name, Via::File, arrived)
    });
    // Response links, however many, in the order pasted or scanned.
    let links_taken = StoredValue::new(0usize);
    let take_links = move |text: String, what: &'static str, via: Via| {
        let found = links_in(&text, "answers");
        if found.is_empty() {
            log.say(
                false,
                format!("{what}: no answer links found. Each answer link has “#/answers/” in it."),
            );
            return;
        }
        for data in found {
            let n = links_taken.get_value() + 1;
            links_taken.set_value(n);
            leptos::task::spawn_local(async move {
                let arrived = crate::join_link::open_response(&data)
                    .await
                    .map(|r| (Some(r.workshop_id), vec![r.respondent]));
                take(format!("{what} {n}"), via, arrived);
            });
        }
    };
    if let Some(data) = initial {
        take_links(format!("#/answers/{data}"), "Answer link", Via::Link);
    }
    let pasted = RwSignal::new(String::new());
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        take_links(pasted.get_untracked(), "Answer link", Via::Link);
        pasted.set(String::new());
    };
    let on_code = Callback::new(move |text: String| take_links(text, "Scanned code", Via::Code));
    view! {
        <section class="import" aria-labelledby="import-heading">
            <h3 id="import-heading">"Merge answers from other devices"</h3>
            <form class="paste-links" on:submit=add_pasted>
                <label for="answer-links">"Paste answer links " <span class="optional">"(as many as you like, from a chat or an email)"</span></label>
                <textarea id="answer-links" rows="3" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="submit" class="button">"Add these answers"</button>
            </form>
            <QrScanner on_code=on_code />
            <FileDrop id="import-files" label="Choose answer files, or drop them here"
                max_bytes=MAX_RESPONSES_BYTES on_file=on_file />
            <ImportMessages log=log />
        </section>
    }
}
