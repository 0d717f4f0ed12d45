//! The debrief: every decision beside what the officers did, the answer in line with the
//! source and the finding; scores by NDM stage and topic; what happened; and the
//! discussion questions, which the trainee may answer for the record (the reflection).
//!
//! `mod.rs` holds the state and its keys; `view.rs` draws the frame and the tabs,
//! `compare.rs` the decisions side by side (or stacked when narrow), `scores.rs` the
//! bars, and `reflect.rs` the reflection's text boxes.

mod compare;
mod reflect;
mod scores;
mod view;

pub use reflect::Reflection;
pub use view::DebriefView;

use super::keys::Action;
use super::widgets::scroll::Scroll;
use crate::engine::Debrief;
use crate::record::ReflectionAnswer;
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Decisions,
    Scores,
    Outcome,
    Discussion,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Decisions, Tab::Scores, Tab::Outcome, Tab::Discussion];

    fn title(self) -> &'static str {
        match self {
            Tab::Decisions => "1 Decisions",
            Tab::Scores => "2 Scores",
            Tab::Outcome => "3 What happened",
            Tab::Discussion => "4 Discussion",
        }
    }
}

/// Where Esc from the debrief goes: the screen it was opened from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A run just finished: back to the library, or the home case.
    Home,
    /// A past run opened from the History screen, at this row.
    History { selected: usize },
}

pub struct DebriefState {
    pub scenario: Scenario,
    pub debrief: Debrief,
    pub tab: Tab,
    pub scroll: Scroll,
    /// The record the debrief is of, for the reflection and the export; `None` when runs
    /// are not kept.
    pub record_id: Option<String>,
    pub origin: Origin,
    /// The reflection as saved (or as last written, if saving failed).
    pub answers: Vec<ReflectionAnswer>,
    /// The reflection's text boxes, while open.
    pub reflection: Option<Reflection>,
    /// Leaving the debrief of a run just finished asks once whether to reflect first.
    pub offer_reflection: bool,
    /// The question "reflect before you go?" is on screen.
    pub offering: bool,
    /// What the last command did (where the export went, whether the reflection was
    /// saved), shown whole above the key bar until the next key.
    pub message: Option<String>,
}

pub enum DebriefOutcome {
    None,
    Back,
    /// Retry this run's decisions not in line, now.
    DrillMissed,
    Quit,
    /// Write the CPD Markdown record to the exports folder.
    Export,
    /// Keep these answers with the run's record.
    SaveReflection(Vec<ReflectionAnswer>),
}

impl DebriefState {
    pub fn new(scenario: Scenario, debrief: Debrief) -> Self {
        DebriefState {
            scenario,
            debrief,
            tab: Tab::Decisions,
            scroll: Scroll::default(),
            record_id: None,
            origin: Origin::Home,
            answers: Vec::new(),
            reflection: None,
            offer_reflection: false,
            offering: false,
            message: None,
        }
    }

    /// A text box has the keys: letters are typed, not commands.
    pub fn typing(&self) -> bool {
        self.reflection.is_some()
    }

    pub fn handle(&mut self, action: Action) -> DebriefOutcome {
        self.message = None;
        if let Some(reflection) = &mut self.reflection {
            return match reflection.handle(action) {
                reflect::Step::Typing => DebriefOutcome::None,
                reflect::Step::Close => {
                    self.reflection = None;
                    DebriefOutcome::None
                }
                reflect::Step::Save(answers) => {
                    self.reflection = None;
                    self.answers.clone_from(&answers);
                    self.switch(Tab::Discussion);
                    DebriefOutcome::SaveReflection(answers)
                }
            };
        }
        if self.offering {
            self.offering = false;
            return match action {
                Action::Enter | Action::Char('w' | 'y') => {
                    self.open_reflection();
                    DebriefOutcome::None
                }
                Action::Quit => DebriefOutcome::Quit,
                _ => DebriefOutcome::Back,
            };
        }
        let tab_index = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        match action {
            Action::Quit => return DebriefOutcome::Quit,
            Action::Back if self.offer_reflection && self.can_reflect() && self.answers.is_empty() => {
                self.offer_reflection = false;
                self.offering = true;
            }
            Action::Back => return DebriefOutcome::Back,
            Action::Tab | Action::Right => self.switch(Tab::ALL[(tab_index + 1) % Tab::ALL.len()]),
            Action::BackTab | Action::Left => {
                self.switch(Tab::ALL[(tab_index + Tab::ALL.len() - 1) % Tab::ALL.len()])
            }
            Action::Char(c @ '1'..='4') => self.switch(Tab::ALL[c as usize - '1' as usize]),
            Action::Char('w') if self.can_reflect() => self.open_reflection(),
            Action::Char('x') => return DebriefOutcome::Export,
            Action::Char('r') => return DebriefOutcome::DrillMissed,
            other => {
                self.scroll.handle(other);
            }
        }
        DebriefOutcome::None
    }

    /// Whether there are questions to answer.
    pub fn can_reflect(&self) -> bool {
        !self.scenario.discussion.is_empty()
    }

    fn open_reflection(&mut self) {
        self.reflection = Some(Reflection::new(&self.scenario.discussion, &self.answers));
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.scroll.to_top();
    }
}
