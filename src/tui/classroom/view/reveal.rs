//! The reveal: first one screen the room can take in at once (how the votes fell against
//! the officers and the finding, each option's mark beside its tally), then, one key
//! away, the detail: the quote and every option's feedback.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::super::Classroom;
use super::ClassroomView;
use super::text::{clipped, cut_at_word, indented};
use crate::engine::Asked;
use crate::scenario::{Decision, Mark, Scenario};
use crate::tui::theme::Palette as Theme;
use crate::tui::widgets::clean;

/// Columns of the longest tally bar on the summary.
const BAR: usize = 10;

impl ClassroomView<'_> {
    /// The summary, or the detail when the presenter asked for it.
    pub(super) fn reveal(&self, s: &Scenario, lines: &mut Vec<Line<'static>>) {
        let Some(asked) = self.room.asked() else { return };
        let Some(decision) = s.decision(&asked.step) else {
            return;
        };
        let shown = shown_options(self.room, decision, &asked);
        if self.room.presentation.detail {
            self.reveal_detail(decision, &shown, lines);
        } else {
            self.reveal_summary(decision, &shown, lines);
        }
    }

    fn reveal_summary(&self, decision: &Decision, shown: &[Shown], lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        lines.push(Line::styled(clean(&decision.prompt), big));
        if self.room.not_voted_here() {
            lines.push(Line::styled(
                "Not put to the room in this session's plan.",
                theme.accent,
            ));
        } else if self.drawn != super::banner::Drawn::Headline {
            let mut head = headline(decision, shown);
            // with a room size, how many of the room answered, as the question said it
            let answered: u32 = shown.iter().map(|(_, _, n)| *n).sum();
            if let Some(size) = self
                .room
                .room_size
                .filter(|_| decision.kind.picks_one() && answered > 0)
            {
                head.push_str(&format!(" · {answered} of {size} answered"));
            }
            lines.push(Line::styled(head, theme.accent));
        }
        lines.push(Line::from(""));
        let officers = officers_text(decision);
        if !officers.is_empty() {
            lines.extend(clipped("The officers: ", theme.heading, &officers, self.width, 2));
        }
        let in_line: Vec<String> = shown
            .iter()
            .filter(|(_, o, _)| decision.judged() && o.mark == Mark::Expected)
            .map(|(letter, o, _)| format!("({letter}) {}", o.text))
            .collect();
        if !decision.judged() {
            lines.push(Line::from(vec![
                Span::styled("In line: ", theme.heading),
                Span::styled(
                    "Not judged: the source makes no finding on this decision",
                    theme.dim,
                ),
            ]));
        } else if !in_line.is_empty() {
            lines.extend(clipped(
                "In line: ",
                theme.heading,
                &in_line.join("; "),
                self.width,
                2,
            ));
        }
        lines.extend(clipped(
            "Found: ",
            theme.heading,
            &finding_text(decision),
            self.width,
            3,
        ));
        lines.push(Line::from(""));
        let most = shown.iter().map(|(_, _, n)| *n).max().unwrap_or(0).max(1);
        // shares of the room where its size is known, as the question showed them
        let total: u32 = self
            .room
            .room_size
            .unwrap_or_else(|| shown.iter().map(|(_, _, n)| *n).sum());
        for (letter, option, votes) in shown {
            let (symbol, style, _) = mark(decision, option, theme);
            let width = usize::try_from(votes.saturating_mul(BAR as u32).div_ceil(most)).unwrap_or(BAR);
            let bar = "█".repeat(width.min(BAR));
            // ticks are not people: a share of all ticks would mislead, so a tick-all has none
            let head = if decision.kind.picks_one() {
                format!(
                    "{letter} {symbol} {bar:<BAR$} {votes:>3} {:>4}  ",
                    percent(*votes, total)
                )
            } else {
                format!("{letter} {symbol} {bar:<BAR$} {votes:>3}  ")
            };
            let who = if option.actual { "[officers] " } else { "" };
            let room = self.width.saturating_sub(crate::wrap::width(&head));
            lines.push(Line::from(vec![
                Span::styled(head, style),
                Span::raw(cut_at_word(&format!("{who}{}", clean(&option.text)), room)),
            ]));
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(
            "d: the detail (the quote, each option in full with its feedback)",
            theme.dim,
        ));
    }

    fn reveal_detail(&self, decision: &Decision, shown: &[Shown], lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        lines.push(Line::styled(clean(&decision.prompt), big));
        lines.push(Line::from(""));
        let officers = officers_text(decision);
        if !officers.is_empty() {
            lines.extend(clipped(
                "The officers: ",
                theme.heading,
                &officers,
                self.width,
                usize::MAX,
            ));
        }
        lines.extend(clipped(
            "Found: ",
            theme.heading,
            &finding_text(decision),
            self.width,
            usize::MAX,
        ));
        if let Some(quote) = decision
            .finding
            .quote
            .as_ref()
            .filter(|_| !decision.finding.debrief_only)
        {
            lines.push(Line::styled(format!("“{}”", clean(quote)), theme.accent));
        }
        lines.push(Line::from(""));
        for (letter, option, votes) in shown {
            let (symbol, style, label) = mark(decision, option, theme);
            // a decision the session plan keeps from the room has no tally to show
            let tally = if self.room.not_voted_here() {
                "not voted".to_string()
            } else {
                crate::plural::count(*votes as usize, "vote", "votes")
            };
            let officers = if option.actual {
                " · what the officers did"
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{letter}  {symbol} {label}"), style),
                Span::styled(format!(" · {tally}{officers}"), theme.dim),
            ]));
            lines.extend(indented(&clean(&option.text), self.width, "   "));
            if let Some(feedback) = option.feedback.as_ref().filter(|_| !option.debrief_only) {
                for line in indented(&clean(feedback), self.width, "   ") {
                    lines.push(line.style(theme.dim));
                }
            }
        }
        lines.push(Line::from(""));
        lines.push(Line::styled("d: back to the summary", theme.dim));
    }
}

