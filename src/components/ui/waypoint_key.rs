//! Waypoint's own words marked once per page: a key at the top, and a small mark beside
//! each summary, grouping or rule, instead of a note on every panel.

use leptos::prelude::*;

use crate::domain::base::content::{WAYPOINT_KEY, WAYPOINT_MARK};

/// The key, once per page; with `glossary`, a link to the glossary after it, where a
/// page has no room for a line of its own.
#[component]
pub fn WaypointKey(#[prop(optional)] glossary: bool) -> impl IntoView {
    view! {
        <p class="waypoint-key hint"><span class="waypoint-mark" aria-hidden="true">{WAYPOINT_MARK}</span>" "{WAYPOINT_KEY.trim_start_matches("Marked ◆: ")}
            {glossary.then(|| view! { " "<a href="#/glossary">"Glossary of terms"</a> })}
        </p>
    }
}

/// The mark beside one piece of Waypoint's words.
#[component]
pub fn WaypointMark() -> impl IntoView {
    view! { <span class="waypoint-mark" role="img" aria-label="(Waypoint's words)" title="Waypoint's words">{WAYPOINT_MARK}</span> }
}
