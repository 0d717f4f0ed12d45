//! The reveal: what the officers did, what the investigation found, and each option's mark
//! beside the room's votes.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::ClassroomView;
use super::text::indented;
use crate::scenario::{Mark, Scenario};
use crate::tui::widgets::clean;

impl ClassroomView<'_> {
    pub(super) fn reveal(&self, s: &Scenario, lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let room = self.room;
        let big = theme.heading.add_modifier(Modifier::BOLD);
        let Some(asked) = room.asked() else { return };
        let Some(decision) = s.decision(&asked.step) else {
            return;
        };
        lines.push(Line::styled(clean(&decision.prompt), big));
        lines.push(Line::from(""));
        let officers = decision.officers.clone().unwrap_or_else(|| {
            decision
                .officers_choice()
                .iter()
                .map(|c| c.text.clone())
                .collect::<Vec<_>>()
                .join("; ")
        });
        if !officers.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("The officers: ", theme.heading),
                Span::raw(clean(&officers)),
            ]));
        }
        // The reveal comes mid-story: text that tells of later events waits.
        let held = decision.finding.debrief_only;
        let found = if held {
            "held until the end: it tells of later events".to_string()
        } else {
            clean(&decision.finding.text)
        };
        lines.push(Line::from(vec![
            Span::styled("The investigation found: ", theme.heading),
            Span::raw(found),
        ]));
        if let Some(quote) = decision.finding.quote.as_ref().filter(|_| !held) {
            lines.push(Line::styled(format!("“{}”", clean(quote)), theme.accent));
        }
        lines.push(Line::from(""));
        for (i, shown) in asked.options.iter().enumerate() {
            let Some(option) = decision.option(&shown.id) else {
                continue;
            };
            let letter = (b'A' + i as u8) as char;
            let votes = room.votes.get(i).map_or(0, |(_, n)| *n);
            // a decision the session plan keeps from the room has no tally to show
            let tally = if room.not_voted_here() {
                "not voted".to_string()
            } else {
                crate::plural::count(votes as usize, "vote", "votes")
            };
            // A decision that is not judged shows no marks: the source makes no finding.
            let (symbol, style, mark) = match option.mark {
                _ if !decision.judged() => ("·", theme.dim, "Not judged"),
                Mark::Unmarked => ("·", theme.dim, option.mark.label()),
                Mark::Expected => ("✓", theme.good, option.mark.label()),
                Mark::Acceptable => ("◐", theme.partly, option.mark.label()),
                Mark::Poor => ("✗", theme.bad, option.mark.label()),
            };
            let officers = if option.actual {
                " · what the officers did"
            } else {
                ""
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{letter}  {symbol} {mark}"), style),
                Span::styled(format!(" · {tally}{officers}"), theme.dim),
            ]));
            lines.extend(indented(&clean(&option.text), self.width, "   "));
            if let Some(feedback) = option.feedback.as_ref().filter(|_| !option.debrief_only) {
                for line in indented(&clean(feedback), self.width, "   ") {
                    lines.push(line.style(theme.dim));
                }
            }
        }
    }
}
