//! The facade: the one API that every front-end calls.
//!
//! API boundary: the CLI and the desktop shell hold no SQL, no index and no parsing;
//! they open a [`Library`] and call its methods.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::compare::Position;
use crate::error::{Error, Result};
use crate::gazetteer::{self, ActorKind, GazetteerFile, Resolution, Resolver};
use crate::import::{self, ImportOptions, ImportOutcome, ImportStatus, Progress};
use crate::index::search::{QueryContext, RawResults, SearchRequest};
use crate::index::{self as search_index, Health, SearchIndex};
use crate::store::corrections::{DocumentEdit, Process};
use crate::store::documents::{DocumentRow, SpeakerEntryRow, StatementFilter, StatementRow};
use crate::store::positions::PositionFilter;
use crate::store::search_rows::FacetNames;
use crate::store::themes::{NewTag, TagRow, ThemeRow};
use crate::store::{self, actors::Actor, actors::GAZETTEER_HASH, Store};
use crate::themes::{self, Codebook, Stance, Tagger};

/// The environment variable that names the library directory.
pub const LIBRARY_ENV: &str = "PLENARY_LIBRARY";

/// An open Plenary library: a directory holding `library.sqlite3` (the source of
/// truth) and the indexes derived from it.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    store: Store,
    resolver: Resolver,
    index: SearchIndex,
    /// Acronym (lower case) → expansion, from the codebook.
    acronyms: HashMap<String, String>,
    /// What happened to the index when the library was opened, if anything.
    index_repair: Option<String>,
    /// Facet names, with the library generation they were read at.
    names: std::sync::Mutex<Option<(u64, std::sync::Arc<FacetNames>)>>,
    /// The codebook in use and its compiled matcher.
    codebook: Codebook,
    tagger: Tagger,
}

/// Progress of long work: what, how far, out of how much.
pub type ProgressFn<'a> = &'a mut dyn FnMut(&str, usize, usize);

/// A summary of an open library.
#[derive(Debug, Clone, Serialize)]
pub struct LibraryStatus {
    pub dir: PathBuf,
    pub database: PathBuf,
    pub schema_version: i64,
    pub actors: usize,
    pub documents: u64,
    pub statements: u64,
}

impl Library {
    /// The default library directory: `PLENARY_LIBRARY` if set, else the OS data
    /// directory (`~/.local/share/plenary` on Linux).
    pub fn default_dir() -> Result<PathBuf> {
        if let Some(dir) = std::env::var_os(LIBRARY_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        dirs::data_dir()
            .map(|d| d.join("plenary"))
            .ok_or_else(|| Error::LibraryDir {
                path: PathBuf::from("~/.local/share/plenary"),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the OS data directory is unknown (is HOME set?)",
                ),
            })
    }

    /// Opens the library in `dir`, creating the directory and the database if needed,
    /// migrating an older schema, and loading the shipped gazetteer when it changed.
    pub fn open(dir: impl AsRef<Path>) -> Result<Library> {
        Library::open_with_progress(dir, &mut |_, _, _| {})
    }

