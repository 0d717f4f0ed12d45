//! The debrief: every decision beside what the officers did and what the investigation
//! found, a detail view per decision, scores by NDM stage and theme as bars, then what
//! happened, the outcomes for the officers, the force's learning and the questions.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Tabs, Widget, Wrap};

use super::keys::Action;
use super::theme::{Palette, verdict_symbol};
use super::widgets::feedback::feedback_lines;
use super::widgets::{clean, key_bar, panel, truncate, with_key_bar};
use crate::engine::{Debrief, Item, Totals, Verdict};
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Decisions,
    Scores,
    Outcome,
    Discussion,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Decisions, Tab::Scores, Tab::Outcome, Tab::Discussion];

    fn title(self) -> &'static str {
        match self {
            Tab::Decisions => "1 Decisions",
            Tab::Scores => "2 Scores",
            Tab::Outcome => "3 What happened",
            Tab::Discussion => "4 Discussion",
        }
    }
}

pub struct DebriefState {
    pub scenario: Scenario,
    pub debrief: Debrief,
    pub tab: Tab,
    pub selected: usize,
    /// The detail view of the selected decision is open.
    pub detail: bool,
    pub scroll: u16,
}

pub enum DebriefOutcome {
    None,
    Back,
    /// Retry this run's decisions not in line, now.
    DrillMissed,
    Quit,
}

impl DebriefState {
    pub fn new(scenario: Scenario, debrief: Debrief) -> Self {
        DebriefState {
            scenario,
            debrief,
            tab: Tab::Decisions,
            selected: 0,
            detail: false,
            scroll: 0,
        }
    }

    pub fn handle(&mut self, action: Action) -> DebriefOutcome {
        let count = self.debrief.items.len();
        let tab_index = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        match action {
            Action::Quit => return DebriefOutcome::Quit,
            Action::Back if self.detail => self.detail = false,
            Action::Back => return DebriefOutcome::Back,
            Action::Char('r') => return DebriefOutcome::DrillMissed,
            Action::Tab | Action::Right => self.switch(Tab::ALL[(tab_index + 1) % Tab::ALL.len()]),
            Action::BackTab | Action::Left => {
                self.switch(Tab::ALL[(tab_index + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Action::Char(c @ '1'..='4') => self.switch(Tab::ALL[c as usize - '1' as usize]),
            Action::Enter if self.tab == Tab::Decisions => self.detail = !self.detail,
            Action::Up if self.tab == Tab::Decisions && !self.detail => {
                self.selected = self.selected.saturating_sub(1)
            }
            Action::Down if self.tab == Tab::Decisions && !self.detail => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1))
            }
            Action::Up | Action::PageUp => {
                self.scroll = self
                    .scroll
                    .saturating_sub(if action == Action::Up { 1 } else { 8 })
            }
            Action::Down | Action::PageDown => {
                self.scroll = self
                    .scroll
                    .saturating_add(if action == Action::Down { 1 } else { 8 })
            }
            Action::Home => self.scroll = 0,
            _ => {}
        }
        DebriefOutcome::None
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.detail = false;
        self.scroll = 0;
    }
}

pub struct DebriefView<'a> {
    pub state: &'a DebriefState,
    pub theme: &'a Palette,
}

impl Widget for DebriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let state = self.state;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let [header, tabs, main] =
            Layout::vertical([Constraint::Length(2), Constraint::Length(1), Constraint::Min(3)]).areas(body);
        let total = &state.debrief.total;
        Paragraph::new(vec![
            Line::styled(format!("Debrief: {}", clean(&state.scenario.title)), theme.title),
            Line::from(vec![
                Span::styled(format!("{} of {} ", total.in_line, total.decisions), theme.good),
                Span::raw(format!(
                    "judged decisions in line, {} partly · score {}/{} ({}%){}",
                    total.partly,
                    total.points,
                    total.max_points(),
                    total.percent(),
                    match total.not_judged {
                        0 => String::new(),
                        n => format!(" · {n} not judged"),
                    }
                )),
            ]),
        ])
        .render(header, buf);
        let index = Tab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
        Tabs::new(Tab::ALL.iter().map(|t| t.title()))
            .select(index)
            .style(theme.dim)
            .highlight_style(theme.selected)
            .divider("│")
            .render(tabs, buf);
        match state.tab {
            Tab::Decisions if state.detail => self.detail(main, buf),
            Tab::Decisions => self.table(main, buf),
            Tab::Scores => self.scores(main, buf),
            Tab::Outcome => self.outcome(main, buf),
            Tab::Discussion => self.discussion(main, buf),
        }
        let keys: Vec<(&str, &str)> = match state.tab {
            Tab::Decisions if state.detail => vec![
                ("Esc", "back to table"),
                ("↑↓", "scroll"),
                ("Tab", "next tab"),
                ("q", "quit"),
            ],
            Tab::Decisions => vec![
                ("↑↓", "decision"),
                ("Enter", "detail"),
                ("Tab/1-4", "tabs"),
                ("r", "retry missed"),
                ("Esc", "library"),
                ("q", "quit"),
            ],
            _ => vec![
                ("↑↓/PgDn", "scroll"),
                ("Tab/1-4", "tabs"),
                ("Esc", "library"),
                ("?", "help"),
                ("q", "quit"),
            ],
        };
        Paragraph::new(key_bar(&keys, theme)).render(bar, buf);
    }
}

