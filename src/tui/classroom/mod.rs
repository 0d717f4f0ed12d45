//! Classroom mode: one screen for a projector, an instructor at the keyboard, a room
//! deciding together. The instructor tallies the room's votes, reveals what the officers
//! did and what the investigation found, and the tallies are saved after every change.

pub mod view;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::engine::{Asked, Event, Input, Mode, Phase, Session, SessionState, Settings};
use crate::record::{Recorder, Tally};
use crate::scenario::{DecisionKind, RationalePrompt, Scenario};

/// The most votes one option can hold: more than any room, and small enough that no sum
/// of counts can overflow.
pub const MAX_VOTES: u32 = 9_999;

/// Where the session is within the current case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The case's title and content warning.
    Title,
    Briefing,
    /// A narrative step or a decision, as the engine has it.
    Story,
    /// The decision's answer shown: the officers, the finding, the feedback.
    Reveal,
    /// What happened, the outcomes for the officers, the force's learning.
    Outcome,
    /// The discussion questions, one at a time.
    Discussion,
    /// Every case of the plan is done.
    End,
}

/// A discussion timer the instructor starts and pauses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timer {
    pub running_since: Option<Instant>,
    pub banked: Duration,
}

impl Timer {
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .running_since
                .map_or(Duration::ZERO, |t| now.saturating_duration_since(t))
    }

    fn toggle(&mut self, now: Instant) {
        match self.running_since.take() {
            Some(since) => self.banked += now.saturating_duration_since(since),
            None => self.running_since = Some(now),
        }
    }
}

pub struct Classroom {
    pub plan: Vec<Scenario>,
    /// For each case of the plan, the file it came from when it is not a built-in case.
    pub files: Vec<Option<std::path::PathBuf>>,
    pub case: usize,
    pub state: SessionState,
    pub stage: Stage,
    /// Votes per option id of the current decision, in the order the options are shown.
    pub votes: Vec<(String, u32)>,
    /// The tallies of the current case's decisions so far.
    pub tallies: Vec<Tally>,
    /// Letters are votes (voting on) or commands (voting off).
    pub voting: bool,
    /// Typing a count: `=` then a letter and a number.
    pub entry: Option<String>,
    pub show_votes: bool,
    pub timer: Timer,
    pub blank: bool,
    pub help: bool,
    pub confirm_quit: bool,
    pub question: usize,
    /// Which part of the outcome is showing: what happened, the officers, the learning.
    pub outcome_page: usize,
    /// Rows scrolled on a long screen (briefing, reveal, outcome).
    pub scroll: u16,
    pub should_quit: bool,
    pub seed: u64,
    pub now: Instant,
    pub message: Option<String>,
    pub recorder: Recorder,
}

impl Classroom {
    pub fn new(plan: Vec<Scenario>, seed: u64, recorder: Recorder, now: Instant) -> Self {
        let state = plan
            .first()
            .map(|s| Session::new(s, Settings::new(Mode::Assessment, seed)).into_state())
            .unwrap_or_else(|| empty_state(seed));
        Classroom {
            files: vec![None; plan.len()],
            plan,
            case: 0,
            state,
            stage: Stage::Title,
            votes: Vec::new(),
            tallies: Vec::new(),
            voting: false,
            entry: None,
            show_votes: false,
            timer: Timer::default(),
            blank: false,
            help: false,
            confirm_quit: false,
            question: 0,
            outcome_page: 0,
            scroll: 0,
            should_quit: false,
            seed,
            now,
            message: None,
            recorder,
        }
    }

    /// Picks up a saved session at the case and decision it had reached.
    pub fn resume(
        plan: Vec<Scenario>,
        case: usize,
        state: SessionState,
        tallies: Vec<Tally>,
        recorder: Recorder,
        now: Instant,
    ) -> Self {
        let seed = state.settings.seed;
        let mut room = Classroom::new(plan, seed, recorder, now);
        room.case = case;
        room.state = state;
        room.tallies = tallies;
        room.stage = match room.state.phase {
            Phase::Briefing => Stage::Title,
            Phase::Finished => Stage::Outcome,
            _ => Stage::Story,
        };
        room.reset_votes();
        room
    }

