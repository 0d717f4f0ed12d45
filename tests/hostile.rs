//! No escape sequence reaches a terminal or a spreadsheet: every command of the real binary
//! runs over scenario files, file names, records and a `--name` that carry ESC, BEL, OSC 0,
//! OSC 52, CSI 2J and U+202E, and no output may hold a raw ESC or BEL byte. CSV and
//! Markdown output may not hold U+202E either (JSON escapes ESC and BEL, which is fine).
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{lessons_in, root};

/// Sets the window title, writes "Hello" to the clipboard, clears the screen, flips the text.
const RAW: &str = "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{202E}";
/// The same, as escapes inside a RON string.
const RON: &str = "\\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;SGVsbG8=\\u{7}\\u{1b}[2J\\u{202e}";

fn fixture() -> String {
    fs::read_to_string(root().join("tests/fixtures/valid/synthetic-branching.ron")).unwrap()
}

/// The fixture with one replacement, which must apply.
fn variant(from: &str, to: &str) -> String {
    let text = fixture();
    assert!(text.contains(from), "the fixture no longer holds {from}");
    text.replacen(from, to, 1)
}

/// Hostile scenario files, one per vector: (file name, contents).
fn scenario_files() -> Vec<(String, String)> {
    let id = "id: \"synthetic-branching\"";
    let note = "Choice(id: \"note\", text: \"Note what it shows in your pocket book\", mark: Acceptable, feedback: \"Fixture feedback: a note is not the evidence itself.\")";
    let mut files = vec![
        ("scenario-id.ron", variant(id, &format!("id: \"x{RON}\""))),
        (
            "step-id.ron",
            variant("id: \"arrival\"", &format!("id: \"arrival{RON}\"")),
        ),
        (
            "next.ron",
            variant("next: \"end\"", &format!("next: \"end{RON}\"")),
        ),
        (
            "goto.ron",
            variant("goto: \"marac\"", &format!("goto: \"marac{RON}\"")),
        ),
        (
            "duplicate-option.ron",
            variant("Choice(id: \"watch\"", &format!("Choice(id: \"secure{RON}\"")).replacen(
                "Choice(id: \"secure\"",
                &format!("Choice(id: \"secure{RON}\""),
                1,
            ),
        ),
        (
            "incident.ron",
            variant("incident: \"2020-01\"", &format!("incident: \"{RON}\"")),
        ),
        (
            "document.ron",
            variant(
                "reference: \"TEST/0001\",",
                &format!("reference: \"TEST/0001\",\n        document: \"{RON}\","),
            ),
        ),
        (
            "title.ron",
            variant("title: \"Synthetic fixture", &format!("title: \"{RON} fixture")),
        ),
        (
            // valid until option ids were checked, and its "no feedback" warning echoed the id
            "option-id.ron",
            variant(
                note,
                &format!("Choice(id: \"note{RON}\", text: \"Note it\", mark: Acceptable)"),
            )
            .replacen(id, "id: \"synthetic-option-id\"", 1),
        ),
        (
            "blank-option-id.ron",
            variant(note, "Choice(id: \"  \", text: \"Note it\", mark: Acceptable)").replacen(
                id,
                "id: \"synthetic-blank-id\"",
                1,
            ),
        ),
    ];
    // the file names themselves
    files.push(("named-x", fixture().replacen(id, "id: \"synthetic-named\"", 1)));
    files.push(("bad-x", variant(id, &format!("id: \"x{RON}\""))));
    files
        .into_iter()
        .map(|(name, text)| {
            let name = match name {
                "named-x" => format!("named{RAW}.ron"),
                "bad-x" => format!("bad{RAW}.ron"),
                other => other.to_string(),
            };
            (name, text)
        })
        .collect()
}

struct Run {
    what: String,
    out: Output,
    /// CSV or Markdown: U+202E must be gone too.
    document: bool,
}

struct Runner<'a> {
    dir: &'a Path,
    runs: Vec<Run>,
}

