//! From the bytes of a file to a `Scenario`, or to diagnostics that say where and how to
//! fix what is wrong. Order matters: size, then encoding, then emptiness, then the
//! format version, then RON itself, so each problem gets the message that fits it.

use ron::error::{Error as RonError, SpannedError};
use serde::Deserialize;

use super::diagnostic::{Diagnostic, Location};
use super::locate::Locator;
use super::suggest::nearest;
use super::types::{FORMAT_VERSION, Scenario};

/// Scenario files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = crate::bounded_read::SCENARIO_LIMIT as usize;

pub use super::options::ron_options;

/// Checks size, encoding and emptiness; returns the text when it can be parsed at all.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        Diagnostic::error(
            "invalid-utf8",
            location_at_end(prefix),
            format!(
                "file is not valid UTF-8 (byte {} cannot be read)",
                e.valid_up_to() + 1
            ),
        )
        .with_help(
            "save the file with UTF-8 encoding; copy-paste from PDFs or Word can bring in other encodings",
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(
            Diagnostic::error("empty-file", Location::START, "file is empty").with_help(
                "a scenario starts with `Scenario(` and `format: 1`; run `lessons new ID` for a skeleton",
            ),
        );
    }
    Ok(text)
}

/// The error for a file over the size limit.
pub fn too_large(len: u64) -> Diagnostic {
    Diagnostic::error(
        "too-large",
        Location::START,
        format!("file is {len} bytes, over the limit of {MAX_FILE_BYTES} bytes (1 MiB) for a scenario"),
    )
    .with_help("a scenario is text; split the case into smaller scenarios or remove pasted material")
}

/// Parses RON text into a scenario. Semantic checks are `validate`'s job.
pub fn parse(text: &str) -> Result<Scenario, Diagnostic> {
    match ron_options().from_str::<Scenario>(text) {
        Ok(scenario) if scenario.format == FORMAT_VERSION => Ok(scenario),
        Ok(other) => Err(check_format_version(text).err().unwrap_or_else(|| {
            Diagnostic::error(
                "format-version",
                Location::START,
                format!("unknown format version {}", other.format),
            )
        })),
        // a file of another version fails on fields this build does not know: say so first
        Err(e) => {
            check_format_version(text)?;
            Err(explain(e, text))
        }
    }
}

#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    format: Option<u32>,
}

/// A file from a newer format should say so, not fail on the first field this build does not know.
fn check_format_version(text: &str) -> Result<(), Diagnostic> {
    let Ok(probe) = ron_options().from_str::<VersionProbe>(text) else {
        return Ok(());
    };
    match probe.format {
        Some(FORMAT_VERSION) => Ok(()),
        Some(other) => {
            let locator = Locator::new(text);
            let at = locator
                .value_of(locator.whole(), "format")
                .map_or(Location::START, |o| locator.location(o));
            Err(Diagnostic::error(
                "format-version",
                at,
                format!("unknown format version {other}; this build of lessons reads format {FORMAT_VERSION}"),
            )
            .with_help(format!(
                "set `format: {FORMAT_VERSION}` and use only the fields in docs/scenario-format.md, or upgrade lessons"
            )))
        }
        None => Err(
            Diagnostic::error("format-version", Location::START, "missing field `format`").with_help(
                format!("add `format: {FORMAT_VERSION},` as the first field inside `Scenario(`"),
            ),
        ),
    }
}

/// What a RON file holds, for the words of a parse error: a scenario, or a session plan.
pub struct Subject {
    /// "the scenario", "the plan": where the file ends too early.
    pub noun: &'static str,
    /// The document that shows every field with an example.
    pub doc: &'static str,
}

const SCENARIO: Subject = Subject {
    noun: "the scenario",
    doc: "docs/scenario-format.md",
};

fn explain(error: SpannedError, text: &str) -> Diagnostic {
    explain_as(error, text, &SCENARIO)
}

/// A RON error as a diagnostic with its place, what is wrong and how to fix it.
pub fn explain_as(error: SpannedError, text: &str, subject: &Subject) -> Diagnostic {
    let at = Location {
        line: error.span.start.line.max(1),
        col: error.span.start.col.max(1),
    };
    match error.code {
        RonError::NoSuchStructField { expected, found, outer } => {
            let place = outer.map(|o| format!(" in {o}")).unwrap_or_default();
            let help = match nearest(&found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? fields here: {}", expected.join(", ")),
                None => format!("fields here: {}", expected.join(", ")),
            };
            Diagnostic::error("unknown-field", at, format!("unknown field `{found}`{place}")).with_help(help)
        }
        RonError::NoSuchEnumVariant { expected, found, outer } => {
            let place = outer.map(|o| format!(" for {o}")).unwrap_or_default();
            let help = match nearest(&found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? allowed: {}", expected.join(", ")),
                None => format!("allowed: {}", expected.join(", ")),
            };
            Diagnostic::error("unknown-value", at, format!("unknown value `{found}`{place}")).with_help(help)
        }
        RonError::MissingStructField { field, outer } => {
            let place = outer.map(|o| format!(" in {o}")).unwrap_or_default();
            Diagnostic::error("missing-field", at, format!("missing field `{field}`{place}"))
                .with_help(format!("add `{field}: …` here; {} lists what it takes", subject.doc))
        }
        RonError::DuplicateStructField { field, outer } => {
            let place = outer.map(|o| format!(" in {o}")).unwrap_or_default();
            Diagnostic::error("duplicate-field", at, format!("field `{field}` is given twice{place}"))
                .with_help("keep one of the two")
        }
        RonError::Eof => Diagnostic::error("syntax", at, format!("the file ends in the middle of {}", subject.noun))
            .with_help("a bracket or quote is not closed; every `(`, `[` and `\"` needs its partner"),
        RonError::ExpectedString | RonError::ExpectedStringEnd => {
            Diagnostic::error("syntax", at, format!("{}", error.code))
                .with_help("text goes in double quotes; a quote inside text is written \\\"")
        }
        ref code @ (RonError::ExpectedInteger
        | RonError::ExpectedFloat
        | RonError::ExpectedBoolean
        | RonError::ExpectedArray
        | RonError::ExpectedOption
        | RonError::ExpectedStructLike
        | RonError::ExpectedNamedStructLike(_)
        | RonError::InvalidValueForType { .. }) => {
            let field = Locator::new(text).key_before(at).map(|k| format!(" for `{k}`")).unwrap_or_default();
            Diagnostic::error("wrong-type", at, format!("{}{field}", lower_first(&code.to_string())))
                .with_help(format!("this field takes a different kind of value; {} shows each field with an example", subject.doc))
        }
        other => Diagnostic::error("syntax", at, lower_first(&other.to_string()))
            .with_help("check the RON syntax just before this point: a missing comma, bracket or quote is the usual cause"),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The location just after `prefix`, for errors found by scanning from the start.
fn location_at_end(prefix: &str) -> Location {
    let line = 1 + prefix.matches('\n').count();
    let col = 1 + prefix.rsplit('\n').next().map_or(0, |l| l.chars().count());
    Location { line, col }
}
