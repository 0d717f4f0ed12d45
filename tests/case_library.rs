//! The built-in case library: every scenario valid, faithful to its source, and complete.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use lessons::scenario::{Library, Scenario};

use common::root;

/// Whitespace-normalised text, so a quote that crosses a line break in the source still matches.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of the source document that holds this case.
fn source_text(scenario: &Scenario) -> String {
    let document = scenario
        .source
        .document
        .as_deref()
        .unwrap_or_else(|| panic!("{}: source.document is required for built-in cases", scenario.id));
    let path = root().join("assets/cases").join(document);
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}: {e}", scenario.id, path.display()));
    match scenario.source.lines {
        Some((first, last)) => text
            .lines()
            .skip(first as usize - 1)
            .take((last - first + 1) as usize)
            .collect::<Vec<_>>()
            .join("\n"),
        None => text,
    }
}

fn library() -> Library {
    Library::builtin()
}

/// No error and no warning, the fairness warnings included.
#[test]
fn every_built_in_scenario_is_valid_without_warnings() {
    let library = library();
    assert!(!library.entries.is_empty());
    for entry in &library.entries {
        let problems: Vec<String> = entry.diagnostics.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}:\n{}", entry.display, problems.join("\n"));
    }
}

#[test]
fn every_quote_appears_word_for_word_in_its_source() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for scenario in library().scenarios() {
        let source = normalise(&source_text(scenario));
        for decision in scenario.decisions() {
            let Some(quote) = &decision.finding.quote else {
                missing.push(format!("{} / {}: no quote", scenario.id, decision.id));
                continue;
            };
            checked += 1;
            if !source.contains(&normalise(quote)) {
                missing.push(format!(
                    "{} / {}: not in the source: {quote:?}",
                    scenario.id, decision.id
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_case_has_a_content_warning_and_at_least_four_decisions() {
    for scenario in library().scenarios() {
        assert!(
            scenario.content_warning.len() > 20,
            "{}: content warning too thin",
            scenario.id
        );
        let decisions = scenario.decisions().count();
        assert!(decisions >= 4, "{}: {decisions} decisions", scenario.id);
        for d in scenario.decisions() {
            assert!(
                d.options.iter().any(|o| o.actual) || d.officers.is_some(),
                "{} / {}: the debrief would not say what the officers did (mark an option `actual` or write `officers`)",
                scenario.id,
                d.id
            );
        }
    }
}

#[test]
fn the_source_title_is_the_published_title() {
    for scenario in library().scenarios() {
        let source = source_text(scenario);
        assert!(
            normalise(&source).contains(&normalise(&scenario.source.title)),
            "{}: source title {:?} is not in the source text",
            scenario.id,
            scenario.source.title
        );
    }
}

#[test]
fn the_library_holds_all_twelve_cases_and_list_shows_them() {
    let library = library();
    assert_eq!(
        library.scenarios().count(),
        12,
        "one scenario per case in shared/cases/INDEX.md"
    );
    let out = common::lessons(&["list", "--json"], "");
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["scenarios"].as_array().unwrap().len(), 12);
    assert_eq!(value["invalid"].as_array().unwrap().len(), 0);
}

#[test]
fn every_case_plays_end_to_end_in_plain_mode_and_the_debrief_quotes_each_finding() {
    for scenario in library().scenarios() {
        // answer "1" to every question (ticks the first option of a checklist) with a reason
        let answers = "1\na reason\n".repeat(40);
        let mut output = Vec::new();
        let settings = lessons::engine::Settings::new(lessons::engine::Mode::Assessment, 11);
        let ending = lessons::plain::play(scenario, settings, answers.as_bytes(), &mut output).unwrap();
        assert_eq!(
            ending,
            lessons::plain::Ending::Finished,
            "{} did not finish",
            scenario.id
        );
        let text = String::from_utf8(output).unwrap();
        let debrief = &text[text
            .find("DEBRIEF:")
            .unwrap_or_else(|| panic!("{}: no debrief", scenario.id))..];
        let flat = normalise(debrief);
        for decision in scenario.decisions() {
            let first = normalise(&decision.finding.text);
            let start: String = first.chars().take(60).collect();
            assert!(
                flat.contains(&start),
                "{} / {}: finding missing from the debrief",
                scenario.id,
                decision.id
            );
        }
        assert!(debrief.contains("The officers:"), "{}", scenario.id);
        assert!(debrief.contains("WHAT HAPPENED"), "{}", scenario.id);
    }
}

#[test]
fn the_precompiled_library_is_the_same_as_the_ron_files() {
    // the player starts from the forms made at build time; they must say exactly what the files say
    let trusted = Library::builtin_trusted();
    let checked = library();
    assert!(
        trusted.entries.iter().all(|e| e.source.is_none()),
        "every built-in case was precompiled (none fell back to parsing RON)"
    );
    let a: Vec<&Scenario> = trusted.scenarios().collect();
    let b: Vec<&Scenario> = checked.scenarios().collect();
    assert_eq!(a, b);
}

/// Only knowledge of the case and of policing helps: no test-wise strategy (the longest
/// option, the shortest, ticking everything or nothing, copying the officers) scores more
/// than 3 points above a random guesser in any case, over 50 seeds.
#[test]
fn no_test_wise_strategy_beats_random_guessing_by_more_than_three_points() {
    let ids: Vec<String> = library().scenarios().map(|s| s.id.clone()).collect();
    let mut args = vec!["audit", "--seeds", "50", "--threshold", "3"];
    args.extend(ids.iter().map(String::as_str));
    let out = common::lessons(&args, "");
    assert!(
        out.status.success(),
        "{}\n{}",
        common::text(&out.stdout),
        common::text(&out.stderr)
    );
}

#[test]
fn the_library_holds_at_least_ninety_decisions() {
    let decisions: usize = library().scenarios().map(|s| s.decisions().count()).sum();
    assert!(decisions >= 90, "{decisions} decisions");
}
