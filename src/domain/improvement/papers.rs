//! The board's papers as documents (see `document.rs`): the summary of intervention
//! plans, the headteacher's report, and the dashboard's table.

use crate::domain::base::content::Stage;
use crate::domain::base::dates::display;
use crate::domain::base::document::{cell, heading, para, table, Block, Cell};
use crate::domain::improvement::accountability::{
    DashboardRow, HeadReport, PlanLine, PlanState, SchoolSummary, PLAN_STATE_RULE,
};
use crate::domain::improvement::categorisation::DueState;
use crate::domain::improvement::cycle::trust_cycle;

/// Says where a quotation comes from, in plain words.
pub const CYCLE_SOURCE: &str = " (from the trust improvement cycle in Waypoint's source documents)";

fn quote(text: &str) -> Block {
    Block::Quote(format!("{text}{CYCLE_SOURCE}"))
}

/// The impact recorded, in one cell: the verdict, each heading with something under it,
/// and the evidence.
fn impact_text(line: &PlanLine) -> Cell {
    let Some(impact) = &line.impact else {
        return "Not recorded yet".into();
    };
    let mut text = format!("{} ({})", impact.verdict.label(), display(&impact.date));
    for h in &trust_cycle().impact {
        let said = impact.heading(&h.id);
        if !said.is_empty() {
            text.push_str(&format!("\n{}: {said}", h.label));
        }
    }
    text.push_str(&format!("\nEvidence: {}", impact.evidence));
    text.into()
}

const PLAN_HEAD: [&str; 4] = ["Intervention", "Success criteria", "Reviews", "Impact"];

/// A table of interventions: what and who, the success criteria, the reviews, the impact.
pub fn plan_table(caption: String, lines: &[PlanLine]) -> Block {
    let rows = lines
        .iter()
        .map(|l| {
            let mut what = format!("{}\n{}", l.target, l.kind);
            if !l.partner.is_empty() {
                what.push_str(&format!(" with {}", l.partner));
            }
            what.push_str(&format!("\nOwner: {}\n{}", l.owner, l.runs));
            let class = match l.state {
                PlanState::Overdue | PlanState::OffTrack => "overdue",
                PlanState::AtRisk => "soon",
                _ => "",
            };
            let mut state = format!("{}\nLatest: {}", l.state.label(), l.latest_review);
            if let Some(next) = &l.next_review {
                state.push_str(&format!("\nNext review {}", display(next)));
            }
            vec![
                what.into(),
                l.success_criteria.clone().into(),
                cell(state, class),
                impact_text(l),
            ]
        })
        .collect();
    table(caption, &PLAN_HEAD, rows)
}

fn category_text(s: &SchoolSummary) -> String {
    match (s.category, &s.categorised_on) {
        (Some(c), Some(on)) => format!("{} (decided {})", c.label(), display(on)),
        _ => "Not yet categorised".into(),
    }
}

fn stage_name(stage: Option<Stage>) -> String {
    stage.map_or("Not assessed".to_string(), |s| s.name().to_string())
}

fn warnings(blocks: &mut Vec<Block>, red_flags: &[String], warnings: &[String]) {
    if !red_flags.is_empty() {
        blocks.push(para(
            format!("⚑ Red flags: {}", red_flags.join("; ")),
            "cell-flag",
        ));
    }
    if !warnings.is_empty() {
        blocks.push(Block::List(warnings.to_vec()));
    }
}

/// The summary of intervention plans: one table of every school, then a page for each
/// school with something to report (see [`SchoolSummary::has_news`]); the others are
/// named once, so that twelve schools do not make twelve nearly blank pages.
pub fn board_paper(schools: &[SchoolSummary]) -> Vec<Block> {
    let c = trust_cycle();
    let mut out = vec![
        quote(&c.board_summary),
        quote(&c.impact_intro),
        heading("Every school"),
    ];
    let rows = schools
        .iter()
        .map(|s| {
            let flagged = s.counts[0] + s.counts[1] + s.not_met > 0;
            vec![
                s.name.clone().into(),
                category_text(s).into(),
                stage_name(s.stage).into(),
                s.suggested.clone().into(),
                cell(s.by_status(), if flagged { "overdue" } else { "" }),
                cell(
                    s.due.clone(),
                    if s.due_state == DueState::Overdue {
                        "overdue"
                    } else {
                        ""
                    },
                ),
            ]
        })
        .collect();
    out.push(table(
        "Every school: the board's category, stage, Waypoint's suggested need and interventions by status",
        &[
            "School",
            "Category (the board's)",
            "Stage",
            "Need (Waypoint's suggestion)",
            "Interventions by status",
            "Category next due",
        ],
        rows,
    ));
    out.push(para(PLAN_STATE_RULE, "hint"));
    let quiet: Vec<&str> = schools
        .iter()
        .filter(|s| !s.has_news())
        .map(|s| s.name.as_str())
        .collect();
    if !quiet.is_empty() {
        out.push(para(
            format!(
                "Nothing more to report on {}: no interventions, red flags or warnings.",
                quiet.join(", ")
            ),
            "board-quiet",
        ));
    }
    for s in schools.iter().filter(|s| s.has_news()) {
        out.push(Block::Heading {
            text: s.name.clone(),
            new_page: true,
        });
        let category = match s.category {
            Some(_) => format!("Category: {}. {}.", category_text(s), s.due),
            None => "Not yet categorised.".to_string(),
        };
        out.push(para(
            format!("{category} Stage: {}.", stage_name(s.stage)),
            "board-facts",
        ));
        warnings(&mut out, &s.red_flags, &s.warnings);
        if s.lines.is_empty() {
            // A school has a page of its own without interventions only for its red
            // flags or warnings: the board's question is what is being done about them.
            out.push(para(
                "No intervention has been commissioned for these yet.",
                "empty-note",
            ));
        } else {
            out.push(plan_table(
                format!("Intervention plans of {}", s.name),
                &s.lines,
            ));
        }
    }
    out
}

