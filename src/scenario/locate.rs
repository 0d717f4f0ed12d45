//! Finds where things are in a RON source so semantic problems (a dangling branch, an
//! empty prompt) can be reported at a line and column. Serde values carry no spans, so
//! this does a light lexical pass: keys (`name:`), string literals and the `Narrative(` /
//! `Decision(` tokens that open steps, all outside strings and comments.

use super::diagnostic::Location;

#[derive(Debug, Clone)]
struct Key {
    offset: usize,
    name: String,
}

#[derive(Debug, Clone)]
struct Literal {
    offset: usize,
    /// The text between the quotes, escapes left as written.
    raw: String,
}

#[derive(Debug, Clone)]
struct StepAnchor {
    offset: usize,
    id: Option<String>,
}

pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    keys: Vec<Key>,
    literals: Vec<Literal>,
    steps: Vec<StepAnchor>,
}

/// A byte range of the source, for searching inside one step or one option.
#[derive(Debug, Clone, Copy)]
pub struct Region {
    pub start: usize,
    pub end: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut locator = Locator {
            text,
            line_starts,
            keys: Vec::new(),
            literals: Vec::new(),
            steps: Vec::new(),
        };
        locator.scan();
        locator
    }

    /// Line and column of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Location { line: line + 1, col }
    }

    pub fn whole(&self) -> Region {
        Region {
            start: 0,
            end: self.text.len(),
        }
    }

    /// The source of the step with this id, from its `Narrative(`/`Decision(` token to the next step.
    pub fn step(&self, id: &str) -> Option<Region> {
        let index = self.steps.iter().position(|s| s.id.as_deref() == Some(id))?;
        Some(self.step_region(index))
    }

    /// The source of the step at this position in the `steps` list.
    pub fn step_at(&self, index: usize) -> Option<Region> {
        (index < self.steps.len()).then(|| self.step_region(index))
    }

    fn step_region(&self, index: usize) -> Region {
        let start = self.steps[index].offset;
        let end = self.steps.get(index + 1).map_or_else(
            || {
                self.keys_after(start)
                    .find(|k| k.name == "outcome")
                    .map_or(self.text.len(), |k| k.offset)
            },
            |s| s.offset,
        );
        Region { start, end }
    }

    /// The region of an option inside a decision: from its `id:` key to the next option's.
    pub fn option(&self, step: Region, option_id: &str) -> Option<Region> {
        let ids: Vec<&Key> = self
            .keys_in(step)
            .filter(|k| k.name == "id")
            .skip(1) // the decision's own id
            .collect();
        let position = ids
            .iter()
            .position(|k| self.literal_after(k.offset).is_some_and(|l| l.raw == option_id))?;
        let start = ids[position].offset;
        let end = ids.get(position + 1).map_or(step.end, |k| k.offset);
        Some(Region { start, end })
    }

    /// Where a key (`name:`) first appears in the region.
    pub fn key(&self, region: Region, name: &str) -> Option<usize> {
        self.keys_in(region).find(|k| k.name == name).map(|k| k.offset)
    }

    /// Where the value of a key starts: the first character after `name:` and any spaces.
    pub fn value_of(&self, region: Region, name: &str) -> Option<usize> {
        let key = self.key(region, name)?;
        let rest = self.text.get(key + name.len()..)?;
        let after_colon = rest.find(':').map_or(0, |i| i + 1);
        let skipped = rest[after_colon..].len() - rest[after_colon..].trim_start().len();
        Some(key + name.len() + after_colon + skipped)
    }

    /// The name of the last key at or before a location, to say which field a value belongs to.
    pub fn key_before(&self, at: Location) -> Option<&str> {
        let line_start = *self.line_starts.get(at.line.checked_sub(1)?)?;
        let offset = self
            .text
            .get(line_start..)?
            .char_indices()
            .nth(at.col.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| line_start + i);
        self.keys
            .iter()
            .rev()
            .find(|k| k.offset <= offset)
            .map(|k| k.name.as_str())
    }

    /// The first string literal in the region whose text is exactly `raw`.
    pub fn literal(&self, region: Region, raw: &str) -> Option<usize> {
        self.literals
            .iter()
            .find(|l| l.offset >= region.start && l.offset < region.end && l.raw == raw)
            .map(|l| l.offset)
    }

    /// The first string literal in the region containing a character for which `bad` is true,
    /// or written with an escape that decodes to one, at the exact character.
    pub fn first_char(&self, region: Region, bad: impl Fn(char) -> bool) -> Option<usize> {
        let slice = self.text.get(region.start..region.end)?;
        if let Some((i, _)) = slice.char_indices().find(|&(_, c)| bad(c)) {
            return Some(region.start + i);
        }
        for literal in &self.literals {
            if literal.offset < region.start || literal.offset >= region.end {
                continue;
            }
            if let Some(i) = find_bad_escape(&literal.raw, &bad) {
                return Some(literal.offset + 1 + i);
            }
        }
        None
    }

    fn keys_in(&self, region: Region) -> impl Iterator<Item = &Key> {
        self.keys
            .iter()
            .filter(move |k| k.offset >= region.start && k.offset < region.end)
    }

    fn keys_after(&self, offset: usize) -> impl Iterator<Item = &Key> {
        self.keys.iter().filter(move |k| k.offset > offset)
    }

    fn literal_after(&self, offset: usize) -> Option<&Literal> {
        let i = self.literals.partition_point(|l| l.offset <= offset);
        self.literals.get(i)
    }

    fn scan(&mut self) {
        let bytes = self.text.as_bytes();
        let mut i = 0;
        let mut pending_step: Option<usize> = None;
        while i < bytes.len() {
            let c = bytes[i];
            match c {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if bytes.get(i + 1) == Some(&b'*') => {
                    i += 2;
                    while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                        i += 1;
                    }
                    i += 2;
                }
                b'"' => {
                    let start = i;
                    i += 1;
                    let content_start = i;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    let raw = self.text.get(content_start..i.min(bytes.len())).unwrap_or("");
                    self.push_literal(start, raw, &mut pending_step);
                    i += 1;
                }
                b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                    let start = i;
                    let mut hashes = 0;
                    i += 1;
                    while bytes.get(i) == Some(&b'#') {
                        hashes += 1;
                        i += 1;
                    }
                    if bytes.get(i) != Some(&b'"') {
                        continue;
                    }
                    i += 1;
                    let content_start = i;
                    let closing: String = std::iter::once('"')
                        .chain(std::iter::repeat_n('#', hashes))
                        .collect();
                    let end = self
                        .text
                        .get(i..)
                        .and_then(|rest| rest.find(&closing))
                        .map_or(bytes.len(), |e| i + e);
                    let raw = self.text.get(content_start..end).unwrap_or("");
                    self.push_literal(start, raw, &mut pending_step);
                    i = end + closing.len();
                }
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                        i += 1;
                    }
                    let name = &self.text[start..i];
                    let mut j = i;
                    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    match bytes.get(j) {
                        Some(b':') => self.keys.push(Key {
                            offset: start,
                            name: name.to_string(),
                        }),
                        Some(b'(') if name == "Narrative" || name == "Decision" => {
                            self.steps.push(StepAnchor {
                                offset: start,
                                id: None,
                            });
                            pending_step = Some(self.steps.len() - 1);
                        }
                        _ => {}
                    }
                }
                _ => i += 1,
            }
        }
    }

    fn push_literal(&mut self, offset: usize, raw: &str, pending_step: &mut Option<usize>) {
        if let Some(step) = *pending_step {
            let follows_id = self
                .keys
                .last()
                .is_some_and(|k| k.name == "id" && k.offset > self.steps[step].offset);
            if follows_id {
                self.steps[step].id = Some(raw.to_string());
                *pending_step = None;
            }
        }
        self.literals.push(Literal {
            offset,
            raw: raw.to_string(),
        });
    }
}

