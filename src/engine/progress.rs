//! How far through a case a run is: "Decision 3 of 7", or "of about 7" where the paths
//! from here differ in length. Worked out once per case (a walk over the step graph) and
//! then read per step, so a long case costs nothing per frame.

use crate::scenario::graph::{Target, successors};
use crate::scenario::{Scenario, Step};

use super::state::SessionState;

/// Where a run stands among its decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The decisions reached so far on the path taken, the current one included.
    pub position: usize,
    /// The decisions the run will have met by its end on the longest path from here.
    pub total: usize,
    /// Every path from here meets the same number of decisions.
    pub exact: bool,
}

impl Progress {
    /// "Decision 3 of 7", or "Decision 3 of about 7".
    pub fn label(self) -> String {
        let about = if self.exact { "" } else { "about " };
        format!("Decision {} of {about}{}", self.position, self.total)
    }
}

/// The fewest and most decisions from each step (itself included) to the end of the case.
#[derive(Debug, Clone)]
pub struct PathLengths {
    from: Vec<(usize, usize)>,
    successors: Vec<Vec<Target>>,
}

impl PathLengths {
    pub fn new(scenario: &Scenario) -> Self {
        let count = scenario.steps.len();
        let successors: Vec<Vec<Target>> = (0..count).map(|i| successors(scenario, i)).collect();
        let mut from = vec![(0, 0); count];
        // iterative post-order, so a 10,000-step case cannot overflow the stack; a step met
        // again while its own walk is open (a cycle validation would refuse) adds nothing
        let mut state = vec![0u8; count]; // 0 new, 1 open, 2 done
        for root in 0..count {
            if state[root] != 0 {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            state[root] = 1;
            while let Some(&mut (i, ref mut next)) = stack.last_mut() {
                if let Some(target) = successors[i].get(*next) {
                    *next += 1;
                    if let Target::Step(j) = *target
                        && j < count
                        && state[j] == 0
                    {
                        state[j] = 1;
                        stack.push((j, 0));
                    }
                    continue;
                }
                stack.pop();
                state[i] = 2;
                let (mut low, mut high) = (usize::MAX, 0);
                for target in &successors[i] {
                    let (l, h) = match *target {
                        Target::Step(j) if j < count && state[j] == 2 => from[j],
                        _ => (0, 0),
                    };
                    low = low.min(l);
                    high = high.max(h);
                }
                let low = if low == usize::MAX { 0 } else { low };
                let step = &scenario.steps[i];
                let counts = usize::from(matches!(step, Step::Decision(_)));
                // a step with a condition may be passed over
                let surely = if step.only_if().is_some() { 0 } else { counts };
                from[i] = (low + surely, high + counts);
            }
        }
        PathLengths { from, successors }
    }

    /// The decisions still to come after the step at `index`, fewest and most.
    fn after(&self, index: usize) -> (usize, usize) {
        let Some(targets) = self.successors.get(index) else {
            return (0, 0);
        };
        let mut range = (usize::MAX, 0);
        for target in targets {
            let (l, h) = match *target {
                Target::Step(j) => self.from.get(j).copied().unwrap_or((0, 0)),
                Target::End => (0, 0),
            };
            range = (range.0.min(l), range.1.max(h));
        }
        if range.0 == usize::MAX { (0, 0) } else { range }
    }

    /// Where `state` stands: the decisions on its path so far and the likely total. A drill
    /// asks one decision, so it is "1 of 1".
    pub fn progress(&self, scenario: &Scenario, state: &SessionState) -> Progress {
        if state.drill {
            return Progress {
                position: 1,
                total: 1,
                exact: true,
            };
        }
        let position = state
            .path
            .iter()
            .filter(|id| scenario.decision(id).is_some())
            .count();
        let (low, high) = match state.path.last().and_then(|id| scenario.step_index(id)) {
            Some(index) => self.after(index),
            None => self.from.first().copied().unwrap_or((0, 0)),
        };
        Progress {
            position,
            total: position + high,
            exact: low == high,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_say_about_only_when_paths_differ() {
        let exact = Progress {
            position: 3,
            total: 7,
            exact: true,
        };
        assert_eq!(exact.label(), "Decision 3 of 7");
        let about = Progress {
            exact: false,
            ..exact
        };
        assert_eq!(about.label(), "Decision 3 of about 7");
    }
}
