//! Run records on disk (atomic, resumable), exports and cohort reports. This is the only
//! part of the program, besides the front ends, that touches the disk or the clock.

pub mod atomic;
pub mod drill;
pub mod export;
pub mod hash;
pub mod history;
pub mod journal;
pub mod model;
pub mod orphan;
pub mod recorder;
pub mod report;
pub mod stamp;
pub mod store;

pub use hash::scenario_hash;
pub use model::{Draft, Record, RecordKind, Timing, Votes, is_valid_id};
pub use recorder::Recorder;
pub use stamp::Stamp;
pub use store::{Skipped, Store, load_paths, read_record, resolve_dir};
