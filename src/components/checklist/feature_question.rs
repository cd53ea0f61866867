//! One observable feature: how far it matches (a radio group), its evidence behind "Add a
//! note" (open when a note or its diagnosis source is given), the meanings of any abbreviations in it, and, in a
//! reassessment, whether the answer carried over has been reviewed or changed.

use leptos::prelude::*;

use crate::components::ui::note_field::NoteField;
use crate::components::ui::terms::Terms;
use crate::domain::base::content::Feature;
use crate::domain::checklist::assessment::{Answer, Level, Recheck};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::{ChecklistEdit, ImprovementEdit};
use crate::state::AppState;

#[component]
pub fn FeatureQuestion(
    assessment_id: String,
    feature: &'static Feature,
    /// Distinguishes the same feature shown in two groups, for unique element ids.
    context: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lookup_id = assessment_id.clone();
    // The answer, and where a carried-over answer has got to in a reassessment.
    let answer: Memo<(Answer, Option<Recheck>)> = Memo::new(move |_| {
        state.store.with(|s| {
            s.get(&lookup_id).map_or_else(Default::default, |a| {
                (
                    a.answer(&feature.id).cloned().unwrap_or_default(),
                    a.review(&feature.id),
                )
            })
        })
    });
    let source_lookup = assessment_id.clone();
    let source: Memo<Option<String>> = Memo::new(move |_| {
        state.store.with(|s| {
            s.get(&source_lookup)
                .and_then(|a| a.source(&feature.id))
                .map(str::to_string)
        })
    });
    let level = Memo::new(move |_| answer.with(|a| a.0.level));
    let base = format!("{context}-{}", feature.id);
    let legend_id = format!("{base}-text");
    let note_id = format!("{base}-note");
    let source_id = format!("{base}-source");
    let set_level = {
        let id = assessment_id.clone();
        move |value: Option<Level>| {
            state.send_soon(Edit::Checklist(ChecklistEdit::SetLevel {
                assessment: id.clone(),
                feature: feature.id.clone(),
                level: value,
            }));
        }
    };
    let set_note = {
        let id = assessment_id.clone();
        Callback::new(move |(note, was): (String, String)| {
            state.send_soon(Edit::Checklist(ChecklistEdit::SetNote {
                assessment: id.clone(),
                feature: feature.id.clone(),
                note,
                was,
            }));
        })
    };
    let keep = {
        let id = assessment_id.clone();
        move |_| {
            state.send(Edit::Checklist(ChecklistEdit::MarkReviewed {
                assessment: id.clone(),
                feature: feature.id.clone(),
            }));
        }
    };
    let clear = set_level.clone();
    let set_source = {
        let id = assessment_id.clone();
        move |value: String| {
            state.send(Edit::Improvement(ImprovementEdit::SetSource {
                assessment: id.clone(),
                feature: feature.id.clone(),
                source: (!value.is_empty()).then_some(value),
            }));
        }
    };
    let has_note =
        answer.with_untracked(|a| !a.0.note.is_empty()) || source.with_untracked(Option::is_some);

    view! {
        <fieldset class="feature" data-feature=feature.id.clone()
            class:answered=move || level.get().is_some()>
            <legend id=legend_id.clone()>
                <span class=format!("feature-stage stage-{}", feature.stage.id())>{feature.stage.name()}</span>
                <span class="feature-text">{feature.text.clone()}</span>
            </legend>
            <Terms text=feature.text.clone() />
            {let legend_id = legend_id.clone(); move || answer.with(|a| a.1).map(|review| match review {
                Recheck::Unreviewed => view! {
                    <p class="review-mark unreviewed">
                        <span>"Carried over: not reviewed yet"</span>
                        <button type="button" class="link-button" aria-describedby=legend_id.clone()
                            on:click=keep.clone()>"Keep this answer"</button>
                    </p>
                }.into_any(),
                Recheck::Reviewed => view! { <p class="review-mark reviewed">"Reviewed"</p> }.into_any(),
                Recheck::Changed { was } => view! {
                    <p class="review-mark changed">{format!("Changed: was {}", was.map_or("no answer", Level::label).to_lowercase())}</p>
                }.into_any(),
            })}
            <div class="levels">
                {Level::ALL.into_iter().map(|choice| {
                    let input_id = format!("{base}-{}", choice.id());
                    let set_level = set_level.clone();
                    view! {
                        <input type="radio" class="level-input" id=input_id.clone() name=base.clone()
                            value=choice.id()
                            prop:checked=move || level.get() == Some(choice)
                            on:change=move |_| set_level(Some(choice)) />
                        <label for=input_id class=format!("level level-{}", choice.id())>{choice.label()}</label>
                    }
                }).collect_view()}
                <Show when=move || level.get().is_some()>
                    <button type="button" class="link-button clear-answer"
                        aria-describedby=legend_id.clone()
                        on:click={
                            let clear = clear.clone();
                            move |_| clear(None)
                        }>
                        "Clear"
                    </button>
                </Show>
            </div>
            <details class="note-box" open=has_note>
                <summary>{if has_note { "Evidence note" } else { "Add a note" }}</summary>
                <NoteField id=note_id label="Evidence note" rows=2
                    stored=Signal::derive(move || answer.with(|a| a.0.note.clone())) on_edit=set_note />
                <div class="note-source">
                    <label for=source_id.clone()>"Where this evidence comes from " <span class="optional">"(optional)"</span></label>
                    <select id=source_id on:change=move |ev| set_source(event_target_value(&ev))>
                        <option value="" selected=move || source.with(Option::is_none)>"Not said"</option>
                        {trust_cycle().diagnosis.iter().map(|d| {
                            let id = d.id.as_str();
                            view! { <option value=id selected=move || source.with(|s| s.as_deref() == Some(id))>{d.label.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </details>
        </fieldset>
    }
}
