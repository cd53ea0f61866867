//! Downloads of a selection (one assessment, a school, or everything): a JSON file that
//! Waypoint can import again, and CSV files of the answers and results for spreadsheets.

use leptos::prelude::*;

use crate::browser;
use crate::domain::records::exchange::{
    answers_csv, file_name, results_csv, select, selected_ids, write_export, Selection,
};
use crate::state::AppState;

/// The files the panel offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Download {
    Json,
    AnswersCsv,
    ResultsCsv,
}

#[component]
pub fn ExportPanel(
    /// What to export.
    #[prop(into)]
    selection: Signal<Selection>,
    /// What the files hold, in words, e.g. the assessment's title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let problem = RwSignal::new(None::<String>);
    let download = move |kind: Download| {
        let part = state
            .store
            .with_untracked(|s| select(s, &selection.get_untracked()));
        let title = title.get_untracked();
        let today = browser::today_iso();
        let (name, mime, text) = match kind {
            Download::Json => (
                file_name(&title, &today, "json"),
                "application/json",
                write_export(&part, &title, &today),
            ),
            Download::AnswersCsv => (
                file_name(&format!("{title} answers"), &today, "csv"),
                "text/csv",
                answers_csv(&part, &part.assessments),
            ),
            Download::ResultsCsv => (
                file_name(&format!("{title} results"), &today, "csv"),
                "text/csv",
                results_csv(&part, &part.assessments),
            ),
        };
        match browser::download_text(&name, mime, &text) {
            Ok(()) => {
                problem.set(None);
                // What was downloaded is in a backup, whichever route it took.
                if kind == Download::Json {
                    if selection.get_untracked() == Selection::Everything {
                        state.downloaded(None);
                    } else {
                        state.downloaded(Some(selected_ids(&part)));
                    }
                }
            }
            Err(why) => problem.set(Some(format!("The file could not be made: {why}."))),
        }
    };
    view! {
        <div class="export-panel" role="group" aria-label="Download">
            <button type="button" class="button" on:click=move |_| download(Download::Json)>"Download file (JSON)"</button>
            <button type="button" class="button" on:click=move |_| download(Download::AnswersCsv)>"Answers (CSV)"</button>
            <button type="button" class="button" on:click=move |_| download(Download::ResultsCsv)>"Results (CSV)"</button>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
        </div>
    }
}
