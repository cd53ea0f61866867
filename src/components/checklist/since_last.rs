//! The change since the last assessment of the same school and scope: the overall stage
//! then and now, and each feature that moved on or back.

use leptos::prelude::*;

use crate::domain::base::content::{four_stages, Stage};
use crate::domain::base::dates::display;
use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::changes::{since, Baseline, CHANGE_RULE, MOVEMENT_RULE};

#[component]
pub fn SinceLast(
    assessment: Memo<Option<Assessment>>,
    #[prop(into)] baseline: Signal<Option<Baseline>>,
    /// The features that changed and how the change is read, behind a summary (on screen
    /// beside the questions); the printed report shows them whole.
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    move || {
        let base = baseline.get()?;
        assessment.with(|a| {
            let change = since(four_stages(), &base, a.as_ref()?);
            let date = display(&change.date);
            let movement = change.movement();
            let name = |s: Option<Stage>| s.map_or("no stage", Stage::name);
            let (on, back) = change.counts();
            let other = change.changes.len() - on - back;
            let summary = if change.changes.is_empty() {
                "No answer has changed.".to_string()
            } else {
                format!(
                    "{on} feature{} moved on, {back} moved back{}.",
                    if on == 1 { "" } else { "s" },
                    if other > 0 { format!(", {other} changed without a direction") } else { String::new() }
                )
            };
            Some(view! {
                <section class="since" aria-labelledby="since-heading">
                    <h3 id="since-heading">{format!("Change since {date}")}</h3>
                    <p class="since-stage">
                        {format!("Overall stage: {} then, {} now ", name(change.stage_then), name(change.stage_now))}
                        <span class=format!("movement {}", movement.id())>{format!("({})", movement.label())}</span>
                    </p>
                    <p>{summary}</p>
                    <details class="since-detail" open=!fold>
                    <summary>{if change.changes.is_empty() { "How the change is read".to_string() } else { format!("Which feature{} changed, and how the change is read", if change.changes.len() == 1 { "" } else { "s" }) }}</summary>
                    {(!change.changes.is_empty()).then(|| view! {
                        <div class="table-scroll" role="region" aria-label="Features answered differently" tabindex="0">
                        <table class="changes-table">
                            <caption class="visually-hidden">{format!("Features answered differently since {date}")}</caption>
                            <colgroup><col class="col-feature" /><col class="col-answer" /><col class="col-change" /></colgroup>
                            <thead><tr><th scope="col">"Observable feature"</th><th scope="col">"Then → now"</th><th scope="col">"Change"</th></tr></thead>
                            <tbody>
                                {change.changes.iter().map(|c| view! {
                                    <tr>
                                        <td><span class=format!("feature-stage stage-{}", c.feature.stage.id())>{c.feature.stage.name()}</span>" "{c.feature.text.clone()}</td>
                                        <td>{c.describe()}</td>
                                        <td class=format!("movement {}", c.direction.id())>{c.direction.label()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })}
                    <p class="hint">{CHANGE_RULE}" "{MOVEMENT_RULE}</p>
                    </details>
                </section>
            })
        })
    }
}
