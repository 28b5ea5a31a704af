//! The gazetteer file: actors as written in `assets/gazetteer.toml` (or a user's own
//! file), checked on reading — unknown group keys and duplicate aliases are errors
//! with the line, and so are a former State's bad dates or successors (`former`) — and
//! the States' names in other languages merged in as aliases.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::{former, names, ActorKind, BUILTIN, BUILTIN_NAME, TRANSLATIONS, TRANSLATIONS_NAME};
use crate::error::{Error, Result};

/// One actor as written in the gazetteer file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    /// Stable id: ISO 3166 alpha-3 for states, a short upper-case id otherwise.
    pub key: toml::Spanned<String>,
    /// Canonical name.
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub iso2: Option<String>,
    #[serde(default)]
    pub iso3: Option<String>,
    /// Key of the UN regional group.
    #[serde(default)]
    pub region: Option<String>,
    /// Keys of the groups and organisations this actor belongs to.
    #[serde(default)]
    pub groups: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub observer: bool,
    /// A former State's last day, `YYYY-MM-DD` (see `former`); none for today's actors.
    #[serde(default)]
    pub until: Option<String>,
    /// Keys of the States a former State's territory became.
    #[serde(default)]
    pub successors: Vec<String>,
    /// The successor that continued a former State's seat, whose code sources use for it.
    #[serde(default)]
    pub continued_by: Option<String>,
}

impl ActorEntry {
    /// The entry's key.
    pub fn key(&self) -> &str {
        self.key.get_ref()
    }

    /// Every name this actor answers to: canonical name first, then aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    actor: Vec<ActorEntry>,
}

/// One State's names in other languages, as written in the translations file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslations {
    #[serde(default)]
    fr: Vec<toml::Spanned<String>>,
    #[serde(default)]
    es: Vec<toml::Spanned<String>>,
}

/// A parsed and checked gazetteer.
#[derive(Debug, Clone)]
pub struct GazetteerFile {
    pub actors: Vec<ActorEntry>,
}

impl GazetteerFile {
    /// A resolver over this file's actors alone, ids in file order from 1: for tools and
    /// tests without a library (a library's resolver comes from its database).
    pub fn resolver(&self) -> super::Resolver {
        let id = |key: &str| {
            let position = self.actors.iter().position(|a| a.key() == key);
            position.map_or(0, |i| i as i64 + 1)
        };
        let actors = self.actors.iter().map(|a| super::ResolverActor {
            id: id(a.key()),
            key: a.key().to_string(),
            name: a.name.clone(),
            kind: a.kind,
            iso3: a.iso3.clone(),
            until: a.until.as_deref().and_then(former::parse_until),
            continued_by: a.continued_by.as_deref().map(id),
        });
        let aliases =
            (self.actors.iter()).flat_map(|a| a.names().map(move |n| (id(a.key()), n.to_string())));
        super::Resolver::new(actors, aliases.collect::<Vec<_>>())
    }

    /// The gazetteer compiled into Plenary, with the States' French and Spanish names.
    pub fn builtin() -> Result<Self> {
        Self::parse(BUILTIN_NAME, BUILTIN)?.with_translations(TRANSLATIONS_NAME, TRANSLATIONS)
    }

    /// Adds the names of a translations file (`[ISO3]` tables of `fr` and `es` lists) to
    /// the States' aliases. A name the State already answers to is skipped; a key that is
    /// not a State, or a name that already names another actor, is an error with the line.
    pub fn with_translations(mut self, source_name: &str, text: &str) -> Result<Self> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let fail = |offset: usize, message: String| Error::Gazetteer {
            source_name: source_name.to_string(),
            line: line_of(offset),
            message,
        };
        let raw: BTreeMap<toml::Spanned<String>, RawTranslations> = toml::from_str(text)
            .map_err(|e| fail(e.span().map_or(0, |s| s.start), e.message().to_string()))?;

