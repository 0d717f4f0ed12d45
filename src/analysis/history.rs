//! A trainee's history: each finished run's result, and how each theme has gone over time.

use jiff::tz::TimeZone;

use crate::engine::assess;
use crate::record::model::{Record, RecordKind};
use crate::scenario::{Scenario, Theme};

/// One line of history: a record and, when its case is known and finished, its score.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub when: String,
    pub title: String,
    pub kind: RecordKind,
    pub mode: &'static str,
    /// Percentage of points; `None` while unfinished or when the case is no longer in the library.
    pub percent: Option<u32>,
    pub decisions: usize,
    pub finished: bool,
    /// The case has changed since the run was recorded.
    pub outdated: bool,
}

/// Newest first; `when` is the start in `zone`, with its offset.
pub fn rows(records: &[Record], scenarios: &[Scenario], zone: &TimeZone) -> Vec<HistoryRow> {
    records
        .iter()
        .rev()
        .map(|r| {
            let scenario = scenarios.iter().find(|s| s.id == r.scenario_id);
            let percent = scenario
                .filter(|_| r.is_finished())
                .map(|s| assess(s, &r.session.answers).total.percent());
            HistoryRow {
                when: r.started.local_short(zone),
                title: r.scenario_title.clone(),
                kind: r.kind,
                mode: r.session.settings.mode.label(),
                percent,
                decisions: r.session.answers.len(),
                finished: r.is_finished(),
                outdated: scenario.is_some_and(|s| !r.matches(s)),
            }
        })
        .collect()
}

/// Per theme, the share of points in each finished run (oldest first) that touched it.
pub fn theme_trends(records: &[Record], scenarios: &[Scenario]) -> Vec<(Theme, Vec<u32>)> {
    let mut trends: Vec<(Theme, Vec<u32>)> = Vec::new();
    for record in records
        .iter()
        .filter(|r| r.is_finished() && r.kind == RecordKind::Run)
    {
        let Some(scenario) = scenarios.iter().find(|s| s.id == record.scenario_id) else {
            continue;
        };
        for tally in assess(scenario, &record.session.answers).by_theme {
            let Some(theme) = Theme::ALL.iter().copied().find(|t| t.label() == tally.label) else {
                continue;
            };
            match trends.iter_mut().find(|(t, _)| *t == theme) {
                Some((_, values)) => values.push(tally.percent()),
                None => trends.push((theme, vec![tally.percent()])),
            }
        }
    }
    trends.sort_by_key(|(t, _)| *t);
    trends
}

/// A sparkline of percentages: ▁ for 0 … █ for 100.
pub fn sparkline(values: &[u32]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|v| BARS[(*v as usize * 7).div_ceil(100).min(7)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::sparkline;

    #[test]
    fn sparkline_spans_the_range() {
        assert_eq!(sparkline(&[0, 50, 100]), "▁▅█");
    }
}
