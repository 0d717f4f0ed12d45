//! Text shaping shared by the classroom screens.

use ratatui::text::Line;

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

/// The most recent narrative before the current decision, to keep the room oriented.
pub(super) fn last_narrative(s: &Scenario, path: &[String]) -> Option<String> {
    path.iter()
        .rev()
        .skip(1)
        .find_map(|id| match s.step_index(id).map(|i| &s.steps[i]) {
            Some(Step::Narrative(n)) => Some(n.text.clone()),
            _ => None,
        })
}
