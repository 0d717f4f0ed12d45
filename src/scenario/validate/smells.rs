//! Warnings, not errors: authoring smells and cues a guesser could use.

use super::super::diagnostic::Diagnostic;
use super::super::fairness::{self, At};
use super::super::text::echo;
use super::super::vocab::Mark;
use super::Checker;

impl Checker<'_> {
    /// Authoring smells: not wrong, but worth a second look.
    pub(super) fn smells(&mut self) {
        for d in self.scenario.decisions() {
            // Only marks resting on a finding need its words; other bases name their own.
            if d.finding.quote.is_none() && d.basis.is_none() {
                let location = self.in_step(&d.id, "finding");
                self.out.push(
                    Diagnostic::warning(
                        "no-quote",
                        location,
                        format!("decision `{}` has no quote from the source", echo(&d.id)),
                    )
                    .with_help("add `quote: \"…\"` to the Finding, copied word for word from the summary"),
                );
            }
            let without: Vec<&str> = d
                .options
                .iter()
                .filter(|o| o.feedback.is_none())
                .map(|o| o.id.as_str())
                .collect();
            // a checklist's expected ticks need no feedback of their own; everything else should say why
            let needing: Vec<&str> = without
                .into_iter()
                .filter(|id| d.kind.picks_one() || d.option(id).is_some_and(|o| o.mark != Mark::Expected))
                .collect();
            if !needing.is_empty() {
                let location = self.in_step(&d.id, "options");
                self.out.push(
                    Diagnostic::warning(
                        "no-feedback",
                        location,
                        format!(
                            "in decision `{}`, {} no feedback",
                            echo(&d.id),
                            match needing.as_slice() {
                                [one] => format!("option {} has", echo(one)),
                                many => format!(
                                    "options {} have",
                                    many.iter().map(|id| echo(id)).collect::<Vec<_>>().join(", ")
                                ),
                            }
                        ),
                    )
                    .with_help("say, from the finding, why the option is or is not in line with it"),
                );
            }
            if d.judged() && d.options.len() > 1 && d.options.iter().all(|o| o.mark == d.options[0].mark) {
                let location = self.in_step(&d.id, "options");
                self.out.push(
                    Diagnostic::warning(
                        "same-marks",
                        location,
                        format!("every option of decision `{}` is marked {}", echo(&d.id), d.options[0].mark.label()),
                    )
                    .with_help("a decision teaches nothing when every answer is judged alike; check the marks against the finding"),
                );
            }
        }
    }

    /// Cues a guesser can use instead of knowledge (`fairness.rs`).
    pub(super) fn fairness(&mut self) {
        for smell in fairness::smells(self.scenario) {
            let location = match smell.at {
                At::Decision(step, key) => self.in_step(step, key),
                At::Option(step, option, key) => self.in_option(step, option, key),
            };
            self.out
                .push(Diagnostic::warning(smell.code, location, smell.message).with_help(smell.help));
        }
    }
}
