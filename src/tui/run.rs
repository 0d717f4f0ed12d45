//! A run: what is known so far on an in-story timeline (scrollable), the current decision
//! below it. All case logic is the engine's; this screen turns keys into engine inputs
//! and draws what the engine says is current.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::{TextArea, WrapMode};

use super::keys::Action;
use super::library::truncate;
use super::theme::{Theme, verdict_symbol};
use super::ui::{clean, key_bar, panel, styled_lines, with_key_bar, wrapped_height};
use crate::engine::{
    Asked, Event, Input, InputError, Item, Mode, Phase, Response, Session, SessionState, Settings,
};
use crate::plain::wrap::hanging;
use crate::record::{Draft, Timing};
use crate::scenario::{DecisionKind, Scenario, Step};

pub struct RunState {
    /// The run and its case, held for the whole run: queries read it, never rebuild it.
    session: Session,
    /// Highlighted option, as an index into the shown order.
    pub cursor: usize,
    pub rationale: TextArea<'static>,
    /// When the current decision's time limit runs out.
    pub deadline: Option<Instant>,
    /// When the current decision was first shown, to record time taken.
    pub asked_at: Option<Instant>,
    /// Rows scrolled up from the end of the timeline (0 follows the newest entry).
    pub scroll_back: u16,
    /// Rows scrolled in the feedback pane.
    pub feedback_scroll: u16,
    pub message: Option<String>,
    /// Seconds taken on each answered decision, measured here at the edge.
    pub timings: Vec<Timing>,
    /// The rationale has changed since it was last saved.
    pub draft_dirty: bool,
}

/// What the run asks the app to do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum RunOutcome {
    None,
    /// The session state changed: save it.
    Changed {
        answered: bool,
    },
    Finished,
    AskLeave,
    AskQuit,
}

impl RunState {
    pub fn start(scenario: Scenario, settings: Settings, now: Instant) -> Self {
        let mut run = Self::resume(Session::new(scenario, settings), now);
        if let Err(e) = run.apply(Input::Continue, now) {
            run.message = Some(e.to_string());
        }
        run
    }

    /// A run picked up from a session (resumed from a saved state, or a drill).
    pub fn resume(session: Session, now: Instant) -> Self {
        let mut run = RunState {
            session,
            cursor: 0,
            rationale: new_textarea(),
            deadline: None,
            asked_at: None,
            scroll_back: 0,
            feedback_scroll: 0,
            message: None,
            timings: Vec::new(),
            draft_dirty: false,
        };
        run.arm_timer(now);
        run
    }

    pub fn scenario(&self) -> &Scenario {
        self.session.scenario()
    }

    pub fn state(&self) -> &SessionState {
        self.session.state()
    }

    pub fn current(&self) -> Vec<Event> {
        self.session.current()
    }

    pub fn asked(&self) -> Option<Asked> {
        self.session.asked()
    }

    pub fn feedback(&self) -> Option<Item> {
        self.current().into_iter().find_map(|e| match e {
            Event::Feedback(item) => Some(*item),
            _ => None,
        })
    }

    pub fn is_finished(&self) -> bool {
        self.state().phase == Phase::Finished
    }

    pub fn typing(&self) -> bool {
        matches!(self.state().phase, Phase::Rationale { .. })
    }

    /// Sends one input to the engine; moves past an assessment-mode review at once.
    fn apply(&mut self, input: Input, now: Instant) -> Result<Vec<Event>, InputError> {
        let session = &mut self.session;
        let mut events = session.apply(input)?;
        if session.state().settings.mode == Mode::Assessment
            && matches!(session.phase(), Phase::Reviewed { .. })
        {
            events.extend(session.apply(Input::Continue)?);
        }
        if events
            .iter()
            .any(|e| matches!(e, Event::DecisionAsked(_) | Event::Narrative { .. }))
        {
            // a scale starts in the middle, so the starting point suggests no grade
            self.cursor = events
                .iter()
                .find_map(|e| match e {
                    Event::DecisionAsked(a) if a.kind == DecisionKind::Scale => Some(a.options.len() / 2),
                    _ => None,
                })
                .unwrap_or(0);
            self.scroll_back = 0;
            self.feedback_scroll = 0;
            self.rationale = new_textarea();
            self.arm_timer(now);
        }
        if events.iter().any(|e| matches!(e, Event::Feedback(_))) {
            self.feedback_scroll = 0;
        }
        Ok(events)
    }

