//! Themes, tags and the codebook.

use super::{Library, ProgressFn};
use crate::error::{Error, Listing, Remedy, Result};
use crate::import::tagging;
use crate::store::themes::{NewTag, TagRow, ThemeRow};
use crate::themes::{self, Codebook, TagOrigin};

impl Library {
    /// The themes of the codebook, with how many statements each tags.
    pub fn themes(&self) -> Result<Vec<ThemeRow>> {
        self.store.themes()
    }

    /// The codebook in use, as TOML (the user's own text, comments kept, once imported).
    pub fn export_codebook(&self) -> Result<String> {
        tagging::codebook_text(&self.store)
    }

    /// Replaces the codebook with the user's, recomputes the automatic tags (human tags
    /// are untouched) and brings the index up to date. Returns, per theme, how many
    /// automatic tags were added and removed (those of a theme removed with it too).
    /// A codebook that would remove more than half of the library's themes is refused
    /// unless `replace` confirms it.
    pub fn import_codebook(
        &mut self,
        source_name: &str,
        text: &str,
        replace: bool,
        progress: ProgressFn,
    ) -> Result<Vec<(String, i64, i64)>> {
        if !replace {
            self.refuse_dropping_most_themes(&Codebook::parse(source_name, text)?, source_name)?;
        }
        let (codebook, tagger, changes) =
            tagging::replace_codebook(&mut self.store, source_name, text, progress)?;
        self.acronyms = codebook.acronyms();
        self.codebook = codebook;
        self.tagger = tagger;
        self.index.settle(&self.store, progress)?;
        Ok(changes)
    }

    /// The codebook in use.
    pub fn codebook(&self) -> &Codebook {
        &self.codebook
    }

    /// Adds a human tag (or updates this statement's human tag for the theme). It
    /// overrides the automatic tag and survives re-import and re-tagging. A tag without
    /// an author is the user's running Plenary (`$USER`); a blank note is no note.
    pub fn add_tag(&mut self, tag: &NewTag) -> Result<TagRow> {
        let statement = self.statement(tag.statement)?;
        let theme = self.theme_id(&tag.theme)?;
        themes::check_span(tag.span, statement.text.chars().count() as i64)?;
        let tag = with_defaults(tag);
        let id = self.store.add_tag(&tag, theme)?;
        self.index_changes();
        let mut tags = self
            .store
            .tags(Some(tag.statement), None, None, Some(TagOrigin::Manual))?;
        tags.retain(|t| t.id == id);
        tags.pop().ok_or_else(|| Error::NotFound {
            what: "tag",
            value: id.to_string(),
            remedy: Remedy::TryAgain,
        })
    }

    /// Removes a human tag.
    pub fn remove_tag(&mut self, id: i64) -> Result<()> {
        match self.store.remove_tag(id)? {
            Some((_, origin)) if origin == "manual" => {
                self.index_changes();
                Ok(())
            }
            Some(_) => Err(Error::UnknownValue {
                what: "tag origin",
                value: format!("automatic tag {id}"),
                expected: "a human tag: automatic tags are recomputed from the codebook; add a human tag to override one".into(),
            }),
            None => Err(Error::NotFound { what: "tag", value: id.to_string(), remedy: Remedy::Pick { list: Listing::Tags } }),
        }
    }

    /// Tags of a statement, document, theme (with its sub-themes) and/or origin.
    pub fn tags(
        &self,
        statement: Option<i64>,
        document: Option<i64>,
        theme: Option<&str>,
        origin: Option<TagOrigin>,
    ) -> Result<Vec<TagRow>> {
        self.store.tags(statement, document, theme, origin)
    }

    /// Recomputes the automatic tags of some documents.
    pub(super) fn retag_documents(&mut self, documents: &[i64]) -> Result<()> {
        let quiet = &mut |_: &str, _: usize, _: usize| {};
        tagging::retag(&mut self.store, &self.tagger, Some(documents), quiet).map(|_| ())
    }

    /// Refuses a codebook that would remove more than half of the library's themes.
    fn refuse_dropping_most_themes(&self, codebook: &Codebook, source_name: &str) -> Result<()> {
        let current = self.store.themes()?;
        let removed: Vec<&str> = current
            .iter()
            .map(|t| t.key.as_str())
            .filter(|key| codebook.theme(key).is_none())
            .collect();
        if removed.len() * 2 <= current.len() {
            return Ok(());
        }
        let mut examples = removed
            .iter()
            .take(5)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if removed.len() > 5 {
            examples.push_str(", …");
        }
        Err(Error::CodebookDropsThemes {
            source_name: source_name.to_string(),
            removed: removed.len(),
            total: current.len(),
            examples,
        })
    }

    /// The id of a theme of the codebook, or an error pointing at the list.
    fn theme_id(&self, key: &str) -> Result<i64> {
        self.store.theme_id(key)?.ok_or_else(|| no_theme(key))
    }

    /// Checks that a theme key is one of the codebook's.
    pub(super) fn require_theme(&self, key: &str) -> Result<()> {
        if self.codebook.theme(key).is_some() || self.store.theme_id(key)?.is_some() {
            Ok(())
        } else {
            Err(no_theme(key))
        }
    }
}

fn no_theme(key: &str) -> Error {
    Error::NotFound {
        what: "theme",
        value: format!("{key:?}"),
        remedy: Remedy::Pick {
            list: Listing::Themes,
        },
    }
}

/// A person's tag as stored: by the user running Plenary when it names no author
/// (`$USER`), without a note when the note is blank.
fn with_defaults(tag: &NewTag) -> NewTag {
    let mut tag = tag.clone();
    tag.note = tag.note.filter(|n| !n.trim().is_empty());
    tag.author = tag.author.or_else(|| std::env::var("USER").ok());
    tag
}
