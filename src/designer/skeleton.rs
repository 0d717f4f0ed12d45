//! `lessons new ID`: a commented skeleton that validates as it stands, for a course
//! designer to fill in from a published summary.

use crate::scenario::validate::is_valid_id;

/// The skeleton's text. `document` names a source file placed beside it (for quote
/// checking), and `first_sentence` is a real sentence from it to show how quotes look.
pub fn skeleton(id: &str, document: Option<(&str, &str)>) -> Result<String, String> {
    if !is_valid_id(id) {
        return Err(format!(
            "`{id}` is not a valid id: use lower-case letters, digits and hyphens, e.g. `force-2024-short-name`"
        ));
    }
    let (document_line, quote) = match document {
        Some((name, sentence)) => (
            format!(
                "        // The source text, beside this file: quotes are checked against it.\n        document: \"{}\",\n",
                escape(name)
            ),
            escape(sentence),
        ),
        None => (
            "        // document: \"NAME.txt\",  // the source text, in assets/cases/ or beside this file\n"
                .to_string(),
            "TODO: words copied exactly from the source".to_string(),
        ),
    };
    Ok(TEMPLATE
        .replace("{ID}", id)
        .replace("{DOCUMENT}\n", &document_line)
        .replace("{QUOTE}", &quote))
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The first sentence-like line of a source text (its title usually), for the example quote.
pub fn first_sentence(source: &str) -> Option<String> {
    source
        .lines()
        .map(str::trim)
        .find(|l| l.chars().count() >= 12)
        .map(|l| l.chars().take(160).collect::<String>().trim().to_string())
}

const TEMPLATE: &str = r#"// A new lessons scenario. Every "TODO" is for you to replace. Read
// docs/authoring-guide.md first; docs/scenario-format.md lists every field.
//
// The rules that matter most:
// - Every fact, finding and outcome must be traceable to a sentence in the source.
// - No personal names: use roles ("the woman", "the caller", "PC A").
// - No invented outcomes and no counterfactuals ("had you arrested him…").
// - Where the source is silent on a detail, keep it generic and say so.
//
// Check your work as you go:  lessons validate {ID}.ron
// Play it:                    lessons preview {ID}.ron --watch
Scenario(
    format: 1,
    id: "{ID}",
    title: "TODO: a title that says what the case is",
    source: Source(
        publisher: Iopc,  // Iopc, Ipcc, Force or Other
        title: "TODO: the summary's own title, exactly as published",
        force: "TODO: the police force",
        // incident: "2024-01",     // when it happened, where the source says (YYYY, YYYY-MM or YYYY-MM-DD)
        // published: "2024-06-01", // when the summary was published, where it says
        // reference: "2024/000000", // the IOPC reference, where there is one
{DOCUMENT}
    ),
    themes: [DomesticAbuse, RiskAssessment],  // see docs/scenario-format.md for the full list
    role: ResponseOfficer,  // the role the trainee plays unless a decision says otherwise
    content_warning: "TODO: name the harm plainly, and say this is a real case investigated by the IOPC.",
    estimated_minutes: 10,
    // Only what the officers knew at the start. Where the source is silent, say so.
    briefing: "TODO: what the officers knew at the start.",
    steps: [
        Narrative(
            id: "first-report",
            clock: "TODO: when, as the source gives it (\"Day 1\", \"About two hours later\")",
            text: "TODO: what is now known.",
        ),
        Decision(
            id: "first-decision",
            ndm: GatherInformation,  // the National Decision Model stage
            prompt: "TODO: the question the trainee faces, as an officer would face it?",
            kind: Single,  // Single, Multiple (tick all that apply) or Scale (an ordered grade)
            options: [
                Choice(
                    id: "expected",
                    text: "TODO: the course of action the finding or policy supports",
                    mark: Expected,
                    feedback: "TODO: why, in the finding's words.",
                ),
                Choice(
                    id: "actual",
                    text: "TODO: what the officers did, as the source describes it",
                    mark: Poor,
                    actual: true,  // this is what the officers did
                    feedback: "TODO: what the investigation found about it.",
                ),
                // Three options or more, of like length and care, unless the real decision is
                // binary (then two, and `binary: true`). See "Writing fair options".
                Choice(
                    id: "plausible",
                    text: "TODO: another course officers plausibly take, with its reason",
                    mark: Acceptable,
                    feedback: "TODO: how it stands against the finding.",
                ),
            ],
            finding: Finding(
                text: "TODO: what the investigation found about this decision.",
                quote: "{QUOTE}",
                standards: [DutiesAndResponsibilities],
            ),
            rationale: Ask,  // No, Ask or Require: Require where an unrecorded decision mattered
        ),
        Decision(
            id: "grade",
            ndm: AssessThreatAndRisk,
            prompt: "TODO: how do you grade it?",
            kind: Scale,  // grades listed lowest first, each with a level
            options: [
                Choice(id: "standard", text: "Standard", mark: Poor, level: 1, feedback: "TODO: from the finding."),
                Choice(id: "medium", text: "Medium", mark: Acceptable, level: 2, feedback: "TODO: from the finding."),
                Choice(id: "high", text: "High", mark: Expected, level: 3, feedback: "TODO: from the finding."),
            ],
            finding: Finding(text: "TODO: what the investigation found.", quote: "{QUOTE}"),
            // time_limit: 90,  // seconds, where the pressure was real (call handling)
        ),
    ],
    outcome: Outcome(
        what_happened: "TODO: what happened, as the source says it.",
        officers: ["TODO: the outcome for each officer, in the source's words."],
        learning: ["TODO: the force's actions and the investigators' learning."],
    ),
    // The source's own "Key questions" where it has them.
    discussion: ["TODO: a question for discussion."],
)
"#;
