//! Rules for `when_ticked` rules and `only_if` conditions: they name options and decisions
//! that exist.

use super::super::diagnostic::Diagnostic;
use super::super::suggest::nearest;
use super::super::types::Step;
use super::Checker;

impl Checker<'_> {
    /// `when_ticked` rules and `only_if` conditions name options and steps that exist.
    pub(super) fn conditions(&mut self) {
        let s = self.scenario;
        for step in &s.steps {
            if let Step::Decision(d) = step {
                if !d.when_ticked.is_empty() && !d.kind.allows_when_ticked() {
                    let location = self.in_step(&d.id, "when_ticked");
                    self.out.push(
                        Diagnostic::error(
                            "rules-on-single",
                            location,
                            format!("decision `{}` has `when_ticked` rules but is not Multiple", d.id),
                        )
                        .with_help("on Single and Scale decisions, branch with `goto` on the options"),
                    );
                }
                for rule in &d.when_ticked {
                    if d.option(&rule.ticked).is_none() {
                        let location = self.in_step(&d.id, "when_ticked");
                        let ids = d.options.iter().map(|o| o.id.as_str());
                        self.out.push(
                            Diagnostic::error(
                                "unknown-option",
                                location,
                                format!(
                                    "`when_ticked` names option `{}`, which decision `{}` does not have",
                                    rule.ticked, d.id
                                ),
                            )
                            .with_help(option_help(&rule.ticked, ids)),
                        );
                    }
                }
            }
            let Some(condition) = step.only_if() else { continue };
            let location = self.in_step(step.id(), "only_if");
            match s.decision(&condition.step) {
                None => {
                    let help = match nearest(&condition.step, s.decisions().map(|d| d.id.as_str())) {
                        Some(near) => format!("did you mean `{near}`? name an earlier decision's id"),
                        None => "name the id of an earlier decision in this file".to_string(),
                    };
                    self.out.push(
                        Diagnostic::error(
                            "unknown-condition",
                            location,
                            format!(
                                "`only_if` on step `{}` tests `{}`, which is not a decision in this file",
                                step.id(),
                                condition.step
                            ),
                        )
                        .with_help(help),
                    );
                }
                Some(d) if d.option(&condition.chose).is_none() => {
                    let ids = d.options.iter().map(|o| o.id.as_str());
                    self.out.push(
                        Diagnostic::error(
                            "unknown-option",
                            location,
                            format!(
                                "`only_if` on step `{}` tests option `{}`, which decision `{}` does not have",
                                step.id(),
                                condition.chose,
                                d.id
                            ),
                        )
                        .with_help(option_help(&condition.chose, ids)),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// "did you mean `x`?" for an option id, or the ids there are.
fn option_help<'a>(wanted: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    match nearest(wanted, ids.clone()) {
        Some(near) => format!("did you mean `{near}`? use an option id of that decision"),
        None => format!(
            "use one of that decision's option ids: {}",
            ids.collect::<Vec<_>>().join(", ")
        ),
    }
}
