//! The parts of every page around its content: the header with the main navigation, the
//! notices about saving and new versions, and the footer. Both entries draw them (the
//! whole app, src/app.rs, and a board member's small one, src/member_app.rs), so a
//! member sees the same frame whichever was loaded.

use leptos::prelude::*;

use crate::components::records::recovered_texts::RecoveredTexts;
use crate::components::records::storage_banner::StorageBanner;
use crate::components::ui::update_notice::UpdateNotice;
use crate::route::Route;

/// The site's header; the link to the page shown is marked as the current one.
#[component]
pub fn SiteHeader(route: ReadSignal<Route>) -> impl IntoView {
    let current = move |page: Route| move || (route.get() == page).then_some("page");
    view! {
        <header class="site-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Waypoint"
            </a>
            <nav class="site-nav" aria-label="Main">
                <a href="#/" aria-current=current(Route::Home)>"Assessments"</a>
                <a href="#/trust" aria-current=current(Route::Trust)>"Trust overview"</a>
                <a href="#/trust/calendar" aria-current=current(Route::TrustCalendar)>"Calendar"</a>
                <a href="#/glossary" aria-current=current(Route::Glossary)>"Glossary"</a>
            </nav>
            <p class="privacy-note">"Your answers stay in this browser"</p>
        </header>
        <StorageBanner />
        <UpdateNotice />
        <RecoveredTexts />
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "The four stages and their observable features are Sir David Carter's, from "
                <cite>"School Improvement – building the next stage of system-led improvement"</cite>
                ". Nothing you enter is sent anywhere. "
                <a href="#/glossary">"Glossary of terms"</a>
            </p>
        </footer>
    }
}