    fn arm_timer(&mut self, now: Instant) {
        self.deadline = None;
        self.asked_at = None;
        if let Phase::Deciding { .. } = self.state().phase {
            self.asked_at = Some(now);
            if let Some(limit) = self.asked().and_then(|a| a.time_limit) {
                self.deadline = Some(now + Duration::from_secs(u64::from(limit)));
            }
        }
    }

    /// Seconds left on the current decision's clock.
    pub fn remaining(&self, now: Instant) -> Option<u64> {
        if !matches!(self.state().phase, Phase::Deciding { .. }) {
            return None; // the clock stops once the decision is made
        }
        self.deadline
            .map(|d| d.saturating_duration_since(now).as_secs_f64().ceil() as u64)
    }

    pub fn tick(&mut self, now: Instant) -> RunOutcome {
        match self.deadline {
            Some(deadline) if now >= deadline && matches!(self.state().phase, Phase::Deciding { .. }) => {
                self.deadline = None;
                self.message = Some("Time ran out: recorded as no decision in time.".into());
                self.send(Input::TimeUp, now)
            }
            _ => RunOutcome::None,
        }
    }

    fn send(&mut self, input: Input, now: Instant) -> RunOutcome {
        let answering = !matches!(input, Input::Continue | Input::Toggle(_));
        let elapsed = self.elapsed(now);
        match self.apply(input, now) {
            Ok(events) => {
                for event in &events {
                    if let (Event::Answered { step, .. }, Some(taken)) = (event, elapsed) {
                        self.timings.push(Timing {
                            step: step.clone(),
                            seconds: (taken.as_secs_f64() * 10.0).round() / 10.0,
                        });
                    }
                }
                if events.contains(&Event::Finished) {
                    return RunOutcome::Finished;
                }
                let answered = answering || events.iter().any(|e| matches!(e, Event::Answered { .. }));
                RunOutcome::Changed { answered }
            }
            Err(InputError::RationaleRequired) => {
                self.message =
                    Some("This decision asks for your rationale: type why before you go on.".into());
                RunOutcome::None
            }
            Err(e) => {
                self.message = Some(e.to_string());
                RunOutcome::None
            }
        }
    }

    pub fn handle(&mut self, action: Action, now: Instant) -> RunOutcome {
        if !matches!(action, Action::Text(_)) {
            self.message = None;
        }
        match action {
            Action::Quit => return RunOutcome::AskQuit,
            Action::Back => return RunOutcome::AskLeave,
            Action::PageUp => {
                self.scroll_back = self.scroll_back.saturating_add(5);
                return RunOutcome::None;
            }
            Action::PageDown => {
                self.scroll_back = self.scroll_back.saturating_sub(5);
                return RunOutcome::None;
            }
            _ => {}
        }
        match self.state().phase.clone() {
            Phase::Briefing => self.send(Input::Continue, now),
            Phase::Narrative { .. } => match action {
                Action::Enter | Action::Space | Action::Right => self.send(Input::Continue, now),
                Action::Up => {
                    self.scroll_back = self.scroll_back.saturating_add(1);
                    RunOutcome::None
                }
                Action::Down => {
                    self.scroll_back = self.scroll_back.saturating_sub(1);
                    RunOutcome::None
                }
                _ => RunOutcome::None,
            },
            Phase::Deciding { .. } => self.decide(action, now),
            Phase::Rationale { .. } => match action {
                Action::Enter => {
                    let text = self.rationale.lines().join("\n");
                    self.send(Input::Rationale(text), now)
                }
                Action::Text(key) => {
                    if self.rationale.input(key) {
                        self.draft_dirty = true;
                    }
                    RunOutcome::None
                }
                _ => RunOutcome::None,
            },
            Phase::Confidence { .. } => match action {
                Action::Char(c @ '1'..='5') => {
                    let level = c.to_digit(10).and_then(|d| u8::try_from(d).ok());
                    self.send(Input::Confidence(level), now)
                }
                Action::Char('s') | Action::Enter => self.send(Input::Confidence(None), now),
                _ => RunOutcome::None,
            },
            Phase::Reviewed { .. } => match action {
                Action::Enter | Action::Right | Action::Space => self.send(Input::Continue, now),
                Action::Down => {
                    self.feedback_scroll = self.feedback_scroll.saturating_add(1);
                    RunOutcome::None
                }
                Action::Up => {
                    self.feedback_scroll = self.feedback_scroll.saturating_sub(1);
                    RunOutcome::None
                }
                _ => RunOutcome::None,
            },
            Phase::Finished => RunOutcome::Finished,
        }
    }

