//! A connection's screen: a task that draws the trainee's screen into the SSH channel at
//! the client's own size, whenever the console moves the room on or the trainee presses a
//! key. ratatui draws into bytes (crossterm's escape sequences written to a buffer) and
//! only the cells that changed are sent.

use std::sync::{Arc, Mutex};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::ChannelId;
use russh::server::Handle;
use tokio::sync::mpsc;

use super::keys::Decoder;
use super::ssh::{ConnEvent, Shared};
use super::trainee::{Reply, TraineeScreen};

/// The alternate screen, the cursor hidden, bracketed paste on (so a paste cannot press
/// Enter), and a clear screen.
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?2004h\x1b[2J";
/// Back as the client had it.
const LEAVE: &[u8] = b"\x1b[?2004l\x1b[?25h\x1b[?1049l";

type Screen = Terminal<CrosstermBackend<Sink>>;

/// Where ratatui writes a frame: kept until the task sends it down the channel.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub async fn run(
    shared: Arc<Shared>,
    name: String,
    handle: Handle,
    channel: ChannelId,
    size: (u16, u16),
    mut events: mpsc::UnboundedReceiver<ConnEvent>,
) {
    let sink = Sink::default();
    let Ok(mut terminal) = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
        },
    ) else {
        let _ = handle.close(channel).await;
        return;
    };
    let mut changed = shared.changed.subscribe();
    let mut screen = TraineeScreen::new(&name);
    let mut decoder = Decoder::new();
    if handle.data(channel, ENTER.to_vec()).await.is_err() {
        return;
    }
    loop {
        if draw(&shared, &mut screen, &mut terminal).is_err() {
            break;
        }
        let bytes = sink.take();
        if !bytes.is_empty() && handle.data(channel, bytes).await.is_err() {
            break;
        }
        let leave = tokio::select! {
            event = events.recv() => match event {
                Some(ConnEvent::Bytes(bytes)) => keys(&shared, &mut screen, &mut decoder, &bytes),
                Some(ConnEvent::Resize(cols, rows)) => {
                    let area = Rect::new(0, 0, cols, rows);
                    terminal.resize(area).is_err()
                }
                Some(ConnEvent::Closed) | None => break,
            },
            result = changed.changed() => result.is_err(),
        };
        if leave {
            break;
        }
    }
    let _ = handle.data(channel, LEAVE.to_vec()).await;
    let _ = handle.exit_status_request(channel, 0).await;
    let _ = handle.eof(channel).await;
    let _ = handle.close(channel).await;
}

/// Hands the keys in `bytes` to the screen; true when the trainee asked to leave.
fn keys(shared: &Shared, screen: &mut TraineeScreen, decoder: &mut Decoder, bytes: &[u8]) -> bool {
    // one read is one burst of typing: the mode it starts in holds for all of it
    for action in decoder.feed(bytes, screen.typing()) {
        let shown = shared.room().shown.clone();
        match screen.handle(action, &shown) {
            Reply::None => {}
            Reply::Leave => return true,
            Reply::Answer(given) => {
                shared.room().answer(&screen.name, given);
                shared.notify();
            }
        }
    }
    false
}

fn draw(shared: &Shared, screen: &mut TraineeScreen, terminal: &mut Screen) -> std::io::Result<()> {
    let (shown, kept) = {
        let room = shared.room();
        let shown = room.shown.clone();
        let kept = shown
            .decision()
            .and_then(|(case, asked)| room.answer_of(&screen.name, case, &asked.step).cloned());
        (shown, kept)
    };
    screen.follow(&shown, kept.as_ref());
    let theme = shared.theme;
    terminal.draw(|frame| {
        let area = frame.area();
        screen.render(&shown, kept.as_ref(), area, frame.buffer_mut(), &theme);
    })?;
    Ok(())
}
