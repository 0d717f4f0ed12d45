//! The options of a question with the room's votes: counts while votes are taken, bars
//! when shown, percentages of the room when its size is known; then the total, a warning
//! when more answered than the room holds, and what the keyboard is doing.

use ratatui::text::{Line, Span};

use super::super::{EntryPurpose, Modal};
use super::text::indented;
use super::{ClassroomView, voting};
use crate::engine::Asked;
use crate::plural::count;
use crate::tui::widgets::clean;

/// `n` as a share of `of`, rounded to the nearest whole percent (halves up).
pub(super) fn percent(n: u32, of: u32) -> Option<u64> {
    let (n, of) = (u64::from(n), u64::from(of));
    (n * 200 + of).checked_div(of * 2)
}

impl ClassroomView<'_> {
    pub(super) fn vote_lines(&self, asked: &Asked, lines: &mut Vec<Line<'static>>) {
        let theme = self.theme;
        let room = self.room;
        let checklist = !asked.kind.picks_one();
        // a share of the people in the room: on a checklist, of those who answered if counted
        let of = if checklist {
            room.respondents.or(room.room_size)
        } else {
            room.room_size
        };
        let share = |n: u32| {
            of.and_then(|of| percent(n, of))
                .map_or(String::new(), |p| format!(" {p:>3}%"))
        };
        let most = room.votes.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        let counting = voting(room);
        for (i, option) in asked.options.iter().enumerate() {
            let letter = (b'A' + i as u8) as char;
            let votes = room.votes.get(i).map_or(0, |(_, n)| *n);
            let text = clean(&option.text);
            if room.show_votes {
                let width = (u64::from(votes) * 12).div_ceil(u64::from(most)) as usize;
                lines.push(Line::from(vec![
                    Span::styled(format!("{letter}  "), theme.key),
                    Span::styled(
                        format!("{:<12} {votes:>4}{}", "█".repeat(width), share(votes)),
                        theme.accent,
                    ),
                ]));
                lines.extend(indented(&text, self.width, "   "));
            } else if counting {
                let figures = format!("{votes:>4}{}  ", share(votes));
                let label = format!("{letter}  {figures}");
                let wrapped = crate::wrap::hanging(&label, &text, self.width);
                for (n, line) in wrapped.lines().enumerate() {
                    if n == 0 {
                        let rest = line.get(label.len()..).unwrap_or_default().to_string();
                        lines.push(Line::from(vec![
                            Span::styled(format!("{letter}  "), theme.key),
                            Span::styled(figures.clone(), theme.accent),
                            Span::raw(rest),
                        ]));
                    } else {
                        lines.push(Line::from(line.to_string()));
                    }
                }
            } else {
                let mut first = indented(&text, self.width, "   ");
                if let Some(line) = first.first_mut() {
                    *line = Line::from(vec![
                        Span::styled(format!("{letter}  "), theme.key),
                        Span::raw(line.to_string().trim_start().to_string()),
                    ]);
                }
                lines.extend(first);
            }
        }
        lines.push(Line::from(""));
        lines.push(Line::styled(self.total_line(checklist), theme.accent));
        if let Some(warning) = self.over_the_room(checklist) {
            lines.push(Line::styled(warning, theme.warning));
        }
        lines.push(self.mode_line(checklist));
    }

    /// "Total 11 · 11 of 12 answered"; on a checklist "12 people answered · 23 ticks".
    fn total_line(&self, checklist: bool) -> String {
        let room = self.room;
        let total = room.total_votes();
        let mut line = if checklist {
            let ticks = count(total as usize, "tick", "ticks");
            match (room.respondents, room.room_size) {
                (Some(p), Some(size)) => format!("{p} of {size} people answered · {ticks}"),
                (Some(p), None) => format!("{} answered · {ticks}", count(p as usize, "person", "people")),
                (None, _) => format!("{ticks} · =p12 sets how many people answered"),
            }
        } else {
            match room.room_size {
                Some(size) => format!("Total {total} · {total} of {size} answered"),
                None => format!("Total {total}"),
            }
        };
        if !voting(room) {
            line.push_str(if room.show_votes {
                " · bars shown"
            } else {
                " · bars hidden (v shows)"
            });
        }
        line
    }

    /// A warning, never a refusal, when more answered than the room holds: latecomers happen,
    /// but a slip of the finger should be seen.
    fn over_the_room(&self, checklist: bool) -> Option<String> {
        let room = self.room;
        let size = room.room_size?;
        let answered = if checklist {
            room.respondents?
        } else {
            room.total_votes()
        };
        (answered > size)
            .then(|| format!("⚠ {answered} answered: more than the room of {size} (# changes it)"))
    }

    fn mode_line(&self, checklist: bool) -> Line<'static> {
        let theme = self.theme;
        let room = self.room;
        let line = match &room.modal {
            Modal::Entry {
                text,
                purpose: EntryPurpose::RoomSize,
                ..
            } => format!("Room size (a number, then Enter; empty forgets it): {text}▏"),
            Modal::Entry { text, .. } => {
                let people = if checklist {
                    "; p12: people who answered"
                } else {
                    ""
                };
                format!("Count (a letter then a number, then Enter{people}): {text}▏")
            }
            Modal::Voting => "TAKING VOTES · a letter adds one, Shift+letter takes one away".into(),
            Modal::ConfirmReveal => "No votes entered. Reveal anyway? y: reveal · any other key: stay".into(),
            _ => return Line::from(""),
        };
        Line::styled(line, theme.warning)
    }
}
