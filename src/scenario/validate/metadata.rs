//! Rules for the scenario's own fields: its id, dates, line range, minutes and themes.

use super::super::diagnostic::Diagnostic;
use super::super::text::echo;
use super::{Checker, is_valid_id};

impl Checker<'_> {
    pub(super) fn metadata(&mut self) {
        let s = self.scenario;
        if !is_valid_id(&s.id) {
            let location = self.top("id");
            self.out.push(
                Diagnostic::error(
                    "bad-id",
                    location,
                    format!("scenario id `{}` is not a valid id", echo(&s.id)),
                )
                .with_help("use lower-case letters, digits and hyphens, e.g. `herts-2021-nmo-breach`"),
            );
        }
        let dates = [
            ("incident", s.source.incident.as_ref()),
            ("published", s.source.published.as_ref()),
        ];
        for (key, value) in dates.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))) {
            if !is_partial_date(value) {
                let location = self.top(key);
                self.out.push(
                    Diagnostic::error(
                        "bad-date",
                        location,
                        format!("`{key}` date `{}` is not a date", echo(value)),
                    )
                    .with_help("write YYYY, YYYY-MM or YYYY-MM-DD, e.g. \"2021-08\""),
                );
            }
        }
        if let Some((first, last)) = s.source.lines
            && (first == 0 || first > last)
        {
            let location = self.top("lines");
            self.out.push(
                Diagnostic::error(
                    "bad-lines",
                    location,
                    format!("`lines: ({first}, {last})` is not a range of lines"),
                )
                .with_help(
                    "give the first and last line of the case in the document, e.g. `lines: (123, 169)`",
                ),
            );
        }
        if s.estimated_minutes == 0 {
            let location = self.top("estimated_minutes");
            self.out.push(
                Diagnostic::error("bad-minutes", location, "`estimated_minutes` is 0")
                    .with_help("give the minutes a trainee needs to read and decide, e.g. 15"),
            );
        }
        if s.themes.is_empty() {
            let location = self.top("themes");
            self.out.push(
                Diagnostic::error("no-themes", location, "the scenario has no themes")
                    .with_help("list at least one theme, e.g. `themes: [DomesticAbuse, RiskAssessment]`"),
            );
        }
    }
}

fn is_partial_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let numeric = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2) && in_range(m, 12),
        [y, m, d] => numeric(y, 4) && numeric(m, 2) && in_range(m, 12) && numeric(d, 2) && in_range(d, 31),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_may_be_partial() {
        assert!(is_partial_date("2021"));
        assert!(is_partial_date("2021-08"));
        assert!(is_partial_date("2023-12-01"));
        assert!(!is_partial_date("Aug 2021"));
        assert!(!is_partial_date("2021-13"));
    }
}
