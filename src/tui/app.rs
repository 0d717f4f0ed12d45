//! The application state: which screen is showing, the overlay over it, and the routing
//! of actions. It decides nothing about a case; the engine does. Drawing is in `view`;
//! what it needs from outside (records, the date, seeds) is in `store`.

mod clock;
mod debrief;
mod drill;
mod input;
mod store;
mod view;

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use store::{Clock, HistoryCache, NoStore, RunStore, SystemClock};

use super::briefing::{BriefingOutcome, BriefingState};
use super::debrief::DebriefState;
use super::frontend::FrontEnd;
use super::history::{HistoryOutcome, HistoryState};
use super::keys::Action;
use super::library::{LibraryOutcome, LibraryState};
use super::run::{RunOutcome, RunState};
use super::theme::Palette;
use super::widgets::is_too_small;
use super::widgets::scroll::Scroll;
use crate::analysis::drill::DrillTarget;
use crate::engine::{Mode, Settings, Timers};
use crate::record::Record;
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

pub struct App {
    pub scenarios: Vec<Scenario>,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub theme: Palette,
    /// The time of the last action or tick: when a run begun now started.
    pub now: Instant,
    pub should_quit: bool,
    pub mode: Mode,
    pub confidence: bool,
    /// Standard limits, extra time or no timers (`--extra-time`, `--no-timers`, or `t` on
    /// the briefing), for runs begun from now on.
    pub timers: Timers,
    /// A fixed seed for every run (`--seed`), else a fresh one per run.
    pub seed: Option<u64>,
    pub store: Box<dyn RunStore>,
    pub status: Option<String>,
    /// The terminal's size, so keys can behave when it is too small.
    area: Rect,
    /// Today's date and fresh seeds.
    pub clock: Box<dyn Clock>,
    /// The trainee's time zone, for history times and drill days; set by the command line
    /// (UTC until then, so tests do not depend on the machine's zone).
    pub zone: jiff::tz::TimeZone,
    /// The case whose briefing is home (the author's preview of one file): leaving a run,
    /// a debrief or the briefing goes there instead of to the library.
    pub home_case: Option<String>,
    /// History rows and trends, kept until the records change.
    pub history: HistoryCache,
    /// The countdown's seconds as last drawn, so a tick redraws only when they change.
    shown_countdown: Option<u64>,
    /// The LRS sending state as last drawn (`sync_status`), so a change redraws.
    shown_sync: Option<String>,
    /// Decisions still to re-ask in this drill, in order.
    pub drill: std::collections::VecDeque<DrillTarget>,
    /// How many this drill holds, and how many have been asked so far.
    pub drill_total: usize,
    pub drilled: usize,
    /// Quit once the first frame is drawn (the start-up benchmark).
    pub exit_after_first_frame: bool,
    /// Opens the records folder after the first frame, so the library appears at once.
    pub open_store_later: Option<StoreOpener>,
    /// Where the help overlay is scrolled to.
    pub help_scroll: Scroll,
    /// The rationale waiting to be opened in the trainee's editor (the loop does it).
    pub editor_request: Option<String>,
}

/// Opens the run store; deferred until the first frame is on screen.
pub type StoreOpener = Box<dyn FnOnce() -> Box<dyn RunStore>>;

