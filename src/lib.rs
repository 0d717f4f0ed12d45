//! `lessons`: a terminal training simulator built on real, independently investigated
//! UK police cases. The library holds the scenario format, the engine and the front ends;
//! the binary only parses the command line and hands off.

pub mod analysis;
pub mod bounded_read;
pub mod cli;
pub mod designer;
pub mod engine;
pub mod plain;
pub mod plan;
pub mod plural;
pub mod record;
pub mod scenario;
pub mod serve;
pub mod tui;
pub mod wrap;
pub mod xapi;
