//! What would move the school on: concerns to address and the next stage's features.

use leptos::prelude::*;

use crate::domain::assessment::Assessment;
use crate::domain::content::{four_stages, Stage};
use crate::domain::placement::{next_steps, StepFeature};

#[component]
pub fn NextStepsList(
    assessment: Memo<Option<Assessment>>,
    stage: Signal<Option<Stage>>,
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
    view! {
        <section class="next-steps" aria-labelledby="next-steps-heading">
            <h3 id="next-steps-heading">"What would move you on"</h3>
            {move || steps.get().map(|steps| {
                let concerns = (!steps.concerns.is_empty()).then(|| view! {
                    <h4>"Stabilise concerns still seen: address these first"</h4>
                    {list(steps.concerns.clone())}
                });
                let reach = steps.next_stage.map(|next| {
                    if steps.to_reach.is_empty() {
                        view! { <p>{format!("Every {next} feature is already clearly seen: check the answers for {next}, which may fit better.")}</p> }.into_any()
                    } else {
                        view! {
                            <h4>{format!("To reach {next}, these features need to be clearly seen")}</h4>
                            {list(steps.to_reach.clone())}
                        }.into_any()
                    }
                });
                let secure = (stage.get() == Some(Stage::Sustain)).then(|| {
                    if steps.to_secure.is_empty() {
                        view! { <p>"Every Sustain feature is clearly seen. The school can act as a capacity giver to others."</p> }.into_any()
                    } else {
                        view! {
                            <h4>"To secure Sustain"</h4>
                            {list(steps.to_secure.clone())}
                        }.into_any()
                    }
                });
                let nothing = stage.get().is_none().then(|| view! {
                    <p>"Answer more features to see what would move you on."</p>
                });
                view! { {concerns} {reach} {secure} {nothing} }
            })}
        </section>
    }
}
