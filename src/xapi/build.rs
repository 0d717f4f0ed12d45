//! A record as xAPI 1.0.3 statements: `initialized` when the run starts, `answered` per
//! decision, `completed` (scored, passed or failed against the mastery score) and
//! `terminated` at the end. Pure and deterministic: the same record gives the same
//! statements, ids included, so a statement built again is the one already queued or sent.

use serde_json::{Map, Value, json};

use super::config::{ActorMode, Settings};
use super::interaction;
use super::uuid::{hex_digest, name_uuid};
use crate::engine::{Phase, assess};
use crate::record::{Record, RecordKind, Stamp};
use crate::scenario::Scenario;

pub const VERB_INITIALIZED: &str = "http://adlnet.gov/expapi/verbs/initialized";
pub const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
pub const VERB_TERMINATED: &str = "http://adlnet.gov/expapi/verbs/terminated";
const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
/// The language every text from a case is written in.
pub const LANG: &str = "en-GB";

/// What statements are built from besides the record: the settings and this install's salt
/// (which keeps a pseudonym from being worked back to a name by hashing guesses).
pub struct Builder<'a> {
    pub settings: &'a Settings,
    pub salt: &'a str,
}

impl Builder<'_> {
    /// Every statement the record gives so far, in the order the events happened.
    pub fn statements(&self, record: &Record, scenario: &Scenario) -> Vec<Value> {
        let ctx = Ctx {
            b: self,
            record,
            scenario,
        };
        let mut out = vec![ctx.statement(
            name_uuid(&[&record.id, "initialized"]),
            (VERB_INITIALIZED, "initialized"),
            ctx.scenario_activity(),
            None,
            record.started,
        )];
        let answers = &record.session.answers;
        let mut elapsed = 0.0;
        // an answer still waiting for its rationale or confidence is not yet given
        let in_progress = match &record.session.phase {
            Phase::Rationale { step } | Phase::Confidence { step } => Some(step.as_str()),
            _ => None,
        };
        for (index, answer) in answers.iter().enumerate() {
            if index + 1 == answers.len() && in_progress == Some(answer.step.as_str()) {
                continue;
            }
            let Some(decision) = scenario.decision(&answer.step) else {
                continue;
            };
            let seconds = record
                .timings
                .iter()
                .find(|t| t.step == answer.step)
                .map(|t| t.seconds);
            elapsed += seconds.unwrap_or(0.0);
            let votes = record.tallies.iter().find(|v| v.step == answer.step);
            let item = assess::assess_one(scenario, decision, answer);
            let id = name_uuid(&[
                &record.id,
                "answered",
                &index.to_string(),
                &serde_json::to_string(answer).unwrap_or_default(),
                &serde_json::to_string(&votes).unwrap_or_default(),
            ]);
            let object = interaction::activity(&ctx.scenario_iri(), decision);
            let result = interaction::result(&self.settings.base, decision, answer, &item, seconds, votes);
            let at = Stamp::from_unix(record.started.unix.saturating_add(elapsed as i64));
            out.push(ctx.statement(id, (VERB_ANSWERED, "answered"), object, Some(result), at));
        }
        if let Some(finished) = record.finished {
            let debrief = assess::assess(scenario, answers);
            let mut result = Map::new();
            result.insert("completion".into(), json!(true));
            let max = debrief.max_points();
            if max > 0 {
                let scaled = f64::from(debrief.points()) / f64::from(max);
                result.insert(
                    "score".into(),
                    json!({"scaled": scaled, "raw": debrief.points(), "min": 0, "max": max}),
                );
                result.insert("success".into(), json!(scaled >= self.settings.mastery));
            }
            let total = (finished.unix - record.started.unix).max(0);
            result.insert("duration".into(), json!(format!("PT{total}S")));
            out.push(ctx.statement(
                name_uuid(&[&record.id, "completed"]),
                (VERB_COMPLETED, "completed"),
                ctx.scenario_activity(),
                Some(Value::Object(result)),
                finished,
            ));
            out.push(ctx.statement(
                name_uuid(&[&record.id, "terminated"]),
                (VERB_TERMINATED, "terminated"),
                ctx.scenario_activity(),
                None,
                finished,
            ));
        }
        out
    }
}

