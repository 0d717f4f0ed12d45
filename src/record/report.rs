//! The cohort report: over any set of records, per case and decision, how the trainees
//! (and classrooms) chose, beside the finding and the officers. Linear in the number of
//! records: each answer is looked up in a map and counted once.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::model::{Record, RecordKind};
use crate::engine::{MarkBasis, Response, Verdict, assess_one};
use crate::scenario::text::sanitize;
use crate::scenario::{Decision, DecisionKind, Mark, Scenario};

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
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DecisionReport {
    pub step: String,
    pub prompt: String,
    pub kind: DecisionKind,
    /// People who answered: individual trainees plus every vote in a classroom.
    pub respondents: u32,
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
    pub rationales: Vec<Rationale>,
}

impl DecisionReport {
    pub fn share(&self, n: u32) -> u32 {
        // u64: a crafted record can hold counts near u32::MAX
        let share = (u64::from(n) * 100)
            .checked_div(u64::from(self.judged))
            .unwrap_or(0);
        u32::try_from(share).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CaseReport {
    pub scenario_id: String,
    pub title: String,
    pub runs: u32,
    pub finished: u32,
    pub groups: u32,
    pub decisions: Vec<DecisionReport>,
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
    pub groups: u32,
    pub trainees: u32,
    /// Records of cases not in the library, or answers to options a revised case no longer has.
    pub ignored: u32,
    pub cases: Vec<CaseReport>,
    pub most_missed: Vec<Missed>,
}

struct Index<'a> {
    scenario: &'a Scenario,
    case: usize,
    decisions: HashMap<&'a str, (usize, &'a Decision)>,
}

/// Builds the report. `anonymise` drops trainee names from the rationales.
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
                for tally in &record.tallies {
                    let Some(&(i, decision)) = entry.decisions.get(tally.step.as_str()) else {
                        continue;
                    };
                    count_votes(&mut case.decisions[i], decision, entry.scenario, tally);
                }
            }
            _ => {
                case.runs += 1;
                case.finished += u32::from(record.is_finished());
                report.runs += 1;
                if let Some(name) = &record.trainee {
                    trainees.insert(name);
                }
                let trainee = if anonymise { None } else { record.trainee.clone() };
                for answer in &record.session.answers {
                    let Some(&(i, decision)) = entry.decisions.get(answer.step.as_str()) else {
                        report.ignored += 1;
                        continue;
                    };
                    if answer
                        .response
                        .selected()
                        .iter()
                        .any(|o| decision.option(o).is_none())
                    {
                        report.ignored += 1;
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
                        });
                    }
                }
            }
        }
    }
    report.trainees = trainees.len() as u32;
    let mut missed: Vec<Missed> = report
        .cases
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
    report.most_missed = missed;
    report
}

