//! The hand-back question, at the top of the facilitator's pages: a member's answers came
//! twice, so which copy counts? It says which copy is newer, how complete each is and how
//! each arrived, and stays (kept in the workshop) until someone answers it.

use leptos::prelude::*;

use crate::browser;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::aas;
use crate::domain::workshop::handback::{copy_words, newer_words, questions, Newer, Settle};
use crate::state::AppState;

#[component]
pub fn HandBack(workshop_id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = workshop_id.clone();
    let asked = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(&lookup_id)
                .map(|w| questions(aas(), w))
                .unwrap_or_default()
        })
    });
    let said = RwSignal::new(None::<String>);
    let workshop_id = StoredValue::new(workshop_id);
    let settle = move |key: String, name: String, choice: Settle| {
        state.send(Edit::Workshop(WorkshopEdit::SettleCopy {
            workshop: workshop_id.get_value(),
            key,
            choice,
            fresh_id: browser::new_id(),
        }));
        said.set(Some(match choice {
            Settle::UseNew => format!("{name}: the second copy now counts."),
            Settle::KeepEarlier => {
                format!("{name}: the copy already counted stays; the second copy was set aside.")
            }
            Settle::KeepBoth => format!("{name}: both copies count, as two members."),
        }));
    };
    view! {
        <div class="hand-back-area" aria-live="polite">
            <Show when=move || !asked.with(Vec::is_empty)>
                <section class="hand-back" aria-labelledby="hand-back-heading">
                    <h2 id="hand-back-heading">"Answers sent twice: which copy should count?"</h2>
                    <For each=move || asked.get() key=|q| q.key.clone() let:question>
                        {
                            let when = browser::display_moment_time;
                            let newer = newer_words(&question, when);
                            let earlier = copy_words(&question.earlier, when);
                            let second = copy_words(&question.new, when);
                            let (key_new, key_old, key_both) = (question.key.clone(), question.key.clone(), question.key.clone());
                            let (name_new, name_old, name_both) = (question.name.clone(), question.name.clone(), question.name.clone());
                            let mark = |is: bool| if is { " (newer)" } else { "" };
                            view! {
                                <div class="hand-back-question" role="group" aria-label=format!("Two copies from {}", question.name)>
                                    <p dir="auto"><strong>{question.name.clone()}</strong>" sent answers a second time."</p>
                                    <p class="newer">{newer}</p>
                                    <dl class="copies">
                                        <dt>"The copy already counted"</dt><dd class="copy-earlier">{earlier}</dd>
                                        <dt>"The second copy"</dt><dd class="copy-new">{second}</dd>
                                    </dl>
                                    <div class="actions">
                                        <button type="button" class="button primary" on:click=move |_| settle(key_new.clone(), name_new.clone(), Settle::UseNew)>
                                            {format!("Use the second copy{}", mark(question.newer == Newer::New))}</button>
                                        <button type="button" class="button" on:click=move |_| settle(key_old.clone(), name_old.clone(), Settle::KeepEarlier)>
                                            {format!("Keep the copy already counted{}", mark(question.newer == Newer::Earlier))}</button>
                                        <button type="button" class="button" on:click=move |_| settle(key_both.clone(), name_both.clone(), Settle::KeepBoth)>
                                            "Count both, as two members"</button>
                                    </div>
                                </div>
                            }
                        }
                    </For>
                </section>
            </Show>
            {move || said.get().map(|text| view! { <p class="hand-back-done" role="status" dir="auto">{text}</p> })}
        </div>
    }
}
