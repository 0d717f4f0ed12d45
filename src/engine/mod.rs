//! The pure, deterministic engine: a session's state machine and the assessment of its
//! answers. No terminal, clock or disk in here.

pub mod answer;
pub mod assess;
pub mod io;
pub mod session;
pub mod shuffle;

pub use answer::{Answer, Response};
pub use assess::{Debrief, Item, MarkBasis, Note, Tally, Verdict, assess, assess_one};
pub use io::{Asked, Event, Input, InputError, ResumeError, ShownOption};
pub use session::{Mode, Phase, Session, SessionState, Settings};
