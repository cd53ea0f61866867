//! Merging answers that members made on their own devices: response links pasted many at
//! once, QR codes scanned with the camera, and answer files chosen or dropped. Identical
//! members are skipped, a second copy from someone already here is kept aside and
//! asked about at the top of the page (see `hand_back`), and anything that cannot be used
//! (damaged, foreign, from a newer version) changes nothing and says why, by name.

use leptos::prelude::*;

use crate::browser;
use crate::components::records::import_log::{ImportLog, ImportMessages};
use crate::components::ui::file_drop::{FileDrop, PickedFile};
use crate::components::workshop::qr_scanner::QrScanner;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::Member;
use crate::domain::workshop::handback::{Arrival, PendingCopy, Via};
use crate::domain::workshop::join::{check_belongs, links_found, Response};
use crate::domain::workshop::responses::{
    classify, read_responses, sort_incoming, Incoming, MAX_RESPONSES_BYTES,
};

/// Links read between two pauses (the people found are then added at once).
const LINKS_PER_SLICE: usize = 50;
/// Up to this many added or skipped people are named in the log one by one; beyond it,
/// they are counted.
const NAMED_IN_LOG: usize = 10;
use crate::state::AppState;

/// What arrived from one link, code or file: the workshop it answers (if it says) and
/// the members, or why it cannot be used.
type Arrived = Result<(Option<String>, Vec<Member>), String>;

/// Answer links to merge: pasted or scanned text holding any number, or one link that
/// its page has read already.
enum Links {
    Pasted(String),
    Opened(Response),
}

/// One answer link to merge: its data, still to be read, or its answers as read.
enum Link {
    Data(String),
    Read(Box<Response>),
}

