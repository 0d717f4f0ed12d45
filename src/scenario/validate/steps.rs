//! Rules for the list of steps and the paths through it: ids, branch targets, loops and
//! steps no run can reach.

use std::collections::{HashMap, HashSet};

use super::super::diagnostic::{Diagnostic, Location};
use super::super::graph::Flow;
use super::super::suggest::nearest;
use super::super::text::echo;
use super::super::types::{END, Step};
use super::{Checker, is_valid_id};

impl Checker<'_> {
    pub(super) fn steps(&mut self) {
        let s = self.scenario;
        if s.steps.is_empty() {
            let location = self.top("steps");
            self.out.push(
                Diagnostic::error("no-steps", location, "the scenario has no steps")
                    .with_help("add Narrative(..) and Decision(..) steps to `steps: [ ... ]`"),
            );
            return;
        }
        if s.decisions().next().is_none() {
            let location = self.top("steps");
            self.out.push(
                Diagnostic::error("no-decisions", location, "the scenario has no decisions")
                    .with_help("a scenario needs at least one Decision(..) for the trainee to make"),
            );
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (index, step) in s.steps.iter().enumerate() {
            let id = step.id();
            if id == END {
                let location = self.step_id_location(index);
                self.out.push(
                    Diagnostic::error("reserved-id", location, format!("`{END}` cannot be a step id"))
                        .with_help(format!(
                            "`{END}` is the branch target that ends a run; rename this step"
                        )),
                );
            } else if !is_valid_id(id) {
                let location = self.step_id_location(index);
                self.out.push(
                    Diagnostic::error(
                        "bad-id",
                        location,
                        format!("step id `{}` is not a valid id", echo(id)),
                    )
                    .with_help("use lower-case letters, digits and hyphens, e.g. `second-call`"),
                );
            }
            if let Some(first) = seen.insert(id, index) {
                let location = self.step_id_location(index);
                self.out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        location,
                        format!("step id `{}` is used twice", echo(id)),
                    )
                    .with_help(format!(
                        "step {} already has this id; give each step its own",
                        first + 1
                    )),
                );
                seen.insert(id, first);
            }
            if let Step::Decision(d) = step {
                self.decision(d);
            }
        }
    }

    pub(super) fn flow(&mut self) {
        let s = self.scenario;
        let ids: HashSet<&str> = s.steps.iter().map(Step::id).collect();
        if ids.len() != s.steps.len() {
            return; // with duplicate ids the graph is ambiguous; the duplicate is already reported
        }
        let mut dangling = false;
        for step in &s.steps {
            let mut targets: Vec<(Location, &str, &str)> = Vec::new();
            if let Some(next) = step.next() {
                targets.push((self.in_step(step.id(), "next"), next, "next"));
            }
            if let Step::Decision(d) = step {
                for option in &d.options {
                    if let Some(goto) = &option.goto {
                        targets.push((self.in_option(&d.id, &option.id, "goto"), goto, "goto"));
                    }
                }
                if let Some(on_timeout) = &d.on_timeout {
                    targets.push((self.in_step(&d.id, "on_timeout"), on_timeout, "on_timeout"));
                }
                for rule in &d.when_ticked {
                    targets.push((self.in_step(&d.id, "when_ticked"), &rule.goto, "goto"));
                }
            }
            for (location, target, key) in targets {
                if target != END && !ids.contains(target) {
                    dangling = true;
                    let help = match nearest(target, ids.iter().copied()) {
                        Some(near) => {
                            format!(
                                "did you mean `{}`? use a step id from this file, or `{END}`",
                                echo(near)
                            )
                        }
                        None => format!("use the id of a step in this file, or `{END}` to finish the run"),
                    };
                    self.out.push(
                        Diagnostic::error(
                            "dangling-branch",
                            location,
                            format!("`{key}` leads to step `{}`, which does not exist", echo(target)),
                        )
                        .with_help(help),
                    );
                }
            }
        }
        if dangling || s.steps.is_empty() {
            return;
        }
        let flow = Flow::new(s);
        if let Some(cycle) = flow.cycle() {
            let names: Vec<String> = cycle.iter().map(|&i| echo(s.steps[i].id())).collect();
            let first = cycle.first().copied().unwrap_or(0);
            let location = self.at(self.locator().step_at(first).map(|r| r.start));
            self.out.push(
                Diagnostic::error(
                    "cycle",
                    location,
                    format!("steps loop back on themselves: {}", names.join(" → ")),
                )
                .with_help(
                    "a run must always reach the end: point one of these branches at a later step or `end`",
                ),
            );
        }
        let reachable = flow.reachable();
        for (index, step) in s.steps.iter().enumerate() {
            if !reachable[index] {
                let location = self.at(self.locator().step_at(index).map(|r| r.start));
                self.out.push(
                    Diagnostic::error(
                        "unreachable-step",
                        location,
                        format!("step `{}` can never be reached", echo(step.id())),
                    )
                    .with_help("no step leads here: add a `next` or `goto` that points to it, or remove it"),
                );
            }
        }
    }
}
