//! A trainee's keys arrive as the raw bytes their terminal sends over the channel, with no
//! crossterm to read them. This decoder turns those bytes into the crossterm key events the
//! rest of the program already maps (`tui::keys::action_for`), so a trainee's keys mean
//! what they mean in the self-paced player. Pure: bytes in, actions out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::keys::{Action, action_for, paste_action};

const ESC: u8 = 0x1b;
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";
/// A paste longer than this is cut: a rationale is a few sentences, not a document.
const MAX_PASTE: usize = 64 * 1024;

#[derive(Debug, Default)]
pub struct Decoder {
    /// Bytes of a sequence or character cut off at the end of the last read.
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

impl Decoder {
    pub fn new() -> Self {
        Decoder::default()
    }

    /// Decodes `bytes` (what one read brought); `typing` as for `action_for`. A sequence cut
    /// off at the end waits for the next read, except a lone Esc, which is the Esc key.
    pub fn feed(&mut self, bytes: &[u8], typing: bool) -> Vec<Action> {
        let mut input = std::mem::take(&mut self.pending);
        input.extend_from_slice(bytes);
        let mut actions = Vec::new();
        let mut at = 0;
        while at < input.len() {
            let rest = &input[at..];
            if let Some(paste) = self.paste.as_mut() {
                match find(rest, PASTE_END) {
                    Some(end) => {
                        take_up_to(paste, &rest[..end]);
                        let text = String::from_utf8_lossy(paste).into_owned();
                        self.paste = None;
                        actions.push(paste_action(&text));
                        at += end + PASTE_END.len();
                    }
                    None => {
                        // keep a possible start of the end marker for the next read
                        let keep = partial_suffix(rest, PASTE_END);
                        take_up_to(paste, &rest[..rest.len() - keep]);
                        self.pending = rest[rest.len() - keep..].to_vec();
                        return actions;
                    }
                }
                continue;
            }
            if rest.starts_with(PASTE_START) {
                self.paste = Some(Vec::new());
                at += PASTE_START.len();
                continue;
            }
            match decode_one(rest) {
                Decoded::Key(key, used) => {
                    at += used;
                    if let Some(action) = action_for(key, typing) {
                        actions.push(action);
                    }
                }
                Decoded::Skip(used) => at += used,
                Decoded::Incomplete => {
                    self.pending = rest.to_vec();
                    break;
                }
            }
        }
        actions
    }
}

enum Decoded {
    Key(KeyEvent, usize),
    /// Bytes that mean no key (an unknown sequence, invalid UTF-8).
    Skip(usize),
    Incomplete,
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn decode_one(bytes: &[u8]) -> Decoded {
    let Some(&first) = bytes.first() else {
        return Decoded::Incomplete;
    };
    match first {
        ESC => escape(bytes),
        // in raw mode Enter sends CR and Ctrl+J sends LF (a new line in the rationale); a
        // client that sends CR LF for Enter gets one Enter
        b'\r' => Decoded::Key(key(KeyCode::Enter), 1 + usize::from(bytes.get(1) == Some(&b'\n'))),
        0x7f | 0x08 => Decoded::Key(key(KeyCode::Backspace), 1),
        b'\t' => Decoded::Key(key(KeyCode::Tab), 1),
        0x00 => Decoded::Key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        // Ctrl+A … Ctrl+Z (Ctrl+C among them: action_for makes it ForceQuit)
        0x01..=0x1a => Decoded::Key(
            KeyEvent::new(KeyCode::Char((b'a' + first - 1) as char), KeyModifiers::CONTROL),
            1,
        ),
        0x1c..=0x1f => Decoded::Skip(1),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Decoded {
    let width = match bytes[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Decoded::Skip(1),
    };
    if bytes.len() < width {
        // a character split across two reads, unless what came is already wrong
        return if bytes[1..].iter().all(|b| b & 0xc0 == 0x80) {
            Decoded::Incomplete
        } else {
            Decoded::Skip(1)
        };
    }
    match std::str::from_utf8(&bytes[..width])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            // crossterm reports capitals with Shift; action_for reads the char itself
            Decoded::Key(key(KeyCode::Char(c)), width)
        }
        None => Decoded::Skip(1),
    }
}

/// Esc alone, Alt+key (Esc then the key), or a CSI / SS3 sequence.
fn escape(bytes: &[u8]) -> Decoded {
    match bytes.get(1) {
        None => Decoded::Key(key(KeyCode::Esc), 1),
        Some(b'[') => csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Decoded::Incomplete,
            Some(&b) => match final_key(b) {
                Some(code) => Decoded::Key(key(code), 3),
                None => Decoded::Skip(3),
            },
        },
        Some(&ESC) => Decoded::Key(key(KeyCode::Esc), 1),
        Some(_) => match decode_one(&bytes[1..]) {
            Decoded::Key(mut k, used) => {
                k.modifiers |= KeyModifiers::ALT;
                Decoded::Key(k, used + 1)
            }
            Decoded::Skip(used) => Decoded::Skip(used + 1),
            Decoded::Incomplete => Decoded::Incomplete,
        },
    }
}

/// `ESC [` parameters, then one final byte (0x40–0x7e).
fn csi(bytes: &[u8]) -> Decoded {
    let Some(end) = bytes.iter().skip(2).position(|b| (0x40..=0x7e).contains(b)) else {
        // a sequence this long with no end is noise, not a key still arriving
        return if bytes.len() > 16 {
            Decoded::Skip(bytes.len())
        } else {
            Decoded::Incomplete
        };
    };
    let end = end + 2;
    let params = &bytes[2..end];
    let used = end + 1;
    let mut numbers = params
        .split(|b| *b == b';')
        .map(|p| std::str::from_utf8(p).ok().and_then(|s| s.parse::<u32>().ok()));
    let first = numbers.next().flatten();
    // xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4)
    let modifiers = match numbers.next().flatten() {
        Some(m) if m > 1 => {
            let bits = m - 1;
            let mut mods = KeyModifiers::NONE;
            if bits & 1 != 0 {
                mods |= KeyModifiers::SHIFT;
            }
            if bits & 2 != 0 {
                mods |= KeyModifiers::ALT;
            }
            if bits & 4 != 0 {
                mods |= KeyModifiers::CONTROL;
            }
            mods
        }
        _ => KeyModifiers::NONE,
    };
    let code = match bytes[end] {
        b'~' => match first {
            Some(1 | 7) => Some(KeyCode::Home),
            Some(4 | 8) => Some(KeyCode::End),
            Some(3) => Some(KeyCode::Delete),
            Some(5) => Some(KeyCode::PageUp),
            Some(6) => Some(KeyCode::PageDown),
            Some(11) => Some(KeyCode::F(1)),
            _ => None,
        },
        b'Z' => Some(KeyCode::BackTab),
        b => final_key(b),
    };
    match code {
        Some(code) => Decoded::Key(KeyEvent::new(code, modifiers), used),
        None => Decoded::Skip(used),
    }
}

fn final_key(b: u8) -> Option<KeyCode> {
    Some(match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        _ => return None,
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes at the end of `bytes` could be the start of `marker`.
fn partial_suffix(bytes: &[u8], marker: &[u8]) -> usize {
    (1..marker.len())
        .rev()
        .find(|&n| bytes.len() >= n && bytes[bytes.len() - n..] == marker[..n])
        .unwrap_or(0)
}

fn take_up_to(paste: &mut Vec<u8>, more: &[u8]) {
    let room = MAX_PASTE.saturating_sub(paste.len());
    paste.extend_from_slice(&more[..more.len().min(room)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{Key, NEW_LINE, TextKey};

    fn feed(bytes: &[u8], typing: bool) -> Vec<Action> {
        Decoder::new().feed(bytes, typing)
    }

    fn text(c: char) -> Action {
        Action::Text(TextKey {
            key: Key::Char(c),
            ctrl: false,
            alt: false,
            shift: false,
        })
    }

    #[test]
    fn arrows_in_both_cursor_modes() {
        assert_eq!(
            feed(b"\x1b[A\x1b[B\x1bOC\x1bOD", false),
            [Action::Up, Action::Down, Action::Right, Action::Left]
        );
    }

    #[test]
    fn enter_backspace_esc_and_ctrl_c() {
        assert_eq!(feed(b"\r", false), [Action::Enter]);
        assert_eq!(feed(b"\r\n", false), [Action::Enter], "CR LF is one Enter");
        assert_eq!(feed(b"\x1b", false), [Action::Back]);
        assert_eq!(feed(b"\x03", true), [Action::ForceQuit]);
        assert!(matches!(
            feed(b"\x7f", true).as_slice(),
            [Action::Text(TextKey {
                key: Key::Backspace,
                ..
            })]
        ));
        assert_eq!(
            feed(b"\x0a", true),
            [Action::Text(NEW_LINE)],
            "Ctrl+J is a new line"
        );
    }

    #[test]
    fn letters_are_commands_or_text() {
        assert_eq!(feed(b"q", false), [Action::Quit]);
        assert_eq!(feed(b"q", true), [text('q')]);
        assert_eq!(feed(b"2", false), [Action::Char('2')]);
    }

    #[test]
    fn utf8_split_across_reads_is_one_character() {
        let mut decoder = Decoder::new();
        let bytes = "é".as_bytes();
        assert!(decoder.feed(&bytes[..1], true).is_empty());
        assert_eq!(decoder.feed(&bytes[1..], true), [text('é')]);
        assert_eq!(feed("日本".as_bytes(), true), [text('日'), text('本')]);
    }

    #[test]
    fn a_bracketed_paste_is_one_action_and_presses_no_keys() {
        assert_eq!(
            feed(b"\x1b[200~one\r\ntwo\rq\x1b[201~", false),
            [Action::Paste("one\ntwo\nq".into())]
        );
        let mut decoder = Decoder::new();
        assert!(decoder.feed(b"\x1b[200~half", true).is_empty());
        assert!(decoder.feed(b" and\x1b[20", true).is_empty());
        assert_eq!(
            decoder.feed(b"1~\r", true),
            [Action::Paste("half and".into()), Action::Enter]
        );
    }

    #[test]
    fn a_sequence_cut_between_reads_waits_for_its_end() {
        let mut decoder = Decoder::new();
        assert!(decoder.feed(b"\x1b[", false).is_empty());
        assert_eq!(decoder.feed(b"B", false), [Action::Down]);
    }

    #[test]
    fn unknown_sequences_and_bad_bytes_press_nothing() {
        assert!(feed(b"\x1b[99~", false).is_empty());
        assert_eq!(feed(b"\xff\x1b[A", false), [Action::Up]);
        assert_eq!(
            feed(b"\x1b[5~\x1b[6~\x1b[Z", false),
            [Action::PageUp, Action::PageDown, Action::BackTab]
        );
    }
}
