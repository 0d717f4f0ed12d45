//! What a scenario file says: serde types, loading (files, folders, built-in) and validation.

pub mod diagnostic;
pub mod fairness;
pub mod graph;
pub mod load;
pub mod locate;
pub mod options;
pub mod parse;
pub mod quotes;
pub mod suggest;
pub mod text;
pub mod types;
pub mod validate;
pub mod vocab;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use load::{Entry, Library, Origin, load_bytes, load_file};
pub use types::*;
pub use vocab::*;
