//! Preparing a file for the store: its bytes → text → a parsed document with every
//! name resolved and every automatic tag computed. Nothing here touches the library,
//! so a file that fails leaves it as it was, and the rules are testable on data alone.

use std::path::Path;

use chrono::NaiveDate;

use super::{ImportOptions, ImportOutcome, ImportStatus};
use crate::error::{Error, Result};
use crate::extract::{self, Extracted};
use crate::formats::{self, general_debate, ParsedDocument, SourceType};
use crate::gazetteer::{Resolution, Resolver};
use crate::store::documents::{DocumentRecord, WriteOutcome};
use crate::themes::{AutoTag, Tagger};

/// A file to prepare.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub path: &'a Path,
    pub bytes: &'a [u8],
    /// The process a person set for this file's document, if any (tags depend on it).
    pub corrected_process: Option<&'a str>,
}

/// A document ready to be written: parsed, its names resolved, its tags computed.
#[derive(Debug)]
pub struct Prepared {
    pub parsed: ParsedDocument,
    pub source_type: SourceType,
    /// The container the text came from ("pdf", "html", …).
    pub container: String,
    /// What extraction and parsing want the user to know.
    pub notices: Vec<String>,
    /// ISO 8601 date (or year, for sources that give only a year).
    pub date: Option<String>,
    /// `(speaker, on behalf of, aligned with)` actor ids, one per statement.
    pub statement_actors: Vec<[Option<i64>; 3]>,
    pub co_speakers: Vec<Vec<i64>>,
    pub speaker_list_actors: Vec<Option<i64>>,
    pub auto_tags: Vec<Vec<AutoTag>>,
}

/// Extracts, detects, parses and resolves one file.
pub fn prepare(
    input: &Input,
    resolver: &Resolver,
    tagger: &Tagger,
    options: &ImportOptions,
) -> Result<Prepared> {
    let path = input.path;
    let extracted =
        extract::extract(path, input.bytes, &options.limits).map_err(|source| Error::Extract {
            path: path.to_path_buf(),
            source,
        })?;
    let file_name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let source_type = match options.source_type {
        Some(t) => t,
        None => detect(&extracted.text, file_name, path)?,
    };
    let parsed = parse(source_type, &extracted, file_name, path, resolver)?;
    let process =
        input
            .corrected_process
            .or(parsed.sitting.process.as_ref().map(|(key, _)| key.as_str()));
    let auto_tags = parsed
        .statements
        .iter()
        .map(|s| tagger.tag(&s.text, process))
        .collect();
    let mut notices = extracted.notices;
    notices.extend(parsed.notices.iter().cloned());
    Ok(Prepared {
        date: date(&parsed, source_type, file_name),
        statement_actors: statement_actors(&parsed, resolver),
        co_speakers: co_speakers(&parsed, resolver),
        speaker_list_actors: speaker_list_actors(&parsed, resolver),
        auto_tags,
        notices,
        container: extracted.container.as_str().to_string(),
        source_type,
        parsed,
    })
}

/// Which source family the text is, or an error listing the families.
fn detect(text: &str, file_name: &str, path: &Path) -> Result<SourceType> {
    formats::detect(text, file_name).ok_or_else(|| Error::UnknownSourceType {
        path: path.to_path_buf(),
        known: SourceType::ALL
            .iter()
            .map(|t| format!("{} ({})", t.as_str(), t.describe()))
            .collect::<Vec<_>>()
            .join("; "),
    })
}

/// Parses the text; the container's title and web address fill what the text lacks.
fn parse(
    source_type: SourceType,
    extracted: &Extracted,
    file_name: &str,
    path: &Path,
    resolver: &Resolver,
) -> Result<ParsedDocument> {
    let mut parsed =
        formats::parse(source_type, &extracted.text, file_name, resolver).map_err(|e| {
            Error::Parse {
                path: path.to_path_buf(),
                line: e.line,
                message: e.message,
                source_type: source_type.as_str(),
            }
        })?;
    if parsed.source_url.is_none() {
        parsed.source_url = extracted.source_url.clone();
    }
    if parsed.title.starts_with("Untitled") {
        if let Some(title) = &extracted.title {
            parsed.title = title.clone();
        }
    }
    Ok(parsed)
}