fn empty_decision(d: &Decision) -> DecisionReport {
    DecisionReport {
        step: d.id.clone(),
        prompt: d.prompt.clone(),
        kind: d.kind,
        respondents: 0,
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
}

/// A classroom's votes: for Single and Scale each vote is one person's answer and is judged
/// like one; for Multiple the votes are ticks, counted but not judged per person.
fn count_votes(
    d: &mut DecisionReport,
    decision: &Decision,
    scenario: &Scenario,
    tally: &super::model::Votes,
) {
    for (option_id, votes) in &tally.votes {
        let Some(o) = d.options.iter_mut().find(|o| &o.id == option_id) else {
            continue;
        };
        o.count = o.count.saturating_add(*votes);
        if decision.kind == DecisionKind::Multiple || *votes == 0 {
            continue;
        }
        let response = match decision.kind {
            DecisionKind::Scale => Response::Graded(option_id.clone()),
            _ => Response::Chose(option_id.clone()),
        };
        let answer = crate::engine::Answer {
            step: decision.id.clone(),
            response,
            rationale: None,
            confidence: None,
        };
        let item = assess_one(scenario, decision, &answer);
        // every vote for the option is the same answer: count them all at once
        d.respondents = d.respondents.saturating_add(*votes);
        tally_verdict(
            d,
            item.verdict,
            item.same_as_officers,
            item.scale_distance,
            *votes,
        );
    }
    if decision.kind == DecisionKind::Multiple {
        let most = tally.votes.iter().map(|(_, v)| *v).max().unwrap_or(0);
        d.respondents = d.respondents.saturating_add(most);
    }
}

fn mark_tag(o: &OptionCount) -> String {
    let mut tag = o.mark.label().to_string();
    if o.actual {
        tag.push_str(", the officers' choice");
    }
    tag
}

/// The report for a terminal: bar charts of choices, shares, the most missed decisions.
pub fn text(report: &CohortReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "COHORT REPORT: {} run(s) by {} named trainee(s), {} classroom session(s)",
        report.runs, report.trainees, report.groups
    );
    if report.ignored > 0 {
        let _ = writeln!(
            out,
            "({} record(s) or answer(s) left out: their case is not in the library or has changed)",
            report.ignored
        );
    }
    for case in &report.cases {
        let _ = writeln!(
            out,
            "\n== {} ({} run(s), {} finished, {} classroom) ==",
            sanitize(&case.title),
            case.runs,
            case.finished,
            case.groups
        );
        for (n, d) in case.decisions.iter().enumerate() {
            let _ = writeln!(out, "\n{}. {}", n + 1, sanitize(&d.prompt));
            let most = d.options.iter().map(|o| o.count).max().unwrap_or(0).max(1);
            for o in &d.options {
                let width = (u64::from(o.count) * 30).div_ceil(u64::from(most)) as usize;
                let _ = writeln!(
                    out,
                    "   {:>4} {:30} {} [{}]",
                    o.count,
                    "█".repeat(width),
                    sanitize(&o.text),
                    mark_tag(o)
                );
            }
            let _ = writeln!(out, "   Basis: {}", sanitize(&d.basis.describe()));
            if d.not_judged > 0 && d.judged == 0 {
                let _ = writeln!(
                    out,
                    "   Not judged: the source makes no finding here · answered: {}",
                    d.respondents
                );
            } else {
                let _ = writeln!(
                    out,
                    "   In line with {}: {}% · partly: {}% · the officers' choice: {}% · answered: {}{}",
                    sanitize(&d.basis.against()),
                    d.share(d.in_line),
                    d.share(d.partly),
                    d.share(d.same_as_officers),
                    d.respondents,
                    if d.no_decision > 0 {
                        format!(" · no decision in time: {}", d.no_decision)
                    } else {
                        String::new()
                    }
                );
            }
            if d.kind == DecisionKind::Scale && d.judged > 0 {
                let _ = writeln!(out, "   Graded too low: {} · too high: {}", d.under, d.over);
            }
            for r in &d.rationales {
                let who = r
                    .trainee
                    .as_deref()
                    .map(|t| format!("{}: ", sanitize(t)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "   - {who}“{}” (chose: {})",
                    sanitize(&r.text),
                    sanitize(&r.option)
                );
            }
        }
    }
    if !report.most_missed.is_empty() {
        let _ = writeln!(out, "\nMOST MISSED DECISIONS");
        for m in &report.most_missed {
            let _ = writeln!(
                out,
                "   {:>3}% in line ({} answers): {} — {}",
                m.in_line_percent,
                m.judged,
                sanitize(&m.title),
                sanitize(&m.prompt)
            );
        }
    }
    out
}

pub fn markdown(report: &CohortReport) -> String {
    let md = |s: &str| sanitize(s).replace('|', "\\|").replace('\n', " ");
    let mut out = String::new();
    let _ = writeln!(out, "# Cohort report\n");
    let _ = writeln!(
        out,
        "{} run(s) by {} named trainee(s) and {} classroom session(s).\n",
        report.runs, report.trainees, report.groups
    );
    if !report.most_missed.is_empty() {
        let _ = writeln!(
            out,
            "## Most missed decisions\n\n| Case | Decision | In line | Answers |\n|---|---|---|---|"
        );
        for m in &report.most_missed {
            let _ = writeln!(
                out,
                "| {} | {} | {}% | {} |",
                md(&m.title),
                md(&m.prompt),
                m.in_line_percent,
                m.judged
            );
        }
        out.push('\n');
    }
    for case in &report.cases {
        let _ = writeln!(
            out,
            "## {}\n\n{} run(s), {} finished, {} classroom session(s).\n",
            md(&case.title),
            case.runs,
            case.finished,
            case.groups
        );
        for (n, d) in case.decisions.iter().enumerate() {
            let _ = writeln!(out, "### {}. {}\n", n + 1, md(&d.prompt));
            let _ = writeln!(out, "| Option | Mark | Chosen | Share |\n|---|---|---|---|");
            let total: u64 = d.options.iter().map(|o| u64::from(o.count)).sum::<u64>().max(1);
            for o in &d.options {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {}% |",
                    md(&o.text),
                    mark_tag(o),
                    o.count,
                    u64::from(o.count) * 100 / total
                );
            }
            let _ = writeln!(out, "\nBasis: {}", md(&d.basis.describe()));
            if d.not_judged > 0 && d.judged == 0 {
                let _ = writeln!(
                    out,
                    "\nNot judged: the source makes no finding here · answered: {}",
                    d.respondents
                );
            } else {
                let _ = writeln!(
                    out,
                    "\nIn line with {}: **{}%** · partly: {}% · the officers' choice: {}% · answered: {}",
                    md(&d.basis.against()),
                    d.share(d.in_line),
                    d.share(d.partly),
                    d.share(d.same_as_officers),
                    d.respondents
                );
            }
            if d.kind == DecisionKind::Scale && d.judged > 0 {
                let _ = writeln!(out, "\nGraded too low: {} · too high: {}", d.under, d.over);
            }
            if !d.rationales.is_empty() {
                let _ = writeln!(out, "\nRationales:\n");
                for r in &d.rationales {
                    let who = r
                        .trainee
                        .as_deref()
                        .map(|t| format!("**{}**: ", md(&crate::scenario::text::markdown_text(t))))
                        .unwrap_or_default();
                    let text = md(&crate::scenario::text::markdown_text(&r.text));
                    let _ = writeln!(out, "- {who}“{text}” (chose: {})", md(&r.option));
                }
            }
            out.push('\n');
        }
    }
    out
}

