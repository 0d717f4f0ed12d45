//! The library: every case with its force, date, themes, roles, minutes and your progress;
//! filters by theme and role, a text search, and a detail pane with the source and the
//! content warning.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::keys::Action;
use super::theme::Palette;
use super::widgets::keys_fit::{RankedKey, fit_keys};
use super::widgets::scroll::{Scroll, list_scrollbar};
use super::widgets::{clean, key_bar, panel, truncate, with_key_bar};
use crate::scenario::{Role, Scenario, Theme};

/// How far the trainee has got with a case, from the run records.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Progress {
    #[default]
    NotStarted,
    InProgress,
    /// Finished at least once; the best score as a percentage.
    Best(u32),
}

impl Progress {
    pub fn label(&self) -> String {
        match self {
            Progress::NotStarted => "not started".into(),
            Progress::InProgress => "in progress".into(),
            Progress::Best(p) => format!("best {p}%"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct LibraryState {
    pub selected: usize,
    pub theme_filter: Option<Theme>,
    pub role_filter: Option<Role>,
    pub search: String,
    pub searching: bool,
    pub detail_scroll: Scroll,
}

/// What the library asks the app to do.
pub enum LibraryOutcome {
    None,
    Open(String),
    /// Continue the most recent unfinished run.
    Continue,
    History,
    /// Drill what is due today.
    Drill,
    /// Drill everything not yet learnt, due or not.
    DrillNow,
    Quit,
}

impl LibraryState {
    /// Indices of the scenarios that pass the filters, in library order.
    pub fn visible(&self, scenarios: &[Scenario]) -> Vec<usize> {
        let needle = self.search.to_lowercase();
        scenarios
            .iter()
            .enumerate()
            .filter(|(_, s)| self.theme_filter.is_none_or(|t| s.themes.contains(&t)))
            .filter(|(_, s)| self.role_filter.is_none_or(|r| s.roles().contains(&r)))
            .filter(|(_, s)| needle.is_empty() || haystack(s).contains(&needle))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn handle(&mut self, action: Action, scenarios: &[Scenario]) -> LibraryOutcome {
        let visible = self.visible(scenarios);
        if self.searching {
            match action {
                Action::Back => {
                    self.searching = false;
                    self.search.clear();
                }
                Action::Enter => self.searching = false,
                Action::Paste(text) => self.search.push_str(&super::widgets::rationale::one_line(&text)),
                Action::Text(key) => match key.key {
                    super::keys::Key::Char(c) => self.search.push(c),
                    super::keys::Key::Backspace => {
                        self.search.pop();
                    }
                    _ => {}
                },
                _ => {}
            }
            self.selected = 0;
            return LibraryOutcome::None;
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(visible.len().saturating_sub(1)),
            Action::Home => self.selected = 0,
            Action::End => self.selected = visible.len().saturating_sub(1),
            Action::PageDown | Action::PageUp => {
                self.detail_scroll.handle(action.clone());
            }
            Action::Enter | Action::Right => {
                if let Some(&i) = visible.get(self.selected) {
                    return LibraryOutcome::Open(scenarios[i].id.clone());
                }
            }
            Action::Char('/') => {
                self.searching = true;
                self.search.clear();
            }
            Action::Char('t') => {
                self.theme_filter = cycle(Theme::ALL, self.theme_filter, scenarios, |s, t| {
                    s.themes.contains(t)
                })
            }
            Action::Char('r') => {
                self.role_filter = cycle(Role::ALL, self.role_filter, scenarios, |s, r| {
                    s.roles().contains(r)
                })
            }
            Action::Back => {
                self.theme_filter = None;
                self.role_filter = None;
                self.search.clear();
            }
            Action::Quit => return LibraryOutcome::Quit,
            Action::Char('c') => return LibraryOutcome::Continue,
            Action::Char('d') => return LibraryOutcome::Drill,
            Action::Char('D') => return LibraryOutcome::DrillNow,
            Action::Tab => return LibraryOutcome::History,
            _ => {}
        }
        if !matches!(action, Action::PageDown | Action::PageUp) {
            self.detail_scroll.to_top();
        }
        let count = self.visible(scenarios).len();
        self.selected = self.selected.min(count.saturating_sub(1));
        LibraryOutcome::None
    }

    pub fn typing(&self) -> bool {
        self.searching
    }
}

/// The next value of a filter among those some scenario has; after the last, no filter.
fn cycle<T: Copy + PartialEq>(
    all: &[T],
    current: Option<T>,
    scenarios: &[Scenario],
    has: impl Fn(&Scenario, &T) -> bool,
) -> Option<T> {
    let present: Vec<T> = all
        .iter()
        .copied()
        .filter(|v| scenarios.iter().any(|s| has(s, v)))
        .collect();
    match current.and_then(|c| present.iter().position(|p| *p == c)) {
        None => present.first().copied(),
        Some(i) => present.get(i + 1).copied(),
    }
}

fn haystack(s: &Scenario) -> String {
    let themes: Vec<&str> = s.themes.iter().map(|t| t.label()).collect();
    format!(
        "{} {} {} {} {}",
        s.id,
        s.title,
        s.source.force,
        s.source.title,
        themes.join(" ")
    )
    .to_lowercase()
}

pub struct LibraryView<'a> {
    pub state: &'a LibraryState,
    pub scenarios: &'a [Scenario],
    pub progress: &'a dyn Fn(&str) -> Progress,
    pub theme: &'a Palette,
    /// Shown above the list, e.g. an unfinished run to resume or a records warning.
    pub notice: Option<&'a str>,
}

impl Widget for LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let [header, main] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(body);
        self.header(header, buf);
        let visible = self.state.visible(self.scenarios);
        // on a wide terminal the list takes what its longest title needs (borders and the
        // marker), up to three fifths of the width, so titles are not cut while room is spare
        let longest = visible
            .iter()
            .map(|&i| crate::wrap::width(&clean(&self.scenarios[i].title)))
            .max()
            .unwrap_or(0);
        let (least, most) = if main.width >= 100 {
            (main.width / 2, main.width * 3 / 5)
        } else {
            // narrow: the case panel needs its half to be readable
            (main.width * 13 / 25, main.width * 13 / 25)
        };
        let list_width = u16::try_from(longest + 5).unwrap_or(u16::MAX).clamp(least, most);
        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(main);
        self.list(&visible, list_area, buf);
        self.detail(
            visible.get(self.state.selected).map(|&i| &self.scenarios[i]),
            detail_area,
            buf,
        );
        let keys: &[RankedKey] = if self.state.searching {
            &[
                ("type", "to search", 0),
                ("Enter", "keep", 0),
                ("Esc", "clear", 0),
            ]
        } else {
            // the last to go at narrow widths: help, drill and quit
            &[
                ("↑↓", "move", 3),
                ("Enter", "open", 2),
                ("/", "search", 4),
                ("t/r", "topic/role", 6),
                ("c", "continue", 5),
                ("d", "drill", 1),
                ("Tab", "history", 7),
                ("?", "help", 0),
                ("q", "quit", 0),
            ]
        };
        Paragraph::new(key_bar(&fit_keys(keys, bar.width), theme)).render(bar, buf);
    }
}

impl LibraryView<'_> {
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let filter = |name: &str, value: Option<&str>| {
            vec![
                Span::styled(format!("{name}: "), theme.dim),
                Span::styled(value.unwrap_or("all").to_string(), theme.accent),
                Span::raw("  "),
            ]
        };
        let mut spans = vec![
            Span::styled("lessons", theme.title),
            Span::styled(" · real cases, real findings   ", theme.dim),
        ];
        if let Some(notice) = self.notice {
            // a long case title is cut with an ellipsis, not mid-word at the edge
            let used: usize = spans.iter().map(|s| crate::wrap::width(&s.content)).sum();
            let room = usize::from(area.width).saturating_sub(used);
            spans.push(Span::styled(truncate(&clean(notice), room), theme.warning));
        }
        let mut second = Vec::new();
        second.extend(filter("Topic", self.state.theme_filter.map(|t| t.label())));
        second.extend(filter("Role", self.state.role_filter.map(|r| r.label())));
        second.push(Span::styled("Search: ", theme.dim));
        let cursor = if self.state.searching { "▏" } else { "" };
        second.push(Span::styled(
            format!("{}{cursor}", self.state.search),
            theme.accent,
        ));
        Paragraph::new(vec![Line::from(spans), Line::from(second)]).render(area, buf);
    }