/// The actor a name resolves to, if exactly one, as of the record's date (a former
/// State speaks only in its time).
fn actor(resolver: &Resolver, name: Option<&str>, date: Option<NaiveDate>) -> Option<i64> {
    name.and_then(|n| match resolver.resolve_on(n, date) {
        Resolution::Known { actor_id, .. } => Some(actor_id),
        Resolution::Unknown { .. } => None,
    })
}

fn statement_actors(parsed: &ParsedDocument, resolver: &Resolver) -> Vec<[Option<i64>; 3]> {
    let id = |name: &Option<String>| actor(resolver, name.as_deref(), parsed.date);
    let statements = parsed.statements.iter();
    statements
        .map(|s| {
            [
                id(&s.speaker.name),
                id(&s.on_behalf_of),
                id(&s.aligned_with),
            ]
        })
        .collect()
}

fn co_speakers(parsed: &ParsedDocument, resolver: &Resolver) -> Vec<Vec<i64>> {
    let resolved = |names: &[String]| {
        let ids = names
            .iter()
            .filter_map(|n| actor(resolver, Some(n), parsed.date));
        ids.collect()
    };
    parsed
        .statements
        .iter()
        .map(|s| resolved(&s.co_speakers))
        .collect()
}

fn speaker_list_actors(parsed: &ParsedDocument, resolver: &Resolver) -> Vec<Option<i64>> {
    let entries = parsed.speaker_list.iter();
    entries
        .map(|e| {
            let name = e.name.as_deref().or(Some(e.label.as_str()));
            actor(resolver, name, parsed.date)
        })
        .collect()
}

/// The document's date; a General Debate speech gives only its year, in the file name.
fn date(parsed: &ParsedDocument, source_type: SourceType, file_name: &str) -> Option<String> {
    parsed.date.map(|d| d.to_string()).or_else(|| {
        let speech = source_type == SourceType::GeneralDebate;
        let parts = speech
            .then(|| general_debate::file_name_parts(file_name))
            .flatten();
        parts.map(|(_, _, year)| year.to_string())
    })
}

impl Prepared {
    /// The record the store writes, for a file of these bytes at `source_path`. The
    /// resolved ids and tags move into it (the outcome needs only the parsed document).
    pub fn record<'a>(
        &'a mut self,
        content_hash: &'a str,
        source_path: &'a str,
    ) -> DocumentRecord<'a> {
        DocumentRecord {
            parsed: &self.parsed,
            content_hash,
            source_path,
            container: &self.container,
            notices: &self.notices,
            date: std::mem::take(&mut self.date),
            statement_actors: std::mem::take(&mut self.statement_actors),
            co_speakers: std::mem::take(&mut self.co_speakers),
            speaker_list_actors: std::mem::take(&mut self.speaker_list_actors),
            auto_tags: std::mem::take(&mut self.auto_tags),
        }
    }

    /// The most frequent speakers (names, else labels), at most three.
    fn top_speakers(&self) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for s in &self.parsed.statements {
            let Some(name) = s.speaker.name.clone().or_else(|| s.speaker.label.clone()) else {
                continue;
            };
            match counts.iter_mut().find(|(n, _)| *n == name) {
                Some((_, c)) => *c += 1,
                None => counts.push((name, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts.into_iter().take(3).map(|(n, _)| n).collect()
    }

    /// What importing it did, once written (replacing `replaces`, if any).
    pub fn outcome(
        self,
        path: &Path,
        replaces: Option<i64>,
        written: WriteOutcome,
    ) -> ImportOutcome {
        let status = match replaces {
            Some(old) => ImportStatus::Replaced {
                replaced: old,
                carried: written.carried,
                lost: written.lost,
            },
            None => ImportStatus::Imported,
        };
        ImportOutcome {
            path: path.to_path_buf(),
            status,
            document: written.document_id,
            source_type: Some(self.source_type),
            statements: self.parsed.statements.len() as i64,
            to_review: written.to_review,
            top_speakers: self.top_speakers(),
            notices: self.notices,
        }
    }
}