/// The headteacher's report to the board, after its cover.
pub fn head_report_paper(r: &HeadReport) -> Vec<Block> {
    let stage = |s: &Option<(String, Option<Stage>)>| match s {
        Some((on, Some(stage))) => format!("{stage} (assessed {})", display(on)),
        Some((on, None)) => format!("No stage (assessed {})", display(on)),
        None => "No whole-school assessment".into(),
    };
    let mut out = vec![
        quote(&trust_cycle().headteacher_report),
        heading("Pupil attainment"),
    ];
    if r.results.is_empty() {
        out.push(para(
            "No results entered (the school page's performance trajectory).",
            "empty-note",
        ));
    } else {
        out.push(table(
            "Results",
            &["Period", "Result"],
            r.results
                .iter()
                .map(|(p, b)| vec![p.clone().into(), b.clone().into()])
                .collect(),
        ));
    }
    if !r.results.is_empty() {
        out.push(para(r.journey.clone(), ""));
    }
    out.push(heading("Progress"));
    out.push(table(
        "Stage and category",
        &["What", "Where it stands"],
        vec![
            vec![
                format!("Stage on {}", display(&r.from)).into(),
                stage(&r.stage_then).into(),
            ],
            vec![
                format!("Stage on {}", display(&r.to)).into(),
                stage(&r.stage_now).into(),
            ],
            vec!["Category".into(), r.category.clone().into()],
            vec!["Next".into(), r.due.clone().into()],
        ],
    ));
    warnings(&mut out, &r.red_flags, &r.warnings);
    out.push(heading("Teams, year groups and subjects"));
    if r.teams.iter().all(|(scope, ..)| scope == "Whole school") {
        out.push(para(
            "No team, year group or subject has been assessed on its own.",
            "empty-note",
        ));
    } else {
        out.push(table(
            "The latest assessment of each",
            &["Assessed", "Date", "Stage"],
            r.teams
                .iter()
                .map(|(scope, date, stage)| {
                    vec![
                        scope.clone().into(),
                        display(date).into(),
                        stage_name(*stage).into(),
                    ]
                })
                .collect(),
        ));
    }
    if !r.team_warnings.is_empty() {
        out.push(Block::List(r.team_warnings.clone()));
    }
    out.push(heading("Implementation of the school improvement plan"));
    if r.lines.is_empty() {
        out.push(para(
            "No interventions ran in these six months.",
            "empty-note",
        ));
    } else {
        out.push(plan_table(
            "Interventions in these six months".into(),
            &r.lines,
        ));
    }
    if !r.reviews.is_empty() {
        out.push(table(
            "Reviews held in these six months",
            &["Date", "Intervention", "Progress"],
            r.reviews
                .iter()
                .map(|(d, t, p)| vec![display(d).into(), t.clone().into(), p.clone().into()])
                .collect(),
        ));
    }
    out
}

/// The states the dashboard counts, in its order (stopped interventions are left out).
pub const CHARTED: &[PlanState] = PlanState::ALL.split_at(6).0;

/// "1 overdue, 2 on track", or `None` without interventions.
pub fn counts_text(counts: &[usize; 7], separator: &str) -> Option<String> {
    let parts: Vec<String> = CHARTED
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(state, n)| format!("{n} {}", state.label().to_lowercase()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(separator))
}

/// The dashboard's table: each school at a glance.
pub fn dashboard_paper(rows: &[DashboardRow]) -> Vec<Block> {
    let rows = rows
        .iter()
        .map(|row| {
            let s = &row.summary;
            let stage = match (s.stage, &s.assessed_on) {
                (Some(stage), Some(on)) => format!("{stage}\nassessed {}", display(on)),
                (None, Some(on)) => format!("No stage yet\nassessed {}", display(on)),
                _ => "Not assessed".into(),
            };
            let category = match (s.category, &s.categorised_on) {
                (Some(c), Some(on)) => format!(
                    "{} (decided {})\nWaypoint suggests: {}",
                    c.short(),
                    display(on),
                    s.suggested
                ),
                _ => format!("Not categorised\nWaypoint suggests: {}", s.suggested),
            };
            let flags = if s.red_flags.is_empty() {
                cell("None", "")
            } else {
                cell(format!("⚑ {}", s.red_flags.len()), "flagged")
            };
            let due: Vec<&str> = row.due.iter().map(|d| d.text.as_str()).collect();
            vec![
                s.name.clone().into(),
                stage.into(),
                category.into(),
                flags,
                counts_text(&s.counts, "\n")
                    .unwrap_or_else(|| "None".into())
                    .into(),
                if due.is_empty() {
                    "Nothing".to_string()
                } else {
                    due.join("\n")
                }
                .into(),
            ]
        })
        .collect();
    vec![
        table(
            "Each school at a glance",
            &[
                "School",
                "Stage",
                "Category",
                "Red flags",
                "Interventions",
                "Due before the next dashboard",
            ],
            rows,
        ),
        para(PLAN_STATE_RULE, "hint"),
    ]
}
