//! An item that a link names but this browser does not keep: the same words on every page,
//! whichever page was opened.

use leptos::prelude::*;

/// The kind of item that was not found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Assessment,
    School,
    Workshop,
}

impl Missing {
    fn heading(self) -> &'static str {
        match self {
            Missing::Assessment => "Assessment not found",
            Missing::School => "School not found",
            Missing::Workshop => "Workshop not found",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            Missing::Assessment => "This assessment is not saved in this browser. It may have been deleted, or saved in another browser.",
            Missing::School => "This school is not saved in this browser. It may have been merged with another, or saved in another browser.",
            Missing::Workshop => "This workshop is not saved in this browser. It may have been deleted, or saved in another browser.",
        }
    }
}

/// The panel shown in place of a page whose item is missing.
#[component]
pub fn NotFound(what: Missing) -> impl IntoView {
    view! {
        <section class="panel">
            <h1>{what.heading()}</h1>
            <p>{what.explanation()}</p>
            <p><a href="#/">"Go to your assessments and workshops"</a></p>
        </section>
    }
}
