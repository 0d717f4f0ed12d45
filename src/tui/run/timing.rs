//! The clock on the decision being asked, measured here at the edge (the engine has no
//! clock). It counts only the time the decision is really in front of the trainee: it
//! pauses while help or a dialog covers it, or the terminal is too small to show it, and a
//! resumed run starts it with the time that was left when the run was last saved.

use std::time::{Duration, Instant};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionClock {
    /// The decision's limit under the run's timer setting; `None` when it is not timed.
    limit: Option<Duration>,
    /// Time counted before the current running stretch.
    spent: Duration,
    /// When the current running stretch began; `None` while paused.
    since: Option<Instant>,
}

impl DecisionClock {
    /// A clock for a decision just shown, with `spent` already counted (a resumed run),
    /// running unless `paused`.
    pub fn start(limit_seconds: Option<u32>, spent: Duration, now: Instant, paused: bool) -> Self {
        DecisionClock {
            limit: limit_seconds.map(|s| Duration::from_secs(u64::from(s))),
            spent,
            since: (!paused).then_some(now),
        }
    }

    /// A timed decision resumed with `left` on its clock: never more than its limit.
    pub fn resume(limit_seconds: Option<u32>, left: Option<f64>, now: Instant, paused: bool) -> Self {
        let mut clock = Self::start(limit_seconds, Duration::ZERO, now, paused);
        if let (Some(limit), Some(left)) = (clock.limit, left) {
            let left = Duration::try_from_secs_f64(left.max(0.0))
                .unwrap_or(limit)
                .min(limit);
            clock.spent = limit.saturating_sub(left);
        }
        clock
    }

    /// Time the decision has been in front of the trainee.
    pub fn spent(&self, now: Instant) -> Duration {
        let running = self
            .since
            .map_or(Duration::ZERO, |t| now.saturating_duration_since(t));
        self.spent.saturating_add(running)
    }

    /// Time left on a timed decision.
    pub fn left(&self, now: Instant) -> Option<Duration> {
        self.limit.map(|l| l.saturating_sub(self.spent(now)))
    }

    /// Whole seconds left, rounded up, as the header shows them.
    pub fn seconds_left(&self, now: Instant) -> Option<u64> {
        self.left(now).map(|d| d.as_secs_f64().ceil() as u64)
    }

    /// The limit has run out while the clock was running.
    pub fn expired(&self, now: Instant) -> bool {
        self.since.is_some() && self.left(now).is_some_and(|l| l.is_zero())
    }

    pub fn is_paused(&self) -> bool {
        self.since.is_none()
    }

    /// Stops or restarts the clock; calling it again with the same value changes nothing.
    pub fn set_paused(&mut self, paused: bool, now: Instant) {
        match (paused, self.since) {
            (true, Some(since)) => {
                self.spent = self.spent.saturating_add(now.saturating_duration_since(since));
                self.since = None;
            }
            (false, None) => self.since = Some(now),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn the_clock_stands_still_while_paused() {
        let t0 = Instant::now();
        let mut clock = DecisionClock::start(Some(90), Duration::ZERO, t0, false);
        assert_eq!(clock.seconds_left(t0 + secs(10)), Some(80));
        clock.set_paused(true, t0 + secs(10));
        // help open for a minute
        assert_eq!(clock.seconds_left(t0 + secs(70)), Some(80));
        assert!(!clock.expired(t0 + secs(200)), "a paused clock never runs out");
        clock.set_paused(false, t0 + secs(70));
        assert_eq!(clock.seconds_left(t0 + secs(75)), Some(75));
        assert_eq!(clock.spent(t0 + secs(75)), secs(15));
        assert!(clock.expired(t0 + secs(150)));
    }

    #[test]
    fn pausing_twice_counts_once() {
        let t0 = Instant::now();
        let mut clock = DecisionClock::start(Some(60), Duration::ZERO, t0, false);
        clock.set_paused(true, t0 + secs(5));
        clock.set_paused(true, t0 + secs(30));
        clock.set_paused(false, t0 + secs(40));
        clock.set_paused(false, t0 + secs(50));
        assert_eq!(clock.seconds_left(t0 + secs(40)), Some(55));
    }

    #[test]
    fn a_resumed_clock_keeps_the_time_left_and_never_gains() {
        let t0 = Instant::now();
        let clock = DecisionClock::resume(Some(90), Some(41.5), t0, false);
        assert_eq!(clock.seconds_left(t0), Some(42));
        assert_eq!(clock.seconds_left(t0 + secs(2)), Some(40));
        let tampered = DecisionClock::resume(Some(90), Some(5_000.0), t0, false);
        assert_eq!(tampered.seconds_left(t0), Some(90));
        let odd = DecisionClock::resume(Some(90), Some(f64::NAN), t0, false);
        assert!(odd.seconds_left(t0).is_some_and(|s| s <= 90));
        let fresh = DecisionClock::resume(Some(90), None, t0, true);
        assert_eq!(fresh.seconds_left(t0 + secs(30)), Some(90), "starts paused");
    }

    #[test]
    fn an_untimed_decision_still_counts_time_taken() {
        let t0 = Instant::now();
        let clock = DecisionClock::start(None, Duration::ZERO, t0, false);
        assert_eq!(clock.left(t0 + secs(5)), None);
        assert!(!clock.expired(t0 + secs(5000)));
        assert_eq!(clock.spent(t0 + secs(5)), secs(5));
    }
}
