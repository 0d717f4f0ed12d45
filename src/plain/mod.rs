//! The plain player: line by line on any reader and writer. It is the screen-reader
//! friendly way to play and the easy way to script a run
//! (`printf '2\n1 3\n' | lessons play ID --plain`). Only decisions wait for input; narrative
//! is printed and the story moves on.

pub mod debrief;

use std::io::{self, BufRead, Write};
use std::time::Instant;

use crate::engine::{Asked, Event, Input, InputError, Item, Phase, Session, Settings};
use crate::record::recorder::SaveState;
use crate::record::{Recorder, Timing};
use crate::scenario::text::{echo, sanitize};
use crate::scenario::{DecisionKind, Scenario};
use crate::wrap::{hanging, wrap};

const WIDTH: usize = 78;
/// The longest rationale kept, in characters: room for a careful paragraph or two.
pub const RATIONALE_LIMIT: usize = 2_000;
/// The most bytes of one input line held in memory; the rest of a longer line is skipped.
const LINE_BYTES: usize = 16 * 1024;

/// One line of input, as read.
enum Line {
    Text(String),
    /// Longer than [`LINE_BYTES`]; the line was skipped.
    TooLong,
    NotUtf8,
    End,
}

/// What a prompt got: an answer to check, or the trainee stopping (or input ending).
enum Reply {
    Answer(String),
    Stop(Ending),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Finished,
    /// Standard input closed before the run finished.
    InputClosed,
    /// The trainee typed `quit`; what was answered is saved and can be resumed.
    Quit,
}

/// Plays `scenario` from the start, reading answers from `input`, until the debrief.
pub fn play<R: BufRead, W: Write>(
    scenario: &Scenario,
    settings: Settings,
    input: R,
    output: W,
) -> io::Result<Ending> {
    play_session(Session::new(scenario, settings), None, input, output)
}

/// Plays a session (new, resumed or a drill), saving to `recorder` after every change.
pub fn play_session<R: BufRead, W: Write>(
    session: Session<'_>,
    recorder: Option<(&mut Recorder, Vec<Timing>)>,
    input: R,
    output: W,
) -> io::Result<Ending> {
    let (recorder, timings) = match recorder {
        Some((r, t)) => (Some(r), t),
        None => (None, Vec::new()),
    };
    let decision_number = session.state().answers.len();
    let mut player = Player {
        session,
        input,
        out: output,
        decision_number,
        save_failure: match recorder.as_deref().map(Recorder::state) {
            // the folder could not be opened: that was said at start-up
            Some(SaveState::Failed(why)) => Some(why.clone()),
            _ => None,
        },
        recorder,
        timings,
        asked_at: None,
    };
    player.run()
}

struct Player<'a, 'r, R, W> {
    session: Session<'a>,
    input: R,
    out: W,
    decision_number: usize,
    recorder: Option<&'r mut Recorder>,
    timings: Vec<Timing>,
    asked_at: Option<Instant>,
    /// The last save error, while saves are failing.
    save_failure: Option<String>,
}

impl<R: BufRead, W: Write> Player<'_, '_, R, W> {
    fn run(&mut self) -> io::Result<Ending> {
        let mut pending = match self.session.phase() {
            Phase::Briefing => {
                self.header()?;
                self.send(Input::Continue)?
            }
            _ => {
                self.resumed_header()?;
                self.session.current()
            }
        };
        loop {
            let mut next = None;
            for event in pending {
                match event {
                    Event::Narrative { clock, text, .. } => self.narrative(clock.as_deref(), &text)?,
                    Event::DecisionAsked(asked) => match self.decide(&asked)? {
                        Ok(events) => next = Some(events),
                        Err(ending) => return Ok(ending),
                    },
                    Event::RationaleAsked { required, .. } => match self.rationale(required)? {
                        Ok(events) => next = Some(events),
                        Err(ending) => return Ok(ending),
                    },
                    Event::ConfidenceAsked { .. } => match self.confidence()? {
                        Ok(events) => next = Some(events),
                        Err(ending) => return Ok(ending),
                    },
                    Event::Feedback(item) => self.feedback(&item)?,
                    Event::Finished => {
                        let scenario = self.session.scenario();
                        let text = debrief::render(scenario, &self.session.debrief());
                        writeln!(self.out, "\n{text}")?;
                        self.out.flush()?;
                        return Ok(Ending::Finished);
                    }
                    Event::Answered { .. } | Event::Ticked { .. } => {}
                }
            }
            pending = match next {
                Some(events) => events,
                // an answer was recorded and nothing else is asked: move the story on
                None => self.send(Input::Continue)?,
            };
        }
    }

