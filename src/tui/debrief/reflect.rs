//! The reflection: one text box per discussion question, answered after the debrief for
//! the trainee's CPD record. Enter moves to the next question and saves after the last;
//! a new line is Ctrl+J (as in the run's rationale box), or Alt+Enter where the terminal
//! passes it on.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::{Key, TextArea, WrapMode};

use crate::record::ReflectionAnswer;
use crate::tui::keys::{Action, TextKey};
use crate::tui::theme::Palette;
use crate::tui::widgets::{clean, panel};

pub struct Reflection {
    questions: Vec<String>,
    boxes: Vec<TextArea<'static>>,
    /// The question being answered.
    pub at: usize,
}

/// What a key did to the reflection.
pub enum Step {
    Typing,
    /// Back to the debrief; what was typed stays until the debrief is left.
    Close,
    Save(Vec<ReflectionAnswer>),
}

impl Reflection {
    /// Boxes for `questions`, holding the answers already given to the same questions.
    pub fn new(questions: &[String], answers: &[ReflectionAnswer]) -> Self {
        let boxes = questions
            .iter()
            .map(|q| {
                let given = answers.iter().find(|a| a.question == *q);
                let lines: Vec<String> = given
                    .map(|a| a.answer.split('\n').map(str::to_string).collect())
                    .unwrap_or_default();
                let mut area = if lines.is_empty() {
                    TextArea::default()
                } else {
                    TextArea::new(lines)
                };
                area.set_wrap_mode(WrapMode::Word);
                area.set_placeholder_text("Your answer (optional)…");
                area
            })
            .collect();
        Reflection {
            questions: questions.to_vec(),
            boxes,
            at: 0,
        }
    }

    pub fn handle(&mut self, action: Action) -> Step {
        let last = self.questions.len().saturating_sub(1);
        match action {
            Action::Back => return Step::Close,
            Action::Enter if self.at >= last => return Step::Save(self.answers()),
            Action::Enter | Action::Tab => self.at = (self.at + 1).min(last),
            Action::BackTab => self.at = self.at.saturating_sub(1),
            Action::Text(key) => {
                if let Some(area) = self.boxes.get_mut(self.at) {
                    type_into(area, key);
                }
            }
            _ => {}
        }
        Step::Typing
    }

    /// Every question with its answer, trimmed; questions left blank are left out.
    pub fn answers(&self) -> Vec<ReflectionAnswer> {
        self.questions
            .iter()
            .zip(&self.boxes)
            .filter_map(|(question, area)| {
                let answer = area.lines().join("\n").trim().to_string();
                (!answer.is_empty()).then(|| ReflectionAnswer {
                    question: question.clone(),
                    answer,
                })
            })
            .collect()
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Palette) {
        let Some(question) = self.questions.get(self.at) else {
            return;
        };
        let [ask, text] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
        Paragraph::new(vec![
            Line::styled(
                format!("Question {} of {}", self.at + 1, self.questions.len()),
                theme.dim,
            ),
            Line::styled(clean(question), theme.heading),
        ])
        .wrap(Wrap { trim: false })
        .render(ask, buf);
        if let Some(input) = self.boxes.get(self.at) {
            let mut input = input.clone();
            input.set_block(panel(Span::styled(" Your answer ", theme.heading), true, theme));
            input.set_style(theme.base);
            input.render(text, buf);
        }
    }
}

/// A key into a box. Ctrl+J is a new line (the textarea's default would delete to the
/// line's start), and no other editing key may silently destroy text.
fn type_into(area: &mut TextArea<'static>, key: TextKey) {
    match key {
        TextKey {
            key: Key::Char('j' | 'm'),
            ctrl: true,
            ..
        }
        | TextKey { key: Key::Enter, .. } => area.insert_newline(),
        // Ctrl+U undoes in the textarea, where a shell clears the line: neither, silently
        TextKey {
            key: Key::Char('u'),
            ctrl: true,
            ..
        } => {}
        key => {
            area.input(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Vec<Action> {
        text.chars()
            .map(|c| {
                Action::Text(TextKey {
                    key: Key::Char(c),
                    ..TextKey::default()
                })
            })
            .collect()
    }

    #[test]
    fn enter_moves_on_and_saves_after_the_last_question_keeping_line_breaks() {
        let questions = vec!["First?".to_string(), "Second?".to_string()];
        let mut r = Reflection::new(&questions, &[]);
        typed("one").into_iter().for_each(|a| {
            r.handle(a);
        });
        r.handle(Action::Text(TextKey {
            key: Key::Char('j'),
            ctrl: true,
            ..TextKey::default()
        }));
        typed("two").into_iter().for_each(|a| {
            r.handle(a);
        });
        assert!(matches!(r.handle(Action::Enter), Step::Typing));
        assert_eq!(r.at, 1);
        let Step::Save(answers) = r.handle(Action::Enter) else {
            panic!("the last Enter saves");
        };
        assert_eq!(
            answers,
            vec![ReflectionAnswer {
                question: "First?".into(),
                answer: "one\ntwo".into()
            }],
            "a blank answer is left out"
        );
    }

    #[test]
    fn reopening_shows_the_answers_given() {
        let questions = vec!["First?".to_string()];
        let given = vec![ReflectionAnswer {
            question: "First?".into(),
            answer: "a\nb".into(),
        }];
        let r = Reflection::new(&questions, &given);
        assert_eq!(r.answers(), given);
    }
}
