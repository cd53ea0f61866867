//! The observable features, grouped by stage or by theme.

use leptos::prelude::*;

use crate::components::feature_question::FeatureQuestion;
use crate::domain::content::{four_stages, Feature, Stage};
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

#[component]
pub fn FeatureList(assessment_id: String, grouping: RwSignal<Grouping>) -> impl IntoView {
    move || {
        let framework = four_stages();
        let id = assessment_id.clone();
        match grouping.get() {
            Grouping::ByStage => Stage::ALL
                .into_iter()
                .map(|stage| {
                    let id = id.clone();
                    view! {
                        <section class=format!("feature-group stage-{}", stage.id())
                            aria-labelledby=format!("group-{}", stage.id())>
                            <h3 id=format!("group-{}", stage.id())>
                                <span class="stage-dot" aria-hidden="true"></span>
                                {stage.name()}
                                <GroupCount assessment_id=id.clone()
                                    features=framework.features_of_stage(stage).collect() />
                            </h3>
                            {framework.features_of_stage(stage).map(|feature| view! {
                                <FeatureQuestion assessment_id=id.clone() feature=feature context="s" />
                            }).collect_view()}
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
            Grouping::ByTheme => framework
                .themes
                .iter()
                .map(|theme| {
                    let id = id.clone();
                    let theme_id: &'static str = &theme.id;
                    view! {
                        <section class="feature-group theme-group" aria-labelledby=format!("group-{theme_id}")>
                            <h3 id=format!("group-{theme_id}")>
                                {theme.name.clone()}
                                <GroupCount assessment_id=id.clone()
                                    features=framework.features_of_theme(theme_id).collect() />
                            </h3>
                            <p class="group-description">{theme.description.clone()}</p>
                            {framework.features_of_theme(theme_id).map(|feature| view! {
                                <FeatureQuestion assessment_id=id.clone() feature=feature context=theme_id />
                            }).collect_view()}
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
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