    fn send(&mut self, input: Input) -> io::Result<Vec<Event>> {
        let answering = matches!(input, Input::Choose(_) | Input::Grade(_) | Input::Submit);
        let events = self.session.apply(input).map_err(io::Error::other)?;
        if answering && let Some(asked_at) = self.asked_at.take() {
            let step = events.iter().find_map(|e| match e {
                Event::Answered { step, .. } => Some(step.clone()),
                _ => None,
            });
            if let Some(step) = step {
                let seconds = (asked_at.elapsed().as_secs_f64() * 10.0).round() / 10.0;
                self.timings.push(Timing { step, seconds });
            }
        }
        // Saved when something typed is taken in (and once at the start and the end), not
        // on every narrative step: a rewrite per step made long cases quadratic. A crash
        // between answers only replays narrative on resume.
        let first = self.recorder.as_deref().is_some_and(|r| r.record().is_none());
        let finished = events.iter().any(|e| matches!(e, Event::Finished));
        if answering || finished || first {
            self.save()?;
        }
        Ok(events)
    }

    /// Writes the record after every change. A failure is said on stderr at once (not
    /// again while it lasts), play goes on in memory, and every later change tries again.
    fn save(&mut self) -> io::Result<()> {
        if let Some(recorder) = self.recorder.as_deref_mut() {
            let scenario = self.session.scenario();
            match recorder.save(scenario, self.session.state(), &self.timings) {
                Err(e) => {
                    if self.save_failure.as_ref() != Some(&e) {
                        eprintln!(
                            "lessons: warning: {e}. Your answers are NOT saved; play goes on and each answer tries again."
                        );
                    }
                    self.save_failure = Some(e);
                }
                Ok(()) => {
                    if self.save_failure.take().is_some() {
                        eprintln!("lessons: saving works again; your answers so far are saved.");
                    }
                }
            }
        }
        Ok(())
    }

    fn resumed_header(&mut self) -> io::Result<()> {
        let s = self.session.scenario();
        if self.session.state().drill {
            writeln!(
                self.out,
                "{}",
                hanging("Content warning: ", &sanitize(&s.content_warning), WIDTH)
            )?;
            let context = s.context_before(self.session.state().path.last().map(String::as_str));
            writeln!(self.out, "\nWhere this decision falls in the case:")?;
            writeln!(self.out, "{}", wrap(&sanitize(&context), WIDTH, "  "))?;
            return Ok(());
        }
        writeln!(self.out, "{}", sanitize(&s.title))?;
        writeln!(
            self.out,
            "Resuming your run: {} decision(s) answered so far.",
            self.session.answers().len()
        )?;
        writeln!(
            self.out,
            "{}",
            hanging("Content warning: ", &sanitize(&s.content_warning), WIDTH)
        )?;
        Ok(())
    }

    fn header(&mut self) -> io::Result<()> {
        let s = self.session.scenario();
        let settings = self.session.state().settings;
        writeln!(self.out, "{}", sanitize(&s.title))?;
        writeln!(self.out, "{}", wrap(&s.source_line(), WIDTH, ""))?;
        writeln!(self.out)?;
        writeln!(
            self.out,
            "{}",
            hanging("Content warning: ", &sanitize(&s.content_warning), WIDTH)
        )?;
        writeln!(
            self.out,
            "Mode: {}. Seed: {} (play again with --seed {}).",
            settings.mode.label(),
            settings.seed,
            settings.seed
        )?;
        writeln!(self.out, "\nBRIEFING")?;
        writeln!(self.out, "{}", wrap(&sanitize(&s.briefing), WIDTH, ""))?;
        if !s.source_notes.is_empty() {
            writeln!(
                self.out,
                "\n{}",
                wrap(&sanitize(&s.source_notes_short()), WIDTH, "")
            )?;
        }
        Ok(())
    }

