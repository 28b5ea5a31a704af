//! Automatic tags: the codebook in use and recomputing the tags it gives.

use std::collections::HashMap;

use super::sha256_hex;
use crate::error::Result;
use crate::store::Store;
use crate::themes::{self, Codebook, Tagger};

/// Library metadata: hash of the codebook the automatic tags were computed with.
const CODEBOOK_HASH: &str = "codebook_hash";
/// Library metadata: "user" once the user imported a codebook.
const CODEBOOK_ORIGIN: &str = "codebook_origin";

/// Automatic tags added and removed, per theme key.
pub type Changes = HashMap<String, (i64, i64)>;

/// Per theme key (sorted), automatic tags added and removed.
pub type ThemeChanges = Vec<(String, i64, i64)>;

/// The version of the matching rules in `themes` (beyond the codebook's own text):
/// raised when a change there changes tags, so libraries are re-tagged on opening.
const TAGGER_VERSION: &str = "2";

/// What the automatic tags were computed with: the codebook's text and the rules.
fn tagging_hash(codebook: &str) -> String {
    sha256_hex(format!("tagger {TAGGER_VERSION}\0{codebook}").as_bytes())
}

/// The codebook in use — the user's if they imported one, else the shipped one — and
/// its tagger. When it changed since the automatic tags were computed (a new Plenary,
/// an edit), they are recomputed.
pub fn load_codebook(
    store: &mut Store,
    progress: &mut dyn FnMut(&str, usize, usize),
) -> Result<(Codebook, Tagger)> {
    let text = match store.codebook_text()? {
        Some(text) if store.meta(CODEBOOK_ORIGIN)?.as_deref() == Some("user") => text,
        _ => themes::codebook::BUILTIN.to_string(),
    };
    let codebook = Codebook::parse(themes::codebook::BUILTIN_NAME, &text)?;
    let tagger = Tagger::new(&codebook);
    let hash = tagging_hash(&text);
    if store.meta(CODEBOOK_HASH)?.as_deref() != Some(hash.as_str()) {
        store.sync_codebook(&codebook, &text)?;
        retag(store, &tagger, None, progress)?;
        store.set_meta(CODEBOOK_HASH, &hash)?;
    }
    Ok((codebook, tagger))
}

/// Replaces the codebook with the user's `text` and recomputes the automatic tags
/// (human tags are untouched). Returns the new codebook, its tagger and, per theme,
/// how many automatic tags were added and removed, sorted by theme.
pub fn replace_codebook(
    store: &mut Store,
    source_name: &str,
    text: &str,
    progress: &mut dyn FnMut(&str, usize, usize),
) -> Result<(Codebook, Tagger, ThemeChanges)> {
    let codebook = Codebook::parse(source_name, text)?;
    let tagger = Tagger::new(&codebook);
    let removed = store.sync_codebook(&codebook, text)?;
    store.set_meta(CODEBOOK_ORIGIN, "user")?;
    let mut changes = retag(store, &tagger, None, progress)?;
    // Automatic tags that went with their theme count as removed too.
    for (theme, tags) in removed {
        changes.entry(theme).or_default().1 += tags;
    }
    store.set_meta(CODEBOOK_HASH, &tagging_hash(text))?;
    let mut out: ThemeChanges = changes.into_iter().map(|(k, (a, r))| (k, a, r)).collect();
    out.sort();
    Ok((codebook, tagger, out))
}

/// The codebook in use, as TOML (the user's own text, comments kept, once imported).
pub fn codebook_text(store: &Store) -> Result<String> {
    Ok(store
        .codebook_text()?
        .unwrap_or_else(|| themes::codebook::BUILTIN.to_string()))
}

/// Recomputes automatic tags of every statement (or some documents'); human tags stay.
pub fn retag(
    store: &mut Store,
    tagger: &Tagger,
    documents: Option<&[i64]>,
    progress: &mut dyn FnMut(&str, usize, usize),
) -> Result<Changes> {
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
