//! Drills in the app: what is due (the library's `d`), everything not yet learnt at once
//! (`D`), and the decisions a run just missed (`r` on its debrief). Each decision is re-asked
//! as a run of its own, labelled "Drill 2 of 8 · case · decision 3".

use super::{App, Screen};
use crate::analysis::drill::{DrillTarget, drill_label, missed_in, schedule};
use crate::engine::{Mode, Session, Settings};
use crate::tui::run::RunState;

impl App {
    /// The library's `d` (what is due today) or `D` (everything not yet learnt, now).
    pub(super) fn drill_from_library(&mut self, everything: bool) {
        let today = self.clock.today(&self.zone);
        let plan = schedule(self.store.records(), &self.scenarios, today, &self.zone);
        let targets = if everything {
            plan.everything_now()
        } else {
            plan.due_now()
        };
        if !targets.is_empty() {
            self.start_drill(targets);
            return;
        }
        self.status = Some(match plan.later.first() {
            None => "Nothing to drill: decisions you miss come back here.".to_string(),
            Some(next) => format!(
                "Nothing due today; the next is due on {}. D: drill {} now.",
                next.due_day,
                decisions(plan.later.len())
            ),
        });
    }

    /// `r` on a debrief: the decisions of that run not in line, straight away.
    pub(super) fn drill_missed(&mut self) {
        let Screen::Debrief(debrief) = &self.screen else {
            return;
        };
        let targets = missed_in(&debrief.debrief);
        if targets.is_empty() {
            self.status = Some("Every judged decision was in line: nothing to retry.".into());
            return;
        }
        self.start_drill(targets);
    }

    /// Starts re-asking these decisions, one run each.
    pub fn start_drill(&mut self, items: Vec<DrillTarget>) {
        self.drill_total = items.len();
        self.drill = items.into();
        self.drilled = 0;
        self.next_drill();
    }

    pub(super) fn next_drill(&mut self) {
        while let Some(item) = self.drill.pop_front() {
            let Some(scenario) = self.scenario(&item.scenario_id).cloned() else {
                continue;
            };
            let seed = self.seed.unwrap_or_else(|| self.clock.fresh_seed());
            let settings = Settings::new(Mode::Practice, seed);
            let label = drill_label(self.drilled + 1, self.drill_total, &scenario, &item.step);
            let Some(session) = Session::drill(scenario, settings, &item.step) else {
                continue;
            };
            self.store.begin_run();
            self.drilled += 1;
            let mut run = RunState::resume(session.early(item.early), self.now);
            run.drill_label = Some(label);
            self.screen = Screen::Run(Box::new(run));
            return;
        }
        let done = self.drilled;
        self.go_home();
        self.status = Some(format!(
            "Drill complete: {} re-asked. Missed ones return on a widening schedule until learnt.",
            decisions(done)
        ));
    }
}

/// "1 decision", "2 decisions".
fn decisions(n: usize) -> String {
    crate::plural::count(n, "decision", "decisions")
}
