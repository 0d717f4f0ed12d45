//! Drawing shared by every screen: panels and dialogs, text helpers, an answer's feedback,
//! and the one place that draws each kind of decision. Screens import these, never each other.

pub mod decision;
pub mod feedback;
pub mod keys_fit;
pub mod panel;
pub mod rationale;
pub mod scroll;
pub mod text;

pub use panel::{
    MIN_HEIGHT, MIN_WIDTH, centered, is_too_small, key_bar, modal, panel, render_too_small, with_key_bar,
};
pub use text::{clean, labelled_lines, styled_lines, truncate, wrapped_height};
