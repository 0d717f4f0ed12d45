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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(sanitize("line\nnext\tcol"), "line\nnext col");
    }
}
