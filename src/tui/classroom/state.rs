//! What the classroom holds: the plan, where the room is in it, the votes on the current
//! decision, and the one thing (if any) open over the screen.

use std::time::{Duration, Instant};

use std::sync::Arc;

use super::presenter::Presentation;
use crate::engine::{
    Asked, Event, Input, Mode, PathPolicy, Phase, Response, ResumeError, Session, SessionState, Settings,
};
use crate::record::{RoomPosition, RoomStage, SettledWhy, Votes};
use crate::scenario::Scenario;

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

/// What has the keyboard besides the screen itself. One at a time, so no order of checks
/// decides which wins: a key goes to the open one (Ctrl+C, which always ends, aside).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Modal {
    /// Letters are commands.
    #[default]
    None,
    /// Taking votes: letters add one, Shift+letter takes one away.
    Voting,
    /// Typing a count after `=` (or the room size after `#`); Enter or Esc goes back to
    /// voting when it came from there.
    Entry {
        text: String,
        voting: bool,
        purpose: EntryPurpose,
    },
    /// "No votes entered. Reveal anyway?"; y reveals, any other key stays on the question.
    ConfirmReveal,
    /// Which way the story goes on, when the votes do not settle it (see `flow::settle`).
    Settle(SettlePrompt),
    /// The presenter keys; any key closes them.
    Help,
    /// "End the session?"; y or Enter ends, any other key stays.
    ConfirmQuit,
    /// The screen blanked for the room; any key brings it back.
    Blank,
}

/// What a typed number is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntryPurpose {
    /// `=`: a letter and a count (`b12`), or `p` and the people who answered a checklist.
    #[default]
    Count,
    /// `#`: how many people are in the room.
    RoomSize,
}

/// The question put to the instructor on leaving a reveal whose votes do not settle the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettlePrompt {
    pub why: SettledWhy,
    /// The option ids offered by letter, in the order shown (the tied ones on a tie).
    pub offered: Vec<String>,
    /// Whether `o` (what the officers did) is offered: the file marks their choice.
    pub officers: bool,
    /// The room's own answer when it is clear (`--path ask`): Enter takes it.
    pub room: Option<Response>,
}

/// A discussion timer the instructor starts and pauses.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timer {
    pub running_since: Option<Instant>,
    pub banked: Duration,
    /// The time the discussion should take: the timer counts down to it, then shows how
    /// far over it is. None counts up.
    pub target: Option<Duration>,
}

impl Timer {
    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .running_since
                .map_or(Duration::ZERO, |t| now.saturating_duration_since(t))
    }

    /// Whether the timer has been started since it was last reset, so it is on screen.
    pub fn is_shown(&self) -> bool {
        self.running_since.is_some() || !self.banked.is_zero()
    }

    pub(super) fn toggle(&mut self, now: Instant) {
        match self.running_since.take() {
            Some(since) => self.banked += now.saturating_duration_since(since),
            None => self.running_since = Some(now),
        }
    }

    /// Back to zero, stopped; the target stays, since it is the session's.
    pub fn reset(&mut self) {
        *self = Timer {
            target: self.target,
            ..Timer::default()
        };
    }

    pub(super) fn pause(&mut self, now: Instant) {
        if let Some(since) = self.running_since.take() {
            self.banked += now.saturating_duration_since(since);
        }
    }
}

pub struct Classroom {
    pub plan: Vec<Arc<Scenario>>,
    /// For each case of the plan, the file it came from when it is not a built-in case.
    pub files: Vec<Option<std::path::PathBuf>>,
    pub case: usize,
    /// The current case's run, held for the whole case (None only for an empty plan).
    session: Option<Session>,
    /// What `state()` shows when there is no session: a finished, empty run.
    idle: SessionState,
    pub stage: Stage,
    /// Votes per option id of the current decision, in the order the options are shown.
    pub votes: Vec<(String, u32)>,
    /// The tallies of the current case's decisions so far.
    pub tallies: Vec<Votes>,
    pub modal: Modal,
    pub show_votes: bool,
    pub timer: Timer,
    pub question: usize,
    /// Which part of the outcome is showing: what happened, the officers, the learning.
    pub outcome_page: usize,
    /// Rows scrolled on a long screen (briefing, reveal, outcome).
    pub scroll: u16,
    pub should_quit: bool,
    pub seed: u64,
    pub message: Option<String>,
    /// Which way the story goes after each reveal (`--path`, or the session plan).
    pub path: PathPolicy,
    /// How far the help box is scrolled when it is taller than the screen (the view clamps).
    pub help_scroll: u16,
    /// The group label (`--label "Syndicate A"`), stored on each case's record.
    pub label: Option<String>,
    /// Big text, the reveal's detail, the scroll bound: how the screen is presented.
    pub presentation: Presentation,
    /// The session plan's agenda and the decisions it keeps from the room (plan.rs).
    pub agenda: super::plan::Agenda,
    /// How many people are in the room (`--room`, or `#` in the session), for percentages.
    pub room_size: Option<u32>,
    /// How many people answered the current checklist (`=p12`), when counted.
    pub respondents: Option<u32>,
    /// Tallies of decisions stepped back past: no longer the room's answer, so not saved,
    /// but their counts come back if the story reaches them again.
    pub(super) undone: Vec<Votes>,
    /// When the last key was handled, so a save can carry the timer's elapsed time.
    pub(super) clock: Option<Instant>,
}