impl Runner<'_> {
    fn run(&mut self, args: &[&str], stdin: &str) -> &Output {
        self.run_as(args, stdin, false)
    }

    fn run_as(&mut self, args: &[&str], stdin: &str, document: bool) -> &Output {
        let out = lessons_in(self.dir, args, stdin, &[]);
        self.runs.push(Run {
            what: format!("{args:?}"),
            out,
            document,
        });
        &self.runs.last().unwrap().out
    }

    fn failures(&self) -> Vec<String> {
        let mut failures = Vec::new();
        for run in &self.runs {
            for (stream, bytes) in [("stdout", &run.out.stdout), ("stderr", &run.out.stderr)] {
                let text = String::from_utf8_lossy(bytes);
                if let Some(at) = bytes.iter().position(|b| *b == 0x1b || *b == 0x07) {
                    let from = at.saturating_sub(60);
                    let to = (at + 40).min(bytes.len());
                    let around = String::from_utf8_lossy(&bytes[from..to]);
                    failures.push(format!("{} {stream}: raw ESC/BEL in …{around:?}…", run.what));
                } else if run.document && stream == "stdout" && text.contains('\u{202E}') {
                    failures.push(format!("{} {stream}: U+202E in CSV or Markdown", run.what));
                }
                if text.contains("panicked") {
                    failures.push(format!("{} {stream}: panicked", run.what));
                }
            }
        }
        failures
    }
}

/// Answers for the plain player: a hostile answer first, then choices and rationales.
fn answers() -> String {
    let mut answers = format!("{RAW}\n");
    for _ in 0..8 {
        answers.push_str(&format!("1\nmy reason {RAW}\n"));
    }
    answers
}