    fn narrative(&mut self, clock: Option<&str>, text: &str) -> io::Result<()> {
        writeln!(self.out)?;
        if let Some(clock) = clock {
            writeln!(self.out, "[{}]", sanitize(clock))?;
        }
        writeln!(self.out, "{}", wrap(&sanitize(text), WIDTH, ""))
    }

    /// Asks the decision until a valid answer arrives; `Err` when the trainee stops or input ends.
    fn decide(&mut self, asked: &Asked) -> io::Result<Result<Vec<Event>, Ending>> {
        self.decision_number += 1;
        self.asked_at = Some(Instant::now());
        writeln!(self.out)?;
        if let Some(clock) = &asked.clock {
            writeln!(self.out, "[{}]", sanitize(clock))?;
        }
        writeln!(
            self.out,
            "DECISION {}. You are the {}. {}.",
            self.decision_number,
            crate::scenario::role_phrase(asked.role, asked.role_assumed),
            asked.ndm.label()
        )?;
        writeln!(self.out, "{}", wrap(&sanitize(&asked.prompt), WIDTH, ""))?;
        if let Some(seconds) = asked.time_limit {
            writeln!(
                self.out,
                "(In the full-screen player this decision has a {seconds}-second limit; plain play is not timed.)"
            )?;
        }
        for (i, option) in asked.options.iter().enumerate() {
            let label = format!("  {}. ", i + 1);
            writeln!(self.out, "{}", hanging(&label, &sanitize(&option.text), WIDTH))?;
        }
        let count = asked.options.len();
        let prompt = match asked.kind {
            DecisionKind::Single => format!("Type the number of your choice (1-{count}): "),
            DecisionKind::Scale => format!("Type the number of your grade, lowest first (1-{count}): "),
            DecisionKind::Multiple => {
                "Tick all that apply: type the numbers separated by spaces (for example 1 3), or 0 for none: "
                    .into()
            }
        };
        let help = match asked.kind {
            DecisionKind::Multiple => format!(
                "Type the numbers of every option you would do (1-{count}), separated by spaces, or 0 for none."
            ),
            _ => format!("Type one number from 1 to {count}: the option you choose."),
        };
        loop {
            let line = match self.ask(&prompt, &help, LINE_BYTES)? {
                Reply::Answer(line) => line,
                Reply::Stop(ending) => return Ok(Err(ending)),
            };
            match parse_numbers(&line, count, asked.kind == DecisionKind::Multiple) {
                Ok(picks) => {
                    let id = |i: usize| asked.options[i].id.clone();
                    let events = match asked.kind {
                        DecisionKind::Single => self.send(Input::Choose(id(picks[0])))?,
                        DecisionKind::Scale => self.send(Input::Grade(id(picks[0])))?,
                        DecisionKind::Multiple => {
                            for &i in &picks {
                                self.send(Input::Toggle(id(i)))?;
                            }
                            self.send(Input::Submit)?
                        }
                    };
                    return Ok(Ok(events));
                }
                Err(message) => writeln!(self.out, "{message}")?,
            }
        }
    }

    fn rationale(&mut self, required: bool) -> io::Result<Result<Vec<Event>, Ending>> {
        let prompt = if required {
            "Why? Type your rationale on one line: "
        } else {
            "Why? Type your rationale on one line, or press Enter to skip: "
        };
        let help = format!(
            "Type why you chose as you did, on one line of up to {RATIONALE_LIMIT} characters{}.",
            if required {
                ""
            } else {
                ", or press Enter to skip it"
            }
        );
        loop {
            let line = match self.ask(prompt, &help, RATIONALE_LIMIT)? {
                Reply::Answer(line) => line,
                Reply::Stop(ending) => return Ok(Err(ending)),
            };
            match self.session.apply(Input::Rationale(line)) {
                Ok(events) => {
                    self.save()?;
                    return Ok(Ok(events));
                }
                Err(InputError::RationaleRequired) => writeln!(
                    self.out,
                    "This decision asks for your rationale before you go on."
                )?,
                Err(e) => return Err(io::Error::other(e)),
            }
        }
    }