    /// Like [`Library::open`], reporting progress when the search index has to be
    /// rebuilt (missing, stale after an interrupted import, or damaged).
    pub fn open_with_progress(dir: impl AsRef<Path>, progress: ProgressFn) -> Result<Library> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|source| Error::LibraryDir {
            path: dir.clone(),
            source,
        })?;
        if !dir.is_dir() {
            return Err(Error::LibraryDir {
                path: dir,
                source: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a directory"),
            });
        }
        let mut store = Store::open(&dir.join(store::DB_FILE))?;
        // The gazetteer and its translations: a change to either reloads it.
        let hash = hex_sha256(gazetteer::BUILTIN_SOURCES.join("\0").as_bytes());
        if store.meta(GAZETTEER_HASH)?.as_deref() != Some(hash.as_str()) {
            let file = GazetteerFile::builtin()?;
            store.sync_gazetteer(&file, &hash)?;
        }
        let resolver = Resolver::new(store.resolver_actors()?, store.aliases()?);
        // The codebook: the user's if they imported one, else the shipped one. When it
        // changed (a new Plenary, an edit), the automatic tags are recomputed.
        let text = match store.codebook_text()? {
            Some(text) if store.meta(CODEBOOK_ORIGIN)?.as_deref() == Some("user") => text,
            _ => themes::codebook::BUILTIN.to_string(),
        };
        let codebook = Codebook::parse(themes::codebook::BUILTIN_NAME, &text)?;
        let tagger = Tagger::new(&codebook);
        let hash = hex_sha256(text.as_bytes());
        if store.meta(CODEBOOK_HASH)?.as_deref() != Some(hash.as_str()) {
            store.sync_codebook(&codebook, &text)?;
            retag(&mut store, &tagger, None, progress)?;
            store.set_meta(CODEBOOK_HASH, &hash)?;
        }
        let (index, index_repair) = open_index(&dir.join(search_index::DIR), &store, progress)?;
        Ok(Library {
            dir,
            store,
            resolver,
            index,
            acronyms: codebook.acronyms(),
            index_repair,
            names: std::sync::Mutex::new(None),
            codebook,
            tagger,
        })
    }

    /// What opening did to the search index ("rebuilt: it was missing", …), if anything.
    pub fn index_repair(&self) -> Option<&str> {
        self.index_repair.as_deref()
    }

    /// Rebuilds the search index from the database.
    pub fn reindex(&mut self, progress: ProgressFn) -> Result<usize> {
        let cancel = std::sync::atomic::AtomicBool::new(false);
        self.reindex_cancellable(progress, &cancel)
            .map(|n| n.unwrap_or(0))
    }

    /// Like [`Library::reindex`], stopping when `cancel` is set: the index then stays
    /// as it was and the result is `None`.
    pub fn reindex_cancellable(
        &mut self,
        progress: ProgressFn,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Option<usize>> {
        let rows = self.store.index_rows(None)?;
        let generation = self.store.generation()?;
        let result = self.index.rebuild(
            &rows,
            generation,
            |done, total| progress("indexing", done, total),
            Some(cancel),
        );
        self.index.release_writer();
        Ok(result?.then_some(rows.len()))
    }

    /// Checks the library: SQLite's integrity check, and the index against the
    /// database. Returns the problems found, each with what to do; empty when healthy.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity = self.store.integrity_check()?;
        if integrity != ["ok"] {
            for p in integrity {
                problems.push(format!("database: {p} — restore library.sqlite3 from a backup; the index can then be rebuilt with `plenary reindex`"));
            }
        }
        let statements = self.store.statement_count()?;
        let generation = self.store.generation()?;
        match self.index.health(generation, statements) {
            Health::Current => {}
            Health::Stale { index, library } => problems.push(format!(
                "index: holds {} statements at generation {} but the database has {statements} at generation {library} — run `plenary reindex`",
                self.index.num_docs(),
                index.map_or("none".to_string(), |g| g.to_string())
            )),
            other => problems.push(format!("index: {other:?} — run `plenary reindex`")),
        }
        Ok(problems)
    }

    /// Searches the statements. See [`crate::index::query`] for the syntax.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = std::time::Instant::now();
        let names = self.facet_names()?;
        let ctx = QueryContext {
            resolver: &self.resolver,
            acronyms: &self.acronyms,
            sessions: &names.sessions,
        };
        let compiled = crate::index::search::compile(self.index.fields(), &ctx, request)?;
        let raw = self.index.run(&compiled, request)?;
        let mut results = self.name_results(&request.query, raw)?;
        results.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(results)
    }

    /// Statements most like statement `id` ("who else said something like this?"),
    /// optionally leaving out its own speaker.
    pub fn similar(
        &self,
        id: i64,
        other_speakers_only: bool,
        limit: usize,
    ) -> Result<SearchResults> {
        let started = std::time::Instant::now();
        let statement = self.statement(id)?;
        let exclude = if other_speakers_only {
            statement
                .speaker
                .as_deref()
                .and_then(|name| match self.resolver.resolve(name) {
                    Resolution::Known { actor_id, .. } => Some(actor_id),
                    Resolution::Unknown { .. } => None,
                })
        } else {
            None
        };
        let raw = self
            .index
            .similar(id, exclude, limit)?
            .ok_or_else(|| Error::NotFound {
                what: "statement",
                value: id.to_string(),
                hint: "it is not in the search index; run `plenary reindex`".into(),
            })?;
        let mut results = self.name_results(&format!("similar:{id}"), raw)?;
        results.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(results)
    }

    /// Names the ids of raw results: speakers, documents, facets.
    fn name_results(&self, query: &str, raw: RawResults) -> Result<SearchResults> {
        // Named from memory: the index stores each hit's document and speaker ids,
        // and the names are read once per library generation.
        let names = self.facet_names()?;
        let hits = raw
            .hits
            .into_iter()
            .filter_map(|h| {
                let d = names.documents.get(&h.document)?;
                let speaker = h
                    .speaker
                    .and_then(|s| names.actors.get(&(s as u64)).cloned())
                    .or(h.speaker_label);
                Some(Hit {
                    id: h.id,
                    document: h.document,
                    document_title: d.title.clone(),
                    speaker,
                    process: d.process.clone(),
                    session: d.session.clone(),
                    meeting: d.meeting.clone(),
                    date: d.date.clone(),
                    source_line: h.source_line,
                    score: h.score,
                    snippet: h.snippet,
                    fragment: h.fragment,
                    highlights: h.highlights,
                })
            })
            .collect();
        let facet = |counts: HashMap<u64, u64>, table: &HashMap<u64, String>| -> Vec<FacetCount> {
            let mut top: Vec<(u64, u64)> = counts.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            top.into_iter()
                .filter_map(|(id, count)| {
                    table.get(&id).map(|name| FacetCount {
                        name: name.clone(),
                        count,
                    })
                })
                .take(FACET_LIMIT)
                .collect()
        };
        Ok(SearchResults {
            query: query.to_string(),
            total: raw.total,
            took_ms: 0.0,
            hits,
            facets: Facets {
                speaker: facet(raw.facets.speaker, &names.actors),
                group: facet(raw.facets.group, &names.actors),
                theme: facet(raw.facets.theme, &names.themes),
                session: facet(raw.facets.session, &names.sessions),
            },
            notices: raw.notices,
        })
    }

    /// The names behind facet ids, read once per library generation.
    fn facet_names(&self) -> Result<std::sync::Arc<FacetNames>> {
        let generation = self.store.generation()?;
        let mut cache = self.names.lock().map_err(|_| Error::NotFound {
            what: "name cache",
            value: String::new(),
            hint: "restart Plenary".into(),
        })?;
        if let Some((g, names)) = cache.as_ref() {
            if *g == generation {
                return Ok(names.clone());
            }
        }
        let names = std::sync::Arc::new(self.store.facet_names()?);
        *cache = Some((generation, names.clone()));
        Ok(names)
    }

    /// Brings the index up to date with documents just written (and removes the
    /// versions they replaced).
    fn index_documents(&mut self, written: &[(i64, Option<i64>)]) -> Result<()> {
        if written.is_empty() {
            return Ok(());
        }
        let generation = self.store.generation()?;
        let documents: Vec<i64> = written.iter().map(|(d, _)| *d).collect();
        let rows = self.store.index_rows(Some(&documents))?;
        let mut remove = documents;
        remove.extend(written.iter().filter_map(|(_, replaced)| *replaced));
        self.index.replace(&remove, &rows, generation)
    }

    /// The library directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A summary: where it is, its schema version, what it holds.
    pub fn status(&self) -> Result<LibraryStatus> {
        Ok(LibraryStatus {
            dir: self.dir.clone(),
            database: self.store.path().to_path_buf(),
            schema_version: self.store.schema_version()?,
            actors: self.resolver.len(),
            documents: self.store.document_count()?,
            statements: self.store.statement_count()?,
        })
    }

    /// Every actor, optionally only those of one kind, sorted by kind and name.
    pub fn actors(&self, kind: Option<ActorKind>) -> Result<Vec<Actor>> {
        self.store.actors(kind)
    }

    /// Resolves a name as records write it ("UK", "the delegation of Türkiye", "NAM").
    pub fn resolve(&self, name: &str) -> Resolution {
        self.resolver.resolve(name)
    }

    /// Resolves a country code as file names use it: ISO 3166 alpha-3 first, then any
    /// alias (`NAM` is Namibia here, while [`Library::resolve`] reads it as the
    /// Non-Aligned Movement).
    pub fn resolve_code(&self, code: &str) -> Resolution {
        self.resolver.resolve_code(code)
    }

    /// The name resolver built from the library's actors.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Imports files and folders (recursively). Each file is imported on its own, in
    /// one transaction: a file that fails is reported and the others still go in.
    /// `progress` is called before each file. Stops early when `options.cancel` is set.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        mut progress: impl FnMut(Progress<'_>),
    ) -> Result<Vec<(PathBuf, Result<ImportOutcome>)>> {
        let files = import::collect_files(paths)?;
        // Hold the index writer for the whole import: another process opening the
        // library meanwhile sees the index busy and searches it as it is, rather than
        // rebuilding it under our feet.
        self.index.take_writer()?;
        let mut results = Vec::with_capacity(files.len());
        // Written documents wait here for the next index commit: one commit per batch
        // keeps a large import fast, and each commit holds whole documents only.
        let mut pending: Vec<(i64, Option<i64>)> = Vec::new();
        let mut last_commit = std::time::Instant::now();
        for (i, file) in files.iter().enumerate() {
            if import::cancelled(options) {
                break;
            }
            progress(Progress {
                done: i,
                total: files.len(),
                path: file,
            });
            let result =
                import::import_file(&mut self.store, &self.resolver, &self.tagger, file, options);
            if let Ok(outcome) = &result {
                match &outcome.status {
                    ImportStatus::Imported => pending.push((outcome.document, None)),
                    ImportStatus::Replaced { replaced, .. } => {
                        pending.push((outcome.document, Some(*replaced)))
                    }
                    ImportStatus::AlreadyPresent => {}
                }
            }
            results.push((file.clone(), result));
            if pending.len() >= INDEX_BATCH
                || (!pending.is_empty() && last_commit.elapsed() >= INDEX_INTERVAL)
            {
                self.flush_index(&mut pending)?;
                last_commit = std::time::Instant::now();
            }
        }
        self.flush_index(&mut pending)?;
        self.index.release_writer();
        Ok(results)
    }

    /// Indexes the documents written since the last commit. SQLite already holds
    /// them: if this fails, the next open sees a stale index and rebuilds it.
    fn flush_index(&mut self, pending: &mut Vec<(i64, Option<i64>)>) -> Result<()> {
        let result = self.index_documents(pending);
        pending.clear();
        if result.is_err() {
            self.index.release_writer();
        }
        result
    }

    /// Every document in the library.
    pub fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.store.documents()
    }

    /// One document by id.
    pub fn document(&self, id: i64) -> Result<DocumentRow> {
        self.store.document(id)?.ok_or_else(|| Error::NotFound {
            what: "document",
            value: id.to_string(),
            hint: "list document ids with `plenary documents`".into(),
        })
    }

    /// The processes the library knows (their keys are what [`DocumentEdit::process`]
    /// takes), by key.
    pub fn processes(&self) -> Result<Vec<Process>> {
        self.store.processes()
    }

    /// Corrects a document's title, process, session, meeting and/or date (only the
    /// fields `edit` gives; see [`DocumentEdit`] for how each is written). The
    /// correction is the person's word: importing the file again — the same bytes, or a
    /// changed version replacing this document — keeps it. Automatic tags are
    /// recomputed when the process changes (they depend on it), and the search index
    /// is brought up to date. Returns the document as it now is.
    pub fn edit_document(&mut self, id: i64, edit: DocumentEdit) -> Result<DocumentRow> {
        self.require_document(id)?;
        let fix = edit.check(&self.store.processes()?)?;
        if fix.is_empty() {
            return self.document(id);
        }
        if !self.store.correct_document(id, &fix)? {
            return self.document(id);
        }
        if fix.process.is_some() {
            retag(
                &mut self.store,
                &self.tagger,
                Some(&[id]),
                &mut |_, _, _| {},
            )?;
        }
        self.reindex_documents(&[id])?;
        self.document(id)
    }

    /// Statements of a document and/or a speaker (any name the gazetteer knows).
    pub fn statements(
        &self,
        document: Option<i64>,
        speaker: Option<&str>,
        limit: Option<i64>,
        offset: Option<i64>,
    ) -> Result<Vec<StatementRow>> {
        if let Some(id) = document {
            self.require_document(id)?;
        }
        let speaker = speaker.map(|name| self.actor_id(name)).transpose()?;
        self.store.statements(&StatementFilter {
            document,
            speaker,
            limit,
            offset,
            ..StatementFilter::default()
        })
    }

    /// The review queue: statements whose speaker a person should check, in document
    /// order (one document's, or every document's).
    pub fn review_queue(&self, document: Option<i64>) -> Result<Vec<StatementRow>> {
        if let Some(id) = document {
            self.require_document(id)?;
        }
        self.store.statements(&StatementFilter {
            document,
            in_review: true,
            ..StatementFilter::default()
        })
    }

    /// Accepts the suggested speaker of a statement in the review queue: it becomes
    /// the person's word (method `manual`), kept on re-import, and leaves the queue.
    pub fn accept_speaker(&mut self, statement: i64) -> Result<StatementRow> {
        let row = self.statement(statement)?;
        let Some(speaker) = row.speaker.clone() else {
            return Err(Error::NotFound {
                what: "suggested speaker for statement",
                value: statement.to_string(),
                hint:
                    "nobody was suggested: type the speaker instead (review fix ID --speaker NAME)"
                        .into(),
            });
        };
        self.fix_speaker(statement, &speaker)
    }

    /// A document's speaker list: who had or was given the floor, in order.
    pub fn speaker_list(&self, document: i64) -> Result<Vec<SpeakerEntryRow>> {
        self.require_document(document)?;
        self.store.speaker_list(document)
    }

    /// Sets a statement's speaker by hand; it survives re-import of the document.
    pub fn fix_speaker(&mut self, statement: i64, speaker: &str) -> Result<StatementRow> {
        let actor = self.actor_id(speaker)?;
        if !self.store.set_manual_speaker(statement, actor)? {
            return Err(Error::NotFound {
                what: "statement",
                value: statement.to_string(),
                hint: "list statement ids with `plenary statements --document ID`".into(),
            });
        }
        let row = self.statement(statement)?;
        let indexed = self.index_documents(&[(row.document, None)]);
        self.index.release_writer();
        indexed?;
        Ok(row)
    }

    /// One statement by id.
    pub fn statement(&self, id: i64) -> Result<StatementRow> {
        self.store.statement(id)?.ok_or_else(|| Error::NotFound {
            what: "statement",
            value: id.to_string(),
            hint: "list statement ids with `plenary statements --document ID`".into(),
        })
    }

    fn require_document(&self, id: i64) -> Result<()> {
        if self.store.document_exists(id)? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "document",
                value: id.to_string(),
                hint: "list document ids with `plenary documents`".into(),
            })
        }
    }

    /// The id of the actor a name resolves to, or an error with suggestions.
    fn actor_id(&self, name: &str) -> Result<i64> {
        match self.resolver.resolve(name) {
            Resolution::Known { actor_id, .. } => Ok(actor_id),
            Resolution::Unknown { suggestions } => Err(Error::NotFound {
                what: "actor",
                value: format!("{name:?}"),
                hint: if suggestions.is_empty() {
                    "see `plenary actors list`".into()
                } else {
                    format!("did you mean {}?", suggestions.join(", "))
                },
            }),
        }
    }

    /// The themes of the codebook, with how many statements each tags.
    pub fn themes(&self) -> Result<Vec<ThemeRow>> {
        self.store.themes()
    }

    /// The codebook in use, as TOML (the user's own text, comments kept, once imported).
    pub fn export_codebook(&self) -> Result<String> {
        Ok(self
            .store
            .codebook_text()?
            .unwrap_or_else(|| themes::codebook::BUILTIN.to_string()))
    }

    /// Replaces the codebook with the user's, recomputes the automatic tags (human tags
    /// are untouched) and brings the index up to date. Returns, per theme, how many
    /// automatic tags were added and removed.
    pub fn import_codebook(
        &mut self,
        source_name: &str,
        text: &str,
        progress: ProgressFn,
    ) -> Result<Vec<(String, i64, i64)>> {
        let codebook = Codebook::parse(source_name, text)?;
        let tagger = Tagger::new(&codebook);
        self.store.sync_codebook(&codebook, text)?;
        self.store.set_meta(CODEBOOK_ORIGIN, "user")?;
        let changes = retag(&mut self.store, &tagger, None, progress)?;
        self.store
            .set_meta(CODEBOOK_HASH, &hex_sha256(text.as_bytes()))?;
        self.acronyms = codebook.acronyms();
        self.codebook = codebook;
        self.tagger = tagger;
        self.reindex(progress)?;
        let mut out: Vec<(String, i64, i64)> =
            changes.into_iter().map(|(k, (a, r))| (k, a, r)).collect();
        out.sort();
        Ok(out)
    }

    /// The codebook in use.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// Adds a human tag (or updates this statement's human tag for the theme). It
    /// overrides the automatic tag and survives re-import and re-tagging.
    pub fn add_tag(&mut self, tag: &NewTag) -> Result<TagRow> {
        let statement = self.statement(tag.statement)?;
        let theme = self
            .store
            .theme_id(&tag.theme)?
            .ok_or_else(|| Error::NotFound {
                what: "theme",
                value: format!("{:?}", tag.theme),
                hint: "list the themes with `plenary themes list`".into(),
            })?;
        if Stance::parse(&tag.stance).is_none() {
            return Err(Error::UnknownValue {
                what: "stance",
                value: tag.stance.clone(),
                expected: Stance::ALL.map(Stance::as_str).join(", "),
            });
        }
        if let Some((start, end)) = tag.span {
            let len = statement.text.chars().count() as i64;
            if start < 0 || end < start || end > len {
                return Err(Error::UnknownValue {
                    what: "span",
                    value: format!("{start}..{end}"),
                    expected: format!("START..END within the statement's {len} characters"),
                });
            }
        }
        let mut tag = tag.clone();
        tag.stance = tag.stance.trim().to_lowercase();
        let id = self.store.add_tag(&tag, theme)?;
        self.reindex_documents(&[statement.document])?;
        self.store
            .tags(Some(tag.statement), None, None, Some("manual"))?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "tag",
                value: id.to_string(),
                hint: "try again".into(),
            })
    }

    /// Removes a human tag.
    pub fn remove_tag(&mut self, id: i64) -> Result<()> {
        match self.store.remove_tag(id)? {
            Some((document, origin)) if origin == "manual" => self.reindex_documents(&[document]),
            Some(_) => Err(Error::UnknownValue {
                what: "tag origin",
                value: format!("automatic tag {id}"),
                expected: "a human tag: automatic tags are recomputed from the codebook; add a human tag to override one".into(),
            }),
            None => Err(Error::NotFound { what: "tag", value: id.to_string(), hint: "list tags with `plenary tag list`".into() }),
        }
    }

    /// Tags of a statement, document, theme (with its sub-themes) and/or origin.
    pub fn tags(
        &self,
        statement: Option<i64>,
        document: Option<i64>,
        theme: Option<&str>,
        origin: Option<&str>,
    ) -> Result<Vec<TagRow>> {
        self.store.tags(statement, document, theme, origin)
    }

    fn reindex_documents(&mut self, documents: &[i64]) -> Result<()> {
        let written: Vec<(i64, Option<i64>)> = documents.iter().map(|d| (*d, None)).collect();
        let result = self.index_documents(&written);
        self.index.release_writer();
        result
    }

    /// Positions of actors (names: any alias) on themes (keys), side by side.
    pub fn compare(
        &self,
        actors: &[String],
        themes: &[String],
        filter: &PositionFilter,
    ) -> Result<Vec<Position>> {
        let mut ids = Vec::new();
        for name in actors {
            let id = self.actor_id(name)?;
            let canonical = self
                .resolver
                .actor(id)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| name.clone());
            ids.push((id, canonical));
        }
        self.positions_for(&ids, themes, filter, true)
    }

    /// The statements behind one actor × theme cell of a comparison, in date order.
    pub fn cell_statements(
        &self,
        actor: &str,
        theme: &str,
        filter: &PositionFilter,
    ) -> Result<Vec<CellStatement>> {
        let id = self.actor_id(actor)?;
        self.require_theme(theme)?;
        let facts = self
            .store
            .position_facts(Some(&[id]), &[theme.to_string()], filter, false)?;
        let mut stances: Vec<(i64, Vec<String>)> = Vec::new();
        for f in facts {
            match stances.iter_mut().find(|(s, _)| *s == f.statement) {
                Some((_, list)) if !list.contains(&f.stance) => list.push(f.stance),
                Some(_) => {}
                None => stances.push((f.statement, vec![f.stance])),
            }
        }
        let ids: Vec<i64> = stances.iter().map(|(s, _)| *s).collect();
        let contexts = self.store.hit_contexts(&ids)?;
        let mut out = Vec::with_capacity(stances.len());
        for (statement, list) in stances {
            let (Some(c), Some(row)) = (contexts.get(&statement), self.store.statement(statement)?)
            else {
                continue;
            };
            out.push(CellStatement {
                id: statement,
                document: c.document,
                document_title: c.document_title.clone(),
                date: c.date.clone(),
                stance: list.join(", "),
                text: row.text,
            });
        }
        Ok(out)
    }

    /// Everything one actor said: who it is, its position on every theme it touched,
    /// its statements (at most `limit`) and how many it made per date.
    pub fn actor_profile(&self, name: &str, limit: i64) -> Result<ActorProfile> {
        let id = self.actor_id(name)?;
        let actor = self
            .store
            .actors(None)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::NotFound {
                what: "actor",
                value: format!("{name:?}"),
                hint: "see `plenary actors list`".into(),
            })?;
        let keys: Vec<String> = self.themes()?.into_iter().map(|t| t.key).collect();
        let positions = self
            .positions_for(
                &[(id, actor.name.clone())],
                &keys,
                &PositionFilter::default(),
                true,
            )?
            .into_iter()
            .filter(|p| p.statements > 0)
            .collect();
        let timeline: Vec<(String, i64)> = self.store.actor_timeline(id)?;
        let total_statements = timeline.iter().map(|(_, n)| n).sum();
        let statements = self.store.statements(&StatementFilter {
            speaker: Some(id),
            limit: Some(limit.max(1)),
            ..StatementFilter::default()
        })?;
        Ok(ActorProfile {
            actor,
            positions,
            statements,
            timeline: timeline
                .into_iter()
                .map(|(date, statements)| DatedCount { date, statements })
                .collect(),
            total_statements,
        })
    }

    fn require_theme(&self, key: &str) -> Result<()> {
        if self.codebook.theme(key).is_some() || self.store.theme_id(key)?.is_some() {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "theme",
                value: format!("{key:?}"),
                hint: "list the themes with `plenary themes list`".into(),
            })
        }
    }

    /// Every actor (or the members of a group or region) × themes: the data of a heatmap.
    pub fn matrix(
        &self,
        themes: &[String],
        group: Option<&str>,
        filter: &PositionFilter,
    ) -> Result<Vec<Position>> {
        let mut ids: Vec<i64> = match group {
            Some(name) => {
                let g = self.actor_id(name)?;
                let mut members = self.store.members(g)?;
                members.push(g);
                members
            }
            None => self.store.speaking_actors()?,
        };
        ids.sort();
        ids.dedup();
        let mut named: Vec<(i64, String)> = ids
            .into_iter()
            .filter_map(|id| self.resolver.actor(id).map(|a| (id, a.name.clone())))
            .collect();
        named.sort_by(|a, b| a.1.cmp(&b.1));
        self.positions_for(&named, themes, filter, false)
    }

    fn positions_for(
        &self,
        actors: &[(i64, String)],
        themes: &[String],
        filter: &PositionFilter,
        quotes: bool,
    ) -> Result<Vec<Position>> {
        for t in themes {
            self.require_theme(t)?;
        }
        let ids: Vec<i64> = actors.iter().map(|(id, _)| *id).collect();
        let facts = self
            .store
            .position_facts(Some(&ids), themes, filter, quotes)?;
        let mut aligned = HashMap::new();
        for (id, _) in actors {
            let is_group = self
                .resolver
                .actor(*id)
                .is_some_and(|a| a.kind == ActorKind::Group);
            if is_group && quotes {
                aligned.insert(
                    *id,
                    self.store
                        .aligned_with(*id)?
                        .into_iter()
                        .map(|(n, _)| n)
                        .collect(),
                );
            }
        }
        Ok(crate::compare::positions(actors, themes, &facts, &aligned))
    }

    /// Every statement with its document, speaker and effective tags, for export.
    pub fn export_rows(&self) -> Result<Vec<ExportRow>> {
        let documents: HashMap<i64, DocumentRow> =
            self.documents()?.into_iter().map(|d| (d.id, d)).collect();
        let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
        for t in self.store.tags(None, None, None, None)? {
            if !t.overridden {
                tags.entry(t.statement)
                    .or_default()
                    .push(format!("{}:{}", t.theme, t.stance));
            }
        }
        let rows = self.statements(None, None, None, None)?;
        Ok(rows
            .into_iter()
            .map(|s| {
                let d = documents.get(&s.document);
                ExportRow {
                    statement: s.id,
                    document: s.document,
                    document_title: d.map(|d| d.title.clone()).unwrap_or_default(),
                    document_kind: d.map(|d| d.kind.clone()).unwrap_or_default(),
                    date: d.and_then(|d| d.date.clone()),
                    process: d.and_then(|d| d.process.clone()),
                    session: d.and_then(|d| d.session.clone()),
                    meeting: d.and_then(|d| d.meeting.clone()),
                    seq: s.seq,
                    speaker: s.speaker,
                    speaker_label: s.speaker_label,
                    method: s.method,
                    confidence: s.confidence,
                    on_behalf_of: s.on_behalf_of,
                    aligned_with: s.aligned_with,
                    agenda_item: s.agenda_item,
                    tags: tags.remove(&s.id).unwrap_or_default().join("; "),
                    text: s.text,
                }
            })
            .collect())
    }

    /// The schema of the library database, one `CREATE` statement per object.
    pub fn schema_sql(&self) -> Result<Vec<String>> {
        self.store.schema_sql()
    }
}

