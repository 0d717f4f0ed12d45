//! The plain player: line by line on any reader and writer. It is the screen-reader
//! friendly way to play and the easy way to script a run
//! (`printf '2\n1 3\n' | lessons play ID --plain`). Only decisions wait for input; narrative
//! is printed and the story moves on.

pub mod debrief;
pub mod wrap;

use std::io::{self, BufRead, Write};
use std::time::Instant;

use crate::engine::{Asked, Event, Input, InputError, Item, Phase, Session, Settings};
use crate::record::{Recorder, Timing};
use crate::scenario::text::sanitize;
use crate::scenario::{DecisionKind, Scenario};
use wrap::{hanging, wrap};

const WIDTH: usize = 78;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Finished,
    /// Standard input closed before the run finished.
    InputClosed,
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
                        Some(events) => next = Some(events),
                        None => return Ok(Ending::InputClosed),
                    },
                    Event::RationaleAsked { required, .. } => match self.rationale(required)? {
                        Some(events) => next = Some(events),
                        None => return Ok(Ending::InputClosed),
                    },
                    Event::ConfidenceAsked { .. } => match self.confidence()? {
                        Some(events) => next = Some(events),
                        None => return Ok(Ending::InputClosed),
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
        self.save()?;
        Ok(events)
    }

    /// Writes the record after every change; a failure is reported once and play goes on.
    fn save(&mut self) -> io::Result<()> {
        if let Some(recorder) = self.recorder.as_deref_mut() {
            let scenario = self.session.scenario();
            if let Err(e) = recorder.save(scenario, self.session.state(), &self.timings) {
                writeln!(
                    self.out,
                    "(Warning: {e}. Play goes on, but this run is not being saved.)"
                )?;
                self.recorder = None;
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
        Ok(())
    }

    fn narrative(&mut self, clock: Option<&str>, text: &str) -> io::Result<()> {
        writeln!(self.out)?;
        if let Some(clock) = clock {
            writeln!(self.out, "[{}]", sanitize(clock))?;
        }
        writeln!(self.out, "{}", wrap(&sanitize(text), WIDTH, ""))
    }

    /// Asks the decision until a valid answer arrives. `None` when input ends.
    fn decide(&mut self, asked: &Asked) -> io::Result<Option<Vec<Event>>> {
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
            asked.role.phrase(),
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
        loop {
            write!(self.out, "{prompt}")?;
            self.out.flush()?;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            writeln!(self.out)?;
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
                    return Ok(Some(events));
                }
                Err(message) => writeln!(self.out, "{message}")?,
            }
        }
    }

    fn rationale(&mut self, required: bool) -> io::Result<Option<Vec<Event>>> {
        loop {
            if required {
                write!(self.out, "Why? Type your rationale on one line: ")?;
            } else {
                write!(
                    self.out,
                    "Why? Type your rationale on one line, or press Enter to skip: "
                )?;
            }
            self.out.flush()?;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            writeln!(self.out)?;
            match self.session.apply(Input::Rationale(line)) {
                Ok(events) => {
                    self.save()?;
                    return Ok(Some(events));
                }
                Err(InputError::RationaleRequired) => writeln!(
                    self.out,
                    "This decision asks for your rationale before you go on."
                )?,
                Err(e) => return Err(io::Error::other(e)),
            }
        }
    }

    fn confidence(&mut self) -> io::Result<Option<Vec<Event>>> {
        loop {
            write!(
                self.out,
                "How sure are you? 1 (guessing) to 5 (certain), or Enter to skip: "
            )?;
            self.out.flush()?;
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            writeln!(self.out)?;
            let trimmed = line.trim();
            let level = if trimmed.is_empty() {
                Ok(None)
            } else {
                trimmed.parse::<u8>().map(Some).map_err(|_| ())
            };
            match level.map(|l| self.session.apply(Input::Confidence(l))) {
                Ok(Ok(events)) => {
                    self.save()?;
                    return Ok(Some(events));
                }
                _ => writeln!(self.out, "Type a number from 1 to 5, or press Enter to skip.")?,
            }
        }
    }

    fn feedback(&mut self, item: &Item) -> io::Result<()> {
        writeln!(self.out, "\n{}", debrief::render_item(self.decision_number, item))?;
        Ok(())
    }

    /// The next line without its ending; `None` at end of input. A byte that is not UTF-8
    /// (a rationale pasted from a legacy encoding) becomes U+FFFD rather than ending the run.
    fn read_line(&mut self) -> io::Result<Option<String>> {
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&bytes);
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
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
            _ => return Err(format!("`{word}` is not one of the options. {range_help}")),
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
        assert!(String::from_utf8_lossy(&out).contains("she owed \u{fffd}20"));
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
