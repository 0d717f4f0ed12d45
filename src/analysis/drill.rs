//! Re-drill: the decisions you did not get in line with the finding come back, oldest
//! first, spaced over days (1, 3, 7, 14). Four answers in line in a row and it is learnt.
//! Days are the trainee's: they roll over at local midnight, in the zone passed in.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::engine::{Verdict, assess_one};
use crate::record::model::{Record, RecordKind};
use crate::record::stamp::{Stamp, days_after};
use crate::scenario::Scenario;

/// Days to wait after a miss (index 0) and after each answer in line since (1, 2, 3).
pub const INTERVALS: [i64; 4] = [1, 3, 7, 14];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillItem {
    pub scenario_id: String,
    pub title: String,
    pub step: String,
    pub prompt: String,
    pub first_missed: Stamp,
    pub last_attempt: Stamp,
    /// Answers in line with the finding since the last miss.
    pub streak: usize,
    /// The local day it is next due.
    pub due_day: Date,
}

#[derive(Debug, Default)]
pub struct Schedule {
    /// Due now, oldest miss first.
    pub due: Vec<DrillItem>,
    /// Coming up, soonest first.
    pub later: Vec<DrillItem>,
    /// Learnt: in line four times in a row after a miss.
    pub learnt: usize,
}

/// Works out what is due on `today` (a day in `zone`) from every run and drill record.
/// Answers to a case that has changed since are left out: the decision may not be the same.
pub fn schedule(records: &[Record], scenarios: &[Scenario], today: Date, zone: &TimeZone) -> Schedule {
    // (when, verdict) for every answer to every decision, in time order
    let mut attempts: HashMap<(&str, &str), Vec<(Stamp, bool)>> = HashMap::new();
    for record in records.iter().filter(|r| r.kind != RecordKind::Group) {
        let Some(scenario) = scenarios.iter().find(|s| s.id == record.scenario_id) else {
            continue;
        };
        if !record.matches(scenario) {
            continue;
        }
        let when = if record.kind == RecordKind::Drill {
            record.updated
        } else {
            record.started
        };
        for answer in &record.session.answers {
            // A decision that is not judged has nothing to get wrong, so nothing to drill.
            let Some(decision) = scenario.decision(&answer.step).filter(|d| d.judged()) else {
                continue;
            };
            let in_line = assess_one(scenario, decision, answer).verdict == Verdict::InLine;
            attempts
                .entry((scenario.id.as_str(), decision.id.as_str()))
                .or_default()
                .push((when, in_line));
        }
    }
    let mut schedule = Schedule::default();
    for ((scenario_id, step), mut list) in attempts {
        list.sort_by_key(|(when, _)| *when);
        let Some(first_missed) = list.iter().find(|(_, ok)| !ok).map(|(w, _)| *w) else {
            continue;
        };
        let streak = list.iter().rev().take_while(|(_, ok)| *ok).count();
        if streak >= INTERVALS.len() {
            schedule.learnt += 1;
            continue;
        }
        let last_attempt = list.last().map_or(first_missed, |(w, _)| *w);
        let Some(scenario) = scenarios.iter().find(|s| s.id == scenario_id) else {
            continue;
        };
        let prompt = scenario
            .decision(step)
            .map(|d| d.prompt.clone())
            .unwrap_or_default();
        let item = DrillItem {
            scenario_id: scenario_id.to_string(),
            title: scenario.title.clone(),
            step: step.to_string(),
            prompt,
            first_missed,
            last_attempt,
            streak,
            due_day: days_after(last_attempt.local_day(zone), INTERVALS[streak]),
        };
        if item.due_day <= today {
            schedule.due.push(item);
        } else {
            schedule.later.push(item);
        }
    }
    schedule
        .due
        .sort_by_key(|i| (i.first_missed, i.scenario_id.clone(), i.step.clone()));
    schedule.later.sort_by_key(|i| (i.due_day, i.first_missed));
    schedule
}
