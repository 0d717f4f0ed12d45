//! What a record file holds. One JSON file per run (or drill, or classroom session).

use serde::{Deserialize, Serialize};

use super::error::RecordError;
use super::hash::{hash_matches, scenario_hash};
use super::stamp::Stamp;
use crate::engine::SessionState;
use crate::scenario::Scenario;

/// The version of the record layout; bumped when it changes incompatibly.
pub const RECORD_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    /// One trainee playing a case.
    #[default]
    Run,
    /// One re-asked decision from `lessons drill`.
    Drill,
    /// A classroom session: the room's tallies per decision.
    Group,
}

/// Seconds taken to answer one decision, measured by the front end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub step: String,
    pub seconds: f64,
}

/// A classroom's votes on one decision.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Votes {
    pub step: String,
    /// Votes per option id, in the order the file lists the options.
    pub votes: Vec<(String, u32)>,
    #[serde(default)]
    pub revealed: bool,
    /// How many people answered, when the instructor counted them: for a checklist, where
    /// each person may tick many, the ticks alone cannot say. `None` in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondents: Option<u32>,
    /// How the way on was settled when the votes alone did not (a tie, no votes, the
    /// officers' path, the instructor asked). `None` for a clear vote and in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<Settled>,
}

/// How a classroom decision's answer was settled when the votes alone did not settle it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settled {
    pub why: SettledWhy,
    /// Who settled it: the instructor when asked, else the session's path policy.
    pub by: SettledBy,
    /// The option ids the story went on with, in the file's order.
    pub chose: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SettledWhy {
    /// Two or more options shared the most votes.
    Tie,
    /// Nobody voted.
    NoVotes,
    /// The session follows the officers (`--path officers`), whatever the room voted.
    Officers,
    /// The session asks at every decision that decides the way (`--path ask`).
    Asked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SettledBy {
    /// The instructor picked a tied option or another option.
    Instructor,
    /// The instructor chose what the officers did.
    InstructorOfficers,
    /// The session's path policy (officers) or, where the answer decides nothing, the
    /// first tied option shown.
    Policy,
}

/// Where a classroom session stood within its current case, so `--resume` returns there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomPosition {
    pub stage: RoomStage,
    /// The case's place in the session's plan, from 0. Saves are stamped to the second, so
    /// of two saves in one second the one further through the plan is the later; and a
    /// case that comes twice is told apart.
    #[serde(default)]
    pub case: usize,
    /// The outcome page (0 what happened, 1 the officers, 2 the learning).
    #[serde(default)]
    pub outcome_page: usize,
    /// The discussion question shown, from 0.
    #[serde(default)]
    pub question: usize,
    /// The discussion timer's elapsed seconds (it resumes paused).
    #[serde(default)]
    pub timer_seconds: u64,
    /// The room size set for the session, for percentages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_size: Option<u32>,
    /// Which way the story goes after a reveal (`--path`).
    #[serde(default)]
    pub path: crate::engine::PathPolicy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoomStage {
    Title,
    Briefing,
    Story,
    Reveal,
    Outcome,
    Discussion,
    /// The session's End screen was reached: nothing is left to resume.
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Marks the file as ours, and its layout version.
    pub lessons_record: u32,
    #[serde(default)]
    pub kind: RecordKind,
    /// The file name without `.json`: unique per run, never derived from case and seed.
    /// Letters, digits, `-` and `_` only (see [`is_valid_id`]).
    pub id: String,
    pub scenario_id: String,
    pub scenario_title: String,
    /// A hash of the scenario's canonical content, so a changed case is noticed on resume.
    /// It starts with its form (`c1:`); records from 0.1.0 hold bare digits (see `hash`).
    pub scenario_hash: String,
    pub format: u32,
    /// The scenario file, when the case was played from a file rather than the library.
    #[serde(default)]
    pub scenario_file: Option<String>,
    #[serde(default)]
    pub trainee: Option<String>,
    pub started: Stamp,
    pub updated: Stamp,
    #[serde(default)]
    pub finished: Option<Stamp>,
    pub session: SessionState,
    #[serde(default)]
    pub timings: Vec<Timing>,
    /// Classroom tallies (group records only).
    #[serde(default)]
    pub tallies: Vec<Votes>,
    /// The scenario ids of a classroom session's plan, in order (group records only).
    #[serde(default)]
    pub plan: Vec<String>,
    /// The group label a classroom session was run under (e.g. "Syndicate A"), for
    /// `lessons report --label`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The session plan a classroom ran (`classroom --plan`): its title and its file, so
    /// `classroom --resume` can load it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_file: Option<String>,
    /// Where a classroom session stood in this case when last saved (group records only;
    /// `None` in older records, which resume by the engine's phase alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<RoomPosition>,
    /// A rationale being typed but not yet submitted, so a crash loses none of it.
    #[serde(default)]
    pub draft: Option<Draft>,
    /// Seconds left on the timed decision being asked when the run was last saved, so a
    /// resumed run (or one killed and resumed) goes on with that, never a fresh clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_left: Option<TimeLeft>,
    /// The trainee's answers to the case's discussion questions, written after the
    /// debrief (optional; records from before reflection have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflection: Vec<ReflectionAnswer>,
    /// A live room's answers (`lessons serve`, group records only): each trainee's answer
    /// and rationale under their pseudonym.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub live: Vec<LiveAnswer>,
    /// The generation of this full write; journal lines of other generations are stale.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub journal: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One trainee's answer to one decision in a live room, kept in the group record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveAnswer {
    /// The pseudonym the trainee joined under.
    pub trainee: String,
    /// The decision's step id.
    pub step: String,
    pub response: crate::engine::Response,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
}

/// The time left on one timed decision, measured by the full-screen player.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeLeft {
    pub step: String,
    pub seconds: f64,
}

