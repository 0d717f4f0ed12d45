//! One decision as a `cmi.interaction` activity, and one answer as its result.

use serde_json::{Map, Value, json};

use super::build::{LANG, segment};
use crate::engine::{Answer, Item, Response, Verdict};
use crate::record::Votes;
use crate::scenario::{Decision, DecisionKind, Mark};

const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// How xAPI joins several ids in one response or pattern.
const JOIN: &str = "[,]";

/// The decision as an activity: its prompt, its options, and (where the decision is judged)
/// the in-line answer as `correctResponsesPattern`.
pub fn activity(scenario_iri: &str, decision: &Decision) -> Value {
    let components: Vec<Value> = options_in_order(decision)
        .iter()
        .map(|o| json!({"id": o.id, "description": {LANG: o.text}}))
        .collect();
    let (interaction_type, list) = match decision.kind {
        DecisionKind::Scale => ("likert", "scale"),
        DecisionKind::Single | DecisionKind::Multiple => ("choice", "choices"),
    };
    let mut definition = Map::new();
    definition.insert("type".into(), json!(INTERACTION));
    definition.insert("name".into(), json!({LANG: short_name(&decision.prompt)}));
    definition.insert("description".into(), json!({LANG: decision.prompt}));
    definition.insert("interactionType".into(), json!(interaction_type));
    definition.insert(list.into(), Value::Array(components));
    if decision.judged() {
        let expected: Vec<&str> = decision
            .options
            .iter()
            .filter(|o| o.mark == Mark::Expected)
            .map(|o| o.id.as_str())
            .collect();
        let patterns: Vec<String> = match decision.kind {
            // all the expected actions ticked together is the one in-line answer
            DecisionKind::Multiple => vec![expected.join(JOIN)],
            // any one expected option (or grade) is in line
            DecisionKind::Single | DecisionKind::Scale => expected.iter().map(|s| s.to_string()).collect(),
        };
        definition.insert("correctResponsesPattern".into(), json!(patterns));
    }
    json!({
        "objectType": "Activity",
        "id": format!("{scenario_iri}/decisions/{}", segment(&decision.id)),
        "definition": definition,
    })
}

/// A scale's grades from lowest to highest level; other kinds in the file's order.
fn options_in_order(decision: &Decision) -> Vec<&crate::scenario::Choice> {
    let mut options: Vec<_> = decision.options.iter().collect();
    if decision.kind == DecisionKind::Scale {
        options.sort_by_key(|o| o.level.unwrap_or(0));
    }
    options
}

/// An activity name is shown in lists: the prompt's first sentence, at most 120 characters.
fn short_name(prompt: &str) -> String {
    let first = prompt.split_inclusive(['?', '.']).next().unwrap_or(prompt).trim();
    if first.chars().count() <= 120 {
        return first.to_string();
    }
    let cut: String = first.chars().take(119).collect();
    format!("{}…", cut.trim_end())
}

/// The answer: the response in xAPI form, success where judged, and the rest as extensions.
pub fn result(
    base: &str,
    decision: &Decision,
    answer: &Answer,
    item: &Item,
    seconds: Option<f64>,
    votes: Option<&Votes>,
) -> Value {
    let ext = |name: &str| format!("{base}/extensions/{name}");
    let mut result = Map::new();
    let response = match &answer.response {
        Response::NoDecision => String::new(),
        r => r.selected().join(JOIN),
    };
    result.insert("response".into(), json!(response));
    if item.judged {
        result.insert("success".into(), json!(item.verdict == Verdict::InLine));
    }
    if let Some(s) = seconds.filter(|s| s.is_finite() && *s >= 0.0) {
        result.insert("duration".into(), json!(format!("PT{:.1}S", s)));
    }
    let mut extensions = Map::new();
    extensions.insert(ext("verdict"), json!(verdict_key(item.verdict)));
    extensions.insert(
        ext("basis"),
        json!({"basis": item.basis.basis.ident(), "detail": item.basis.detail}),
    );
    let officers: Vec<&str> = decision.officers_choice().iter().map(|o| o.id.as_str()).collect();
    extensions.insert(
        ext("officers-choice"),
        json!({"options": officers, "text": item.officers, "same": item.same_as_officers}),
    );
    extensions.insert(ext("ndm-stage"), json!(decision.ndm.ident()));
    if let Some(r) = &answer.rationale {
        extensions.insert(ext("rationale"), json!(r));
    }
    if let Some(c) = answer.confidence {
        extensions.insert(ext("confidence"), json!(c));
    }
    if let Some(s) = seconds.filter(|s| s.is_finite()) {
        extensions.insert(ext("time-taken"), json!(s));
    }
    if let Some(d) = item.scale_distance {
        extensions.insert(ext("scale-distance"), json!(d));
    }
    if let Some(v) = votes {
        let counts: Map<String, Value> = v.votes.iter().map(|(id, n)| (id.clone(), json!(n))).collect();
        extensions.insert(
            ext("votes"),
            json!({"counts": counts, "respondents": v.respondents, "revealed": v.revealed}),
        );
    }
    result.insert("extensions".into(), Value::Object(extensions));
    Value::Object(result)
}

fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::InLine => "in_line",
        Verdict::Partly => "partly",
        Verdict::NotInLine => "not_in_line",
        Verdict::NotJudged => "not_judged",
        Verdict::NoDecision => "no_decision",
    }
}
