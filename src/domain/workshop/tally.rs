//! What the facilitator sees as answers arrive, and what a board sees without anyone's
//! answers being told apart: counts per practice and per role, breakdowns hidden below
//! three people, positions summarised as counts, and disagreement on a stated scale.

use crate::domain::base::paging::PageBounds;
use crate::domain::workshop::aas::{mean, practice_places, AasFramework, Member, Practice, View, Workshop};
use crate::domain::workshop::join::chosen_practices;

/// The fewest people a breakdown (by role, or person by person) may show: with two, each
/// could tell the other's answers from their own.
pub const MIN_GROUP: usize = 3;

/// Why a breakdown is not shown, in the words shown to users.
pub const HIDDEN_REASON: &str =
    "Not shown: fewer than three members are in this group, so their answers could be told apart.";

/// Whether a group of `people` may be shown on its own.
pub fn may_show(people: usize) -> bool {
    people >= MIN_GROUP
}

/// The disagreement scale, in the words shown to users.
pub const DISAGREEMENT_SCALE: &str = "Disagreement is how many steps apart the furthest answers are, on the five-step scale from Autonomous to Standardised: 0 everyone agrees, 1 close, 2 split, 3 or 4 far apart (Waypoint's scale).";

/// What "agrees" means, in the words shown to users.
pub const AGREEMENT_NOTE: &str = "Agreement: placed by two or more members, with every answer now and wanted at most one step from the others (Waypoint's threshold).";

/// When nothing is agreed yet, in the words shown to users.
pub const AGREEMENT_EMPTY: &str =
    "No practice placed by two or more members has answers within one step of each other yet.";

/// A disagreement of 0–4 steps in words.
pub fn disagreement_words(steps: f64) -> &'static str {
    match steps.round() as i64 {
        i64::MIN..=0 => "everyone agrees",
        1 => "close",
        2 => "split",
        _ => "far apart",
    }
}

/// How many people answered a practice, now and wanted, at each of the five positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub now: [usize; 5],
    pub desired: [usize; 5],
}

/// Counts the positions in a practice's views.
pub fn counts(views: &[View]) -> Counts {
    let mut counts = Counts::default();
    for view in views {
        if let Some(p) = view.now {
            counts.now[usize::from(p.value())] += 1;
        }
        if let Some(p) = view.desired {
            counts.desired[usize::from(p.value())] += 1;
        }
    }
    counts
}

/// How many answers are in for one practice.
#[derive(Clone, Debug, PartialEq)]
pub struct PracticeTally {
    pub practice_id: String,
    pub text: String,
    pub area: String,
    /// People who placed it both now and wanted.
    pub answered: usize,
}

/// How many people of one role have answered.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleTally {
    /// The role as typed, or "Role not given".
    pub role: String,
    pub people: usize,
    /// Of them, those who placed every practice of the meeting.
    pub complete: usize,
}

/// The live tally: counts only, never who said what.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    pub people: usize,
    pub complete: usize,
    pub practices: Vec<PracticeTally>,
    pub roles: Vec<RoleTally>,
}

/// How a person who gave no role is counted.
const NO_ROLE: &str = "Role not given";

/// A role as counted, without copying it: trimmed, or "Role not given" when empty.
fn role_of(role: &str) -> &str {
    match role.trim() {
        "" => NO_ROLE,
        role => role,
    }
}

/// Counts the answers in a workshop, per practice of the meeting and per role: one pass
/// over the people, reading them where they are (the tally is counted again on every
/// change, so at ten thousand people nothing of anyone is copied).
pub fn tally(framework: &AasFramework, workshop: &Workshop) -> Tally {
    let practices = chosen_practices(framework, workshop);
    let mut answered = vec![0usize; practices.len()];
    let mut roles: Vec<RoleTally> = Vec::new();
    let mut complete = 0;
    for r in &workshop.members {
        let mut all = true;
        for (count, p) in answered.iter_mut().zip(&practices) {
            let done = r
                .placing(&p.statement.id)
                .is_some_and(|p| p.now.is_some() && p.desired.is_some());
            *count += usize::from(done);
            all &= done;
        }
        complete += usize::from(all);
        let role = role_of(&r.role);
        let index = match roles.iter().position(|t| t.role.eq_ignore_ascii_case(role)) {
            Some(i) => i,
            None => {
                roles.push(RoleTally {
                    role: role.to_string(),
                    people: 0,
                    complete: 0,
                });
                roles.len() - 1
            }
        };
        roles[index].people += 1;
        roles[index].complete += usize::from(all);
    }
    Tally {
        people: workshop.members.len(),
        complete,
        practices: practices
            .iter()
            .zip(answered)
            .map(|(p, answered)| PracticeTally {
                practice_id: p.statement.id.clone(),
                text: p.statement.text.clone(),
                area: p.area.name.clone(),
                answered,
            })
            .collect(),
        roles,
    }
}

