//! `lessons completions SHELL` and `lessons man`: both written from the clap definitions,
//! so they never drift from the real options.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// A completion script for `shell` on standard output.
pub fn completions(shell: Shell) -> ExitCode {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "lessons", &mut out);
    write_out(&out)
}

/// The manual page, roff on standard output (`lessons man | man -l -`).
pub fn man() -> ExitCode {
    match page() {
        Ok(page) => write_out(&page),
        Err(e) => {
            eprintln!("lessons: the manual page could not be written: {e}");
            ExitCode::from(1)
        }
    }
}

/// One page for the whole program. clap_mangen's own subcommand list names a page per
/// command (`lessons-play(1)`), which is not installed; here each command's synopsis and
/// options are on this page instead.
pub fn page() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("lessons {}", sub.get_name());
        writeln!(out, ".SS \"{name}\"")?;
        let sub = sub.clone().display_name(&name).bin_name(&name);
        let sub_man = clap_mangen::Man::new(sub);
        // the command's one-line summary, then its synopsis and options, without their
        // own section headings (they would end the COMMANDS section)
        for (render, skip) in [
            (clap_mangen::Man::render_name_section as Render, ".SH NAME"),
            (clap_mangen::Man::render_synopsis_section, ".SH SYNOPSIS"),
            (clap_mangen::Man::render_options_section, ".SH OPTIONS"),
        ] {
            let mut part = Vec::new();
            render(&sub_man, &mut part)?;
            let text = String::from_utf8_lossy(&part);
            for line in text.lines().filter(|l| *l != skip) {
                writeln!(out, "{line}")?;
            }
            writeln!(out, ".PP")?;
        }
    }
    out.extend_from_slice(EXTRA.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}

type Render = fn(&clap_mangen::Man, &mut dyn Write) -> std::io::Result<()>;

const EXTRA: &str = r#".SH ENVIRONMENT
.TP
\fBLESSONS_HOME\fR
The records folder, when \fB\-\-data\-dir\fR is not given.
.TP
\fBNO_COLOR\fR
When set, the full screen uses no colour (bold and reverse video only).
.TP
\fBTZ\fR
The time zone for dates in history and exports, and for when drill days roll over.
.SH EXIT STATUS
0 success; 1 failure (an invalid file, an unsaved run, a failed audit); 2 a usage error or no
terminal; 128 + n after signal n (130 after Ctrl\-C).
"#;

fn write_out(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    // a closed pipe (`lessons man | head`) is not an error worth a message
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lessons: {e}");
            ExitCode::from(1)
        }
    }
}
