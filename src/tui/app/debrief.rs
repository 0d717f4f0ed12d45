//! What the app does for the debrief: opens a past run's debrief from History (and goes
//! back there on Esc), keeps the reflection with the run's record, and writes the CPD
//! export to the data folder.

use super::{App, Screen};
use crate::tui::debrief::{DebriefOutcome, DebriefState, Origin};
use crate::tui::history::HistoryState;

impl App {
    pub(super) fn after_debrief(&mut self, outcome: DebriefOutcome) {
        let Screen::Debrief(debrief) = &self.screen else {
            return;
        };
        let message = match outcome {
            DebriefOutcome::None => return,
            DebriefOutcome::Quit => {
                self.should_quit = true;
                return;
            }
            DebriefOutcome::Back => {
                match debrief.origin {
                    Origin::History { selected } => self.screen = Screen::History(HistoryState { selected }),
                    Origin::Home => self.go_home(),
                }
                return;
            }
            DebriefOutcome::DrillMissed => {
                self.drill_missed();
                return;
            }
            DebriefOutcome::Export => self.export_debrief(),
            DebriefOutcome::SaveReflection(answers) => match &debrief.record_id {
                None => "⚠ Runs are not being kept, so the reflection cannot be saved.".into(),
                Some(id) => {
                    let id = id.clone();
                    match self.store.save_reflection(&id, answers) {
                        Ok(()) => "Reflection saved with this run's record; x exports it.".into(),
                        Err(why) => why,
                    }
                }
            },
        };
        // shown whole on the debrief: a path is too long for the status line
        if let Screen::Debrief(debrief) = &mut self.screen {
            debrief.message = Some(message);
        }
    }

    /// Writes the run's Markdown CPD record to `<data folder>/exports/`; the message says
    /// where, or why not.
    fn export_debrief(&mut self) -> String {
        let Screen::Debrief(debrief) = &self.screen else {
            return String::new();
        };
        let record = debrief
            .record_id
            .as_ref()
            .and_then(|id| self.store.records().iter().find(|r| r.id == *id));
        let Some(record) = record else {
            return "⚠ This run has no record to export: runs are not being kept (see --data-dir).".into();
        };
        let text = crate::analysis::export::markdown(record, &debrief.scenario, &self.zone);
        let file = format!("{}.md", record.id);
        match self.store.export(&file, &text) {
            Ok(path) => format!("CPD record exported to {}", path.display()),
            Err(why) => why,
        }
    }

    /// The debrief of a past run, as far as it went (rows are newest first); Esc comes
    /// back to History at the row it was opened from.
    pub(super) fn open_past_run(&mut self, index: usize, selected: usize) {
        let Some(record) = self.store.records().iter().rev().nth(index) else {
            return;
        };
        let opened = match self.scenarios.iter().find(|s| s.id == record.scenario_id) {
            None => Err("That case is no longer in the library."),
            Some(_) if record.kind == crate::record::RecordKind::Group => {
                Err("A classroom session: `lessons report` shows the room's choices.")
            }
            Some(scenario) => {
                let debrief = crate::engine::assess(scenario, &record.session.answers);
                let mut state = DebriefState::new(scenario.clone(), debrief);
                state.record_id = Some(record.id.clone());
                state.origin = Origin::History { selected };
                state.answers.clone_from(&record.reflection);
                Ok(state)
            }
        };
        match opened {
            Ok(debrief) => self.screen = Screen::Debrief(Box::new(debrief)),
            Err(why) => self.status = Some(why.into()),
        }
    }
}