/// Library metadata: hash of the codebook the automatic tags were computed with.
const CODEBOOK_HASH: &str = "codebook_hash";
/// Library metadata: "user" once the user imported a codebook.
const CODEBOOK_ORIGIN: &str = "codebook_origin";

/// Recomputes automatic tags of every statement (or some documents'); human tags stay.
fn retag(
    store: &mut Store,
    tagger: &Tagger,
    documents: Option<&[i64]>,
    progress: ProgressFn,
) -> Result<HashMap<String, (i64, i64)>> {
    let statements = store.statements_for_tagging(documents)?;
    let total = statements.len();
    let mut tags = Vec::new();
    for (i, (id, text, process)) in statements.into_iter().enumerate() {
        if i % 2000 == 0 {
            progress("tagging statements", i, total);
        }
        for tag in tagger.tag(&text, process.as_deref()) {
            tags.push((id, tag));
        }
    }
    progress("tagging statements", total, total);
    store.replace_auto_tags(documents, &tags)
}

/// Documents indexed per commit during an import, at most.
const INDEX_BATCH: usize = 200;
/// Time between index commits during an import, at most.
const INDEX_INTERVAL: std::time::Duration = std::time::Duration::from_secs(2);

/// A statement as exported: one row of a spreadsheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    pub statement: i64,
    pub document: i64,
    pub document_title: String,
    pub document_kind: String,
    pub date: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub seq: i64,
    pub speaker: Option<String>,
    pub speaker_label: Option<String>,
    pub method: String,
    pub confidence: f64,
    pub on_behalf_of: Option<String>,
    pub aligned_with: Option<String>,
    pub agenda_item: Option<String>,
    /// "theme:stance" pairs, separated by "; ".
    pub tags: String,
    pub text: String,
}

