//! The instructor's keys, as `Action`s: what each does in each modal state, and what must
//! be kept afterwards (the `ClassroomOutcome`).

use std::time::Instant;

use super::state::{Classroom, EntryPurpose, MAX_VOTES, Modal};
use crate::tui::keys::{Action, Key, TextKey};

/// What the screen must do after an action. Handling never touches the disk itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassroomOutcome {
    None,
    /// The tallies or the story changed: keep the current case's record.
    Save,
    /// The plan moved on to its next case, which gets a record of its own.
    NewRecord,
}

/// A typed character, for text that arrived as a paste.
fn char_key(c: char) -> TextKey {
    TextKey {
        key: Key::Char(c),
        ctrl: false,
        alt: false,
        shift: false,
    }
}

impl Classroom {
    pub fn handle(&mut self, action: Action, now: Instant) -> ClassroomOutcome {
        // the session plan's agenda and skipped decisions (plan.rs) come first
        let outcome = match self.agenda_key(&action, now) {
            Some(outcome) => outcome,
            None => self.handle_key(action, now),
        };
        self.agenda_after(outcome, now)
    }

    fn handle_key(&mut self, action: Action, now: Instant) -> ClassroomOutcome {
        if action == Action::ForceQuit {
            self.should_quit = true;
            return ClassroomOutcome::None;
        }
        self.clock = Some(now);
        match std::mem::take(&mut self.modal) {
            // only `y` quits: a habitual Enter must not end the session
            Modal::ConfirmQuit => {
                if matches!(action, Action::Char('y' | 'Y')) {
                    self.should_quit = true;
                }
                ClassroomOutcome::None
            }
            // a help box too tall for the screen: ↓ (or the wheel) shows the rest, ↑ the start
            Modal::Help if matches!(action, Action::Down | Action::ScrollDown | Action::End) => {
                self.help_scroll = u16::MAX;
                self.modal = Modal::Help;
                ClassroomOutcome::None
            }
            Modal::Help if matches!(action, Action::Up | Action::ScrollUp | Action::Home) => {
                self.help_scroll = 0;
                self.modal = Modal::Help;
                ClassroomOutcome::None
            }
            // the wheel or a paste is not a key press: the help or the blank stays
            modal @ (Modal::Help | Modal::Blank)
                if matches!(action, Action::ScrollUp | Action::ScrollDown | Action::Paste(_)) =>
            {
                self.modal = modal;
                ClassroomOutcome::None
            }
            // any key closes the help or brings a blanked screen back (`b` is the usual one)
            Modal::Help | Modal::Blank => ClassroomOutcome::None,
            Modal::ConfirmReveal => {
                if matches!(action, Action::Char('y' | 'Y')) {
                    return self.reveal(now);
                }
                ClassroomOutcome::None
            }
            Modal::Settle(prompt) => self.settle_key(action, prompt),
            Modal::Entry {
                text,
                voting,
                purpose,
            } => {
                self.message = None;
                match action {
                    // a pasted count is typed in, one line, through the same checks as keys
                    Action::Paste(pasted) => {
                        let mut outcome = ClassroomOutcome::None;
                        let mut modal = Modal::Entry {
                            text,
                            voting,
                            purpose,
                        };
                        for c in crate::tui::widgets::rationale::one_line(&pasted).chars() {
                            let Modal::Entry {
                                text,
                                voting,
                                purpose,
                            } = modal
                            else {
                                break;
                            };
                            outcome = self.entry(Action::Text(char_key(c)), text, voting, purpose);
                            modal = std::mem::take(&mut self.modal);
                        }
                        self.modal = modal;
                        outcome
                    }
                    action => self.entry(action, text, voting, purpose),
                }
            }
            Modal::Voting => {
                self.message = None;
                self.voting(action)
            }
            Modal::None => {
                self.message = None;
                self.command(action, now)
            }
        }
    }

