//! An intervention's impact, step 4 of the cycle: what improved under the source's four
//! headings (practice, systems, organisation, outcomes for pupils), the evidence, and the
//! verdict on its success criteria; and the form to record it.

use leptos::prelude::*;

use crate::components::ui::draft::{draft, forget, has_draft, write_draft_flag};

use crate::browser;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::domain::base::dates::{display, Day};
use crate::domain::base::text::{clamp_chars, MAX_NOTE_CHARS};
use crate::domain::improvement::accountability::{Impact, Verdict};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
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
    let f = move |what: &str| format!("impact-{}-{what}", key.get_value());
    let headings = &trust_cycle().impact;
    // The form's fields, kept as drafts until saved (a card that re-renders, say after
    // a change of status, opens the form again with what was typed): the date, the four
    // headings in the source's order, the evidence and the verdict's id.
    let open = RwSignal::new(has_draft(&f("open")));
    Effect::new(move |_| write_draft_flag(&f("open"), open.get()));
    let date = draft(f("date"), browser::today_iso());
    let date_confirmed = FarDateConfirmation::new();
    let texts: [RwSignal<String>; 5] = std::array::from_fn(|i| {
        let id = headings.get(i).map_or("evidence", |h| h.id.as_str());
        draft(f(id), "")
    });
    // No verdict until the board chooses one.
    let verdict = draft(f("verdict"), "");
    let problems = RwSignal::new(Problems::new());
    let start = move |_| {
        let typed = texts.iter().any(|t| !t.get_untracked().is_empty());
        if let Some(done) = recorded().filter(|_| !typed) {
            date.set(done.date.map(Day::iso).unwrap_or_default());
            for (signal, h) in texts.iter().zip(headings) {
                signal.set(done.heading(&h.id).to_string());
            }
            texts[4].set(done.evidence.clone());
            verdict.set(done.verdict.id().to_string());
        }
        open.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = Verdict::from_id(&verdict.get_untracked());
        // The date field's text, parsed once: `validate` refuses one that is not a date.
        let typed_date = date.get_untracked();
        let mut impact = Impact {
            date: Day::parse(&typed_date).ok(),
            practice: String::new(),
            systems: String::new(),
            organisation: String::new(),
            outcomes: String::new(),
            evidence: texts[4].get_untracked(),
            verdict: chosen.unwrap_or(Verdict::Met),
        };
        for (signal, h) in texts.iter().zip(headings) {
            impact.set_heading(&h.id, signal.get_untracked());
        }
        // The domain names the fields as the form's ids end ("date", "practice", …).
        let mut found: Problems = impact
            .form_problems(chosen)
            .into_iter()
            .map(|(name, message)| (f(name), message))
            .collect();
        if let Some(why) = date_confirmed.problem(&typed_date) {
            found.push((FarDateConfirmation::box_id(&f("date")), why));
        }
        if !found.is_empty() {
            return problems.set(found);
        }
        if state.send(Edit::Improvement(ImprovementEdit::RecordImpact {
            plan: key.get_value(),
            impact,
        })) {
            problems.set(Vec::new());
            open.set(false);
            for t in texts {
                t.set(String::new());
            }
            verdict.set(String::new());
            forget(&f("date"));
        }
    };
    let area = move |id: String, label: String, signal: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <textarea id=id rows="2" dir="auto" prop:value=move || signal.get()
                    on:input=move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))></textarea>
            </div>
        }
    };
    view! {
        <div class="impact">
            {move || recorded().map(|i| view! {
                <h4>"Impact against the success criteria"</h4>
                <p><strong class=format!("verdict verdict-{}", i.verdict.id())>{i.verdict.label()}</strong>
                    {format!(" (recorded {})", display(&i.date))}</p>
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
                        <ErrorSummary problems=problems />
                        <p class="hint">{format!("{}{}", trust_cycle().impact_intro, crate::domain::improvement::papers::CYCLE_SOURCE)}</p>
                        <DateField id=f("date") label="Date of the impact review" value=date confirm=date_confirmed />
                        {headings.iter().zip(texts).map(|(h, signal)| {
                            area(f(&h.id), format!("{} (what improved, if anything)", capitalised(&h.text)), signal)
                        }).collect_view()}
                        {area(f("evidence"), "Evidence of impact".into(), texts[4])}
                        <div class="field">
                        <fieldset class="inline-choice">
                            <legend>"Verdict on the success criteria"</legend>
                            {Verdict::ALL.into_iter().enumerate().map(|(i, v)| view! {
                                <label><input type="radio" name=f("verdict") value=v.id() id=(i == 0).then(|| f("verdict"))
                                    prop:checked=move || verdict.get() == v.id()
                                    on:change=move |_| verdict.set(v.id().to_string()) />{v.label()}</label>
                            }).collect_view()}
                        </fieldset>
                        </div>
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
