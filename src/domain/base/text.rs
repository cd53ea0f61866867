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
