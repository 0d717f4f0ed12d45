//! What a plan's fields name: each case found (a library id, a unique start of one, or a
//! scenario file beside the plan) and valid, its decision ids real, no decision both voted
//! and skipped, minutes and room in range, at least one case.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::locate::case_regions;
use super::types::{MAX_MINUTES, MAX_ROOM, Plan, PlanCase, PlanFile, PlannedCase};
use crate::scenario::locate::{Locator, Region};
use crate::scenario::suggest::nearest;
use crate::scenario::text::{echo, echo_path, first_forbidden, is_forbidden_char};
use crate::scenario::{Diagnostic, Library, Location, Scenario, load_file};

/// Where things are in the plan's text, for every message.
struct Places<'a> {
    locator: Locator<'a>,
    cases: Vec<Region>,
}

impl Places<'_> {
    fn at(&self, offset: Option<usize>) -> Location {
        offset.map_or(Location::START, |o| self.locator.location(o))
    }

    fn case(&self, index: usize) -> Region {
        self.cases.get(index).copied().unwrap_or(self.locator.whole())
    }

    /// The value of a field of the case at `index`, else the case itself.
    fn field(&self, index: usize, name: &str) -> Location {
        let region = self.case(index);
        self.at(self.locator.value_of(region, name).or(Some(region.start)))
    }

    /// An id inside the case's `vote` or `skip` list.
    fn listed(&self, index: usize, list: &str, id: &str) -> Location {
        let region = self.case(index);
        let from = self.locator.key(region, list).map_or(region, |k| Region {
            start: k,
            end: region.end,
        });
        self.at(self.locator.literal(from, id).or(Some(from.start)))
    }
}

/// Checks a parsed plan against the library and the files it names. `Plan` only when
/// there is no error; the case files' own diagnostics are passed on with their paths.
pub fn resolve(
    file: PlanFile,
    text: &str,
    plan_path: &Path,
    library: &Library,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let places = Places {
        locator: Locator::new(text),
        cases: case_regions(text),
    };
    let mut problems = Vec::new();
    if let Some((_, c)) = first_forbidden(&file) {
        let at = places.at(places
            .locator
            .first_char(places.locator.whole(), is_forbidden_char));
        problems.push(
            Diagnostic::error(
                "forbidden-character",
                at,
                format!("the plan holds the control character U+{:04X}", c as u32),
            )
            .with_help("remove it: text on a projector holds no control characters"),
        );
    }
    if file.cases.is_empty() {
        problems.push(
            Diagnostic::error(
                "plan-no-cases",
                places.at(places.locator.key(places.locator.whole(), "cases")),
                "the plan has no cases",
            )
            .with_help("add at least one `(case: \"ID\", minutes: 20)`; `lessons list` shows every id"),
        );
    }
    if let Some(room) = file.room
        && !(1..=MAX_ROOM).contains(&room)
    {
        problems.push(
            Diagnostic::error(
                "plan-room",
                places.at(places.locator.value_of(places.locator.whole(), "room")),
                format!("a room of {room} people is out of range"),
            )
            .with_help(format!(
                "give the number of people in the room, 1 to {MAX_ROOM}, or leave `room` out"
            )),
        );
    }
    let dir = plan_path.parent().unwrap_or(Path::new("."));
    let mut cases = Vec::new();
    let mut foreign = Vec::new();
    for (index, planned) in file.cases.iter().enumerate() {
        let found = find_case(planned, index, dir, library, &places, &mut foreign);
        let Some((scenario, source)) = found.map_err(|d| problems.push(d)).ok() else {
            continue;
        };
        let before = problems.len();
        check_minutes(planned, index, &places, &mut problems);
        let not_voted = not_voted(planned, index, &scenario, &places, &mut problems);
        if problems.len() == before {
            cases.push(PlanCase {
                minutes: planned
                    .minutes
                    .unwrap_or(scenario.estimated_minutes.clamp(1, MAX_MINUTES)),
                scenario,
                file: source,
                not_voted,
            });
        }
    }
    let display = plan_path.display().to_string();
    let mut diagnostics = foreign;
    diagnostics.extend(problems.into_iter().map(|d| d.with_path(&display)));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return (None, diagnostics);
    }
    let plan = Plan {
        title: file.title,
        path: file.path,
        room: file.room,
        file: plan_path.to_path_buf(),
        cases,
    };
    (Some(plan), diagnostics)
}

