//! Tools for course designers: a skeleton to start from, a picture of the branch graph,
//! and a coverage check that plays every path. The live preview is in `tui::preview`.

pub mod coverage;
pub mod graph;
pub mod skeleton;
