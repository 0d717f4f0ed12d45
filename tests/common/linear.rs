//! A synthetic, valid scenario of `n` decisions in one straight line (no branches), as
//! RON text: the shape that made `coverage` slow. Shared by tests and benches.

pub fn linear_scenario(n: usize) -> String {
    let mut steps = String::new();
    for i in 0..n {
        steps.push_str(&format!(
            r#"        Decision(
            id: "d{i}",
            ndm: GatherInformation,
            prompt: "Synthetic decision {i}: what do you do?",
            kind: Single,
            options: [
                Choice(id: "a", text: "Synthetic option A", mark: Expected, feedback: "Synthetic feedback."),
                Choice(id: "b", text: "Synthetic option B", mark: Poor, actual: true, feedback: "Synthetic feedback."),
            ],
            finding: Finding(text: "Synthetic finding {i}."),
        ),
"#
        ));
    }
    format!(
        r#"// SYNTHETIC: not a real case.
Scenario(
    format: 1,
    id: "synthetic-linear",
    title: "Synthetic: {n} decisions in a line",
    source: Source(
        publisher: Other,
        title: "Synthetic test material (not a real case)",
        force: "Test Constabulary",
    ),
    themes: [Evidence],
    role: FrontCounter,
    content_warning: "Synthetic test material. No real case is described.",
    estimated_minutes: 3,
    briefing: "Synthetic briefing.",
    steps: [
{steps}    ],
    outcome: Outcome(
        what_happened: "Synthetic outcome.",
        officers: ["Synthetic."],
        learning: ["Synthetic."],
    ),
    discussion: ["Synthetic question?"],
)
"#
    )
}