    fn confidence(&mut self) -> io::Result<Result<Vec<Event>, Ending>> {
        let prompt = "How sure are you? 1 (guessing) to 5 (certain), or Enter to skip: ";
        let help =
            "Type how sure you are of your answer, from 1 (guessing) to 5 (certain), or press Enter to skip.";
        loop {
            let line = match self.ask(prompt, help, LINE_BYTES)? {
                Reply::Answer(line) => line,
                Reply::Stop(ending) => return Ok(Err(ending)),
            };
            let trimmed = line.trim();
            let level = if trimmed.is_empty() {
                Ok(None)
            } else {
                trimmed.parse::<u8>().map(Some).map_err(|_| ())
            };
            match level.map(|l| self.session.apply(Input::Confidence(l))) {
                Ok(Ok(events)) => {
                    self.save()?;
                    return Ok(Ok(events));
                }
                _ => writeln!(self.out, "Type a number from 1 to 5, or press Enter to skip.")?,
            }
        }
    }

    fn feedback(&mut self, item: &Item) -> io::Result<()> {
        writeln!(self.out, "\n{}", debrief::render_item(self.decision_number, item))?;
        Ok(())
    }

    /// Shows `prompt` until a line arrives that is text of at most `max_chars` characters.
    /// `quit` and `help` work here as at every prompt: `help` shows `help` and asks again.
    fn ask(&mut self, prompt: &str, help: &str, max_chars: usize) -> io::Result<Reply> {
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
                    "help" => {
                        writeln!(self.out, "{}", wrap(help, WIDTH, ""))?;
                        writeln!(
                            self.out,
                            "Type quit to stop here (you can come back to this run later)."
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

    fn quit_message(&mut self) -> io::Result<()> {
        let how = match (&self.recorder, self.session.state().drill) {
            (None, _) => "This run was not being saved, so it cannot be continued later.",
            (Some(_), true) => "Drills answered so far are saved; `lessons drill --plain` asks the rest.",
            (Some(_), false) => "Your answers so far are saved; `lessons resume --plain` continues this run.",
        };
        writeln!(self.out, "Stopped. {how}")
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

/// Reads "2" or "1 3" (or "1,3") into zero-based indices; `0` alone means none (Multiple only).
fn parse_numbers(line: &str, count: usize, many: bool) -> Result<Vec<usize>, String> {
    let words: Vec<&str> = line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let range_help = if many {
        format!("Type numbers from 1 to {count} separated by spaces, or 0 for none.")
    } else {
        format!("Type one number from 1 to {count}.")
    };
    if words.is_empty() {
        return Err(range_help);
    }
    if many && words == ["0"] {
        return Ok(Vec::new());
    }
    if !many && words.len() > 1 {
        return Err(range_help);
    }
    let mut picks = Vec::new();
    for word in words {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !picks.contains(&(n - 1)) {
                    picks.push(n - 1);
                }
            }
            _ => {
                return Err(format!(
                    "`{}` is not one of the options. {range_help}",
                    echo(word)
                ));
            }
        }
    }
    Ok(picks)
}

#[cfg(test)]
mod tests {
    use super::{Ending, parse_numbers, play};
    use crate::engine::{Mode, Settings};
    use crate::scenario::Library;

    #[test]
    fn a_line_that_is_not_utf8_does_not_end_the_run() {
        let library = Library::builtin_trusted();
        let scenario = library
            .find("met-2019-strangulation-allegation")
            .expect("a built-in case");
        // "£20" in Latin-1, as pasted from an old document, in the first rationale
        let mut input = b"1\nshe owed \xa320\n".to_vec();
        input.extend(b"1\nbecause\n".repeat(20));
        let mut out = Vec::new();
        let ending = play(scenario, Settings::new(Mode::Practice, 1), &input[..], &mut out)
            .expect("the run is not ended by a stray byte");
        assert_eq!(ending, Ending::Finished);
        // the line is refused with a reason and asked again, never stored half-decoded
        assert!(String::from_utf8_lossy(&out).contains("not readable text (it is not UTF-8)"));
    }

    #[test]
    fn numbers_are_checked_against_the_options() {
        assert_eq!(parse_numbers("2", 3, false), Ok(vec![1]));
        assert_eq!(parse_numbers("1 3,3", 3, true), Ok(vec![0, 2]));
        assert_eq!(parse_numbers("0", 3, true), Ok(vec![]));
        assert!(parse_numbers("4", 3, false).is_err());
        assert!(parse_numbers("1 2", 3, false).is_err());
        assert!(parse_numbers("", 3, true).is_err());
        assert!(parse_numbers("two", 3, false).is_err());
    }
}
