//! Colour palettes and emphasis. Every meaning is also carried by text or a symbol, so the
//! mono palette (used under `NO_COLOR`) loses nothing but colour. (The topic of a case is
//! `scenario::Theme`; the `--theme` option picks a `ThemeName`.)

use ratatui::style::{Color, Modifier, Style};

use crate::engine::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    HighContrast,
    Mono,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub name: ThemeName,
    pub base: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub accent: Style,
    pub selected: Style,
    pub border: Style,
    pub focus_border: Style,
    pub warning: Style,
    pub key: Style,
    pub good: Style,
    pub partly: Style,
    pub bad: Style,
}

impl Palette {
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Palette {
                name,
                base: Style::new(),
                title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                heading: Style::new().add_modifier(Modifier::BOLD),
                dim: Style::new().fg(Color::Gray),
                accent: Style::new().fg(Color::Cyan),
                selected: Style::new()
                    .bg(Color::Blue)
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::DarkGray),
                focus_border: Style::new().fg(Color::Cyan),
                warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                good: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
                partly: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                bad: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            },
            ThemeName::HighContrast => Palette {
                name,
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                heading: Style::new()
                    .fg(Color::White)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                dim: Style::new().fg(Color::White).bg(Color::Black),
                accent: Style::new().fg(Color::Yellow).bg(Color::Black),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::White).bg(Color::Black),
                focus_border: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                warning: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                key: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                good: Style::new()
                    .fg(Color::LightGreen)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                partly: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
                bad: Style::new()
                    .fg(Color::LightRed)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD),
            },
            ThemeName::Mono => Palette {
                name,
                base: Style::new(),
                title: Style::new().add_modifier(Modifier::BOLD),
                heading: Style::new().add_modifier(Modifier::BOLD),
                dim: Style::new(),
                accent: Style::new(),
                selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                border: Style::new(),
                focus_border: Style::new().add_modifier(Modifier::BOLD),
                warning: Style::new().add_modifier(Modifier::BOLD),
                key: Style::new().add_modifier(Modifier::BOLD),
                good: Style::new().add_modifier(Modifier::BOLD),
                partly: Style::new(),
                bad: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            },
        }
    }

    /// `NO_COLOR` (any non-empty value) forces the mono theme, whatever was asked for.
    pub fn from_env(requested: ThemeName) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Palette::new(if no_color { ThemeName::Mono } else { requested })
    }

    pub fn verdict(&self, verdict: Verdict) -> Style {
        match verdict {
            Verdict::InLine => self.good,
            Verdict::Partly => self.partly,
            Verdict::NotInLine => self.bad,
            Verdict::NoDecision | Verdict::NotJudged => self.dim,
        }
    }
}

/// A symbol that carries the verdict without colour.
pub fn verdict_symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::InLine => "✓",
        Verdict::Partly => "◐",
        Verdict::NotInLine => "✗",
        Verdict::NoDecision => "○",
        Verdict::NotJudged => "·",
    }
}
