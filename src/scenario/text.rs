//! Scenario text is untrusted: nothing in it may reach a terminal as a command.

/// Characters a scenario may not contain: C0/C1 controls other than new line and tab,
/// and the bidirectional overrides that can make text read differently from what it says.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
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

/// A value from a file, a record or a user (an id, a target, a path, a typed answer) made
/// safe to put inside a one-line message: forbidden characters and line breaks become
/// U+FFFD and the text is cut to [`ECHO_LIMIT`] characters with an ellipsis. Every message
/// that echoes such a value goes through this, so no escape sequence reaches a terminal.
pub fn echo(value: &str) -> String {
    let mut out = String::new();
    for (n, c) in value.chars().enumerate() {
        if n == ECHO_LIMIT {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_one_safe_short_line() {
        assert_eq!(echo("id\u{1b}]0;T\u{7}\nx"), "id\u{FFFD}]0;T\u{FFFD}\u{FFFD}x");
        assert_eq!(echo("a\u{202E}b"), "a\u{FFFD}b");
        let long = "A".repeat(5_000);
        assert_eq!(echo(&long).chars().count(), ECHO_LIMIT + 1);
        assert!(echo(&long).ends_with('…'));
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(sanitize("line\nnext\tcol"), "line\nnext col");
    }
}
