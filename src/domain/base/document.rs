//! The board's papers as plain documents: headings, paragraphs, quotes, lists and tables
//! of text, worked out here from the data and drawn by one small view. Keeping the papers
//! as data makes them testable without a browser, and one view for every paper keeps the
//! download small.

/// One table cell: its text (line breaks shown as such) and a class for flags
/// ("overdue", "soon", "flagged"), or "".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub class: &'static str,
}

/// A cell with a class.
pub fn cell(text: impl Into<String>, class: &'static str) -> Cell {
    Cell {
        text: text.into(),
        class,
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        cell(text, "")
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        cell(text, "")
    }
}

/// One part of a paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A section heading; `new_page` starts it on a new printed page.
    Heading {
        text: String,
        new_page: bool,
    },
    Para {
        text: String,
        class: &'static str,
    },
    /// The source's words.
    Quote(String),
    /// A list of warnings or notes.
    List(Vec<String>),
    /// A table whose first cell in each row heads the row.
    Table {
        caption: String,
        head: Vec<&'static str>,
        rows: Vec<Vec<Cell>>,
    },
}

/// A heading on the same page.
pub fn heading(text: impl Into<String>) -> Block {
    Block::Heading {
        text: text.into(),
        new_page: false,
    }
}

/// A paragraph.
pub fn para(text: impl Into<String>, class: &'static str) -> Block {
    Block::Para {
        text: text.into(),
        class,
    }
}

/// A table.
pub fn table(caption: impl Into<String>, head: &[&'static str], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table {
        caption: caption.into(),
        head: head.to_vec(),
        rows,
    }
}

/// Every text of a document, one a line: what a reader would read (for tests and checks).
pub fn text_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { text, .. } | Block::Para { text, .. } | Block::Quote(text) => {
                out.push_str(text);
                out.push('\n');
            }
            Block::List(items) => {
                for item in items {
                    out.push_str(item);
                    out.push('\n');
                }
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                out.push_str(caption);
                out.push('\n');
                out.push_str(&head.join(" | "));
                out.push('\n');
                for row in rows {
                    let texts: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                    out.push_str(&texts.join(" | "));
                    out.push('\n');
                }
            }
        }
    }
    out
}