    /// Typing a count (`a12`, `A 12`, `p12`) or the room size (`12`).
    fn entry(
        &mut self,
        action: Action,
        mut text: String,
        voting: bool,
        purpose: EntryPurpose,
    ) -> ClassroomOutcome {
        let back = if voting { Modal::Voting } else { Modal::None };
        match action {
            Action::Back => self.modal = back,
            Action::Enter => {
                self.modal = back;
                return match purpose {
                    EntryPurpose::Count => self.set_count(&text),
                    EntryPurpose::RoomSize => self.set_room_size(&text),
                };
            }
            Action::Text(TextKey { key, .. }) => {
                match key {
                    Key::Backspace => {
                        text.pop();
                    }
                    // a letter and a count up to MAX_VOTES fit easily; more is a slip of the finger
                    Key::Char(c) if (c.is_ascii_alphanumeric() || c == ' ') && text.len() < 16 => {
                        text.push(c)
                    }
                    _ => {}
                }
                self.modal = Modal::Entry {
                    text,
                    voting,
                    purpose,
                };
            }
            _ => {
                self.modal = Modal::Entry {
                    text,
                    voting,
                    purpose,
                }
            }
        }
        ClassroomOutcome::None
    }

    fn voting(&mut self, action: Action) -> ClassroomOutcome {
        self.modal = Modal::Voting;
        match action {
            Action::Text(TextKey {
                key: Key::Char(c), ..
            }) if c.is_ascii_lowercase() => {
                return self.add_vote(c, 1);
            }
            Action::Text(TextKey {
                key: Key::Char(c), ..
            }) if c.is_ascii_uppercase() => {
                return self.add_vote(c.to_ascii_lowercase(), -1);
            }
            Action::Text(TextKey {
                key: Key::Char(c @ ('=' | '#')),
                ..
            }) => self.open_entry(c, true),
            // ending vote entry leaves the bars as they were: the room sees them only on `v`
            Action::Tab | Action::Enter | Action::Back => self.modal = Modal::None,
            Action::Text(_) => {
                self.message = Some("Taking votes: a letter adds one; Tab, Enter or Esc ends.".into())
            }
            _ => {}
        }
        ClassroomOutcome::None
    }

    fn open_entry(&mut self, key: char, voting: bool) {
        let purpose = if key == '#' {
            EntryPurpose::RoomSize
        } else {
            EntryPurpose::Count
        };
        self.modal = Modal::Entry {
            text: String::new(),
            voting,
            purpose,
        };
    }

    /// The option a letter names on the question on screen (`b` is B), if there is one.
    fn option_letter(&self, c: char) -> Option<usize> {
        let lower = c.to_ascii_lowercase();
        let index = (lower as u32).checked_sub('a' as u32)? as usize;
        (lower.is_ascii_lowercase() && index < self.votes.len()).then_some(index)
    }

    fn command(&mut self, action: Action, now: Instant) -> ClassroomOutcome {
        let asking = self.asking();
        // on a question a letter that names an option is a vote, before any command it
        // would be elsewhere: `b` is a vote for B there, never a blank screen
        if asking
            && let Action::Char(c) = action
            && self.option_letter(c).is_some()
        {
            self.modal = Modal::Voting;
            let delta = if c.is_ascii_uppercase() { -1 } else { 1 };
            return self.add_vote(c.to_ascii_lowercase(), delta);
        }
        if let Some(outcome) = self.presenter_key(action.clone(), now) {
            return outcome;
        }
        match action {
            Action::Quit => self.modal = Modal::ConfirmQuit,
            Action::Help => {
                self.help_scroll = 0;
                self.modal = Modal::Help;
            }
            Action::Char('.') => self.modal = Modal::Blank,
            Action::Char('b') if !asking => self.modal = Modal::Blank,
            Action::Char('t') => {
                self.timer.toggle(now);
                return ClassroomOutcome::Save;
            }
            Action::Char('0') => {
                self.timer.reset();
                return ClassroomOutcome::Save;
            }
            // typed where the total it changes is on screen
            Action::Char('#') if asking => self.open_entry('#', false),
            // next on a question is the reveal; with no votes at all, asked first
            // a clicker's forward button (PgDn) is next everywhere, its back button (PgUp) back
            Action::Enter | Action::Right | Action::Space | Action::PageDown | Action::Char('n')
                if asking =>
            {
                if self.total_votes() == 0 && self.respondents.is_none() {
                    self.modal = Modal::ConfirmReveal;
                } else {
                    return self.reveal(now);
                }
            }
            Action::Enter | Action::Right | Action::Space | Action::PageDown | Action::Char('n') => {
                self.scroll = 0;
                return self.advance();
            }
            Action::Left | Action::PageUp | Action::Char('p') => {
                self.scroll = 0;
                return self.back();
            }
            Action::Tab if asking => self.modal = Modal::Voting,
            Action::Char('v') if asking => self.show_votes = !self.show_votes,
            Action::Char('=') if asking => self.open_entry('=', false),
            Action::Char('r') if asking => return self.reveal(now),
            Action::Char(c) if c.is_alphabetic() => {
                self.message = Some(if asking {
                    format!(
                        "{} is not an option here: a letter A–{} votes, ? lists the keys.",
                        c.to_ascii_uppercase(),
                        (b'A' + self.votes.len().saturating_sub(1) as u8) as char
                    )
                } else {
                    format!("{c} does nothing here: ? lists the keys.")
                })
            }
            _ => {}
        }
        ClassroomOutcome::None
    }

