//! Rules for what each mark rests on: a finding's quote, guidance, or the author's reason.

use super::super::diagnostic::Diagnostic;
use super::super::types::{Choice, Decision};
use super::super::vocab::Basis;
use super::Checker;

impl Checker<'_> {
    /// Each mark states what it rests on, with the words that support it.
    pub(super) fn basis(&mut self, d: &Decision) {
        let own_basis = d.options.iter().any(|o| o.basis.is_some());
        let mut places: Vec<(Option<&Choice>, Basis)> = Vec::new();
        if let Some(basis) = d.basis {
            places.push((None, basis));
        }
        for option in &d.options {
            if let Some(basis) = option.basis {
                places.push((Some(option), basis));
            }
        }
        for (option, basis) in places {
            let location = match option {
                Some(o) => self.in_option(&d.id, &o.id, "basis"),
                None if own_basis => self.in_step(&d.id, "id"),
                None => self.in_step(&d.id, "basis"),
            };
            let whose = match option {
                Some(o) => format!("option `{}` of decision `{}`", o.id, d.id),
                None => format!("decision `{}`", d.id),
            };
            let (_, detail) = d.basis_of(option);
            let missing = detail.is_none_or(|t| t.trim().is_empty());
            let problem = match basis {
                Basis::Finding if missing => Some((
                    "basis-needs-quote",
                    format!("{whose} rests on a Finding, but the finding has no `quote`"),
                    "add `quote: \"…\"` to the decision's `finding`, copied word for word from the source",
                )),
                Basis::Guidance if missing => Some((
                    "basis-needs-citation",
                    format!("{whose} rests on Guidance, but names none"),
                    "add `citation: \"…\"` naming the national guidance, e.g. \"College of Policing APP: Missing persons\"",
                )),
                Basis::Judgement if missing => Some((
                    "basis-needs-reason",
                    format!("{whose} rests on the author's Judgement, but gives no reason"),
                    "add `reason: \"…\"` saying why the author reads it so, since the source makes no finding",
                )),
                Basis::NotJudged if option.is_some() => Some((
                    "not-judged-option",
                    format!("{whose} is `NotJudged`, but only a whole decision can be left unjudged"),
                    "move `basis: NotJudged` to the decision, or give the option another basis",
                )),
                _ => None,
            };
            if let Some((code, message, help)) = problem {
                self.out
                    .push(Diagnostic::error(code, location, message).with_help(help));
            }
        }
    }
}