/// An option as the room saw it: its letter, the file's option, its votes.
pub(super) type Shown<'a> = (char, &'a crate::scenario::Choice, u32);

/// The options in the order the room saw them, with their letters and votes.
pub(super) fn shown_options<'a>(room: &Classroom, decision: &'a Decision, asked: &Asked) -> Vec<Shown<'a>> {
    asked
        .options
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let letter = (b'A' + u8::try_from(i).ok()?) as char;
            let votes = room.votes.get(i).map_or(0, |(_, n)| *n);
            Some((letter, decision.option(&o.id)?, votes))
        })
        .collect()
}

/// "7 of 12 chose what the officers did · 3 chose the in-line answer": the sentence the
/// room reads first. Ticks on a tick-all are not people, so there it counts ticks.
pub(super) fn headline(decision: &Decision, shown: &[Shown]) -> String {
    let total: u32 = shown.iter().map(|(_, _, n)| *n).sum();
    if total == 0 {
        return "No votes were taken.".into();
    }
    let officers: u32 = shown
        .iter()
        .filter(|(_, o, _)| o.actual)
        .map(|(_, _, n)| *n)
        .sum();
    let in_line: u32 = shown
        .iter()
        .filter(|(_, o, _)| o.mark == Mark::Expected)
        .map(|(_, _, n)| *n)
        .sum();
    let has_officers = shown.iter().any(|(_, o, _)| o.actual);
    let judged = decision.judged() && shown.iter().any(|(_, o, _)| o.mark == Mark::Expected);
    let mut parts = Vec::new();
    if decision.kind.picks_one() {
        if has_officers {
            parts.push(format!("{officers} of {total} chose what the officers did"));
        }
        if judged {
            parts.push(format!("{in_line} chose the in-line answer"));
        }
        if parts.is_empty() {
            parts.push(crate::plural::count(total as usize, "vote", "votes"));
        }
    } else {
        if has_officers {
            parts.push(format!(
                "{} on what the officers did",
                crate::plural::count(officers as usize, "tick", "ticks")
            ));
        }
        if judged {
            parts.push(format!(
                "{} on options in line with the finding",
                crate::plural::count(in_line as usize, "tick", "ticks")
            ));
        }
        if parts.is_empty() {
            parts.push(crate::plural::count(total as usize, "tick", "ticks"));
        }
    }
    parts.join(" · ")
}

/// What the officers did, as the file says it or as their options read.
fn officers_text(decision: &Decision) -> String {
    decision.officers.clone().unwrap_or_else(|| {
        decision
            .officers_choice()
            .iter()
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The finding, unless it tells of later events: the reveal comes mid-story, so that waits.
fn finding_text(decision: &Decision) -> String {
    if decision.finding.debrief_only {
        "held until the end: it tells of later events".to_string()
    } else {
        clean(&decision.finding.text)
    }
}

/// The symbol, style and word for an option's mark; a decision that is not judged shows
/// none, since the source makes no finding.
fn mark(
    decision: &Decision,
    option: &crate::scenario::Choice,
    theme: &Theme,
) -> (&'static str, ratatui::style::Style, &'static str) {
    match option.mark {
        _ if !decision.judged() => ("·", theme.dim, "Not judged"),
        Mark::Unmarked => ("·", theme.dim, option.mark.label()),
        Mark::Expected => ("✓", theme.good, option.mark.label()),
        Mark::Acceptable => ("◐", theme.partly, option.mark.label()),
        Mark::Poor => ("✗", theme.bad, option.mark.label()),
    }
}

/// A share rounded to the nearest whole percent, as the cohort report rounds.
fn percent(part: u32, total: u32) -> String {
    crate::analysis::report::rounded_percent(part.into(), total.into())
        .map_or(String::new(), |p| format!("{p}%"))
}
