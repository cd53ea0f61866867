//! Item ids: short, URL-safe text, so that every item kept can be opened by its link.
//!
//! Ids made in this browser always qualify; ids arriving in files are checked, and any
//! that would not make a working link are re-issued (with every reference to them).

/// The longest id kept.
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` can name an item: 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A number in base 36 (digits and lower-case letters): short, and safe in any link.
pub fn base36(mut value: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A stable id for a record made from a name or an old id: the same text gives the same
/// id in every browser, so two older files naming the same school agree on it.
pub fn derived_id(prefix: &str, seed: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let base = format!("{prefix}{}", base36(hash));
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
