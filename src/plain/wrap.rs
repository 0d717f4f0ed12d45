//! Word wrapping for plain text output. Paragraph breaks in the scenario are kept.

/// Wraps `text` to `width` columns, prefixing every line with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let room = width.saturating_sub(indent.chars().count()).max(20);
    let mut out = String::new();
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        let mut line_len = 0;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            if line_len > 0 && line_len + 1 + len > room {
                out.push_str(indent);
                out.push_str(&line);
                out.push('\n');
                line.clear();
                line_len = 0;
            }
            if line_len > 0 {
                line.push(' ');
                line_len += 1;
            }
            line.push_str(word);
            line_len += len;
        }
        if !line.is_empty() {
            out.push_str(indent);
            out.push_str(&line);
        }
    }
    out
}

/// Like `wrap`, but the first line carries `label` and later lines line up under its text.
pub fn hanging(label: &str, text: &str, width: usize) -> String {
    let pad = " ".repeat(label.chars().count());
    let wrapped = wrap(text, width, &pad);
    match wrapped.strip_prefix(&pad) {
        Some(rest) => format!("{label}{rest}"),
        None => format!("{label}{wrapped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries_and_keeps_paragraphs() {
        let text = "one two three four five six seven eight nine ten eleven twelve\nnext";
        let out = wrap(text, 24, "  ");
        for line in out.lines() {
            assert!(line.chars().count() <= 24, "{line:?}");
        }
        assert!(out.ends_with("\n  next"));
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
    }
}
