//! The pure, deterministic engine: a session's state machine and the assessment of its
//! answers. No terminal, clock or disk in here.

pub mod answer;
pub mod assess;
pub mod events;
pub mod item;
pub mod kind_rule;
pub mod progress;
pub mod rewind;
pub mod room;
pub mod session;
pub mod shuffle;
pub mod state;
pub mod timers;

pub use answer::{Answer, Response};
pub use assess::{Debrief, Totals, assess, assess_one};
pub use events::{Asked, Event, Input, InputError, ResumeError, ShownOption};
pub use item::{Item, MarkBasis, Note, Verdict};
pub use progress::{PathLengths, Progress};
pub use rewind::rewind_to;
pub use room::{
    PathPolicy, RoomChoice, VoteCount, decides_the_way, officers_answer, room_answer, room_choice, vote_count,
};
pub use session::Session;
pub use state::{Mode, Phase, SessionState, Settings};
pub use timers::{TimedDecisions, Timers};

/// The synthetic fixture the engine's unit tests play, shared rather than loaded twice.
#[cfg(test)]
pub(crate) mod test_fixture {
    use std::sync::Arc;

    use crate::scenario::Scenario;

    pub(crate) fn fixture() -> Arc<Scenario> {
        let text = include_str!("../../tests/fixtures/valid/synthetic-branching.ron");
        let scenario =
            crate::scenario::load_bytes(crate::scenario::Origin::Builtin("f"), "f", text.as_bytes())
                .scenario
                .expect("the fixture is valid");
        Arc::new(scenario)
    }
}
