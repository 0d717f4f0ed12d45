//! Fuzz targets for lessons; see README.md. The functions live in `harness.rs` so the main
//! crate's corpus test can include the same file.

pub mod harness;
