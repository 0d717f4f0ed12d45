//! A run: what is known so far on an in-story timeline (scrollable), the current decision
//! below it. All case logic is the engine's; this screen turns keys into engine inputs,
//! and `view` draws what the engine says is current.

mod back;
pub mod timing;
pub mod view;

use std::time::{Duration, Instant};

use timing::DecisionClock;

use ratatui_textarea::TextArea;

use super::keys::Action;
use super::widgets::{decision, rationale};
use crate::engine::{
    Asked, Event, Input, InputError, Item, Mode, PathLengths, Phase, Progress, Session, SessionState,
    Settings,
};
use crate::record::{Draft, TimeLeft, Timing};
use crate::scenario::Scenario;

pub use view::RunView;

/// Seconds between saves of a running clock's time left.
pub const SAVE_CLOCK_EVERY: u64 = 5;

pub struct RunState {
    /// The run and its case, held for the whole run: queries read it, never rebuild it.
    session: Session,
    /// Highlighted option, as an index into the shown order.
    pub cursor: usize,
    pub rationale: TextArea<'static>,
    /// The clock on the decision being asked (time taken, and time left if it is timed).
    clock: Option<DecisionClock>,
    /// Help, a dialog or a too-small terminal hides the decision: its clock stands still.
    paused: bool,
    /// The case's decisions counted along its paths, for "Decision 3 of 7".
    paths: PathLengths,
    /// The seconds left when the clock was last saved, so it is saved again every few.
    saved_left: Option<u64>,
    /// Rows scrolled up from the end of the timeline (0 follows the newest entry).
    pub scroll_back: u16,
    /// Rows scrolled in the feedback pane.
    pub feedback_scroll: u16,
    pub message: Option<String>,
    /// Enter was pressed on a checklist with nothing ticked: the next `y` submits it.
    pub confirm_empty: bool,
    /// Seconds taken on each answered decision, measured here at the edge.
    pub timings: Vec<Timing>,
    /// The rationale has changed since it was last saved.
    pub draft_dirty: bool,
    /// A drill's place and source ("Drill 2 of 8 · case · decision 3"), shown in the
    /// header in place of the case's title.
    pub drill_label: Option<String>,
}

/// What the run asks the app to do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum RunOutcome {
    None,
    /// The session state changed: save it.
    Changed {
        answered: bool,
    },
    Finished,
    AskLeave,
    AskQuit,
    /// Open the rationale in the trainee's own editor (the loop owns the terminal).
    OpenEditor(String),
}

impl RunState {
    pub fn start(scenario: Scenario, settings: Settings, now: Instant) -> Self {
        let mut run = Self::resume(Session::new(scenario, settings), now);
        if let Err(e) = run.apply(Input::Continue, now) {
            run.message = Some(e.to_string());
        }
        run
    }

    /// A run picked up from a session (resumed from a saved state, or a drill).
    pub fn resume(session: Session, now: Instant) -> Self {
        let paths = PathLengths::new(session.scenario());
        let mut run = RunState {
            session,
            cursor: 0,
            rationale: rationale::new_box(),
            clock: None,
            paused: false,
            paths,
            saved_left: None,
            scroll_back: 0,
            feedback_scroll: 0,
            message: None,
            confirm_empty: false,
            timings: Vec::new(),
            draft_dirty: false,
            drill_label: None,
        };
        run.arm_timer(now);
        run
    }

    pub fn scenario(&self) -> &Scenario {
        self.session.scenario()
    }

    pub fn state(&self) -> &SessionState {
        self.session.state()
    }

    pub fn current(&self) -> Vec<Event> {
        self.session.current()
    }

    pub fn asked(&self) -> Option<Asked> {
        self.session.asked()
    }

    pub fn feedback(&self) -> Option<Item> {
        self.current().into_iter().find_map(|e| match e {
            Event::Feedback(item) => Some(*item),
            _ => None,
        })
    }

