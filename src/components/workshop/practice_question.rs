//! One practice: where it is now and where the trust wants it, for the active member.

use leptos::prelude::*;

use crate::components::ui::note_field::NoteField;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::{Placing, Placings, Position, Practice, When};
use crate::state::AppState;

#[component]
pub fn PracticeQuestion(
    workshop_id: String,
    practice: Practice<'static>,
    /// The member whose answers are shown and changed; `None` disables the question.
    active: Signal<Option<String>>,
    /// That member's answers, read once for the page's questions (a question looks
    /// nobody up among the workshop's people itself).
    answers: Memo<Placings>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let practice_id: &'static str = &practice.statement.id;
    let placing =
        Memo::new(move |_| answers.with(|a| a.get(practice_id).cloned().unwrap_or_default()));
    let disabled = move || active.with(Option::is_none);
    // The member is read at the moment of the change, so an answer can only ever go
    // to the person shown as answering.
    let workshop_id = StoredValue::new(workshop_id);
    let place = move |when: When, position: Position| {
        if let Some(member) = active.get_untracked() {
            state.send_soon(Edit::Workshop(WorkshopEdit::Place {
                workshop: workshop_id.get_value(),
                member,
                practice: practice_id.to_string(),
                when,
                position: Some(position),
            }));
        }
    };
    let set_note = Callback::new(move |(note, was): (String, String)| {
        if let Some(member) = active.get_untracked() {
            state.send_soon(Edit::Workshop(WorkshopEdit::SetPracticeNote {
                workshop: workshop_id.get_value(),
                member,
                practice: practice_id.to_string(),
                note,
                was,
            }));
        }
    });
    let group = move |when: When| {
        let (label, key) = match when {
            When::Now => ("Where it is now", "now"),
            When::Desired => ("Where we want it", "want"),
        };
        let name = format!("{practice_id}-{key}");
        view! {
            <fieldset class="spectrum-choice" disabled=disabled>
                <legend>{label}</legend>
                <div class="spectrum-options">
                    {Position::ALL.into_iter().map(|position| {
                        let input_id = format!("{name}-{}", position.id());
                        let chosen = move || placing.with(|p: &Placing| match when {
                            When::Now => p.now,
                            When::Desired => p.desired,
                        } == Some(position));
                        view! {
                            <input type="radio" class="level-input" id=input_id.clone() name=name.clone()
                                value=position.id()
                                prop:checked=chosen
                                on:change=move |_| place(when, position) />
                            <label for=input_id class=format!("level spectrum-{}", position.id())>{position.label()}</label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    };
    let note_id = format!("{practice_id}-note");
    view! {
        <fieldset class="feature practice" data-practice=practice_id
            class:answered=move || placing.with(|p| p.now.is_some() && p.desired.is_some())>
            <legend><span class="feature-text">{practice.statement.text.clone()}</span></legend>
            <crate::components::ui::terms::Terms text=practice.statement.text.clone() />
            <p class="cell-note">{practice.column.suggestion()}</p>
            {group(When::Now)}
            {group(When::Desired)}
            <NoteField id=note_id label="Note" rows=1 disabled=Signal::derive(disabled)
                stored=Signal::derive(move || placing.with(|p| p.note.clone())) on_edit=set_note />
        </fieldset>
    }
}
