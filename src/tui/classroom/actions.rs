//! The instructor's keys, as `Action`s: what each does in each modal state, and what must
//! be kept afterwards (the `ClassroomOutcome`).

use std::time::Instant;

use super::state::{Classroom, MAX_VOTES, Modal, Stage};
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
        match std::mem::take(&mut self.modal) {
            // only `y` quits: a habitual Enter must not end the session
            Modal::ConfirmQuit => {
                if matches!(action, Action::Char('y' | 'Y')) {
                    self.should_quit = true;
                }
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
            Modal::Entry { text, voting } => {
                self.message = None;
                match action {
                    // a pasted count is typed in, one line, through the same checks as keys
                    Action::Paste(pasted) => {
                        let mut outcome = ClassroomOutcome::None;
                        let mut modal = Modal::Entry { text, voting };
                        for c in crate::tui::widgets::rationale::one_line(&pasted).chars() {
                            let Modal::Entry { text, voting } = modal else {
                                break;
                            };
                            outcome = self.entry(Action::Text(char_key(c)), text, voting);
                            modal = std::mem::take(&mut self.modal);
                        }
                        self.modal = modal;
                        outcome
                    }
                    action => self.entry(action, text, voting),
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

    /// Typing a count: `a12`, `A 12`.
    fn entry(&mut self, action: Action, mut text: String, voting: bool) -> ClassroomOutcome {
        let back = if voting { Modal::Voting } else { Modal::None };
        match action {
            Action::Back => self.modal = back,
            Action::Enter => {
                self.modal = back;
                return self.set_count(&text);
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
                self.modal = Modal::Entry { text, voting };
            }
            _ => self.modal = Modal::Entry { text, voting },
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
                key: Key::Char('='), ..
            }) => {
                self.modal = Modal::Entry {
                    text: String::new(),
                    voting: true,
                }
            }
            Action::Tab | Action::Enter | Action::Back => {
                self.modal = Modal::None;
                self.show_votes = true;
            }
            _ => {}
        }
        ClassroomOutcome::None
    }

    fn command(&mut self, action: Action, now: Instant) -> ClassroomOutcome {
        if let Some(outcome) = self.presenter_key(action.clone(), now) {
            return outcome;
        }
        let asking = self.stage == Stage::Story && self.asked().is_some();
        match action {
            Action::Quit => self.modal = Modal::ConfirmQuit,
            Action::Help => self.modal = Modal::Help,
            Action::Char('b' | '.') => self.modal = Modal::Blank,
            Action::Char('t') => self.timer.toggle(now),
            Action::Char('0') => self.timer.reset(),
            Action::Down | Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::Up | Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll = self.scroll.saturating_add(8),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(8),
            Action::Enter | Action::Right | Action::Space | Action::Char('n') => {
                self.scroll = 0;
                return self.advance();
            }
            Action::Left | Action::Char('p') => {
                self.scroll = 0;
                self.back();
            }
            Action::Tab if asking => self.modal = Modal::Voting,
            Action::Char('v') if asking => self.show_votes = !self.show_votes,
            Action::Char('=') if asking => {
                self.modal = Modal::Entry {
                    text: String::new(),
                    voting: false,
                }
            }
            Action::Char('r') if asking => return self.reveal(now),
            _ => {}
        }
        ClassroomOutcome::None
    }

    fn add_vote(&mut self, letter: char, delta: i32) -> ClassroomOutcome {
        let index = (letter as u8).saturating_sub(b'a') as usize;
        let Some((_, count)) = self.votes.get_mut(index) else {
            self.message = Some(format!("There is no option {}.", letter.to_ascii_uppercase()));
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
}