    pub fn is_finished(&self) -> bool {
        self.state().phase == Phase::Finished
    }

    pub fn typing(&self) -> bool {
        matches!(self.state().phase, Phase::Rationale { .. })
    }

    /// Sends one input to the engine; moves past an assessment-mode review at once.
    fn apply(&mut self, input: Input, now: Instant) -> Result<Vec<Event>, InputError> {
        let session = &mut self.session;
        let mut events = session.apply(input)?;
        if session.state().settings.mode == Mode::Assessment
            && matches!(session.phase(), Phase::Reviewed { .. })
        {
            events.extend(session.apply(Input::Continue)?);
        }
        if events
            .iter()
            .any(|e| matches!(e, Event::DecisionAsked(_) | Event::Narrative { .. }))
        {
            self.cursor = events
                .iter()
                .find_map(|e| match e {
                    Event::DecisionAsked(asked) => Some(decision::first_cursor(asked)),
                    _ => None,
                })
                .unwrap_or(0);
            self.scroll_back = 0;
            self.feedback_scroll = 0;
            self.rationale = rationale::new_box();
            self.arm_timer(now);
        }
        if events.iter().any(|e| matches!(e, Event::Feedback(_))) {
            self.feedback_scroll = 0;
        }
        Ok(events)
    }

    fn arm_timer(&mut self, now: Instant) {
        self.clock = None;
        if let Phase::Deciding { .. } = self.state().phase {
            let limit = self.asked().and_then(|a| a.time_limit);
            self.clock = Some(DecisionClock::start(limit, Duration::ZERO, now, self.paused));
        }
    }

    /// Seconds left on the current decision's clock.
    pub fn remaining(&self, now: Instant) -> Option<u64> {
        if !matches!(self.state().phase, Phase::Deciding { .. }) {
            return None; // the clock stops once the decision is made
        }
        self.clock.as_ref().and_then(|c| c.seconds_left(now))
    }

