//! The command line's option types: themes, modes, output formats and timer flags, shared
//! by the subcommands in `mod.rs`.

use clap::{Args, ValueEnum};

use crate::engine::Mode;

/// `--theme`, only on the commands that draw the full screen (not on `export`, `list` …).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ThemeOpt {
    /// Colours of the full screen: default, high-contrast or mono. NO_COLOR always wins.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
}

/// `--theme` on the classroom, whose default is high contrast (for a projector).
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct ClassroomThemeOpt {
    /// Colours on the projector: high-contrast (the default here), default or mono.
    /// NO_COLOR always wins.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
}

/// How the classroom is presented: big text, and the discussion timer's target.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct PresenterOpt {
    /// Big text for the title, the tallies, the reveal's headline and the timer, where
    /// they fit (z toggles it in the session)
    #[arg(long)]
    pub big: bool,
    /// A target for the discussion timer, in seconds (1 to 3600): it counts down to it,
    /// then shows how far over; + and - change it by 30 s in the session
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub countdown: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Default,
    HighContrast,
    Mono,
}

impl From<ThemeArg> for crate::tui::theme::ThemeName {
    fn from(value: ThemeArg) -> Self {
        match value {
            ThemeArg::Default => Self::Default,
            ThemeArg::HighContrast => Self::HighContrast,
            ThemeArg::Mono => Self::Mono,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Practice,
    Assessment,
}

impl From<ModeArg> for Mode {
    fn from(value: ModeArg) -> Self {
        match value {
            ModeArg::Practice => Mode::Practice,
            ModeArg::Assessment => Mode::Assessment,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Csv,
    /// The run's xAPI statements as a JSON array, for manual upload to an LRS
    Xapi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HandoutFormat {
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable report with bar charts, for the terminal
    Text,
    Md,
    Csv,
    Json,
}

/// Extra time or no timers on the full-screen player's timed decisions (plain play has no
/// clock). Recorded in the run and shown in its exports.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct TimerArgs {
    /// Lengthen every time limit by this percentage, e.g. 25, 50 or 100 (at most 300)
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u16).range(0..=300))]
    pub extra_time: Option<u16>,
    /// No time limits at all (an accessibility setting)
    #[arg(long, conflicts_with = "extra_time")]
    pub no_timers: bool,
}

impl TimerArgs {
    pub fn setting(self) -> crate::engine::Timers {
        crate::engine::Timers::from_flags(self.no_timers, self.extra_time)
    }

    pub fn given(self) -> bool {
        self.no_timers || self.extra_time.is_some()
    }
}

/// `lessons classroom --path`: which way the story goes after each reveal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathArg {
    /// The room's most-voted answer; you are asked on a tie or when nobody voted
    Majority,
    /// What the officers did, whatever the room voted (the votes are still kept)
    Officers,
    /// You are asked at every decision whose answer decides the way on
    Ask,
}

impl From<PathArg> for crate::engine::PathPolicy {
    fn from(value: PathArg) -> Self {
        match value {
            PathArg::Majority => Self::Majority,
            PathArg::Officers => Self::Officers,
            PathArg::Ask => Self::Ask,
        }
    }
}