    fn decide(&mut self, action: Action, now: Instant) -> RunOutcome {
        let Some(asked) = self.asked() else {
            return RunOutcome::None;
        };
        let count = asked.options.len();
        // validation refuses a decision without options; never index into an empty list
        if count == 0 {
            return RunOutcome::None;
        }
        // Scale grades are drawn highest first, so Up moves to a higher grade.
        let rows = display_order(&asked);
        let row = rows.iter().position(|&i| i == self.cursor).unwrap_or(0);
        match action {
            Action::Up => self.cursor = rows[row.saturating_sub(1)],
            Action::Down => self.cursor = rows[(row + 1).min(count.saturating_sub(1))],
            Action::Home => self.cursor = rows[0],
            Action::End => self.cursor = rows[count.saturating_sub(1)],
            Action::Char(c @ '1'..='9') => {
                let n = c.to_digit(10).unwrap_or(1) as usize;
                if (1..=count).contains(&n) {
                    self.cursor = n - 1;
                    if asked.kind == DecisionKind::Multiple {
                        return self.send(Input::Toggle(asked.options[n - 1].id.clone()), now);
                    }
                }
            }
            Action::Space if asked.kind == DecisionKind::Multiple => {
                let id = asked.options[self.cursor.min(count - 1)].id.clone();
                return self.send(Input::Toggle(id), now);
            }
            Action::Enter => {
                let id = asked.options[self.cursor.min(count - 1)].id.clone();
                let input = match asked.kind {
                    DecisionKind::Single => Input::Choose(id),
                    DecisionKind::Scale => Input::Grade(id),
                    DecisionKind::Multiple => Input::Submit,
                };
                return self.send(input, now);
            }
            _ => {}
        }
        RunOutcome::None
    }

    /// The number of this decision among those reached so far (1-based).
    pub fn decision_number(&self) -> usize {
        self.state()
            .path
            .iter()
            .filter(|id| self.scenario().decision(id).is_some())
            .count()
    }

    /// The rationale being typed, while the run waits for one.
    pub fn draft(&self) -> Option<Draft> {
        match &self.state().phase {
            Phase::Rationale { step } => {
                let text = self.rationale.lines().join("\n");
                (!text.trim().is_empty()).then(|| Draft {
                    step: step.clone(),
                    text,
                })
            }
            _ => None,
        }
    }

    /// Puts a saved draft back in the rationale box, if it belongs to the step being asked.
    pub fn restore_draft(&mut self, draft: Option<&Draft>) {
        if let (Some(draft), Phase::Rationale { step }) = (draft, &self.state().phase)
            && &draft.step == step
        {
            self.rationale = new_textarea();
            self.rationale.insert_str(&draft.text);
        }
    }

    /// Time since the current decision was shown.
    pub fn elapsed(&self, now: Instant) -> Option<Duration> {
        self.asked_at.map(|t| now.saturating_duration_since(t))
    }
}

fn new_textarea() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_wrap_mode(WrapMode::Word);
    area.set_placeholder_text("Type why you chose as you did…");
    area
}

/// Row order of options: Scale grades highest first (a ladder), others as shown.
fn display_order(asked: &Asked) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..asked.options.len()).collect();
    if asked.kind == DecisionKind::Scale {
        rows.reverse();
    }
    rows
}

pub struct RunView<'a> {
    pub run: &'a RunState,
    pub theme: &'a Theme,
    pub now: Instant,
}

