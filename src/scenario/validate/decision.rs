//! Rules for one decision: its options, marks, kind, scale levels and time limit.

use std::collections::HashSet;

use super::super::diagnostic::Diagnostic;
use super::super::text::echo;
use super::super::types::{Choice, Decision};
use super::super::vocab::Mark;
use super::Checker;

impl Checker<'_> {
    pub(super) fn decision(&mut self, d: &Decision) {
        if d.options.len() < 2 {
            let prompt = self.in_step(&d.id, "options");
            self.out.push(
                Diagnostic::error(
                    "too-few-options",
                    prompt,
                    format!(
                        "decision `{}` has {}; it needs at least 2",
                        echo(&d.id),
                        match d.options.len() {
                            1 => "1 option".to_string(),
                            n => format!("{n} options"),
                        }
                    ),
                )
                .with_help("a decision is a choice: add the other courses of action an officer could take"),
            );
        }
        if d.judged() && !d.options.is_empty() && !d.options.iter().any(|o| o.mark == Mark::Expected) {
            let prompt = self.in_step(&d.id, "options");
            self.out.push(
                Diagnostic::error(
                    "no-expected-option",
                    prompt,
                    format!("decision `{}` has no Expected option", echo(&d.id)),
                )
                .with_help("mark the option the finding or policy supports as `mark: Expected`"),
            );
        }
        if d.judged()
            && let Some(option) = d.options.iter().find(|o| o.mark == Mark::Unmarked)
        {
            let location = self.in_option(&d.id, &option.id, "id");
            self.out.push(
                Diagnostic::error(
                    "unmarked-option",
                    location,
                    format!("option `{}` of decision `{}` has no mark", option.id, d.id),
                )
                .with_help(
                    "add `mark: Expected`, `Acceptable` or `Poor`; or, where the source makes no finding, set `basis: NotJudged` on the decision",
                ),
            );
        }
        let mut ids = HashSet::new();
        for option in &d.options {
            if !ids.insert(option.id.as_str()) {
                let location = self.in_option(&d.id, &option.id, "id");
                self.out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        location,
                        format!(
                            "option id `{}` is used twice in decision `{}`",
                            echo(&option.id),
                            echo(&d.id)
                        ),
                    )
                    .with_help("give each option in a decision its own id"),
                );
            }
        }
        self.scale(d);
        if !d.kind.allows_goto()
            && let Some(option) = d.options.iter().find(|o| o.goto.is_some())
        {
            let location = self.in_option(&d.id, &option.id, "goto");
            self.out.push(
                Diagnostic::error(
                    "branch-on-multiple",
                    location,
                    format!(
                        "option `{}` branches, but decision `{}` is Multiple",
                        echo(&option.id),
                        echo(&d.id)
                    ),
                )
                .with_help(
                    "several ticks cannot choose one path: use `next` on the decision, or make it Single",
                ),
            );
        }
        if !d.kind.allows_several_actual() && d.options.iter().filter(|o| o.actual).count() > 1 {
            let prompt = self.in_step(&d.id, "options");
            self.out.push(
                Diagnostic::warning(
                    "several-actual",
                    prompt,
                    format!(
                        "Single decision `{}` has more than one option marked `actual`",
                        echo(&d.id)
                    ),
                )
                .with_help("the officers took one course; mark one option, or make the decision Multiple"),
            );
        }
        self.basis(d);
        self.timeout(d);
        if d.time_limit == Some(0) {
            let location = self.in_step(&d.id, "time_limit");
            self.out.push(
                Diagnostic::error("bad-time-limit", location, "`time_limit` is 0 seconds")
                    .with_help("give the seconds allowed, e.g. `time_limit: 90`, or remove the field"),
            );
        }
    }

    /// A timed decision that branches must say where a timeout leads.
    pub(super) fn timeout(&mut self, d: &Decision) {
        let branches = d.options.iter().any(|o| o.goto.is_some());
        if d.time_limit.is_some() && branches && d.on_timeout.is_none() {
            let location = self.in_step(&d.id, "time_limit");
            self.out.push(
                Diagnostic::error(
                    "timeout-unrouted",
                    location,
                    format!(
                        "decision `{}` is timed and branches, but does not say where a timeout leads",
                        d.id
                    ),
                )
                .with_help(
                    "add `on_timeout: \"step-id\"` (or `\"end\"`) for when no decision is made in time",
                ),
            );
        }
        if d.on_timeout.is_some() && d.time_limit.is_none() {
            let location = self.in_step(&d.id, "on_timeout");
            self.out.push(
                Diagnostic::warning(
                    "timeout-ignored",
                    location,
                    format!("decision `{}` has `on_timeout` but no `time_limit`", d.id),
                )
                .with_help("add `time_limit: SECONDS`, or remove `on_timeout`"),
            );
        }
    }

    pub(super) fn scale(&mut self, d: &Decision) {
        if !d.kind.needs_levels() {
            if let Some(option) = d.options.iter().find(|o| o.level.is_some()) {
                let location = self.in_option(&d.id, &option.id, "level");
                self.out.push(
                    Diagnostic::warning(
                        "level-ignored",
                        location,
                        format!(
                            "option `{}` has a level, but decision `{}` is not a Scale",
                            echo(&option.id),
                            echo(&d.id)
                        ),
                    )
                    .with_help("remove `level`, or set `kind: Scale`"),
                );
            }
            return;
        }
        let missing: Vec<&Choice> = d.options.iter().filter(|o| o.level.is_none()).collect();
        if let Some(option) = missing.first() {
            let location = self.in_option(&d.id, &option.id, "id");
            self.out.push(
                Diagnostic::error(
                    "scale-order",
                    location,
                    format!(
                        "option `{}` of Scale decision `{}` has no level",
                        echo(&option.id),
                        echo(&d.id)
                    ),
                )
                .with_help("give every option of a Scale a `level`, lowest risk or urgency first: 1, 2, 3 …"),
            );
            return;
        }
        for pair in d.options.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.level >= b.level {
                let location = self.in_option(&d.id, &b.id, "level");
                self.out.push(
                    Diagnostic::error(
                        "scale-order",
                        location,
                        format!(
                            "Scale decision `{}` is out of order: `{}` (level {}) comes after `{}` (level {})",
                            echo(&d.id),
                            echo(&b.id),
                            b.level.unwrap_or_default(),
                            echo(&a.id),
                            a.level.unwrap_or_default()
                        ),
                    )
                    .with_help("list the grades from lowest to highest with strictly rising levels"),
                );
                return;
            }
        }
    }
}
