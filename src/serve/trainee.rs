//! One trainee's screen: what the console shows, and their own answer to it. Choose, then
//! a rationale where the decision asks for one, then confirm; the answer can be changed
//! until the reveal. Pure state and drawing, like every screen: the connection feeds it
//! actions and draws it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use super::room::{Given, Shown};
use crate::engine::{Asked, Response, kind_rule};
use crate::scenario::{DecisionKind, RationalePrompt};
use crate::tui::keys::Action;
use crate::tui::theme::Palette;
use crate::tui::widgets::decision::{display_order, first_cursor, option_lines};
use crate::tui::widgets::{clean, key_bar, panel, rationale, wrapped_height};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Choosing,
    Rationale,
    Confirm,
    /// Sent (or sent before and resumed): waiting for the reveal.
    Sent,
}

/// What a key asks the connection to do.
#[derive(Debug, PartialEq)]
pub enum Reply {
    None,
    /// Keep this answer in the room.
    Answer(Given),
    /// Close this connection (the answers stay in the room).
    Leave,
}

pub struct TraineeScreen {
    pub name: String,
    /// The decision the state below belongs to.
    on: Option<(usize, String)>,
    phase: Phase,
    cursor: usize,
    ticked: Vec<String>,
    picks: Vec<String>,
    text: TextArea<'static>,
    message: Option<String>,
}

impl TraineeScreen {
    pub fn new(name: &str) -> Self {
        TraineeScreen {
            name: name.to_string(),
            on: None,
            phase: Phase::Choosing,
            cursor: 0,
            ticked: Vec::new(),
            picks: Vec::new(),
            text: rationale::new_box(),
            message: None,
        }
    }

    /// Whether letters are text (the rationale box has the keyboard).
    pub fn typing(&self) -> bool {
        self.phase == Phase::Rationale
    }

    /// Follows the console to a new step: a new decision starts afresh, or where this
    /// trainee's kept answer left it (a reconnect, or the answer sent before the reveal).
    pub fn follow(&mut self, shown: &Shown, kept: Option<&Given>) {
        let Some((case, asked)) = shown.decision() else {
            self.on = None;
            return;
        };
        let key = (case, asked.step.clone());
        if self.on.as_ref() == Some(&key) {
            return;
        }
        self.on = Some(key);
        self.cursor = first_cursor(asked);
        self.message = None;
        match kept {
            Some(given) => {
                self.picks = given.response.selected().iter().map(|s| s.to_string()).collect();
                self.ticked = self.picks.clone();
                self.text = rationale::with_text(&given.rationale);
                self.phase = Phase::Sent;
            }
            None => {
                self.picks.clear();
                self.ticked.clear();
                self.text = rationale::new_box();
                self.phase = Phase::Choosing;
            }
        }
    }

    pub fn handle(&mut self, action: Action, shown: &Shown) -> Reply {
        if matches!(action, Action::ForceQuit) {
            return Reply::Leave;
        }
        self.message = None;
        let Shown::Decision { case, asked, .. } = shown else {
            return match action {
                Action::Quit => Reply::Leave,
                _ => Reply::None,
            };
        };
        match self.phase {
            Phase::Choosing => self.choose(action, asked),
            Phase::Rationale => self.write(action, asked),
            Phase::Confirm => match action {
                Action::Enter | Action::Char('y') => {
                    self.phase = Phase::Sent;
                    let Some(response) = kind_rule::response_of(asked.kind, self.picks.clone()) else {
                        self.phase = Phase::Choosing;
                        return Reply::None;
                    };
                    Reply::Answer(Given {
                        case: *case,
                        step: asked.step.clone(),
                        response,
                        rationale: rationale::text(&self.text).trim().to_string(),
                    })
                }
                Action::Back => {
                    self.phase = if asked.rationale == RationalePrompt::No {
                        Phase::Choosing
                    } else {
                        Phase::Rationale
                    };
                    Reply::None
                }
                Action::Quit => Reply::Leave,
                _ => Reply::None,
            },
            Phase::Sent => match action {
                Action::Char('c') | Action::Back => {
                    self.phase = Phase::Choosing;
                    Reply::None
                }
                Action::Quit => Reply::Leave,
                _ => Reply::None,
            },
        }
    }