        let mut owner: HashMap<String, usize> = HashMap::new();
        for (i, entry) in self.actors.iter().enumerate() {
            for alias in entry.names() {
                owner.entry(names::normalize(alias)).or_insert(i);
            }
        }
        for (key, names_of) in &raw {
            let start = key.span().start;
            let Some(i) = self.actors.iter().position(|a| a.key() == key.get_ref()) else {
                return Err(fail(
                    start,
                    format!("unknown actor key {:?}", key.get_ref()),
                ));
            };
            if self.actors[i].kind != ActorKind::State {
                return Err(fail(start, format!("{} is not a state", key.get_ref())));
            }
            for name in names_of.fr.iter().chain(&names_of.es) {
                let norm = names::normalize(name.get_ref());
                if norm.is_empty() {
                    return Err(fail(
                        name.span().start,
                        format!("{} has an empty alias", key.get_ref()),
                    ));
                }
                match owner.get(&norm) {
                    Some(&j) if j == i => {}
                    Some(&j) => {
                        return Err(fail(
                            name.span().start,
                            format!(
                                "alias {:?} of {} already names {}",
                                name.get_ref(),
                                key.get_ref(),
                                self.actors[j].key()
                            ),
                        ));
                    }
                    None => {
                        owner.insert(norm, i);
                        self.actors[i].aliases.push(name.get_ref().clone());
                    }
                }
            }
        }
        Ok(self)
    }

    /// Parses and checks a gazetteer; `source_name` names it in error messages.
    pub fn parse(source_name: &str, text: &str) -> Result<Self> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let fail = |line: usize, message: String| Error::Gazetteer {
            source_name: source_name.to_string(),
            line,
            message,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start)).unwrap_or(1);
            fail(line, e.message().to_string())
        })?;

        let mut keys: HashMap<&str, &ActorEntry> = HashMap::new();
        for entry in &raw.actor {
            let line = line_of(entry.key.span().start);
            if keys.insert(entry.key(), entry).is_some() {
                return Err(fail(line, format!("duplicate key {:?}", entry.key())));
            }
        }
        let mut seen_aliases: HashMap<String, &str> = HashMap::new();
        let mut seen_codes: HashMap<&str, &str> = HashMap::new();
        for entry in &raw.actor {
            let line = line_of(entry.key.span().start);
            former::check(entry, &keys).map_err(|message| fail(line, message))?;
            if let Some(iso3) = &entry.iso3 {
                if let Some(other) = seen_codes.insert(iso3, entry.key()) {
                    return Err(fail(
                        line,
                        format!("iso3 {iso3:?} of {} already names {other}", entry.key()),
                    ));
                }
            }
            if entry.name.trim().is_empty() {
                return Err(fail(line, format!("{} has an empty name", entry.key())));
            }
            if let Some(region) = &entry.region {
                match keys.get(region.as_str()) {
                    Some(r) if r.kind == ActorKind::Group => {}
                    Some(_) => {
                        return Err(fail(line, format!("region {region:?} is not a group")));
                    }
                    None => {
                        return Err(fail(line, format!("unknown region key {region:?}")));
                    }
                }
            }
            for group in &entry.groups {
                if !keys.contains_key(group.as_str()) {
                    return Err(fail(
                        line,
                        format!("{} lists unknown group key {group:?}", entry.key()),
                    ));
                }
            }
            if entry.kind == ActorKind::State && (entry.iso2.is_none() || entry.iso3.is_none()) {
                return Err(fail(
                    line,
                    format!("state {} needs iso2 and iso3", entry.key()),
                ));
            }
            let mut own = HashSet::new();
            for alias in entry.names() {
                let norm = names::normalize(alias);
                if norm.is_empty() {
                    return Err(fail(line, format!("{} has an empty alias", entry.key())));
                }
                if !own.insert(norm.clone()) {
                    continue;
                }
                if let Some(other) = seen_aliases.insert(norm, entry.key()) {
                    return Err(fail(
                        line,
                        format!("alias {alias:?} of {} already names {other}", entry.key()),
                    ));
                }
            }
        }
        Ok(GazetteerFile { actors: raw.actor })
    }
}
