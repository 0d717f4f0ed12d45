//! The live room: what the console has put in front of the trainees, and what each trainee
//! has answered. The console writes the first and reads the second; each connection reads
//! the first and writes its own answers. Behind one mutex, held only to copy or change a
//! few fields, never while drawing or sending.

use std::collections::BTreeMap;

use crate::engine::{Asked, Event, Response};
use crate::scenario::{Mark, Scenario};
use crate::tui::classroom::{Classroom, Stage};

/// What every trainee's screen shows now, pushed by the console.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Shown {
    /// Before the first case, between steps, and while the room discusses.
    #[default]
    Waiting,
    /// The case's briefing, or a narrative step.
    Text {
        title: String,
        heading: String,
        body: String,
    },
    /// A decision to answer.
    Decision {
        title: String,
        case: usize,
        asked: Asked,
    },
    /// The decision's answer: what the officers did, the in-line answer, the finding.
    Reveal {
        title: String,
        case: usize,
        asked: Asked,
        officers: String,
        in_line: String,
        finding: String,
    },
    /// The session is over.
    Ended,
}

impl Shown {
    /// What trainees see at this point of the classroom. Only the current step: never a tally.
    pub fn of(room: &Classroom) -> Shown {
        let Some(scenario) = room.scenario() else {
            return Shown::Ended;
        };
        let title = scenario.title.clone();
        match room.stage {
            Stage::Title | Stage::Outcome | Stage::Discussion => Shown::Waiting,
            Stage::End => Shown::Ended,
            Stage::Briefing => Shown::Text {
                title,
                heading: "Briefing".into(),
                body: scenario.briefing.clone(),
            },
            Stage::Story => match room.asked() {
                Some(asked) => Shown::Decision {
                    title,
                    case: room.case,
                    asked,
                },
                None => room
                    .current()
                    .into_iter()
                    .find_map(|e| match e {
                        Event::Narrative { text, clock, .. } => Some(Shown::Text {
                            title: title.clone(),
                            heading: clock.unwrap_or_else(|| "What happened next".into()),
                            body: text,
                        }),
                        _ => None,
                    })
                    .unwrap_or(Shown::Waiting),
            },
            Stage::Reveal => match room.asked() {
                Some(asked) => reveal(scenario, title, room.case, asked),
                None => Shown::Waiting,
            },
        }
    }

    /// The decision this screen is about, if any: (case, step).
    pub fn decision(&self) -> Option<(usize, &Asked)> {
        match self {
            Shown::Decision { case, asked, .. } | Shown::Reveal { case, asked, .. } => Some((*case, asked)),
            _ => None,
        }
    }
}

fn reveal(scenario: &Scenario, title: String, case: usize, asked: Asked) -> Shown {
    let Some(decision) = scenario.decision(&asked.step) else {
        return Shown::Waiting;
    };
    let officers = decision.officers.clone().unwrap_or_else(|| {
        decision
            .officers_choice()
            .iter()
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
            .join("; ")
    });
    let in_line = if decision.judged() {
        decision
            .options
            .iter()
            .filter(|o| o.mark == Mark::Expected)
            .map(|o| o.text.clone())
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        "Not judged: the investigation made no finding on this decision.".into()
    };
    // as on the projector: a finding that tells of later events waits for the end
    let finding = if decision.finding.debrief_only {
        "Held until the end: it tells of later events.".into()
    } else {
        decision.finding.text.clone()
    };
    Shown::Reveal {
        title,
        case,
        asked,
        officers,
        in_line,
        finding,
    }
}

/// One trainee's answer to one decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub case: usize,
    pub step: String,
    pub response: Response,
    pub rationale: String,
}

#[derive(Debug, Clone, Default)]
pub struct Trainee {
    /// Whether a connection holds this name now (one at a time).
    pub online: bool,
    pub answers: Vec<Given>,
}

#[derive(Debug, Default)]
pub struct LiveRoom {
    pub shown: Shown,
    /// Bumped whenever `shown` changes, so screens know to draw again.
    pub generation: u64,
    /// Bumped whenever an answer comes in, so the console counts again and saves.
    pub answers_changed: u64,
    pub trainees: BTreeMap<String, Trainee>,
    /// At most this many trainees connected at once (`--max`).
    pub max: usize,
}

impl LiveRoom {
    pub fn new(max: usize) -> Self {
        LiveRoom {
            max,
            ..LiveRoom::default()
        }
    }

    /// Takes a connection under `name`: refused when another holds it or the room is full.
    pub fn join(&mut self, name: &str) -> Result<(), JoinRefused> {
        if self.trainees.get(name).is_some_and(|t| t.online) {
            return Err(JoinRefused::NameHeld);
        }
        if self.online() >= self.max {
            return Err(JoinRefused::Full);
        }
        self.trainees.entry(name.to_string()).or_default().online = true;
        Ok(())
    }

