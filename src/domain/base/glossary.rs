//! The glossary: plain-English meanings of the abbreviations and terms in the texts
//! Waypoint quotes (PA, TSA, T&L, floor, coasting …), and which of them a text uses, so
//! that their meanings are shown where they appear. Kept as Rust data rather than a JSON
//! file: parsing it would add more to the download than the text itself.

/// One term and its meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// As listed, e.g. "KS2, KS4".
    pub term: &'static str,
    /// How it is written in the texts, longest first, matched as whole words.
    pub forms: &'static [&'static str],
    pub meaning: &'static str,
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

/// Whose the meanings are.
pub const GLOSSARY_NOTE: &str = "Plain-English meanings of the abbreviations and terms in Carter's text and the trusts' documents that Waypoint quotes. The meanings are Waypoint's wording.";

/// Every term, in alphabetical order.
pub const TERMS: &[Term] = &[
    Term {
        term: "CPD",
        forms: &["CPD"],
        meaning: "Continuing professional development: training and development for staff.",
    },
    Term {
        term: "coasting",
        forms: &["coasting", "Coasting"],
        meaning: "When Carter wrote, the government's label for a school whose results had been only just adequate for several years. It is the second of the four bands on Carter's performance trajectory schematic.",
    },
    Term {
        term: "DfE",
        forms: &["DfE"],
        meaning: "The Department for Education.",
    },
    Term {
        term: "DTL",
        forms: &["DTL"],
        meaning: "The trust's director of teaching and learning.",
    },
    Term {
        term: "EY, EYFS",
        forms: &["EYFS", "EY"],
        meaning: "Early years; the early years foundation stage: nursery and reception classes, up to age 5.",
    },
    Term {
        term: "floor",
        forms: &["floor", "Floor"],
        meaning: "When Carter wrote, the government's minimum standard for a school's results. It is the lowest of the four bands on Carter's performance trajectory schematic.",
    },
    Term {
        term: "GCSE",
        forms: &["GCSE"],
        meaning: "General Certificate of Secondary Education: the exams most pupils take at 16.",
    },
    Term {
        term: "KPI",
        forms: &["KPI"],
        meaning: "Key performance indicator: a measure a trust or school watches to see how it is doing.",
    },
    Term {
        term: "KS2, KS4",
        forms: &["KS2/KS4", "KS2", "KS4"],
        meaning: "Key stage 2, the end of primary school (age 11); key stage 4, GCSEs (age 16).",
    },
    Term {
        term: "MAT",
        forms: &["MATS", "MATs", "MAT"],
        meaning: "Multi-academy trust: one trust that runs several academies (state schools run by a trust rather than a local authority).",
    },
    Term {
        term: "MFL",
        forms: &["MFL"],
        meaning: "Modern foreign languages.",
    },
    Term {
        term: "MIS",
        forms: &["MIS"],
        meaning: "Management information system: the software that holds a school's pupil and staff records.",
    },
    Term {
        term: "National average",
        forms: &["National average", "Nat Ave"],
        meaning: "Results around the national average: the third of the four bands on Carter's performance trajectory schematic (“Nat Ave”).",
    },
    Term {
        term: "NLE, SLE",
        forms: &["NLE", "SLE"],
        meaning: "National and specialist leaders of education: experienced headteachers and staff designated to support other schools.",
    },
    Term {
        term: "NPQ",
        forms: &["NPQSL", "NPQ"],
        meaning: "National professional qualification, for example for senior leaders (NPQSL).",
    },
    Term {
        term: "NSC",
        forms: &["NSC"],
        meaning: "National Schools Commissioner: Carter's role when he wrote the text Waypoint quotes.",
    },
    Term {
        term: "Ofsted",
        forms: &["Ofsted", "OFSTED"],
        meaning: "The schools inspectorate in England.",
    },
    Term {
        term: "PA",
        forms: &["PA"],
        meaning: "Persistent absence: pupils who miss a large share of school sessions.",
    },
    Term {
        term: "RSC",
        forms: &["RSCs", "RSC"],
        meaning: "Regional schools commissioner: the government's official overseeing academies in a region.",
    },
    Term {
        term: "SEF",
        forms: &["SEF"],
        meaning: "Self-evaluation form: a school's written judgement of its own strengths and weaknesses.",
    },
    Term {
        term: "SEND, SENCO",
        forms: &["SENCO", "SEND"],
        meaning: "Special educational needs and disabilities; the teacher who coordinates support for them.",
    },
    Term {
        term: "SIP",
        forms: &["SIP"],
        meaning: "School improvement plan.",
    },
    Term {
        term: "Strategic Headteachers",
        forms: &["Strategic Headteachers", "strategic headteachers"],
        meaning: "Headteachers who also lead improvement across the trust's schools.",
    },
    Term {
        term: "T&L",
        forms: &["T&L"],
        meaning: "Teaching and learning.",
    },
    Term {
        term: "Top 15%",
        forms: &["Top 15%"],
        meaning: "Results among the best 15% of schools nationally: the highest of the four bands on Carter's performance trajectory schematic.",
    },
    Term {
        term: "TSA",
        forms: &["TSA"],
        meaning: "Teaching school alliance: a group of schools, led by a teaching school, that train and support teachers together.",
    },
];

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
    TERMS
        .iter()
        .filter(|t| t.forms.iter().any(|f| has_word(text, f)))
        .collect()
}

/// The terms any of `texts` use, once each, in the glossary's order.
pub fn terms_in_all<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<&'static Term> {
    TERMS
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
        terms_in(text).iter().map(|t| t.term).collect()
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
        let all = TERMS;
        assert!(all.len() >= 20);
        let mut anchors: Vec<String> = all.iter().map(Term::anchor).collect();
        anchors.dedup();
        assert_eq!(anchors.len(), all.len());
        for term in all {
            assert!(term.meaning.ends_with('.'), "{}", term.term);
            assert!(!term.forms.is_empty(), "{}", term.term);
        }
        assert!(GLOSSARY_NOTE.contains("Waypoint's"));
    }
}
