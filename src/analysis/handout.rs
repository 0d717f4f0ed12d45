//! The pre-read handout (briefing, story and questions, no answers) and the instructor's
//! answer key, as Markdown. Everything printed comes from the scenario file.

use std::fmt::Write as _;

use crate::engine::{Answer, Item, Response, assess_one};
use crate::scenario::graph::{Target, next_after, next_after_ticks};
use crate::scenario::text::sanitize;
use crate::scenario::{Basis, Decision, DecisionKind, Scenario, Step};

/// The steps the officers' own choices lead through, in order. A pre-read cannot follow
/// every branch, and following the officers keeps it to the story the source tells.
pub fn officers_path(scenario: &Scenario) -> Vec<usize> {
    let mut path = Vec::new();
    let mut at = if scenario.steps.is_empty() {
        Target::End
    } else {
        Target::Step(0)
    };
    while let Target::Step(index) = at {
        // a validated file has no cycles; this guards a file that was not validated
        if path.contains(&index) {
            break;
        }
        let step = &scenario.steps[index];
        // a step shown only after a given answer is shown when the officers gave it
        let shown = step.only_if().is_none_or(|c| {
            scenario.step_index(&c.step).is_some_and(|i| path.contains(&i))
                && scenario
                    .decision(&c.step)
                    .is_some_and(|d| d.officers_choice().iter().any(|o| o.id == c.chose))
        });
        if shown {
            path.push(index);
        }
        at = match step.as_decision() {
            Some(d) if !d.kind.picks_one() => {
                let ticked: Vec<&str> = d.officers_choice().iter().map(|o| o.id.as_str()).collect();
                next_after_ticks(scenario, index, &ticked)
            }
            Some(d) => next_after(scenario, index, d.officers_choice().first().copied()),
            None => next_after(scenario, index, None),
        };
    }
    path
}

/// The pre-read for several cases in order.
pub fn handout(scenarios: &[Scenario]) -> String {
    let mut out = String::new();
    for (n, scenario) in scenarios.iter().enumerate() {
        if n > 0 {
            out.push_str("\n---\n\n");
        }
        one_handout(&mut out, scenario);
    }
    out.push_str("\n---\n*Pre-reading exported by lessons. The answers are discussed in the session.*\n");
    out
}

fn one_handout(out: &mut String, scenario: &Scenario) {
    let _ = writeln!(out, "# {}\n", sanitize(&scenario.title));
    let _ = writeln!(out, "- **Source:** {}", sanitize(&scenario.source_line()));
    let _ = writeln!(
        out,
        "- **You are:** {}",
        crate::scenario::role_label(scenario.role, false)
    );
    let _ = writeln!(
        out,
        "\n> **Content warning:** {}\n",
        sanitize(&scenario.content_warning)
    );
    let _ = writeln!(out, "## Briefing\n\n{}\n", sanitize(&scenario.briefing));
    let _ = writeln!(
        out,
        "*The scene as it opens, then the decisions in the order the officers met them. What happened between and after them is told in the session: read ahead, it would give away how the case went.*\n"
    );
    let path = officers_path(scenario);
    let mut n = 0;
    for &index in &path {
        match &scenario.steps[index] {
            // only the opening scene: later passages tell what came of the officers' choices
            Step::Narrative(_) if n > 0 => {}
            Step::Narrative(story) => {
                if let Some(clock) = &story.clock {
                    let _ = writeln!(out, "**{}**\n", sanitize(clock));
                }
                let _ = writeln!(out, "{}\n", sanitize(&story.text));
            }
            Step::Decision(d) => {
                n += 1;
                question(out, n, scenario, d);
            }
        }
    }
    let others: Vec<&Decision> = scenario
        .steps
        .iter()
        .enumerate()
        .filter(|(i, _)| !path.contains(i))
        .filter_map(|(_, s)| s.as_decision())
        .collect();
    if !others.is_empty() {
        let _ = writeln!(out, "## Decisions the session may reach on another path\n");
        for d in others {
            n += 1;
            question(out, n, scenario, d);
        }
    }
    // the discussion questions often quote the finding, so they go in the answer key only
}

