//! Word documents (DOCX): the body's paragraphs, then the footnotes and endnotes.
//!
//! A DOCX is a ZIP archive; the text is in `word/document.xml`, notes in
//! `word/footnotes.xml` and `word/endnotes.xml`. Each paragraph (`w:p`) becomes a
//! paragraph of text followed by a blank line; `w:tab` is a tab and `w:br` a line
//! break. A note reference in the body becomes `[N]`, numbered in order of
//! appearance as Word shows it, and the notes follow under a "Footnotes" (or
//! "Endnotes") line as "N text" lines.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::ZipArchive;

use super::ExtractError;

const DOCUMENT: &str = "word/document.xml";

/// Whether `bytes` is a ZIP archive holding a Word document. `Err` with the reason
/// when the archive itself cannot be read.
pub(super) fn is_docx(bytes: &[u8]) -> Result<bool, String> {
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    Ok(archive.index_for_name(DOCUMENT).is_some())
}

/// Whether a ZIP that cannot be opened (a truncated download, say) still shows the
/// name of a Word document's main part in a local header.
pub(super) fn mentions_document(bytes: &[u8]) -> bool {
    bytes
        .windows(DOCUMENT.len())
        .any(|w| w == DOCUMENT.as_bytes())
}

/// Extracts the text of a DOCX. `max_bytes` caps the uncompressed bytes read from
/// the archive, so that a zip bomb cannot exhaust memory.
pub(super) fn extract_docx(
    bytes: &[u8],
    max_bytes: u64,
) -> Result<(String, Vec<String>), ExtractError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::DamagedDocx(e.to_string()))?;
    let mut budget = Budget {
        left: max_bytes,
        limit: max_bytes,
    };
    let document = read_part(&mut archive, DOCUMENT, &mut budget)?
        .ok_or_else(|| ExtractError::DamagedDocx(format!("it has no {DOCUMENT}")))?;
    let mut notes = NoteNumbers::default();
    let paragraphs = parse_body(&document, &mut notes)
        .map_err(|e| ExtractError::DamagedDocx(format!("{DOCUMENT}: {e}")))?;

    let mut text = paragraphs.join("\n\n");
    let mut notices = Vec::new();
    for (kind, part, heading) in [
        (NoteKind::Foot, "word/footnotes.xml", "Footnotes"),
        (NoteKind::End, "word/endnotes.xml", "Endnotes"),
    ] {
        // The body is what matters: damaged notes are reported, not fatal.
        let xml = match read_part(&mut archive, part, &mut budget) {
            Ok(Some(xml)) => xml,
            Ok(None) => continue,
            Err(e @ ExtractError::TooLarge { .. }) => return Err(e),
            Err(e) => {
                notices.push(format!(
                    "the {} could not be read: {e}",
                    heading.to_lowercase()
                ));
                continue;
            }
        };
        let bodies = match parse_notes(&xml) {
            Ok(bodies) => bodies,
            Err(e) => {
                notices.push(format!(
                    "the {} could not be read ({part}: {e})",
                    heading.to_lowercase()
                ));
                continue;
            }
        };
        let lines = notes.lines(kind, bodies);
        if !lines.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(heading);
            text.push_str("\n\n");
            text.push_str(&lines.join("\n"));
        }
    }
    Ok((text, notices))
}

/// What may still be uncompressed from the archive.
struct Budget {
    left: u64,
    limit: u64,
}

/// Reads one part of the archive as text, within the budget; `None` if it is absent.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<String>, ExtractError> {
    if archive.index_for_name(name).is_none() {
        return Ok(None);
    }
    let damaged = |e: &dyn std::fmt::Display| ExtractError::DamagedDocx(format!("{name}: {e}"));
    let file = archive.by_name(name).map_err(|e| damaged(&e))?;
    let declared = file.size();
    let mut data = Vec::new();
    // Read one byte past the budget to tell "exactly at the limit" from "over it";
    // the declared size is not trusted, a zip bomb can lie.
    file.take(budget.left.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| damaged(&e))?;
    let read = data.len() as u64;
    if read > budget.left {
        let used = budget.limit - budget.left;
        return Err(ExtractError::TooLarge {
            size: used.saturating_add(read.max(declared)),
            limit: budget.limit,
        });
    }
    budget.left -= read;
    // Word writes UTF-8; a BOM is allowed.
    if data.starts_with(b"\xef\xbb\xbf") {
        data.drain(..3);
    }
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| damaged(&"it is not UTF-8 text"))
}

/// Where the next piece of text goes.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    /// Open paragraphs: a text box inside a paragraph holds paragraphs of its own.
    open: Vec<String>,
}

impl Paragraphs {
    fn push_str(&mut self, s: &str) {
        if let Some(p) = self.open.last_mut() {
            p.push_str(s);
        }
    }

