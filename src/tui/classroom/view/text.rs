//! Text shaping shared by the classroom screens.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::scenario::{Scenario, Step};
use crate::tui::widgets::clean;

/// Word-wrapped lines with every line after the first indented by `indent`, as owned lines.
pub(super) fn indented(text: &str, width: usize, indent: &str) -> Vec<Line<'static>> {
    crate::wrap::hanging(indent, text, width)
        .lines()
        .map(|l| Line::from(l.to_string()))
        .collect()
}

pub(super) fn paragraphs(lines: &mut Vec<Line<'static>>, text: &str) {
    for paragraph in clean(text).split('\n') {
        lines.push(Line::from(paragraph.to_string()));
    }
}

/// The last paragraph of the most recent narrative before the current decision, to keep
/// the room oriented: one paragraph, since the recap is a reminder, not a re-reading.
pub(super) fn last_narrative(s: &Scenario, path: &[String]) -> Option<String> {
    path.iter()
        .rev()
        .skip(1)
        .find_map(|id| match s.step_index(id).map(|i| &s.steps[i]) {
            Some(Step::Narrative(n)) => n
                .text
                .split('\n')
                .map(str::trim)
                .rfind(|p| !p.is_empty())
                .map(str::to_string),
            _ => None,
        })
}

/// `text` cut to `width` columns at a word boundary, ending in "…" when anything was cut;
/// a single word longer than the line is cut where it must be.
pub(super) fn cut_at_word(text: &str, width: usize) -> String {
    if crate::wrap::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if crate::wrap::width(&next) + 1 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        return crate::wrap::truncate(text, width);
    }
    let out = out.trim_end_matches([',', ';', ':', '.', ' ']);
    format!("{out}…")
}

/// `label` then `text` (cleaned), wrapped to `width` under the label, at most `rows` rows;
/// the last row kept ends in "…" when more was cut, the rest being one key away.
pub(super) fn clipped(
    label: &str,
    label_style: Style,
    text: &str,
    width: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let pad = " ".repeat(crate::wrap::width(label));
    let flat = clean(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut wrapped = crate::wrap::lines(&flat, width, label, &pad);
    if wrapped.len() > rows {
        wrapped.truncate(rows.max(1));
        if let Some(last) = wrapped.last_mut() {
            let body = last.trim_start();
            let lead = &last[..last.len() - body.len()];
            let room = width.saturating_sub(crate::wrap::width(lead));
            let body = if crate::wrap::width(body) < room {
                format!("{body}…")
            } else {
                cut_at_word(body, room.saturating_sub(1))
            };
            *last = format!("{lead}{body}");
        }
    }
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, row)| match row.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label.to_string(), label_style),
                Span::raw(rest.to_string()),
            ]),
            _ => Line::from(row),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_title_ends_at_a_word_with_an_ellipsis() {
        assert_eq!(cut_at_word("Contact at a neighbour's house", 22), "Contact at a…");
        assert_eq!(cut_at_word("Short", 22), "Short");
        assert_eq!(cut_at_word("Unbreakablewordhere", 8), "Unbreak…");
    }

    #[test]
    fn a_clipped_block_keeps_its_rows_and_marks_the_cut() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = clipped("Found: ", Style::default(), text, 20, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].to_string().ends_with('…'), "{lines:?}");
        assert!(lines[1].to_string().starts_with("       "), "{lines:?}");
        assert_eq!(clipped("Found: ", Style::default(), "short", 20, 2).len(), 1);
    }
}
