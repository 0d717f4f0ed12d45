//! The rules a parsed scenario must meet before anyone plays it. Returns diagnostics
//! located in the source text; prints nothing.
//!
//! Each rule group adds methods to `Checker` from its own file. They reach the scenario
//! modules as `super::super::…`, not `crate::scenario::…`, because build.rs includes this
//! folder by `#[path]` with those modules at its crate root.

mod basis;
mod conditions;
mod decision;
mod metadata;
mod smells;
mod steps;
mod strings;

use std::cell::OnceCell;

use super::diagnostic::{Diagnostic, Location};
use super::locate::{Locator, Region};
use super::types::Scenario;

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
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case() {
        assert!(is_valid_id("herts-2021-nmo-breach"));
        assert!(!is_valid_id("Herts"));
        assert!(!is_valid_id(""));
    }
}
