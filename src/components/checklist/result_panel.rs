//! The live result: the stage (concerns first) (provisional until every stage has a few answers),
//! how sure it is, the profile by theme, the change since last time, and next steps.

use leptos::prelude::*;

use crate::components::checklist::caveat_list::{CaveatList, RedFlags};
use crate::components::checklist::next_steps::NextStepsList;
use crate::components::checklist::since_last::SinceLast;
use crate::components::checklist::stage_profile::StageProfile;
use crate::domain::base::content::{four_stages, Stage};
use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::changes::Baseline;
use crate::domain::checklist::placement::{
    AssessmentResult, CONCERN_RULE, CONTRADICTIONS_NOTE, RULE_EXPLANATION,
};
use crate::domain::improvement::trajectory::DATA_RULE;

#[component]
pub fn ResultPanel(
    assessment: Memo<Option<Assessment>>,
    result: Memo<Option<AssessmentResult>>,
    /// Shows the questions again (on a narrow screen, in place of the result).
    back_to_questions: Callback<()>,
    #[prop(into)] baseline: Signal<Option<Baseline>>,
) -> impl IntoView {
    view! {
        <h2 id="result-heading" tabindex="-1">"Result"</h2>
        <div class="best-fit" aria-live="polite">
            <RedFlags result=result fold=true />
            <p class="best-fit-label">"Stage"</p>
            <BestFit result=result />
            <CaveatList assessment=assessment result=result fold=true />
        </div>
        <details class="rule">
            <summary>"How the stage is chosen (Waypoint's rule)"</summary>
            <p>{RULE_EXPLANATION}</p>
            <p>{CONCERN_RULE}</p>
            <p>"Answers that contradict each other are pointed out. "{CONTRADICTIONS_NOTE}</p>
            <p>"Each theme is placed in the same way, using only the features of that theme. "<crate::components::ui::waypoint_key::WaypointMark /></p>
            <p>{DATA_RULE}</p>
        </details>
        <StageProfile result=result fold=true />
        <SinceLast assessment=assessment baseline=baseline fold=true />
        <NextStepsList assessment=assessment stage=Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.fitted))) fold=true />
        <p class="jump-back no-print"><a href="#questions-heading" on:click=move |ev| { ev.prevent_default(); back_to_questions.run(()); }>"Back to the questions"</a></p>
    }
}

/// The stage as a badge with its one-line summary, or, until the answers are enough to
/// stand behind one, "Provisional" and the stage they lean towards. When clearly seen
/// concerns come first, the stage the other answers fit is said for what it is.
#[component]
pub fn BestFit(result: Memo<Option<AssessmentResult>>) -> impl IntoView {
    move || {
        result.with(|r| {
            let overall = r.as_ref().map(|r| &r.overall);
            let stage = overall.and_then(|o| o.stage);
            let settled = overall.is_some_and(|o| o.is_settled());
            let other_line = overall.and_then(|o| o.concerns_first()).map(|line| view! {
                <p class="concerns-first">{line}</p>
            });
            match stage {
                Some(stage) if settled => view! {
                    <p class="best-fit-stage"><span class=format!("stage-badge stage-{}", stage.id())>{stage.name()}</span></p>
                    {other_line}
                    <p class="stage-summary">{four_stages().summary(stage).to_string()}" "<crate::components::ui::waypoint_key::WaypointMark /></p>
                }
                .into_any(),
                Some(stage) => view! {
                    <p class="best-fit-stage"><span class="stage-badge stage-none provisional">"Provisional"</span></p>
                    {other_line}
                    <p class="stage-summary">{format!("So far the answers lean towards {}. A stage is shown once every stage has a few answers.", Stage::name(stage))}</p>
                }
                .into_any(),
                None => view! {
                    <p class="best-fit-stage"><span class="stage-badge stage-none">"No stage yet"</span></p>
                }
                .into_any(),
            }
        })
    }
}
