//! The baseline for the start-up benchmark: a bare ratatui program that draws one frame
//! and exits. `lessons --exit-after-first-frame` is compared against it.

use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal.draw(|frame| {
        frame.render_widget(Paragraph::new("hello").block(Block::bordered()), frame.area());
    });
    ratatui::restore();
    result.map(|_| ())
}
