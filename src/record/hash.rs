//! The scenario hash that ties a record to the case it was played on.
//!
//! It is taken over a canonical form of the case's content, not over how today's Rust
//! types happen to serialise: object keys sorted, and every field at its default value
//! (null, false, 0, an empty string, array or object) left out. So a new optional field
//! left at its default changes no hash, and unfinished runs and drill history survive it.
//! The form is versioned (`c1:` before the digits); a new form gets a new prefix, and
//! records keep the form they were written with.
//!
//! Records written by lessons 0.1.0 hold a bare 16-digit hash of `serde_json` output of the
//! 0.1.0 types. Those are still accepted: for a built-in case, when the case's canonical
//! content is what it was in 0.1.0 (the table below, taken from 0.1.0), and otherwise when
//! the old computation still gives the same digits.

use serde_json::Value;

use super::error::{RecordError, Shared};
use crate::scenario::Scenario;

/// The prefix of the current canonical form.
pub const FORM: &str = "c1";

/// The hash of `scenario` in the current canonical form, e.g. `c1:0123456789abcdef`.
pub fn scenario_hash(scenario: &Scenario) -> Result<String, RecordError> {
    let value = serde_json::to_value(scenario).map_err(|e| RecordError::NotHashed {
        id: scenario.id.clone(),
        cause: Shared::new(e),
    })?;
    Ok(hash_value(&value))
}

/// The hash of any JSON value in the current canonical form.
pub fn hash_value(value: &Value) -> String {
    let mut text = String::new();
    if let Some(value) = canonical(value) {
        write_canonical(&value, &mut text);
    }
    format!("{FORM}:{:016x}", fnv1a(&text))
}

/// Whether a record's stored hash says it was made from this scenario's content.
pub fn hash_matches(stored: &str, scenario: &Scenario) -> bool {
    if stored.starts_with(&format!("{FORM}:")) {
        return scenario_hash(scenario).is_ok_and(|h| h == stored);
    }
    if stored.contains(':') {
        // a form this version does not know: written by a newer lessons
        return false;
    }
    legacy_matches(stored, scenario)
}

/// A 0.1.0 hash: the pinned table for built-in cases, else the 0.1.0 computation itself.
fn legacy_matches(stored: &str, scenario: &Scenario) -> bool {
    if let Some((_, legacy, canonical_then)) = LEGACY.iter().find(|(id, _, _)| *id == scenario.id)
        && *legacy == stored
    {
        return scenario_hash(scenario).is_ok_and(|now| now == *canonical_then);
    }
    legacy_hash(scenario).is_some_and(|h| h == stored)
}

/// Fields added to the scenario types since 0.1.0, as `serde_json` writes them at their
/// defaults. Inside a string a quote is written `\"`, so these can only match structure.
const ADDED_SINCE_0_1_0: &[&str] = &[
    ",\"source_notes\":[]",
    ",\"only_if\":null",
    ",\"basis\":null",
    ",\"citation\":null",
    ",\"reason\":null",
    ",\"on_timeout\":null",
    ",\"when_ticked\":[]",
    ",\"binary\":false",
    ",\"source_note\":null",
    ",\"role_assumed\":false",
    ",\"debrief_only\":false",
    ",\"investigator_notes\":[]",
];

/// The hash lessons 0.1.0 gave this case: `serde_json` of today's types with the fields
/// added since left out, which is 0.1.0's output wherever those fields are at their
/// defaults (and a case that uses them did not exist in 0.1.0).
fn legacy_hash(scenario: &Scenario) -> Option<String> {
    let mut json = serde_json::to_string(scenario).ok()?;
    for added in ADDED_SINCE_0_1_0 {
        json = json.replace(added, "");
    }
    Some(format!("{:016x}", fnv1a(&json)))
}

