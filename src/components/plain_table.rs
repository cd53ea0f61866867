//! A table of text, drawn once from rows worked out beforehand. The board's pages (the
//! dashboard, the board summary, the headteacher's report, the calendar) all use this one
//! component rather than one of their own, which keeps the download small. A cell's
//! line breaks are shown as line breaks.

use leptos::prelude::*;

/// One cell: its text and a class for flags ("overdue", "soon"), or "".
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub class: &'static str,
}

/// A cell with a class.
pub fn cell(text: impl Into<String>, class: &'static str) -> Cell {
    Cell {
        text: text.into(),
        class,
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        cell(text, "")
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        cell(text, "")
    }
}

/// The first cell of each row heads the row.
#[component]
pub fn PlainTable(caption: String, head: Vec<&'static str>, rows: Vec<Vec<Cell>>) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
            <table class="trust-table plain-table">
                <caption>{caption}</caption>
                <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>{row.into_iter().enumerate().map(|(i, c)| if i == 0 {
                            view! { <th scope="row" class=c.class dir="auto">{c.text}</th> }.into_any()
                        } else {
                            view! { <td class=c.class dir="auto">{c.text}</td> }.into_any()
                        }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
