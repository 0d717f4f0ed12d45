//! The discussion timer as the room sees it: counting up, counting down to a target, or
//! how far over the target the discussion has run (it keeps counting).

use std::time::Instant;

use super::super::Timer;

/// What the timer shows at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// No target: the time since it started.
    Up(u64),
    /// Seconds left before the target.
    Left { secs: u64, target: u64 },
    /// Seconds past the target.
    Over { secs: u64, target: u64 },
}

pub(super) fn reading(timer: &Timer, now: Instant) -> Reading {
    let elapsed = timer.elapsed(now);
    match timer.target {
        None => Reading::Up(elapsed.as_secs()),
        Some(target) if elapsed < target => Reading::Left {
            // a part-second left shows as a whole one, so 0:00 means the time is up
            secs: (target - elapsed).as_secs() + u64::from((target - elapsed).subsec_nanos() > 0),
            target: target.as_secs(),
        },
        Some(target) => Reading::Over {
            secs: elapsed.saturating_sub(target).as_secs(),
            target: target.as_secs(),
        },
    }
}

/// `m:ss`, as a clock on the wall shows it.
pub(super) fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

impl Reading {
    /// The timer in one line of words, for the header.
    pub(super) fn line(self, paused: bool) -> String {
        let paused = if paused { " (paused)" } else { "" };
        match self {
            Reading::Up(secs) => format!("⏱ {}{paused}", clock(secs)),
            Reading::Left { secs, target } => {
                format!("⏱ {} left of {}{paused}", clock(secs), clock(target))
            }
            Reading::Over { secs, target } => {
                format!("⏱ OVER by {} (target {}){paused}", clock(secs), clock(target))
            }
        }
    }

    /// The timer in big digits: the clock alone, over time marked with `+`.
    pub(super) fn big(self) -> String {
        match self {
            Reading::Up(secs) | Reading::Left { secs, .. } => clock(secs),
            Reading::Over { secs, .. } => format!("+{}", clock(secs)),
        }
    }

    pub(super) fn is_over(self) -> bool {
        matches!(self, Reading::Over { .. })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn timer(target: Option<u64>, banked: u64) -> Timer {
        Timer {
            running_since: None,
            banked: Duration::from_secs(banked),
            target: target.map(Duration::from_secs),
        }
    }

    #[test]
    fn counts_down_to_the_target_then_says_how_far_over() {
        let now = Instant::now();
        assert_eq!(reading(&timer(None, 75), now), Reading::Up(75));
        assert_eq!(
            reading(&timer(Some(120), 50), now).line(false),
            "⏱ 1:10 left of 2:00"
        );
        let over = reading(&timer(Some(120), 140), now);
        assert_eq!(over.line(true), "⏱ OVER by 0:20 (target 2:00) (paused)");
        assert_eq!(over.big(), "+0:20");
        assert_eq!(reading(&timer(Some(120), 120), now).big(), "+0:00");
    }
}
