//! Checking the index against the database: what it holds of each statement (a digest
//! of its index document), and the files in its folder no commit refers to.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::PathBuf;

use fnv::FnvHasher;

use super::SearchIndex;
use crate::error::{Error, Result};
use crate::store::search_rows::IndexRow;
use crate::store::Store;

/// Files of the index folder that are not segments.
const INDEX_FILES: [&str; 4] = [
    "meta.json",
    ".managed.json",
    ".tantivy-meta.lock",
    ".tantivy-writer.lock",
];

/// A statement on which the index and the database disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Difference {
    pub statement: i64,
    /// Its document, in the database (or, for one the database no longer has, in the
    /// index).
    pub document: i64,
    pub kind: DifferenceKind,
}

/// How the index and the database disagree on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DifferenceKind {
    /// In the database, not in the index.
    Missing,
    /// In the index as it was before a change the index lacks.
    Changed,
    /// In the index, no longer in the database.
    Extra,
}

/// A fingerprint of everything the index holds of a statement (FNV-1a, the same on
/// every run and build), stored with it so `check` can compare it with the database.
pub(super) fn digest(row: &IndexRow) -> u64 {
    let mut h = FnvHasher::default();
    let text = |h: &mut FnvHasher, s: Option<&str>| match s {
        Some(s) => {
            h.write_u64(s.len() as u64);
            h.write(s.as_bytes());
        }
        None => h.write_u64(u64::MAX),
    };
    let number = |h: &mut FnvHasher, n: Option<i64>| match n {
        Some(n) => {
            h.write_u8(1);
            h.write_i64(n);
        }
        None => h.write_u8(0),
    };
    for n in [row.id, row.document] {
        number(&mut h, Some(n));
    }
    for s in [Some(row.text.as_str()), Some(row.doc_kind.as_str())] {
        text(&mut h, s);
    }
    for s in [
        &row.speaker_kind,
        &row.process,
        &row.agenda_item,
        &row.speaker_label,
    ] {
        text(&mut h, s.as_deref());
    }
    for n in [
        row.speaker,
        row.region,
        row.on_behalf_of,
        row.aligned_with,
        row.session,
        row.session_number,
        row.meeting,
        row.date,
        row.source_line,
        Some(row.unofficial as i64),
        Some(row.ai_generated as i64),
    ] {
        number(&mut h, n);
    }
    let mut groups = row.groups.clone();
    groups.sort_unstable();
    number(&mut h, Some(groups.len() as i64));
    groups.iter().for_each(|g| number(&mut h, Some(*g)));
    let mut tags: Vec<_> = row.tags.iter().collect();
    tags.sort();
    number(&mut h, Some(tags.len() as i64));
    for (theme, path, stance) in tags {
        number(&mut h, Some(*theme));
        path.iter().for_each(|key| text(&mut h, Some(key)));
        text(&mut h, Some(stance));
    }
    let mut symbols: Vec<&String> = row.symbols.iter().collect();
    symbols.sort();
    number(&mut h, Some(symbols.len() as i64));
    symbols.iter().for_each(|s| text(&mut h, Some(s)));
    h.finish()
}

impl SearchIndex {
    /// The statements on which the index and the database disagree, in order: what the
    /// index holds of each (its digest) against what the database says now.
    pub fn differences(&self, store: &Store) -> Result<Vec<Difference>> {
        let mut indexed = self.digests()?;
        let mut found = Vec::new();
        let mut differ = |statement, document, kind| {
            found.push(Difference {
                statement,
                document,
                kind,
            })
        };
        // A batch of documents' rows at a time: the library's text is never all in
        // memory at once.
        for documents in store
            .document_ids()?
            .chunks(super::update::DOCUMENTS_PER_BATCH)
        {
            for row in store.index_rows(Some(documents))? {
                match indexed.remove(&row.id) {
                    None => differ(row.id, row.document, DifferenceKind::Missing),
                    Some((held, _)) if held != digest(&row) => {
                        differ(row.id, row.document, DifferenceKind::Changed)
                    }
                    Some(_) => {}
                }
            }
        }
        for (statement, (_, document)) in indexed {
            differ(statement, document, DifferenceKind::Extra);
        }
        found.sort_unstable();
        Ok(found)
    }

    /// Each indexed statement's digest and document, by statement id.
    fn digests(&self) -> Result<HashMap<i64, (u64, i64)>> {
        self.reader
            .reload()
            .map_err(self.err("reloading the index"))?;
        let searcher = self.reader.searcher();
        let mut digests = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let column = |name| fast.u64(name).map_err(self.err("reading the index"));
            let (ids, held, documents) = (column("id")?, column("digest")?, column("document")?);
            for doc in (0..segment.max_doc()).filter(|d| !segment.is_deleted(*d)) {
                if let Some(id) = ids.first(doc) {
                    let document = documents.first(doc).unwrap_or(0) as i64;
                    digests.insert(id as i64, (held.first(doc).unwrap_or(0), document));
                }
            }
        }
        Ok(digests)
    }

    /// Files in the index folder that no commit refers to: segments of a write that was
    /// interrupted, temporary files. Only while no other process holds the writer are
    /// they surely leftovers (a writer's new segments look the same until it commits).
    pub fn leftovers(&self) -> Result<Vec<PathBuf>> {
        let metas = self
            .index
            .searchable_segment_metas()
            .map_err(self.err("reading the index's segments"))?;
        let living: std::collections::HashSet<PathBuf> =
            metas.iter().flat_map(|m| m.list_files()).collect();
        let io = |source| Error::Io {
            path: self.dir.clone(),
            doing: "list the index folder",
            source,
        };
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&self.dir).map_err(io)? {
            let name = PathBuf::from(entry.map_err(io)?.file_name());
            let text = name.to_string_lossy();
            let ours = text.starts_with(".tmp") || is_segment_file(&text);
            if ours && !living.contains(&name) && !INDEX_FILES.contains(&text.as_ref()) {
                found.push(self.dir.join(name));
            }
        }
        found.sort();
        Ok(found)
    }

    /// Removes the [`SearchIndex::leftovers`] when no other process holds the writer;
    /// returns how many were removed.
    pub fn clean_leftovers(&mut self) -> Result<usize> {
        let before = self.leftovers()?.len();
        if before == 0 {
            return Ok(0);
        }
        let Some(mut writing) = self.try_lock_writer() else {
            return Ok(0);
        };
        // tantivy removes the segment files it knows it made; the rest (a temporary
        // file of a write that was killed) are ours to remove.
        let _ = writing.writer()?.garbage_collect_files().wait();
        for path in writing.leftovers()? {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(Error::Io {
                        path,
                        doing: "remove a leftover index file",
                        source,
                    })
                }
            }
        }
        Ok(before.saturating_sub(writing.leftovers()?.len()))
    }
}

/// A segment file's name: 32 hexadecimal digits, then its extension(s).
fn is_segment_file(name: &str) -> bool {
    let (stem, rest) = name.split_at(name.find('.').unwrap_or(name.len()));
    stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit()) && !rest.is_empty()
}
