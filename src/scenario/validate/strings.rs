//! Rules for every string in the file: no empty text, no blank option id, and no character
//! that could reach a terminal as a command.

use super::super::diagnostic::Diagnostic;
use super::super::text::{echo, first_forbidden, is_forbidden_char, may_hold_forbidden};
use super::super::types::Step;
use super::{Checker, Place};

impl Checker<'_> {
    /// Every piece of text: not empty, and free of control characters.
    pub(super) fn text(&mut self) {
        let s = self.scenario;
        let mut fields: Vec<(Place, &'static str, &str)> = vec![
            (Place::Top, "title", &s.title),
            (Place::Top, "content_warning", &s.content_warning),
            (Place::Top, "briefing", &s.briefing),
            (Place::Top, "title", &s.source.title),
            (Place::Top, "force", &s.source.force),
            (Place::Outcome, "what_happened", &s.outcome.what_happened),
        ];
        for value in s.source.reference.iter().chain(&s.source.document) {
            fields.push((Place::Top, "source", value));
        }
        for value in &s.outcome.officers {
            fields.push((Place::Outcome, "officers", value));
        }
        for value in &s.outcome.investigator_notes {
            fields.push((Place::Outcome, "investigator_notes", value));
        }
        for value in &s.outcome.learning {
            fields.push((Place::Outcome, "learning", value));
        }
        for value in &s.discussion {
            fields.push((Place::Outcome, "discussion", value));
        }
        for value in &s.source_notes {
            fields.push((Place::Top, "source_notes", value));
        }
        for step in &s.steps {
            let place = Place::Step(step.id());
            if let Some(clock) = step.clock() {
                fields.push((place, "clock", clock));
            }
            match step {
                Step::Narrative(n) => fields.push((place, "text", &n.text)),
                Step::Decision(d) => {
                    fields.push((place, "prompt", &d.prompt));
                    fields.push((place, "finding", &d.finding.text));
                    if let Some(officers) = &d.officers {
                        fields.push((place, "officers", officers));
                    }
                    if let Some(note) = &d.source_note {
                        fields.push((place, "source_note", note));
                    }
                    for value in d.finding.quote.iter().chain(&d.finding.policy) {
                        fields.push((place, "finding", value));
                    }
                    for option in &d.options {
                        let place = Place::Option(&d.id, &option.id);
                        fields.push((place, "text", &option.text));
                        if let Some(feedback) = &option.feedback {
                            fields.push((place, "feedback", feedback));
                        }
                    }
                }
            }
        }
        let mut control_reported = false;
        for (place, key, value) in fields {
            if value.trim().is_empty() {
                let region = self.region(place);
                let location = self.at(self.locator().value_of(region, key).or(Some(region.start)));
                self.out.push(
                    Diagnostic::error("empty-text", location, format!("`{key}` is empty"))
                        .with_help("write the text, or remove the field if it is optional"),
                );
            }
            if !control_reported && value.chars().any(is_forbidden_char) {
                let region = self.region(place);
                let whole = self.locator().whole();
                let offset = self
                    .locator()
                    .first_char(region, is_forbidden_char)
                    .or_else(|| self.locator().first_char(whole, is_forbidden_char));
                let bad = value.chars().find(|c| is_forbidden_char(*c)).unwrap_or('\0');
                self.out.push(
                    Diagnostic::error(
                        "control-character",
                        self.at(offset),
                        format!("text contains the control character U+{:04X}", u32::from(bad)),
                    )
                    .with_help("remove it; only ordinary text, new lines and tabs may appear, so nothing can reach a terminal as a command"),
                );
                control_reported = true;
            }
        }
    }

    /// Ids, branch targets, dates and file names too: no string may carry a character that
    /// could reach a terminal as a command, and no option id may be blank. One report of a
    /// forbidden character is enough; `text` may already have made it.
    pub(super) fn every_string(&mut self) {
        for d in self.scenario.decisions() {
            for option in d.options.iter().filter(|o| o.id.trim().is_empty()) {
                let location = self.in_option(&d.id, &option.id, "id");
                self.out.push(
                    Diagnostic::error(
                        "empty-id",
                        location,
                        format!("an option of decision `{}` has a blank id", echo(&d.id)),
                    )
                    .with_help("give each option a short id of its own, e.g. `call-back`; records and reports name options by id"),
                );
            }
        }
        if !may_hold_forbidden(self.source) || self.out.iter().any(|d| d.code == "control-character") {
            return;
        }
        let Some((key, bad)) = first_forbidden(self.scenario) else {
            return;
        };
        let whole = self.locator().whole();
        let location = self.at(self.locator().first_char(whole, is_forbidden_char));
        self.out.push(
            Diagnostic::error(
                "control-character",
                location,
                format!("`{key}` contains the control character U+{:04X}", u32::from(bad)),
            )
            .with_help("remove it; ids, targets and text may hold only ordinary characters, so nothing can reach a terminal as a command"),
        );
    }
}
