//! A classroom run from a session plan: the agenda (planned minutes beside the time each
//! case took, on the front end's clock), and the decisions the plan does not put to the
//! room, where the story follows what the officers did.
//!
//! Hooked into `Classroom::handle` before (`agenda_key`) and after (`agenda_after`) every
//! key, so the rest of the classroom knows nothing of plans.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::actions::ClassroomOutcome;
use super::state::{Classroom, Modal, Stage};
use crate::engine::{Asked, Response, kind_rule::response_of};
use crate::plan::Plan;
use crate::tui::keys::Action;

/// The session's plan and how the time has gone against it.
#[derive(Debug, Clone, Default)]
pub struct Agenda {
    /// The plan's title, when it has one.
    pub title: Option<String>,
    /// The plan file, when the session runs one.
    pub file: Option<PathBuf>,
    /// The room's size the plan gives.
    pub room: Option<u32>,
    /// Planned minutes per case; a case's own estimate where the plan gives none.
    pub minutes: Vec<u32>,
    /// Per case, the decisions not put to the room.
    pub not_voted: Vec<BTreeSet<String>>,
    /// Time spent on each case, not counting the one running now.
    pub spent: Vec<Duration>,
    /// The case whose clock runs, and since when.
    pub running: Option<(usize, Instant)>,
    /// The agenda is on screen.
    pub open: bool,
    /// It comes up before the first case and between cases (a session run from a plan).
    pub between_cases: bool,
}

impl Agenda {
    fn stop(&mut self, now: Instant) {
        if let Some((case, since)) = self.running.take() {
            if self.spent.len() <= case {
                self.spent.resize(case + 1, Duration::ZERO);
            }
            self.spent[case] += now.saturating_duration_since(since);
        }
    }
}

impl Classroom {
    /// A session that runs a plan: its cases in order, its path policy, its agenda first.
    pub fn from_plan(plan: Plan, seed: u64) -> Self {
        let scenarios = plan.cases.iter().map(|c| c.scenario.clone()).collect();
        let mut room = Classroom::new(scenarios, seed);
        room.plan_session(plan);
        room
    }

    /// Takes on a plan's agenda, skips and path policy (for a session new or resumed).
    pub fn plan_session(&mut self, plan: Plan) {
        self.files = plan.cases.iter().map(|c| c.file.clone()).collect();
        if let Some(path) = plan.path {
            self.path = path;
        }
        self.agenda = Agenda {
            title: plan.title,
            file: Some(plan.file),
            room: plan.room,
            minutes: plan.cases.iter().map(|c| c.minutes).collect(),
            not_voted: plan.cases.into_iter().map(|c| c.not_voted).collect(),
            spent: vec![Duration::ZERO; self.plan.len()],
            running: None,
            open: true,
            between_cases: true,
        };
    }

    /// Minutes planned for a case: the plan's, else the case's own estimate.
    pub fn planned_minutes(&self, case: usize) -> u32 {
        self.agenda
            .minutes
            .get(case)
            .copied()
            .or_else(|| self.plan.get(case).map(|s| s.estimated_minutes))
            .unwrap_or(0)
    }

    /// Time spent on a case so far, the one under way included.
    pub fn case_elapsed(&self, case: usize, now: Instant) -> Duration {
        let banked = self.agenda.spent.get(case).copied().unwrap_or_default();
        match self.agenda.running {
            Some((running, since)) if running == case => banked + now.saturating_duration_since(since),
            _ => banked,
        }
    }

    /// Whether the plan keeps this decision from the room.
    pub fn is_not_voted(&self, step: &str) -> bool {
        self.agenda
            .not_voted
            .get(self.case)
            .is_some_and(|skip| skip.contains(step))
    }

    /// The decision on screen is one the plan keeps from the room.
    pub fn not_voted_here(&self) -> bool {
        matches!(self.stage, Stage::Story | Stage::Reveal)
            && self.asked().is_some_and(|a| self.is_not_voted(&a.step))
    }

