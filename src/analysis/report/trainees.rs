//! The trainee × case table: who finished which case, how their latest attempt went, and
//! who has not yet started a case that others in the cohort did.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{GradeGap, add_gap};
use crate::engine::{Verdict, assess_one};
use crate::record::model::{Record, RecordKind};
use crate::record::stamp::local_zone;
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub enum CaseStatus {
    Finished,
    Started,
    NotStarted,
}

impl CaseStatus {
    pub fn label(self) -> &'static str {
        match self {
            CaseStatus::Finished => "finished",
            CaseStatus::Started => "not finished",
            CaseStatus::NotStarted => "not started",
        }
    }
}

/// One trainee on one case. The figures are from the latest attempt (a finished one when
/// there is one), so a retake replaces a first try rather than adding to it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TraineeCase {
    pub scenario_id: String,
    pub status: CaseStatus,
    /// Answers that could be judged against the finding.
    pub judged: u32,
    pub in_line: u32,
    pub partly: u32,
    pub under: u32,
    pub over: u32,
    /// How far too low / too high, in grades, nearest first.
    pub under_by: Vec<GradeGap>,
    pub over_by: Vec<GradeGap>,
    pub attempts: u32,
    /// The local date (YYYY-MM-DD) of the latest attempt.
    pub latest: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TraineeRow {
    /// The trainee's name, or "Trainee N" when anonymised.
    pub trainee: String,
    /// One per case in the report, in its order.
    pub cases: Vec<TraineeCase>,
}

/// FNV-1a over the parts: a hash that is the same on every machine and every run, unlike
/// the standard library's, so anonymised output is reproducible.
pub(super) fn fnv(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Builds the table over named individual runs (classroom sessions have no trainee).
pub fn table(records: &[Record], scenarios: &[Scenario], anonymise: bool) -> Vec<TraineeRow> {
    let runs: Vec<(&str, &Record, &Scenario)> = records
        .iter()
        .filter(|r| matches!(r.kind, RecordKind::Run))
        .filter_map(|r| {
            let name = r.trainee.as_deref()?;
            let scenario = scenarios.iter().find(|s| s.id == r.scenario_id)?;
            Some((name, r, scenario))
        })
        .collect();
    // cases in the order the cohort report lists them (first seen)
    let mut cases: Vec<&str> = Vec::new();
    for (_, r, _) in &runs {
        if !cases.contains(&r.scenario_id.as_str()) {
            cases.push(&r.scenario_id);
        }
    }
    let names: BTreeSet<&str> = runs.iter().map(|(n, _, _)| *n).collect();
    let mut by_key: BTreeMap<(&str, &str), Vec<(&Record, &Scenario)>> = BTreeMap::new();
    for (name, r, s) in &runs {
        by_key.entry((name, &r.scenario_id)).or_default().push((r, s));
    }
    let zone = local_zone();
    let mut rows: Vec<(u64, TraineeRow)> = names
        .iter()
        .map(|name| {
            let cells = cases
                .iter()
                .map(|case| cell(case, by_key.get(&(*name, *case)), &zone))
                .collect();
            let row = TraineeRow {
                trainee: (*name).to_string(),
                cases: cells,
            };
            (if anonymise { fnv(&[name]) } else { 0 }, row)
        })
        .collect();
    if anonymise {
        // pseudonyms in an order set by a hash of the name, not the alphabet
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.trainee.cmp(&b.1.trainee)));
        for (n, (_, row)) in rows.iter_mut().enumerate() {
            row.trainee = format!("Trainee {}", n + 1);
        }
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

fn cell(case: &str, attempts: Option<&Vec<(&Record, &Scenario)>>, zone: &jiff::tz::TimeZone) -> TraineeCase {
    let mut out = TraineeCase {
        scenario_id: case.to_string(),
        status: CaseStatus::NotStarted,
        judged: 0,
        in_line: 0,
        partly: 0,
        under: 0,
        over: 0,
        under_by: Vec::new(),
        over_by: Vec::new(),
        attempts: 0,
        latest: None,
    };
    let Some(attempts) = attempts else {
        return out;
    };
    out.attempts = u32::try_from(attempts.len()).unwrap_or(u32::MAX);
    let latest = attempts.iter().map(|(r, _)| r.updated).max();
    out.latest = latest.map(|s| s.local_day(zone).to_string());
    // the latest finished attempt, else the latest of any
    let Some((record, scenario)) = attempts
        .iter()
        .max_by_key(|(r, _)| (r.is_finished(), r.updated, r.id.clone()))
    else {
        return out;
    };
    out.status = if record.is_finished() {
        CaseStatus::Finished
    } else {
        CaseStatus::Started
    };
    for answer in &record.session.answers {
        let Some(decision) = scenario.decisions().find(|d| d.id == answer.step) else {
            continue;
        };
        if answer
            .response
            .selected()
            .iter()
            .any(|o| decision.option(o).is_none())
        {
            continue;
        }
        let item = assess_one(scenario, decision, answer);
        if matches!(item.verdict, Verdict::NoDecision | Verdict::NotJudged) {
            continue;
        }
        out.judged += 1;
        out.in_line += u32::from(item.verdict == Verdict::InLine);
        out.partly += u32::from(item.verdict == Verdict::Partly);
        out.under += u32::from(item.scale_distance.is_some_and(|x| x < 0));
        out.over += u32::from(item.scale_distance.is_some_and(|x| x > 0));
        if let Some(x) = item.scale_distance.filter(|x| *x != 0) {
            let grades = u32::try_from(x.unsigned_abs()).unwrap_or(u32::MAX);
            add_gap(
                if x < 0 {
                    &mut out.under_by
                } else {
                    &mut out.over_by
                },
                grades,
                1,
            );
        }
    }
    out
}

/// A rationale with the cohort's names taken out: a trainee who typed "I, Chloë Ng, think
/// so" is not named by an anonymised report. Whole names first, then each part of a name
/// (two letters or more) where it stands as a word of its own.
pub(super) fn redact(text: &str, names: &[&str]) -> String {
    const MASK: &str = "[name]";
    let mut out = text.to_string();
    let mut names: Vec<&str> = names.to_vec();
    // longest first, so "Chloë Ng" goes before "Chloë"
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    for name in &names {
        out = replace_words(&out, name.trim(), MASK);
    }
    for part in names.iter().flat_map(|n| n.split_whitespace()) {
        if part.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out = replace_words(&out, part, MASK);
        }
    }
    out
}

/// Replaces `word` where it is not part of a longer word (case-insensitive).
fn replace_words(text: &str, word: &str, with: &str) -> String {
    if word.is_empty() {
        return text.to_string();
    }
    let lower = text.to_lowercase();
    let target = word.to_lowercase();
    // lower-casing can change byte lengths; keep the text as it is rather than cut it wrongly
    if lower.len() != text.len() || target.len() != word.len() {
        return text.replace(word, with);
    }
    let mut out = String::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find(&target) {
        let start = at + found;
        let end = start + target.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let alone = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&text[at..start]);
        out.push_str(if alone { with } else { &text[start..end] });
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn names_typed_into_a_rationale_are_taken_out_but_not_parts_of_other_words() {
        assert_eq!(
            redact(
                "I, Chloë Ng, think so; chloë agrees. Annual leave, Ann.",
                &["Chloë Ng", "Ann"]
            ),
            "I, [name], think so; [name] agrees. Annual leave, [name]."
        );
    }
}