    fn list(&self, visible: &[usize], area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let title = format!(" Cases ({} of {}) ", visible.len(), self.scenarios.len());
        let block = panel(Span::styled(title, theme.heading), true, theme);
        if visible.is_empty() {
            let message = if self.scenarios.is_empty() {
                "No scenarios are built in. Course designers: see docs/scenario-format.md."
            } else {
                "No case matches. Esc clears the filters."
            };
            Paragraph::new(message)
                .wrap(Wrap { trim: true })
                .block(block)
                .render(area, buf);
            return;
        }
        let inner_width = area.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = visible
            .iter()
            .map(|&i| {
                let s = &self.scenarios[i];
                let progress = (self.progress)(&s.id);
                let marker = match &progress {
                    Progress::NotStarted => "○".to_string(),
                    Progress::InProgress => "◐ in progress".to_string(),
                    Progress::Best(p) => format!("✓ {p}%"),
                };
                let meta = format!(
                    "{marker} {} · {} · {} min",
                    short_source(s),
                    s.source
                        .incident
                        .as_deref()
                        .or(s.source.published.as_deref())
                        .unwrap_or("date not given"),
                    s.estimated_minutes,
                );
                ListItem::new(vec![
                    Line::from(truncate(&clean(&s.title), inner_width)),
                    Line::styled(
                        format!("  {}", truncate(&meta, inner_width.saturating_sub(2))),
                        theme.dim,
                    ),
                ])
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.state.selected));
        StatefulWidget::render(
            List::new(items)
                .block(block)
                .highlight_style(theme.selected)
                .highlight_symbol("▶ "),
            area,
            buf,
            &mut state,
        );
        // two rows a case
        list_scrollbar(
            visible.len(),
            self.state.selected,
            area.height.saturating_sub(2) / 2,
            area,
            buf,
        );
    }

