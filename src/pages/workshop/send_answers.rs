//! A member sends their answers back: a response link (for the meeting chat or an email)
//! and a QR code for the facilitator's camera, or a file. An anonymous member's link,
//! code and file carry no name and nothing that identifies the device.

use leptos::prelude::*;

use crate::browser;
use crate::components::ui::newest::Newest;
use crate::components::workshop::qr_code::QrCode;
use crate::domain::workshop::aas::{aas, Member, Workshop};
use crate::domain::workshop::join::{chosen_practices, handover, Handover};
use crate::domain::workshop::responses::write_responses;
use crate::route::Route;
use crate::state::AppState;

#[component]
pub fn SendAnswersPage(id: String) -> impl IntoView {
    browser::set_title("Send my answers – Waypoint");
    let state = expect_context::<AppState>();
    let lookup_id = id.clone();
    let mine: Memo<Option<(Workshop, String)>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .filter(|w| w.joined_from.is_some() && !w.members.is_empty())
                .map(|w| (w.clone(), s.trust_name(&w.trust_id).to_string()))
        })
    });
    let link = RwSignal::new(None::<Result<String, String>>);
    let newest = Newest::new();
    Effect::new(move |_| {
        let Some((w, _)) = mine.get() else { return };
        let (Some(from), Some(me)) = (w.joined_from.clone(), w.members.first().cloned()) else {
            return;
        };
        newest.spawn(
            async move { crate::join_link::make_response(&from, &me).await },
            move |made| link.set(Some(made)),
        );
    });
    let counts = move || {
        mine.with(|m| {
            m.as_ref().map(|(w, _)| {
                let asked = chosen_practices(aas(), w);
                let me = &w.members[0];
                let done = asked
                    .iter()
                    .filter(|p| {
                        me.placing(&p.statement.id)
                            .is_some_and(|x| x.now.is_some() && x.desired.is_some())
                    })
                    .count();
                (done, asked.len(), me.anonymous)
            })
        })
    };
    let copied = RwSignal::new(None::<bool>);
    let copy = move |_| {
        if let Some(Ok(text)) = link.get_untracked() {
            leptos::task::spawn_local(async move {
                copied.set(Some(browser::copy_text(&text).await));
            });
        }
    };
    let download = move |_| {
        if let Some((w, trust)) = mine.get_untracked() {
            let me: Vec<&Member> = w.members.iter().take(1).collect();
            let text = write_responses(&w, &trust, &me);
            let _ = browser::download_text(
                &format!("my-answers-{}.json", browser::today_iso()),
                "application/json",
                &text,
            );
        }
    };
    let back = Route::WorkshopAnswer(id.clone(), 0).href();
    view! {
        <Show when=move || mine.with(Option::is_some) fallback=|| view! {
            <section class="panel narrow"><h1>"Nothing to send"</h1>
                <p>"This device has no answers for this workshop. Open the join link again."</p></section>
        }>
            <div class="member send">
                <h1>"Send my answers"</h1>
                <p>{move || counts().map(|(done, all, _)| if done == all {
                    format!("You placed all {all} practices.")
                } else {
                    format!("You placed {done} of {all} practices. You can go back and answer the rest, then send again: the facilitator is asked before earlier answers are replaced.")
                })}</p>
                {move || counts().is_some_and(|c| c.2).then(|| view! {
                    <p class="hint">"You are answering anonymously: the link, the code and the file carry no name and nothing that identifies this device."</p>
                })}
                {move || link.get().map(|made| match made {
                    Err(why) => view! { <p class="form-error" role="alert">{format!("The link could not be made: {why}. Download the file instead.")}</p> }.into_any(),
                    Ok(url) => {
                        let fit = handover(url.len());
                        let shown = url.clone();
                        view! {
                            {(fit != Handover::FileOnly).then(|| view! {
                                <h2>"As a link"</h2>
                                <p>"Paste it into the meeting chat or an email to the facilitator."</p>
                                <label for="response-link">"Your answer link"</label>
                                <input id="response-link" type="text" readonly prop:value=shown
                                    on:focus=|ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); } />
                                <button type="button" class="button big" on:click=copy>"Copy link"</button>
                                {move || copied.get().map(|ok| view! {
                                    <p role="status">{if ok { "Copied. Now paste it into the chat or an email." } else { "The browser did not allow copying; select the link and copy it." }}</p>
                                })}
                            })}
                            {(fit == Handover::LinkAndCode).then(|| view! {
                                <h2>"As a code"</h2>
                                <p>"Hold this up to the facilitator's camera."</p>
                                <QrCode text=url label="QR code of your answers" />
                            })}
                        }.into_any()
                    }
                })}
                <h2>"As a file"</h2>
                <button type="button" class="button" on:click=download>"Download my answers file"</button>
                <p class="member-send"><a href=back.clone()>"Back to the questions"</a></p>
            </div>
        </Show>
    }
}
