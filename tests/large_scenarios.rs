//! Very large but valid scenarios: the designer's reports stay readable.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/linear.rs"]
mod linear;

use common::{lessons_in, text};

#[test]
fn coverage_of_a_long_path_summarises_it_instead_of_one_huge_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("long.ron"), linear::linear_scenario(200)).unwrap();
    let out = lessons_in(dir.path(), &["coverage", "long.ron"], "", &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("200 decisions"), "{stdout}");
    let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 100, "a line of {widest} characters:\n{stdout}");
    // the start and the end of the path are still named
    assert!(stdout.contains("d0 → d1"), "{stdout}");
    assert!(stdout.contains("d199"), "{stdout}");
}