    fn push(&mut self, c: char) {
        if let Some(p) = self.open.last_mut() {
            p.push(c);
        }
    }

    fn close(&mut self) {
        if let Some(p) = self.open.pop() {
            let p = p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
            if !p.trim().is_empty() {
                self.done.push(p);
            }
        }
    }
}

/// A note reference in the body, and the kinds of note.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

/// Numbers note references in order of appearance, per kind, as Word displays them.
#[derive(Default)]
struct NoteNumbers {
    order: HashMap<NoteKind, Vec<String>>,
}

impl NoteNumbers {
    fn number(&mut self, kind: NoteKind, id: String) -> usize {
        let ids = self.order.entry(kind).or_default();
        match ids.iter().position(|i| *i == id) {
            Some(at) => at + 1,
            None => {
                ids.push(id);
                ids.len()
            }
        }
    }

    /// "N text" lines: referenced notes in reference order, then any others.
    fn lines(&mut self, kind: NoteKind, mut bodies: Vec<(String, String)>) -> Vec<String> {
        let mut lines = Vec::new();
        let referenced = self.order.get(&kind).cloned().unwrap_or_default();
        for id in &referenced {
            if let Some(at) = bodies.iter().position(|(i, _)| i == id) {
                let (_, body) = bodies.remove(at);
                lines.push(format!("{} {body}", lines.len() + 1));
            }
        }
        for (_, body) in bodies {
            lines.push(format!("{} {body}", lines.len() + 1));
        }
        lines
    }
}

/// Reads the events of a WordprocessingML part, keeping track of where text goes.
struct Walker {
    paragraphs: Paragraphs,
    /// Depth of `w:r` (runs): `w:tab` and `w:br` count only inside runs, because in
    /// paragraph properties `w:tab` is a tab stop, not a tab.
    in_run: u32,
    /// Depth of `w:t`, the only element whose character data is document text.
    in_text: u32,
    /// Depth of a subtree being skipped (`mc:Fallback` repeats `mc:Choice`), 0 if none.
    skipping: u32,
    /// Open elements, to tell a complete part from a truncated one.
    depth: u32,
}

impl Walker {
    fn new() -> Self {
        Walker {
            paragraphs: Paragraphs::default(),
            in_run: 0,
            in_text: 0,
            skipping: 0,
            depth: 0,
        }
    }

    /// Handles an event; `on_start` sees every start or empty tag outside skipped
    /// subtrees first and may claim it (return `true`).
    fn event(
        &mut self,
        event: &Event,
        mut on_start: impl FnMut(&mut Self, &BytesStart, bool) -> bool,
    ) -> Result<(), String> {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                if self.skipping > 0 {
                    if !empty {
                        self.depth += 1;
                        self.skipping += 1;
                    }
                    return Ok(());
                }
                if !empty {
                    self.depth += 1;
                }
                if !on_start(self, e, empty) {
                    self.start(e, empty);
                }
            }
            Event::End(e) => {
                self.depth = self.depth.saturating_sub(1);
                if self.skipping > 0 {
                    self.skipping -= 1;
                    return Ok(());
                }
                match e.name().as_ref() {
                    "w:p" => self.paragraphs.close(),
                    "w:r" => self.in_run = self.in_run.saturating_sub(1),
                    "w:t" => self.in_text = self.in_text.saturating_sub(1),
                    _ => {}
                }
            }
            Event::Text(t) if self.in_text > 0 && self.skipping == 0 => {
                self.paragraphs.push_str(&t.xml10_content());
            }
            Event::CData(t) if self.in_text > 0 && self.skipping == 0 => {
                self.paragraphs.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if self.in_text > 0 && self.skipping == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    self.paragraphs.push(c);
                } else if let Some(s) = resolve_predefined_entity(r) {
                    self.paragraphs.push_str(s);
                } else {
                    return Err(format!("unknown entity &{};", &**r));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        match e.name().as_ref() {
            "w:p" => {
                self.paragraphs.open.push(String::new());
                if empty {
                    self.paragraphs.close();
                }
            }
            "w:r" if !empty => self.in_run += 1,
            "w:t" if !empty => self.in_text += 1,
            "w:tab" | "w:ptab" if self.in_run > 0 => self.paragraphs.push('\t'),
            "w:br" | "w:cr" if self.in_run > 0 => self.paragraphs.push('\n'),
            "w:noBreakHyphen" if self.in_run > 0 => self.paragraphs.push('-'),
            "mc:Fallback" if !empty => self.skipping = 1,
            _ => {}
        }
    }
}

