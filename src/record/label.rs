//! A classroom session's group label ("Syndicate A"): typed on the command line, stored in
//! the record, printed in reports and exports, so it is checked once, here.

use crate::scenario::text::is_forbidden_char;

/// The longest label, in characters: long enough for "Syndicate A · Cohort 24-03", short
/// enough for a report heading and a table column.
pub const MAX_LABEL_CHARS: usize = 40;

/// A label as given, with spaces trimmed from its ends; an error says what is wrong with it.
pub fn parse_label(s: &str) -> Result<String, String> {
    let label = s.trim();
    if label.is_empty() {
        return Err("a label cannot be empty: give a name such as \"Syndicate A\"".into());
    }
    // a tab or new line would break a report's table and a terminal's line, as would any
    // control character or bidirectional override
    if label
        .chars()
        .any(|c| c == '\n' || c == '\t' || is_forbidden_char(c))
    {
        return Err("a label may not hold control characters, tabs or line breaks".into());
    }
    let chars = label.chars().count();
    if chars > MAX_LABEL_CHARS {
        return Err(format!(
            "a label is at most {MAX_LABEL_CHARS} characters (this one has {chars})"
        ));
    }
    Ok(label.to_string())
}

/// Whether a record's label is the one asked for: case and surrounding spaces aside, so
/// `--label "syndicate a"` finds "Syndicate A".
pub fn label_matches(label: Option<&str>, wanted: &str) -> bool {
    label.is_some_and(|l| l.trim().to_lowercase() == wanted.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_trimmed_and_checked() {
        assert_eq!(parse_label("  Syndicate A ").as_deref(), Ok("Syndicate A"));
        assert!(parse_label("   ").is_err());
        assert!(parse_label("A\u{1b}[31m").is_err());
        assert!(parse_label("A\nB").is_err());
        assert!(parse_label("A\u{202E}B").is_err());
        assert!(parse_label(&"x".repeat(MAX_LABEL_CHARS)).is_ok());
        assert!(parse_label(&"x".repeat(MAX_LABEL_CHARS + 1)).is_err());
        // characters, not bytes
        assert!(parse_label(&"é".repeat(MAX_LABEL_CHARS)).is_ok());
    }

    #[test]
    fn labels_match_whatever_the_case() {
        assert!(label_matches(Some("Syndicate A"), "syndicate a"));
        assert!(!label_matches(Some("Syndicate A"), "Syndicate B"));
        assert!(!label_matches(None, "Syndicate A"));
    }
}