    pub fn scenario(&self) -> Option<&Scenario> {
        self.plan.get(self.case)
    }

    fn session(&self) -> Option<Session<'_>> {
        self.scenario()
            .and_then(|s| Session::resume(s, self.state.clone()).ok())
    }

    pub fn current(&self) -> Vec<Event> {
        self.session().map(|s| s.current()).unwrap_or_default()
    }

    pub fn asked(&self) -> Option<Asked> {
        self.session().and_then(|s| s.asked())
    }

    /// Whether letters are being typed as votes or counts, for the keymap.
    pub fn typing(&self) -> bool {
        self.voting || self.entry.is_some()
    }

    pub fn plan_ids(&self) -> Vec<String> {
        self.plan.iter().map(|s| s.id.clone()).collect()
    }

    fn apply(&mut self, input: Input) -> bool {
        let Some(mut session) = self.session() else {
            return false;
        };
        match session.apply(input) {
            Ok(_) => {
                self.state = session.into_state();
                true
            }
            Err(e) => {
                self.message = Some(e.to_string());
                false
            }
        }
    }

    fn reset_votes(&mut self) {
        self.votes = self
            .asked()
            .map(|a| a.options.iter().map(|o| (o.id.clone(), 0)).collect())
            .unwrap_or_default();
        if let Some(asked) = self.asked()
            && let Some(saved) = self.tallies.iter().find(|t| t.step == asked.step)
        {
            for (id, n) in &mut self.votes {
                *n = saved
                    .votes
                    .iter()
                    .find(|(v, _)| v == id)
                    .map_or(0, |(_, c)| (*c).min(MAX_VOTES));
            }
        }
        self.voting = false;
        self.entry = None;
        self.show_votes = false;
        self.timer = Timer::default();
    }

    /// Stores the current decision's votes in `tallies` (in the file's option order) and saves.
    fn record_votes(&mut self, revealed: bool) {
        let (Some(asked), Some(scenario)) = (self.asked(), self.scenario()) else {
            return;
        };
        let Some(decision) = scenario.decision(&asked.step) else {
            return;
        };
        let votes: Vec<(String, u32)> = decision
            .options
            .iter()
            .map(|o| {
                (
                    o.id.clone(),
                    self.votes
                        .iter()
                        .find(|(id, _)| *id == o.id)
                        .map_or(0, |(_, n)| *n),
                )
            })
            .collect();
        let tally = Tally {
            step: asked.step.clone(),
            votes,
            revealed,
        };
        match self.tallies.iter_mut().find(|t| t.step == tally.step) {
            Some(existing) => *existing = tally,
            None => self.tallies.push(tally),
        }
        self.save();
    }

    fn save(&mut self) {
        let plan = self.plan_ids();
        let Some(scenario) = self.plan.get(self.case) else {
            return;
        };
        self.recorder
            .set_scenario_file(self.files.get(self.case).and_then(|f| f.as_deref()));
        if let Err(e) = self
            .recorder
            .save_group(scenario, &self.state, &self.tallies, &plan)
        {
            self.message = Some(e.to_string());
        }
    }

    pub fn tick(&mut self, now: Instant) {
        self.now = now;
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.should_quit = true;
            return;
        }
        if self.confirm_quit {
            match key.code {
                KeyCode::Char('y') | KeyCode::Enter => self.should_quit = true,
                _ => self.confirm_quit = false,
            }
            return;
        }
        if self.help {
            self.help = false;
            return;
        }
        if self.blank {
            // any key brings the screen back; `b` is the usual one
            self.blank = false;
            return;
        }
        self.message = None;
        if let Some(entry) = &mut self.entry {
            match key.code {
                KeyCode::Esc => self.entry = None,
                KeyCode::Backspace => {
                    entry.pop();
                }
                KeyCode::Enter => {
                    let text = entry.clone();
                    self.entry = None;
                    self.set_count(&text);
                }
                // a letter and a count up to MAX_VOTES fit easily; more is a slip of the finger
                KeyCode::Char(c) if (c.is_ascii_alphanumeric() || c == ' ') && entry.len() < 16 => {
                    entry.push(c)
                }
                _ => {}
            }
            return;
        }
        if self.voting && self.stage == Stage::Story {
            match key.code {
                KeyCode::Char(c) if c.is_ascii_lowercase() => self.add_vote(c, 1),
                KeyCode::Char(c) if c.is_ascii_uppercase() => self.add_vote(c.to_ascii_lowercase(), -1),
                KeyCode::Char('=') => self.entry = Some(String::new()),
                KeyCode::Tab | KeyCode::Enter | KeyCode::Esc => {
                    self.voting = false;
                    self.show_votes = true;
                }
                _ => {}
            }
            return;
        }
        match key.code {
            KeyCode::Char('q') => self.confirm_quit = true,
            KeyCode::Char('?') | KeyCode::F(1) => self.help = true,
            KeyCode::Char('b') | KeyCode::Char('.') => self.blank = true,
            KeyCode::Char('t') => self.timer.toggle(self.now),
            KeyCode::Char('0') => self.timer = Timer::default(),
            KeyCode::Down | KeyCode::Char('j') => self.scroll = self.scroll.saturating_add(1),
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::PageDown => self.scroll = self.scroll.saturating_add(8),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(8),
            KeyCode::Enter | KeyCode::Right | KeyCode::Char(' ') | KeyCode::Char('n') => {
                self.scroll = 0;
                self.advance();
            }
            KeyCode::Left | KeyCode::Backspace | KeyCode::Char('p') => {
                self.scroll = 0;
                self.back();
            }
            KeyCode::Tab | KeyCode::Char('v') if self.stage == Stage::Story && self.asked().is_some() => {
                if key.code == KeyCode::Tab {
                    self.voting = true;
                } else {
                    self.show_votes = !self.show_votes;
                }
            }
            KeyCode::Char('=') if self.stage == Stage::Story && self.asked().is_some() => {
                self.entry = Some(String::new())
            }
            KeyCode::Char('r') if self.stage == Stage::Story && self.asked().is_some() => self.reveal(),
            _ => {}
        }
    }

    fn add_vote(&mut self, letter: char, delta: i32) {
        let index = (letter as u8).saturating_sub(b'a') as usize;
        let Some((_, count)) = self.votes.get_mut(index) else {
            self.message = Some(format!("There is no option {}.", letter.to_ascii_uppercase()));
            return;
        };
        if delta > 0 && *count >= MAX_VOTES {
            self.message = Some(format!("A count goes up to {MAX_VOTES}."));
            return;
        }
        *count = count.saturating_add_signed(delta).min(MAX_VOTES);
        self.record_votes(false);
    }

    /// `a12`, `A 12`: sets option A's count to 12.
    fn set_count(&mut self, text: &str) {
        let text = text.trim();
        let mut chars = text.chars();
        let letter = chars.next().map(|c| c.to_ascii_lowercase());
        let number = chars.as_str().trim().parse::<u32>();
        match (letter, number) {
            (Some(l), Ok(n)) if l.is_ascii_lowercase() && n > MAX_VOTES => {
                self.message = Some(format!(
                    "{n} is more than a room can vote: a count goes up to {MAX_VOTES}."
                ))
            }
            (Some(l), Err(_))
                if l.is_ascii_lowercase()
                    && chars.as_str().trim().bytes().all(|b| b.is_ascii_digit())
                    && !chars.as_str().trim().is_empty() =>
            {
                self.message = Some(format!(
                    "That is more than a room can vote: a count goes up to {MAX_VOTES}."
                ))
            }
            (Some(l), Ok(n)) if l.is_ascii_lowercase() => {
                let index = (l as u8 - b'a') as usize;
                match self.votes.get_mut(index) {
                    Some((_, count)) => {
                        *count = n;
                        self.record_votes(false);
                    }
                    None => self.message = Some(format!("There is no option {}.", l.to_ascii_uppercase())),
                }
            }
            _ => self.message = Some("Type a letter and a number, e.g. =B12 then Enter.".into()),
        }
    }

    fn reveal(&mut self) {
        self.voting = false;
        self.show_votes = true;
        if let Some(since) = self.timer.running_since.take() {
            self.timer.banked += self.now.saturating_duration_since(since);
        }
        self.record_votes(true);
        self.scroll = 0;
        self.stage = Stage::Reveal;
    }

    fn advance(&mut self) {
        match self.stage {
            Stage::Title => self.stage = Stage::Briefing,
            Stage::Briefing => {
                if self.state.phase == Phase::Briefing {
                    self.apply(Input::Continue);
                }
                self.stage = Stage::Story;
                self.reset_votes();
                self.save();
            }
            Stage::Story => {
                if matches!(self.state.phase, Phase::Narrative { .. }) {
                    self.apply(Input::Continue);
                    self.after_step();
                } else if self.asked().is_some() {
                    self.message = Some("Press r to reveal the finding before moving on.".into());
                }
            }
            Stage::Reveal => {
                self.answer_for_the_room();
                self.after_step();
            }
            Stage::Outcome if self.outcome_page < 2 => self.outcome_page += 1,
            Stage::Outcome => {
                self.stage = Stage::Discussion;
                self.question = 0;
            }
            Stage::Discussion => {
                let count = self.scenario().map_or(0, |s| s.discussion.len());
                if self.question + 1 < count {
                    self.question += 1;
                } else {
                    self.next_case();
                }
            }
            Stage::End => self.confirm_quit = true,
        }
    }

    fn back(&mut self) {
        match self.stage {
            Stage::Briefing => self.stage = Stage::Title,
            Stage::Discussion if self.question > 0 => self.question -= 1,
            Stage::Discussion => self.stage = Stage::Outcome,
            Stage::Outcome if self.outcome_page > 0 => self.outcome_page -= 1,
            Stage::Reveal => self.stage = Stage::Story,
            _ => {}
        }
    }

    /// Moves the story on with the room's answer: the most-voted option (the first shown
    /// on a tie), or for a checklist every option anyone ticked.
    fn answer_for_the_room(&mut self) {
        let Some(asked) = self.asked() else { return };
        let max = self.votes.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let top = self
            .votes
            .iter()
            .find(|(_, n)| max > 0 && *n == max)
            .map(|(id, _)| id)
            .or_else(|| asked.options.first().map(|o| &o.id));
        // a decision with no options cannot be answered; validation refuses such files
        let Some(top) = top.cloned() else { return };
        let ok = match asked.kind {
            DecisionKind::Single => self.apply(Input::Choose(top)),
            DecisionKind::Scale => self.apply(Input::Grade(top)),
            DecisionKind::Multiple => {
                let ticked: Vec<String> = self
                    .votes
                    .iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(id, _)| id.clone())
                    .collect();
                for id in ticked {
                    self.apply(Input::Toggle(id));
                }
                self.apply(Input::Submit)
            }
        };
        if ok && matches!(self.state.phase, Phase::Rationale { .. }) {
            let note = if asked.rationale == RationalePrompt::Require {
                "Discussed by the room."
            } else {
                ""
            };
            self.apply(Input::Rationale(note.into()));
        }
        if matches!(self.state.phase, Phase::Confidence { .. }) {
            self.apply(Input::Confidence(None));
        }
        if matches!(self.state.phase, Phase::Reviewed { .. }) {
            self.apply(Input::Continue);
        }
    }

    fn after_step(&mut self) {
        if self.state.phase == Phase::Finished {
            self.stage = Stage::Outcome;
            self.outcome_page = 0;
        } else {
            self.stage = Stage::Story;
        }
        self.reset_votes();
        self.save();
    }

    fn next_case(&mut self) {
        if self.case + 1 >= self.plan.len() {
            self.stage = Stage::End;
            return;
        }
        self.case += 1;
        // each case of the plan has its own record, even when a case comes twice
        self.recorder.begin_run();
        self.state =
            Session::new(&self.plan[self.case], Settings::new(Mode::Assessment, self.seed)).into_state();
        self.tallies.clear();
        self.stage = Stage::Title;
        self.question = 0;
    }
}

fn empty_state(seed: u64) -> SessionState {
    SessionState {
        scenario_id: String::new(),
        settings: Settings::new(Mode::Assessment, seed),
        phase: Phase::Finished,
        path: Vec::new(),
        answers: Vec::new(),
        drill: false,
    }
}