impl Widget for RunView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.base);
        let (body, bar) = with_key_bar(area);
        let [header, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(4)]).areas(body);
        self.header(header, buf);
        let events = self.run.current();
        let (pane_title, pane_text) = self.pane(&events, main.width.saturating_sub(2));
        let wanted = wrapped_height(&pane_text, main.width.saturating_sub(2)).saturating_add(2);
        let typing = self.run.typing();
        let reviewing = matches!(self.run.state().phase, Phase::Reviewed { .. });
        let share = if reviewing { 7 } else { 6 };
        let max_pane = main.height.saturating_mul(share) / 10;
        let wanted = if typing { wanted.saturating_add(6) } else { wanted };
        let pane_height = wanted.min(max_pane).max(3);
        let overflow = !typing && wanted > pane_height;
        let [timeline, pane] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(pane_height)]).areas(main);
        self.timeline(timeline, buf);
        let mut pane_title = pane_title;
        if overflow && reviewing {
            pane_title.push_span(Span::styled("(↓ more) ", theme.dim));
        }
        let block = panel(pane_title, true, theme);
        if typing {
            let inner = block.inner(pane);
            block.render(pane, buf);
            let prompt_height = wrapped_height(&pane_text, inner.width).min(inner.height.saturating_sub(2));
            let [prompt, input] =
                Layout::vertical([Constraint::Length(prompt_height), Constraint::Min(1)]).areas(inner);
            Paragraph::new(pane_text)
                .wrap(Wrap { trim: false })
                .render(prompt, buf);
            let mut textarea = self.run.rationale.clone();
            textarea.set_block(panel(
                Span::styled(" Your rationale ", theme.accent),
                false,
                theme,
            ));
            textarea.set_style(theme.base);
            textarea.render(input, buf);
        } else {
            let scroll = if reviewing { self.run.feedback_scroll } else { 0 };
            Paragraph::new(pane_text)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block)
                .render(pane, buf);
        }
        Paragraph::new(key_bar(&self.keys(), theme)).render(bar, buf);
    }
}

