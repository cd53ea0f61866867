//! Previous and next buttons for a list shown a page at a time, with where the list is
//! ("Page 2 of 834") between them; one look and one keyboard order for every paged list.

use leptos::prelude::*;

#[component]
pub fn Pager(
    /// What the pages are of, for screen readers ("Pages of schools").
    label: &'static str,
    /// The buttons' words ("Previous", "Next members").
    #[prop(default = "Previous")]
    previous: &'static str,
    #[prop(default = "Next")] next: &'static str,
    /// The page shown, counted from 0; the buttons change it.
    page: RwSignal<usize>,
    /// How many pages there are.
    #[prop(into)]
    pages: Signal<usize>,
    /// Where the list is, in words ("Members 9 to 16 of 1,000"); "Page 2 of 834" without.
    #[prop(optional, into)]
    status: Option<Signal<String>>,
) -> impl IntoView {
    let current = move || page.get().min(pages.get().saturating_sub(1));
    view! {
        <nav class="pager" aria-label=label data-page=move || current().to_string()>
            <button type="button" class="button" disabled=move || current() == 0
                on:click=move |_| page.set(current().saturating_sub(1))>{previous}</button>
            <span role="status">{move || match status {
                Some(status) => status.get(),
                None => format!("Page {} of {}", current() + 1, pages.get()),
            }}</span>
            <button type="button" class="button" disabled=move || { current() + 1 >= pages.get() }
                on:click=move |_| page.set(current() + 1)>{next}</button>
        </nav>
    }
}
