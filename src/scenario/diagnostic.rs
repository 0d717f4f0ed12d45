//! Problems found in a scenario file, as data. Nothing here prints; the command line
//! and the preview screen render the same values.

use std::fmt;

use serde::Serialize;

use super::text::{echo_message, echo_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Location {
    pub line: usize,
    pub col: usize,
}

impl Location {
    pub const START: Location = Location { line: 1, col: 1 };
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable name for the rule, for editors and tests.
    pub code: &'static str,
    pub path: String,
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: String::new(),
            location,
            message: message.into(),
            help: None,
        }
    }

    pub fn warning(code: &'static str, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The file, as it will be shown: a hostile file name cannot reach the terminal.
    pub fn with_path(mut self, path: &str) -> Self {
        self.path = echo_path(path);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: error: message` then an indented `help:` line. Values inside the
    /// message are echoed safely where it is made; this is the last guard for any other
    /// (a parser's message quoting the file, say).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path,
            self.location.line,
            self.location.col,
            severity,
            echo_message(&self.message)
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", echo_message(help))?;
        }
        Ok(())
    }
}
