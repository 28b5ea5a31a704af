//! The gazetteer: who can speak in a meeting and every way records name them.
//!
//! The shipped list (`assets/gazetteer.toml`, compiled into the binary) holds the 193
//! UN member states, the observer states, the EU, the UN regional groups, negotiating
//! groups (NAM, African Group, Arab Group, ASEAN, …), organisations, stakeholder
//! categories and the roles (Chair, Secretariat). [`GazetteerFile::parse`] checks it
//! (unknown group keys, duplicate aliases) and the store loads it into the library; a
//! [`Resolver`] built from the library then maps any name a record uses to one actor.
//! The States' French and Spanish names (`assets/gazetteer-translations.toml`, generated
//! from Debian's iso-codes by `scripts/gazetteer-translations.py`) are merged in as
//! aliases by [`GazetteerFile::builtin`].
//!
//! Invariant: an alias, once folded by [`names::normalize`], names at most one actor.

pub mod names;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The gazetteer shipped with Plenary.
pub const BUILTIN: &str = include_str!("../../assets/gazetteer.toml");
/// The name used for the shipped gazetteer in error messages.
pub const BUILTIN_NAME: &str = "assets/gazetteer.toml";
/// The States' French and Spanish names shipped with Plenary, generated from ISO 3166-1
/// (Debian iso-codes) by `scripts/gazetteer-translations.py`.
pub const TRANSLATIONS: &str = include_str!("../../assets/gazetteer-translations.toml");
/// The name used for the shipped translations in error messages.
pub const TRANSLATIONS_NAME: &str = "assets/gazetteer-translations.toml";
/// Every shipped text [`GazetteerFile::builtin`] reads: the library reloads the gazetteer
/// when any of them changes.
pub const BUILTIN_SOURCES: [&str; 2] = [BUILTIN, TRANSLATIONS];

/// What sort of actor speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A UN member or observer state.
    State,
    /// A group that speaks for its members: the EU, NAM, a UN regional group, …
    Group,
    /// An international or regional organisation, a UN entity.
    Organisation,
    /// A stakeholder category: civil society, private sector, academia.
    Stakeholder,
    /// A role in the meeting: the Chair, the Secretariat.
    Role,
}

impl ActorKind {
    /// Every kind, in display order.
    pub const ALL: [ActorKind; 5] = [
        ActorKind::State,
        ActorKind::Group,
        ActorKind::Organisation,
        ActorKind::Stakeholder,
        ActorKind::Role,
    ];

    /// The kind's name as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Group => "group",
            ActorKind::Organisation => "organisation",
            ActorKind::Stakeholder => "stakeholder",
            ActorKind::Role => "role",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let folded = s.trim().to_lowercase();
        let kind = match folded.as_str() {
            "state" | "states" => ActorKind::State,
            "group" | "groups" => ActorKind::Group,
            "organisation" | "organisations" | "organization" | "organizations" => {
                ActorKind::Organisation
            }
            "stakeholder" | "stakeholders" => ActorKind::Stakeholder,
            "role" | "roles" => ActorKind::Role,
            _ => {
                return Err(Error::UnknownValue {
                    what: "actor kind",
                    value: s.to_string(),
                    expected: ActorKind::ALL.map(ActorKind::as_str).join(", "),
                })
            }
        };
        Ok(kind)
    }
}

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
        for entry in &raw.actor {
            let line = line_of(entry.key.span().start);
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

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Resolution {
    /// The name is an alias of exactly one actor.
    Known {
        actor_id: i64,
        key: String,
        name: String,
        kind: ActorKind,
    },
    /// No actor answers to the name; the closest canonical names, best first.
    Unknown { suggestions: Vec<String> },
}

impl Resolution {
    /// The canonical name, if the name was resolved.
    pub fn name(&self) -> Option<&str> {
        match self {
            Resolution::Known { name, .. } => Some(name),
            Resolution::Unknown { .. } => None,
        }
    }
}

/// An actor as the resolver knows it.
#[derive(Debug, Clone)]
pub struct ResolverActor {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub iso3: Option<String>,
}

/// An actor named in running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range of the name in the text.
    pub start: usize,
    pub end: usize,
    pub actor_id: i64,
    pub kind: ActorKind,
    /// Canonical name of the actor.
    pub name: String,
}

