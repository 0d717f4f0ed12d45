//! `lessons preview FILE --watch`: the full-screen player on one scenario file, reloaded
//! whenever the file is saved. While the file is broken its errors show in place of the
//! scenario; once it is fixed, play resumes where it was if that step still exists. The
//! case's briefing is the app's home, so leaving a run comes back to it, not to a library.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::frontend::FrontEnd;
use super::keys::Action;
use super::run::RunState;
use super::theme::Palette;
use super::widgets::{clean, is_too_small, key_bar, panel, render_too_small, with_key_bar};
use crate::engine::{Phase, Session, SessionState};
use crate::scenario::{Diagnostic, Scenario, load_file};

pub struct Preview {
    pub path: PathBuf,
    pub watch: bool,
    pub app: App,
    /// The errors (and warnings) of the file as last read; the player is hidden while any is an error.
    pub diagnostics: Vec<Diagnostic>,
    stamp: Option<(SystemTime, u64)>,
    pub reloads: usize,
}

fn file_stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Preview {
    pub fn open(path: &Path, watch: bool, theme: Palette, now: Instant) -> Self {
        let mut preview = Preview {
            path: path.to_path_buf(),
            watch,
            app: App::new(Vec::new(), theme, now),
            diagnostics: Vec::new(),
            stamp: file_stamp(path),
            reloads: 0,
        };
        preview.load(now);
        preview
    }

    pub fn is_broken(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn load(&mut self, now: Instant) {
        let entry = load_file(&self.path);
        self.diagnostics = entry.diagnostics;
        let Some(scenario) = entry.scenario else { return };
        let previous = match &self.app.screen {
            Screen::Run(run) => Some(run.state().clone()),
            _ => None,
        };
        let id = scenario.id.clone();
        self.app.scenarios = vec![scenario.clone()];
        self.app.home_case = Some(id.clone());
        match previous {
            Some(state) => match keep_place(scenario, state) {
                Some(session) => {
                    let mut run = RunState::resume(session, now);
                    run.message = Some("Reloaded; you are where you were.".into());
                    self.app.resume(run);
                }
                None => {
                    self.app.open(&id);
                    self.app.status =
                        Some("Reloaded; your step no longer exists, so the case starts again.".into());
                }
            },
            None => {
                if !matches!(self.app.screen, Screen::Briefing(_)) {
                    self.app.open(&id);
                }
            }
        }
    }

    /// Reloads when the file's time or size has changed. Returns whether it did.
    pub fn reload_if_changed(&mut self, now: Instant) -> bool {
        let stamp = file_stamp(&self.path);
        if !self.watch || stamp == self.stamp {
            return false;
        }
        self.stamp = stamp;
        self.reloads += 1;
        self.load(now);
        true
    }
}

impl FrontEnd for Preview {
    fn typing(&self) -> bool {
        self.app.typing() && !self.is_broken()
    }

    fn handle(&mut self, action: Action, now: Instant) {
        if self.is_broken() {
            if matches!(action, Action::Quit | Action::ForceQuit) {
                self.app.should_quit = true;
            }
            return;
        }
        self.app.handle(action, now);
    }

    fn tick(&mut self, now: Instant) -> bool {
        let app = self.app.tick(now);
        self.reload_if_changed(now) || app
    }

    fn resized(&mut self, area: Rect) {
        self.app.resized(area);
    }

    fn should_quit(&self) -> bool {
        self.app.should_quit
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        if self.is_broken() {
            self.draw_errors(area, buf);
        } else {
            self.app.draw(area, buf, now);
        }
    }

    fn leave(&mut self) {
        self.app.leave();
    }

    fn take_edit_request(&mut self) -> Option<String> {
        self.app.take_edit_request()
    }

    fn edited(&mut self, result: Result<String, String>, now: Instant) {
        FrontEnd::edited(&mut self.app, result, now);
    }
}

/// The run resumed on the edited scenario: answers to steps or options that are gone are
/// dropped; `None` when the step in view is gone.
fn keep_place(scenario: Scenario, mut state: SessionState) -> Option<Session> {
    if state.check_fits(&scenario).is_ok() {
        return Session::resume(scenario, state).ok();
    }
    state.scenario_id = scenario.id.clone();
    state.path.retain(|id| scenario.step_index(id).is_some());
    state.answers.retain(|a| {
        scenario
            .decision(&a.step)
            .is_some_and(|d| a.response.selected().iter().all(|o| d.option(o).is_some()))
    });
    if let Phase::Deciding { step, order, ticked } = &mut state.phase {
        let decision = scenario.decision(step)?;
        order.retain(|o| decision.option(o).is_some());
        for option in &decision.options {
            if !order.contains(&option.id) {
                order.push(option.id.clone());
            }
        }
        ticked.retain(|o| decision.option(o).is_some());
    }
    Session::resume(scenario, state).ok()
}

impl Preview {
    /// The file's errors, in place of the case, until it is fixed.
    fn draw_errors(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        buf.set_style(area, theme.base);
        if is_too_small(area) {
            render_too_small(area, buf, theme);
            return;
        }
        let (body, bar) = with_key_bar(area);
        let mut lines = vec![
            Line::styled(
                format!("{} cannot be played yet.", self.path.display()),
                theme.warning,
            ),
            Line::from("Fix the file and save it; the preview reloads by itself."),
            Line::from(""),
        ];
        for d in &self.diagnostics {
            let severity = if d.is_error() { "error" } else { "warning" };
            let style = if d.is_error() { theme.bad } else { theme.partly };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{}:{}: {severity}: ", d.location.line, d.location.col),
                    style,
                ),
                Span::raw(clean(&d.message)),
            ]));
            if let Some(help) = &d.help {
                lines.push(Line::styled(format!("    help: {}", clean(help)), theme.dim));
            }
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel(
                Span::styled(" Preview: errors ", theme.heading),
                true,
                theme,
            ))
            .render(body, buf);
        let watching = if self.watch {
            "watching for saves"
        } else {
            "not watching (use --watch)"
        };
        Paragraph::new(key_bar(&[("q", "quit"), (watching, "")], theme)).render(bar, buf);
    }
}
