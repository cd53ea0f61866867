//! The form to commission an intervention: its kind (the seed's four), the target,
//! owner, dates, review spacing and success criteria.

use leptos::prelude::*;

use crate::components::ui::draft::{draft, has_draft, write_draft_flag};

use crate::browser;
use crate::components::ui::date_field::{DateField, FarDateConfirmation};
use crate::components::ui::error_summary::{ErrorSummary, Problems};
use crate::components::ui::terms::Terms;
use crate::domain::base::dates::add_days;
use crate::domain::base::text::{clamp_chars, MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::domain::improvement::cycle::trust_cycle;
use crate::domain::improvement::plans::{
    cycle, partner_hint, partner_options, Commission, Intervention, Kind, SOURCE_TRUST_NOTE,
};
use crate::domain::records::edits::Edit;
use crate::domain::records::edits::ImprovementEdit;
use crate::state::AppState;

#[component]
pub fn CommissionForm(
    /// The school's id.
    #[prop(into)]
    school: Signal<String>,
    assessment_id: Option<String>,
    /// Areas of need to offer as the focus (e.g. the themes, weakest first).
    #[prop(into)]
    focus_options: Signal<Vec<String>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today_iso();
    // Typed text is kept as drafts per school until the plan is commissioned.
    let draft_key = StoredValue::new(format!("commission-{}", school.get_untracked()));
    let d = move |what: &str| format!("{}-{what}", draft_key.get_value());
    write_draft_flag(&d("open"), true);
    on_cleanup(move || {
        // Closed with nothing typed: nothing to open again for.
        if !has_draft(&d("target"))
            && !has_draft(&d("owner"))
            && !has_draft(&d("criteria"))
            && !has_draft(&d("partner"))
        {
            write_draft_flag(&d("open"), false);
        }
    });
    let kind = RwSignal::new(Kind::InSchool);
    let partner = draft(d("partner"), "");
    let focus = RwSignal::new(
        focus_options
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let target = draft(d("target"), "");
    let owner = draft(d("owner"), "");
    let start = RwSignal::new(today.clone());
    let end = RwSignal::new(add_days(&today, 12 * 7).unwrap_or_default());
    let weeks = RwSignal::new("6".to_string());
    let criteria = draft(d("criteria"), "");
    let problems = RwSignal::new(Problems::new());
    let form_id = StoredValue::new(format!("commission-{}", browser::new_id()));
    let field = move |name: &str| format!("{}-{name}", form_id.get_value());
    let short = move |signal: RwSignal<String>| {
        move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NAME_CHARS))
    };
    let long = move |signal: RwSignal<String>| {
        move |ev| signal.set(clamp_chars(&event_target_value(&ev), MAX_NOTE_CHARS))
    };

    let start_confirmed = FarDateConfirmation::new();
    let end_confirmed = FarDateConfirmation::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = Commission {
            kind: kind.get_untracked(),
            partner: partner.get_untracked(),
            focus: focus.get_untracked(),
            target: target.get_untracked(),
            owner: owner.get_untracked(),
            start: start.get_untracked(),
            end: end.get_untracked(),
            review_weeks: weeks.get_untracked().trim().parse().unwrap_or(0),
            success_criteria: criteria.get_untracked(),
        };
        let mut found: Problems = form
            .problems()
            .into_iter()
            .map(|(name, message)| (field(name), message))
            .collect();
        for (name, value, confirmed) in [
            ("start", &form.start, start_confirmed),
            ("end", &form.end, end_confirmed),
        ] {
            if let Some(why) = confirmed.problem(value) {
                found.push((FarDateConfirmation::box_id(&field(name)), why));
            }
        }
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(Vec::new());
        let plan = Intervention::new(
            browser::new_id(),
            &school.get_untracked(),
            assessment_id.clone(),
            form,
            browser::now_ms(),
        );
        if state.send(Edit::Improvement(ImprovementEdit::Commission(plan))) {
            for signal in [partner, target, owner, criteria] {
                signal.set(String::new());
            }
            write_draft_flag(&d("open"), false);
            on_done.run(());
        }
    };

    // Partners for the kind chosen: the trust's own schools for school-to-school; the
    // source's list, shown as the source's, for the others (rule in the domain).
    let options = move || {
        let own = school.get();
        let others: Vec<String> = state.store.with(|s| {
            s.schools
                .iter()
                .filter(|x| x.id != own)
                .map(|x| x.name.clone())
                .collect()
        });
        partner_options(kind.get(), &others)
    };
    view! {
        <form class="commission-form" on:submit=submit novalidate>
            <ErrorSummary problems=problems />
            <aside class="guidance" aria-labelledby=field("order")>
                <p id=field("order")><strong>"The source trust's order of commissioning"</strong>" (guidance from another trust, not a rule)"</p>
                <ol>{trust_cycle().order.iter().map(|o| view! { <li>{o.text.clone()}</li> }).collect_view()}</ol>
                <p>"Why in this order, in the source trust's words: “"{trust_cycle().order_why.clone()}"” And: “"{trust_cycle().order_giver.clone()}"”"</p>
                <p class="hint">{SOURCE_TRUST_NOTE}</p>
            </aside>
            <fieldset class="kind-choice">
                <legend>"Kind of intervention"</legend>
                {Kind::ALL.into_iter().map(|k| {
                    let id = field(k.id());
                    let content = k.content();
                    view! {
                        <div class="kind-option">
                            <input type="radio" name=field("kind") id=id.clone() value=k.id()
                                prop:checked=move || kind.get() == k
                                on:change=move |_| kind.set(k) />
                            <label for=id>
                                <strong>{content.name.clone()}</strong>
                                <span class="kind-description">{format!(" – {}", content.description)}</span>
                            </label>
                            <Terms text=content.description.clone() />
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <Show when=move || kind.get().partner_label().is_some()>
                <div class="field">
                    <label for=field("partner")>{move || kind.get().partner_label().unwrap_or_default()}
                        {move || (kind.get() != Kind::SchoolToSchool).then(|| view! { " " <span class="optional">"(optional)"</span> })}
                    </label>
                    <input id=field("partner") type="text" dir="auto" maxlength=MAX_NAME_CHARS.to_string()
                        list=field("partner-options") aria-describedby=field("partner-hint")
                        prop:value=move || partner.get() on:input=short(partner) />
                    <datalist id=field("partner-options")>
                        {move || options().own.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                    <p class="hint" id=field("partner-hint")>{move || partner_hint(kind.get())}</p>
                    {move || {
                        let o = options();
                        (!o.source.is_empty()).then(|| view! {
                            <details class="source-list">
                                <summary>{o.source_heading.clone()}</summary>
                                <ul>{o.source.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                            </details>
                        })
                    }}
                </div>
            </Show>
            <div class="field">
                <label for=field("target")>"Target"</label>
                <textarea id=field("target") rows="2" dir="auto"
                    prop:value=move || target.get() on:input=long(target)></textarea>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for=field("focus")>"Area of need"</label>
                    <input id=field("focus") type="text" dir="auto" list=field("focus-options")
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || focus.get() on:input=short(focus) />
                    <datalist id=field("focus-options")>
                        {move || focus_options.get().into_iter().map(|f| view! { <option value=f></option> }).collect_view()}
                    </datalist>
                </div>
                <div class="field">
                    <label for=field("owner")>"Owner"</label>
                    <input id=field("owner") type="text" dir="auto" autocomplete="name"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || owner.get() on:input=short(owner) />
                </div>
            </div>
            <div class="field-row">
                <DateField id=field("start") label="Start" value=start confirm=start_confirmed />
                <DateField id=field("end") label="Time limit" value=end confirm=end_confirmed />
                <div class="field">
                    <label for=field("weeks")>"Review every (weeks)"</label>
                    <input id=field("weeks") type="number" min="1" max="52" inputmode="numeric"
                        prop:value=move || weeks.get() on:input=move |ev| weeks.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="field">
                <label for=field("criteria")>"Success criteria"</label>
                <textarea id=field("criteria") rows="2" dir="auto"
                    prop:value=move || criteria.get() on:input=long(criteria)></textarea>
            </div>
            <p class="hint">{cycle().delivery.clone()}</p>
            <div class="actions">
                <button type="submit" class="button primary">"Commission"</button>
                <button type="button" class="button" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
