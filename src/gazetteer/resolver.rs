//! The resolver: maps any name a record uses — an alias, an ISO code, a name in
//! running text — to one actor of the library, and suggests the closest names when
//! none answers.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{names, ActorKind};

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
    /// The actor's id, if the name was resolved.
    pub fn actor_id(&self) -> Option<i64> {
        match self {
            Resolution::Known { actor_id, .. } => Some(*actor_id),
            Resolution::Unknown { .. } => None,
        }
    }

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
    /// A former State's last day (`gazetteer::former`); none for today's actors.
    pub until: Option<NaiveDate>,
    /// The actor that continued a former State's seat (the Russian Federation the USSR's).
    pub continued_by: Option<i64>,
}

impl ResolverActor {
    /// Whether the actor is a former State.
    pub fn is_former(&self) -> bool {
        self.until.is_some()
    }
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
    /// Former States by the actor that continued them, to read a continuer's name or code
    /// in a record of the former State's time as the former State.
    continued: HashMap<i64, Vec<i64>>,
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
            if let Some(continuer) = actor.continued_by {
                resolver
                    .continued
                    .entry(continuer)
                    .or_default()
                    .push(actor.id);
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

    /// Every actor of today named in `text` whose kind `wanted` accepts, in order,
    /// longest name first where names overlap ("Republic of Korea", not "Korea"). A name
    /// counts only where it starts with a capital letter, and an alias written in
    /// capitals ("UK", "WHO") only where the text writes it in capitals. A former
    /// State's name is passed over ("since the Soviet Union", "Democratic Yemen" is not
    /// Yemen): in running text it is history, not a speaker.
    pub fn mentions(&self, text: &str, wanted: impl Fn(ActorKind) -> bool) -> Vec<Mention> {
        self.scan(text, wanted, false)
    }

    /// Like [`Resolver::mentions`], former States included: for the headings and
    /// offices of records that may be of their time ("Minister for Foreign Affairs of
    /// Yugoslavia").
    pub fn mentions_any_time(
        &self,
        text: &str,
        wanted: impl Fn(ActorKind) -> bool,
    ) -> Vec<Mention> {
        self.scan(text, wanted, true)
    }

    fn scan(&self, text: &str, wanted: impl Fn(ActorKind) -> bool, former: bool) -> Vec<Mention> {
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
                    (wanted(actor.kind) || actor.is_former()).then_some((n, span_end, actor))
                });
            match longest {
                Some((n, span_end, actor)) => {
                    if actor.is_former() && !(former && wanted(actor.kind)) {
                        i += n;
                        continue;
                    }
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

    /// Resolves a name as a record of `date` uses it: a former State's name names it
    /// up to its last day and nobody after (a wrong speaker is worse than none); a name
    /// or code of the State that continued one ("Russian Federation", `RUS`) names the
    /// former State in its time. Without a date, a name names whom it names today.
    pub fn resolve_on(&self, name: &str, date: Option<NaiveDate>) -> Resolution {
        self.in_its_time(self.resolve(name), date)
    }

    /// A country code of a file name ([`Resolver::resolve_code`]) in a record of `date`,
    /// read as [`Resolver::resolve_on`] reads names.
    pub fn resolve_code_on(&self, code: &str, date: Option<NaiveDate>) -> Resolution {
        self.in_its_time(self.resolve_code(code), date)
    }

    /// The actor a resolution names, as of `date`.
    fn in_its_time(&self, resolution: Resolution, date: Option<NaiveDate>) -> Resolution {
        let (Some(date), Some(id)) = (date, resolution.actor_id()) else {
            return resolution;
        };
        let alive = |id: &i64| {
            self.actors
                .get(id)
                .is_some_and(|a| a.until.is_none_or(|until| date <= until))
        };
        let of_its_time = self
            .continued
            .get(&id)
            .and_then(|former| former.iter().find(|f| alive(f)))
            .copied()
            .or_else(|| alive(&id).then_some(id));
        match of_its_time.and_then(|id| self.actors.get(&id)) {
            Some(actor) => known(actor),
            None => Resolution::Unknown {
                suggestions: Vec::new(),
            },
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
            Some(actor) => known(actor),
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
            Some(actor) => known(actor),
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

    /// Every folded alias of today's actors with its sound key and actor id (see
    /// `names::sound_key`), computed once per resolver. Former States have none: a
    /// misheard name is never matched to a State that no longer speaks.
    pub fn aliases_by_sound(&self) -> &[(String, String, i64)] {
        self.by_sound.get_or_init(|| {
            let mut all: Vec<(String, String, i64)> = self
                .by_alias
                .iter()
                .filter(|(_, id)| self.actors.get(id).is_some_and(|a| !a.is_former()))
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

/// The resolution naming `actor`.
fn known(actor: &ResolverActor) -> Resolution {
    Resolution::Known {
        actor_id: actor.id,
        key: actor.key.clone(),
        name: actor.name.clone(),
        kind: actor.kind,
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