    /// Stops the clock while the decision is hidden (help, a dialog, a terminal too small
    /// to show it) and starts it again after; the same value again changes nothing.
    pub fn set_paused(&mut self, paused: bool, now: Instant) {
        self.paused = paused;
        if let Some(clock) = &mut self.clock {
            clock.set_paused(paused, now);
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// The time left on the timed decision being asked, to be saved with the run.
    pub fn time_left(&self, now: Instant) -> Option<TimeLeft> {
        let Phase::Deciding { step, .. } = &self.state().phase else {
            return None;
        };
        let left = self.clock.as_ref()?.left(now)?;
        Some(TimeLeft {
            step: step.clone(),
            // tenths, rounded down: a resume never gives back time
            seconds: (left.as_secs_f64() * 10.0).floor() / 10.0,
        })
    }

    /// Puts back the time that was left when the run was saved, if it was saved on the
    /// decision now asked; a decision saved without it starts its clock afresh.
    pub fn restore_time_left(&mut self, saved: Option<&TimeLeft>, now: Instant) {
        let Phase::Deciding { step, .. } = &self.state().phase else {
            return;
        };
        let left = saved.filter(|t| &t.step == step).map(|t| t.seconds);
        let limit = self.asked().and_then(|a| a.time_limit);
        self.clock = Some(DecisionClock::resume(limit, left, now, self.paused));
    }

    /// Whether the time left should be saved now: every [`SAVE_CLOCK_EVERY`] seconds while
    /// a timed decision's clock runs, so a killed run resumes with at most that much more.
    pub fn clock_save_due(&mut self, now: Instant) -> bool {
        let Some(left) = self.remaining(now).filter(|_| !self.is_paused()) else {
            self.saved_left = None;
            return false;
        };
        let due = self
            .saved_left
            .is_some_and(|saved| saved >= left + SAVE_CLOCK_EVERY);
        if due || self.saved_left.is_none() {
            self.saved_left = Some(left);
        }
        due
    }

    /// Where the run stands among its decisions.
    pub fn progress(&self) -> Progress {
        self.paths.progress(self.scenario(), self.state())
    }

    pub fn tick(&mut self, now: Instant) -> RunOutcome {
        let expired = self.clock.as_ref().is_some_and(|c| c.expired(now));
        if expired && matches!(self.state().phase, Phase::Deciding { .. }) {
            self.message = Some("Time ran out: recorded as no decision in time.".into());
            self.send(Input::TimeUp, now)
        } else {
            RunOutcome::None
        }
    }

    fn send(&mut self, input: Input, now: Instant) -> RunOutcome {
        let answering = !matches!(input, Input::Continue | Input::Toggle(_));
        let elapsed = self.elapsed(now);
        match self.apply(input, now) {
            Ok(events) => {
                for event in &events {
                    if let (Event::Answered { step, .. }, Some(taken)) = (event, elapsed) {
                        self.timings.push(Timing {
                            step: step.clone(),
                            seconds: (taken.as_secs_f64() * 10.0).round() / 10.0,
                        });
                    }
                }
                if events.contains(&Event::Finished) {
                    return RunOutcome::Finished;
                }
                let answered = answering || events.iter().any(|e| matches!(e, Event::Answered { .. }));
                RunOutcome::Changed { answered }
            }
            Err(InputError::RationaleRequired) => {
                self.message =
                    Some("This decision asks for your rationale: type why before you go on.".into());
                RunOutcome::None
            }
            Err(e) => {
                self.message = Some(e.to_string());
                RunOutcome::None
            }
        }
    }

    pub fn handle(&mut self, action: Action, now: Instant) -> RunOutcome {
        if !matches!(
            action,
            Action::Text(_) | Action::Paste(_) | Action::ScrollUp | Action::ScrollDown
        ) {
            self.message = None;
        }
        if std::mem::take(&mut self.confirm_empty) {
            return match action {
                Action::Char('y') => self.send(Input::Submit, now),
                _ => RunOutcome::None,
            };
        }
        let phase = self.state().phase.clone();
        match action {
            Action::Quit => return RunOutcome::AskQuit,
            // Esc steps back before an answer is settled, else offers to leave
            Action::Back if matches!(phase, Phase::Rationale { .. } | Phase::Confidence { .. }) => {
                return self.back(now);
            }
            Action::Back => return RunOutcome::AskLeave,
            Action::PageUp => {
                self.scroll_back = self.scroll_back.saturating_add(5);
                return RunOutcome::None;
            }
            Action::PageDown => {
                self.scroll_back = self.scroll_back.saturating_sub(5);
                return RunOutcome::None;
            }
            Action::ScrollUp | Action::ScrollDown => {
                self.wheel(action == Action::ScrollUp);
                return RunOutcome::None;
            }
            _ => {}
        }
        match phase {
            Phase::Briefing => self.send(Input::Continue, now),
            Phase::Narrative { .. } => match action {
                Action::Enter | Action::Space | Action::Right => self.send(Input::Continue, now),
                Action::Up => {
                    self.scroll_back = self.scroll_back.saturating_add(1);
                    RunOutcome::None
                }
                Action::Down => {
                    self.scroll_back = self.scroll_back.saturating_sub(1);
                    RunOutcome::None
                }
                _ => RunOutcome::None,
            },
            Phase::Deciding { .. } => self.decide(action, now),
            Phase::Rationale { .. } => match action {
                Action::Enter => self.send(Input::Rationale(rationale::text(&self.rationale)), now),
                Action::Text(key) => {
                    self.draft_dirty |= rationale::edit(&mut self.rationale, &key);
                    RunOutcome::None
                }
                Action::Paste(text) => {
                    self.draft_dirty |= rationale::paste(&mut self.rationale, &text);
                    RunOutcome::None
                }
                Action::Editor => RunOutcome::OpenEditor(rationale::text(&self.rationale)),
                _ => RunOutcome::None,
            },
            Phase::Confidence { .. } => match action {
                Action::Char(c @ '1'..='5') => {
                    let level = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
                    self.send(Input::Confidence(level), now)
                }
                Action::Char('s') | Action::Enter => self.send(Input::Confidence(None), now),
                _ => RunOutcome::None,
            },
            Phase::Reviewed { .. } => match action {
                Action::Enter | Action::Right | Action::Space => self.send(Input::Continue, now),
                Action::Down => {
                    self.feedback_scroll = self.feedback_scroll.saturating_add(1);
                    RunOutcome::None
                }
                Action::Up => {
                    self.feedback_scroll = self.feedback_scroll.saturating_sub(1);
                    RunOutcome::None
                }
                _ => RunOutcome::None,
            },
            Phase::Finished => RunOutcome::Finished,
        }
    }

    fn decide(&mut self, action: Action, now: Instant) -> RunOutcome {
        let Some(asked) = self.asked() else {
            return RunOutcome::None;
        };
        let count = asked.options.len();
        // validation refuses a decision without options; never index into an empty list
        if count == 0 {
            return RunOutcome::None;
        }
        // the rows as drawn (a scale's highest grade first), so Up moves up the screen
        let rows = decision::display_order(&asked);
        let row = rows.iter().position(|&i| i == self.cursor).unwrap_or(0);
        let at = |row: usize| rows.get(row).copied().unwrap_or(0);
        let option_id = |i: usize| asked.options.get(i.min(count - 1)).map(|o| o.id.clone());
        match action {
            Action::Up => self.cursor = at(row.saturating_sub(1)),
            Action::Down => self.cursor = at((row + 1).min(count - 1)),
            Action::Home => self.cursor = at(0),
            Action::End => self.cursor = at(count - 1),
            Action::Char(c @ '1'..='9') => {
                let n = c.to_digit(10).unwrap_or(1) as usize;
                if (1..=count).contains(&n) {
                    self.cursor = n - 1;
                    if decision::ticks(asked.kind)
                        && let Some(id) = option_id(n - 1)
                    {
                        return self.send(Input::Toggle(id), now);
                    }
                }
            }
            Action::Space if decision::ticks(asked.kind) => {
                if let Some(id) = option_id(self.cursor) {
                    return self.send(Input::Toggle(id), now);
                }
            }
            Action::Enter if decision::ticks(asked.kind) && asked.ticked.is_empty() => {
                self.confirm_empty = true;
                self.message = Some(
                    "Nothing ticked. Submit with nothing ticked? y: submit · any other key: go back".into(),
                );
            }
            Action::Enter => {
                if let Some(id) = option_id(self.cursor) {
                    return self.send(decision::enter(asked.kind, id), now);
                }
            }
            _ => {}
        }
        RunOutcome::None
    }

    /// What the header names: a drill's label, else the case's title.
    pub fn header_title(&self) -> &str {
        self.drill_label.as_deref().unwrap_or(&self.scenario().title)
    }

    /// The rationale being typed, while the run waits for one.
    pub fn draft(&self) -> Option<Draft> {
        match &self.state().phase {
            Phase::Rationale { step } => {
                let text = rationale::text(&self.rationale);
                (!text.trim().is_empty()).then(|| Draft {
                    step: step.clone(),
                    text,
                })
            }
            _ => None,
        }
    }

    /// Puts a saved draft back in the rationale box, if it belongs to the step being asked.
    pub fn restore_draft(&mut self, draft: Option<&Draft>) {
        if let (Some(draft), Phase::Rationale { step }) = (draft, &self.state().phase)
            && &draft.step == step
        {
            self.rationale = rationale::with_text(&draft.text);
        }
    }

    /// Time the current decision has been in front of the trainee (pauses left out).
    pub fn elapsed(&self, now: Instant) -> Option<Duration> {
        self.clock.as_ref().map(|c| c.spent(now))
    }
}
