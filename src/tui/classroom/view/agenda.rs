//! The agenda: the plan's cases with the minutes planned for each beside the time each
//! took (or is taking), the totals, and how far over the session runs. Shown before the
//! first case and between cases of a plan, and over any screen on `g`.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::super::Stage;
use super::ClassroomView;
use crate::engine::PathPolicy;
use crate::tui::widgets::clean;
use crate::wrap::{truncate, width};

const MARK: usize = 2;
const NUMBER: usize = 4;
const MINUTES: usize = 9;
const STATUS: usize = 17;

/// How a case stands on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Progress {
    Done,
    Current,
    Ahead,
}

impl ClassroomView<'_> {
    pub(super) fn agenda(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let room = self.room;
        Clear.render(area, buf);
        buf.set_style(area, theme.base);
        let big = theme.heading.add_modifier(Modifier::BOLD);
        let full = area.width as usize;
        let longest = room
            .plan
            .iter()
            .map(|s| width(&clean(&s.title)))
            .max()
            .unwrap_or(0);
        // as wide as the longest title needs, so the minutes stay beside the titles
        let title_width = full
            .saturating_sub(MARK + NUMBER + 2 * MINUTES + 2 + STATUS)
            .min(longest.max(8) + 2)
            .max(8);
        let mut lines: Vec<Line<'static>> = Vec::new();
        let heading = match &room.agenda.title {
            Some(title) => format!("SESSION PLAN · {}", clean(title)),
            None => "SESSION PLAN".to_string(),
        };
        lines.push(Line::styled(truncate(&heading, full), big));
        lines.push(Line::styled(truncate(&self.agenda_setting(), full), theme.dim));
        lines.push(Line::from(""));
        lines.push(Line::styled(
            format!(
                "{:MARK$}{:>2}  {:title_width$}{:>MINUTES$}{:>MINUTES$}",
                "", "", "Case", "Planned", "Elapsed"
            ),
            theme.dim,
        ));
        // the heading, the setting line, a gap, the column heads; a gap, the total, a gap, the keys
        let rows = (area.height as usize).saturating_sub(8);
        let count = room.plan.len();
        // a row between cases where the screen is tall enough: easier to read from the back
        let spaced = area.height >= 40 && count * 2 <= rows;
        let shown = if count > rows {
            rows.saturating_sub(1)
        } else {
            count
        };
        let first = room
            .case
            .saturating_sub(shown.saturating_sub(1) / 2)
            .min(count - shown.min(count));
        let mut planned_total = 0u64;
        let mut elapsed_total = Duration::ZERO;
        let mut drift: i64 = 0;
        for case in 0..count {
            let planned = u64::from(room.planned_minutes(case));
            let elapsed = room.case_elapsed(case, self.now);
            planned_total += planned;
            elapsed_total += elapsed;
            let progress = self.progress(case);
            let over = elapsed.as_secs() as i64 - (planned * 60) as i64;
            match progress {
                Progress::Done => drift += over,
                Progress::Current => drift += over.max(0),
                Progress::Ahead => {}
            }
            if case < first || case >= first + shown {
                continue;
            }
            let (mark, style) = match progress {
                Progress::Done => ("✓", theme.dim),
                Progress::Current => ("▶", theme.accent),
                Progress::Ahead => (" ", theme.base),
            };
            let spent = if progress == Progress::Ahead && elapsed.is_zero() {
                "—".to_string()
            } else {
                minutes(elapsed)
            };
            let status = match progress {
                _ if over >= 60 => format!("over by {}", minutes(Duration::from_secs(over as u64))),
                Progress::Current if room.agenda.running.is_some() => "under way".into(),
                Progress::Current => "next".into(),
                Progress::Done => "done".into(),
                Progress::Ahead => String::new(),
            };
            if spaced && case > first {
                lines.push(Line::from(""));
            }
            let title = room.plan.get(case).map(|s| clean(&s.title)).unwrap_or_default();
            let title = truncate(&title, title_width);
            let pad = title_width.saturating_sub(width(&title));
            lines.push(Line::from(vec![
                Span::styled(format!("{mark:<MARK$}"), style),
                Span::styled(format!("{:>2}  ", case + 1), style),
                Span::styled(format!("{title}{}", " ".repeat(pad)), style),
                Span::styled(format!("{:>MINUTES$}", format!("{planned} min")), style),
                Span::styled(format!("{spent:>MINUTES$}"), style),
                Span::styled(
                    format!("  {status}"),
                    if over >= 60 { theme.warning } else { style },
                ),
            ]));
        }
        if shown < count {
            lines.push(Line::styled(
                format!(
                    "{:MARK$}… {} of {count} cases shown (a taller screen shows all)",
                    "", shown
                ),
                theme.dim,
            ));
        }
        lines.push(Line::from(""));
        let total_status = if drift >= 60 {
            format!("over by {}", minutes(Duration::from_secs(drift as u64)))
        } else if drift <= -60 {
            format!("{} in hand", minutes(Duration::from_secs(drift.unsigned_abs())))
        } else if elapsed_total.is_zero() {
            String::new()
        } else {
            "on time".into()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:MARK$}{:>2}  {:title_width$}", "", "", "Total"), big),
            Span::styled(format!("{:>MINUTES$}", format!("{planned_total} min")), big),
            Span::styled(format!("{:>MINUTES$}", minutes(elapsed_total)), big),
            Span::styled(
                format!("  {total_status}"),
                if drift >= 60 { theme.warning } else { big },
            ),
        ]));
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        Paragraph::new(lines).render(body, buf);
        let keys = Rect {
            y: area.y + area.height.saturating_sub(1),
            height: 1.min(area.height),
            ..area
        };
        Paragraph::new(Line::styled(truncate(&self.agenda_keys(), full), theme.dim)).render(keys, buf);
    }

    fn progress(&self, case: usize) -> Progress {
        let room = self.room;
        if room.stage == Stage::End || case < room.case {
            Progress::Done
        } else if case == room.case {
            Progress::Current
        } else {
            Progress::Ahead
        }
    }

    /// The plan's room and path, in words.
    fn agenda_setting(&self) -> String {
        let room = self.room;
        let mut parts = Vec::new();
        if let Some(size) = room.agenda.room {
            parts.push(format!("Room of {size}"));
        }
        if room.agenda.file.is_some() {
            parts.push(
                match room.path {
                    PathPolicy::Majority => "the story follows the room's majority",
                    PathPolicy::Officers => "the story follows what the officers did",
                    PathPolicy::Ask => "you choose the way on at each decision",
                }
                .to_string(),
            );
        } else {
            parts.push("Planned minutes are each case's own estimate".into());
        }
        parts.join(" · ")
    }

    fn agenda_keys(&self) -> String {
        let room = self.room;
        let started = room.case_elapsed(room.case, self.now) > Duration::ZERO;
        match room.stage {
            Stage::End => "Enter: close · q: end the session".into(),
            _ if room.agenda.running.is_some() || started => {
                format!(
                    "Enter or g: back to case {} · b: blank · ?: keys · q: end",
                    room.case + 1
                )
            }
            _ => format!(
                "Enter: start case {} · b: blank · ?: keys · q: end",
                room.case + 1
            ),
        }
    }
}

/// Whole minutes, rounded down: "27 min".
fn minutes(time: Duration) -> String {
    format!("{} min", time.as_secs() / 60)
}
