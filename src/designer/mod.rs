//! Tools for course designers: a skeleton to start from, a picture of the branch graph,
//! a coverage check that plays every path, and an audit that plays as a test-wise guesser.
//! The live preview is in `tui::preview`.

pub mod audit;
pub mod coverage;
pub mod graph;
pub mod skeleton;
