//! Sharing one assessment as a link whose data rides in the URL fragment, which browsers
//! never send to a server; with a warning when the link is too long for mail.

use leptos::prelude::*;

use crate::state::AppState;

use crate::browser;
use crate::components::ui::newest::Newest;
use crate::domain::checklist::assessment::Assessment;
use crate::domain::records::share::{link_fit, LinkFit, MAIL_SAFE_LENGTH};
use crate::share_link;

#[component]
pub fn SharePanel(assessment: Memo<Option<Assessment>>) -> impl IntoView {
    let link = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(None::<bool>);
    let state = expect_context::<AppState>();
    // A link shows the answers as they were when it was made.
    let newest = Newest::new();
    Effect::new(move |_| {
        assessment.track();
        newest.cancel();
        if link.with_untracked(Option::is_some) {
            link.set(None);
            copied.set(None);
        }
    });
    let make = move |_| {
        let Some(current) = assessment.get_untracked() else {
            return;
        };
        let json = state
            .store
            .with_untracked(|s| crate::domain::records::share::share_payload(s, &current));
        newest.spawn(
            async move { share_link::make_fragment(json).await },
            move |made| {
                let made = made.map(|fragment| {
                    let base = web_sys::window()
                        .and_then(|w| w.location().href().ok())
                        .map(|h| h.split('#').next().unwrap_or_default().to_string())
                        .unwrap_or_default();
                    format!("{base}{fragment}")
                });
                link.set(Some(made));
            },
        );
    };
    let copy = move |_| {
        if let Some(Ok(text)) = link.get_untracked() {
            leptos::task::spawn_local(async move {
                copied.set(Some(browser::copy_text(&text).await));
            });
        }
    };
    view! {
        <section class="share panel no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <p>"A share link carries this assessment and the school's intervention plan inside the link itself: nothing is uploaded, and whoever opens it sees a read-only copy they can save to their own browser. Anyone with the link can read the answers and notes, so send it only to people who should."</p>
            <button type="button" class="button" on:click=make>"Create share link"</button>
            {move || link.get().map(|made| match made {
                Err(why) => view! { <p class="form-error" role="alert">{format!("The link could not be made: {why}. Download the file instead.")}</p> }.into_any(),
                Ok(url) => {
                    let length = url.len();
                    let fit = link_fit(length);
                    view! {
                        <div class="share-result">
                            {(fit != LinkFit::TooLong).then(|| view! {
                                <label for="share-link">"Share link"</label>
                                <input id="share-link" type="text" readonly prop:value=url.clone()
                                    on:focus=|ev| { let input: web_sys::HtmlInputElement = event_target(&ev); input.select(); } />
                                <button type="button" class="button" on:click=copy>"Copy link"</button>
                            })}
                            <p class=if fit == LinkFit::Fine { "hint" } else { "warning" } role="status">
                                {match fit {
                                    LinkFit::Fine => format!("The link is {length} characters long."),
                                    LinkFit::LongForMail => format!("The link is {length} characters long. Some mail programs break links longer than about {MAIL_SAFE_LENGTH} characters; if it does not open, send the downloaded file instead."),
                                    LinkFit::TooLong => format!("This assessment makes a link of {length} characters, too long to share safely. Send the downloaded file instead."),
                                }}
                            </p>
                            {move || copied.get().map(|ok| view! {
                                <p role="status">{if ok { "Copied to the clipboard." } else { "The browser did not allow copying; select the link and copy it." }}</p>
                            })}
                        </div>
                    }.into_any()
                }
            })}
        </section>
    }
}
