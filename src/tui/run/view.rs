//! Drawing a run: the header, the timeline of what is known so far, and the pane below it
//! (the decision, the rationale box, the confidence prompt or the feedback).

use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::RunState;
use crate::engine::{Event, Phase, Response};
use crate::scenario::{Scenario, Step};
use crate::tui::theme::Palette;
use crate::tui::widgets::feedback::feedback_lines;
use crate::tui::widgets::keys_fit::{RankedKey, fit_keys};
use crate::tui::widgets::{
    clean, decision, key_bar, labelled_lines, panel, styled_lines, truncate, with_key_bar, wrapped_height,
};
use crate::wrap::width as columns;

pub struct RunView<'a> {
    pub run: &'a RunState,
    pub theme: &'a Palette,
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
            // the box is drawn here and the text area inside it, so the text area is drawn
            // as it is (keeping its own scroll position), never copied per frame
            let frame = panel(Span::styled(" Your rationale ", theme.accent), false, theme);
            let text_area = frame.inner(input);
            frame.render(input, buf);
            (&self.run.rationale).render(text_area, buf);
        } else {
            // clamped to the text, so the pane never scrolls into blank rows
            let rows = wrapped_height(&pane_text, pane.width.saturating_sub(2));
            let visible = pane.height.saturating_sub(2);
            let scroll =
                if reviewing { self.run.feedback_scroll } else { 0 }.min(rows.saturating_sub(visible));
            Paragraph::new(pane_text)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block)
                .render(pane, buf);
            crate::tui::widgets::scroll::bar(rows, visible, scroll, pane, buf);
        }
        // at narrow widths middle keys are left out whole, never cut mid-word; the step's
        // own action (first) and help and quit (last) always stay
        let keys = self.keys();
        let last_two = keys.len().saturating_sub(2);
        let ranked: Vec<RankedKey> = keys
            .iter()
            .enumerate()
            .map(|(i, &(key, what))| (key, what, u8::from(i > 0 && i < last_two)))
            .collect();
        Paragraph::new(key_bar(&fit_keys(&ranked, bar.width), theme)).render(bar, buf);
    }
}