/// The byte index in `raw` of an escape (`\x1b`, `\u{1b}`) that decodes to a bad character.
fn find_bad_escape(raw: &str, bad: &impl Fn(char) -> bool) -> Option<usize> {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let decoded = match bytes.get(i + 1) {
            Some(b'x') => raw
                .get(i + 2..i + 4)
                .and_then(|h| u32::from_str_radix(h, 16).ok()),
            Some(b'u') => raw.get(i + 2..).and_then(|rest| {
                let inner = rest.strip_prefix('{')?;
                let end = inner.find('}')?;
                u32::from_str_radix(&inner[..end], 16).ok()
            }),
            _ => None,
        };
        if decoded.and_then(char::from_u32).is_some_and(bad) {
            return Some(i);
        }
        i += 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"Scenario(
    title: "A: not a key",
    steps: [
        Narrative(id: "one", text: "x"),
        // Decision(id: "commented"),
        Decision(
            id: "two",
            prompt: "",
            options: [
                Choice(id: "a", text: "first"),
                Choice(id: "b", text: "second", goto: "nowhere"),
            ],
        ),
    ],
    outcome: Outcome(what_happened: "y"),
)"#;

    #[test]
    fn finds_steps_options_and_keys() {
        let l = Locator::new(SOURCE);
        let two = l.step("two").expect("step two");
        assert_eq!(l.location(two.start), Location { line: 6, col: 9 });
        let prompt = l.value_of(two, "prompt").expect("prompt");
        assert_eq!(l.location(prompt), Location { line: 8, col: 21 });
        let b = l.option(two, "b").expect("option b");
        let goto = l.value_of(b, "goto").expect("goto");
        assert_eq!(l.location(goto), Location { line: 11, col: 55 });
        assert!(l.step("commented").is_none());
    }

    #[test]
    fn columns_count_characters() {
        let l = Locator::new("é\"x\u{1b}\"");
        assert_eq!(
            l.location(l.first_char(l.whole(), char::is_control).expect("esc"))
                .col,
            4
        );
    }

    #[test]
    fn finds_escaped_control_characters() {
        let l = Locator::new("(text: \"ok \\u{1b}[31m\")");
        let at = l.first_char(l.whole(), char::is_control).expect("escape");
        assert_eq!(l.location(at).col, 12);
    }
}
