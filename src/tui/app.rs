//! The application state: which screen is showing, the overlay over it, and the routing
//! of actions. It decides nothing about a case; the engine does.

use std::cell::Cell;
use std::collections::HashMap;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::Widget;

use super::briefing::{BriefingOutcome, BriefingState, BriefingView};
use super::debrief::{DebriefOutcome, DebriefState, DebriefView};
use super::help;
use super::history::{HistoryOutcome, HistoryState, HistoryView};
use super::keys::Action;
use super::library::{LibraryOutcome, LibraryState, LibraryView, Progress};
use super::run::{RunOutcome, RunState, RunView};
use super::theme::Theme;
use super::ui::{centered, is_too_small, modal, render_too_small};
use crate::analysis::drill::DrillItem;
use crate::engine::{Mode, Settings};
use crate::record::{Record, Skipped};
use crate::scenario::Scenario;
use crate::scenario::text::echo;

pub enum Screen {
    Library(LibraryState),
    Briefing(BriefingState),
    Run(Box<RunState>),
    Debrief(Box<DebriefState>),
    History(HistoryState),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// Asks before leaving an unfinished run: to the library, or out of the program.
    ConfirmLeave {
        quit: bool,
    },
}

/// Where the app keeps runs: records on disk in the real program, nothing in tests.
pub trait RunStore {
    /// Saves the run after a change. An error is shown, and the run goes on.
    fn save(&mut self, run: &RunState, now: Instant) -> Result<(), String>;
    /// Progress per scenario id, for the library.
    fn progress(&self) -> HashMap<String, Progress> {
        HashMap::new()
    }
    /// A message for the library header (an unfinished run, a records warning).
    fn notice(&self) -> Option<String> {
        None
    }
    /// Whether runs are really kept, so the leave dialog tells the truth.
    fn keeps_runs(&self) -> bool {
        false
    }
    /// The most recent unfinished run that can be resumed, to offer in the library.
    fn unfinished(&self) -> Option<Record> {
        None
    }
    /// The run on screen now continues this record.
    fn resumed(&mut self, _record: &Record) {}
    /// A new run has begun: its first save starts a new record.
    fn begin_run(&mut self) {}
    /// Why the run on screen is not on disk, while the last save failed.
    fn save_problem(&self) -> Option<String> {
        None
    }
    /// Every record, oldest first, and the files that could not be read.
    fn history(&self) -> (Vec<Record>, Vec<Skipped>) {
        (Vec::new(), Vec::new())
    }
    /// The program is ending (a quit or a signal): leave the run on disk as one
    /// self-contained file rather than a record plus its journal.
    fn leave(&mut self) {}
}

/// Keeps nothing: for tests and for `--no-records`.
pub struct NoStore;

impl RunStore for NoStore {
    fn save(&mut self, _run: &RunState, _now: Instant) -> Result<(), String> {
        Ok(())
    }
}

pub struct App {
    pub scenarios: Vec<Scenario>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub theme: Theme,
    pub now: Instant,
    pub should_quit: bool,
    pub mode: Mode,
    pub confidence: bool,
    /// A fixed seed for every run (`--seed`), else a fresh one per run.
    pub seed: Option<u64>,
    pub store: Box<dyn RunStore>,
    pub status: Option<String>,
    /// The size of the last frame, so keys can behave when the terminal is too small.
    pub area: Cell<Rect>,
    /// Decisions still to re-ask in this drill, in order.
    pub drill: Vec<DrillItem>,
    pub drilled: usize,
    /// Quit once the first frame is drawn (the start-up benchmark).
    pub exit_after_first_frame: bool,
    /// Opens the records folder after the first frame, so the library appears at once.
    pub open_store_later: Option<StoreOpener>,
    /// The trainee's time zone, for history times and drill days; set by the command line
    /// (UTC until then, so tests do not depend on the machine's zone).
    pub zone: jiff::tz::TimeZone,
}

/// Opens the run store; deferred until the first frame is on screen.
pub type StoreOpener = Box<dyn FnOnce() -> Box<dyn RunStore>>;