struct Ctx<'a> {
    b: &'a Builder<'a>,
    record: &'a Record,
    scenario: &'a Scenario,
}

impl Ctx<'_> {
    fn statement(
        &self,
        id: String,
        verb: (&str, &str),
        object: Value,
        result: Option<Value>,
        at: Stamp,
    ) -> Value {
        let mut s = json!({
            "id": id,
            "actor": self.actor(),
            "verb": {"id": verb.0, "display": {"en-US": verb.1}},
            "object": object,
            "context": self.context(),
            "timestamp": at.utc(),
        });
        if let (Some(result), Some(map)) = (result, s.as_object_mut()) {
            map.insert("result".into(), result);
        }
        s
    }

    fn scenario_iri(&self) -> String {
        format!(
            "{}/scenarios/{}",
            self.b.settings.base,
            segment(&self.scenario.id)
        )
    }

    fn scenario_activity(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": self.scenario_iri(),
            "definition": {
                "type": SIMULATION,
                "name": {LANG: self.scenario.title},
            }
        })
    }

    /// The source case: the published summary the scenario is built on.
    fn case_activity(&self) -> Value {
        let source = &self.scenario.source;
        let key = source.reference.as_deref().unwrap_or(&self.scenario.id);
        let mut description = format!("{}, {}", source.publisher.label(), source.force);
        if let Some(published) = &source.published {
            description.push_str(&format!(", published {published}"));
        }
        json!({
            "objectType": "Activity",
            "id": format!("{}/cases/{}", self.b.settings.base, segment(key)),
            "definition": {
                "name": {LANG: source.title},
                "description": {LANG: description},
            }
        })
    }

    fn context(&self) -> Value {
        let base = &self.b.settings.base;
        let mut grouping = vec![self.case_activity()];
        let mut extensions = Map::new();
        extensions.insert(format!("{base}/extensions/record"), json!(self.record.id));
        if self.record.kind == RecordKind::Group {
            let mut session = json!({
                "objectType": "Activity",
                "id": format!("{base}/classroom/{}", segment(&self.record.id)),
                "definition": {"name": {LANG: "Classroom session"}},
            });
            if let Some(label) = &self.record.label {
                session["definition"]["description"] = json!({LANG: label});
                extensions.insert(format!("{base}/extensions/label"), json!(label));
            }
            grouping.push(session);
        }
        extensions.insert(
            format!("{base}/extensions/mode"),
            json!(match self.record.kind {
                RecordKind::Run => "run",
                RecordKind::Drill => "drill",
                RecordKind::Group => "classroom",
            }),
        );
        json!({
            "registration": name_uuid(&[&self.record.id, "registration"]),
            "contextActivities": {
                "parent": [self.scenario_activity()],
                "grouping": grouping,
            },
            "platform": "lessons",
            "language": LANG,
            "extensions": extensions,
        })
    }

    fn actor(&self) -> Value {
        let base = &self.b.settings.base;
        let trainee = self.record.trainee.as_deref().unwrap_or("");
        if self.record.kind == RecordKind::Group {
            // the room answered, not one person: an identified group, pseudonymous too
            let who = self.record.label.as_deref().unwrap_or(&self.record.id);
            return json!({
                "objectType": "Group",
                "name": "Classroom",
                "account": {"homePage": base, "name": format!("room-{}", hex_digest(&[self.b.salt, "room", who]))},
            });
        }
        match &self.b.settings.actor {
            ActorMode::Pseudonymous => json!({
                "objectType": "Agent",
                "account": {"homePage": base, "name": hex_digest(&[self.b.salt, "trainee", trainee])},
            }),
            ActorMode::Named { home_page } => json!({
                "objectType": "Agent",
                "name": trainee,
                "account": {"homePage": home_page, "name": if trainee.is_empty() { "anonymous" } else { trainee }},
            }),
            ActorMode::Mbox(mbox) => {
                let mbox = if mbox.starts_with("mailto:") {
                    mbox.clone()
                } else {
                    format!("mailto:{mbox}")
                };
                json!({"objectType": "Agent", "mbox": mbox})
            }
            ActorMode::Account { home_page, name } => json!({
                "objectType": "Agent",
                "account": {"homePage": home_page, "name": name},
            }),
        }
    }
}

/// A path segment of an IRI: unreserved characters kept, everything else percent-encoded.
pub fn segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
