//! The plain player: line by line on any reader and writer. It is the screen-reader
//! friendly way to play and the easy way to script a run
//! (`printf '2\n1 3\n' | lessons play ID --plain`). Only decisions wait for input; narrative
//! is printed and the story moves on.

pub mod debrief;
mod input;
mod prompt;

use std::io::{self, BufRead, Write};
use std::time::Instant;

use crate::engine::kind_rule::inputs_for;
use crate::engine::{
    Asked, Event, Input, InputError, Item, PathLengths, Phase, Session, Settings, TimedDecisions, Timers,
};
use crate::record::recorder::SaveState;
use crate::record::{Recorder, Timing};
use crate::scenario::Scenario;
use crate::scenario::text::sanitize;
use crate::wrap::{hanging, wrap};
use input::Reply;

const WIDTH: usize = 78;
/// The longest rationale kept, in characters: room for a careful paragraph or two.
pub const RATIONALE_LIMIT: usize = 2_000;
/// The most bytes of one input line held in memory; the rest of a longer line is skipped.
const LINE_BYTES: usize = 16 * 1024;

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
    play_session(Session::new(scenario.clone(), settings), None, input, output)
}

/// Plays a session (new, resumed or a drill), saving to `recorder` after every change.
pub fn play_session<R: BufRead, W: Write>(
    session: Session,
    recorder: Option<(&mut Recorder, Vec<Timing>)>,
    input: R,
    output: W,
) -> io::Result<Ending> {
    let (recorder, timings) = match recorder {
        Some((r, t)) => (Some(r), t),
        None => (None, Vec::new()),
    };
    let decision_number = session.state().answers.len();
    let paths = PathLengths::new(session.scenario());
    let mut player = Player {
        paths,
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

struct Player<'r, R, W> {
    session: Session,
    /// The case's decisions counted along its paths, for "Decision 3 of 7".
    paths: PathLengths,
    input: R,
    out: W,
    decision_number: usize,
    recorder: Option<&'r mut Recorder>,
    timings: Vec<Timing>,
    asked_at: Option<Instant>,
    /// The last save error, while saves are failing.
    save_failure: Option<crate::record::RecordError>,
}

impl<R: BufRead, W: Write> Player<'_, R, W> {
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
            "Resuming your run: {} answered so far.",
            crate::plural::count(self.session.answers().len(), "decision", "decisions")
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
        if let Some(timed) = TimedDecisions::of(s, Timers::Standard).summary(Timers::Standard) {
            let text = format!("Timing: plain play is not timed. In the full-screen player, {timed}.");
            writeln!(self.out, "{}", wrap(&text, WIDTH, ""))?;
        }
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
        let progress = self.paths.progress(self.session.scenario(), self.session.state());
        writeln!(
            self.out,
            "{}. You are the {}. {}.",
            progress.label(),
            crate::scenario::role_phrase(asked.role, asked.role_assumed),
            asked.ndm.label()
        )?;
        writeln!(self.out, "{}", wrap(&sanitize(&asked.prompt), WIDTH, ""))?;
        let limit = self
            .session
            .scenario()
            .decision(&asked.step)
            .and_then(|d| d.time_limit);
        if let Some(seconds) = asked.time_limit.or(limit) {
            writeln!(
                self.out,
                "(In the full-screen player this decision has a {seconds}-second limit; plain play is not timed.)"
            )?;
        }
        for (i, option) in asked.options.iter().enumerate() {
            let label = format!("  {}. ", i + 1);
            writeln!(self.out, "{}", hanging(&label, &sanitize(&option.text), WIDTH))?;
        }
        let prompt = prompt::prompt(asked);
        loop {
            let line = match self.ask(&prompt.ask, &prompt.help, LINE_BYTES)? {
                Reply::Answer(line) => line,
                Reply::Back => {
                    writeln!(
                        self.out,
                        "There is nothing to go back to: earlier answers are settled once their rationale is in."
                    )?;
                    continue;
                }
                Reply::Stop(ending) => return Ok(Err(ending)),
            };
            match prompt::read_answer(asked, &line) {
                Ok(response) => {
                    let mut events = Vec::new();
                    for input in inputs_for(&response) {
                        events = self.send(input)?;
                    }
                    return Ok(Ok(events));
                }
                Err(message) => writeln!(self.out, "{message}")?,
            }
        }
    }

    fn rationale(&mut self, required: bool) -> io::Result<Result<Vec<Event>, Ending>> {
        let prompt = if required {
            "Why? Type your rationale on one line (required): "
        } else {
            "Why? Type your rationale on one line (optional: Enter skips it): "
        };
        let help = format!(
            "Type why you chose as you did, on one line of up to {RATIONALE_LIMIT} characters{}. Type back to change your choice first.",
            if required {
                ""
            } else {
                ", or press Enter to skip it"
            }
        );
        loop {
            let line = match self.ask(prompt, &help, RATIONALE_LIMIT)? {
                Reply::Answer(line) => line,
                Reply::Back => return self.back().map(Ok),
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
        let help = "Type how sure you are of your answer, from 1 (guessing) to 5 (certain), or press Enter to skip. Type back to go back a step.";
        loop {
            let line = match self.ask(prompt, help, LINE_BYTES)? {
                Reply::Answer(line) => line,
                Reply::Back => return self.back().map(Ok),
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

    /// `back` at the rationale or confidence question: one step towards the choice. Back
    /// at the choice, the decision is asked again under its own number, and its answer is
    /// recorded once.
    fn back(&mut self) -> io::Result<Vec<Event>> {
        let step = self.session.phase().step().map(str::to_string);
        let events = self.session.apply(Input::Back).map_err(io::Error::other)?;
        if events.iter().any(|e| matches!(e, Event::DecisionAsked(_))) {
            self.decision_number = self.decision_number.saturating_sub(1);
            if self
                .timings
                .last()
                .is_some_and(|t| Some(&t.step) == step.as_ref())
            {
                self.timings.pop();
            }
            writeln!(self.out, "Back to the decision: choose again.")?;
        }
        self.save()?;
        Ok(events)
    }

    fn feedback(&mut self, item: &Item) -> io::Result<()> {
        writeln!(self.out, "\n{}", debrief::render_item(self.decision_number, item))?;
        Ok(())
    }

    fn quit_message(&mut self) -> io::Result<()> {
        let how = match (&self.recorder, self.session.state().drill) {
            (None, _) => "This run was not being saved, so it cannot be continued later.",
            (Some(_), true) => "Drills answered so far are saved; `lessons drill --plain` asks the rest.",
            (Some(_), false) => "Your answers so far are saved; `lessons resume --plain` continues this run.",
        };
        writeln!(self.out, "Stopped. {how}")
    }
}

#[cfg(test)]
mod tests {
    use super::{Ending, play};
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
}