    fn detail(&self, scenario: Option<&Scenario>, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let block = panel(Span::styled(" Case ", theme.heading), false, theme);
        let Some(s) = scenario else {
            block.render(area, buf);
            return;
        };
        let themes: Vec<&str> = s.themes.iter().map(|t| t.label()).collect();
        let roles: Vec<&str> = s.roles().iter().map(|r| r.label()).collect();
        let field = |name: &str, value: String| {
            Line::from(vec![
                Span::styled(format!("{name}: "), theme.dim),
                Span::styled(value, theme.base),
            ])
        };
        let lines = vec![
            Line::styled(clean(&s.title), theme.heading),
            Line::from(""),
            Line::from(vec![
                Span::styled("⚠ Content warning: ", theme.warning),
                Span::raw(clean(&s.content_warning)),
            ]),
            Line::from(""),
            field("Force", clean(&s.source.force)),
            field("Topics", themes.join(", ")),
            field("You play", roles.join(" → ")),
            field(
                "Decisions",
                format!(
                    "{} · about {} minutes",
                    s.decisions().count(),
                    s.estimated_minutes
                ),
            ),
            field("Your progress", (self.progress)(&s.id).label()),
            Line::from(""),
            field("Source", s.source_line()),
        ];
        self.state.detail_scroll.render(lines.into(), block, area, buf);
    }
}

/// The force, or for a bulletin case whose force is not named, the bulletin and case number.
fn short_source(s: &Scenario) -> String {
    match (s.source.bulletin, s.source.case_number) {
        (Some(b), Some(c)) => format!("Bulletin {b}/{c}"),
        (Some(b), None) => format!("Bulletin {b}"),
        _ => short_force(&s.source.force),
    }
}

fn short_force(force: &str) -> String {
    clean(force)
        .replace(" Constabulary", "")
        .replace(" Police Service", "")
        .replace(" Police", "")
}
