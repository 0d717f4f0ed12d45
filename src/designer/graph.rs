//! The steps and branches as a Graphviz (dot) or Mermaid graph: decisions labelled, the
//! officers' path and the expected path highlighted.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::scenario::graph::{Target, next_after, next_after_ticks, next_after_timeout, successors};
use crate::scenario::{Choice, Mark, Scenario, Step};

const OFFICERS: &str = "#b22222";
const EXPECTED: &str = "#2e7d32";

/// An edge of the graph: from a step, to a step or the end, with the options that take it.
struct Edge {
    from: usize,
    to: Target,
    label: String,
    officers: bool,
    expected: bool,
}

/// Which option a path takes at a decision.
fn path(scenario: &Scenario, pick: impl Fn(&[Choice]) -> Option<&Choice>) -> HashSet<(usize, Target)> {
    let mut taken = HashSet::new();
    let mut at = Target::Step(0);
    let mut guard = 0;
    while let Target::Step(index) = at {
        if index >= scenario.steps.len() || guard > scenario.steps.len() {
            break;
        }
        guard += 1;
        let option = scenario.steps[index].as_decision().and_then(|d| pick(&d.options));
        let next = next_after(scenario, index, option);
        taken.insert((index, next));
        at = next;
    }
    taken
}

fn edges(scenario: &Scenario) -> Vec<Edge> {
    let officers = path(scenario, |options| options.iter().find(|o| o.actual));
    let expected = path(scenario, |options| {
        options.iter().find(|o| o.mark == Mark::Expected)
    });
    let mut out = Vec::new();
    for (index, step) in scenario.steps.iter().enumerate() {
        for target in successors(scenario, index) {
            let mut labels: Vec<String> = match step {
                Step::Decision(d) if d.options.iter().any(|o| o.goto.is_some()) => d
                    .options
                    .iter()
                    .filter(|o| next_after(scenario, index, Some(o)) == target)
                    .map(|o| short(&o.text, 28))
                    .collect(),
                Step::Decision(d) => d
                    .when_ticked
                    .iter()
                    .filter(|r| next_after_ticks(scenario, index, &[r.ticked.as_str()]) == target)
                    .filter_map(|r| d.option(&r.ticked))
                    .map(|o| format!("ticked: {}", short(&o.text, 20)))
                    .collect(),
                Step::Narrative(_) => Vec::new(),
            };
            // Name the timeout edge only where it leads somewhere an answer does not.
            let timed_apart = step.as_decision().is_some_and(|d| d.on_timeout.is_some());
            if timed_apart && next_after_timeout(scenario, index) == target {
                labels.push("time up".into());
            }
            let label = labels.join(" / ");
            out.push(Edge {
                from: index,
                to: target,
                label,
                officers: officers.contains(&(index, target)),
                expected: expected.contains(&(index, target)),
            });
        }
    }
    out
}

fn short(text: &str, max: usize) -> String {
    let clean = crate::scenario::text::sanitize(text).replace('\n', " ");
    if clean.chars().count() <= max {
        clean
    } else {
        let cut: String = clean.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

fn node_label(index: usize, step: &Step) -> (String, bool) {
    match step {
        Step::Narrative(n) => {
            let clock = n
                .clock
                .as_deref()
                .map(|c| format!("{}\n", short(c, 30)))
                .unwrap_or_default();
            (format!("{}. {clock}{}", index + 1, short(&n.text, 40)), false)
        }
        Step::Decision(d) => (
            format!(
                "{}. Decision ({}): {}\n{}",
                index + 1,
                d.kind.label(),
                crate::scenario::text::echo(&d.id),
                short(&d.prompt, 40)
            ),
            true,
        ),
    }
}

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

pub fn dot(scenario: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_escape(&scenario.id));
    let _ = writeln!(
        out,
        "  label=\"{}\";\n  labelloc=t;",
        dot_escape(&short(&scenario.title, 80))
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
    let _ = writeln!(
        out,
        "  start [shape=circle, label=\"start\"];\n  end [shape=doublecircle, label=\"end\"];"
    );
    for (index, step) in scenario.steps.iter().enumerate() {
        let (label, decision) = node_label(index, step);
        let shape = if decision {
            ", shape=box, style=\"rounded,bold\""
        } else {
            ""
        };
        let _ = writeln!(out, "  s{index} [label=\"{}\"{shape}];", dot_escape(&label));
    }
    if !scenario.steps.is_empty() {
        let _ = writeln!(
            out,
            "  start -> s0 [color=\"{OFFICERS}:{EXPECTED}\", penwidth=2];"
        );
    }
    for edge in edges(scenario) {
        let to = match edge.to {
            Target::Step(i) => format!("s{i}"),
            Target::End => "end".to_string(),
        };
        let color = match (edge.officers, edge.expected) {
            (true, true) => format!(", color=\"{OFFICERS}:{EXPECTED}\", penwidth=2"),
            (true, false) => format!(", color=\"{OFFICERS}\", penwidth=2"),
            (false, true) => format!(", color=\"{EXPECTED}\", penwidth=2"),
            (false, false) => String::new(),
        };
        let _ = writeln!(
            out,
            "  s{} -> {to} [label=\"{}\"{color}];",
            edge.from,
            dot_escape(&edge.label)
        );
    }
    let _ = writeln!(
        out,
        "  subgraph cluster_legend {{\n    label=\"Legend\"; fontsize=9;"
    );
    let _ = writeln!(
        out,
        "    l1 [shape=plaintext, label=\"red: what the officers did\\lgreen: what the finding expected\\l\"];\n  }}"
    );
    out.push_str("}\n");
    out
}

/// Mermaid renders labels as HTML, so markup in a scenario's text is written as Mermaid's
/// entity codes and shows as text; the only tag left is our own line break.
fn mermaid_escape(text: &str) -> String {
    text.replace('&', "#amp;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('"', "#quot;")
        .replace('\n', "<br/>")
}

pub fn mermaid(scenario: &Scenario) -> String {
    let mut out = String::from("flowchart TD\n");
    let _ = writeln!(out, "  start((start))\n  finish(((end)))");
    for (index, step) in scenario.steps.iter().enumerate() {
        let (label, decision) = node_label(index, step);
        let (open, close) = if decision {
            ("{{\"", "\"}}")
        } else {
            ("[\"", "\"]")
        };
        let _ = writeln!(out, "  s{index}{open}{}{close}", mermaid_escape(&label));
    }
    let mut styles = Vec::new();
    let mut link = 0;
    if !scenario.steps.is_empty() {
        let _ = writeln!(out, "  start --> s0");
        styles.push((link, true, true));
        link += 1;
    }
    for edge in edges(scenario) {
        let to = match edge.to {
            Target::Step(i) => format!("s{i}"),
            Target::End => "finish".to_string(),
        };
        if edge.label.is_empty() {
            let _ = writeln!(out, "  s{} --> {to}", edge.from);
        } else {
            let _ = writeln!(
                out,
                "  s{} -->|\"{}\"| {to}",
                edge.from,
                mermaid_escape(&edge.label)
            );
        }
        styles.push((link, edge.officers, edge.expected));
        link += 1;
    }
    for (n, officers, expected) in styles {
        let color = match (officers, expected) {
            (true, true) => "#6d4c41",
            (true, false) => OFFICERS,
            (false, true) => EXPECTED,
            (false, false) => continue,
        };
        let _ = writeln!(out, "  linkStyle {n} stroke:{color},stroke-width:3px");
    }
    let _ = writeln!(
        out,
        "  %% red: what the officers did; green: what the finding expected; brown: both"
    );
    out
}
