//! The glossary: the four stages in one line each, and the meanings of the abbreviations
//! and terms in the texts Waypoint quotes.

use leptos::prelude::*;

use crate::browser;
use crate::domain::base::content::{four_stages, Stage, STAGE_SUMMARY_NOTE};
use crate::domain::base::glossary::{GLOSSARY_NOTE, TERMS};

#[component]
pub fn GlossaryPage() -> impl IntoView {
    browser::set_title("Glossary – Waypoint");
    view! {
        <section class="panel narrow glossary">
            <h1>"Glossary"</h1>
            <h2>"The four stages"</h2>
            <p class="hint">{format!("{STAGE_SUMMARY_NOTE}. Carter describes each stage by its observable features.")}</p>
            <dl class="glossary-list">
                {Stage::ALL.into_iter().map(|s| view! {
                    <div id=format!("term-{}", s.id())>
                        <dt><span class=format!("stage-badge stage-{}", s.id())>{s.name()}</span></dt>
                        <dd>{four_stages().summary(s).to_string()}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <h2>"Abbreviations and terms"</h2>
            <p class="hint">{GLOSSARY_NOTE}</p>
            <dl class="glossary-list">
                {TERMS.iter().map(|t| view! {
                    <div id=t.anchor()>
                        <dt>{t.term}</dt>
                        <dd>{t.meaning}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </section>
    }
}
