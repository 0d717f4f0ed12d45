//! Past runs with their dates and results, a trend per theme, and any record files that
//! could not be read.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap};

use super::keys::Action;
use super::theme::Palette;
use super::widgets::scroll::{list_move, list_scrollbar};
use super::widgets::{clean, key_bar, panel, truncate, with_key_bar};
use crate::analysis::history::{HistoryRow, sparkline};
use crate::record::{RecordKind, Skipped};
use crate::scenario::Theme;
use crate::wrap::width as columns;

/// Room for the longest result, "unfinished · 99 dec.".
const RESULT_WIDTH: u16 = 20;

#[derive(Debug, Clone, Default)]
pub struct HistoryState {
    pub selected: usize,
}

pub enum HistoryOutcome {
    None,
    /// Open the debrief of the row at this index (newest first).
    Open(usize),
    Back,
    Quit,
}

impl HistoryState {
    pub fn handle(&mut self, action: Action, rows: usize) -> HistoryOutcome {
        if let Some(row) = list_move(&action, self.selected, rows, 10) {
            self.selected = row;
            return HistoryOutcome::None;
        }
        match action {
            Action::Back | Action::Tab | Action::BackTab | Action::Left => return HistoryOutcome::Back,
            Action::Quit => return HistoryOutcome::Quit,
            Action::Enter | Action::Right if rows > 0 => return HistoryOutcome::Open(self.selected),
            _ => {}
        }
        HistoryOutcome::None
    }
}

pub struct HistoryView<'a> {
    pub state: &'a HistoryState,
    pub rows: &'a [HistoryRow],
    pub trends: &'a [(Theme, Vec<u32>)],
    pub skipped: &'a [Skipped],
    pub theme: &'a Palette,
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let trend_height = (self.trends.len() as u16 + 2).clamp(3, body.height / 2);
        let skipped_height = if self.skipped.is_empty() {
            0
        } else {
            (self.skipped.len() as u16 + 2).min(5)
        };
        let [title, table, trends, skipped] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(4),
            Constraint::Length(trend_height),
            Constraint::Length(skipped_height),
        ])
        .areas(body);
        Paragraph::new(Line::styled("Your history", theme.title)).render(title, buf);
        self.table(table, buf);
        self.trends(trends, buf);
        if !self.skipped.is_empty() {
            let lines: Vec<Line> = self
                .skipped
                .iter()
                .map(|s| Line::from(format!("{} {}", s.path.display(), s.reason)))
                .collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(panel(
                    Span::styled(" Files skipped (left untouched) ", theme.warning),
                    false,
                    theme,
                ))
                .render(skipped, buf);
        }
        let keys = [
            ("↑↓", "move"),
            ("Enter", "debrief"),
            ("Esc/Tab", "library"),
            ("?", "help"),
            ("q", "quit"),
        ];
        Paragraph::new(key_bar(&keys, theme)).render(bar, buf);
    }
}

impl HistoryView<'_> {
    fn table(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = panel(
            Span::styled(format!(" Runs ({}) ", self.rows.len()), theme.heading),
            true,
            theme,
        );
        if self.rows.is_empty() {
            Paragraph::new("No runs yet. Play a case from the library; every answer is saved as you go.")
                .wrap(Wrap { trim: true })
                .block(block)
                .render(area, buf);
            return;
        }
        // the borders, the other columns' widths below, and a space between each column
        let title_width = area.width.saturating_sub(2 + 23 + 11 + RESULT_WIDTH + 3) as usize;
        let rows = self.rows.iter().map(|r| {
            let result = match (r.finished, r.percent) {
                (true, Some(p)) => format!("{p}% · {} dec.", r.decisions),
                (true, None) => "finished".to_string(),
                (false, _) => format!("unfinished · {} dec.", r.decisions),
            };
            let kind = match r.kind {
                RecordKind::Run => r.mode.to_string(),
                RecordKind::Drill => "drill".to_string(),
                RecordKind::Group => "classroom".to_string(),
            };
            let mut title = truncate(&clean(&r.title), title_width);
            if r.outdated {
                title = truncate(&format!("{title} (case since changed)"), title_width);
            }
            Row::new([
                Cell::from(r.when.clone()),
                Cell::from(title),
                Cell::from(kind),
                Cell::from(result),
            ])
        });
        let mut state = TableState::default().with_selected(Some(self.state.selected));
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    // `2026-12-02 09:14 +00:00`
                    Constraint::Length(23),
                    Constraint::Fill(1),
                    Constraint::Length(11),
                    Constraint::Length(RESULT_WIDTH),
                ],
            )
            .header(Row::new(["When", "Case", "Mode", "Result"]).style(theme.heading))
            .row_highlight_style(theme.selected)
            .block(block),
            area,
            buf,
            &mut state,
        );
        // the header row and the borders take three rows
        list_scrollbar(
            self.rows.len(),
            self.state.selected,
            area.height.saturating_sub(3),
            area,
            buf,
        );
    }

    fn trends(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut lines = Vec::new();
        if self.trends.is_empty() {
            lines.push(Line::styled("Finish a case to see a trend per topic.", theme.dim));
        }
        let width = self
            .trends
            .iter()
            .map(|(t, _)| t.label().len())
            .max()
            .unwrap_or(0);
        for (case_theme, values) in self.trends {
            let last = values.last().copied().unwrap_or(0);
            let direction = match values.len() {
                0 | 1 => "",
                n if values[n - 1] > values[n - 2] => " ↑",
                n if values[n - 1] < values[n - 2] => " ↓",
                _ => " →",
            };
            let label = format!("{:width$}  ", case_theme.label());
            let summary = format!(
                "  latest {last}%{direction} over {}",
                crate::plural::count(values.len(), "run", "runs")
            );
            // the newest runs that fit, so the summary is never pushed off the line
            let room =
                usize::from(area.width.saturating_sub(2)).saturating_sub(columns(&label) + columns(&summary));
            let recent = &values[values.len().saturating_sub(room)..];
            lines.push(Line::from(vec![
                Span::raw(label),
                Span::styled(sparkline(recent), theme.accent),
                Span::raw(summary),
            ]));
        }
        Paragraph::new(lines)
            .block(panel(
                Span::styled(" Trend by topic (share of points per run) ", theme.heading),
                false,
                theme,
            ))
            .render(area, buf);
    }
}
