//! Scenario text is untrusted: nothing in it may reach a terminal as a command.

use serde::Serialize;
use serde_json::Value;

/// Characters a scenario may not contain: C0/C1 controls other than new line and tab,
/// and the bidirectional overrides that can make text read differently from what it says.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Finds the first string anywhere in a scenario (or any serialisable value) that holds a
/// forbidden character: ids, branch targets, dates and file names as well as text. It walks
/// the serialised form, so a field added to the format later is covered without being
/// listed anywhere. Returns the field's name and the character.
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

/// Whether RON source text could give a string holding a forbidden character: it holds one
/// raw, or an escape other than `\"`, `\\`, `\'`, `\n` and `\t`. When it cannot, the walk of
/// [`first_forbidden`] is skipped, so a clean file pays for one scan of its text.
pub fn may_hold_forbidden(source: &str) -> bool {
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if is_forbidden_char(c) {
            return true;
        }
        if c == '\\' && !matches!(chars.next(), Some('"' | '\\' | '\'' | 'n' | 't')) {
            return true;
        }
    }
    false
}

/// Text safe to print: forbidden characters replaced by U+FFFD, tabs by spaces.
/// Validation already refuses such files; this is the second line of defence for the screen.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            c if is_forbidden_char(c) => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// The longest value a message echoes back, in characters.
pub const ECHO_LIMIT: usize = 60;
/// The longest file path a message echoes back: long enough for real paths, short enough
/// that a hostile name cannot flood the screen.
pub const PATH_LIMIT: usize = 200;
/// The longest message from a lower layer (an I/O or parse error, a record problem) that
/// the command line passes on.
pub const MESSAGE_LIMIT: usize = 1000;

/// A value from a file, a record or a user (an id, a target, a typed answer) made
/// safe to put inside a one-line message: forbidden characters and line breaks become
/// U+FFFD and the text is cut to [`ECHO_LIMIT`] characters with an ellipsis. Every message
/// that echoes such a value goes through this, so no escape sequence reaches a terminal.
pub fn echo(value: &str) -> String {
    clip(value, ECHO_LIMIT)
}

/// A file path for a message, made safe like [`echo`] but cut at [`PATH_LIMIT`].
pub fn echo_path(path: impl AsRef<std::path::Path>) -> String {
    clip(&path.as_ref().display().to_string(), PATH_LIMIT)
}

/// A whole message that may carry values (an error from a lower layer), made safe like
/// [`echo`] but cut at [`MESSAGE_LIMIT`].
pub fn echo_message(message: &str) -> String {
    clip(message, MESSAGE_LIMIT)
}

/// A message of several lines (a reason, then `help:` or `skipped` lines), each line made
/// safe like [`echo_message`], the line breaks kept.
pub fn echo_lines(message: &str) -> String {
    message.lines().map(echo_message).collect::<Vec<_>>().join("\n")
}

/// The one terminal-safe form behind every echo: one line, no forbidden character, at most
/// `limit` characters and an ellipsis.
fn clip(value: &str, limit: usize) -> String {
    let mut out = String::new();
    for (n, c) in value.chars().enumerate() {
        if n == limit {
            out.push('…');
            break;
        }
        out.push(match c {
            '\t' => ' ',
            '\n' | '\r' => '\u{FFFD}',
            c if is_forbidden_char(c) => '\u{FFFD}',
            c => c,
        });
    }
    out
}

/// A spreadsheet cell from untrusted text (CSV export and report): forbidden characters
/// replaced, and a cell that a spreadsheet would read as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, OWASP's rule) prefixed with `'` so it stays text.
/// A plain number such as `-1` is data, not a formula, and is left as it is.
pub fn csv_cell(text: &str) -> String {
    let clean = sanitize(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// `-1`, `2`, `-0.5`: digits with an optional sign and decimal point, nothing else.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.chars().chain(fraction.chars()).all(|c| c.is_ascii_digit())
}

/// A trainee's text for Markdown (a rationale, a name): sanitised, and with the characters
/// that make links, images, emphasis, code and raw HTML escaped, so it shows as typed and a
/// `[link](…)`, `![image](…)` or `<img …>` stays inert text. Table pipes are the caller's.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::new();
    for c in sanitize(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
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
    fn only_raw_controls_and_numeric_escapes_need_the_walk() {
        assert!(!may_hold_forbidden("text: \"say \\\"hi\\\" \\\\u\\n\",\n\tnext"));
        assert!(may_hold_forbidden("id: \"a\\u{1b}\""));
        assert!(may_hold_forbidden("id: \"a\\x1b\""));
        assert!(may_hold_forbidden("id: \"a\\r\""));
        assert!(may_hold_forbidden("id: \"a\u{202E}\""));
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

    #[test]
    fn a_message_of_several_lines_keeps_its_breaks_but_no_escape() {
        assert_eq!(
            echo_lines("first\n  help: \u{1b}]0;x"),
            "first\n  help: \u{FFFD}]0;x"
        );
    }

    #[test]
    fn echoed_values_are_one_safe_short_line() {
        assert_eq!(echo("id\u{1b}]0;T\u{7}\nx"), "id\u{FFFD}]0;T\u{FFFD}\u{FFFD}x");
        assert_eq!(echo("a\u{202E}b"), "a\u{FFFD}b");
        let long = "A".repeat(5_000);
        assert_eq!(echo(&long).chars().count(), ECHO_LIMIT + 1);
        assert!(echo(&long).ends_with('…'));
    }

    #[test]
    fn paths_and_messages_are_cut_longer_than_ids() {
        let long = format!("dir/{}\u{1b}]0;T\u{7}", "a".repeat(5_000));
        assert_eq!(echo_path(&long).chars().count(), PATH_LIMIT + 1);
        assert!(!echo_path("x\u{1b}]0;T\u{7}.ron").contains('\u{1b}'));
        assert_eq!(echo_message(&long).chars().count(), MESSAGE_LIMIT + 1);
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        for start in ["+1+1", "-1-A2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_cell(start).starts_with('\''), "{start:?}");
        }
        assert_eq!(csv_cell("a\u{1b}[2J\u{202E}b\tc"), "a\u{FFFD}[2J\u{FFFD}b c");
        assert_eq!(csv_cell("plain, with = inside"), "plain, with = inside");
        for number in ["-1", "2", "-0.5", "+3"] {
            assert_eq!(csv_cell(number), number);
        }
        for not_number in ["-1+2", "-", "-.5", "-inf", "+1e9"] {
            assert!(csv_cell(not_number).starts_with('\''), "{not_number}");
        }
    }

    #[test]
    fn markdown_from_a_trainee_is_inert() {
        assert_eq!(markdown_text("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(markdown_text("![i](i.png)"), "!\\[i\\](i.png)");
        assert_eq!(markdown_text("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(markdown_text("I'd call it in."), "I'd call it in.");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(sanitize("line\nnext\tcol"), "line\nnext col");
    }
}
