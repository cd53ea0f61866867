//! An intervention's impact, step 4 of the cycle: what improved under the source's four
//! headings (practice, systems, organisation, outcomes for pupils), the evidence, and the
//! verdict on its success criteria; and the form to record it.

use leptos::prelude::*;

use crate::browser;
use crate::domain::accountability::{Impact, Verdict};
use crate::domain::cycle::trust_cycle;
use crate::domain::dates::display;
use crate::domain::edit::Edit;
use crate::domain::text::{clamp_chars, MAX_NOTE_CHARS};
use crate::state::AppState;

/// "improvements in practice" → "Improvements in practice".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[component]
pub fn ImpactPanel(
    /// The intervention's id.
    plan: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(plan);
    let recorded = move || {
        state.store.with(|s| {
            s.plan(&key.get_value())
                .and_then(|p| p.impact.as_deref().cloned())
        })
    };
    let open = RwSignal::new(false);
    let draft = RwSignal::new(Impact {
        date: browser::today_iso(),
        practice: String::new(),
        systems: String::new(),
        organisation: String::new(),
        outcomes: String::new(),
        evidence: String::new(),
        verdict: Verdict::Met,
    });
    let problem = RwSignal::new(None::<String>);
    let f = move |what: &str| format!("impact-{}-{what}", key.get_value());
    let start = move |_| {
        if let Some(done) = recorded() {
            draft.set(done);
        }
        open.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let impact = draft.get_untracked();
        if let Err(why) = impact.validate() {
            return problem.set(Some(why));
        }
        if state.send(Edit::RecordImpact {
            plan: key.get_value(),
            impact,
        }) {
            problem.set(None);
            open.set(false);
        }
    };
    let headings = &trust_cycle().impact;
    view! {
        <div class="impact">
            {move || recorded().map(|i| view! {
                <h4>"Impact against the success criteria"</h4>
                <p><strong class=format!("verdict verdict-{}", i.verdict.id())>{i.verdict.label()}</strong>
                    {format!(" (recorded for {})", display(&i.date))}</p>
                <dl class="impact-facts">
                    {headings.iter().filter(|h| !i.heading(&h.id).is_empty()).map(|h| view! {
                        <div><dt>{capitalised(&h.text)}</dt><dd dir="auto">{i.heading(&h.id).to_string()}</dd></div>
                    }).collect_view()}
                    <div><dt>"Evidence"</dt><dd dir="auto">{i.evidence.clone()}</dd></div>
                </dl>
            })}
            <div class="no-print">
                <Show when=move || open.get() fallback=move || view! {
                    <button type="button" class="button" on:click=start>
                        {move || if recorded().is_some() { "Change the impact" } else { "Record impact" }}
                    </button>
                }>
                    <form class="impact-form" on:submit=save novalidate>
                        <p class="hint">{trust_cycle().impact_intro.clone()}" (the four-step cycle, step 4)"</p>
                        <div class="field">
                            <label for=f("date")>"Date of the impact review"</label>
                            <input id=f("date") type="date" prop:value=move || draft.with(|d| d.date.clone())
                                on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev)) />
                        </div>
                        {headings.iter().map(|h| {
                            let id = f(&h.id);
                            let heading = h.id.clone();
                            let read = heading.clone();
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{capitalised(&h.text)}" "<span class="optional">"(what improved, if anything)"</span></label>
                                    <textarea id=id rows="2" dir="auto" prop:value=move || draft.with(|d| d.heading(&read).to_string())
                                        on:input=move |ev| {
                                            let text = clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS);
                                            draft.update(|d| d.set_heading(&heading, text))
                                        }></textarea>
                                </div>
                            }
                        }).collect_view()}
                        <div class="field">
                            <label for=f("evidence")>"Evidence of impact"</label>
                            <textarea id=f("evidence") rows="2" dir="auto" prop:value=move || draft.with(|d| d.evidence.clone())
                                on:input=move |ev| draft.update(|d| d.evidence = clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
                        </div>
                        <fieldset class="inline-choice">
                            <legend>"Verdict on the success criteria"</legend>
                            {Verdict::ALL.into_iter().map(|v| view! {
                                <label><input type="radio" name=f("verdict") value=v.id()
                                    prop:checked=move || draft.with(|d| d.verdict == v)
                                    on:change=move |_| draft.update(|d| d.verdict = v) />{v.label()}</label>
                            }).collect_view()}
                        </fieldset>
                        <p class="form-error" role="alert">{move || problem.get()}</p>
                        <div class="actions">
                            <button type="submit" class="button primary">"Save the impact"</button>
                            <button type="button" class="button" on:click=move |_| open.set(false)>"Cancel"</button>
                        </div>
                    </form>
                </Show>
            </div>
        </div>
    }
}