impl Classroom {
    pub fn new(plan: Vec<Scenario>, seed: u64) -> Self {
        let plan: Vec<Arc<Scenario>> = plan.into_iter().map(Arc::new).collect();
        let session = plan.first().map(|s| fresh_session(s, seed));
        Classroom {
            files: vec![None; plan.len()],
            plan,
            case: 0,
            session,
            idle: empty_state(seed),
            stage: Stage::Title,
            votes: Vec::new(),
            tallies: Vec::new(),
            modal: Modal::None,
            show_votes: false,
            timer: Timer::default(),
            question: 0,
            outcome_page: 0,
            scroll: 0,
            should_quit: false,
            seed,
            message: None,
            path: PathPolicy::default(),
            help_scroll: 0,
            label: None,
            presentation: Presentation::default(),
            agenda: Default::default(),
            room_size: None,
            respondents: None,
            undone: Vec::new(),
            clock: None,
        }
    }

    /// Picks up a saved session at the case and decision it had reached, and at the screen
    /// it was on when the record says (`position`; older records resume by the phase).
    /// Refused, rather than shown as an empty room, when the saved state no longer fits.
    pub fn resume(
        plan: Vec<Scenario>,
        case: usize,
        state: SessionState,
        tallies: Vec<Votes>,
        position: Option<&RoomPosition>,
    ) -> Result<Self, ResumeError> {
        let seed = state.settings.seed;
        let mut room = Classroom::new(plan, seed);
        let Some(scenario) = room.plan.get(case) else {
            return Err(ResumeError::WrongScenario {
                saved: state.scenario_id,
                given: String::new(),
            });
        };
        room.session = Some(Session::resume(Arc::clone(scenario), state)?);
        room.case = case;
        room.tallies = tallies;
        room.stage = match room.state().phase {
            Phase::Briefing => Stage::Title,
            Phase::Finished => Stage::Outcome,
            _ => Stage::Story,
        };
        room.reset_votes();
        if let Some(at) = position {
            room.place(at);
        }
        Ok(room)
    }

    /// Puts a resumed room on the saved screen, where it still fits the engine's phase.
    fn place(&mut self, at: &RoomPosition) {
        let finished = self.state().phase == Phase::Finished;
        let asking = self.asked().is_some();
        let briefing = self.state().phase == Phase::Briefing;
        self.stage = match at.stage {
            RoomStage::Title if briefing => Stage::Title,
            RoomStage::Briefing if briefing => Stage::Briefing,
            RoomStage::Reveal if asking => Stage::Reveal,
            RoomStage::Outcome if finished => Stage::Outcome,
            RoomStage::Discussion if finished => Stage::Discussion,
            RoomStage::End if finished => Stage::End,
            _ => self.stage,
        };
        let questions = self.scenario().map_or(0, |s| s.discussion.len());
        self.outcome_page = at.outcome_page.min(2);
        self.question = at.question.min(questions.saturating_sub(1));
        self.show_votes = self.stage == Stage::Reveal;
        self.timer.banked = std::time::Duration::from_secs(at.timer_seconds);
        self.room_size = at.room_size.filter(|n| (1..=MAX_VOTES).contains(n));
        self.path = at.path;
    }

    /// The clock as the front end last read it, for the timer's time in a save.
    pub fn note_time(&mut self, now: Instant) {
        self.clock = Some(now);
    }

    /// Where the room is, for the record, so `--resume` comes back to this screen.
    pub fn position(&self) -> RoomPosition {
        let stage = match self.stage {
            Stage::Title => RoomStage::Title,
            Stage::Briefing => RoomStage::Briefing,
            Stage::Story => RoomStage::Story,
            Stage::Reveal => RoomStage::Reveal,
            Stage::Outcome => RoomStage::Outcome,
            Stage::Discussion => RoomStage::Discussion,
            Stage::End => RoomStage::End,
        };
        let elapsed = match self.clock {
            Some(now) => self.timer.elapsed(now),
            None => self.timer.banked,
        };
        RoomPosition {
            stage,
            case: self.case,
            outcome_page: self.outcome_page,
            question: self.question,
            timer_seconds: elapsed.as_secs(),
            room_size: self.room_size,
            path: self.path,
        }
    }

