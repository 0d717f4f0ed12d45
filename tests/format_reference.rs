//! Keeps docs/scenario-format.md honest: every RON example in it parses as the type it
//! shows, and the whole-scenario example validates.
#![allow(clippy::unwrap_used)]

mod common;

use lessons::scenario::parse::ron_options;
use lessons::scenario::{Choice, Decision, Finding, Narrative, Outcome, Scenario, Source, load_bytes};

fn examples(doc: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match (&mut current, line.trim_start()) {
            (None, "```ron") => current = Some(String::new()),
            (Some(block), "```") => {
                out.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_example_in_the_format_reference_parses() {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    let blocks = examples(&doc);
    assert!(blocks.len() >= 7, "found {} examples", blocks.len());
    let options = ron_options();
    for block in &blocks {
        let kind = block.trim_start().split('(').next().unwrap_or("").trim();
        let result = match kind {
            "Scenario" => options.from_str::<Scenario>(block).map(|_| ()),
            "Source" => options.from_str::<Source>(block).map(|_| ()),
            "Narrative" => options.from_str::<Narrative>(block).map(|_| ()),
            "Decision" => options.from_str::<Decision>(block).map(|_| ()),
            "Choice" => options.from_str::<Choice>(block).map(|_| ()),
            "Finding" => options.from_str::<Finding>(block).map(|_| ()),
            "Outcome" => options.from_str::<Outcome>(block).map(|_| ()),
            other => panic!("an example of unknown type `{other}`:\n{block}"),
        };
        assert!(
            result.is_ok(),
            "example does not parse: {:?}\n{block}",
            result.err()
        );
        if kind == "Scenario" {
            let entry = load_bytes(
                lessons::scenario::Origin::Builtin("doc"),
                "doc.ron",
                block.as_bytes(),
            );
            assert!(entry.errors().next().is_none(), "{:?}", entry.diagnostics);
        }
    }
}

#[test]
fn every_vocabulary_value_is_documented() {
    let doc = std::fs::read_to_string(common::root().join("docs/scenario-format.md")).unwrap();
    use lessons::scenario::{
        Basis, DecisionKind, Mark, NdmStage, Publisher, RationalePrompt, Role, Standard, Theme,
    };
    let mut names: Vec<&str> = Vec::new();
    names.extend(Theme::ALL.iter().map(|v| v.ident()));
    names.extend(Role::ALL.iter().map(|v| v.ident()));
    names.extend(NdmStage::ALL.iter().map(|v| v.ident()));
    names.extend(Standard::ALL.iter().map(|v| v.ident()));
    names.extend(DecisionKind::ALL.iter().map(|v| v.ident()));
    names.extend(Mark::ALL.iter().map(|v| v.ident()));
    names.extend(Basis::ALL.iter().map(|v| v.ident()));
    names.extend(Publisher::ALL.iter().map(|v| v.ident()));
    names.extend(RationalePrompt::ALL.iter().map(|v| v.ident()));
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/scenario-format.md does not mention `{name}`"
        );
    }
}