#[component]
pub fn ImportResponses(
    workshop_id: String,
    /// A response link's answers to merge at once (a response link opened in this
    /// browser, already read by its page).
    #[prop(optional)]
    initial: Option<Response>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let log = ImportLog::new();

    let wid_kept = StoredValue::new(workshop_id.clone());
    // A second copy from someone already here: kept in the workshop and asked at the top
    // of the page until answered (`soon`: saved with the others of a paste).
    let hold = move |file_name: String,
                     workshop: String,
                     member: Member,
                     existing_id: String,
                     soon: bool| {
        let edit = Edit::Workshop(WorkshopEdit::HoldCopy {
            workshop,
            copy: PendingCopy {
                key: browser::new_id(),
                existing_id,
                member,
            },
        });
        if soon {
            state.send_soon(edit);
        } else {
            state.send(edit);
        }
        log.say(true, format!("{file_name}: a second copy from someone already here; the question is at the top of the page."));
    };
    let take = move |file_name: String, via: Via, arrived: Arrived| {
        let wid = wid_kept.get_value();
        let say = |ok: bool, text: String| log.say(ok, text);
        let members = match arrived {
            Ok((w, members)) => match check_belongs(&wid, w.as_deref()) {
                Ok(()) => members,
                Err(why) => {
                    say(
                        false,
                        crate::domain::base::reading::refusal(&file_name, "not merged", &why),
                    );
                    return;
                }
            },
            Err(why) => {
                say(
                    false,
                    crate::domain::base::reading::refusal(
                        &file_name,
                        "not merged",
                        &why.to_string(),
                    ),
                );
                return;
            }
        };
        for mut incoming in members {
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
                    state.send(Edit::Workshop(WorkshopEdit::MergeMember {
                        workshop: wid.clone(),
                        member: incoming,
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
                    hold(file_name.clone(), wid.clone(), incoming, existing_id, false);
                }
                None => {}
            }
        }
    };
    let on_file = Callback::new(move |(name, text): PickedFile| {
        let arrived = text.and_then(|t| {
            read_responses(&t)
                .map(|f| (f.workshop, f.members))
                .map_err(|e| e.to_string())
        });
        take(name, Via::File, arrived)
    });
    // Response links, however many, in the order pasted or scanned: read a few at a time
    // with progress between, then sorted against the workshop and added at once, as one
    // edit, so a thousand links never hold the page for long.
    let links_taken = StoredValue::new(0usize);
    let link_progress = RwSignal::new(None::<(String, usize, usize)>);
    let take_links = move |links: Links, what: &'static str, via: Via| {
        let (links, repeats): (Vec<Link>, usize) = match links {
            Links::Pasted(text) => {
                let found = links_found(&text, "answers");
                (found.links.into_iter().map(Link::Data).collect(), found.repeats)
            }
            // One link, read by its page already: not read again.
            Links::Opened(response) => (vec![Link::Read(Box::new(response))], 0),
        };
        if links.is_empty() {
            log.say(
                false,
                format!("{what}: no answer links found. Each answer link has “#/answers/” in it."),
            );
            return;
        }
        if repeats > 0 {
            log.say(
                true,
                match repeats {
                    1 => format!("{what}s: 1 link was pasted twice; the repeat was skipped."),
                    n => format!(
                        "{what}s: {n} links were pasted more than once; the repeats were skipped."
                    ),
                },
            );
        }
        let first = links_taken.get_value() + 1;
        links_taken.set_value(first - 1 + links.len());
        leptos::task::spawn_local(async move {
            let wid = wid_kept.get_value();
            let total = links.len();
            let mut arrived: Vec<(usize, Member)> = Vec::with_capacity(total);
            for (i, link) in links.into_iter().enumerate() {
                let n = first + i;
                let response = match link {
                    Link::Read(response) => Ok(*response),
                    Link::Data(data) => crate::join_link::open_response(&data).await,
                };
                match response {
                    Ok(r) if check_belongs(&wid, Some(&r.workshop_id)).is_ok() => {
                        arrived.push((n, r.member))
                    }
                    other => take(
                        format!("{what} {n}"),
                        via,
                        other.map(|r| (Some(r.workshop_id), vec![r.member])),
                    ),
                }
                if total > LINKS_PER_SLICE && (i + 1) % LINKS_PER_SLICE == 0 {
                    link_progress.set(Some((format!("Reading {what}s"), i + 1, total)));
                    browser::next_task().await;
                }
            }
            if total == 1 {
                link_progress.set(None);
                if let Some((n, r)) = arrived.pop() {
                    take(format!("{what} {n}"), via, Ok((Some(wid), vec![r])));
                }
                return;
            }
            let numbers: std::collections::HashMap<String, usize> =
                arrived.iter().map(|(n, r)| (r.id.clone(), *n)).collect();
            let at_ms = browser::now_ms();
            let incoming: Vec<Member> = arrived
                .into_iter()
                .map(|(_, mut r)| {
                    r.arrived = Some(Arrival { via, at_ms });
                    r
                })
                .collect();
            let Some(sorted) = state
                .store
                .with_untracked(|s| s.workshop(&wid).map(|w| sort_incoming(w, incoming)))
            else {
                link_progress.set(None);
                return;
            };
            // Added as one edit: the page is drawn and the workshop saved once, whatever
            // the number (added in slices, each slice redrew the page and saved the
            // whole workshop again, so each took longer the more people were there).
            let adding = sorted.new.len();
            if adding > 0 {
                link_progress.set(Some((format!("Adding {what}s"), 0, adding)));
                browser::next_task().await;
                state.send(Edit::Workshop(WorkshopEdit::MergeMembers {
                    workshop: wid.clone(),
                    members: sorted.new.clone(),
                    fresh_ids: sorted.new.iter().map(|_| browser::new_id()).collect(),
                }));
            }
            link_progress.set(None);
            let who = |r: &Member| {
                if r.anonymous {
                    "an anonymous answer".to_string()
                } else {
                    r.name.clone()
                }
            };
            let number = |r: &Member| numbers.get(&r.id).copied().unwrap_or(first);
            // Each name while the list is short; a count once it is long.
            if adding <= NAMED_IN_LOG {
                for r in &sorted.new {
                    log.say(true, format!("{what} {}: added {}.", number(r), who(r)));
                }
            } else {
                log.say(true, format!("{what}s: added {adding} members' answers."));
            }
            let skipped = sorted.duplicates.len();
            if skipped <= NAMED_IN_LOG {
                for r in &sorted.duplicates {
                    let name = if r.anonymous {
                        "This anonymous answer".to_string()
                    } else {
                        r.name.clone()
                    };
                    log.say(true, format!("{what} {}: {name} is already here with the same answers, so was skipped.", number(r)));
                }
            } else {
                log.say(true, format!("{what}s: {skipped} answers were already here with the same answers, so were skipped."));
            }
            // Second copies are held (asked at the top of the page), saved together.
            for (incoming, existing_id) in sorted.clashes {
                let file = format!("{what} {}", number(&incoming));
                hold(file, wid.clone(), incoming, existing_id, true);
            }
        });
    };
    if let Some(response) = initial {
        take_links(Links::Opened(response), "Answer link", Via::Link);
    }
    let pasted =
        crate::components::ui::draft::draft(format!("answers-paste-{}", wid_kept.get_value()), "");
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        take_links(
            Links::Pasted(pasted.get_untracked()),
            "Answer link",
            Via::Link,
        );
        pasted.set(String::new());
    };
    let on_code = Callback::new(move |text: String| {
        take_links(Links::Pasted(text), "Scanned code", Via::Code)
    });
    view! {
        <section class="import" aria-labelledby="import-heading">
            <h3 id="import-heading">"Merge answers from other devices"</h3>
            <form class="paste-links" on:submit=add_pasted>
                <label for="answer-links">"Paste answer links " <span class="optional">"(as many as you like, from a chat or an email)"</span></label>
                <textarea id="answer-links" rows="3" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <button type="submit" class="button">"Add these answers"</button>
            </form>
            {move || link_progress.get().map(|(what, done, total)| view! {
                <div class="import-progress" role="status">
                    <label for="links-progress-bar">{format!("{what}: {done} of {total}")}</label>
                    <progress id="links-progress-bar" max=total.to_string() value=done.to_string()></progress>
                </div>
            })}
            <QrScanner on_code=on_code />
            <FileDrop id="import-files" label="Choose answer files, or drop them here"
                max_bytes=MAX_RESPONSES_BYTES on_file=on_file />
            <ImportMessages log=log />
        </section>
    }
}