impl App {
    pub fn new(scenarios: Vec<Scenario>, theme: Theme, now: Instant) -> Self {
        App {
            scenarios,
            screen: Screen::Library(LibraryState::default()),
            overlay: None,
            theme,
            now,
            should_quit: false,
            mode: Mode::Practice,
            confidence: false,
            seed: None,
            store: Box::new(NoStore),
            status: None,
            area: Cell::new(Rect::new(0, 0, 80, 24)),
            drill: Vec::new(),
            drilled: 0,
            exit_after_first_frame: false,
            open_store_later: None,
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Opens a case's briefing (from the library, or `lessons play ID`).
    pub fn open(&mut self, id: &str) {
        if self.scenario(id).is_some() {
            self.screen = Screen::Briefing(BriefingState::new(id.to_string(), self.mode, self.confidence));
        }
    }

    /// Puts a resumed run on screen.
    pub fn resume(&mut self, run: RunState) {
        self.screen = Screen::Run(Box::new(run));
    }

    pub fn typing(&self) -> bool {
        if self.overlay.is_some() {
            return false;
        }
        match &self.screen {
            Screen::Library(l) => l.typing(),
            Screen::Run(r) => r.typing(),
            _ => false,
        }
    }

    pub fn tick(&mut self, now: Instant) {
        self.now = now;
        if let Screen::Run(run) = &mut self.screen
            && run.draft_dirty
        {
            // typed words are saved within a tick, not only when the rationale is submitted
            run.draft_dirty = false;
            if let Err(e) = self.store.save(run, now) {
                self.status = Some(e);
            }
        }
        if self.overlay.is_some() {
            return;
        }
        if let Screen::Run(run) = &mut self.screen {
            let outcome = run.tick(now);
            self.after_run(outcome);
        }
    }

    pub fn handle(&mut self, action: Action) {
        if action == Action::ForceQuit {
            self.should_quit = true;
            return;
        }
        if is_too_small(self.area.get()) && action == Action::Quit {
            self.should_quit = true;
            return;
        }
        if let Some(overlay) = self.overlay {
            self.handle_overlay(overlay, action);
            return;
        }
        if action == Action::Help && !self.typing() {
            self.overlay = Some(Overlay::Help);
            return;
        }
        self.status = None;
        let now = self.now;
        match &mut self.screen {
            Screen::Library(library) => match library.handle(action, &self.scenarios) {
                LibraryOutcome::Open(id) => self.open(&id),
                LibraryOutcome::Continue => match self.store.unfinished() {
                    Some(record) => self.resume_record(record),
                    None => self.status = Some("There is no unfinished run to continue.".into()),
                },
                LibraryOutcome::History => self.screen = Screen::History(HistoryState::default()),
                LibraryOutcome::Drill => {
                    let (records, _) = self.store.history();
                    let today = crate::record::Stamp::now().local_day(&self.zone);
                    let plan = crate::analysis::drill::schedule(&records, &self.scenarios, today, &self.zone);
                    if plan.due.is_empty() {
                        self.status = Some(match plan.later.len() {
                            0 => "Nothing to drill: decisions you miss come back here on later days."
                                .to_string(),
                            n => format!("Nothing to drill today; {n} decision(s) come back on later days."),
                        });
                    } else {
                        self.start_drill(plan.due);
                    }
                }
                LibraryOutcome::Quit => self.should_quit = true,
                LibraryOutcome::None => {}
            },
            Screen::Briefing(briefing) => match briefing.handle(action) {
                BriefingOutcome::Begin => {
                    let (id, mode, confidence) =
                        (briefing.scenario_id.clone(), briefing.mode, briefing.confidence);
                    self.mode = mode;
                    self.confidence = confidence;
                    self.begin(&id);
                }
                BriefingOutcome::Back => self.show_library(),
                BriefingOutcome::Quit => self.should_quit = true,
                BriefingOutcome::None => {}
            },
            Screen::Run(run) => {
                let outcome = run.handle(action, now);
                self.after_run(outcome);
            }
            Screen::Debrief(debrief) => match debrief.handle(action) {
                DebriefOutcome::Back => self.show_library(),
                DebriefOutcome::Quit => self.should_quit = true,
                DebriefOutcome::None => {}
            },
            Screen::History(history) => {
                let rows = self.store.history().0.len();
                match history.handle(action, rows) {
                    HistoryOutcome::Back => self.show_library(),
                    HistoryOutcome::Open(index) => self.open_past_run(index),
                    HistoryOutcome::Quit => self.should_quit = true,
                    HistoryOutcome::None => {}
                }
            }
        }
    }

    /// The debrief of a past run, as far as it went (rows are newest first).
    fn open_past_run(&mut self, index: usize) {
        let (records, _) = self.store.history();
        let Some(record) = records.iter().rev().nth(index) else {
            return;
        };
        let Some(scenario) = self.scenario(&record.scenario_id).cloned() else {
            self.status = Some("That case is no longer in the library.".into());
            return;
        };
        if record.kind == crate::record::RecordKind::Group {
            self.status = Some("A classroom session: `lessons report` shows the room's choices.".into());
            return;
        }
        let debrief = crate::engine::assess(&scenario, &record.session.answers);
        self.screen = Screen::Debrief(Box::new(DebriefState::new(scenario, debrief)));
    }

    /// Starts re-asking these decisions, one run each.
    pub fn start_drill(&mut self, items: Vec<DrillItem>) {
        self.drill = items;
        self.drilled = 0;
        self.next_drill();
    }

    fn next_drill(&mut self) {
        while !self.drill.is_empty() {
            let item = self.drill.remove(0);
            let Some(scenario) = self.scenario(&item.scenario_id).cloned() else {
                continue;
            };
            let settings = Settings::new(Mode::Practice, self.seed.unwrap_or_else(rand::random));
            let Some(session) = crate::engine::Session::drill(scenario, settings, &item.step) else {
                continue;
            };
            self.store.begin_run();
            self.drilled += 1;
            let mut run = RunState::resume(session, self.now);
            run.message = Some(format!("Drill {}: a decision you missed before.", self.drilled));
            self.screen = Screen::Run(Box::new(run));
            return;
        }
        let done = self.drilled;
        self.show_library();
        self.status = Some(format!(
            "Drill complete: {done} decision(s) re-asked. They return on a widening schedule until learnt."
        ));
    }

    /// Continues a saved run, unless its case has changed since it was recorded.
    pub fn resume_record(&mut self, record: Record) {
        let Some(scenario) = self.scenario(&record.scenario_id).cloned() else {
            self.status = Some(format!(
                "The case `{}` is no longer in the library, so this run cannot be continued.",
                echo(&record.scenario_id)
            ));
            return;
        };
        if !crate::record::is_valid_id(&record.id) {
            self.status = Some(format!(
                "This run cannot be continued: {}.",
                crate::record::RecordError::BadId(record.id.clone())
            ));
            return;
        }
        if !record.matches(&scenario) {
            self.status = Some(format!(
                "“{}” has changed since this run was recorded, so it cannot be continued exactly. Your answers stay in the record; start the case again.",
                scenario.title
            ));
            return;
        }
        match crate::engine::Session::resume(scenario, record.session.clone()) {
            Ok(session) => {
                let mut run = RunState::resume(session, self.now);
                run.timings = record.timings.clone();
                run.restore_draft(record.draft.as_ref());
                self.store.resumed(&record);
                self.screen = Screen::Run(Box::new(run));
            }
            Err(e) => self.status = Some(format!("This run cannot be continued: {e}.")),
        }
    }

    fn begin(&mut self, id: &str) {
        let Some(scenario) = self.scenario(id).cloned() else {
            return;
        };
        let seed = self.seed.unwrap_or_else(rand::random);
        let mut settings = Settings::new(self.mode, seed);
        settings.ask_confidence = self.confidence;
        let run = RunState::start(scenario, settings, self.now);
        // a new run, even of the same case with the same seed: never the last run's record
        self.store.begin_run();
        self.screen = Screen::Run(Box::new(run));
        self.after_run(RunOutcome::Changed { answered: false });
    }

    fn after_run(&mut self, outcome: RunOutcome) {
        let Screen::Run(run) = &mut self.screen else {
            return;
        };
        match outcome {
            RunOutcome::None => {}
            RunOutcome::Changed { .. } => {
                if let Err(e) = self.store.save(run, self.now) {
                    self.status = Some(e);
                }
            }
            RunOutcome::Finished => {
                if let Err(e) = self.store.save(run, self.now) {
                    self.status = Some(e);
                }
                if run.state().drill {
                    self.next_drill();
                    return;
                }
                let debrief = crate::engine::assess(run.scenario(), &run.state().answers);
                let scenario = run.scenario().clone();
                self.screen = Screen::Debrief(Box::new(DebriefState::new(scenario, debrief)));
            }
            RunOutcome::AskLeave => self.overlay = Some(Overlay::ConfirmLeave { quit: false }),
            RunOutcome::AskQuit => self.overlay = Some(Overlay::ConfirmLeave { quit: true }),
        }
    }

    fn handle_overlay(&mut self, overlay: Overlay, action: Action) {
        match overlay {
            Overlay::Help => {
                if matches!(action, Action::Back | Action::Help | Action::Enter | Action::Quit) {
                    self.overlay = None;
                }
            }
            Overlay::ConfirmLeave { quit } => match action {
                Action::Char('y') | Action::Enter => {
                    self.overlay = None;
                    if quit {
                        self.should_quit = true;
                    } else {
                        self.show_library();
                    }
                }
                Action::Char('n') | Action::Back | Action::Quit => self.overlay = None,
                _ => {}
            },
        }
    }

    fn show_library(&mut self) {
        self.screen = Screen::Library(LibraryState::default());
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.area.set(area);
        let theme = &self.theme;
        buf.set_style(area, theme.base);
        if is_too_small(area) {
            render_too_small(area, buf, theme);
            return;
        }
        match &self.screen {
            Screen::Library(state) => {
                let progress = self.store.progress();
                let lookup = |id: &str| progress.get(id).cloned().unwrap_or_default();
                let notice = self
                    .status
                    .clone()
                    .or_else(|| self.store.save_problem())
                    .or_else(|| self.store.notice());
                LibraryView {
                    state,
                    scenarios: &self.scenarios,
                    progress: &lookup,
                    theme,
                    notice: notice.as_deref(),
                }
                .render(area, buf)
            }
            Screen::Briefing(state) => {
                if let Some(scenario) = self.scenario(&state.scenario_id) {
                    BriefingView {
                        state,
                        scenario,
                        theme,
                    }
                    .render(area, buf)
                }
            }
            Screen::Run(run) => RunView {
                run,
                theme,
                now: self.now,
            }
            .render(area, buf),
            Screen::Debrief(state) => DebriefView { state, theme }.render(area, buf),
            Screen::History(state) => {
                let (records, skipped) = self.store.history();
                let rows = crate::analysis::history::rows(&records, &self.scenarios, &self.zone);
                let trends = crate::analysis::history::theme_trends(&records, &self.scenarios);
                HistoryView {
                    state,
                    rows: &rows,
                    trends: &trends,
                    skipped: &skipped,
                    theme,
                }
                .render(area, buf)
            }
        }
        // a failed save stays on the status line until a save works again
        if let Some(status) = self.status.clone().or_else(|| self.store.save_problem())
            && !matches!(self.screen, Screen::Library(_))
        {
            let line = Rect::new(area.x, area.y, area.width, 1);
            Line::styled(status, theme.warning).render(line, buf);
        }
        match self.overlay {
            Some(Overlay::Help) => {
                let box_area = centered(area, 72, area.height.saturating_sub(2));
                modal(box_area, buf, "Help", help::text(&self.screen, theme), theme);
            }
            Some(Overlay::ConfirmLeave { quit }) => {
                let what = if quit {
                    "Quit lessons?"
                } else {
                    "Leave this run for the library?"
                };
                let body = Text::from(vec![
                    Line::styled(what, theme.heading),
                    Line::from(""),
                    Line::from(if !self.store.keeps_runs() {
                        "Runs are not being saved, so this run's answers will be lost."
                    } else if self.store.save_problem().is_some() {
                        "The last save FAILED: answers since the last good save will be lost."
                    } else {
                        "Your answers so far are saved; you can resume this run from the library."
                    }),
                    Line::from(""),
                    Line::from(vec![
                        Span::styled("y", theme.key),
                        Span::raw(" / Enter: yes    "),
                        Span::styled("n", theme.key),
                        Span::raw(" / Esc: stay"),
                    ]),
                ]);
                modal(centered(area, 56, 9), buf, "Leave the run", body, theme);
            }
            None => {}
        }
    }
}
