//! The rules a parsed scenario must meet before anyone plays it. Returns diagnostics
//! located in the source text; prints nothing.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, Location};
use super::graph::Flow;
use super::locate::{Locator, Region};
use super::suggest::nearest;
use super::text::{echo, first_forbidden, is_forbidden_char, may_hold_forbidden};
use super::types::{Choice, Decision, END, Scenario, Step};
use super::vocab::{Basis, Mark};

pub fn validate(scenario: &Scenario, source: &str) -> Vec<Diagnostic> {
    let mut check = Checker {
        scenario,
        source,
        locator: OnceCell::new(),
        out: Vec::new(),
    };
    check.metadata();
    check.text();
    check.every_string();
    check.steps();
    check.conditions();
    check.flow();
    check.smells();
    check.fairness();
    check.out.sort_by_key(|d| (d.location, d.severity));
    check.out
}

struct Checker<'a> {
    scenario: &'a Scenario,
    source: &'a str,
    /// Built only when a problem needs a location, so valid files skip the scan.
    locator: OnceCell<Locator<'a>>,
    out: Vec<Diagnostic>,
}

/// Where a piece of text lives, resolved to a source region only when it is reported.
#[derive(Clone, Copy)]
enum Place<'s> {
    Top,
    Outcome,
    Step(&'s str),
    Option(&'s str, &'s str),
}