/// The value with default-valued object fields dropped; `None` when it is itself a default.
fn canonical(value: &Value) -> Option<Value> {
    match value {
        Value::Null | Value::Bool(false) => None,
        Value::Number(n) if n.as_f64() == Some(0.0) => None,
        Value::String(s) if s.is_empty() => None,
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(Value::Array(
            // positions matter in a list, so defaults inside one are kept as they are
            items.iter().map(|v| canonical(v).unwrap_or(v.clone())).collect(),
        )),
        Value::Object(map) => {
            let kept: serde_json::Map<String, Value> = map
                .iter()
                .filter_map(|(k, v)| canonical(v).map(|v| (k.clone(), v)))
                .collect();
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        other => Some(other.clone()),
    }
}

/// Compact JSON with object keys in sorted order, whatever map type serde_json uses.
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(key) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// FNV-1a over the canonical text: stable across Rust releases, unlike `std`'s hasher.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Built-in cases as lessons 0.1.0 shipped them: (id, the 0.1.0 hash, the `c1` hash of
/// the same content). A 0.1.0 record resumes while the case's content is unchanged.
const LEGACY: &[(&str, &str, &str)] = &[
    (
        "beds-2023-prison-safeguarding-referral",
        "76546ea900e4d302",
        "c1:ee5f084ff8e383c5",
    ),
    (
        "cambs-2024-da-immediate-response",
        "426e08a0f13fd89f",
        "c1:7e88c53c9ceff9cd",
    ),
    ("herts-2021-nmo-breach", "1a27e80497082682", "c1:fbe6060d94b46f39"),
    (
        "ipcc-b28-1-stalking-and-firearms",
        "b5d41c88ee2537c9",
        "c1:94d55ce2dbe9007e",
    ),
    (
        "ipcc-b28-2-reluctant-victim",
        "44ff69c579dbc281",
        "c1:9532589af1c507c5",
    ),
    (
        "ipcc-b28-3-vulnerable-man",
        "eabbcb54e76489e2",
        "c1:58df4d1bd12b0f77",
    ),
    (
        "ipcc-b28-4-missing-from-hospital",
        "0845010b3f8a14b2",
        "c1:69f813816b987223",
    ),
    (
        "ipcc-b28-5-concern-for-welfare",
        "b9b8047bdf47cf63",
        "c1:b0415955656ae7c5",
    ),
    (
        "ipcc-b28-6-handover-and-review",
        "af808f687c72f81a",
        "c1:bbe68029172a959e",
    ),
    (
        "ipcc-b28-7-acting-on-intelligence",
        "678412a2ffe9e4d2",
        "c1:9e49d5dd12893e61",
    ),
    (
        "ipcc-b28-8-disclosure-to-victim",
        "d99435f49226a514",
        "c1:003467ab1b119080",
    ),
    (
        "met-2019-strangulation-allegation",
        "8add4d7fe324cca3",
        "c1:94df7dd9941e4c08",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_0_1_0_hash_is_rebuilt_from_todays_types() {
        // the fixture file and the hash that the lessons 0.1.0 binary recorded for it
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/records-0.1.0/legacy-case.ron");
        let case = crate::scenario::load_file(&path)
            .scenario
            .expect("the fixture loads");
        assert_eq!(legacy_hash(&case).as_deref(), Some("321a0d1d5828bf35"));
        assert!(hash_matches("321a0d1d5828bf35", &case));
    }

    #[test]
    fn a_field_left_at_its_default_changes_no_hash() {
        let case = json!({"id": "x", "steps": [{"id": "a", "text": "t"}]});
        let with_new_fields = json!({
            "id": "x",
            "mark_basis": null,
            "steps": [{"id": "a", "text": "t", "tags": [], "hidden": false, "note": "", "extra": {}}],
            "count": 0
        });
        assert_eq!(hash_value(&case), hash_value(&with_new_fields));
    }

    #[test]
    fn key_order_does_not_matter_but_content_does() {
        let a = json!({"a": 1, "b": [1, 2]});
        let b: Value = serde_json::from_str(r#"{"b":[1,2],"a":1}"#).expect("json");
        assert_eq!(hash_value(&a), hash_value(&b));
        assert_ne!(hash_value(&a), hash_value(&json!({"a": 1, "b": [2, 1]})));
        assert_ne!(hash_value(&a), hash_value(&json!({"a": 2, "b": [1, 2]})));
        // a default inside a list keeps its place
        assert_ne!(hash_value(&json!([0, 1])), hash_value(&json!([1])));
    }

    #[test]
    fn the_hash_of_a_fixture_is_pinned() {
        let value =
            json!({"id": "pinned", "title": "A case", "steps": [{"id": "s1", "options": ["a", "b"]}]});
        let mut text = String::new();
        write_canonical(&canonical(&value).expect("not empty"), &mut text);
        assert_eq!(
            text,
            r#"{"id":"pinned","steps":[{"id":"s1","options":["a","b"]}],"title":"A case"}"#
        );
        // changing this digest orphans every unfinished run: make a new form (`c2`) instead
        assert_eq!(hash_value(&value), "c1:15ae66e9489500e2");
    }
}
