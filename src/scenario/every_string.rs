//! Finds the first string anywhere in a scenario that holds a forbidden character: ids,
//! branch targets, dates and file names as well as text. It walks the serialised form, so
//! a field added to the format later is covered without being listed here.

use serde::Serialize;
use serde_json::Value;

use super::text::is_forbidden_char;

/// The field name and the first forbidden character of the first string that has one.
pub fn first_forbidden<T: Serialize>(value: &T) -> Option<(String, char)> {
    let value = serde_json::to_value(value).ok()?;
    find(&value, "text")
}

fn find(value: &Value, key: &str) -> Option<(String, char)> {
    match value {
        Value::String(s) => s
            .chars()
            .find(|c| is_forbidden_char(*c))
            .map(|c| (key.to_string(), c)),
        Value::Array(items) => items.iter().find_map(|v| find(v, key)),
        // a map key is a field or variant name of the format, never the file's own text
        Value::Object(fields) => fields.iter().find_map(|(k, v)| find(v, k)),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Choice {
        id: String,
        goto: Option<String>,
    }

    #[test]
    fn ids_and_targets_are_searched_too() {
        let clean = Choice {
            id: "call".into(),
            goto: Some("end".into()),
        };
        assert_eq!(first_forbidden(&vec![clean]), None);
        let hostile = Choice {
            id: "call".into(),
            goto: Some("end\u{202E}".into()),
        };
        assert_eq!(first_forbidden(&hostile), Some(("goto".into(), '\u{202E}')));
    }
}
