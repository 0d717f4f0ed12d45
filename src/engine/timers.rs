//! The run's timer setting and what it does to a decision's time limit. Chosen before a
//! run begins, saved with it (old records load as `Standard`), and shown in every export,
//! so a score earned with extra time or no clock is never mistaken for one under the limit.

use serde::{Deserialize, Serialize};

use crate::scenario::{Scenario, Step};

/// The extra-time choices the full-screen briefing cycles through, in percent.
pub const EXTRA_TIME_STEPS: [u16; 3] = [25, 50, 100];
/// The most extra time accepted: four times the limit is already no pressure at all.
pub const MAX_EXTRA_PERCENT: u16 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Timers {
    /// Each timed decision has the limit its case gives it.
    #[default]
    Standard,
    /// Each limit lengthened by this percentage (`--extra-time 50`: 90 s becomes 135 s).
    Extra(u16),
    /// No clocks at all (`--no-timers`), e.g. for a screen-reader user.
    Off,
    /// Played in plain mode, which has no clock.
    Untimed,
}

impl Timers {
    /// The setting asked for on the command line: `--no-timers` wins over `--extra-time`.
    pub fn from_flags(no_timers: bool, extra_percent: Option<u16>) -> Self {
        match (no_timers, extra_percent) {
            (true, _) => Timers::Off,
            (false, Some(0) | None) => Timers::Standard,
            (false, Some(p)) => Timers::Extra(p.min(MAX_EXTRA_PERCENT)),
        }
    }

    /// The limit a decision runs with under this setting, in whole seconds (rounded up).
    pub fn limit(self, seconds: Option<u32>) -> Option<u32> {
        let seconds = seconds?;
        match self {
            Timers::Standard => Some(seconds),
            Timers::Extra(p) => {
                let longer = u64::from(seconds) * (100 + u64::from(p));
                Some(u32::try_from(longer.div_ceil(100)).unwrap_or(u32::MAX))
            }
            Timers::Off | Timers::Untimed => None,
        }
    }

    /// The setting in a few words, for the briefing, the header and exports.
    pub fn label(self) -> String {
        match self {
            Timers::Standard => "standard time limits".into(),
            Timers::Extra(p) => format!("extra time (+{p}%)"),
            Timers::Off => "no timers".into(),
            Timers::Untimed => "untimed (plain mode)".into(),
        }
    }

    /// A short form for one CSV cell or JSON value: `standard`, `extra+50%`, `off`, `untimed`.
    pub fn code(self) -> String {
        match self {
            Timers::Standard => "standard".into(),
            Timers::Extra(p) => format!("extra+{p}%"),
            Timers::Off => "off".into(),
            Timers::Untimed => "untimed".into(),
        }
    }

    /// The next setting on the briefing's toggle: standard, +25%, +50%, +100%, off, standard.
    pub fn cycle(self) -> Self {
        match self {
            Timers::Standard => Timers::Extra(EXTRA_TIME_STEPS[0]),
            Timers::Extra(p) => EXTRA_TIME_STEPS
                .iter()
                .find(|&&s| s > p)
                .map_or(Timers::Off, |&s| Timers::Extra(s)),
            Timers::Off | Timers::Untimed => Timers::Standard,
        }
    }
}

/// Which of a case's decisions are timed, and for how long under a setting: what a trainee
/// is told before a run begins, without saying which decisions they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedDecisions {
    pub timed: usize,
    pub decisions: usize,
    /// The distinct limits under the setting, shortest first.
    pub limits: Vec<u32>,
}

impl TimedDecisions {
    pub fn of(scenario: &Scenario, timers: Timers) -> Self {
        let mut limits: Vec<u32> = Vec::new();
        let (mut timed, mut decisions) = (0, 0);
        for step in &scenario.steps {
            let Step::Decision(d) = step else { continue };
            decisions += 1;
            if d.time_limit.is_some() {
                timed += 1;
            }
            if let Some(limit) = timers.limit(d.time_limit)
                && !limits.contains(&limit)
            {
                limits.push(limit);
            }
        }
        limits.sort_unstable();
        TimedDecisions {
            timed,
            decisions,
            limits,
        }
    }

