//! The glossary: plain-English meanings of the abbreviations and terms in the texts
//! Waypoint quotes (PA, TSA, T&L, floor, coasting …), kept in `content/glossary.json`,
//! and which of them a text uses, so that their meanings are shown where they appear.

use serde::Deserialize;
use std::sync::OnceLock;

/// One term and its meaning.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Term {
    /// As listed, e.g. "KS2, KS4".
    pub term: String,
    /// How it is written in the texts, longest first, matched as whole words.
    pub forms: Vec<String>,
    pub meaning: String,
}

impl Term {
    /// The id of its entry on the glossary page.
    pub fn anchor(&self) -> String {
        let slug: String = self
            .term
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        format!("term-{}", slug.trim_matches('-'))
    }
}

/// The whole glossary, in alphabetical order.
#[derive(Clone, Debug, Deserialize)]
pub struct Glossary {
    /// Whose the meanings are.
    pub note: String,
    pub terms: Vec<Term>,
}

const GLOSSARY_JSON: &str = include_str!("../../content/glossary.json");

/// The embedded glossary, parsed once.
pub fn glossary() -> &'static Glossary {
    static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
    GLOSSARY.get_or_init(|| {
        serde_json::from_str(GLOSSARY_JSON).expect("content/glossary.json is valid")
    })
}

/// Whether `form` appears in `text` as a whole word (not inside a longer word).
fn has_word(text: &str, form: &str) -> bool {
    text.match_indices(form).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The glossary's terms that `text` uses, in the glossary's order.
pub fn terms_in(text: &str) -> Vec<&'static Term> {
    glossary()
        .terms
        .iter()
        .filter(|t| t.forms.iter().any(|f| has_word(text, f)))
        .collect()
}

/// The terms any of `texts` use, once each, in the glossary's order.
pub fn terms_in_all<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<&'static Term> {
    glossary()
        .terms
        .iter()
        .filter(|t| {
            texts
                .clone()
                .any(|text| t.forms.iter().any(|f| has_word(text, f)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        terms_in(text).iter().map(|t| t.term.as_str()).collect()
    }

    #[test]
    fn abbreviations_are_found_as_whole_words_only() {
        assert_eq!(
            names("Pupil attendance and PA below national floor"),
            ["floor", "PA"]
        );
        assert_eq!(
            names("T&L is poor, with limited or no CPD for staff"),
            ["CPD", "T&L"]
        );
        assert_eq!(
            names("Poor student outcomes at KS2/KS4 – below floor and/or coasting"),
            ["coasting", "floor", "KS2, KS4"]
        );
        assert_eq!(
            names("The support from a strong TSA and/or MAT"),
            ["MAT", "TSA"]
        );
        assert_eq!(names("other MATS, local schools"), ["MAT"]);
        // Not inside other words: "PAY", "impact", "EYES", "floors" are not terms.
        assert!(names("PAY impact EYES floors flooring MATTER").is_empty());
    }

    #[test]
    fn every_term_has_a_meaning_and_a_distinct_anchor() {
        let all = &glossary().terms;
        assert!(all.len() >= 20);
        let mut anchors: Vec<String> = all.iter().map(Term::anchor).collect();
        anchors.dedup();
        assert_eq!(anchors.len(), all.len());
        for term in all {
            assert!(term.meaning.ends_with('.'), "{}", term.term);
            assert!(!term.forms.is_empty(), "{}", term.term);
        }
        assert!(glossary().note.contains("Waypoint's"));
    }
}
