//! The observable features, a stage or a theme at a time: the parts listed with how much
//! of each is answered, the current part's questions, and a way on to the next part.

use leptos::prelude::*;

use crate::browser;
use crate::components::checklist::feature_question::FeatureQuestion;
use crate::components::ui::terms::Terms;
use crate::domain::base::content::{four_stages, Feature, Stage};
use crate::domain::records::edits::{ChecklistEdit, Edit};
use crate::state::AppState;

/// How the features are grouped on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    ByStage,
    ByTheme,
}

impl Grouping {
    pub fn id(self) -> &'static str {
        match self {
            Grouping::ByStage => "by-stage",
            Grouping::ByTheme => "by-theme",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grouping::ByStage => "Stage by stage",
            Grouping::ByTheme => "Theme by theme",
        }
    }
}

/// One part of the questionnaire: a stage or a theme.
struct Part {
    /// For element ids and the question ids' context ("s" for stages, else the theme's id).
    id: &'static str,
    context: &'static str,
    name: &'static str,
    /// The stage (for its colour), when the part is a stage.
    stage: Option<Stage>,
    description: String,
    features: Vec<&'static Feature>,
}

fn parts(grouping: Grouping) -> Vec<Part> {
    let framework = four_stages();
    match grouping {
        Grouping::ByStage => Stage::ALL
            .into_iter()
            .map(|stage| Part {
                id: stage.id(),
                context: "s",
                name: stage.name(),
                stage: Some(stage),
                description: framework.summary(stage).to_string(),
                features: framework.features_of_stage(stage).collect(),
            })
            .collect(),
        Grouping::ByTheme => framework
            .themes
            .iter()
            .map(|theme| Part {
                id: &theme.id,
                context: &theme.id,
                name: &theme.name,
                stage: None,
                description: theme.description.clone(),
                features: framework.features_of_theme(&theme.id).collect(),
            })
            .collect(),
    }
}

/// The first stage with features still to answer (the first, when all are answered), so
/// that coming back to an assessment carries on where it stopped.
pub fn first_open_part(assessment: &crate::domain::checklist::assessment::Assessment) -> usize {
    parts(Grouping::ByStage)
        .iter()
        .position(|p| assessment.answered_among(p.features.iter().copied()) < p.features.len())
        .unwrap_or(0)
}

#[component]
pub fn FeatureList(
    assessment_id: String,
    grouping: RwSignal<Grouping>,
    /// The part shown, counted from 0.
    step: RwSignal<usize>,
    /// Shows the result, after the last part.
    see_result: Callback<()>,
) -> impl IntoView {
    let id = StoredValue::new(assessment_id);
    // Moves to another part and takes the reader to its heading.
    let go = move |to: usize| {
        step.set(to);
        request_animation_frame(move || {
            let part = &parts(grouping.get_untracked())[to];
            browser::focus_id(&format!("group-{}", part.id));
        });
    };
    move || {
        let all = parts(grouping.get());
        let count = all.len();
        let current = step.get().min(count - 1);
        let nav = all
            .iter()
            .enumerate()
            .map(|(index, part)| {
                let features = part.features.clone();
                view! {
                    <li>
                        <button type="button" class=format!("step-button stage-{}", part.stage.map_or("none", Stage::id))
                            aria-current=(index == current).then_some("step")
                            on:click=move |_| step.set(index)>
                            <span class="step-name">{part.name}</span>
                            <GroupCount assessment_id=id.get_value() features=features />
                        </button>
                    </li>
                }
            })
            .collect_view();
        let part = &all[current];
        let heading = format!("group-{}", part.id);
        let section_class = match part.stage {
            Some(stage) => format!("feature-group stage-{}", stage.id()),
            None => "feature-group theme-group".to_string(),
        };
        let previous = current.checked_sub(1).map(|i| all[i].name);
        let next = all.get(current + 1).map(|p| p.name);
        let context = part.context;
        view! {
            <nav class="steps" aria-label="Parts of the questionnaire">
                <ol>{nav}</ol>
            </nav>
            <section class=section_class aria-labelledby=heading.clone()>
                <h3 id=heading.clone()>
                    <span class="stage-dot" aria-hidden="true"></span>
                    {format!("{} ({} of {count})", part.name, current + 1)}
                    <GroupCount assessment_id=id.get_value() features=part.features.clone() />
                </h3>
                <p class="group-description">{part.description.clone()}" "<crate::components::ui::waypoint_key::WaypointMark /></p>
                <Terms text=part.description.clone() />
                {part.features.iter().map(|feature| view! {
                    <FeatureQuestion assessment_id=id.get_value() feature=feature context=context />
                }).collect_view()}
                <KeepRest assessment_id=id.get_value() features=part.features.clone() />
            </section>
            <div class="step-nav">
                {previous.map(|name| view! {
                    <button type="button" class="button" on:click=move |_| go(current - 1)>{format!("Previous: {name}")}</button>
                })}
                {match next {
                    Some(name) => view! {
                        <button type="button" class="button primary" on:click=move |_| go(current + 1)>{format!("Next: {name}")}</button>
                    }.into_any(),
                    None => view! {
                        <button type="button" class="button primary" on:click=move |_| see_result.run(())>"See the result"</button>
                    }.into_any(),
                }}
            </div>
        }
    }
}

/// "3 of 8 answered" for one group of features.
#[component]
fn GroupCount(assessment_id: String, features: Vec<&'static Feature>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let total = features.len();
    let answered = move || {
        state.store.with(|s| {
            s.get(&assessment_id)
                .map_or(0, |a| a.answered_among(features.iter().copied()))
        })
    };
    view! { <span class="group-count">{move || format!("{} of {total} answered", answered())}</span> }
}

/// When reassessing: one button per part that keeps every answer of the part not yet
/// looked at as it was, after the ones that changed were changed.
#[component]
fn KeepRest(assessment_id: String, features: Vec<&'static Feature>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = StoredValue::new(assessment_id);
    let features = StoredValue::new(features);
    let left = move || {
        state.store.with(|s| {
            s.get(&key.get_value())
                .map(|a| features.with_value(|f| a.unreviewed_among(f.iter().copied())))
                .unwrap_or_default()
        })
    };
    let keep = move |_| {
        let edits = left()
            .into_iter()
            .map(|feature| {
                Edit::Checklist(ChecklistEdit::MarkReviewed {
                    assessment: key.get_value(),
                    feature,
                })
            })
            .collect();
        state.send(Edit::Batch(edits));
    };
    move || {
        let n = left().len();
        (n > 0).then(|| view! {
            <p class="keep-rest">
                <button type="button" class="button" on:click=keep>"Keep the rest of this part as it was"</button>
                <span class="hint">{format!(" {n} carried-over answer{} not looked at yet", if n == 1 { "" } else { "s" })}</span>
            </p>
        })
    }
}
