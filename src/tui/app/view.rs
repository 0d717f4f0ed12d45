//! Drawing the app: the screen in view, the status line over it, and any overlay. Reads
//! state only; everything drawn was worked out when it changed.

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{App, Overlay, Screen};
use crate::tui::briefing::BriefingView;
use crate::tui::debrief::DebriefView;
use crate::tui::help::{self, HelpFor};
use crate::tui::history::HistoryView;
use crate::tui::library::LibraryView;
use crate::tui::run::RunView;
use crate::tui::widgets::{centered, is_too_small, key_bar, modal, panel, render_too_small, with_key_bar};

impl App {
    /// Draws the current state at `now` (for a countdown). Changes nothing.
    pub fn draw(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        let theme = &self.theme;
        buf.set_style(area, theme.base);
        if is_too_small(area) {
            render_too_small(area, buf, theme);
            return;
        }
        self.draw_screen(area, buf, now);
        // a failed save stays on the status line until a save works again
        if let Some(status) = self.status_line()
            && !matches!(self.screen, Screen::Library(_))
        {
            let line = Rect::new(area.x, area.y, area.width, 1);
            Line::styled(status, theme.warning).render(line, buf);
        }
        if let Some(sync) = self.store.sync_status() {
            draw_in_blank(&sync, area, buf, theme.dim);
        }
        match self.overlay {
            Some(Overlay::Help) => {
                let box_area = centered(area, 72, area.height.saturating_sub(2));
                Clear.render(box_area, buf);
                let block = panel(Span::styled(" Help ", theme.title), true, theme);
                self.help_scroll
                    .render(help::text(self.help_for(), theme), block, box_area, buf);
            }
            Some(Overlay::ConfirmLeave { quit }) => self.draw_confirm_leave(quit, area, buf),
            None => {}
        }
    }

    fn draw_screen(&self, area: Rect, buf: &mut Buffer, now: Instant) {
        let theme = &self.theme;
        match &self.screen {
            Screen::Library(state) => {
                let lookup = |id: &str| self.store.progress(id);
                let notice = self.status_line().or_else(|| self.store.notice());
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
            Screen::Run(run) => RunView { run, theme, now }.render(area, buf),
            Screen::Debrief(state) => DebriefView { state, theme }.render(area, buf),
            Screen::History(state) => HistoryView {
                state,
                rows: &self.history.rows,
                trends: &self.history.trends,
                skipped: self.store.skipped(),
                theme,
            }
            .render(area, buf),
        }
    }

    fn draw_confirm_leave(&self, quit: bool, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
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
                Span::raw(": yes    "),
                Span::styled("n", theme.key),
                Span::raw(" / Esc / Enter: stay"),
            ]),
        ]);
        modal(centered(area, 56, 9), buf, "Leave the run", body, theme);
        // the key bar under the dialog shows the dialog's keys, not the screen's
        let (_, bar) = with_key_bar(area);
        buf.set_style(bar, theme.base);
        for x in bar.left()..bar.right() {
            if let Some(cell) = buf.cell_mut((x, bar.y)) {
                cell.set_symbol(" ");
            }
        }
        let leave = if quit { "quit" } else { "leave the run" };
        Paragraph::new(key_bar(&[("y", leave), ("n/Esc/Enter", "stay")], theme)).render(bar, buf);
    }

    /// Which keys the help overlay lists.
    fn help_for(&self) -> HelpFor {
        match self.screen {
            Screen::Library(_) => HelpFor::Library,
            Screen::Briefing(_) => HelpFor::Briefing,
            Screen::Run(_) => HelpFor::Run,
            Screen::Debrief(_) => HelpFor::Debrief,
            Screen::History(_) => HelpFor::History,
        }
    }

    /// The status line: the last action's message, else why saves are failing.
    pub(super) fn status_line(&self) -> Option<String> {
        self.status.clone().or_else(|| self.store.save_problem())
    }
}

/// Writes a quiet note right-aligned on the top row, else the bottom row, only where those
/// cells are blank: it never covers anything the screen drew.
fn draw_in_blank(text: &str, area: Rect, buf: &mut Buffer, style: ratatui::style::Style) {
    let width = u16::try_from(unicode_width::UnicodeWidthStr::width(text)).unwrap_or(u16::MAX);
    if area.width < width + 2 || area.height < 2 {
        return;
    }
    let x = area.right() - width;
    for y in [area.y, area.bottom() - 1] {
        // two blank columns before it too, as between keys, so it never runs into other text
        let blank = (x - 2..x + width).all(|cx| buf.cell((cx, y)).is_none_or(|c| c.symbol() == " "));
        if blank {
            Line::styled(text.to_string(), style).render(Rect::new(x, y, width, 1), buf);
            return;
        }
    }
}
