//! The briefing: the content warning first, then the source and what the officers knew,
//! the choice of practice or assessment mode, and the timers: which decisions are timed and
//! for how long, said before the run begins, with extra time or no timers a key away.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keys::Action;
use super::theme::Palette;
use super::widgets::scroll::Scroll;
use super::widgets::{clean, key_bar, panel, styled_lines, with_key_bar};
use crate::engine::{Mode, TimedDecisions, Timers};
use crate::scenario::Scenario;

#[derive(Debug, Clone)]
pub struct BriefingState {
    pub scenario_id: String,
    pub mode: Mode,
    pub confidence: bool,
    /// Standard limits, extra time or none: an accessibility setting a trainee can find.
    pub timers: Timers,
    pub scroll: Scroll,
}

pub enum BriefingOutcome {
    None,
    Begin,
    Back,
    Quit,
}

impl BriefingState {
    pub fn new(scenario_id: String, mode: Mode, confidence: bool) -> Self {
        BriefingState {
            scenario_id,
            mode,
            confidence,
            timers: Timers::Standard,
            scroll: Scroll::default(),
        }
    }

    pub fn handle(&mut self, action: Action) -> BriefingOutcome {
        match action {
            Action::Enter => return BriefingOutcome::Begin,
            Action::Back | Action::Left => return BriefingOutcome::Back,
            Action::Quit => return BriefingOutcome::Quit,
            Action::Char('m') | Action::Tab => {
                self.mode = match self.mode {
                    Mode::Practice => Mode::Assessment,
                    Mode::Assessment => Mode::Practice,
                }
            }
            Action::Char('c') => self.confidence = !self.confidence,
            Action::Char('t') => self.timers = self.timers.cycle(),
            other => {
                self.scroll.handle(other);
            }
        }
        BriefingOutcome::None
    }
}

pub struct BriefingView<'a> {
    pub state: &'a BriefingState,
    pub scenario: &'a Scenario,
    pub theme: &'a Palette,
}

impl Widget for BriefingView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let s = self.scenario;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let settings_lines = self.settings_lines();
        let settings_height = super::widgets::wrapped_height(
            &ratatui::text::Text::from(settings_lines.clone()),
            body.width.saturating_sub(2),
        )
        .saturating_add(2);
        let [title, warning, text, settings] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(warning_height(s, body.width)),
            Constraint::Min(4),
            Constraint::Length(settings_height),
        ])
        .areas(body);
        Paragraph::new(Line::styled(clean(&s.title), theme.title)).render(title, buf);
        Paragraph::new(clean(&s.content_warning))
            .wrap(Wrap { trim: true })
            .block(panel(
                Span::styled(" ⚠ Content warning ", theme.warning),
                true,
                theme,
            ))
            .render(warning, buf);
        let mut lines = vec![Line::styled(s.source_line(), theme.dim), Line::from("")];
        lines.extend(styled_lines(&s.briefing, theme.base));
        if !s.source_notes.is_empty() {
            lines.push(Line::from(""));
            lines.push(Line::styled(clean(&s.source_notes_short()), theme.dim));
        }
        self.state.scroll.render(
            lines.into(),
            panel(Span::styled(" Briefing ", theme.heading), false, theme),
            text,
            buf,
        );
        Paragraph::new(settings_lines)
            .wrap(Wrap { trim: true })
            .block(panel(
                Span::styled(" Before you begin ", theme.heading),
                false,
                theme,
            ))
            .render(settings, buf);
        let keys = [
            ("Enter", "begin"),
            ("m", "mode"),
            ("c", "confidence"),
            ("t", "timers"),
            ("↑↓", "scroll"),
            ("Esc", "back"),
            ("?", "help"),
        ];
        Paragraph::new(key_bar(&keys, theme)).render(bar, buf);
    }
}

impl BriefingView<'_> {
    /// The choices made before the run begins, and what the timers will do.
    fn settings_lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let choice = |on: bool, label: &str| {
            Span::styled(
                format!("{} {label}  ", if on { "◉" } else { "○" }),
                if on { theme.accent } else { theme.dim },
            )
        };
        let practice = self.state.mode == Mode::Practice;
        let mode_help = if practice {
            "feedback after each decision"
        } else {
            "feedback held to the end"
        };
        let timers = self.state.timers;
        let timed = TimedDecisions::of(self.scenario, timers);
        let extra = match timers {
            Timers::Extra(p) => format!("Extra +{p}%"),
            _ => "Extra time".into(),
        };
        let mut lines = vec![
            Line::from(vec![
                Span::styled("Mode (m):       ", theme.heading),
                choice(practice, "Practice"),
                choice(!practice, "Assessment"),
                Span::styled(mode_help, theme.dim),
            ]),
            Line::from(vec![
                Span::styled("Confidence (c): ", theme.heading),
                choice(self.state.confidence, "On"),
                choice(!self.state.confidence, "Off"),
                Span::styled("rate how sure you are, 1–5", theme.dim),
            ]),
        ];
        if timed.timed > 0 {
            lines.push(Line::from(vec![
                Span::styled("Timers (t):     ", theme.heading),
                choice(timers == Timers::Standard, "Standard"),
                choice(matches!(timers, Timers::Extra(_)), &extra),
                choice(timers == Timers::Off, "None"),
            ]));
        }
        lines.push(Line::styled(timed.sentence(timers), theme.accent));
        lines
    }
}

fn warning_height(s: &Scenario, width: u16) -> u16 {
    let text = ratatui::text::Text::from(clean(&s.content_warning));
    super::widgets::wrapped_height(&text, width.saturating_sub(2))
        .saturating_add(2)
        .min(6)
}