impl App {
    pub fn new(scenarios: Vec<Scenario>, theme: Palette, now: Instant) -> Self {
        App {
            scenarios,
            screen: Screen::Library(LibraryState::default()),
            overlay: None,
            theme,
            now,
            should_quit: false,
            mode: Mode::Practice,
            confidence: false,
            timers: Timers::Standard,
            seed: None,
            store: Box::new(NoStore),
            status: None,
            area: Rect::new(0, 0, 80, 24),
            clock: Box::new(SystemClock),
            zone: jiff::tz::TimeZone::UTC,
            home_case: None,
            history: HistoryCache::default(),
            shown_countdown: None,
            shown_sync: None,
            drill: Default::default(),
            drill_total: 0,
            drilled: 0,
            exit_after_first_frame: false,
            open_store_later: None,
            editor_request: None,
            help_scroll: Scroll::default(),
        }
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// Opens a case's briefing (from the library, or `lessons play ID`).
    pub fn open(&mut self, id: &str) {
        if self.scenario(id).is_some() {
            let mut briefing = BriefingState::new(id.to_string(), self.mode, self.confidence);
            briefing.timers = self.timers;
            self.screen = Screen::Briefing(briefing);
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
            Screen::Debrief(d) => d.typing(),
            _ => false,
        }
    }

    /// Opens the records folder if that was left until the first frame was on screen.
    fn open_deferred_store(&mut self) -> bool {
        let Some(open) = self.open_store_later.take() else {
            return false;
        };
        self.store = open();
        self.history.forget();
        true
    }

    /// Time has passed: saves a typed draft, runs the countdown. Returns whether anything
    /// on screen changed.
    fn advance(&mut self, now: Instant) -> bool {
        self.now = now;
        let status = self.status_line();
        if let Screen::Run(run) = &mut self.screen
            && run.draft_dirty
        {
            // typed words are saved within a tick, not only when the rationale is submitted
            run.draft_dirty = false;
            if let Err(e) = self.store.save(run, now) {
                self.status = Some(e);
            }
        }
        self.pause_clock(now);
        self.save_clock(now);
        let mut changed = self.status_line() != status;
        let countdown = match &self.screen {
            Screen::Run(run) => run.remaining(now),
            _ => None,
        };
        if countdown != self.shown_countdown {
            self.shown_countdown = countdown;
            changed = true;
        }
        if self.overlay.is_none()
            && let Screen::Run(run) = &mut self.screen
        {
            let outcome = run.tick(now);
            if outcome != RunOutcome::None {
                self.after_run(outcome);
                changed = true;
            }
        }
        changed
    }

    fn route(&mut self, action: Action) {
        if action == Action::ForceQuit {
            self.should_quit = true;
            return;
        }
        if is_too_small(self.area) && action == Action::Quit {
            self.should_quit = true;
            return;
        }
        if let Some(overlay) = self.overlay {
            self.handle_overlay(overlay, action);
            return;
        }
        // while typing, `?` is text and only F1 asks for help
        if action == Action::Help {
            self.overlay = Some(Overlay::Help);
            self.help_scroll.to_top();
            return;
        }
        let action = self.wheel(action);
        self.status = None;
        let now = self.now;
        match &mut self.screen {
            Screen::Library(library) => match library.handle(action, &self.scenarios) {
                LibraryOutcome::Open(id) => self.open(&id),
                LibraryOutcome::Continue => match self.store.unfinished().cloned() {
                    Some(record) => self.resume_record(record),
                    None => self.status = Some("There is no unfinished run to continue.".into()),
                },
                LibraryOutcome::History => self.screen = Screen::History(HistoryState::default()),
                LibraryOutcome::Drill => self.drill_from_library(false),
                LibraryOutcome::DrillNow => self.drill_from_library(true),
                LibraryOutcome::Quit => self.should_quit = true,
                LibraryOutcome::None => {}
            },
            Screen::Briefing(briefing) => match briefing.handle(action) {
                BriefingOutcome::Begin => {
                    let (id, mode, confidence) =
                        (briefing.scenario_id.clone(), briefing.mode, briefing.confidence);
                    self.mode = mode;
                    self.confidence = confidence;
                    self.timers = briefing.timers;
                    self.begin(&id);
                }
                BriefingOutcome::Back => self.go_home(),
                BriefingOutcome::Quit => self.should_quit = true,
                BriefingOutcome::None => {}
            },
            Screen::Run(run) => {
                let outcome = run.handle(action, now);
                self.after_run(outcome);
            }
            Screen::Debrief(debrief) => {
                let outcome = debrief.handle(action);
                self.after_debrief(outcome);
            }
            Screen::History(history) => match history.handle(action, self.history.rows.len()) {
                HistoryOutcome::Back => self.go_home(),
                HistoryOutcome::Open(index) => {
                    let selected = history.selected;
                    self.open_past_run(index, selected)
                }
                HistoryOutcome::Quit => self.should_quit = true,
                HistoryOutcome::None => {}
            },
        }
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
                run.restore_time_left(record.time_left.as_ref(), self.now);
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
        let seed = self.seed.unwrap_or_else(|| self.clock.fresh_seed());
        let mut settings = Settings::new(self.mode, seed);
        settings.ask_confidence = self.confidence;
        settings.timers = self.timers;
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
                let mut state = DebriefState::new(run.scenario().clone(), debrief);
                state.record_id = self.store.current_id();
                // a run just finished: leaving its debrief offers the reflection once
                state.offer_reflection = true;
                self.screen = Screen::Debrief(Box::new(state));
            }
            RunOutcome::AskLeave => self.overlay = Some(Overlay::ConfirmLeave { quit: false }),
            RunOutcome::AskQuit => self.overlay = Some(Overlay::ConfirmLeave { quit: true }),
            RunOutcome::OpenEditor(text) => self.editor_request = Some(text),
        }
    }

    /// Back to where the app starts: the library, or the home case's briefing.
    pub(super) fn go_home(&mut self) {
        match self.home_case.clone() {
            Some(id) if self.scenario(&id).is_some() => self.open(&id),
            _ => self.screen = Screen::Library(LibraryState::default()),
        }
    }
}

impl FrontEnd for App {
    fn typing(&self) -> bool {
        App::typing(self)
    }

    fn handle(&mut self, action: Action, now: Instant) {
        // a key pressed before the deferred records are open waits for them
        self.open_deferred_store();
        self.now = now;
        self.route(action);
        self.pause_clock(now);
        if matches!(self.screen, Screen::History(_)) {
            self.history
                .refresh(self.store.as_ref(), &self.scenarios, &self.zone);
        }
    }

    fn tick(&mut self, now: Instant) -> bool {
        if self.exit_after_first_frame {
            // the first frame is drawn before the first tick (the start-up benchmark)
            self.should_quit = true;
            return false;
        }
        let opened = self.open_deferred_store();
        let sync = self.store.sync_status();
        let synced = sync != self.shown_sync;
        self.shown_sync = sync;
        self.advance(now) || opened || synced
    }

    fn resized(&mut self, area: Rect) {
        self.area = area;
        self.pause_clock(self.now);
    }

    fn should_quit(&self) -> bool {
        self.should_quit
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        App::draw(self, area, buf, now);
    }

    fn leave(&mut self) {
        self.store.leave();
    }

    fn take_edit_request(&mut self) -> Option<String> {
        self.editor_request.take()
    }

    fn edited(&mut self, result: Result<String, String>, now: Instant) {
        self.now = now;
        App::edited(self, result);
    }
}
