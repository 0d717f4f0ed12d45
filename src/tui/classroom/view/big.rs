//! Big letters for the back of the room (tui-big-text's 8×8 font): a text is drawn big
//! only when every line fits whole in the space given, else the caller draws it as normal
//! text. A big title cut mid-glyph would be worse than a small one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// Rows one line of big text takes in every size tried here.
const ROWS: u16 = 4;

/// A text laid out in big letters: its lines, the glyph size, the rows it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Big {
    lines: Vec<String>,
    size: PixelSize,
    pub rows: u16,
}

/// Columns one glyph takes: half-height glyphs are the shape of the font (8 columns,
/// 4 rows: about square on a terminal); quadrants are half as wide, for longer text.
fn columns(size: PixelSize) -> u16 {
    match size {
        PixelSize::HalfHeight => 8,
        _ => 4,
    }
}

/// `text` in big letters within `width` columns and `rows` rows, the larger glyphs first;
/// None when it does not fit, or has a character the font cannot draw.
pub fn fit(text: &str, width: u16, rows: u16) -> Option<Big> {
    let text = drawable(text)?;
    [PixelSize::HalfHeight, PixelSize::Quadrant]
        .into_iter()
        .find_map(|size| {
            let per_line = usize::from(width / columns(size));
            if per_line == 0 {
                return None;
            }
            let options = textwrap::Options::new(per_line).break_words(false);
            let lines: Vec<String> = textwrap::wrap(&text, options)
                .into_iter()
                .map(|l| l.trim_end().to_string())
                .collect();
            let fits = lines.iter().all(|l| l.len() <= per_line);
            let needed = ROWS.saturating_mul(u16::try_from(lines.len()).unwrap_or(u16::MAX));
            (fits && !lines.is_empty() && needed <= rows).then_some(Big {
                lines,
                size,
                rows: needed,
            })
        })
}

impl Big {
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style, alignment: Alignment) {
        BigText::builder()
            .pixel_size(self.size)
            .lines(
                self.lines
                    .iter()
                    .map(|l| Line::from(l.clone()))
                    .collect::<Vec<_>>(),
            )
            .style(style)
            .alignment(alignment)
            .build()
            .render(area, buf);
    }
}

/// The text with typographic punctuation made plain, if the font has every character;
/// the font is plain ASCII, and a missing glyph would draw as a gap.
fn drawable(text: &str) -> Option<String> {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    plain
        .chars()
        .all(|c| c == ' ' || c.is_ascii_graphic())
        .then_some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_takes_the_larger_glyphs() {
        let big = fit("7 of 12", 80, 8).expect("fits");
        assert_eq!(big.size, PixelSize::HalfHeight);
        assert_eq!(big.rows, 4);
    }

    #[test]
    fn a_longer_text_wraps_and_narrows_before_it_gives_up() {
        let big = fit("Contact with a vulnerable man", 64, 8).expect("fits in quadrants");
        assert_eq!(big.size, PixelSize::Quadrant);
        assert_eq!(big.rows, 8);
        assert_eq!(fit("Contact with a vulnerable man", 64, 4), None);
    }

    #[test]
    fn a_word_too_long_or_a_glyph_the_font_lacks_falls_back() {
        assert_eq!(fit("Unaccountability", 40, 40), None);
        assert_eq!(fit("✓ 7", 80, 8), None);
        assert!(fit("Officers’ choice — 7", 160, 8).is_some());
    }
}