/// The case an entry names: a path (it has a `/` or ends in `.ron`) relative to the plan's
/// folder, else a library id or the unique start of one.
fn find_case(
    planned: &PlannedCase,
    index: usize,
    dir: &Path,
    library: &Library,
    places: &Places,
    foreign: &mut Vec<Diagnostic>,
) -> Result<(Scenario, Option<PathBuf>), Diagnostic> {
    let name = planned.case.as_str();
    let at = places.field(index, "case");
    if name.contains('/') || name.contains('\\') || name.ends_with(".ron") {
        let path = dir.join(name);
        let entry = load_file(&path);
        foreign.extend(
            entry
                .diagnostics
                .iter()
                .filter(|d| d.code != "unreadable")
                .cloned(),
        );
        return match entry.scenario {
            Some(s) => Ok((s, Some(path))),
            None if entry.diagnostics.iter().any(|d| d.code == "unreadable") => Err(Diagnostic::error(
                "plan-case-file",
                at,
                format!("cannot read the case file `{}`", echo_path(&path)),
            )
            .with_help("a path in a plan is taken from the plan's own folder; give a scenario file (.ron) that exists")),
            None => Err(Diagnostic::error(
                "plan-case-invalid",
                at,
                format!("the case file `{}` has errors (listed above)", echo_path(&path)),
            )
            .with_help("fix the case file; `lessons validate FILE` checks it alone")),
        };
    }
    if let Some(s) = library.find(name) {
        return Ok((s.clone(), None));
    }
    let starting: Vec<&str> = library
        .ids()
        .filter(|id| !name.is_empty() && id.starts_with(name))
        .collect();
    match starting.as_slice() {
        [one] => library
            .find(one)
            .map(|s| (s.clone(), None))
            .ok_or_else(|| unknown_case(name, at, library)),
        [] => Err(unknown_case(name, at, library)),
        many => Err(Diagnostic::error(
            "plan-ambiguous-case",
            at,
            format!("`{}` is the start of {} case ids", echo(name), many.len()),
        )
        .with_help(format!("type more of the one you mean: {}", many.join(", ")))),
    }
}

fn unknown_case(name: &str, at: Location, library: &Library) -> Diagnostic {
    let error = Diagnostic::error(
        "plan-unknown-case",
        at,
        format!("no case with id `{}` in the library", echo(name)),
    );
    match nearest(name, library.ids()) {
        Some(near) => error.with_help(format!(
            "did you mean `{near}`? `lessons list` shows every id; a file is named by its path (ending .ron)"
        )),
        None => error.with_help("`lessons list` shows every id; a file is named by its path (ending .ron)"),
    }
}

fn check_minutes(planned: &PlannedCase, index: usize, places: &Places, problems: &mut Vec<Diagnostic>) {
    if let Some(minutes) = planned.minutes
        && !(1..=MAX_MINUTES).contains(&minutes)
    {
        problems.push(
            Diagnostic::error(
                "plan-minutes",
                places.field(index, "minutes"),
                format!("{minutes} minutes is out of range"),
            )
            .with_help(format!(
                "plan 1 to {MAX_MINUTES} minutes for a case, or leave `minutes` out for the case's own estimate"
            )),
        );
    }
}

/// The decisions not put to the room: those in `skip`, and those left out of `vote`.
fn not_voted(
    planned: &PlannedCase,
    index: usize,
    scenario: &Scenario,
    places: &Places,
    problems: &mut Vec<Diagnostic>,
) -> BTreeSet<String> {
    let decisions: Vec<&str> = scenario.decisions().map(|d| d.id.as_str()).collect();
    let lists = [
        ("vote", planned.vote.as_deref().unwrap_or_default()),
        ("skip", &planned.skip[..]),
    ];
    for (list, ids) in lists {
        for id in ids {
            if decisions.contains(&id.as_str()) {
                continue;
            }
            let at = places.listed(index, list, id);
            let message = if scenario.step_index(id).is_some() {
                format!(
                    "`{}` is a story step of `{}`, not a decision",
                    echo(id),
                    scenario.id
                )
            } else {
                format!("case `{}` has no decision `{}`", scenario.id, echo(id))
            };
            let help = match nearest(id, decisions.iter().copied()) {
                Some(near) => format!("did you mean `{near}`? its decisions: {}", decisions.join(", ")),
                None => format!("its decisions: {}", decisions.join(", ")),
            };
            problems.push(Diagnostic::error("plan-unknown-decision", at, message).with_help(help));
        }
    }
    if let Some(vote) = &planned.vote {
        for id in vote.iter().filter(|id| planned.skip.contains(id)) {
            problems.push(
                Diagnostic::error(
                    "plan-voted-and-skipped",
                    places.listed(index, "skip", id),
                    format!("decision `{}` is both voted on and skipped", echo(id)),
                )
                .with_help("keep it in `vote` or in `skip`, not both"),
            );
        }
    }
    let kept: BTreeSet<String> = decisions
        .iter()
        .filter(|id| {
            planned.skip.iter().any(|s| s == *id)
                || planned.vote.as_ref().is_some_and(|v| !v.iter().any(|s| s == *id))
        })
        .map(|id| id.to_string())
        .collect();
    // the story follows the officers past a decision kept from the room: they must be known
    for id in &kept {
        if scenario
            .decision(id)
            .is_some_and(|d| d.officers_choice().is_empty())
        {
            let list = if planned.skip.contains(id) { "skip" } else { "vote" };
            let at = if list == "skip" {
                places.listed(index, "skip", id)
            } else {
                places.field(index, "vote")
            };
            problems.push(
                Diagnostic::error(
                    "plan-skip-unknown-officers",
                    at,
                    format!(
                        "decision `{}` of `{}` cannot be kept from the room: the case does not say what the officers did there, so the story has no way to follow them",
                        echo(id),
                        scenario.id
                    ),
                )
                .with_help(format!("put `{}` to the room (add it to `vote`, or take it out of `skip`)", echo(id))),
            );
        }
    }
    kept
}