impl RunView<'_> {
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let run = self.run;
        let mut status: Vec<Span> = Vec::new();
        // the decision stays named while its rationale or confidence is asked
        let role = run
            .asked()
            .map(|a| (a.role, a.role_assumed))
            .or_else(|| match &run.state().phase {
                Phase::Rationale { step } | Phase::Confidence { step } => run
                    .scenario()
                    .decision(step)
                    .map(|d| (run.scenario().role_at(d), d.role_assumed)),
                _ => None,
            });
        if let Some((role, assumed)) = role {
            status.push(Span::styled(
                format!("Decision {}", run.decision_number()),
                theme.heading,
            ));
            status.push(Span::styled(
                format!(" · {}", crate::scenario::role_phrase(role, assumed)),
                theme.dim,
            ));
        }
        status.push(Span::styled(
            format!(" · {}", run.state().settings.mode.label()),
            theme.dim,
        ));
        if let Some(left) = run.remaining(self.now) {
            let style = if left <= 10 { theme.warning } else { theme.accent };
            status.push(Span::styled(format!(" · ⏱ {left} s left"), style));
        }
        let status_width: usize = status.iter().map(|s| s.content.chars().count()).sum();
        let room = (area.width as usize).saturating_sub(status_width + 2);
        let title = truncate(&clean(&run.scenario().title), room);
        let pad = (area.width as usize).saturating_sub(status_width + title.chars().count());
        let mut spans = vec![Span::styled(title, theme.title), Span::raw(" ".repeat(pad))];
        spans.extend(status);
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    /// The in-story timeline: the briefing, each narrative step, and each answered decision.
    fn timeline(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let run = self.run;
        let mut lines: Vec<Line> = Vec::new();
        if run.state().drill {
            let context = run
                .scenario()
                .context_before(run.state().path.last().map(String::as_str));
            lines.push(Line::styled(
                "Drill: where this decision falls in the case",
                theme.heading,
            ));
            lines.extend(styled_lines(&context, theme.base));
        } else {
            lines.push(Line::styled("Briefing", theme.heading));
            lines.extend(styled_lines(&run.scenario().briefing, theme.base));
        }
        let mut decision_no = 0;
        let last = run.state().path.len().saturating_sub(1);
        for (i, id) in run.state().path.iter().enumerate() {
            let Some(step) = run
                .scenario()
                .step_index(id)
                .and_then(|i| run.scenario().steps.get(i))
            else {
                continue;
            };
            lines.push(Line::from(""));
            match step {
                Step::Narrative(n) => {
                    let newest = i == last;
                    let heading = n.clock.as_deref().map_or_else(|| "Next".to_string(), clean);
                    let marker = if newest { "▶ " } else { "" };
                    lines.push(Line::styled(
                        format!("{marker}{heading}"),
                        if newest { theme.accent } else { theme.heading },
                    ));
                    lines.extend(styled_lines(&n.text, theme.base));
                }
                Step::Decision(d) => {
                    let answer = run.state().answers.iter().find(|a| &a.step == id);
                    if answer.is_none() {
                        continue; // the decision being asked is in the pane below
                    }
                    decision_no += 1;
                    let clock = d
                        .clock
                        .as_deref()
                        .map(|c| format!("{} · ", clean(c)))
                        .unwrap_or_default();
                    lines.push(Line::styled(
                        format!("{clock}Decision {decision_no}"),
                        theme.heading,
                    ));
                    lines.push(Line::styled(clean(&d.prompt), theme.dim));
                    if let Some(answer) = answer {
                        let chosen = describe(run.scenario(), &answer.step, &answer.response);
                        lines.push(Line::from(vec![
                            Span::styled("You: ", theme.accent),
                            Span::raw(chosen),
                        ]));
                        if let Some(r) = &answer.rationale {
                            lines.push(Line::from(vec![
                                Span::styled("Why: ", theme.accent),
                                Span::raw(clean(r)),
                            ]));
                        }
                    }
                }
            }
        }
        let text = Text::from(lines);
        let inner_width = area.width.saturating_sub(2);
        let total = wrapped_height(&text, inner_width);
        let visible = area.height.saturating_sub(2);
        let bottom = total.saturating_sub(visible);
        let offset = bottom.saturating_sub(run.scroll_back.min(bottom));
        let more = if offset < bottom {
            " (PgDn: newer) "
        } else if offset > 0 {
            " (PgUp: earlier) "
        } else {
            " "
        };
        let title = Line::from(vec![
            Span::styled(" What you know ", theme.heading),
            Span::styled(more, theme.dim),
        ]);
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((offset, 0))
            .block(panel(title, false, theme))
            .render(area, buf);
    }

    /// The lower pane: the decision, the rationale prompt, the confidence prompt or the feedback.
    fn pane(&self, events: &[Event], width: u16) -> (Line<'static>, Text<'static>) {
        let theme = self.theme;
        let run = self.run;
        let mut lines: Vec<Line<'static>> = Vec::new();
        if let Some(message) = &run.message {
            lines.push(Line::styled(message.clone(), theme.warning));
        }
        for event in events {
            match event {
                Event::Narrative { .. } => {
                    lines.push(Line::from(
                        "Read what has happened above, then press Enter to continue.",
                    ));
                    return (Line::styled(" Next ", theme.heading), Text::from(lines));
                }
                Event::DecisionAsked(asked) => {
                    let title = format!(
                        " Decision {} · {} · {} ",
                        run.decision_number(),
                        asked.ndm.label(),
                        asked.kind.label()
                    );
                    lines.extend(styled_lines(&asked.prompt, theme.heading));
                    lines.push(Line::from(""));
                    lines.extend(self.options(asked, width));
                    return (Line::styled(title, theme.heading), Text::from(lines));
                }
                Event::RationaleAsked { required, .. } => {
                    let ask = if *required {
                        "Why? This decision asks for your rationale (required). Enter to submit."
                    } else {
                        "Why? Type your rationale, or press Enter to skip."
                    };
                    lines.push(Line::styled(ask, theme.heading));
                    return (Line::styled(" Rationale ", theme.heading), Text::from(lines));
                }
                Event::ConfidenceAsked { .. } => {
                    lines.push(Line::styled("How sure are you of that answer?", theme.heading));
                    lines.push(Line::from(
                        "Press 1 (guessing), 2, 3, 4 or 5 (certain); s to skip.",
                    ));
                    return (Line::styled(" Confidence ", theme.heading), Text::from(lines));
                }
                Event::Feedback(item) => {
                    lines.extend(feedback_lines(item, theme));
                    return (
                        Line::styled(" How your answer stands ", theme.heading),
                        Text::from(lines),
                    );
                }
                _ => {}
            }
        }
        lines.push(Line::from("The run is complete."));
        (Line::styled(" Finished ", theme.heading), Text::from(lines))
    }

    fn options(&self, asked: &Asked, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut lines = Vec::new();
        let scale = asked.kind == DecisionKind::Scale;
        if scale {
            lines.push(Line::styled("  ▲ higher", theme.dim));
        }
        for i in display_order(asked) {
            let option = &asked.options[i];
            let selected = i == self.run.cursor;
            let mark = match asked.kind {
                DecisionKind::Multiple => {
                    if asked.ticked.contains(&option.id) {
                        "[x]"
                    } else {
                        "[ ]"
                    }
                }
                DecisionKind::Scale => "│",
                DecisionKind::Single => "",
            };
            let pointer = if selected { "▶ " } else { "  " };
            let label = format!(
                "{pointer}{}. {mark}{}",
                i + 1,
                if mark.is_empty() { "" } else { " " }
            );
            let wrapped = hanging(&label, &clean(&option.text), width as usize);
            let style = if selected { theme.selected } else { theme.base };
            lines.extend(wrapped.lines().map(|l| Line::styled(l.to_string(), style)));
        }
        if scale {
            lines.push(Line::styled("  ▼ lower", theme.dim));
        }
        lines
    }

    fn keys(&self) -> Vec<(&'static str, &'static str)> {
        match &self.run.state().phase {
            Phase::Deciding { .. } => match self.run.asked().map(|a| a.kind) {
                Some(DecisionKind::Multiple) => vec![
                    ("↑↓", "move"),
                    ("Space", "tick"),
                    ("Enter", "submit"),
                    ("PgUp", "earlier"),
                    ("?", "help"),
                    ("q", "quit"),
                ],
                _ => vec![
                    ("↑↓", "move"),
                    ("Enter", "choose"),
                    ("1-9", "jump"),
                    ("PgUp", "earlier"),
                    ("?", "help"),
                    ("q", "quit"),
                ],
            },
            Phase::Rationale { .. } => vec![
                ("type", "your reason"),
                ("Enter", "submit"),
                ("Alt+Enter", "new line"),
                ("Esc", "leave"),
            ],
            Phase::Confidence { .. } => vec![("1-5", "how sure"), ("s", "skip"), ("q", "quit")],
            Phase::Reviewed { .. } => vec![
                ("Enter", "continue"),
                ("↑↓", "scroll"),
                ("PgUp", "earlier"),
                ("?", "help"),
                ("q", "quit"),
            ],
            _ => vec![
                ("Enter", "continue"),
                ("↑↓/PgUp", "scroll"),
                ("?", "help"),
                ("q", "quit"),
            ],
        }
    }
}

