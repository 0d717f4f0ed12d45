//! What the app does with input that is not the screen's own: the overlay's keys (help,
//! the leave dialog), the mouse wheel, and the text back from the trainee's editor.

use super::{App, Overlay, Screen};
use crate::tui::keys::Action;

impl App {
    /// The mouse wheel as the screen's own scrolling keys (a run scrolls by itself): the
    /// rows before the last are routed here, the last is returned to be routed as usual.
    pub(super) fn wheel(&mut self, action: Action) -> Action {
        let (up, rows) = match (&self.screen, &action) {
            (Screen::Run(_), _) => return action,
            (Screen::Briefing(_), Action::ScrollUp) => (true, 3),
            (Screen::Briefing(_), Action::ScrollDown) => (false, 3),
            (_, Action::ScrollUp) => (true, 1),
            (_, Action::ScrollDown) => (false, 1),
            _ => return action,
        };
        let key = if up { Action::Up } else { Action::Down };
        for _ in 1..rows {
            self.route(key.clone());
        }
        key
    }

    pub(super) fn handle_overlay(&mut self, overlay: Overlay, action: Action) {
        match overlay {
            Overlay::Help => match action {
                Action::Back | Action::Help | Action::Enter | Action::Quit => self.overlay = None,
                other => {
                    self.help_scroll.handle(other);
                }
            },
            // only `y` leaves: a habitual Enter must not end a run
            Overlay::ConfirmLeave { quit } => match action {
                Action::Char('y' | 'Y') => {
                    self.overlay = None;
                    if quit {
                        self.should_quit = true;
                    } else {
                        self.go_home();
                    }
                }
                Action::Char('n') | Action::Back | Action::Quit | Action::Enter => self.overlay = None,
                _ => {}
            },
        }
    }

    /// The editor's answer for the rationale box it was opened from.
    pub fn edited(&mut self, result: Result<String, String>) {
        if let Screen::Run(run) = &mut self.screen {
            run.edited(result);
        }
    }
}
