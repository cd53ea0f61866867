//! The board's papers drawn from plain documents (see `domain::base::document`): one view for
//! every paper and every table of text, which keeps the download small. A cell's line
//! breaks are shown as line breaks.

use leptos::prelude::*;

use crate::domain::base::document::{Block, Cell};

/// A table of text; the first cell of each row heads the row.
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

/// A document: headings, paragraphs, quotes, lists and tables, in order.
#[component]
pub fn DocumentView(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading { text, new_page } => {
                view! { <h2 class:new-page=new_page dir="auto">{text}</h2> }.into_any()
            }
            Block::Para { text, class } => view! { <p class=class dir="auto">{text}</p> }.into_any(),
            Block::Quote(text) => view! { <blockquote class="source-quote">{text}</blockquote> }.into_any(),
            Block::List(items) => view! {
                <ul class="warnings">{items.into_iter().map(|i| view! { <li dir="auto">{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Table { caption, head, rows } => {
                view! { <PlainTable caption=caption head=head rows=rows /> }.into_any()
            }
        })
        .collect_view()
}
