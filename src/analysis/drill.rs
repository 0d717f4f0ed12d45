//! Re-drill: the decisions you did not get in line with the finding come back, oldest
//! first, spaced over days (1, 3, 7, 14). Four answers in line in a row and it is learnt.
//! Days are the trainee's: they roll over at local midnight, in the zone passed in.
//!
//! Drill now (straight after a debrief, `lessons drill --now`, `D` in the library) asks a
//! decision before it is due. Such an early answer is recorded, but only a miss moves the
//! schedule (back to one day): getting it right minutes after reading the finding shows
//! recall over minutes, not days, so it must not stretch the gap.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::engine::{Debrief, Verdict, assess_one};
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

/// One decision to re-ask now: from the schedule, or from a debrief's misses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillTarget {
    pub scenario_id: String,
    pub step: String,
    /// Asked before it is due (drill now): only a miss counts toward the schedule.
    pub early: bool,
}

impl DrillItem {
    pub fn target(&self, early: bool) -> DrillTarget {
        DrillTarget {
            scenario_id: self.scenario_id.clone(),
            step: self.step.clone(),
            early,
        }
    }
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
        let early = record.kind == RecordKind::Drill && record.session.early;
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
            if early && in_line {
                continue;
            }
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

impl Schedule {
    /// Everything not yet learnt, to drill now: what is due (a real review), then what
    /// comes later (early).
    pub fn everything_now(&self) -> Vec<DrillTarget> {
        let due = self.due.iter().map(|i| i.target(false));
        due.chain(self.later.iter().map(|i| i.target(true))).collect()
    }

