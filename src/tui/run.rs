//! A run: what is known so far on an in-story timeline (scrollable), the current decision
//! below it. All case logic is the engine's; this screen turns keys into engine inputs,
//! and `view` draws what the engine says is current.

pub mod view;

use std::time::{Duration, Instant};

use ratatui_textarea::{TextArea, WrapMode};

use super::keys::Action;
use super::widgets::decision;
use crate::engine::{Asked, Event, Input, InputError, Item, Mode, Phase, Session, SessionState, Settings};
use crate::record::{Draft, Timing};
use crate::scenario::Scenario;

pub use view::RunView;

pub struct RunState {
    /// The run and its case, held for the whole run: queries read it, never rebuild it.
    session: Session,
    /// Highlighted option, as an index into the shown order.
    pub cursor: usize,
    pub rationale: TextArea<'static>,
    /// When the current decision's time limit runs out.
    pub deadline: Option<Instant>,
    /// When the current decision was first shown, to record time taken.
    pub asked_at: Option<Instant>,
    /// Rows scrolled up from the end of the timeline (0 follows the newest entry).
    pub scroll_back: u16,
    /// Rows scrolled in the feedback pane.
    pub feedback_scroll: u16,
    pub message: Option<String>,
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
        let mut run = RunState {
            session,
            cursor: 0,
            rationale: new_textarea(),
            deadline: None,
            asked_at: None,
            scroll_back: 0,
            feedback_scroll: 0,
            message: None,
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
            self.rationale = new_textarea();
            self.arm_timer(now);
        }
        if events.iter().any(|e| matches!(e, Event::Feedback(_))) {
            self.feedback_scroll = 0;
        }
        Ok(events)
    }

    fn arm_timer(&mut self, now: Instant) {
        self.deadline = None;
        self.asked_at = None;
        if let Phase::Deciding { .. } = self.state().phase {
            self.asked_at = Some(now);
            if let Some(limit) = self.asked().and_then(|a| a.time_limit) {
                self.deadline = Some(now + Duration::from_secs(u64::from(limit)));
            }
        }
    }

    /// Seconds left on the current decision's clock.
    pub fn remaining(&self, now: Instant) -> Option<u64> {
        if !matches!(self.state().phase, Phase::Deciding { .. }) {
            return None; // the clock stops once the decision is made
        }
        self.deadline
            .map(|d| d.saturating_duration_since(now).as_secs_f64().ceil() as u64)
    }

    pub fn tick(&mut self, now: Instant) -> RunOutcome {
        match self.deadline {
            Some(deadline) if now >= deadline && matches!(self.state().phase, Phase::Deciding { .. }) => {
                self.deadline = None;
                self.message = Some("Time ran out: recorded as no decision in time.".into());
                self.send(Input::TimeUp, now)
            }
            _ => RunOutcome::None,
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
        if !matches!(action, Action::Text(_)) {
            self.message = None;
        }
        match action {
            Action::Quit => return RunOutcome::AskQuit,
            Action::Back => return RunOutcome::AskLeave,
            Action::PageUp => {
                self.scroll_back = self.scroll_back.saturating_add(5);
                return RunOutcome::None;
            }
            Action::PageDown => {
                self.scroll_back = self.scroll_back.saturating_sub(5);
                return RunOutcome::None;
            }
            _ => {}
        }
        match self.state().phase.clone() {
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
                Action::Enter => {
                    let text = self.rationale.lines().join("\n");
                    self.send(Input::Rationale(text), now)
                }
                Action::Text(key) => {
                    if self.rationale.input(key) {
                        self.draft_dirty = true;
                    }
                    RunOutcome::None
                }
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

    /// The number of this decision among those reached so far (1-based).
    pub fn decision_number(&self) -> usize {
        self.state()
            .path
            .iter()
            .filter(|id| self.scenario().decision(id).is_some())
            .count()
    }

    /// The rationale being typed, while the run waits for one.
    pub fn draft(&self) -> Option<Draft> {
        match &self.state().phase {
            Phase::Rationale { step } => {
                let text = self.rationale.lines().join("\n");
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
            self.rationale = new_textarea();
            self.rationale.insert_str(&draft.text);
        }
    }

    /// Time since the current decision was shown.
    pub fn elapsed(&self, now: Instant) -> Option<Duration> {
        self.asked_at.map(|t| now.saturating_duration_since(t))
    }
}

pub(crate) fn new_textarea() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_wrap_mode(WrapMode::Word);
    area.set_placeholder_text("Type why you chose as you did…");
    area
}