/// Reads a part to the end, feeding every event to `handle`.
fn walk(
    xml: &str,
    walker: &mut Walker,
    mut on_start: impl FnMut(&mut Walker, &BytesStart, bool) -> bool,
) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        if matches!(event, Event::Eof) {
            break;
        }
        walker.event(&event, &mut on_start)?;
    }
    if walker.depth > 0 {
        return Err("the XML ends early".to_owned());
    }
    Ok(())
}

fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// The body's paragraphs, with note references as `[N]`.
fn parse_body(xml: &str, notes: &mut NoteNumbers) -> Result<Vec<String>, String> {
    let mut walker = Walker::new();
    walk(xml, &mut walker, |walker, e, _| {
        let kind = match e.name().as_ref() {
            "w:footnoteReference" => NoteKind::Foot,
            "w:endnoteReference" => NoteKind::End,
            _ => return false,
        };
        if let Some(id) = attribute(e, "w:id") {
            let n = notes.number(kind, id);
            walker.paragraphs.push_str(&format!("[{n}]"));
        }
        true
    })?;
    Ok(walker.paragraphs.done)
}

/// The notes of a footnotes or endnotes part: (id, text) in document order. The
/// separator "notes" Word keeps there are skipped; a note's paragraphs are joined
/// with a space so that each note is one line.
fn parse_notes(xml: &str) -> Result<Vec<(String, String)>, String> {
    let mut walker = Walker::new();
    let mut notes: Vec<(String, usize)> = Vec::new();
    walk(xml, &mut walker, |walker, e, empty| {
        if !matches!(e.name().as_ref(), "w:footnote" | "w:endnote") {
            return false;
        }
        let typed = attribute(e, "w:type").is_some_and(|t| t != "normal");
        match attribute(e, "w:id") {
            Some(id) if !typed && !empty => notes.push((id, walker.paragraphs.done.len())),
            _ if !empty => walker.skipping = 1,
            _ => {}
        }
        true
    })?;
    let paragraphs = walker.paragraphs.done;
    let mut bodies = Vec::new();
    for (i, (id, first)) in notes.iter().enumerate() {
        let last = notes.get(i + 1).map_or(paragraphs.len(), |(_, next)| *next);
        let body = paragraphs[*first..last]
            .iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" ");
        if !body.is_empty() {
            bodies.push((id.clone(), body));
        }
    }
    Ok(bodies)
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn body(inner: &str) -> Vec<String> {
        let xml = format!("<w:document {W}><w:body>{inner}</w:body></w:document>");
        match parse_body(&xml, &mut NoteNumbers::default()) {
            Ok(paragraphs) => paragraphs,
            Err(e) => panic!("{e} in {xml}"),
        }
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        assert_eq!(
            body(
                r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
                   <w:r><w:t>Chair</w:t><w:tab/><w:t xml:space="preserve">A &amp; B&#8217;s </w:t></w:r>
                   <w:r><w:br/><w:t>next line</w:t></w:r></w:p>
                   <w:p/><w:p><w:r><w:t>second</w:t></w:r></w:p>"#
            ),
            vec!["Chair\tA & B\u{2019}s\nnext line", "second"]
        );
    }

    #[test]
    fn deleted_text_and_fallback_copies_are_skipped() {
        assert_eq!(
            body(
                r#"<w:p><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:t>kept</w:t></w:r>
                   <w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></mc:Choice>
                   <mc:Fallback><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
            ),
            vec!["box", "kept"]
        );
    }

    #[test]
    fn truncated_xml_is_an_error() {
        let xml = format!("<w:document {W}><w:body><w:p><w:r><w:t>cut");
        assert!(parse_body(&xml, &mut NoteNumbers::default()).is_err());
        let xml = format!("<w:document {W}><w:body><w:p></w:r></w:body></w:document>");
        assert!(parse_body(&xml, &mut NoteNumbers::default()).is_err());
    }

    #[test]
    fn notes_are_numbered_in_reference_order() {
        let mut notes = NoteNumbers::default();
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>a</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r>
               <w:r><w:t>b</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p></w:body></w:document>"#
        );
        assert_eq!(
            parse_body(&xml, &mut notes),
            Ok(vec!["a[1]b[2]".to_owned()])
        );
        let xml = format!(
            r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
               <w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second  note.</w:t></w:r></w:p></w:footnote>
               <w:footnote w:id="7"><w:p><w:r><w:t>First</w:t></w:r></w:p><w:p><w:r><w:t>note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
        );
        let bodies = parse_notes(&xml);
        assert_eq!(
            bodies,
            Ok(vec![
                ("3".to_owned(), "Second note.".to_owned()),
                ("7".to_owned(), "First note.".to_owned())
            ])
        );
        let lines = notes.lines(NoteKind::Foot, bodies.unwrap_or_default());
        assert_eq!(lines, vec!["1 First note.", "2 Second note."]);
    }
}
