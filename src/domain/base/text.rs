//! Limits on user text, so that one pasted document cannot fill the browser's storage.

/// The longest school, scope or assessor name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest evidence note kept, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// The longest fragment Waypoint makes or opens; beyond it, share the file.
pub const MAX_LINK_LENGTH: usize = 64_000;

/// Cuts text to at most `max` characters without splitting a character.
pub fn clamp_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].to_string(),
        None => text.to_string(),
    }
}

/// The text with control characters (NUL, VT, ESC, DEL, the C1 block, …) taken out, for
/// everything written to a file another program reads (.ics, CSV, file names). Line
/// breaks and tabs are kept where `keep_breaks` is set: the file's own escaping handles
/// them. A stray carriage return becomes a line break.
pub fn without_controls(text: &str, keep_breaks: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' if keep_breaks => Some(c),
            '\r' if keep_breaks => Some('\n'),
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            // Bidirectional overrides and isolates, which can make a name read backwards.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Whether a name is blank once spaces (of any kind) are taken away.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c.is_control())
}