    /// What is due today, as a real review.
    pub fn due_now(&self) -> Vec<DrillTarget> {
        self.due.iter().map(|i| i.target(false)).collect()
    }
}

/// The judged decisions of one run's debrief whose answers were not in line, in the
/// order answered, to retry straight after it.
pub fn missed_in(debrief: &Debrief) -> Vec<DrillTarget> {
    debrief
        .items
        .iter()
        .filter(|item| item.judged && item.verdict != Verdict::InLine)
        .map(|item| DrillTarget {
            scenario_id: debrief.scenario_id.clone(),
            step: item.step.clone(),
            early: true,
        })
        .collect()
}

/// "Drill 2 of 8 · case title · decision 3": where a drill item stands, which case, and
/// which of the case's decisions (by its place in the case).
pub fn drill_label(n: usize, total: usize, scenario: &Scenario, step: &str) -> String {
    let place = scenario
        .decisions()
        .position(|d| d.id == step)
        .map_or_else(String::new, |i| format!(" · decision {}", i + 1));
    format!("Drill {n} of {total} · {}{place}", scenario.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Answer, Mode, Response, Session, Settings, assess};
    use crate::scenario::{Decision, DecisionKind, Library};

    /// 2026-07-01T10:00:00Z, in British Summer Time.
    const JULY_1: i64 = 1_782_900_000;
    const DAY: i64 = 86_400;

    fn london() -> TimeZone {
        // a POSIX rule: no time zone database needed on the machine running the tests
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("a valid rule")
    }

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    /// A built-in case, one of its judged single-choice decisions, and an option in line
    /// with the finding there and one that is not.
    fn case() -> (Scenario, String, String, String) {
        for scenario in Library::builtin_trusted().scenarios() {
            let verdict = |d: &Decision, option: &str| {
                let answer = answer(&d.id, option);
                assess_one(scenario, d, &answer).verdict
            };
            for d in scenario
                .decisions()
                .filter(|d| d.judged() && d.kind == DecisionKind::Single)
            {
                let in_line = d.options.iter().find(|o| verdict(d, &o.id) == Verdict::InLine);
                let missed = d.options.iter().find(|o| verdict(d, &o.id) != Verdict::InLine);
                if let (Some(good), Some(bad)) = (in_line, missed) {
                    return (scenario.clone(), d.id.clone(), good.id.clone(), bad.id.clone());
                }
            }
        }
        panic!("no built-in case has a judged single choice with a miss and a hit");
    }

    fn answer(step: &str, option: &str) -> Answer {
        Answer {
            step: step.into(),
            response: Response::Chose(option.into()),
            rationale: None,
            confidence: None,
        }
    }

    /// A run started at `unix` that answered `step` with `option`.
    fn run(scenario: &Scenario, step: &str, option: &str, unix: i64) -> Record {
        let mut state = Session::new(scenario.clone(), Settings::new(Mode::Practice, 1)).into_state();
        state.answers.push(answer(step, option));
        let when = Stamp::from_unix(unix);
        Record::new(RecordKind::Run, scenario, state, None, when).expect("the case hashes")
    }

    #[test]
    fn a_miss_comes_back_the_next_day_and_not_before() {
        let (scenario, step, _, bad) = case();
        let records = [run(&scenario, &step, &bad, JULY_1)];
        let scenarios = std::slice::from_ref(&scenario);
        let same_day = schedule(&records, scenarios, date("2026-07-01"), &london());
        assert!(same_day.due.is_empty());
        assert_eq!(same_day.later.len(), 1);
        assert_eq!(same_day.later[0].due_day, date("2026-07-02"));
        assert_eq!(same_day.later[0].step, step);
        let next_day = schedule(&records, scenarios, date("2026-07-02"), &london());
        assert_eq!(next_day.due.len(), 1);
        assert!(next_day.later.is_empty());
        assert_eq!(next_day.due[0].streak, 0);
    }

    #[test]
    fn a_decision_never_missed_is_not_drilled() {
        let (scenario, step, good, _) = case();
        let records = [run(&scenario, &step, &good, JULY_1)];
        let plan = schedule(&records, &[scenario], date("2026-08-01"), &london());
        assert!(plan.due.is_empty() && plan.later.is_empty());
        assert_eq!(plan.learnt, 0);
    }

    #[test]
    fn each_answer_in_line_widens_the_gap_until_it_is_learnt() {
        let (scenario, step, good, bad) = case();
        let scenarios = std::slice::from_ref(&scenario);
        let mut records = vec![run(&scenario, &step, &bad, JULY_1)];
        let mut when = JULY_1;
        // after a miss: 1 day; then 3, 7 and 14 days after each answer in line
        for (gap, due) in [(1, "2026-07-05"), (3, "2026-07-12"), (7, "2026-07-26")] {
            when += gap * DAY;
            records.push(run(&scenario, &step, &good, when));
            let plan = schedule(&records, scenarios, date("2026-07-01"), &london());
            assert_eq!(plan.later.len(), 1, "after {} in line", records.len() - 1);
            assert_eq!(plan.later[0].due_day, date(due));
            assert_eq!(plan.later[0].streak, records.len() - 1);
            assert_eq!(plan.later[0].first_missed, Stamp::from_unix(JULY_1));
        }
        records.push(run(&scenario, &step, &good, when + 14 * DAY));
        let plan = schedule(&records, scenarios, date("2026-12-01"), &london());
        assert!(plan.due.is_empty() && plan.later.is_empty());
        assert_eq!(plan.learnt, 1);
    }

    #[test]
    fn a_miss_after_answers_in_line_starts_the_schedule_again() {
        let (scenario, step, good, bad) = case();
        let records = [
            run(&scenario, &step, &bad, JULY_1),
            run(&scenario, &step, &good, JULY_1 + DAY),
            run(&scenario, &step, &good, JULY_1 + 4 * DAY),
            run(&scenario, &step, &bad, JULY_1 + 11 * DAY),
        ];
        let plan = schedule(&records, &[scenario], date("2026-07-12"), &london());
        assert_eq!(plan.later.len(), 1);
        assert_eq!(plan.later[0].streak, 0);
        assert_eq!(plan.later[0].due_day, date("2026-07-13"));
        assert_eq!(plan.later[0].first_missed, Stamp::from_unix(JULY_1));
    }

    /// A drill of `step` answered with `option` at `unix`, taken early (drill now) or not.
    fn drill(scenario: &Scenario, step: &str, option: &str, unix: i64, early: bool) -> Record {
        let settings = Settings::new(Mode::Practice, 1);
        let session = Session::drill(scenario.clone(), settings, step).expect("a decision");
        let mut state = session.early(early).into_state();
        state.answers.push(answer(step, option));
        let when = Stamp::from_unix(unix);
        let mut record =
            Record::new(RecordKind::Drill, scenario, state, None, when).expect("the case hashes");
        record.updated = when;
        record
    }

    #[test]
    fn an_early_answer_in_line_does_not_stretch_the_gap_but_an_early_miss_restarts_it() {
        let (scenario, step, good, bad) = case();
        let scenarios = std::slice::from_ref(&scenario);
        let missed = run(&scenario, &step, &bad, JULY_1);
        // right after the debrief, in line: still due the next day, streak 0
        let early_hit = drill(&scenario, &step, &good, JULY_1 + 600, true);
        let plan = schedule(
            &[missed.clone(), early_hit],
            scenarios,
            date("2026-07-01"),
            &london(),
        );
        assert_eq!(plan.later.len(), 1);
        assert_eq!(plan.later[0].streak, 0);
        assert_eq!(plan.later[0].due_day, date("2026-07-02"));
        // a review on the due day counts as usual
        let review = drill(&scenario, &step, &good, JULY_1 + DAY, false);
        let plan = schedule(
            &[missed.clone(), review.clone()],
            scenarios,
            date("2026-07-02"),
            &london(),
        );
        assert_eq!(plan.later[0].streak, 1);
        assert_eq!(plan.later[0].due_day, date("2026-07-05"));
        // an early miss two days later starts the schedule again
        let early_miss = drill(&scenario, &step, &bad, JULY_1 + 3 * DAY, true);
        let plan = schedule(
            &[missed, review, early_miss],
            scenarios,
            date("2026-07-04"),
            &london(),
        );
        assert_eq!(plan.later[0].streak, 0);
        assert_eq!(plan.later[0].due_day, date("2026-07-05"));
    }

    #[test]
    fn drill_now_takes_what_is_due_then_what_comes_later_and_a_run_gives_its_misses() {
        let (scenario, step, good, bad) = case();
        let scenarios = std::slice::from_ref(&scenario);
        let records = [run(&scenario, &step, &bad, JULY_1)];
        let plan = schedule(&records, scenarios, date("2026-07-01"), &london());
        assert!(plan.due_now().is_empty());
        let now = plan.everything_now();
        assert_eq!(now.len(), 1);
        assert!(now[0].early, "not due until tomorrow");
        let plan = schedule(&records, scenarios, date("2026-07-02"), &london());
        assert!(!plan.everything_now()[0].early, "due today: a real review");
        let missed = missed_in(&assess(&scenario, &[answer(&step, &bad)]));
        assert_eq!(missed[0].step, step);
        assert!(missed_in(&assess(&scenario, &[answer(&step, &good)])).is_empty());
        let label = drill_label(2, 8, &scenario, &step);
        assert!(
            label.starts_with(&format!("Drill 2 of 8 · {} · decision ", scenario.title)),
            "{label}"
        );
    }

    #[test]
    fn runs_of_a_case_that_has_changed_since_are_left_out() {
        let (scenario, step, _, bad) = case();
        let mut old = run(&scenario, &step, &bad, JULY_1);
        // the decision may not be the one missed, so the miss is not drilled
        old.scenario_hash = "c1:0000000000000000".into();
        let plan = schedule(&[old], &[scenario], date("2026-08-01"), &london());
        assert!(plan.due.is_empty() && plan.later.is_empty());
    }

    #[test]
    fn drill_days_roll_over_at_local_midnight() {
        let (scenario, step, _, bad) = case();
        let scenarios = std::slice::from_ref(&scenario);
        // 23:30 UTC on 1 July is 00:30 on 2 July in British Summer Time
        let late = JULY_1 + 13 * 3_600 + 30 * 60;
        assert_eq!(Stamp::from_unix(late).utc(), "2026-07-01T23:30:00Z");
        let records = [run(&scenario, &step, &bad, late)];
        let in_london = schedule(&records, scenarios, date("2026-07-02"), &london());
        assert!(
            in_london.due.is_empty(),
            "missed on the 2nd locally: due on the 3rd"
        );
        assert_eq!(in_london.later[0].due_day, date("2026-07-03"));
        let in_utc = schedule(&records, scenarios, date("2026-07-02"), &TimeZone::UTC);
        assert_eq!(in_utc.due.len(), 1, "missed on the 1st in UTC: due on the 2nd");
    }
}
