//! The cohort report: over any set of records, per case and decision, how the trainees
//! (and classrooms) chose, beside the finding and the officers. Linear in the number of
//! records: each answer is looked up in a map and counted once.

use std::collections::HashMap;

use serde::Serialize;

use crate::engine::{MarkBasis, Verdict, assess_one, vote_count};
use crate::record::model::{Record, RecordKind, Votes};
use crate::scenario::{Decision, DecisionKind, Mark, Scenario};

mod filter;
mod groups;
mod render;
mod render_csv;
mod render_groups;
mod render_trainees;
mod trainees;

pub use filter::{Filter, ModeFilter, apply as filter};
pub use groups::{LabelRoom, SessionRow, label_name};
pub use render::{markdown, text};
pub use render_csv::csv;
pub use render_trainees::csv as trainees_csv;
pub use trainees::{CaseStatus, TraineeCase, TraineeRow};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OptionCount {
    pub id: String,
    pub text: String,
    pub mark: Mark,
    pub actual: bool,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rationale {
    /// The trainee's name, unless anonymised or not given.
    pub trainee: Option<String>,
    pub option: String,
    pub text: String,
    /// Whether the run it came from was finished: an abandoned run's reasons are flagged.
    pub finished: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DecisionReport {
    pub step: String,
    pub prompt: String,
    pub kind: DecisionKind,
    /// People who answered. For a room's tick-all question: the people the instructor
    /// counted (`Votes.respondents`), or where they were not counted the most ticks on one
    /// option (at least that many answered: see `respondents_at_least`).
    pub respondents: u32,
    /// True when `respondents` holds a largest tick count for some session, so it is a
    /// lower bound rather than a count of people.
    pub respondents_at_least: bool,
    pub options: Vec<OptionCount>,
    /// Answers that could be judged against the finding.
    pub judged: u32,
    pub in_line: u32,
    pub partly: u32,
    pub same_as_officers: u32,
    pub no_decision: u32,
    /// Answers to a decision that is not judged: counted, never scored.
    pub not_judged: u32,
    /// What the decision's marks rest on.
    pub basis: MarkBasis,
    /// Scale decisions: graded below / above the nearest expected grade.
    pub under: u32,
    pub over: u32,
    /// How far too low / too high, in grades of the scale's order: one entry per
    /// distance, nearest first ("by 1 grade: 2, by 2 grades: 1").
    pub under_by: Vec<GradeGap>,
    pub over_by: Vec<GradeGap>,
    pub rationales: Vec<Rationale>,
}

/// How many answers were graded a given number of grades off the nearest expected grade.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct GradeGap {
    pub grades: u32,
    pub count: u32,
}

/// Adds `n` answers `grades` off to a list kept in order of distance.
pub(super) fn add_gap(gaps: &mut Vec<GradeGap>, grades: u32, n: u32) {
    match gaps.binary_search_by_key(&grades, |g| g.grades) {
        Ok(i) => gaps[i].count = gaps[i].count.saturating_add(n),
        Err(i) => gaps.insert(i, GradeGap { grades, count: n }),
    }
}

impl DecisionReport {
    /// `n` as a share of the judged answers, rounded to the nearest percent (0 when none
    /// were judged: see [`DecisionReport::percent`] for the "n/a" case).
    pub fn share(&self, n: u32) -> u32 {
        self.percent(n).unwrap_or(0)
    }

    /// `n` as a share of the judged answers, or `None` when no answer could be judged.
    pub fn percent(&self, n: u32) -> Option<u32> {
        rounded_percent(u64::from(n), u64::from(self.judged))
    }
}

/// `n` of `of` as a percentage rounded half up (1 of 15 is 7%, not 6%); `None` of nothing.
pub fn rounded_percent(n: u64, of: u64) -> Option<u32> {
    // u128: a crafted record can hold counts near u32::MAX, summed into u64
    let share = (u128::from(n) * 200 + u128::from(of)).checked_div(u128::from(of) * 2)?;
    Some(u32::try_from(share).unwrap_or(u32::MAX))
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CaseReport {
    pub scenario_id: String,
    pub title: String,
    pub runs: u32,
    pub finished: u32,
    pub groups: u32,
    /// Individual runs only (practice and assessment).
    pub decisions: Vec<DecisionReport>,
    /// Classroom sessions only, per decision, with their own denominators: never pooled
    /// with the individual runs, shown beside them.
    pub room: Vec<DecisionReport>,
    /// The same classroom tallies per group label, to compare groups side by side.
    pub by_label: Vec<LabelRoom>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Missed {
    pub title: String,
    pub prompt: String,
    pub in_line_percent: u32,
    pub judged: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct CohortReport {
    pub runs: u32,
    /// Of the runs, how many were played in practice and in assessment mode: both are
    /// counted together unless `--mode` picks one, and the report says so.
    pub practice: u32,
    pub assessment: u32,
    pub groups: u32,
    pub trainees: u32,
    /// Records of cases not in the library, or answers to options a revised case no longer has.
    pub ignored: u32,
    pub cases: Vec<CaseReport>,
    /// Individual runs only.
    pub most_missed: Vec<Missed>,
    /// Trainee × case, with who has not started a case others did.
    pub trainees_table: Vec<TraineeRow>,
    /// Every classroom session, with its group label, in the order read.
    pub sessions: Vec<SessionRow>,
}

struct Index<'a> {
    scenario: &'a Scenario,
    case: usize,
    decisions: HashMap<&'a str, (usize, &'a Decision)>,
}

/// Builds the report. `anonymise` puts pseudonyms (Trainee 1, 2…) in the trainee table,
/// drops names from the rationales and shuffles their order (seeded from the data).
pub fn build(records: &[Record], scenarios: &[Scenario], anonymise: bool) -> CohortReport {
    let mut report = CohortReport::default();
    let mut index: HashMap<&str, Index> = HashMap::new();
    let mut trainees: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for record in records.iter().filter(|r| r.kind != RecordKind::Drill) {
        let Some(scenario) = scenarios.iter().find(|s| s.id == record.scenario_id) else {
            report.ignored += 1;
            continue;
        };
        let entry = index.entry(scenario.id.as_str()).or_insert_with(|| {
            report.cases.push(CaseReport {
                scenario_id: scenario.id.clone(),
                title: scenario.title.clone(),
                runs: 0,
                finished: 0,
                groups: 0,
                decisions: scenario.decisions().map(empty_decision).collect(),
                room: scenario.decisions().map(empty_decision).collect(),
                by_label: Vec::new(),
            });
            Index {
                scenario,
                case: report.cases.len() - 1,
                decisions: scenario
                    .decisions()
                    .enumerate()
                    .map(|(i, d)| (d.id.as_str(), (i, d)))
                    .collect(),
            }
        });
        let case = &mut report.cases[entry.case];
        match record.kind {
            RecordKind::Group => {
                case.groups += 1;
                report.groups += 1;
                report.sessions.push(groups::session_row(record, &case.title));
                let scenario = entry.scenario;
                let group = groups::group_for(&mut case.by_label, record.label.as_deref(), || {
                    scenario.decisions().map(empty_decision).collect()
                });
                group.sessions += 1;
                for tally in &record.tallies {
                    let Some(&(i, decision)) = entry.decisions.get(tally.step.as_str()) else {
                        continue;
                    };
                    count_votes(&mut case.room[i], decision, scenario, tally);
                    if let Some(d) = group.decisions.get_mut(i) {
                        count_votes(d, decision, scenario, tally);
                    }
                }
            }
            _ => {
                case.runs += 1;
                case.finished += u32::from(record.is_finished());
                report.runs += 1;
                match record.session.settings.mode {
                    crate::engine::Mode::Practice => report.practice += 1,
                    crate::engine::Mode::Assessment => report.assessment += 1,
                }
                if let Some(name) = &record.trainee {
                    trainees.insert(name);
                }
                let trainee = if anonymise { None } else { record.trainee.clone() };
                report.ignored += count_answers(case, entry, record, trainee);
            }
        }
    }
    report.trainees = trainees.len() as u32;
    report.most_missed = most_missed(&report.cases);
    if anonymise {
        let names: Vec<&str> = trainees.iter().copied().collect();
        for d in report.cases.iter_mut().flat_map(|c| c.decisions.iter_mut()) {
            for r in &mut d.rationales {
                r.text = trainees::redact(&r.text, &names);
            }
            // by a hash of the words, not the order the runs were read: nothing links a
            // reason here to its place in the named report
            d.rationales.sort_by_key(|r| trainees::fnv(&[&r.text, &r.option]));
        }
    }
    report.trainees_table = trainees::table(records, scenarios, anonymise);
    report
}

/// Counts one trainee's answers into their case; returns how many were left out (a step or
/// option the case no longer has).
fn count_answers(case: &mut CaseReport, entry: &Index, record: &Record, trainee: Option<String>) -> u32 {
    let mut ignored = 0;
    for answer in &record.session.answers {
        let Some(&(i, decision)) = entry.decisions.get(answer.step.as_str()) else {
            ignored += 1;
            continue;
        };
        if answer
            .response
            .selected()
            .iter()
            .any(|o| decision.option(o).is_none())
        {
            ignored += 1;
            continue;
        }
        let item = assess_one(entry.scenario, decision, answer);
        let d = &mut case.decisions[i];
        d.respondents = d.respondents.saturating_add(1);
        for id in answer.response.selected() {
            if let Some(o) = d.options.iter_mut().find(|o| o.id == id) {
                o.count = o.count.saturating_add(1);
            }
        }
        tally_verdict(d, item.verdict, item.same_as_officers, item.scale_distance, 1);
        if let Some(text) = &answer.rationale {
            d.rationales.push(Rationale {
                trainee: trainee.clone(),
                option: answer.response.describe(decision),
                text: text.clone(),
                finished: record.is_finished(),
            });
        }
    }
    ignored
}

/// The five judged decisions with the lowest share in line (more answers first on a tie).
fn most_missed(cases: &[CaseReport]) -> Vec<Missed> {
    let mut missed: Vec<Missed> = cases
        .iter()
        .flat_map(|c| {
            c.decisions.iter().filter(|d| d.judged > 0).map(move |d| Missed {
                title: c.title.clone(),
                prompt: d.prompt.clone(),
                in_line_percent: d.share(d.in_line),
                judged: d.judged,
            })
        })
        .collect();
    missed.sort_by_key(|m| (m.in_line_percent, std::cmp::Reverse(m.judged)));
    missed.truncate(5);
    missed
}

fn empty_decision(d: &Decision) -> DecisionReport {
    DecisionReport {
        step: d.id.clone(),
        prompt: d.prompt.clone(),
        kind: d.kind,
        respondents: 0,
        respondents_at_least: false,
        options: d
            .options
            .iter()
            .map(|o| OptionCount {
                id: o.id.clone(),
                text: o.text.clone(),
                mark: o.mark,
                actual: o.actual,
                count: 0,
            })
            .collect(),
        judged: 0,
        in_line: 0,
        partly: 0,
        same_as_officers: 0,
        no_decision: 0,
        not_judged: 0,
        basis: {
            let (basis, detail) = d.basis_of(None);
            MarkBasis {
                basis,
                detail: detail.map(str::to_string),
            }
        },
        under: 0,
        over: 0,
        under_by: Vec::new(),
        over_by: Vec::new(),
        rationales: Vec::new(),
    }
}

/// Counts `n` people who gave the same answer (a trainee is 1; a classroom vote may be many).
fn tally_verdict(d: &mut DecisionReport, verdict: Verdict, same: bool, distance: Option<i64>, n: u32) {
    let add = |field: &mut u32, yes: bool| *field = field.saturating_add(if yes { n } else { 0 });
    if verdict == Verdict::NoDecision {
        add(&mut d.no_decision, true);
        return;
    }
    if verdict == Verdict::NotJudged {
        add(&mut d.not_judged, true);
        return;
    }
    add(&mut d.judged, true);
    add(&mut d.in_line, verdict == Verdict::InLine);
    add(&mut d.partly, verdict == Verdict::Partly);
    add(&mut d.same_as_officers, same);
    add(&mut d.under, distance.is_some_and(|x| x < 0));
    add(&mut d.over, distance.is_some_and(|x| x > 0));
    if let Some(x) = distance.filter(|x| *x != 0) {
        let grades = u32::try_from(x.unsigned_abs()).unwrap_or(u32::MAX);
        add_gap(if x < 0 { &mut d.under_by } else { &mut d.over_by }, grades, n);
    }
}

/// A classroom's votes, counted by the engine's rule (`engine::vote_count`): a vote for a
/// kind answered with one option is one person's answer and is judged like one; checklist
/// votes are ticks, counted but not judged per person. Votes for options the case no
/// longer has are left out.
fn count_votes(d: &mut DecisionReport, decision: &Decision, scenario: &Scenario, tally: &Votes) {
    let known: Vec<(String, u32)> = tally
        .votes
        .iter()
        .filter(|(id, _)| decision.options.iter().any(|o| &o.id == id))
        .cloned()
        .collect();
    for (option_id, votes) in &known {
        if let Some(o) = d.options.iter_mut().find(|o| &o.id == option_id) {
            o.count = o.count.saturating_add(*votes);
        }
    }
    let count = vote_count(decision.kind, &known);
    // a checklist's ticks cannot say how many people answered; the instructor's count can
    let respondents = match tally.respondents {
        Some(people) if !decision.kind.picks_one() => people,
        _ => {
            d.respondents_at_least |= !decision.kind.picks_one();
            count.respondents
        }
    };
    d.respondents = d.respondents.saturating_add(respondents);
    for (response, votes) in count.answers {
        let answer = crate::engine::Answer {
            step: decision.id.clone(),
            response,
            rationale: None,
            confidence: None,
        };
        let item = assess_one(scenario, decision, &answer);
        // every vote for the option is the same answer: count them all at once
        tally_verdict(d, item.verdict, item.same_as_officers, item.scale_distance, votes);
    }
}