    fn choose(&mut self, action: Action, asked: &Asked) -> Reply {
        let rows = display_order(asked);
        let row = rows.iter().position(|&i| i == self.cursor).unwrap_or(0);
        match action {
            Action::Up if row > 0 => self.cursor = rows[row - 1],
            Action::Down if row + 1 < rows.len() => self.cursor = rows[row + 1],
            Action::Char(c) if c.is_ascii_digit() => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=asked.options.len()).contains(&n) {
                    self.cursor = n - 1;
                    if asked.kind == DecisionKind::Multiple {
                        self.toggle(asked);
                    }
                }
            }
            Action::Space if asked.kind == DecisionKind::Multiple => self.toggle(asked),
            Action::Enter => {
                self.picks = match asked.kind {
                    // in the order the options are shown, as the engine keeps ticks
                    DecisionKind::Multiple => asked
                        .options
                        .iter()
                        .filter(|o| self.ticked.contains(&o.id))
                        .map(|o| o.id.clone())
                        .collect(),
                    DecisionKind::Single | DecisionKind::Scale => asked
                        .options
                        .get(self.cursor)
                        .map(|o| o.id.clone())
                        .into_iter()
                        .collect(),
                };
                self.phase = if asked.rationale == RationalePrompt::No {
                    Phase::Confirm
                } else {
                    Phase::Rationale
                };
            }
            Action::Quit => return Reply::Leave,
            _ => {}
        }
        Reply::None
    }

    fn toggle(&mut self, asked: &Asked) {
        let Some(option) = asked.options.get(self.cursor) else {
            return;
        };
        match self.ticked.iter().position(|t| *t == option.id) {
            Some(at) => {
                self.ticked.remove(at);
            }
            None => self.ticked.push(option.id.clone()),
        }
    }

    fn write(&mut self, action: Action, asked: &Asked) -> Reply {
        match action {
            Action::Enter => {
                if asked.rationale == RationalePrompt::Require
                    && rationale::text(&self.text).trim().is_empty()
                {
                    self.message = Some("This decision asks why: type a few words first.".into());
                } else {
                    self.phase = Phase::Confirm;
                }
            }
            Action::Back => self.phase = Phase::Choosing,
            Action::Text(key) => {
                rationale::edit(&mut self.text, &key);
            }
            Action::Paste(text) => {
                rationale::paste(&mut self.text, &text);
            }
            _ => {}
        }
        Reply::None
    }

    /// Draws the screen. `kept` is this trainee's answer in the room to the decision shown.
    pub fn render(&self, shown: &Shown, kept: Option<&Given>, area: Rect, buf: &mut Buffer, theme: &Palette) {
        buf.set_style(area, theme.base);
        let [head, body, bar] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let title = match shown {
            Shown::Text { title, .. } | Shown::Decision { title, .. } | Shown::Reveal { title, .. } => {
                clean(title)
            }
            Shown::Waiting | Shown::Ended => "Live room".into(),
        };
        Line::from(vec![
            Span::styled(format!(" {title}"), theme.title),
            Span::styled(format!(" · you are {}", self.name), theme.dim),
        ])
        .render(head, buf);
        let keys: Vec<(&str, &str)> = match (shown, self.phase) {
            (Shown::Decision { .. }, Phase::Choosing) => vec![("↑↓", "move"), ("Enter", "choose")],
            (Shown::Decision { .. }, Phase::Rationale) => {
                vec![("Enter", "next"), ("Esc", "back to the options")]
            }
            (Shown::Decision { .. }, Phase::Confirm) => vec![("Enter", "send"), ("Esc", "change")],
            (Shown::Decision { .. }, Phase::Sent) => vec![("c", "change my answer"), ("Ctrl+C", "leave")],
            _ => vec![("Ctrl+C", "leave (your answers are kept)")],
        };
        let mut keys = keys;
        if let (Shown::Decision { asked, .. }, Phase::Choosing) = (shown, self.phase)
            && asked.kind == DecisionKind::Multiple
        {
            keys.insert(1, ("Space", "tick"));
        }
        key_bar(&keys, theme).render(bar, buf);
        let width = body.width.saturating_sub(2);
        let mut lines: Vec<Line<'static>> = Vec::new();
        match shown {
            Shown::Waiting => {
                lines.push(Line::from(""));
                lines.push(Line::styled("Waiting for the instructor…", theme.heading));
                lines.push(Line::from(""));
                lines.push(Line::from("Your screen follows the room's. Nothing you answer is shown to anyone else until the reveal, and then only as a count."));
            }
            Shown::Ended => {
                lines.push(Line::styled("The session is over. Thank you.", theme.heading));
                lines.push(Line::from(
                    "Your answers are kept under your name. Press Ctrl+C to leave.",
                ));
            }
            Shown::Text {
                heading, body: text, ..
            } => {
                lines.push(Line::styled(clean(heading), theme.heading));
                lines.push(Line::from(""));
                for paragraph in clean(text).split('\n') {
                    lines.push(Line::from(paragraph.to_string()));
                }
            }
            Shown::Decision { asked, .. } => self.decision(asked, width, theme, &mut lines),
            Shown::Reveal {
                asked,
                officers,
                in_line,
                finding,
                ..
            } => {
                lines.push(Line::styled(
                    clean(&asked.prompt),
                    theme.heading.add_modifier(Modifier::BOLD),
                ));
                lines.push(Line::from(""));
                let yours = kept.map_or_else(
                    || "You did not answer.".to_string(),
                    |g| describe(asked, &g.response),
                );
                for (label, text) in [
                    ("Your answer: ", yours),
                    ("The officers: ", officers.clone()),
                    ("In line with the finding: ", in_line.clone()),
                    ("The investigation found: ", finding.clone()),
                ] {
                    lines.push(Line::from(vec![
                        Span::styled(label, theme.heading),
                        Span::raw(clean(&text)),
                    ]));
                    lines.push(Line::from(""));
                }
            }
        }
        if let Some(message) = &self.message {
            lines.push(Line::styled(message.clone(), theme.warning));
        }
        let block = panel("", false, theme);
        let inner = block.inner(body);
        block.render(body, buf);
        if let (Shown::Decision { .. }, Phase::Rationale) = (shown, self.phase) {
            let text = Text::from(lines);
            let used = wrapped_height(&text, inner.width);
            let [top, boxed, _] = Layout::vertical([
                Constraint::Length(used.min(inner.height / 2)),
                Constraint::Length(8),
                Constraint::Min(0),
            ])
            .areas(inner);
            Paragraph::new(text).wrap(Wrap { trim: false }).render(top, buf);
            let frame = panel("Why? (optional unless asked)", true, theme);
            let text_area = frame.inner(boxed);
            frame.render(boxed, buf);
            (&self.text).render(text_area, buf);
            return;
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }

    fn decision(&self, asked: &Asked, width: u16, theme: &Palette, lines: &mut Vec<Line<'static>>) {
        lines.push(Line::styled(
            clean(&asked.prompt),
            theme.heading.add_modifier(Modifier::BOLD),
        ));
        lines.push(Line::from(""));
        match self.phase {
            Phase::Choosing => {
                let mut shown = asked.clone();
                shown.ticked = self.ticked.clone();
                lines.extend(option_lines(&shown, self.cursor, width, theme));
            }
            Phase::Rationale => {
                lines.push(Line::from(vec![
                    Span::styled("Your answer: ", theme.heading),
                    Span::raw(clean(&picked(asked, &self.picks))),
                ]));
            }
            Phase::Confirm | Phase::Sent => {
                lines.push(Line::from(vec![
                    Span::styled("Your answer: ", theme.heading),
                    Span::raw(clean(&picked(asked, &self.picks))),
                ]));
                let why = rationale::text(&self.text);
                if !why.trim().is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled("Why: ", theme.heading),
                        Span::raw(clean(&why)),
                    ]));
                }
                lines.push(Line::from(""));
                if self.phase == Phase::Confirm {
                    lines.push(Line::styled(
                        "Send this answer? Enter sends it; Esc changes it.",
                        theme.accent,
                    ));
                } else {
                    lines.push(Line::styled(
                        "Answer sent. Waiting for the instructor's reveal…",
                        theme.good,
                    ));
                }
            }
        }
    }
}

fn picked(asked: &Asked, picks: &[String]) -> String {
    if picks.is_empty() {
        return "Nothing ticked".into();
    }
    asked
        .options
        .iter()
        .filter(|o| picks.contains(&o.id))
        .map(|o| o.text.clone())
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe(asked: &Asked, response: &Response) -> String {
    match response.nothing_selected() {
        Some(why) => why.into(),
        None => picked(
            asked,
            &response
                .selected()
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        ),
    }
}
