//! Reading the plain player's input: one line at a time, bounded in memory, with `quit`
//! `help` (or `?`) and `back` understood at every prompt.

use std::io::{self, BufRead, Write};

use super::{Ending, LINE_BYTES, Player, WIDTH};
use crate::wrap::wrap;

/// One line of input, as read.
pub(super) enum Line {
    Text(String),
    /// Longer than [`LINE_BYTES`]; the line was skipped.
    TooLong,
    NotUtf8,
    End,
}

/// What a prompt got: an answer to check, or the trainee stopping (or input ending).
pub(super) enum Reply {
    Answer(String),
    /// `back`: change the last answer (only the rationale and confidence prompts can).
    Back,
    Stop(Ending),
}

impl<R: BufRead, W: Write> Player<'_, R, W> {
    /// Shows `prompt` until a line arrives that is text of at most `max_chars` characters.
    /// `quit` and `help` work here as at every prompt: `help` shows `help` and asks again.
    pub(super) fn ask(&mut self, prompt: &str, help: &str, max_chars: usize) -> io::Result<Reply> {
        loop {
            write!(self.out, "{prompt}")?;
            self.out.flush()?;
            let line = self.read_line()?;
            writeln!(self.out)?;
            match line {
                Line::End => return Ok(Reply::Stop(Ending::InputClosed)),
                Line::NotUtf8 => writeln!(
                    self.out,
                    "That line is not readable text (it is not UTF-8). Type it again."
                )?,
                Line::TooLong => writeln!(
                    self.out,
                    "That line is too long to take (over {LINE_BYTES} bytes). Type a shorter one."
                )?,
                Line::Text(text) => match text.trim().to_lowercase().as_str() {
                    "quit" => {
                        self.quit_message()?;
                        return Ok(Reply::Stop(Ending::Quit));
                    }
                    "back" => return Ok(Reply::Back),
                    "help" | "?" => {
                        writeln!(self.out, "{}", wrap(help, WIDTH, ""))?;
                        writeln!(
                            self.out,
                            "Type quit to stop here (you can come back to this run later). After a choice, back at the rationale or confidence question changes it."
                        )?;
                    }
                    _ if text.chars().count() > max_chars => writeln!(
                        self.out,
                        "That is {} characters; the limit here is {max_chars}. Type a shorter one.",
                        text.chars().count()
                    )?,
                    _ => return Ok(Reply::Answer(text)),
                },
            }
        }
    }

    /// The next line without its ending, holding at most [`LINE_BYTES`] of it in memory.
    fn read_line(&mut self) -> io::Result<Line> {
        let mut bytes = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let buffer = self.input.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            any = true;
            let (chunk, ends) = match buffer.iter().position(|&b| b == b'\n') {
                Some(i) => (&buffer[..i], Some(i + 1)),
                None => (buffer, None),
            };
            if bytes.len() + chunk.len() > LINE_BYTES {
                too_long = true;
            } else {
                bytes.extend_from_slice(chunk);
            }
            let used = ends.unwrap_or(buffer.len());
            self.input.consume(used);
            if ends.is_some() {
                break;
            }
        }
        if !any {
            return Ok(Line::End);
        }
        if too_long {
            return Ok(Line::TooLong);
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        Ok(String::from_utf8(bytes).map_or(Line::NotUtf8, Line::Text))
    }
}
