//! A member answering on their own device, laid out for a 360-pixel phone: one practice
//! at a time, large targets, what each position means one tap away, progress, and back.
//! Every answer is saved on the device as it is made.

use leptos::prelude::*;

use crate::browser;
use crate::components::workshop::column_meaning::ColumnMeaning;
use crate::domain::base::text::{clamp_chars, MAX_NOTE_CHARS};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::WorkshopEdit;
use crate::domain::workshop::aas::{aas, Placing, Position, When};
use crate::domain::workshop::join::chosen_practices;
use crate::route::Route;
use crate::state::AppState;

/// The member's copy: its title, the member's id and placings of the practices asked.
#[derive(Clone, Debug, PartialEq)]
struct Seat {
    title: String,
    me: String,
    practices: Vec<&'static str>,
    placing: Placing,
    answered: usize,
}

#[component]
pub fn AnswerPage(id: String, step: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Without a step: where the member was when they left or sent early.
    let step = if step == 0 {
        state.store.with_untracked(|s| {
            s.workshop(&id)
                .map_or(1, |w| crate::domain::workshop::plan::resume_step(aas(), w))
        })
    } else {
        step
    };
    let lookup_id = id.clone();
    let seat: Memo<Option<Seat>> = Memo::new(move |_| {
        state.store.with(|s| {
            let w = s.workshop(&lookup_id)?;
            let me = w.members.first()?;
            let practices: Vec<&'static str> = chosen_practices(aas(), w)
                .iter()
                .map(|p| p.statement.id.as_str())
                .collect();
            let current = practices.get(step.clamp(1, practices.len().max(1)) - 1)?;
            Some(Seat {
                title: s.workshop_title(w),
                me: me.id.clone(),
                placing: me.placing(current).cloned().unwrap_or_default(),
                answered: practices
                    .iter()
                    .filter(|p| {
                        me.placing(p)
                            .is_some_and(|x| x.now.is_some() && x.desired.is_some())
                    })
                    .count(),
                practices,
            })
        })
    });
    let total = move || seat.with(|s| s.as_ref().map_or(0, |s| s.practices.len()));
    let step = move || step.clamp(1, total().max(1));
    let practice = move || {
        seat.with(|s| {
            s.as_ref()
                .and_then(|s| aas().practice(s.practices[step() - 1]))
        })
    };
    Effect::new(move |_| {
        if let Some(s) = seat.get() {
            browser::set_title(&format!(
                "{} of {} – {} – Waypoint",
                step(),
                s.practices.len(),
                s.title
            ));
        }
    });
    let workshop_id = StoredValue::new(id.clone());
    // Kept on the device, so that leaving and coming back returns here.
    Effect::new(move |_| {
        if let Some(p) = practice() {
            state.send_soon(Edit::Workshop(WorkshopEdit::SetMemberPlace {
                workshop: workshop_id.get_value(),
                practice: p.statement.id.clone(),
            }));
        }
    });
    let place = move |when: When, position: Position| {
        let (Some(s), Some(p)) = (seat.get_untracked(), practice()) else {
            return;
        };
        state.send_soon(Edit::Workshop(WorkshopEdit::Place {
            workshop: workshop_id.get_value(),
            member: s.me,
            practice: p.statement.id.clone(),
            when,
            position: Some(position),
        }));
    };
    let set_note = move |note: String| {
        let (Some(s), Some(p)) = (seat.get_untracked(), practice()) else {
            return;
        };
        state.send_soon(Edit::Workshop(WorkshopEdit::SetPracticeNote {
            workshop: workshop_id.get_value(),
            member: s.me,
            practice: p.statement.id.clone(),
            note,
            was: s.placing.note,
        }));
    };
    let group = move |when: When| {
        let (label, key) = match when {
            When::Now => ("Where it is now", "now"),
            When::Desired => ("Where we want it", "want"),
        };
        view! {
            <fieldset class="big-choice">
                <legend>{label}</legend>
                {Position::ALL.into_iter().map(|position| {
                    let input_id = format!("m-{key}-{}", position.id());
                    let chosen = move || seat.with(|s| s.as_ref().and_then(|s| match when {
                        When::Now => s.placing.now,
                        When::Desired => s.placing.desired,
                    }) == Some(position));
                    view! {
                        <input type="radio" class="level-input" id=input_id.clone() name=format!("m-{key}")
                            prop:checked=chosen on:change=move |_| place(when, position) />
                        <label for=input_id class=format!("big-option spectrum-{}", position.id())>{position.label()}</label>
                    }
                }).collect_view()}
            </fieldset>
        }
    };
    let send = Route::WorkshopSend(id.clone()).href();
    let id_kept = StoredValue::new(id.clone());
    view! {
        <Show when=move || seat.with(Option::is_some) fallback=|| view! {
            <section class="panel narrow"><h1>"Nothing to answer here"</h1>
                <p>"This device has no answers for this workshop. Open the join link again."</p></section>
        }>
            <div class="member answer">
                <p class="member-title" dir="auto">{move || seat.with(|s| s.as_ref().map(|s| s.title.clone()))}</p>
                <div class="member-progress">
                    <label for="member-progress">{move || format!("Practice {} of {}", step(), total())}</label>
                    <progress id="member-progress" max=move || total().to_string() value=move || step().to_string()></progress>
                    <p class="hint">{move || seat.with(|s| s.as_ref().map(|s| format!("{} of {} answered", s.answered, s.practices.len())))}</p>
                </div>
                <p class="member-area">{move || practice().map(|p| p.area.name.clone())}</p>
                <h1 class="member-practice">{move || practice().map(|p| p.statement.text.clone())}</h1>
                {move || practice().map(|p| view! {
                    <ColumnMeaning column=p.column carter=p.part.column(p.column).0.to_string() />
                })}
                {group(When::Now)}
                {group(When::Desired)}
                <details class="meanings">
                    <summary>"What do the positions mean?"</summary>
                    {aas().positions.iter().map(|p| view! {
                        <h2>{p.name.clone()}</h2>
                        {p.meaning.iter().map(|m| view! { <p>{m.clone()}</p> }).collect_view()}
                    }).collect_view()}
                    <p class="hint">"These are Carter's three positions, in his words. Partly aligned and Largely standardised are Waypoint's steps in between."</p>
                </details>
                <label class="note-label" for="member-note">"Note " <span class="optional">"(optional)"</span></label>
                <textarea id="member-note" class="note" rows="2" dir="auto" maxlength=MAX_NOTE_CHARS.to_string()
                    prop:value=move || seat.with(|s| s.as_ref().map(|s| s.placing.note.clone()).unwrap_or_default())
                    on:input=move |ev| set_note(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
                <nav class="member-nav" aria-label="Practices">
                    {move || (step() > 1).then(|| view! {
                        <a class="button big" href=Route::WorkshopAnswer(id_kept.get_value(), step() - 1).href()>"Back"</a>
                    })}
                    {move || if step() < total() {
                        view! { <a class="button primary big" href=Route::WorkshopAnswer(id_kept.get_value(), step() + 1).href()>"Next"</a> }.into_any()
                    } else {
                        view! { <a class="button primary big" href=Route::WorkshopSend(id_kept.get_value()).href()>"Finish and send my answers"</a> }.into_any()
                    }}
                </nav>
                <p class="member-send"><a href=send.clone()>"Send my answers now"</a>" (you can send again later)"</p>
            </div>
        </Show>
    }
}