/// The longest alias, in words, that [`Resolver::mentions`] looks for.
const MAX_ALIAS_WORDS: usize = 9;

/// Maps names to actors; built from the library's actors and aliases.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    actors: BTreeMap<i64, ResolverActor>,
    by_alias: HashMap<String, i64>,
    by_iso3: HashMap<String, i64>,
    /// Folded aliases written only in capitals ("UK", "WHO"): in running text they
    /// count only when written in capitals too, so "who" is not the WHO.
    acronyms: HashSet<String>,
    /// The first folded word of every alias, to skip words that start no name.
    first_words: HashSet<String>,
    /// Every alias by how it sounds (`names::sound_key`), built on first use.
    by_sound: std::sync::OnceLock<Vec<(String, String, i64)>>,
}

impl Resolver {
    /// Builds a resolver from actors and their `(actor id, alias)` pairs.
    pub fn new(
        actors: impl IntoIterator<Item = ResolverActor>,
        aliases: impl IntoIterator<Item = (i64, String)>,
    ) -> Self {
        let mut resolver = Resolver::default();
        let mut mixed_case = HashSet::new();
        let mut add = |resolver: &mut Resolver, id: i64, alias: &str| {
            let key = names::normalize(alias);
            if key.is_empty() {
                return;
            }
            let is_acronym = !alias.contains(' ')
                && alias.chars().any(|c| c.is_alphabetic())
                && alias.chars().all(|c| !c.is_lowercase());
            if is_acronym {
                resolver.acronyms.insert(key.clone());
            } else {
                mixed_case.insert(key.clone());
            }
            if let Some(first) = key.split(' ').next() {
                resolver.first_words.insert(first.to_string());
            }
            resolver.by_alias.entry(key).or_insert(id);
        };
        for actor in actors {
            add(&mut resolver, actor.id, &actor.name.clone());
            if let Some(iso3) = &actor.iso3 {
                resolver.by_iso3.insert(iso3.clone(), actor.id);
            }
            resolver.actors.insert(actor.id, actor);
        }
        for (id, alias) in aliases {
            add(&mut resolver, id, &alias);
        }
        resolver.acronyms.retain(|key| !mixed_case.contains(key));
        resolver
    }

    /// The actor with this id.
    pub fn actor(&self, id: i64) -> Option<&ResolverActor> {
        self.actors.get(&id)
    }

