//! What would move the school on, in Carter's terms: concerns to remove, the current
//! stage's features not yet seen, and what the next stage looks like.

use leptos::prelude::*;

use crate::domain::base::content::{four_stages, Stage};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::placement::{next_steps, NextSteps, StepFeature, NEXT_STEPS_RULE};

#[component]
pub fn NextStepsList(
    assessment: Memo<Option<Assessment>>,
    /// The stage the other answers fit, the concerns aside: the steps describe that stage and the next.
    stage: Signal<Option<Stage>>,
    /// Folded behind its heading (the assessment page, where the questions come first
    /// and the page stays within two screens of other material); open in the report.
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    let steps = Memo::new(move |_| {
        let placed = stage.get();
        assessment.with(|a| a.as_ref().map(|a| next_steps(four_stages(), a, placed)))
    });
    let list = |items: Vec<StepFeature<'static>>| {
        view! {
            <ul class="step-list">
                {items.into_iter().map(|s| view! {
                    <li>
                        <span class="step-text">{s.feature.text.clone()}</span>
                        <span class="step-answer">
                            {match s.level {
                                Some(level) => format!("now: {}", level.label().to_lowercase()),
                                None => "not answered yet".to_string(),
                            }}
                        </span>
                    </li>
                }).collect_view()}
            </ul>
        }
    };
    let body = move || {
        view! {
            <p class="hint">{NEXT_STEPS_RULE}</p>
            {move || steps.get().map(|steps| {
                let concerns = (!steps.concerns.is_empty()).then(|| view! {
                    <h4>{NextSteps::CONCERNS_HEADING}</h4>
                    {list(steps.concerns.clone())}
                });
                let current = steps.stage.filter(|s| *s != Stage::Stabilise).map(|stage| {
                    if steps.not_yet_seen.is_empty() {
                        view! { <p>{format!("Every {stage} feature is clearly seen.")}</p> }.into_any()
                    } else {
                        view! {
                            <h4>{NextSteps::current_heading(stage)}</h4>
                            <p class="hint">{NextSteps::current_note(stage)}</p>
                            {list(steps.not_yet_seen.clone())}
                        }.into_any()
                    }
                });
                let next = steps.next_stage.map(|next| view! {
                    <h4>{NextSteps::next_heading(next)}</h4>
                    <p class="hint">{NextSteps::next_note(next)}</p>
                    {list(steps.next_looks_like.clone())}
                });
                let nothing = steps.stage.is_none().then(|| view! {
                    <p>"Answer more features to see what would move you on."</p>
                });
                view! { {concerns} {current} {next} {nothing} }
            })}
        }
    };
    let heading = || view! { <h3 id="next-steps-heading">"What would move you on"</h3> };
    view! {
        <section class="next-steps" aria-labelledby="next-steps-heading">
            {if fold {
                view! {
                    <details class="next-steps-fold">
                        <summary>{heading()}</summary>
                        {body()}
                    </details>
                }
                .into_any()
            } else {
                view! { {heading()} {body()} }.into_any()
            }}
        </section>
    }
}
