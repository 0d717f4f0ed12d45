//! The steps as a graph: where each step can lead. Shared by validation (reachability,
//! cycles), the engine (what comes next) and the designer tools (coverage, graphs).

use super::types::{Choice, END, Scenario, Step};

/// Where a step leads: another step's index, or the end of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Step(usize),
    End,
}

/// The step that follows `index` when the trainee chose `option` (if the step is a decision
/// and the option branches). Assumes a validated scenario; unknown ids end the run.
pub fn next_after(scenario: &Scenario, index: usize, option: Option<&Choice>) -> Target {
    let step = &scenario.steps[index];
    let explicit = option.and_then(|o| o.goto.as_deref()).or_else(|| step.next());
    match explicit {
        Some(END) => Target::End,
        Some(id) => scenario.step_index(id).map_or(Target::End, Target::Step),
        None if index + 1 < scenario.steps.len() => Target::Step(index + 1),
        None => Target::End,
    }
}

/// The step that follows a Multiple decision given the ids ticked: the first `when_ticked`
/// rule whose option was ticked, else as if no option branched.
pub fn next_after_ticks(scenario: &Scenario, index: usize, ticked: &[&str]) -> Target {
    let rule = scenario.steps[index]
        .as_decision()
        .and_then(|d| d.when_ticked.iter().find(|r| ticked.contains(&r.ticked.as_str())));
    match rule.map(|r| r.goto.as_str()) {
        Some(END) => Target::End,
        Some(id) => scenario.step_index(id).map_or(Target::End, Target::Step),
        None => next_after(scenario, index, None),
    }
}

/// The step that follows a decision whose time ran out: its `on_timeout`, else as if no
/// option branched.
pub fn next_after_timeout(scenario: &Scenario, index: usize) -> Target {
    match scenario.steps[index]
        .as_decision()
        .and_then(|d| d.on_timeout.as_deref())
    {
        Some(END) => Target::End,
        Some(id) => scenario.step_index(id).map_or(Target::End, Target::Step),
        None => next_after(scenario, index, None),
    }
}

/// Every distinct place a step can lead, in option order, then where a timeout leads.
pub fn successors(scenario: &Scenario, index: usize) -> Vec<Target> {
    let mut out = Vec::new();
    let mut push = |t: Target| {
        if !out.contains(&t) {
            out.push(t);
        }
    };
    match &scenario.steps[index] {
        Step::Decision(d) if d.options.iter().any(|o| o.goto.is_some()) => {
            for option in &d.options {
                push(next_after(scenario, index, Some(option)));
            }
            if d.time_limit.is_some() {
                push(next_after_timeout(scenario, index));
            }
        }
        Step::Decision(d) if !d.when_ticked.is_empty() => {
            for rule in &d.when_ticked {
                push(next_after_ticks(scenario, index, &[rule.ticked.as_str()]));
            }
            push(next_after(scenario, index, None));
            if d.time_limit.is_some() {
                push(next_after_timeout(scenario, index));
            }
        }
        Step::Decision(d) if d.time_limit.is_some() => {
            push(next_after(scenario, index, None));
            push(next_after_timeout(scenario, index));
        }
        _ => push(next_after(scenario, index, None)),
    }
    // A step passed over for its condition leads where it would have gone unbranched.
    if scenario.steps[index].only_if().is_some() {
        push(next_after(scenario, index, None));
    }
    out
}

pub struct Flow {
    edges: Vec<Vec<Target>>,
}

impl Flow {
    pub fn new(scenario: &Scenario) -> Self {
        Flow {
            edges: (0..scenario.steps.len())
                .map(|i| successors(scenario, i))
                .collect(),
        }
    }

    pub fn edges(&self, index: usize) -> &[Target] {
        &self.edges[index]
    }

    /// Which steps a run starting at the first step can reach.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.edges.len()];
        let mut stack = vec![0];
        while let Some(i) = stack.pop() {
            if i >= seen.len() || seen[i] {
                continue;
            }
            seen[i] = true;
            for t in &self.edges[i] {
                if let Target::Step(j) = t {
                    stack.push(*j);
                }
            }
        }
        seen
    }

    /// A loop reachable from the first step, as the step indices around it.
    pub fn cycle(&self) -> Option<Vec<usize>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut mark = vec![Mark::New; self.edges.len()];
        let mut path: Vec<usize> = Vec::new();
        // iterative DFS: (node, next edge to explore)
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
        if self.edges.is_empty() {
            return None;
        }
        mark[0] = Mark::Open;
        path.push(0);
        while let Some(&mut (node, ref mut edge)) = stack.last_mut() {
            if let Some(target) = self.edges[node].get(*edge) {
                *edge += 1;
                if let Target::Step(next) = *target {
                    match mark[next] {
                        Mark::Open => {
                            let start = path.iter().position(|&p| p == next).unwrap_or(0);
                            let mut cycle = path[start..].to_vec();
                            cycle.push(next);
                            return Some(cycle);
                        }
                        Mark::New => {
                            mark[next] = Mark::Open;
                            path.push(next);
                            stack.push((next, 0));
                        }
                        Mark::Done => {}
                    }
                }
            } else {
                mark[node] = Mark::Done;
                path.pop();
                stack.pop();
            }
        }
        None
    }
}