impl DebriefView<'_> {
    fn table(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let items = &self.state.debrief.items;
        let wide = area.width >= 110;
        let [table_area, preview] = Layout::vertical([
            Constraint::Min(4),
            Constraint::Length(if area.height > 16 { 7 } else { 4 }),
        ])
        .areas(area);
        let inner = table_area.width.saturating_sub(2);
        let columns: Vec<Constraint> = if wide {
            vec![
                Constraint::Length(3),
                Constraint::Length(16),
                Constraint::Fill(1),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]
        } else {
            vec![
                Constraint::Length(3),
                Constraint::Length(14),
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]
        };
        let text_width = if wide {
            (inner.saturating_sub(22) / 3) as usize
        } else {
            (inner.saturating_sub(20) / 2) as usize
        };
        let header = if wide {
            Row::new(["#", "Verdict", "Your choice", "The officers", "The source says"])
        } else {
            Row::new(["#", "Verdict", "Your choice", "The officers"])
        }
        .style(theme.heading);
        let rows = items.iter().enumerate().map(|(i, item)| {
            let verdict = Cell::from(Span::styled(
                format!("{} {}", verdict_symbol(item.verdict), item.verdict.short()),
                theme.verdict(item.verdict),
            ));
            let mut cells = vec![
                Cell::from(format!("{}", i + 1)),
                verdict,
                Cell::from(truncate(&clean(&item.your_choice()), text_width)),
                Cell::from(truncate(&clean(&item.officers_did()), text_width)),
            ];
            if wide {
                cells.push(Cell::from(truncate(&clean(&item.finding.text), text_width)));
            }
            Row::new(cells)
        });
        let mut table_state = TableState::default().with_selected(Some(self.state.selected));
        StatefulWidget::render(
            Table::new(rows, columns)
                .header(header)
                .row_highlight_style(theme.selected)
                .highlight_symbol("▶")
                .block(panel(
                    Span::styled(" Your decisions beside the officers' ", theme.heading),
                    true,
                    theme,
                )),
            table_area,
            buf,
            &mut table_state,
        );
        if let Some(item) = items.get(self.state.selected) {
            self.preview(item, preview, buf);
        }
    }

    /// Below the table: the selected decision in brief.
    fn preview(&self, item: &Item, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut lines = vec![
            Line::styled(clean(&item.prompt), theme.heading),
            Line::styled(clean(&item.summary()), theme.verdict(item.verdict)),
        ];
        if let Some(in_line) = item.in_line_answer() {
            lines.push(Line::from(vec![
                Span::styled("In line: ", theme.heading),
                Span::styled(clean(&in_line), theme.good),
            ]));
        }
        lines.push(Line::from(vec![
            Span::styled("Basis: ", theme.heading),
            Span::raw(clean(&item.basis.describe())),
        ]));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", item.basis.finding_label()), theme.heading),
            Span::raw(clean(&item.finding.text)),
        ]));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel(
                Span::styled(" Enter: the full detail ", theme.dim),
                false,
                theme,
            ))
            .render(area, buf);
    }

    fn detail(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let Some(item) = self.state.debrief.items.get(self.state.selected) else {
            return;
        };
        let mut lines = vec![
            Line::styled(
                format!(
                    "Decision {} · {} · {}",
                    self.state.selected + 1,
                    item.ndm.label(),
                    crate::scenario::role_label(item.role, item.role_assumed)
                ),
                theme.dim,
            ),
            Line::styled(clean(&item.prompt), theme.heading),
            Line::from(""),
        ];
        lines.extend(feedback_lines(item, theme));
        lines.push(Line::from(""));
        let rationale = item
            .rationale
            .as_deref()
            .map_or_else(|| "(none given)".to_string(), clean);
        lines.push(Line::from(vec![
            Span::styled("Your rationale: ", theme.heading),
            Span::raw(rationale),
        ]));
        if let Some(c) = item.confidence {
            let against = clean(&item.basis.against());
            let matched = match (c >= 4, item.verdict == Verdict::InLine) {
                _ if !item.judged => "this decision is not judged".to_string(),
                (true, true) | (false, false) => "your confidence matched the result".to_string(),
                (true, false) => format!("you were confident, but the answer was not in line with {against}"),
                (false, true) => format!("you were unsure, but the answer was in line with {against}"),
            };
            lines.push(Line::from(vec![
                Span::styled("Your confidence: ", theme.heading),
                Span::raw(format!("{c} of 5 — {matched}")),
            ]));
        }
        if !item.finding.policy.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("Policy: ", theme.heading),
                Span::raw(clean(&item.finding.policy.join("; "))),
            ]));
        }
        if let Some(note) = &item.source_note {
            lines.push(Line::from(vec![
                Span::styled("Source note: ", theme.heading),
                Span::styled(clean(note), theme.dim),
            ]));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(panel(Span::styled(" Detail ", theme.heading), true, theme))
            .render(area, buf);
    }

    fn scores(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let d = &self.state.debrief;
        let mut lines = vec![Line::styled("By National Decision Model stage", theme.heading)];
        lines.extend(bars(&d.by_stage, area.width.saturating_sub(2), theme));
        lines.push(Line::from(""));
        lines.push(Line::styled("By theme", theme.heading));
        lines.extend(bars(&d.by_theme, area.width.saturating_sub(2), theme));
        lines.push(Line::from(""));
        lines.push(Line::styled(
            "Two points in line, one partly. Bars show the share of points.",
            theme.dim,
        ));
        if d.total.not_judged > 0 {
            lines.push(Line::styled(
                format!(
                    "{} not judged: no points, no bar.",
                    crate::plural::count(d.total.not_judged, "decision", "decisions")
                ),
                theme.dim,
            ));
        }
        Paragraph::new(lines)
            .scroll((self.state.scroll, 0))
            .block(panel(Span::styled(" Scores ", theme.heading), true, theme))
            .render(area, buf);
    }

    fn outcome(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let s = &self.state.scenario;
        let mut lines = vec![Line::styled("What happened", theme.heading)];
        lines.extend(super::widgets::styled_lines(&s.outcome.what_happened, theme.base));
        section(
            &mut lines,
            "Outcomes for the officers",
            &s.outcome.officers,
            theme,
        );
        section(
            &mut lines,
            "The force's actions and learning",
            &s.outcome.learning,
            theme,
        );
        if !s.outcome.investigator_notes.is_empty() {
            section(
                &mut lines,
                "The investigator's notes for all forces",
                &s.outcome.investigator_notes,
                theme,
            );
        }
        if !s.source_notes.is_empty() {
            section(&mut lines, "Source notes", &s.source_notes, theme);
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(format!("Source: {}", s.source_line()), theme.dim));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(panel(Span::styled(" What happened ", theme.heading), true, theme))
            .render(area, buf);
    }

    fn discussion(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let s = &self.state.scenario;
        let mut lines = vec![Line::styled("Could it happen here?", theme.title), Line::from("")];
        for (i, q) in s.discussion.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", i + 1), theme.accent),
                Span::raw(clean(q)),
            ]));
            lines.push(Line::from(""));
        }
        if s.discussion.is_empty() {
            lines.push(Line::from("The source gives no questions for discussion."));
        }
        Paragraph::new(Text::from(lines))
            .wrap(Wrap { trim: false })
            .scroll((self.state.scroll, 0))
            .block(panel(
                Span::styled(" For discussion ", theme.heading),
                true,
                theme,
            ))
            .render(area, buf);
    }
}

