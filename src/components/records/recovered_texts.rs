//! Text that two tabs typed at the same time: the other tab's version is kept here, so
//! that nothing typed is lost without a word, and can be put back with one click.

use leptos::prelude::*;

use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{ChecklistEdit, RecordsEdit, WorkshopEdit};
use crate::domain::records::store::{Recovered, TextPlace};
use crate::domain::records::tabs::place_exists;
use crate::state::AppState;

#[component]
pub fn RecoveredTexts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let recovered = Memo::new(move |_| state.store.with(|s| s.recovered.clone()));
    let copied = RwSignal::new(None::<String>);
    let put_back = move |r: Recovered| {
        // The item was deleted elsewhere: the text is offered to copy instead.
        if !state.store.with_untracked(|s| place_exists(s, &r.place)) {
            leptos::task::spawn_local(async move {
                if crate::browser::copy_text(&r.text).await {
                    copied.set(Some(r.id));
                }
            });
            return;
        }
        let current = state.store.with_untracked(|s| match &r.place {
            TextPlace::AssessmentNote {
                assessment,
                feature,
            } => s
                .get(assessment)
                .and_then(|a| a.answer(feature))
                .map(|a| a.note.clone()),
            TextPlace::PracticeNote {
                workshop,
                member,
                practice,
            } => s
                .workshop(workshop)
                .and_then(|w| w.member(member))
                .and_then(|p| p.placing(practice))
                .map(|p| p.note.clone()),
        });
        let was = current.unwrap_or_default();
        let restore = match r.place {
            TextPlace::AssessmentNote {
                assessment,
                feature,
            } => Edit::Checklist(ChecklistEdit::SetNote {
                assessment,
                feature,
                note: r.text,
                was,
            }),
            TextPlace::PracticeNote {
                workshop,
                member,
                practice,
            } => Edit::Workshop(WorkshopEdit::SetPracticeNote {
                workshop,
                member,
                practice,
                note: r.text,
                was,
            }),
        };
        state.send(Edit::Batch(vec![
            restore,
            Edit::Records(RecordsEdit::DismissRecovered { id: r.id }),
        ]));
    };
    view! {
        <Show when=move || !recovered.with(Vec::is_empty)>
            <section class="banner warning recovered" role="region" aria-labelledby="recovered-heading">
                <h2 id="recovered-heading">"Text typed in two places at once"</h2>
                <p>"Another tab or window changed or deleted what was being typed here. So that nothing is lost, the text it would have replaced is below: put it back, or copy it where it belongs."</p>
                <ul>
                    {move || recovered.get().into_iter().map(|r| {
                        let (keep, dismiss) = (r.clone(), r.id.clone());
                        let exists = state.store.with(|s| place_exists(s, &r.place));
                        let id = r.id.clone();
                        let label = move || match (exists, copied.get().as_deref() == Some(id.as_str())) {
                            (true, _) => "Use this version instead",
                            (false, false) => "Copy this text",
                            (false, true) => "Copied",
                        };
                        view! {
                            <li>
                                <p dir="auto"><strong>{r.what.clone()}</strong></p>
                                <blockquote dir="auto">{r.text.clone()}</blockquote>
                                // Put back where the text's item is kept here; otherwise (an
                                // assessment deleted elsewhere, or not kept in a board member's
                                // app) copied, to paste where it belongs.
                                <button type="button" class="button" on:click=move |_| put_back(keep.clone())>{label}</button>
                                <button type="button" class="link-button" on:click=move |_| { state.send(Edit::Records(RecordsEdit::DismissRecovered { id: dismiss.clone() })); }>"Dismiss"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
