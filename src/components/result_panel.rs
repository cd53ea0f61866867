//! The live result: the best-fit stage, how sure it is, the profile by theme, and next steps.

use leptos::prelude::*;

use crate::components::caveat_list::CaveatList;
use crate::components::next_steps::NextStepsList;
use crate::components::stage_badge::StageBadge;
use crate::components::stage_profile::StageProfile;
use crate::domain::assessment::Assessment;
use crate::domain::content::THEMES_NOTE;
use crate::domain::placement::{AssessmentResult, CONCERN_RULE, RULE_EXPLANATION};
use crate::domain::trajectory::DATA_RULE;

#[component]
pub fn ResultPanel(
    assessment: Memo<Option<Assessment>>,
    result: Memo<Option<AssessmentResult>>,
) -> impl IntoView {
    let stage = Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.stage)));
    view! {
        <h2 id="result-heading">"Result"</h2>
        <div class="best-fit" aria-live="polite">
            <p class="best-fit-label">"Best-fit stage"</p>
            <p class="best-fit-stage"><StageBadge stage=stage /></p>
            <CaveatList assessment=assessment result=result />
        </div>
        <details class="rule">
            <summary>"How the stage is chosen"</summary>
            <p>{RULE_EXPLANATION}</p>
            <p>{CONCERN_RULE}</p>
            <p>{format!("Each theme is placed in the same way, using only the features of that theme. {THEMES_NOTE}")}</p>
            <p>{DATA_RULE}</p>
        </details>
        <StageProfile result=result />
        <NextStepsList assessment=assessment stage=Signal::derive(move || result.with(|r| r.as_ref().and_then(|r| r.overall.fitted))) />
    }
}