/// An area's name with its mean positions now and wanted (0–4).
pub type AreaMeans = (String, Option<f64>, Option<f64>);

/// One role's view of each area, shown only for three or more people.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleView {
    pub role: String,
    pub people: usize,
    /// Area name, mean now and mean wanted; `None` when the group is too small to show.
    pub areas: Option<Vec<AreaMeans>>,
}

/// Each role's mean positions by area, hidden for roles of fewer than three people. As in
/// the whole board's results, an area's mean is the mean of its practices' means. One pass
/// over the members' placings, summing positions per role and practice.
pub fn by_role(framework: &AasFramework, workshop: &Workshop) -> Vec<RoleView> {
    let roles = tally(framework, workshop).roles;
    let listed: Vec<Practice<'_>> = framework.practices().collect();
    let place = practice_places(&listed);
    // Per role and practice: sum and count of positions now, then wanted.
    let mut sums = vec![[0u32; 4]; roles.len() * listed.len()];
    for m in &workshop.members {
        let role = role_of(&m.role);
        let Some(r) = roles
            .iter()
            .position(|t| t.role.eq_ignore_ascii_case(role))
            .filter(|&r| may_show(roles[r].people))
        else {
            continue;
        };
        for (id, placing) in &m.placings {
            let Some(&i) = place.get(id.as_str()) else {
                continue;
            };
            let sum = &mut sums[r * listed.len() + i];
            if let Some(p) = placing.now {
                sum[0] += u32::from(p.value());
                sum[1] += 1;
            }
            if let Some(p) = placing.desired {
                sum[2] += u32::from(p.value());
                sum[3] += 1;
            }
        }
    }
    roles
        .into_iter()
        .enumerate()
        .map(|(r, role)| {
            let areas = may_show(role.people).then(|| {
                let of_role = &sums[r * listed.len()..(r + 1) * listed.len()];
                framework
                    .areas
                    .iter()
                    .map(|area| {
                        // As for the whole board: the mean of the area's practices' means.
                        let practice_mean = |sum: usize, count: usize| {
                            mean(
                                listed
                                    .iter()
                                    .zip(of_role)
                                    .filter(|(p, s)| p.area.id == area.id && s[count] > 0)
                                    .map(|(_, s)| f64::from(s[sum]) / f64::from(s[count])),
                            )
                        };
                        (area.name.clone(), practice_mean(0, 1), practice_mean(2, 3))
                    })
                    .collect()
            });
            RoleView {
                role: role.role,
                people: role.people,
                areas,
            }
        })
        .collect()
}

/// How much one person answered: practices of the meeting placed both now and wanted.
#[derive(Clone, Debug, PartialEq)]
pub struct Answered {
    pub name: String,
    pub placed: usize,
}

/// Who answered how much. Named people by name; anonymous answers only as counts, largest
/// first, so that the order they arrived in tells nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Participation {
    pub asked: usize,
    pub named: Vec<Answered>,
    pub anonymous: Vec<usize>,
}

/// Named people listed on one page of "who answered how much": a workshop of ten
/// thousand would otherwise be ten thousand lines drawn at once.
pub const NAMED_PER_PAGE: usize = 20;

impl Participation {
    /// The named people on page `page` (from 0; past the end is the last), and where the
    /// page lies among them.
    pub fn named_page(&self, page: usize) -> (&[Answered], PageBounds) {
        let bounds = PageBounds::of(self.named.len(), NAMED_PER_PAGE, page);
        (&self.named[bounds.items.clone()], bounds)
    }

    /// How many people answered only part of the meeting's practices.
    pub fn partial(&self) -> usize {
        self.named
            .iter()
            .map(|a| a.placed)
            .chain(self.anonymous.iter().copied())
            .filter(|&n| n < self.asked)
            .count()
    }
}

/// Who answered how much of the meeting's practices.
pub fn participation(framework: &AasFramework, workshop: &Workshop) -> Participation {
    let asked = chosen_practices(framework, workshop);
    let placed = |r: &Member| crate::domain::workshop::plan::placed_among(&asked, r);
    let named = workshop
        .members
        .iter()
        .filter(|r| !r.anonymous)
        .map(|r| Answered {
            name: r.name.clone(),
            placed: placed(r),
        })
        .collect();
    let mut anonymous: Vec<usize> = workshop
        .members
        .iter()
        .filter(|r| r.anonymous)
        .map(placed)
        .collect();
    crate::domain::base::order::sort_by(&mut anonymous, |a, b| b.cmp(a));
    Participation {
        asked: asked.len(),
        named,
        anonymous,
    }
}

/// "all 23" or "12 of 23".
pub fn placed_words(placed: usize, asked: usize) -> String {
    if placed == asked {
        format!("all {asked}")
    } else {
        format!("{placed} of {asked}")
    }
}