/// A statement behind a comparison cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellStatement {
    pub id: i64,
    pub document: i64,
    pub document_title: String,
    pub date: Option<String>,
    /// The stance(s) its tags on the theme take, comma-separated.
    pub stance: String,
    pub text: String,
}

/// Statements on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedCount {
    pub date: String,
    pub statements: i64,
}

/// Everything one actor said.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorProfile {
    pub actor: Actor,
    /// Its position on every theme it touched.
    pub positions: Vec<Position>,
    /// Its statements as speaker, in document order (at most the limit asked).
    pub statements: Vec<StatementRow>,
    /// Statements (as speaker or on its behalf) per document date, oldest first.
    pub timeline: Vec<DatedCount>,
    pub total_statements: i64,
}

/// How many entries each facet lists.
const FACET_LIMIT: usize = 20;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: i64,
    pub document: i64,
    pub document_title: String,
    pub speaker: Option<String>,
    pub process: Option<String>,
    pub session: Option<String>,
    pub meeting: Option<String>,
    pub date: Option<String>,
    pub source_line: Option<i64>,
    pub score: f32,
    /// The hit in context: HTML-escaped text with the hits in `<mark>`.
    pub snippet: String,
    /// The same fragment as plain text, and the byte ranges of the hits in it (for
    /// front-ends that render text, never HTML).
    pub fragment: String,
    pub highlights: Vec<(usize, usize)>,
}