impl<'a> Checker<'a> {
    fn locator(&self) -> &Locator<'a> {
        self.locator.get_or_init(|| Locator::new(self.source))
    }

    fn region(&self, place: Place) -> Region {
        let whole = self.locator().whole();
        match place {
            Place::Top => whole,
            Place::Outcome => self
                .locator()
                .key(whole, "outcome")
                .map_or(whole, |start| Region {
                    start,
                    end: whole.end,
                }),
            Place::Step(id) => self.step_region(id),
            Place::Option(step, option) => {
                let region = self.step_region(step);
                self.locator().option(region, option).unwrap_or(region)
            }
        }
    }

    fn at(&self, offset: Option<usize>) -> Location {
        offset.map_or(Location::START, |o| self.locator().location(o))
    }

    fn top(&self, key: &str) -> Location {
        self.at(self.locator().value_of(self.locator().whole(), key))
    }

    fn step_region(&self, id: &str) -> Region {
        self.locator().step(id).unwrap_or_else(|| self.locator().whole())
    }

    fn in_step(&self, step: &str, key: &str) -> Location {
        let region = self.step_region(step);
        self.at(self.locator().value_of(region, key).or(Some(region.start)))
    }

    fn in_option(&self, step: &str, option: &str, key: &str) -> Location {
        let region = self.step_region(step);
        let offset = self
            .locator()
            .option(region, option)
            .and_then(|o| self.locator().value_of(o, key).or(Some(o.start)))
            .or(Some(region.start));
        self.at(offset)
    }

    fn step_id_location(&self, index: usize) -> Location {
        let region = self.locator().step_at(index).unwrap_or(self.locator().whole());
        self.at(self.locator().value_of(region, "id"))
    }

    fn metadata(&mut self) {
        let s = self.scenario;
        if !is_valid_id(&s.id) {
            let location = self.top("id");
            self.out.push(
                Diagnostic::error(
                    "bad-id",
                    location,
                    format!("scenario id `{}` is not a valid id", echo(&s.id)),
                )
                .with_help("use lower-case letters, digits and hyphens, e.g. `herts-2021-nmo-breach`"),
            );
        }
        let dates = [
            ("incident", s.source.incident.as_ref()),
            ("published", s.source.published.as_ref()),
        ];
        for (key, value) in dates.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))) {
            if !is_partial_date(value) {
                let location = self.top(key);
                self.out.push(
                    Diagnostic::error(
                        "bad-date",
                        location,
                        format!("`{key}` date `{}` is not a date", echo(value)),
                    )
                    .with_help("write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \"2021-08\""),
                );
            }
        }
        if let Some((first, last)) = s.source.lines
            && (first == 0 || first > last)
        {
            let location = self.top("lines");
            self.out.push(
                Diagnostic::error(
                    "bad-lines",
                    location,
                    format!("`lines: ({first}, {last})` is not a range of lines"),
                )
                .with_help(
                    "give the first and last line of the case in the document, e.g. `lines: (123, 169)`",
                ),
            );
        }
        if s.estimated_minutes == 0 {
            let location = self.top("estimated_minutes");
            self.out.push(
                Diagnostic::error("bad-minutes", location, "`estimated_minutes` is 0")
                    .with_help("give the minutes a trainee needs to read and decide, e.g. 15"),
            );
        }
        if s.themes.is_empty() {
            let location = self.top("themes");
            self.out.push(
                Diagnostic::error("no-themes", location, "the scenario has no themes")
                    .with_help("list at least one theme, e.g. `themes: [DomesticAbuse, RiskAssessment]`"),
            );
        }
    }

    /// Every piece of text: not empty, and free of control characters.
    fn text(&mut self) {
        let s = self.scenario;
        let mut fields: Vec<(Place, &'static str, &str)> = vec![
            (Place::Top, "title", &s.title),
            (Place::Top, "content_warning", &s.content_warning),
            (Place::Top, "briefing", &s.briefing),
            (Place::Top, "title", &s.source.title),
            (Place::Top, "force", &s.source.force),
            (Place::Outcome, "what_happened", &s.outcome.what_happened),
        ];
        for value in s.source.reference.iter().chain(&s.source.document) {
            fields.push((Place::Top, "source", value));
        }
        for value in &s.outcome.officers {
            fields.push((Place::Outcome, "officers", value));
        }
        for value in &s.outcome.investigator_notes {
            fields.push((Place::Outcome, "investigator_notes", value));
        }
        for value in &s.outcome.learning {
            fields.push((Place::Outcome, "learning", value));
        }
        for value in &s.discussion {
            fields.push((Place::Outcome, "discussion", value));
        }
        for value in &s.source_notes {
            fields.push((Place::Top, "source_notes", value));
        }
        for step in &s.steps {
            let place = Place::Step(step.id());
            if let Some(clock) = step.clock() {
                fields.push((place, "clock", clock));
            }
            match step {
                Step::Narrative(n) => fields.push((place, "text", &n.text)),
                Step::Decision(d) => {
                    fields.push((place, "prompt", &d.prompt));
                    fields.push((place, "finding", &d.finding.text));
                    if let Some(officers) = &d.officers {
                        fields.push((place, "officers", officers));
                    }
                    if let Some(note) = &d.source_note {
                        fields.push((place, "source_note", note));
                    }
                    for value in d.finding.quote.iter().chain(&d.finding.policy) {
                        fields.push((place, "finding", value));
                    }
                    for option in &d.options {
                        let place = Place::Option(&d.id, &option.id);
                        fields.push((place, "text", &option.text));
                        if let Some(feedback) = &option.feedback {
                            fields.push((place, "feedback", feedback));
                        }
                    }
                }
            }
        }
        let mut control_reported = false;
        for (place, key, value) in fields {
            if value.trim().is_empty() {
                let region = self.region(place);
                let location = self.at(self.locator().value_of(region, key).or(Some(region.start)));
                self.out.push(
                    Diagnostic::error("empty-text", location, format!("`{key}` is empty"))
                        .with_help("write the text, or remove the field if it is optional"),
                );
            }
            if !control_reported && value.chars().any(is_forbidden_char) {
                let region = self.region(place);
                let whole = self.locator().whole();
                let offset = self
                    .locator()
                    .first_char(region, is_forbidden_char)
                    .or_else(|| self.locator().first_char(whole, is_forbidden_char));
                let bad = value.chars().find(|c| is_forbidden_char(*c)).unwrap_or('\0');
                self.out.push(
                    Diagnostic::error(
                        "control-character",
                        self.at(offset),
                        format!("text contains the control character U+{:04X}", u32::from(bad)),
                    )
                    .with_help("remove it; only ordinary text, new lines and tabs may appear, so nothing can reach a terminal as a command"),
                );
                control_reported = true;
            }
        }
    }

    /// Ids, branch targets, dates and file names too: no string may carry a character that
    /// could reach a terminal as a command, and no option id may be blank. One report of a
    /// forbidden character is enough; `text` may already have made it.
    fn every_string(&mut self) {
        for d in self.scenario.decisions() {
            for option in d.options.iter().filter(|o| o.id.trim().is_empty()) {
                let location = self.in_option(&d.id, &option.id, "id");
                self.out.push(
                    Diagnostic::error(
                        "empty-id",
                        location,
                        format!("an option of decision `{}` has a blank id", echo(&d.id)),
                    )
                    .with_help("give each option a short id of its own, e.g. `call-back`; records and reports name options by id"),
                );
            }
        }
        if !may_hold_forbidden(self.source) || self.out.iter().any(|d| d.code == "control-character") {
            return;
        }
        let Some((key, bad)) = first_forbidden(self.scenario) else {
            return;
        };
        let whole = self.locator().whole();
        let location = self.at(self.locator().first_char(whole, is_forbidden_char));
        self.out.push(
            Diagnostic::error(
                "control-character",
                location,
                format!("`{key}` contains the control character U+{:04X}", u32::from(bad)),
            )
            .with_help("remove it; ids, targets and text may hold only ordinary characters, so nothing can reach a terminal as a command"),
        );
    }

    fn steps(&mut self) {
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

    fn decision(&mut self, d: &Decision) {
        if d.options.len() < 2 {
            let prompt = self.in_step(&d.id, "options");
            self.out.push(
                Diagnostic::error(
                    "too-few-options",
                    prompt,
                    format!(
                        "decision `{}` has {} option(s); it needs at least 2",
                        echo(&d.id),
                        d.options.len()
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

    /// Each mark states what it rests on, with the words that support it.
    fn basis(&mut self, d: &Decision) {
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

    /// A timed decision that branches must say where a timeout leads.
    fn timeout(&mut self, d: &Decision) {
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

    fn scale(&mut self, d: &Decision) {
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

    /// Authoring smells: not wrong, but worth a second look.
    fn smells(&mut self) {
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
                            "in decision `{}`, option(s) {} have no feedback",
                            echo(&d.id),
                            needing.iter().map(|id| echo(id)).collect::<Vec<_>>().join(", ")
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

    /// `when_ticked` rules and `only_if` conditions name options and steps that exist.
    fn conditions(&mut self) {
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

    /// Cues a guesser can use instead of knowledge (`fairness.rs`).
    fn fairness(&mut self) {
        for smell in super::fairness::smells(self.scenario) {
            let location = match smell.at {
                super::fairness::At::Decision(step, key) => self.in_step(step, key),
                super::fairness::At::Option(step, option, key) => self.in_option(step, option, key),
            };
            self.out
                .push(Diagnostic::warning(smell.code, location, smell.message).with_help(smell.help));
        }
    }

    fn flow(&mut self) {
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

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

fn is_partial_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let numeric = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2) && in_range(m, 12),
        [y, m, d] => numeric(y, 4) && numeric(m, 2) && in_range(m, 12) && numeric(d, 2) && in_range(d, 31),
        _ => false,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_may_be_partial() {
        assert!(is_partial_date("2021"));
        assert!(is_partial_date("2021-08"));
        assert!(is_partial_date("2023-12-01"));
        assert!(!is_partial_date("Aug 2021"));
        assert!(!is_partial_date("2021-13"));
    }

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("herts-2021-nmo-breach"));
        assert!(!is_valid_id("Herts"));
        assert!(!is_valid_id(""));
    }
}