    pub fn leave(&mut self, name: &str) {
        if let Some(t) = self.trainees.get_mut(name) {
            t.online = false;
        }
    }

    pub fn online(&self) -> usize {
        self.trainees.values().filter(|t| t.online).count()
    }

    /// Keeps `name`'s answer to a decision, replacing an earlier one to the same decision.
    pub fn answer(&mut self, name: &str, given: Given) {
        let trainee = self.trainees.entry(name.to_string()).or_default();
        trainee
            .answers
            .retain(|a| !(a.case == given.case && a.step == given.step));
        trainee.answers.push(given);
        self.answers_changed += 1;
    }

    pub fn answer_of(&self, name: &str, case: usize, step: &str) -> Option<&Given> {
        self.trainees
            .get(name)?
            .answers
            .iter()
            .find(|a| a.case == case && a.step == step)
    }

    /// Puts a new step in front of the room; true when it differs from the one showing.
    pub fn show(&mut self, shown: Shown) -> bool {
        if self.shown == shown {
            return false;
        }
        self.shown = shown;
        self.generation += 1;
        true
    }

    /// Per option shown (in that order), how many trainees chose or ticked it; and how many
    /// answered at all.
    pub fn tally(&self, case: usize, asked: &Asked) -> (Vec<(String, u32)>, u32) {
        let mut counts: Vec<(String, u32)> = asked.options.iter().map(|o| (o.id.clone(), 0)).collect();
        let mut answered = 0;
        for trainee in self.trainees.values() {
            let Some(given) = trainee
                .answers
                .iter()
                .find(|a| a.case == case && a.step == asked.step)
            else {
                continue;
            };
            answered += 1;
            for id in given.response.selected() {
                if let Some((_, n)) = counts.iter_mut().find(|(o, _)| o == id) {
                    *n += 1;
                }
            }
        }
        (counts, answered)
    }

    /// Who has answered the decision, by name.
    pub fn answered_names(&self, case: usize, step: &str) -> Vec<String> {
        self.trainees
            .iter()
            .filter(|(_, t)| t.answers.iter().any(|a| a.case == case && a.step == step))
            .map(|(name, _)| name.clone())
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JoinRefused {
    #[error("that name is already in the room")]
    NameHeld,
    #[error("the room is full")]
    Full,
}

/// A pseudonym a trainee may use: 1–32 letters, digits, `-`, `_` or `.`, starting with a
/// letter or digit, so it is safe on every screen and in every file name and report.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 32
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ShownOption;
    use crate::scenario::{DecisionKind, NdmStage, RationalePrompt, Role};

    fn asked() -> Asked {
        Asked {
            step: "d1".into(),
            clock: None,
            role: Role::Officer,
            role_assumed: false,
            ndm: NdmStage::GatherInformation,
            prompt: "What now?".into(),
            kind: DecisionKind::Single,
            options: ["a", "b"]
                .iter()
                .map(|id| ShownOption {
                    id: (*id).into(),
                    text: id.to_uppercase(),
                    level: None,
                })
                .collect(),
            rationale: RationalePrompt::Ask,
            time_limit: None,
            ticked: Vec::new(),
        }
    }

    fn given(option: &str) -> Given {
        Given {
            case: 0,
            step: "d1".into(),
            response: Response::Chose(option.into()),
            rationale: String::new(),
        }
    }

    #[test]
    fn one_holder_per_name_and_a_full_room_refuses() {
        let mut room = LiveRoom::new(2);
        assert_eq!(room.join("pc-a"), Ok(()));
        assert_eq!(room.join("pc-a"), Err(JoinRefused::NameHeld));
        assert_eq!(room.join("pc-b"), Ok(()));
        assert_eq!(room.join("pc-c"), Err(JoinRefused::Full));
        room.leave("pc-a");
        assert_eq!(
            room.join("pc-a"),
            Ok(()),
            "the name is free again once its holder leaves"
        );
    }

    #[test]
    fn a_changed_answer_replaces_the_first_and_the_tally_counts_people() {
        let mut room = LiveRoom::new(40);
        room.answer("pc-a", given("a"));
        room.answer("pc-b", given("a"));
        room.answer("pc-a", given("b"));
        let (counts, answered) = room.tally(0, &asked());
        assert_eq!(counts, [("a".to_string(), 1), ("b".to_string(), 1)]);
        assert_eq!(answered, 2);
        assert_eq!(room.answered_names(0, "d1"), ["pc-a", "pc-b"]);
    }

    #[test]
    fn names_are_plain_and_short() {
        for good in ["pc-a", "Sgt.Jones", "a1_b"] {
            assert!(valid_name(good), "{good}");
        }
        for bad in ["", "-a", "a b", "a\u{1b}[2J", &"x".repeat(33), "é"] {
            assert!(!valid_name(bad), "{bad:?}");
        }
    }
}
