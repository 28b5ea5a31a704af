//! Documents, statements, speakers and the review queue.

use std::path::PathBuf;

use super::Library;
use crate::error::{Error, Listing, Remedy, Result};
use crate::gazetteer::Resolution;
use crate::import::{cancelled, ImportOptions, ImportReport, ImportResults, Importer, Progress};
use crate::store::corrections::{DocumentEdit, Process};
use crate::store::documents::{
    DocumentRow, DocumentView, SpeakerEntryRow, StatementFilter, StatementRow,
};

impl Library {
    /// Imports files and folders (recursively). Each file is imported on its own, in
    /// one transaction: a file that fails is reported and the others still go in.
    /// `progress` is called before each file. Stops early when `options.cancel` is set.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: impl FnMut(Progress<'_>),
    ) -> Result<ImportResults> {
        let importer = Importer {
            store: &mut self.store,
            index: &mut self.index,
            resolver: &self.resolver,
            tagger: &self.tagger,
        };
        importer.run(paths, options, progress)
    }

    /// Like [`Library::import`], with what became of each file as the front-ends show
    /// it, and whether the import was cancelled before its last file.
    pub fn import_report(
        &mut self,
        paths: &[PathBuf],
        options: &ImportOptions,
        progress: impl FnMut(Progress<'_>),
    ) -> Result<ImportReport> {
        let results = self.import(paths, options, progress)?;
        Ok(ImportReport::new(results, cancelled(options)))
    }

    /// Every document in the library.
    pub fn documents(&self) -> Result<Vec<DocumentRow>> {
        self.store.documents()
    }

    /// What a reader shows of one document: the document, its statements, every tag
    /// of them (automatic and human) and its speaker list.
    pub fn document_view(&self, id: i64) -> Result<DocumentView> {
        Ok(DocumentView {
            document: self.document(id)?,
            statements: self.statements(Some(id), None, None, None)?,
            tags: self.tags(None, Some(id), None, None)?,
            speakers: self.speaker_list(id)?,
        })
    }

    /// One document by id.
    pub fn document(&self, id: i64) -> Result<DocumentRow> {
        self.store.document(id)?.ok_or_else(|| no_document(id))
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
        if !fix.is_empty() && self.store.correct_document(id, &fix)? {
            if fix.process.is_some() {
                self.retag_documents(&[id])?;
            }
            self.index_changes();
        }
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
        let filter = StatementFilter {
            document,
            speaker,
            limit,
            offset,
            ..Default::default()
        };
        self.store.statements(&filter)
    }

    /// The review queue: statements whose speaker a person should check, in document
    /// order (one document's, or every document's).
    pub fn review_queue(&self, document: Option<i64>) -> Result<Vec<StatementRow>> {
        if let Some(id) = document {
            self.require_document(id)?;
        }
        let filter = StatementFilter {
            document,
            in_review: true,
            ..Default::default()
        };
        self.store.statements(&filter)
    }

    /// Accepts the suggested speaker of a statement in the review queue: it becomes
    /// the person's word (method `manual`), kept on re-import, and leaves the queue.
    pub fn accept_speaker(&mut self, statement: i64) -> Result<StatementRow> {
        let row = self.statement(statement)?;
        let speaker = row.speaker.ok_or_else(|| Error::NotFound {
            what: "suggested speaker for statement",
            value: statement.to_string(),
            remedy: Remedy::TypeSpeaker,
        })?;
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
            return Err(no_statement(statement));
        }
        self.index_changes();
        self.statement(statement)
    }

    /// One statement by id.
    pub fn statement(&self, id: i64) -> Result<StatementRow> {
        self.store.statement(id)?.ok_or_else(|| no_statement(id))
    }

    pub(super) fn require_document(&self, id: i64) -> Result<()> {
        match self.store.document_exists(id)? {
            true => Ok(()),
            false => Err(no_document(id)),
        }
    }

    /// The id of the actor a name resolves to, or an error with suggestions.
    pub(super) fn actor_id(&self, name: &str) -> Result<i64> {
        match self.resolver.resolve(name) {
            Resolution::Known { actor_id, .. } => Ok(actor_id),
            Resolution::Unknown { suggestions } => Err(Error::NotFound {
                what: "actor",
                value: format!("{name:?}"),
                remedy: if suggestions.is_empty() {
                    Remedy::Pick {
                        list: Listing::Actors,
                    }
                } else {
                    Remedy::DidYouMean { names: suggestions }
                },
            }),
        }
    }
}

fn no_document(id: i64) -> Error {
    Error::NotFound {
        what: "document",
        value: id.to_string(),
        remedy: Remedy::Pick {
            list: Listing::Documents,
        },
    }
}

fn no_statement(id: i64) -> Error {
    Error::NotFound {
        what: "statement",
        value: id.to_string(),
        remedy: Remedy::Pick {
            list: Listing::Statements,
        },
    }
}