impl RunView<'_> {
    fn header(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let run = self.run;
        let mut status: Vec<Span> = Vec::new();
        // the decision stays named, with its number, while its rationale, confidence and
        // feedback are asked or shown
        let phase = &run.state().phase;
        let decision = phase.step().and_then(|step| run.scenario().decision(step));
        let progress = run.progress();
        let place = match (&run.drill_label, decision) {
            // a drill's label is the title, and already says which decision this is
            (Some(_), _) => String::new(),
            (None, Some(_)) => progress.label(),
            (None, None) if progress.total == 0 => String::new(),
            (None, None) => {
                let about = if progress.exact { "" } else { "about " };
                let noun = if progress.total == 1 {
                    "decision"
                } else {
                    "decisions"
                };
                format!("{} of {about}{} {noun} made", progress.position, progress.total)
            }
        };
        if !place.is_empty() {
            status.push(Span::styled(place, theme.heading));
        }
        let role = decision.map(|d| {
            let role = run.scenario().role_at(d);
            Span::styled(
                format!(" · {}", crate::scenario::role_phrase(role, d.role_assumed)),
                theme.dim,
            )
        });
        let mode = run.state().settings.mode.label();
        let mode = Span::styled(format!(" · {mode}"), theme.dim);
        let clock = run.remaining(self.now).map(|left| {
            let style = if left <= 10 { theme.warning } else { theme.accent };
            let paused = if run.is_paused() { " (paused)" } else { "" };
            Span::styled(format!(" · ⏱ {left} s left{paused}"), style)
        });
        // on a narrow terminal the role goes first, then the mode, so the place and the
        // clock always show with room for the start of the title
        let width = |spans: &[&Span]| spans.iter().map(|s| columns(&s.content)).sum::<usize>();
        let fits = |spans: &[&Span]| width(spans) + 12 <= area.width as usize;
        let all: Vec<&Span> = status.iter().chain(&role).chain([&mode]).chain(&clock).collect();
        let no_role: Vec<&Span> = status.iter().chain([&mode]).chain(&clock).collect();
        let (keep_role, keep_mode) = if fits(&all) {
            (true, true)
        } else {
            (false, fits(&no_role))
        };
        if keep_role {
            status.extend(role);
        }
        if keep_mode {
            status.push(mode);
        }
        status.extend(clock);
        // each part after the first is led by " · "; a drill has no place, so its first
        // part is the role (or the mode) and loses the separator
        if let Some(first) = status.first_mut()
            && let Some(rest) = first.content.strip_prefix(" · ")
        {
            first.content = rest.to_string().into();
        }
        let status_width: usize = status.iter().map(|s| columns(&s.content)).sum();
        let room = (area.width as usize).saturating_sub(status_width + 2);
        let title = truncate(&clean(run.header_title()), room);
        let pad = (area.width as usize).saturating_sub(status_width + columns(&title));
        let mut spans = vec![Span::styled(title, theme.title), Span::raw(" ".repeat(pad))];
        spans.extend(status);
        Paragraph::new(Line::from(spans)).render(area, buf);
    }

    /// The in-story timeline: the briefing, each narrative step, and each answered decision.
    fn timeline(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let run = self.run;
        let text = Text::from(self.timeline_lines());
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
        crate::tui::widgets::scroll::bar(total, visible, offset, area, buf);
    }

    /// What is known so far: the briefing (or a drill's context), each narrative step
    /// reached, and each answered decision.
    fn timeline_lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let run = self.run;
        let mut lines: Vec<Line<'static>> = Vec::new();
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
            let Some(step) = run.scenario().step_index(id).map(|i| &run.scenario().steps[i]) else {
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
                            lines.extend(labelled_lines("Why: ", theme.accent, r));
                        }
                    }
                }
            }
        }
        lines
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
                    // a drill's header already names the decision by its place in the case
                    let title = match run.drill_label {
                        Some(_) => format!(" {} · {} ", asked.ndm.label(), asked.kind.label()),
                        None => format!(
                            " Decision {} · {} · {} ",
                            run.progress().position,
                            asked.ndm.label(),
                            asked.kind.label()
                        ),
                    };
                    lines.extend(styled_lines(&asked.prompt, theme.heading));
                    lines.push(Line::from(""));
                    lines.extend(decision::option_lines(asked, self.run.cursor, width, theme));
                    return (Line::styled(title, theme.heading), Text::from(lines));
                }
                Event::RationaleAsked { required, .. } => {
                    let ask = if *required {
                        "Why did you choose that? Required here: type your reason, then Enter."
                    } else {
                        "Why did you choose that? Optional: type your reason, or Enter to skip."
                    };
                    lines.push(Line::styled(ask, theme.heading));
                    if run.can_go_back(self.now) {
                        lines.push(Line::styled("Esc goes back to change your choice.", theme.dim));
                    }
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

    fn keys(&self) -> Vec<(&'static str, &'static str)> {
        match &self.run.state().phase {
            Phase::Deciding { .. } if self.run.confirm_empty => {
                vec![
                    ("y", "submit with nothing ticked"),
                    ("any other key", "keep ticking"),
                ]
            }
            Phase::Deciding { .. } => match self.run.asked() {
                Some(asked) => decision::keys(asked.kind),
                None => vec![("?", "help"), ("q", "quit")],
            },
            Phase::Rationale { .. } => {
                let mut keys = vec![("Enter", "submit"), ("Ctrl+J", "new line"), ("Ctrl+E", "editor")];
                if self.run.can_go_back(self.now) {
                    keys.push(("Esc", "back"));
                }
                keys.extend([("F1", "help"), ("Ctrl+Q", "quit")]);
                keys
            }
            Phase::Confidence { .. } => {
                let mut keys = vec![("1-5", "how sure"), ("s", "skip")];
                if self.run.can_go_back(self.now) {
                    keys.push(("Esc", "back"));
                }
                keys.extend([("?", "help"), ("q", "quit")]);
                keys
            }
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
