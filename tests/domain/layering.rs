//! The domain's areas are layered: an area uses only the areas before it in
//! `src/domain/mod.rs`'s list (base, checklist, workshop, improvement, records), so
//! there is no import circle between them. Read from the sources, as a reviewer would.

use std::fs;
use std::path::Path;

/// The areas, each allowed to use only those before it.
const LAYERS: [&str; 5] = ["base", "checklist", "workshop", "improvement", "records"];

/// Every `crate::domain::AREA` or `super::super::AREA` named in one area's files.
fn areas_used(area: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/domain")
        .join(area);
    for path in sources(&dir) {
        let text = fs::read_to_string(&path).expect("source");
        for (at, _) in text.match_indices("domain::") {
            let rest = &text[at + "domain::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if LAYERS.contains(&name.as_str()) && name != area {
                let file = path
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.push((file, name));
            }
        }
    }
    found
}

/// The Rust files in a folder and the folders within it.
fn sources(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("area folder") {
        let path = entry.expect("file").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn each_area_uses_only_the_areas_before_it() {
    let mut wrong = Vec::new();
    for (rank, area) in LAYERS.iter().enumerate() {
        for (file, used) in areas_used(area) {
            let used_rank = LAYERS.iter().position(|l| *l == used).unwrap();
            if used_rank > rank {
                wrong.push(format!("{area}/{file} uses {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layering: {wrong:#?}");
}

#[test]
fn the_layering_sees_the_imports() {
    // The check must find the records' use of the other areas, or it checks nothing.
    let used = areas_used("records");
    for area in ["base", "checklist", "workshop", "improvement"] {
        assert!(used.iter().any(|(_, u)| u == area), "records uses {area}");
    }
}
