//! Run records on disk: atomic writes, the records folder, the recorder that keeps a run
//! saved, the journal, the scenario hash and timestamps. This is the only part of the
//! program, besides the front ends, that touches the disk or the clock. What is worked out
//! from records (reports, drills, history, exports) is in `crate::analysis`.

pub mod atomic;
pub mod error;
pub mod hash;
pub mod journal;
pub mod label;
pub mod model;
pub mod recorder;
pub mod stamp;
pub mod store;

pub use error::{LoadError, RecordError};
pub use hash::scenario_hash;
pub use model::{
    Draft, LiveAnswer, Record, RecordKind, ReflectionAnswer, RoomPosition, RoomStage, Settled, SettledBy,
    SettledWhy, TimeLeft, Timing, Votes, is_valid_id,
};
pub use recorder::Recorder;
pub use stamp::Stamp;
pub use store::{Skipped, Store, load_paths, read_record, resolve_dir};
