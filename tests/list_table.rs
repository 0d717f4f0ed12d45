//! `lessons list` prints a table whose columns line up, whatever the incident's date form.
#![allow(clippy::unwrap_used)]

mod common;

use common::{lessons_in, root, text};

#[test]
fn columns_line_up_when_an_incident_is_a_full_date() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        std::fs::read_to_string(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap();
    std::fs::write(dir.path().join("a.ron"), &fixture).unwrap();
    let full_date = fixture
        .replace("id: \"synthetic-branching\"", "id: \"synthetic-full-date\"")
        .replace("incident: \"2020-01\"", "incident: \"2020-01-15\"");
    std::fs::write(dir.path().join("b.ron"), full_date).unwrap();
    let out = lessons_in(dir.path(), &["list", "."], "", &[]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().take(3).collect();
    // the decision count ends where the DEC heading ends, on every row
    let heading_end = lines[0].find("DEC").unwrap() + 3;
    for row in &lines[1..] {
        let count_end = row.find(" 4 ").map(|i| i + 2).unwrap_or(0);
        assert_eq!(count_end, heading_end, "misaligned:\n{stdout}");
    }
}
