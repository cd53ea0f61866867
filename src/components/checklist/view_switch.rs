//! On a phone or a narrow window, the assessment page shows one thing at a time: the
//! questions, or the result with the plan and files. The switch at the top says the
//! stage, so it stays in sight while answering. Wide screens show both side by side and
//! hide the switch (style/main.css).

use leptos::prelude::*;

use crate::browser;
use crate::domain::checklist::placement::AssessmentResult;

/// Which half of the assessment page a narrow screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Questions,
    Result,
}

impl Shown {
    /// For the page's `data-shown`, which the stylesheet reads.
    pub fn id(self) -> &'static str {
        match self {
            Shown::Questions => "questions",
            Shown::Result => "result",
        }
    }

    /// The heading that takes focus when this half is shown.
    fn heading(self) -> &'static str {
        match self {
            Shown::Questions => "questions-heading",
            Shown::Result => "result-heading",
        }
    }
}

/// Shows one half and takes the reader to its heading once it is drawn.
pub fn show(shown: RwSignal<Shown>, half: Shown) {
    shown.set(half);
    request_animation_frame(move || browser::focus_id(half.heading()));
}

#[component]
pub fn ViewSwitch(
    shown: RwSignal<Shown>,
    result: Memo<Option<AssessmentResult>>,
    answered: Signal<usize>,
    total: usize,
) -> impl IntoView {
    // Redrawn only when the badge changes, not on every answer.
    let badge = Memo::new(move |_| result.with(|r| r.as_ref().map(|r| r.overall.badge())));
    let pressed = move |half: Shown| move || (shown.get() == half).to_string();
    view! {
        <div class="view-switch no-print" role="group" aria-label="Show">
            <button type="button" aria-pressed=pressed(Shown::Questions)
                on:click=move |_| show(shown, Shown::Questions)>
                <span class="view-name">"Questions"</span>
                <span class="group-count">{move || format!("{} of {total} answered", answered.get())}</span>
            </button>
            <button type="button" aria-pressed=pressed(Shown::Result)
                on:click=move |_| show(shown, Shown::Result)>
                <span class="view-name">"Result"</span>
                {move || badge.get().map(|b| view! { <span class=b.class()>{b.label()}</span> })}
            </button>
        </div>
    }
}