#[test]
fn no_command_prints_an_escape_sequence_from_hostile_input() {
    let dir = tempfile::tempdir().unwrap();
    let scenarios = dir.path().join("scenarios");
    fs::create_dir(&scenarios).unwrap();
    let files = scenario_files();
    for (name, text) in &files {
        fs::write(scenarios.join(name), text).unwrap();
    }
    let mut r = Runner {
        dir: dir.path(),
        runs: Vec::new(),
    };
    let answers = answers();

    r.run(&["validate", "scenarios"], "");
    r.run(&["validate", "--format", "json", "scenarios"], "");
    r.run(&["list", "scenarios"], "");
    r.run(&["list", "--json", "scenarios"], "");
    for (n, (name, _)) in files.iter().enumerate() {
        let file = format!("scenarios/{name}");
        let new_dir = format!("new-{n}");
        r.run(&["validate", &file], "");
        r.run(&["validate", "--format", "json", &file], "");
        r.run(&["list", &file], "");
        r.run(&["list", "--json", &file], "");
        r.run(
            &["--no-records", "play", &file, "--plain", "--seed", "1"],
            &answers,
        );
        r.run(&["graph", &file], "");
        r.run(&["graph", &file, "--format", "mermaid"], "");
        r.run(&["coverage", &file], "");
        r.run(&["new", "copy", "--from", &file, "--dir", &new_dir], "");
        r.run(&["preview", &file], "");
        r.run(&["classroom", &file], "");
    }
    // values clap quotes back in its usage errors
    r.run(&[RAW], "");
    r.run(&["--theme", RAW, "list"], "");
    r.run(&["graph", "x", "--format", RAW], "");
    r.run(&["report", &format!("--{RAW}")], "");
    let missing = format!("missing{RAW}.ron");
    r.run(&["play", &missing, "--plain"], "");
    r.run(&["new", RAW], "");
    r.run(&["new", "copy", "--from", &missing], "");
    r.run(&["preview", &missing], "");

    // records made by playing with a hostile name and hostile answers
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let fixture = root().join("tests/fixtures/valid/synthetic-branching.ron");
    let fixture = fixture.to_str().unwrap();
    let play = ["--data-dir", data, "--name", RAW, "play", fixture, "--plain"];
    r.run(&[&play[..], &["--seed", "1"]].concat(), &answers);
    r.run(&[&play[..], &["--seed", "2"]].concat(), &format!("{RAW}\n1\n"));
    let records: Vec<_> = fs::read_dir(data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(records.len(), 2, "two runs were recorded");

    // a crafted record: hostile id, case id, trainee and rationale, kept outside the folder
    let mut unfinished: Option<serde_json::Value> = None;
    for path in &records {
        let value: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
        if value["finished"].is_null() {
            unfinished = Some(value);
        }
    }
    let mut crafted = unfinished.expect("the short run is unfinished");
    crafted["id"] = RAW.into();
    crafted["trainee"] = format!("=HYPERLINK(\"http://x\") {RAW}").into();
    if let Some(answer) = crafted["session"]["answers"].get_mut(0) {
        answer["rationale"] = format!("-2+3 {RAW} [x](http://x) ![i](http://x/i.png) <img src=x>").into();
    }
    let crafted_file = dir.path().join("crafted.json");
    fs::write(&crafted_file, serde_json::to_vec(&crafted).unwrap()).unwrap();
    let mut orphan = crafted.clone();
    orphan["scenario_id"] = format!("gone{RAW}").into();
    orphan["id"] = format!("orphan{RAW}").into();
    let orphan_file = dir.path().join(format!("orphan{RAW}.json"));
    fs::write(&orphan_file, serde_json::to_vec(&orphan).unwrap()).unwrap();
    let crafted_file = crafted_file.to_str().unwrap();
    let orphan_file = orphan_file.to_str().unwrap();
    // a copy inside the records folder, so folder-wide commands meet it too
    fs::write(
        Path::new(data).join("crafted-copy.json"),
        serde_json::to_vec(&crafted).unwrap(),
    )
    .unwrap();

    for format in ["md", "json", "csv"] {
        let document = format != "json";
        for run in ["latest", crafted_file, orphan_file, RAW] {
            r.run_as(
                &["--data-dir", data, "export", run, "--format", format],
                "",
                document,
            );
        }
    }
    for format in ["text", "md", "csv", "json"] {
        let document = format == "md" || format == "csv";
        r.run_as(&["--data-dir", data, "report", "--format", format], "", document);
        r.run_as(&["report", crafted_file, "--format", format], "", document);
        r.run_as(&["report", orphan_file, "--format", format], "", document);
    }
    r.run(&["report", &format!("nowhere{RAW}")], "");
    r.run(&["--data-dir", data, "resume", orphan_file, "--plain"], &answers);
    r.run(&["--data-dir", data, "resume", RAW, "--plain"], &answers);
    r.run(&["--data-dir", data, "resume", crafted_file, "--plain"], &answers);
    r.run(&["--data-dir", data, "resume", "--plain"], &answers);
    r.run(&["--data-dir", data, "drill", "--list"], "");
    r.run(&["--data-dir", data, "drill", "--plain"], &answers);

    let failures = r.failures();
    assert!(
        failures.is_empty(),
        "{} of {} runs leaked:\n{}",
        failures.len(),
        r.runs.len(),
        failures.join("\n")
    );
}

/// A valid scenario whose own text starts like spreadsheet formulas and holds HTML.
fn formula_and_markup_scenario() -> String {
    variant(
        "prompt: \"What do you do with the video?\"",
        "prompt: \"@SUM(1+1) What do you do with the video?\"",
    )
    .replacen(
        "text: \"Secure a copy as evidence\"",
        "text: \"=1+1 Secure a copy as evidence\"",
        1,
    )
    .replacen(
        "Choice(id: \"high\", text: \"High\"",
        "Choice(id: \"high\", text: \"<script>x</script> High\"",
        1,
    )
    .replacen(
        "text: \"The person shows you a",
        "text: \"<img src=x onerror=alert(1)> The person shows you a",
        1,
    )
}

/// Plays the scenario at `file` into `data` as `name`, giving `rationale` at every prompt.
fn play_into(dir: &Path, data: &str, file: &str, name: &str, rationale: &str) {
    let mut answers = String::new();
    for _ in 0..8 {
        answers.push_str(&format!("1\n{rationale}\n"));
    }
    let out = lessons_in(
        dir,
        &[
            "--data-dir",
            data,
            "--name",
            name,
            "play",
            file,
            "--plain",
            "--seed",
            "3",
        ],
        &answers,
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every cell, by column name.
fn csv_cells(text: &str) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut cells = Vec::new();
    for row in reader.records() {
        for (name, cell) in headers.iter().zip(row.unwrap().iter()) {
            cells.push((name.to_string(), cell.to_string()));
        }
    }
    cells
}

#[test]
fn csv_exports_and_reports_keep_formulas_as_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("case.ron"), formula_and_markup_scenario()).unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    play_into(
        dir.path(),
        data,
        "case.ron",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+cmd|' /C calc'!A0",
    );
    let export = lessons_in(
        dir.path(),
        &["--data-dir", data, "export", "latest", "--format", "csv"],
        "",
        &[],
    );
    let report = lessons_in(
        dir.path(),
        &["--data-dir", data, "report", "--format", "csv"],
        "",
        &[],
    );
    let export = csv_cells(&String::from_utf8(export.stdout).unwrap());
    let report = csv_cells(&String::from_utf8(report.stdout).unwrap());
    assert!(!export.is_empty() && !report.is_empty());
    for (column, cell) in export.iter().chain(&report) {
        let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert!(
            !formula || cell.parse::<f64>().is_ok(),
            "column {column} would run as a formula: {cell}"
        );
    }
    let cell = |cells: &[(String, String)], column: &str| {
        cells
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(cell(&export, "trainee"), "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(cell(&export, "rationale"), "'+cmd|' /C calc'!A0");
    assert!(cell(&report, "prompt").starts_with("'@SUM(1+1) What do you do"));
    assert!(
        report
            .iter()
            .any(|(c, v)| c == "option_text" && v == "'=1+1 Secure a copy as evidence")
    );
}

#[test]
fn markdown_shows_a_trainees_links_images_and_html_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let fixture = root().join("tests/fixtures/valid/synthetic-branching.ron");
    play_into(
        dir.path(),
        data,
        fixture.to_str().unwrap(),
        "[boss](http://evil.example)",
        "see [x](http://evil.example) ![i](http://evil.example/i.png) <img src=x onerror=alert(1)> **now**",
    );
    let export = lessons_in(dir.path(), &["--data-dir", data, "export", "latest"], "", &[]);
    let report = lessons_in(
        dir.path(),
        &["--data-dir", data, "report", "--format", "md"],
        "",
        &[],
    );
    for (what, out) in [("export", export), ("report", report)] {
        let md = String::from_utf8(out.stdout).unwrap();
        for live in ["[x](http", "![i](http", "[boss](http", "<img", "**now**"] {
            assert!(!md.contains(live), "{what} renders `{live}`:\n{md}");
        }
        assert!(md.contains("\\[x\\](http://evil.example)"), "{what}:\n{md}");
        assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{what}:\n{md}");
    }
}

#[test]
fn mermaid_labels_show_markup_as_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("case.ron"), formula_and_markup_scenario()).unwrap();
    let out = lessons_in(dir.path(), &["graph", "case.ron", "--format", "mermaid"], "", &[]);
    let mermaid = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0));
    for tag in ["<script", "</script", "<img"] {
        assert!(!mermaid.contains(tag), "{tag} reaches the graph:\n{mermaid}");
    }
    assert!(
        mermaid.contains("#lt;script#gt;x#lt;/script#gt; High"),
        "{mermaid}"
    );
    assert!(mermaid.contains("<br/>"), "line breaks are still drawn");
}
