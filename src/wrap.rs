//! Text measured by the columns it takes on a terminal, not by its `char`s: word-wrapping
//! and truncating for every front end (the plain player and the full screen). CJK
//! characters and most emoji take two columns; a word longer than the room is broken
//! rather than left to overflow. Pure: no I/O, no terminal.

use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Wraps `text` to `width` columns, prefixing every line with `indent`. A line break in
/// the text starts a new paragraph; runs of spaces collapse to one.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    lines(text, width, indent, indent).join("\n")
}

/// Like `wrap`, but the first line carries `label` and later lines line up under its text.
pub fn hanging(label: &str, text: &str, width: usize) -> String {
    let pad = " ".repeat(self::width(label));
    lines(text, width, label, &pad).join("\n")
}

/// The wrapped lines: the first starts with `first`, every later one with `rest`. Empty
/// paragraphs stay as empty lines (without the indent), so blank lines stay blank.
/// Widths under two columns cannot hold a wide character, which then takes its two.
pub fn lines(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    // one column of text at least, however long the indent: never a line of nothing but indent
    let width = width.max(self::width(first).max(self::width(rest)) + 1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let words = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = if out.is_empty() { first } else { rest };
        if words.is_empty() {
            // a label stays even with nothing after it (`hanging`); a bare indent does not
            out.push(if out.is_empty() && first != rest {
                first.to_string()
            } else {
                String::new()
            });
            continue;
        }
        let options = Options::new(width)
            .initial_indent(lead)
            .subsequent_indent(rest)
            .word_separator(WordSeparator::AsciiSpace)
            // a hyphenated word stays whole unless it cannot fit on a line at all
            .word_splitter(WordSplitter::NoHyphenation)
            .break_words(true);
        out.extend(
            textwrap::wrap(&words, &options)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    out
}

/// The lines of a trainee's text (a rationale) as typed: CRLF and CR count as line breaks,
/// trailing spaces go, and a text with no breaks is one line. Screens that draw a typed
/// text line by line use this, so the breaks typed are the breaks shown.
pub fn line_breaks(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// `text` cut to at most `width` columns, ending in `…` when anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_line_breaks_are_kept_whatever_their_ending() {
        assert_eq!(
            line_breaks("one\r\ntwo  \rthree\nfour"),
            ["one", "two", "three", "four"]
        );
        assert_eq!(line_breaks("just one"), ["just one"]);
    }

    #[test]
    fn wraps_at_word_boundaries_and_keeps_paragraphs() {
        let text = "one two three four five six seven eight nine ten eleven twelve\nnext";
        let out = wrap(text, 24, "  ");
        for line in out.lines() {
            assert!(width(line) <= 24, "{line:?}");
        }
        assert!(out.ends_with("\n  next"));
        assert!(out.starts_with("  one two three"));
    }

    #[test]
    fn hanging_indent_lines_up() {
        let out = hanging(
            "You: ",
            "alpha beta gamma delta epsilon zeta eta theta iota kappa",
            25,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("You: alpha"));
        assert!(lines[1].starts_with("     "));
        assert!(!lines[1].starts_with("      "));
    }

    #[test]
    fn cjk_and_emoji_never_overflow_the_width() {
        let text = "警察官は現場に到着した後、直ちに証拠を確保しなければならない。 🚓🚓🚓🚓🚓🚓🚓🚓🚓🚓 mixed 日本語 text 👮‍♀️ here";
        for w in 2..40 {
            for line in wrap(text, w, "").lines() {
                assert!(width(line) <= w, "width {w}: {line:?} is {} columns", width(line));
            }
            for line in hanging("1. ", text, w + 3).lines() {
                assert!(width(line) <= w + 3, "width {w}: {line:?}");
            }
        }
        // every character survives the wrapping
        let joined: String = wrap(text, 9, "").split_whitespace().collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original);
    }

    #[test]
    fn an_over_long_word_is_broken_not_left_to_overflow() {
        let out = wrap(
            "https://www.policeconduct.gov.uk/investigations/a-very-long-path",
            20,
            "",
        );
        assert!(out.lines().count() > 1);
        assert!(out.lines().all(|l| width(l) <= 20), "{out}");
    }

    #[test]
    fn a_narrow_pane_gets_no_more_than_it_has() {
        // the old wrapper never went below 20 columns, so a 12-column pane overflowed
        let out = wrap("the officers knew the address of the caller", 12, "");
        assert!(out.lines().all(|l| width(l) <= 12), "{out}");
    }

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
        // each of these takes two columns: four columns hold one and the ellipsis
        let cut = truncate("日本語のテキスト", 4);
        assert_eq!(cut, "日…");
        assert!(width(&cut) <= 4);
        let cut = truncate("🚓🚓🚓🚓", 5);
        assert!(width(&cut) <= 5, "{cut}");
        assert_eq!(truncate("anything", 0), "");
    }

    #[test]
    fn blank_lines_stay_blank() {
        assert_eq!(wrap("a\n\nb", 10, "  "), "  a\n\n  b");
    }
}