/// One row per option of every decision, with the decision's shares repeated.
pub fn csv(report: &CohortReport) -> Result<String, String> {
    // every cell through `csv_cell`, so none can run as a spreadsheet formula
    let mut writer = super::export::SafeCsv::new();
    writer
        .write_record([
            "scenario",
            "decision",
            "prompt",
            "option",
            "option_text",
            "mark",
            "officers_choice",
            "count",
            "respondents",
            "in_line_percent",
            "partly_percent",
            "officers_choice_percent",
            "graded_too_low",
            "graded_too_high",
            "basis",
            "not_judged",
        ])
        .map_err(|e| e.to_string())?;
    for case in &report.cases {
        for d in &case.decisions {
            for o in &d.options {
                writer
                    .write_record([
                        case.scenario_id.clone(),
                        d.step.clone(),
                        d.prompt.clone(),
                        o.id.clone(),
                        o.text.clone(),
                        o.mark.label().to_string(),
                        o.actual.to_string(),
                        o.count.to_string(),
                        d.respondents.to_string(),
                        d.share(d.in_line).to_string(),
                        d.share(d.partly).to_string(),
                        d.share(d.same_as_officers).to_string(),
                        d.under.to_string(),
                        d.over.to_string(),
                        d.basis.basis.ident().to_string(),
                        d.not_judged.to_string(),
                    ])
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
