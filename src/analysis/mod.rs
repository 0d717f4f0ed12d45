//! What is worked out from run records: the cohort report, the drill schedule, a trainee's
//! history, and exports of one run. Nothing here touches the disk or the clock; the time
//! zone and today's date come in from the front ends.

pub mod drill;
pub mod export;
pub mod group_export;
pub mod handout;
pub mod history;
pub mod orphan;
pub mod report;
mod safe_csv;
pub mod timers;
