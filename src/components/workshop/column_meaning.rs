//! What an answer means for a statement's column: Carter's question for the column, in
//! his words, and Waypoint's one line on how to read the scale for it, labelled as
//! Waypoint's. Small, so the member's pages can use it wherever they are built.

use leptos::prelude::*;

use crate::domain::workshop::aas::{Column, WORDING_NOTE};

#[component]
pub fn ColumnMeaning(
    column: Column,
    /// Carter's question heading the column in the source, verbatim.
    carter: String,
) -> impl IntoView {
    view! {
        <div class="column-meaning" data-column=column.position().id()>
            <p class="column-kind">{column.kind()}<span class="column-source">" · Carter asks: “"{carter}"”"</span></p>
            <p class="column-line">{column.meaning()}</p>
            <p class="whose">{WORDING_NOTE}</p>
        </div>
    }
}
