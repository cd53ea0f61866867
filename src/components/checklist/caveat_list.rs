//! What to keep in mind about a result: red flags (Stabilise concerns seen) before the
//! stage; after it, a stage set against the school's results, answers that contradict each
//! other, then thin evidence, ….

use leptos::prelude::*;

use crate::domain::checklist::assessment::Assessment;
use crate::domain::checklist::placement::{
    red_flags_heading, AssessmentResult, Caveat, CONTRADICTIONS_NOTE,
};
use crate::domain::improvement::overview::data_check;
use crate::state::AppState;

/// Lists longer than this are folded under their heading on the assessment page, where
/// the result must fit beside the questions; the printed report shows them whole.
const OPEN_LIST_MAX: usize = 3;

/// A list under its heading: whole, or, when `fold` and long, behind the heading.
fn listed(heading: String, items: Vec<String>, fold: bool, heading_class: &'static str) -> AnyView {
    let list = view! { <ul>{items.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul> };
    if fold {
        view! {
            <details class="list-fold" open=items.len() <= OPEN_LIST_MAX>
                <summary class=heading_class>{heading}</summary>
                {list}
            </details>
        }
        .into_any()
    } else {
        view! { <p class=heading_class>{heading}</p>{list} }.into_any()
    }
}

/// The Stabilise concerns seen, first: they come before the stage.
#[component]
pub fn RedFlags(
    result: Memo<Option<AssessmentResult>>,
    /// Fold a long list behind its heading (on screen beside the questions).
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    let flags = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.overall
                        .red_flags
                        .iter()
                        .map(|f| f.message())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    move || {
        let flags = flags();
        (!flags.is_empty()).then(|| {
            view! {
                <div class="red-flags" role="group" aria-label="Red flags">
                    {listed(red_flags_heading(flags.len()), flags, fold, "red-flags-heading")}
                </div>
            }
        })
    }
}

/// Answers that cannot both be true, with whose reading that is.
#[component]
pub fn Contradictions(result: Memo<Option<AssessmentResult>>, fold: bool) -> impl IntoView {
    move || {
        let list = result.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.overall
                        .contradictions
                        .iter()
                        .map(|c| c.message())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        (!list.is_empty()).then(|| view! {
            <div class="contradictions" role="group" aria-label="Answers that contradict each other">
                {listed(if list.len() == 1 { "Two answers contradict each other".to_string() } else { format!("{} pairs of answers contradict each other", list.len()) },
                    list, fold, "contradictions-heading")}
                <p class="hint">{CONTRADICTIONS_NOTE}</p>
            </div>
        })
    }
}

#[component]
pub fn CaveatList(
    assessment: Memo<Option<Assessment>>,
    result: Memo<Option<AssessmentResult>>,
    /// Fold long lists behind their headings (on screen beside the questions).
    #[prop(optional)]
    fold: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Where the results contradict the stage or the answers, that leads the caveats.
    let messages = move || {
        let stage = result.with(|r| r.as_ref().and_then(|r| r.overall.stage));
        let data = assessment.with(|a| {
            state
                .store
                .with(|s| data_check(s, a.as_ref()?, stage))
                .filter(|c| c.flagged())
                .map(|c| {
                    c.messages()
                        .into_iter()
                        .map(|m| format!("⚠ {m}"))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        result.with(|r| {
            data.into_iter()
                .chain(
                    r.iter()
                        .flat_map(|r| r.overall.caveats.iter())
                        // The headline already says what the other answers fit.
                        .filter(|c| !matches!(c, Caveat::ConcernsFirst { .. }))
                        .map(|c| c.message()),
                )
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Contradictions result=result fold=fold />
        <ul class="caveats">
            {move || messages().into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
        </ul>
    }
}
