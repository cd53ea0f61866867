//! CSV files for spreadsheets: every table Waypoint exports is written by this one rule.

/// Quotes a CSV field without control characters, and defuses text a spreadsheet would run as a formula.
fn csv_field(text: &str) -> String {
    // Control characters (NUL, ESC, …) would reach the spreadsheet as they are.
    let text = crate::domain::base::text::without_controls(text, true);
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Rows as CSV text, with a byte-order mark and formula-like cells defused.
pub fn csv(rows: Vec<Vec<String>>) -> String {
    // A byte-order mark so that spreadsheets read the UTF-8 (curly quotes, names) right.
    let mut out = String::from("\u{feff}");
    for row in rows {
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}