    /// Every actor named in `text` whose kind `wanted` accepts, in order, longest name
    /// first where names overlap ("Republic of Korea", not "Korea"). A name counts
    /// only where it starts with a capital letter, and an alias written in capitals
    /// ("UK", "WHO") only where the text writes it in capitals.
    pub fn mentions(&self, text: &str, wanted: impl Fn(ActorKind) -> bool) -> Vec<Mention> {
        let words = words(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (start, end) = words[i];
            let word = &text[start..end];
            let starts_upper = word.chars().next().is_some_and(|c| c.is_uppercase());
            let folded = names::normalize(word);
            let first = folded.split(' ').next().unwrap_or_default();
            if !starts_upper || !self.first_words.contains(first) {
                i += 1;
                continue;
            }
            let longest = (1..=MAX_ALIAS_WORDS.min(words.len() - i))
                .rev()
                .find_map(|n| {
                    let span_end = words[i + n - 1].1;
                    let span = &text[start..span_end];
                    let key = names::normalize(span);
                    let id = *self.by_alias.get(&key)?;
                    // An acronym counts in capitals; a long one also as a name
                    // ("Interpol", "Unesco"), never a short one ("who").
                    let title_case = n == 1
                        && span.chars().count() >= 6
                        && span.chars().skip(1).all(|c| c.is_lowercase());
                    if self.acronyms.contains(&key)
                        && span.chars().any(|c| c.is_lowercase())
                        && !title_case
                    {
                        return None;
                    }
                    let actor = self.actors.get(&id)?;
                    wanted(actor.kind).then_some((n, span_end, actor))
                });
            match longest {
                Some((n, span_end, actor)) => {
                    found.push(Mention {
                        start,
                        end: span_end,
                        actor_id: actor.id,
                        kind: actor.kind,
                        name: actor.name.clone(),
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Resolves a name: any alias (case, accents, apostrophes and a leading "the" or
    /// "delegation of" ignored) or an upper-case ISO 3166 alpha-3 code.
    pub fn resolve(&self, name: &str) -> Resolution {
        match self.find(name) {
            Resolution::Unknown { .. } => Resolution::Unknown {
                suggestions: self.suggest(name.trim(), 3),
            },
            known => known,
        }
    }

    /// Resolves a name like [`Resolver::resolve`], without looking for suggestions when
    /// it is unknown: for parsers, which ask of every short line whether it is a name.
    pub fn find(&self, name: &str) -> Resolution {
        let trimmed = name.trim();
        let id = self.by_alias.get(&names::normalize(trimmed)).or_else(|| {
            let is_code = trimmed.len() == 3 && trimmed.chars().all(|c| c.is_ascii_uppercase());
            is_code.then(|| self.by_iso3.get(trimmed)).flatten()
        });
        match id.and_then(|id| self.actors.get(id)) {
            Some(actor) => Resolution::Known {
                actor_id: actor.id,
                key: actor.key.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
            },
            None => Resolution::Unknown {
                suggestions: Vec::new(),
            },
        }
    }

    /// Resolves a country code as file names use it (`NAM_78_2023.txt` is Namibia, not
    /// the Non-Aligned Movement): an ISO 3166 alpha-3 code first, then any alias
    /// (the UN General Debate corpus writes `EU` for the European Union).
    pub fn resolve_code(&self, code: &str) -> Resolution {
        let code = code.trim();
        match self
            .by_iso3
            .get(&code.to_ascii_uppercase())
            .and_then(|id| self.actors.get(id))
        {
            Some(actor) => Resolution::Known {
                actor_id: actor.id,
                key: actor.key.clone(),
                name: actor.name.clone(),
                kind: actor.kind,
            },
            None => self.resolve(code),
        }
    }

    /// The canonical names closest to `name`, best first, at most `limit`.
    pub fn suggest(&self, name: &str, limit: usize) -> Vec<String> {
        let query = names::normalize(name);
        if query.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<i64, f64> = HashMap::new();
        for (alias, id) in &self.by_alias {
            let mut score = strsim::jaro_winkler(&query, alias);
            if query.len() >= 4 && (alias.contains(&query) || query.contains(alias.as_str())) {
                score = score.max(0.9);
            }
            let entry = best.entry(*id).or_insert(0.0);
            *entry = entry.max(score);
        }
        let mut ranked: Vec<(i64, f64)> = best.into_iter().filter(|(_, s)| *s >= 0.8).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(limit)
            .filter_map(|(id, _)| self.actors.get(&id).map(|a| a.name.clone()))
            .collect()
    }

    /// Every folded alias with its sound key and actor id (see `names::sound_key`),
    /// computed once per resolver.
    pub fn aliases_by_sound(&self) -> &[(String, String, i64)] {
        self.by_sound.get_or_init(|| {
            let mut all: Vec<(String, String, i64)> = self
                .by_alias
                .iter()
                .map(|(alias, id)| (names::sound_key(alias), alias.clone(), *id))
                .collect();
            all.sort();
            all
        })
    }

    /// How many actors the resolver knows.
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// Whether the resolver knows no actor.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }
}

/// The words of `text` as byte ranges: letters and digits, with apostrophes, hyphens
/// and dots inside a word kept ("d’Ivoire", "Guinea-Bissau", "U.S").
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '\'' | '\u{2019}' | '-' | '.')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push((s, i));
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[actor]]
key = "WEOG"
name = "Western European and Others Group"
kind = "group"
category = "regional"

[[actor]]
key = "EU"
name = "European Union"
kind = "group"
aliases = ["EU"]

[[actor]]
key = "FRA"
name = "France"
kind = "state"
iso2 = "FR"
iso3 = "FRA"
region = "WEOG"
groups = ["EU"]
aliases = ["French Republic"]
"#;

    fn resolver(text: &str) -> Resolver {
        let file = GazetteerFile::parse("test", text).unwrap();
        let actors = file.actors.iter().enumerate().map(|(i, a)| ResolverActor {
            id: i as i64 + 1,
            key: a.key().to_string(),
            name: a.name.clone(),
            kind: a.kind,
            iso3: a.iso3.clone(),
        });
        let aliases = file
            .actors
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.aliases.iter().map(move |al| (i as i64 + 1, al.clone())));
        Resolver::new(actors, aliases)
    }

    #[test]
    fn resolves_aliases_codes_and_suggests() {
        let r = resolver(SMALL);
        assert_eq!(r.resolve("the French Republic").name(), Some("France"));
        assert_eq!(r.resolve("FRA").name(), Some("France"));
        assert_eq!(r.resolve("fra").name(), None, "codes are upper case only");
        assert_eq!(r.resolve_code("fra").name(), Some("France"));
        assert_eq!(r.resolve_code("EU").name(), Some("European Union"));
        assert_eq!(r.resolve("eu").name(), Some("European Union"));
        match r.resolve("Frence") {
            Resolution::Unknown { suggestions } => assert_eq!(suggestions, ["France"]),
            other => panic!("expected unknown, got {other:?}"),
        }
    }

    fn parse_error(text: &str) -> String {
        GazetteerFile::parse("test.toml", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn rejects_bad_files_with_the_line() {
        let dup_alias =
            format!("{SMALL}\n[[actor]]\nkey = \"X\"\nname = \"France\"\nkind = \"role\"\n");
        let msg = parse_error(&dup_alias);
        assert!(
            msg.contains("line 25") && msg.contains("already names FRA"),
            "{msg}"
        );

        let bad_group = SMALL.replace("groups = [\"EU\"]", "groups = [\"NOPE\"]");
        assert!(parse_error(&bad_group).contains("unknown group key \"NOPE\""));

        let bad_kind = SMALL.replace("kind = \"state\"", "kind = \"country\"");
        let msg = parse_error(&bad_kind);
        assert!(
            msg.contains("test.toml, line 17") && msg.contains("unknown variant"),
            "{msg}"
        );

        let no_iso = SMALL.replace("iso3 = \"FRA\"\n", "");
        assert!(parse_error(&no_iso).contains("needs iso2 and iso3"));
    }

    #[test]
    fn translations_become_aliases_and_collisions_are_errors_with_the_line() {
        let file = GazetteerFile::parse("test", SMALL).unwrap();
        let merge = |text: &str| {
            file.clone()
                .with_translations("tr.toml", text)
                .map_err(|e| e.to_string())
        };
        let merged =
            merge("[FRA]\nfr = [\"France\", \"République française\"]\nes = [\"Francia\"]\n")
                .unwrap();
        let fra = merged.actors.iter().find(|a| a.key() == "FRA").unwrap();
        assert_eq!(
            fra.aliases,
            ["French Republic", "République française", "Francia"],
            "a name France already answers to is skipped"
        );

        let msg = merge(
            "[FRA]\nfr = [\"Francia\"]\n\nes = [\"Francia\", \"Unión Europea\", \"UE\", \"EU\"]\n",
        )
        .unwrap_err();
        assert!(
            msg.contains("tr.toml, line 4") && msg.contains("\"EU\" of FRA already names EU"),
            "{msg}"
        );
        let msg = merge("[EU]\nfr = [\"UE\"]\n").unwrap_err();
        assert!(
            msg.contains("line 1") && msg.contains("EU is not a state"),
            "{msg}"
        );
        let msg = merge("[FRA]\nfr = [\"France\"]\n[XXX]\nes = [\"X\"]\n").unwrap_err();
        assert!(
            msg.contains("line 3") && msg.contains("unknown actor key"),
            "{msg}"
        );
        let msg = merge("[FRA]\nde = [\"Frankreich\"]\n").unwrap_err();
        assert!(
            msg.contains("line 2") && msg.contains("unknown field"),
            "{msg}"
        );
    }

    #[test]
    fn kinds_parse_in_both_spellings() {
        assert_eq!(
            "Organization".parse::<ActorKind>().unwrap(),
            ActorKind::Organisation
        );
        assert_eq!("states".parse::<ActorKind>().unwrap(), ActorKind::State);
        let err = "country".parse::<ActorKind>().unwrap_err().to_string();
        assert!(
            err.contains("state, group, organisation, stakeholder, role"),
            "{err}"
        );
    }
}
