//! Counts agree with their nouns: "1 decision", "2 decisions", never "decision(s)". Every
//! message a trainee or author reads is built in `src/`, so no text there may write "(s)".
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_message_in_src_writes_a_plural_as_s_in_brackets() {
    let mut files = Vec::new();
    rust_files(&common::root().join("src"), &mut files);
    assert!(files.len() > 50, "src/ was not found");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // code, not comments: `(s)` in a comment is prose, and `Some(s)` is a pattern
            let code = line.split("//").next().unwrap_or("");
            let bytes = code.as_bytes();
            let hit = code.match_indices("(s)").any(|(i, _)| {
                i > 0 && bytes[i - 1].is_ascii_alphabetic() && code[..i].matches('"').count() % 2 == 1
            });
            if hit {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "write the count with crate::plural::count:\n{}",
        found.join("\n")
    );
}