    fn add_vote(&mut self, letter: char, delta: i32) -> ClassroomOutcome {
        let index = (letter as u8).saturating_sub(b'a') as usize;
        let Some((_, count)) = self.votes.get_mut(index) else {
            // while votes are taken every letter is a vote: say how to get the commands back
            self.message = Some(format!(
                "There is no option {}: Tab, Enter or Esc ends taking votes.",
                letter.to_ascii_uppercase()
            ));
            return ClassroomOutcome::None;
        };
        if delta > 0 && *count >= MAX_VOTES {
            self.message = Some(format!("A count goes up to {MAX_VOTES}."));
            return ClassroomOutcome::None;
        }
        *count = count.saturating_add_signed(delta).min(MAX_VOTES);
        self.record_votes(false)
    }

    /// `a12`, `A 12`: sets option A's count to 12.
    fn set_count(&mut self, text: &str) -> ClassroomOutcome {
        let text = text.trim();
        let mut chars = text.chars();
        let letter = chars.next().map(|c| c.to_ascii_lowercase());
        let digits = chars.as_str().trim();
        let number = digits.parse::<u32>();
        match (letter, number) {
            (Some(l), Ok(n)) if l.is_ascii_lowercase() && n > MAX_VOTES => {
                self.message = Some(format!(
                    "{n} is more than a room can vote: a count goes up to {MAX_VOTES}."
                ))
            }
            (Some(l), Err(_))
                if l.is_ascii_lowercase()
                    && !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit()) =>
            {
                self.message = Some(format!(
                    "That is more than a room can vote: a count goes up to {MAX_VOTES}."
                ))
            }
            (Some('p'), Ok(n)) if self.option_letter('p').is_none() && self.counts_people_on_screen() => {
                self.respondents = Some(n);
                return self.record_votes(false);
            }
            (Some(l), Ok(n)) if l.is_ascii_lowercase() => {
                let index = (l as u8 - b'a') as usize;
                match self.votes.get_mut(index) {
                    Some((_, count)) => {
                        *count = n;
                        return self.record_votes(false);
                    }
                    None => self.message = Some(format!("There is no option {}.", l.to_ascii_uppercase())),
                }
            }
            _ => self.message = Some("Type a letter and a number, e.g. =B12 then Enter.".into()),
        }
        ClassroomOutcome::None
    }

    /// Whether the decision on screen is a checklist, whose ticks do not count people.
    pub fn counts_people_on_screen(&self) -> bool {
        self.asked().is_some_and(|a| !a.kind.picks_one())
    }

    /// `#12`: the room has 12 people; `#` alone forgets the size.
    fn set_room_size(&mut self, text: &str) -> ClassroomOutcome {
        let text = text.trim();
        if text.is_empty() {
            self.room_size = None;
            return ClassroomOutcome::Save;
        }
        match text.parse::<u32>() {
            Ok(n) if (1..=MAX_VOTES).contains(&n) => {
                self.room_size = Some(n);
                return ClassroomOutcome::Save;
            }
            _ => {
                self.message = Some(format!(
                    "A room size is a number from 1 to {MAX_VOTES}, e.g. #12 then Enter."
                ))
            }
        }
        ClassroomOutcome::None
    }
}