    /// What the officers did, for a decision the plan keeps from the room; `None` for any
    /// other decision (or one where the case marks no officers' choice).
    pub(super) fn planned_answer(&self, asked: &Asked) -> Option<Response> {
        if !self.is_not_voted(&asked.step) {
            return None;
        }
        let decision = self.scenario()?.decision(&asked.step)?;
        let ids = decision.officers_choice().iter().map(|o| o.id.clone()).collect();
        response_of(asked.kind, ids)
    }

    /// "Not voted in this session's plan: the officers chose B. …"
    fn not_voted_note(&self) -> Option<String> {
        let asked = self.asked()?;
        let decision = self.scenario()?.decision(&asked.step)?;
        let letters: Vec<String> = asked
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| decision.officers_choice().iter().any(|c| c.id == o.id))
            .map(|(i, _)| char::from(b'A' + (i as u8).min(25)).to_string())
            .collect();
        let did = match (letters.as_slice(), asked.kind.picks_one()) {
            // validation refuses a plan that keeps such a decision from the room
            ([], _) => return Some("Not voted in this session's plan.".into()),
            (_, true) => format!("the officers chose {}", letters.join(", ")),
            (_, false) => format!("the officers ticked {}", letters.join(", ")),
        };
        Some(match self.stage {
            Stage::Reveal => format!("Not voted in this session's plan: {did}. Enter follows them."),
            _ => format!("Not voted in this session's plan: {did}. Enter follows them; r shows the reveal."),
        })
    }

    /// Keys the agenda or a decision kept from the room take before the classroom's own;
    /// `Some` when the key is used up here.
    pub(super) fn agenda_key(&mut self, action: &Action, _now: Instant) -> Option<ClassroomOutcome> {
        if self.modal != Modal::None || *action == Action::ForceQuit {
            return None;
        }
        if self.agenda.open {
            match action {
                Action::Quit => self.modal = Modal::ConfirmQuit,
                Action::Help => {
                    self.help_scroll = 0;
                    self.modal = Modal::Help;
                }
                Action::Char('b' | '.') => self.modal = Modal::Blank,
                Action::Enter
                | Action::Right
                | Action::Space
                | Action::Char('n')
                | Action::Home
                | Action::Back => self.agenda.open = false,
                _ => {}
            }
            return Some(ClassroomOutcome::None);
        }
        if *action == Action::Home {
            self.agenda.open = true;
            self.message = None;
            return Some(ClassroomOutcome::None);
        }
        if self.stage != Stage::Story || !self.not_voted_here() {
            return None;
        }
        match action {
            // on to the reveal's next step: the story follows the officers (`planned_answer`)
            Action::Enter | Action::Right | Action::Space | Action::Char('n') => {
                self.stage = Stage::Reveal;
                None
            }
            // the reveal without a tally: the room did not vote
            Action::Char('r') => {
                self.message = None;
                self.stage = Stage::Reveal;
                self.scroll = 0;
                self.show_votes = false;
                Some(ClassroomOutcome::None)
            }
            Action::Tab | Action::Char('=' | 'v') => {
                self.message = Some("This decision is not voted in this session's plan.".into());
                Some(ClassroomOutcome::None)
            }
            _ => None,
        }
    }

    /// After every key: a case's clock stops when the room moves on from it (the agenda
    /// comes up between cases of a plan) and starts when its first screen is in front of
    /// the room; a decision kept from the room says so.
    pub(super) fn agenda_after(&mut self, outcome: ClassroomOutcome, now: Instant) -> ClassroomOutcome {
        let ended = self.stage == Stage::End;
        if let Some((case, _)) = self.agenda.running
            && (case != self.case || ended)
        {
            self.agenda.stop(now);
            if self.agenda.between_cases {
                self.agenda.open = true;
            }
        }
        if self.agenda.running.is_none() && !self.agenda.open && !ended && !self.plan.is_empty() {
            self.agenda.running = Some((self.case, now));
        }
        if self.message.is_none() && self.not_voted_here() {
            self.message = self.not_voted_note();
        }
        outcome
    }
}
