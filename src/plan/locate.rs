//! Where each entry of a plan's `cases: [...]` list is in the source, so a problem with
//! the third case is reported on its line. A light scan over brackets, outside strings
//! and comments, like `scenario::locate`.

use crate::scenario::locate::{Locator, Region};

/// The source of each `( … )` entry directly inside the `cases` list, in order.
pub fn case_regions(text: &str) -> Vec<Region> {
    let locator = Locator::new(text);
    let Some(start) = locator.value_of(locator.whole(), "cases") else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    if bytes.get(start) != Some(&b'[') {
        return Vec::new();
    }
    let mut regions = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
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
                i += 1;
            }
            b'(' | b'[' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b')' | b']' if depth == 0 => break,
            b')' | b']' => {
                depth -= 1;
                if depth == 0 {
                    regions.push(Region {
                        start: open,
                        end: i + 1,
                    });
                }
            }
            _ => {}
        }
        i += 1;
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_entry_past_strings_and_comments() {
        let text = "(\n  cases: [\n    // (case: \"no\"),\n    (case: \"a)\", skip: [\"d1\"]),\n    (case: \"b\"),\n  ],\n)";
        let regions = case_regions(text);
        assert_eq!(regions.len(), 2);
        assert!(text[regions[0].start..regions[0].end].contains("\"a)\""));
        assert_eq!(&text[regions[1].start..regions[1].end], "(case: \"b\")");
    }
}