/// What the trainee answered, in words, for the timeline.
fn describe(scenario: &Scenario, step: &str, response: &Response) -> String {
    scenario
        .decision(step)
        .map(|d| clean(&response.describe(d)))
        .unwrap_or_default()
}

/// The answer beside the officers' action and the finding, as lines.
pub fn feedback_lines(item: &Item, theme: &Theme) -> Vec<Line<'static>> {
    let label = |name: &'static str| Span::styled(name, theme.heading);
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!("{} ", verdict_symbol(item.verdict)),
            theme.verdict(item.verdict),
        ),
        Span::styled(item.summary(), theme.verdict(item.verdict)),
    ])];
    lines.push(Line::from(vec![
        label("You: "),
        Span::raw(clean(&item.your_choice())),
    ]));
    if let Some(in_line) = item.in_line_answer() {
        lines.push(Line::from(vec![
            label("In line: "),
            Span::styled(clean(&in_line), theme.good),
        ]));
    }
    if let Some(why) = &item.why {
        lines.push(Line::from(vec![label("Why: "), Span::raw(clean(&why.text))]));
    }
    lines.push(Line::from(vec![
        label("The officers: "),
        Span::raw(clean(&item.officers_did())),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", item.basis.finding_label()), theme.heading),
        Span::raw(clean(&item.finding.text)),
    ]));
    if let Some(quote) = &item.finding.quote {
        lines.push(Line::from(vec![
            label("The source: "),
            Span::styled(format!("“{}”", clean(quote)), theme.accent),
        ]));
    }
    lines.push(Line::from(vec![
        label("Basis: "),
        Span::raw(clean(&item.basis.describe())),
    ]));
    if !item.missed.is_empty() {
        lines.push(Line::from(vec![
            label("Missed: "),
            Span::raw(clean(&item.missed.join("; "))),
        ]));
    }
    if !item.unwanted.is_empty() {
        lines.push(Line::from(vec![
            label("Not supported: "),
            Span::raw(clean(&item.unwanted.join("; "))),
        ]));
    }
    for feedback in &item.feedback {
        lines.push(Line::from(vec![
            label("Feedback: "),
            Span::raw(clean(&feedback.line())),
        ]));
    }
    if !item.finding.standards.is_empty() {
        let standards: Vec<&str> = item.finding.standards.iter().map(|s| s.label()).collect();
        lines.push(Line::from(vec![
            label("Standards touched: "),
            Span::raw(standards.join("; ")),
        ]));
    }
    lines
}