    /// One sentence for the briefing: "2 of the case's 7 decisions are timed: 90 s each."
    /// The case's count of decisions, as a run may take a path that meets fewer of them.
    pub fn sentence(&self, timers: Timers) -> String {
        match self.summary(timers) {
            Some(summary) if !self.limits.is_empty() => format!(
                "{}. The clock pauses while help or a dialog is open.",
                capital(&summary)
            ),
            Some(summary) => format!("{}: no clock will run.", capital(&summary)),
            None => "No decision in this case is timed.".into(),
        }
    }

    /// Which decisions are timed and for how long, to go inside a sentence (no capital, no
    /// full stop); `None` when none is.
    pub fn summary(&self, timers: Timers) -> Option<String> {
        let which = match (self.timed, self.decisions) {
            (0, _) => return None,
            (1, 1) => "its one decision is timed".to_string(),
            (t, d) if t == d => format!("all {d} decisions are timed"),
            (1, d) => format!("1 of the case's {d} decisions is timed"),
            (t, d) => format!("{t} of the case's {d} decisions are timed"),
        };
        let how_long = match self.limits.as_slice() {
            [] => return Some(format!("{which}, but with {}", timers.label())),
            [one] if self.timed == 1 => format!("{one} s"),
            [one] => format!("{one} s each"),
            [low, .., high] => format!("{low} s to {high} s"),
        };
        let extra = match timers {
            Timers::Extra(p) => format!(" (with {p}% extra time)"),
            _ => String::new(),
        };
        Some(format!("{which}: {how_long}{extra}"))
    }
}

/// A sentence's first letter in capitals.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_time_lengthens_and_rounds_up() {
        assert_eq!(Timers::Extra(50).limit(Some(90)), Some(135));
        assert_eq!(Timers::Extra(25).limit(Some(90)), Some(113));
        assert_eq!(Timers::Standard.limit(Some(90)), Some(90));
        assert_eq!(Timers::Off.limit(Some(90)), None);
        assert_eq!(Timers::Untimed.limit(Some(90)), None);
        assert_eq!(Timers::Extra(50).limit(None), None);
    }

    #[test]
    fn the_briefing_sentence_names_counts_and_limits_only() {
        let timed = TimedDecisions {
            timed: 2,
            decisions: 7,
            limits: vec![90],
        };
        assert_eq!(
            timed.sentence(Timers::Standard),
            "2 of the case's 7 decisions are timed: 90 s each. The clock pauses while help or a dialog is open."
        );
        let off = TimedDecisions {
            limits: vec![],
            ..timed.clone()
        };
        assert_eq!(
            off.sentence(Timers::Off),
            "2 of the case's 7 decisions are timed, but with no timers: no clock will run."
        );
        let none = TimedDecisions { timed: 0, ..timed };
        assert_eq!(
            none.sentence(Timers::Standard),
            "No decision in this case is timed."
        );
    }

    #[test]
    fn flags_pick_one_setting() {
        assert_eq!(Timers::from_flags(true, Some(50)), Timers::Off);
        assert_eq!(Timers::from_flags(false, Some(50)), Timers::Extra(50));
        assert_eq!(Timers::from_flags(false, Some(0)), Timers::Standard);
        assert_eq!(
            Timers::from_flags(false, Some(1000)),
            Timers::Extra(MAX_EXTRA_PERCENT)
        );
        assert_eq!(Timers::from_flags(false, None), Timers::Standard);
    }

    #[test]
    fn the_briefing_toggle_comes_back_round() {
        let mut seen = vec![Timers::Standard];
        let mut t = Timers::Standard.cycle();
        while t != Timers::Standard {
            seen.push(t);
            t = t.cycle();
        }
        assert_eq!(
            seen,
            [
                Timers::Standard,
                Timers::Extra(25),
                Timers::Extra(50),
                Timers::Extra(100),
                Timers::Off
            ]
        );
    }

    #[test]
    fn an_old_record_without_the_setting_is_standard() {
        let old = r#"{"mode":"Practice","seed":3}"#;
        let settings: super::super::Settings = serde_json::from_str(old).expect("old settings load");
        assert_eq!(settings.timers, Timers::Standard);
    }
}