fn section(lines: &mut Vec<Line<'static>>, heading: &str, items: &[String], theme: &Palette) {
    lines.push(Line::from(""));
    lines.push(Line::styled(heading.to_string(), theme.heading));
    if items.is_empty() {
        lines.push(Line::styled("(none given in the source)", theme.dim));
    }
    for item in items {
        lines.push(Line::from(format!("• {}", clean(item))));
    }
}

/// One bar per tally: the label, a bar of the share of points, and the counts in words.
pub fn bars(tallies: &[Totals], width: u16, theme: &Palette) -> Vec<Line<'static>> {
    let label_width = tallies
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(0)
        .min(36);
    let bar_width = (width as usize).saturating_sub(label_width + 22).clamp(5, 40);
    tallies
        .iter()
        .map(|t| {
            let filled = (t.percent() as usize * bar_width).div_ceil(100).min(bar_width);
            let style = match t.percent() {
                75.. => theme.good,
                40..=74 => theme.partly,
                _ => theme.bad,
            };
            Line::from(vec![
                Span::raw(format!("{:label_width$} ", truncate(&t.label, label_width))),
                Span::styled("█".repeat(filled), style),
                Span::styled("░".repeat(bar_width - filled), theme.dim),
                Span::raw(format!(
                    " {:>3}% {} of {} in line",
                    t.percent(),
                    t.in_line,
                    t.decisions
                )),
            ])
        })
        .collect()
}
