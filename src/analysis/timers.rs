//! How a run was timed, for every export: a score earned with extra time, with no clock or
//! in the untimed plain player reads differently from one under the case's limits.

use crate::record::model::Record;

/// The Markdown debrief's line: `- **Timers:** extra time (+50%)`.
pub fn timers_line(record: &Record) -> String {
    format!("- **Timers:** {}", record.session.settings.timers.label())
}

/// One short value for a CSV cell or a JSON field: `standard`, `extra+50%`, `off`, `untimed`.
pub fn timers_value(record: &Record) -> String {
    record.session.settings.timers.code()
}