/// A decision as the room meets it: prompt, kind and options, nothing that marks them.
/// Options are listed alphabetically (a scale by level) so the file's order gives nothing away.
fn question(out: &mut String, n: usize, scenario: &Scenario, d: &Decision) {
    if let Some(clock) = &d.clock {
        let _ = writeln!(out, "**{}**\n", sanitize(clock));
    }
    let _ = writeln!(out, "### Decision {n}. {}\n", sanitize(&d.prompt));
    let _ = writeln!(
        out,
        "*{} · you are {} · {}*\n",
        d.kind.label(),
        scenario.role_label_at(d),
        d.ndm.label()
    );
    let mut options: Vec<&str> = d.options.iter().map(|o| o.text.as_str()).collect();
    if d.kind != DecisionKind::Scale {
        options.sort_unstable();
    }
    let bullet = if d.kind.picks_one() { "-" } else { "- [ ]" };
    for text in options {
        let _ = writeln!(out, "{bullet} {}", sanitize(text));
    }
    out.push('\n');
}

/// The instructor's answer key: every decision of every case, in file order.
pub fn answer_key(scenarios: &[Scenario]) -> String {
    let mut out = String::new();
    for (n, scenario) in scenarios.iter().enumerate() {
        if n > 0 {
            out.push_str("\n---\n\n");
        }
        let _ = writeln!(out, "# Answer key: {}\n", sanitize(&scenario.title));
        let _ = writeln!(out, "- **Source:** {}\n", sanitize(&scenario.source_line()));
        for (i, d) in scenario.decisions().enumerate() {
            key_entry(&mut out, i + 1, scenario, d);
        }
        let _ = writeln!(out, "## For discussion\n");
        for q in &scenario.discussion {
            let _ = writeln!(out, "- {}", sanitize(q));
        }
    }
    out.push_str("\n---\n*Every finding above is quoted from the published summary. Exported by lessons.*\n");
    out
}

/// The engine's own assessment of the officers' answer: the in-line options, the basis and
/// the finding exactly as a debrief shows them, whatever anyone chose.
pub(crate) fn reference_item(scenario: &Scenario, d: &Decision) -> Item {
    let officers: Vec<String> = d.officers_choice().iter().map(|o| o.id.clone()).collect();
    let response = match (d.kind, officers.first()) {
        (DecisionKind::Multiple, _) => Response::Ticked(officers.clone()),
        (DecisionKind::Scale, Some(id)) => Response::Graded(id.clone()),
        (DecisionKind::Single, Some(id)) => Response::Chose(id.clone()),
        (_, None) => Response::NoDecision,
    };
    let answer = Answer {
        step: d.id.clone(),
        response,
        rationale: None,
        confidence: None,
    };
    assess_one(scenario, d, &answer)
}

fn key_entry(out: &mut String, n: usize, scenario: &Scenario, d: &Decision) {
    let item = reference_item(scenario, d);
    let _ = writeln!(out, "## {n}. {}\n", sanitize(&d.prompt));
    let _ = writeln!(out, "- **Stage:** {}", d.ndm.label());
    let in_line = if item.in_line.is_empty() {
        "none: the source makes no finding on this decision".to_string()
    } else {
        sanitize(&item.in_line.join("; "))
    };
    let _ = writeln!(out, "- **In line:** {in_line}");
    let _ = writeln!(out, "- **Basis:** {}", sanitize(&item.basis.describe()));
    // a finding's detail is its quote, shown on its own line below
    if let Some(detail) = item
        .basis
        .detail
        .as_ref()
        .filter(|_| item.basis.basis != Basis::Finding)
    {
        let _ = writeln!(out, "- **Basis detail:** {}", sanitize(detail));
    }
    let _ = writeln!(out, "- **The officers:** {}", sanitize(&item.officers_did()));
    let _ = writeln!(
        out,
        "- **{}:** {}",
        item.basis.finding_label(),
        sanitize(&item.finding.text)
    );
    if let Some(quote) = &item.finding.quote {
        let _ = writeln!(out, "- **The source:** \u{201c}{}\u{201d}", sanitize(quote));
    }
    out.push('\n');
}