    /// A session starting at `case` of the plan, its title first (the case before it done).
    pub fn starting_at(plan: Vec<Scenario>, case: usize, seed: u64) -> Self {
        let mut room = Classroom::new(plan, seed);
        if let Some(scenario) = room.plan.get(case) {
            room.session = Some(fresh_session(scenario, seed));
            room.case = case;
        }
        room
    }

    pub fn scenario(&self) -> Option<&Scenario> {
        self.plan.get(self.case).map(|s| &**s)
    }

    /// Where the room is in the current case: what a record saves.
    pub fn state(&self) -> &SessionState {
        self.session.as_ref().map_or(&self.idle, Session::state)
    }

    pub fn current(&self) -> Vec<Event> {
        self.session.as_ref().map(Session::current).unwrap_or_default()
    }

    pub fn asked(&self) -> Option<Asked> {
        self.session.as_ref().and_then(Session::asked)
    }

    /// Whether letters are being typed as votes or counts, for the keymap.
    pub fn typing(&self) -> bool {
        matches!(self.modal, Modal::Voting | Modal::Entry { .. })
    }

    /// Whether a decision is on screen with its votes open (not yet revealed).
    pub fn asking(&self) -> bool {
        self.stage == Stage::Story && self.asked().is_some()
    }

    pub fn plan_ids(&self) -> Vec<String> {
        self.plan.iter().map(|s| s.id.clone()).collect()
    }

    /// The seconds the timer shows, while it is on a screen the room can see.
    pub fn timer_shown(&self, now: Instant) -> Option<u64> {
        (self.timer.is_shown() && self.modal != Modal::Blank).then(|| self.timer.elapsed(now).as_secs())
    }

    pub(super) fn apply(&mut self, input: Input) -> bool {
        let Some(session) = self.session.as_mut() else {
            return false;
        };
        match session.apply(input) {
            Ok(_) => true,
            Err(e) => {
                self.message = Some(e.to_string());
                false
            }
        }
    }

    /// Starts the plan's next case afresh (its own record: see `ClassroomOutcome::NewRecord`).
    pub(super) fn start_case(&mut self, case: usize) {
        let Some(scenario) = self.plan.get(case) else {
            return;
        };
        self.session = Some(fresh_session(scenario, self.seed));
        self.case = case;
    }

    /// The current decision's counts, from its tally (or one stepped back past), and the
    /// screen made ready for a new step: no vote taking, bars hidden, the timer reset.
    pub(super) fn reset_votes(&mut self) {
        self.load_votes();
        if self.typing() {
            self.modal = Modal::None;
        }
        self.show_votes = false;
        self.timer.reset();
    }

    /// The current decision's counts and respondents as last kept, or zero.
    pub(super) fn load_votes(&mut self) {
        self.votes = self
            .asked()
            .map(|a| a.options.iter().map(|o| (o.id.clone(), 0)).collect())
            .unwrap_or_default();
        self.respondents = None;
        let Some(asked) = self.asked() else { return };
        let saved = self
            .tallies
            .iter()
            .chain(self.undone.iter())
            .find(|t| t.step == asked.step)
            .cloned();
        if let Some(saved) = saved {
            for (id, n) in &mut self.votes {
                *n = saved
                    .votes
                    .iter()
                    .find(|(v, _)| v == id)
                    .map_or(0, |(_, c)| (*c).min(MAX_VOTES));
            }
            self.respondents = saved.respondents.map(|n| n.min(MAX_VOTES));
        }
    }

    /// Total votes on the current decision (ticks, on a checklist).
    pub fn total_votes(&self) -> u32 {
        self.votes.iter().fold(0u32, |sum, (_, n)| sum.saturating_add(*n))
    }

    /// Replaces the current case's run, as when stepping back.
    pub(super) fn replace_session(&mut self, session: Session) {
        self.session = Some(session);
    }

    /// The current case's run.
    pub(super) fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }
}

fn fresh_session(scenario: &Arc<Scenario>, seed: u64) -> Session {
    Session::new(Arc::clone(scenario), Settings::new(Mode::Assessment, seed))
}

fn empty_state(seed: u64) -> SessionState {
    SessionState {
        scenario_id: String::new(),
        settings: Settings::new(Mode::Assessment, seed),
        phase: Phase::Finished,
        path: Vec::new(),
        answers: Vec::new(),
        drill: false,
        early: false,
    }
}