/// One discussion question and what the trainee wrote. The question is kept with the
/// answer, so a later revision of the case cannot pair an answer with another question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionAnswer {
    pub question: String,
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub step: String,
    pub text: String,
}

impl Record {
    /// A new record with a fresh, unique id: the time it started, then random digits, so
    /// two runs of one case with one seed (one after the other, or at once) never share it.
    pub fn new(
        kind: RecordKind,
        scenario: &Scenario,
        session: SessionState,
        trainee: Option<String>,
        now: Stamp,
    ) -> Result<Self, RecordError> {
        Ok(Record {
            lessons_record: RECORD_VERSION,
            kind,
            id: new_id(kind, &scenario.id, now),
            scenario_id: scenario.id.clone(),
            scenario_title: scenario.title.clone(),
            scenario_hash: scenario_hash(scenario)?,
            format: scenario.format,
            scenario_file: None,
            trainee,
            started: now,
            updated: now,
            finished: None,
            session,
            timings: Vec::new(),
            tallies: Vec::new(),
            plan: Vec::new(),
            label: None,
            plan_title: None,
            plan_file: None,
            room: None,
            draft: None,
            time_left: None,
            reflection: Vec::new(),
            live: Vec::new(),
            journal: 0,
        })
    }

    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// Whether the scenario has changed since this record was made.
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.scenario_id == scenario.id && hash_matches(&self.scenario_hash, scenario)
    }
}

/// A fresh record id: sortable by start time, unique by 64 random bits.
pub fn new_id(kind: RecordKind, scenario_id: &str, now: Stamp) -> String {
    let prefix = match kind {
        RecordKind::Run => "run",
        RecordKind::Drill => "drill",
        RecordKind::Group => "group",
    };
    let random: u64 = rand::random();
    // the case's id makes the file name readable, when it is safe in a file name
    if is_valid_id(scenario_id) && scenario_id.len() <= 80 {
        format!("{}-{prefix}-{scenario_id}-{random:016x}", now.compact())
    } else {
        format!("{}-{prefix}-{random:016x}", now.compact())
    }
}

/// Whether a record id is safe to use as a file name in the records folder: 1 to 200
/// letters, digits, `-` or `_`. Anything else (`../x`, `/tmp/x`, `a.b`) is refused, so a
/// record can never choose where it is written.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