/// A facet value and how many matching statements have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}

/// Counts of the matching statements, top values first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Facets {
    pub speaker: Vec<FacetCount>,
    pub group: Vec<FacetCount>,
    pub theme: Vec<FacetCount>,
    pub session: Vec<FacetCount>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Exact number of matching statements.
    pub total: usize,
    pub took_ms: f64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// What was read leniently or added ("also searching: Programme of Action").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

/// Opens the index, rebuilding it from the database when it is missing, stale or
/// damaged. When another process holds the writer (an import is running), a stale
/// index is used as it is: that import brings it up to date.
fn open_index(
    dir: &Path,
    store: &Store,
    progress: ProgressFn,
) -> Result<(SearchIndex, Option<String>)> {
    let generation = store.generation()?;
    let statements = store.statement_count()?;
    let (mut index, reason) = match SearchIndex::open(dir) {
        Ok(mut index) => match index.health(generation, statements) {
            Health::Current => return Ok((index, None)),
            stale => {
                if !index.try_take_writer() {
                    return Ok((
                        index,
                        Some("the index is being updated by another process".into()),
                    ));
                }
                (index, stale)
            }
        },
        Err(health) => (SearchIndex::create(dir)?, health),
    };
    let reason = match reason {
        Health::Missing => "it was missing".to_string(),
        Health::Stale { index, library } => format!(
            "it reflected generation {} of the library, which is at {library}",
            index.map_or("none".into(), |g| g.to_string())
        ),
        Health::Damaged(why) => format!("it was damaged ({why})"),
        Health::Current => "it was current".to_string(),
    };
    let rows = store.index_rows(None)?;
    let silent = reason == "it was missing" && rows.is_empty();
    let rebuilt = index.rebuild(
        &rows,
        generation,
        |done, total| progress("rebuilding the search index", done, total),
        None,
    );
    index.release_writer();
    rebuilt?;
    // A new, empty library simply gets its index; that is no repair to report.
    let note = (!silent).then(|| format!("rebuilt the search index: {reason}"));
    Ok((index, note))
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
