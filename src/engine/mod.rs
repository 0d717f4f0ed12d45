//! The pure, deterministic engine: a session's state machine and the assessment of its
//! answers. No terminal, clock or disk in here.

pub mod answer;
pub mod assess;
pub mod events;
pub mod item;
pub mod kind_rule;
pub mod room;
pub mod session;
pub mod shuffle;
pub mod state;

pub use answer::{Answer, Response};
pub use assess::{Debrief, Totals, assess, assess_one};
pub use events::{Asked, Event, Input, InputError, ResumeError, ShownOption};
pub use item::{Item, MarkBasis, Note, Verdict};
pub use room::{VoteCount, room_answer, vote_count};
pub use session::Session;
pub use state::{Mode, Phase, SessionState, Settings};
