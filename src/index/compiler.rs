//! Compiling a parsed query ([`super::query`]) into a tantivy query: words and phrases
//! on the folded or pair field (checked word for word against the texts with
//! `--exact`, and for `word*`: [`super::verify`]), acronyms searched with their
//! expansions, and filters on the statements' facets.

use std::collections::HashMap;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    RegexQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Term};

use super::analyzer::{ExactTokenizer, FoldingTokenizer, PairTokenizer};
use super::query::{self, Clause, Field, Item};
use super::request::SearchRequest;
use super::schema::Fields;
use super::verify::{Prefix, Run, Verifier};
use crate::error::{Error, Result};
use crate::formats::SourceType;
use crate::gazetteer::{ActorKind, Resolution, Resolver};
use crate::store::search_rows::date_number;

/// What compiling needs from the library.
pub struct QueryContext<'a> {
    pub resolver: &'a Resolver,
    /// Acronym (lower case) → its expansion, from the codebook.
    pub acronyms: &'a HashMap<String, String>,
    /// Session id → its full name ("OEWG 2021–2025, 2nd substantive session"), for
    /// `session:` filters that name a session rather than give its number.
    pub sessions: &'a HashMap<u64, String>,
    /// Reads texts to check words as written (`--exact`, `word*`); without it such
    /// queries are refused.
    pub verifier: Option<&'a Verifier<'a>>,
}

/// A compiled query and what was read leniently or added.
pub struct Compiled {
    pub query: Box<dyn Query>,
    pub notices: Vec<String>,
    /// Whether the query has words to highlight.
    pub has_text: bool,
    /// The words to highlight, as terms of the text field the query searched.
    pub highlight: Vec<Term>,
}

/// A query the user must fix, and where.
fn bad(column: usize, message: impl Into<String>) -> Error {
    Error::Query {
        column,
        message: message.into(),
    }
}

/// A term that must occur, with positions (phrases need them).
pub(super) fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        term,
        IndexRecordOption::WithFreqsAndPositions,
    ))
}

/// A filter: matches without adding to the score.
fn filter(q: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(q, 0.0))
}

/// The query for a run of terms on a text field: a term, or a phrase.
fn text_query(field: tantivy::schema::Field, terms: &[String]) -> Option<Box<dyn Query>> {
    let terms: Vec<Term> = terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(term_query(terms.into_iter().next()?)),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// The query for a run of folded terms: a term; a phrase of frequent words is a phrase
/// of their pairs on the pair field (one term for two words, no position checks on
/// words that are in half the statements); any other phrase is checked on the folded
/// field's positions, where its rarer word keeps the work small.
fn words_query(fields: &Fields, terms: &[String]) -> Option<Box<dyn Query>> {
    if !PairTokenizer::indexed(terms) {
        return text_query(fields.text, terms);
    }
    text_query(fields.text_pairs, &PairTokenizer::pairs(terms))
}

/// Compiles a query string and extra filters.
pub fn compile(fields: &Fields, ctx: &QueryContext, request: &SearchRequest) -> Result<Compiled> {
    let mut parsed = query::parse(&request.query).map_err(|e| bad(e.column, e.message))?;
    for filter in &request.filters {
        if filter.value.trim().is_empty() {
            let name = filter.field.name();
            return Err(bad(1, format!("the filter \"{name}:\" needs a value")));
        }
        let clause = Clause::Filter {
            field: filter.field,
            value: filter.value.clone(),
        };
        parsed.groups.push(vec![Item {
            clause,
            negated: false,
        }]);
    }
    let mut compiler = Compiler {
        fields,
        ctx,
        folding: FoldingTokenizer::default(),
        exact: request.exact,
        themes: asked_themes(&parsed.groups),
        notices: parsed.notices.clone(),
        has_text: false,
        highlight: Vec::new(),
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut positive = 0;
    for group in &parsed.groups {
        let mut alternatives = Vec::new();
        let negated = group.iter().all(|i| i.negated);
        for item in group {
            if let Some(q) = compiler.item(item)? {
                alternatives.push(q);
            }
        }
        let q: Box<dyn Query> = match alternatives.len() {
            0 => continue,
            1 => alternatives.pop().unwrap_or_else(|| Box::new(EmptyQuery)),
            _ => Box::new(BooleanQuery::new(
                alternatives
                    .into_iter()
                    .map(|q| (Occur::Should, q))
                    .collect(),
            )),
        };
        if negated {
            clauses.push((Occur::MustNot, q));
        } else {
            positive += 1;
            clauses.push((Occur::Must, q));
        }
    }
    if parsed.groups.is_empty() && request.filters.is_empty() {
        return Err(bad(
            1,
            "the query is empty; type some words, a \"phrase\" or a filter such as speaker:France",
        ));
    }
    if positive == 0 {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Compiled {
        query: Box::new(BooleanQuery::new(clauses)),
        notices: compiler.notices,
        has_text: compiler.has_text,
        highlight: compiler.highlight,
    })
}

/// The themes the query asks for (not excluded), lower-cased: a theme and a stance
/// asked together mean the same tag.
fn asked_themes(groups: &[Vec<Item>]) -> Vec<String> {
    groups
        .iter()
        .flatten()
        .filter_map(|i| match &i.clause {
            Clause::Filter {
                field: Field::Theme,
                value,
            } if !i.negated => Some(value.to_lowercase()),
            _ => None,
        })
        .collect()
}

/// One compilation under way: what it reads, and what it gathers besides queries.
struct Compiler<'a> {
    fields: &'a Fields,
    ctx: &'a QueryContext<'a>,
    folding: FoldingTokenizer,
    exact: bool,
    themes: Vec<String>,
    notices: Vec<String>,
    has_text: bool,
    highlight: Vec<Term>,
}

impl Compiler<'_> {
    /// The query for one item of a group; `None` when it has nothing to search for.
    fn item(&mut self, item: &Item) -> Result<Option<Box<dyn Query>>> {
        match &item.clause {
            Clause::Word { text, prefix: true } => self.prefix(text).map(Some),
            Clause::Word {
                text,
                prefix: false,
            } => self.word(text),
            Clause::Phrase(phrase) => self.phrase(phrase),
            Clause::Filter { field, value } => {
                compile_filter(self.fields, self.ctx, *field, value, &self.themes)
                    .map(|q| Some(filter(q)))
            }
        }
    }

    /// A text's folded terms, kept for highlighting.
    fn analyze(&mut self, text: &str) -> Vec<String> {
        let terms = self.folding.terms(text);
        self.highlight.extend(
            terms
                .iter()
                .map(|t| Term::from_field_text(self.fields.text, t)),
        );
        terms
    }

    /// What checks words as written, or why the query cannot be answered.
    fn verifier(&self, what: &str) -> Result<&Verifier<'_>> {
        self.ctx
            .verifier
            .ok_or_else(|| bad(1, format!("{what} cannot be searched here")))
    }

    /// `word*`: words starting with it as written. The candidates are the folded
    /// words that start with the prefix or with its own folding ("policy" →
    /// "polici"), and the short ones a stemmer cut inside it ("policy" for
    /// "policy*"); the texts decide.
    fn prefix(&mut self, text: &str) -> Result<Box<dyn Query>> {
        self.has_text = true;
        let prefix: String = ExactTokenizer::terms(text).join(" ");
        let folded = self.folding.terms(&prefix).join(" ");
        let common: String = prefix
            .chars()
            .zip(folded.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect();
        let longer = (prefix.chars().count() + 1).saturating_sub(common.chars().count());
        let pattern = format!(
            "{}.*|{}.*|{}.{{0,{longer}}}",
            regex::escape(&prefix),
            regex::escape(&folded),
            regex::escape(&common)
        );
        let candidates = RegexQuery::from_pattern(&pattern, self.fields.text)
            .map_err(|e| bad(1, format!("cannot search for {text}*: {e}")))?;
        let Some(found) = Prefix::new(prefix) else {
            return Err(bad(1, format!("cannot search for {text}*")));
        };
        self.verifier(&format!("{text}*"))?
            .keep(&candidates, |text| found.found_in(text))
    }

    /// With `--exact`: the statements holding these words as written (lower-cased),
    /// found among those holding their folded forms.
    fn exact(&mut self, text: &str) -> Result<Option<Box<dyn Query>>> {
        let run = ExactTokenizer::terms(text);
        self.highlight.extend(
            run.iter()
                .map(|t| Term::from_field_text(self.fields.text, t)),
        );
        let folded = self.folding.terms(text);
        let Some(candidates) = words_query(self.fields, &folded) else {
            return Ok(None);
        };
        let Some(run) = Run::new(run) else {
            return Ok(None);
        };
        let checked = self
            .verifier(&format!("{text:?} as written"))?
            .keep(&*candidates, |text| run.found_in(text))?;
        // Ranked as the folded words rank; kept only where the text holds them.
        Ok(Some(Box::new(BooleanQuery::new(vec![
            (Occur::Must, candidates),
            (Occur::Must, filter(checked)),
        ]))))
    }

    /// A word, and the phrase it stands for when it is a codebook acronym.
    fn word(&mut self, text: &str) -> Result<Option<Box<dyn Query>>> {
        self.has_text = true;
        if self.exact {
            let q = self.exact(text)?;
            if q.is_none() {
                self.notices
                    .push(format!("{text:?} has no letters or digits and was ignored"));
            }
            return Ok(q);
        }
        let terms = self.analyze(text);
        let Some(q) = words_query(self.fields, &terms) else {
            self.notices
                .push(format!("{text:?} has no letters or digits and was ignored"));
            return Ok(None);
        };
        let ctx = self.ctx;
        match ctx.acronyms.get(&text.to_lowercase()) {
            Some(expansion) => {
                self.notices.push(format!("also searching: {expansion}"));
                let mut alternatives = vec![(Occur::Should, q)];
                let terms = self.analyze(expansion);
                if let Some(e) = words_query(self.fields, &terms) {
                    alternatives.push((Occur::Should, e));
                }
                Ok(Some(Box::new(BooleanQuery::new(alternatives))))
            }
            None => Ok(Some(q)),
        }
    }

    /// A phrase, and the acronyms that stand for it.
    fn phrase(&mut self, phrase: &str) -> Result<Option<Box<dyn Query>>> {
        self.has_text = true;
        if self.exact {
            let q = self.exact(phrase)?;
            if q.is_none() {
                self.notices.push("an empty phrase was ignored".into());
            }
            return Ok(q);
        }
        let terms = self.analyze(phrase);
        let Some(q) = words_query(self.fields, &terms) else {
            self.notices.push("an empty phrase was ignored".into());
            return Ok(None);
        };
        // The phrase a codebook acronym stands for also finds the acronym
        // ("programme of action" finds "PoA"), and says so.
        let ctx = self.ctx;
        let mut acronyms: Vec<&String> = ctx
            .acronyms
            .iter()
            .filter(|(_, expansion)| self.folding.terms(expansion) == terms)
            .map(|(acronym, _)| acronym)
            .collect();
        acronyms.sort();
        if acronyms.is_empty() {
            return Ok(Some(q));
        }
        let mut alternatives = vec![(Occur::Should, q)];
        let mut shown = Vec::new();
        for a in acronyms {
            let terms = self.analyze(a);
            if let Some(aq) = words_query(self.fields, &terms) {
                alternatives.push((Occur::Should, aq));
                shown.push(a.to_uppercase());
            }
        }
        shown.dedup();
        self.notices
            .push(format!("also searching: {}", shown.join(", ")));
        Ok(Some(Box::new(BooleanQuery::new(alternatives))))
    }
}

/// The query for a `field:value` filter.
fn compile_filter(
    fields: &Fields,
    ctx: &QueryContext,
    field: Field,
    value: &str,
    themes: &[String],
) -> Result<Box<dyn Query>> {
    let u64_term = |f, v: i64| term_query(Term::from_field_u64(f, v as u64));
    let text_term = |f, v: &str| term_query(Term::from_field_text(f, v));
    Ok(match field {
        Field::Speaker => u64_term(fields.speaker, actor(ctx, field, value)?.0),
        Field::Group => {
            let (id, _) = actor(ctx, field, value)?;
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, u64_term(fields.groups, id)),
                (Occur::Should, u64_term(fields.speaker, id)),
            ]))
        }
        Field::Region => u64_term(fields.region, actor(ctx, field, value)?.0),
        Field::Kind => kind_filter(fields, value)?,
        Field::Session => session_filter(fields, ctx, value)?,
        Field::Theme => text_term(fields.theme, &value.to_lowercase()),
        Field::Stance => stance_filter(fields, value, themes)?,
        Field::After | Field::Before => date_filter(fields, field, value)?,
        Field::Symbol => text_term(fields.symbol, value.trim()),
        Field::Document => {
            let id: i64 = value.trim().parse().map_err(|_| {
                bad(
                    1,
                    format!("document:{value} needs a document id (see `plenary documents`)"),
                )
            })?;
            u64_term(fields.document, id)
        }
    })
}

/// `kind:`: a document kind (`verbatim`) or a speaker kind (`state`).
fn kind_filter(fields: &Fields, value: &str) -> Result<Box<dyn Query>> {
    let text_term = |f, v: &str| term_query(Term::from_field_text(f, v));
    if let Some(t) = SourceType::parse(value) {
        Ok(text_term(fields.doc_kind, t.as_str()))
    } else if let Ok(kind) = value.parse::<ActorKind>() {
        Ok(text_term(fields.speaker_kind, kind.as_str()))
    } else {
        let docs: Vec<&str> = SourceType::ALL.iter().map(|t| t.as_str()).collect();
        let actors: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
        Err(bad(
            1,
            format!(
                "kind:{value} is neither a document kind ({}) nor a speaker kind ({})",
                docs.join(", "),
                actors.join(", ")
            ),
        ))
    }
}

/// `stance:`: tags with that stance, on the themes asked for when there are some.
fn stance_filter(fields: &Fields, value: &str, themes: &[String]) -> Result<Box<dyn Query>> {
    let text_term = |f, v: &str| term_query(Term::from_field_text(f, v));
    let stance = value.to_lowercase();
    if !matches!(
        stance.as_str(),
        "support" | "oppose" | "conditional" | "mention"
    ) {
        return Err(bad(
            1,
            format!("stance:{value} is not a stance; use support, oppose, conditional or mention"),
        ));
    }
    Ok(match themes.len() {
        0 => text_term(fields.stance, &stance),
        _ => Box::new(BooleanQuery::new(
            themes
                .iter()
                .map(|t| {
                    (
                        Occur::Should,
                        text_term(fields.theme_stance, &format!("{t}:{stance}")),
                    )
                })
                .collect(),
        )),
    })
}

/// Whether `value` is a year, a month of a year, or a day that exists: `2021`,
/// `2021-07`, `2021-07-09` (not `2020-13-45`).
fn real_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let year = parts[0].len() == 4 && parts[0].bytes().all(|b| b.is_ascii_digit());
    match parts.len() {
        1 => year,
        2 => year && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)),
        3 => year && chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok(),
        _ => false,
    }
}

/// `after:` (from that date on) and `before:` (dated, and before that date).
fn date_filter(fields: &Fields, field: Field, value: &str) -> Result<Box<dyn Query>> {
    let n = date_number(value)
        .filter(|_| real_date(value))
        .ok_or_else(|| {
            bad(
                1,
                format!(
                    "{}:{value} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                    field.name()
                ),
            )
        })?;
    let (lower, upper) = if field == Field::After {
        (
            Bound::Included(Term::from_field_i64(fields.date, n)),
            Bound::Unbounded,
        )
    } else {
        (
            Bound::Included(Term::from_field_i64(fields.date, 1)),
            Bound::Excluded(Term::from_field_i64(fields.date, n)),
        )
    };
    Ok(Box::new(RangeQuery::new(lower, upper)))
}

/// The actor a `speaker:`, `group:` or `region:` filter names.
fn actor(ctx: &QueryContext, field: Field, value: &str) -> Result<(i64, ActorKind)> {
    match ctx.resolver.resolve(value) {
        Resolution::Known { actor_id, kind, .. } => Ok((actor_id, kind)),
        Resolution::Unknown { suggestions } => {
            let hint = if suggestions.is_empty() {
                "see `plenary actors list`".to_string()
            } else {
                format!("did you mean {}?", suggestions.join(", "))
            };
            Err(bad(
                1,
                format!(
                    "unknown {} {value:?} in {}:{value}; {hint}",
                    field.name(),
                    field.name()
                ),
            ))
        }
    }
}

/// `session:2` (or `2nd`): that session number in every process. `session:"OEWG
/// 2021–2025, 2nd substantive session"`: that one session, as the session facet names
/// it; a name without its process (`session:"2nd substantive session"`) matches it in
/// every process. Sessions without a number can only be named.
fn session_filter(fields: &Fields, ctx: &QueryContext, value: &str) -> Result<Box<dyn Query>> {
    let value = value.trim();
    let digits: String = value.chars().take_while(|c| c.is_ascii_digit()).collect();
    let ordinal = value[digits.len()..].to_lowercase();
    if !digits.is_empty() && matches!(ordinal.as_str(), "" | "st" | "nd" | "rd" | "th") {
        let n: u64 = digits.parse().map_err(|_| {
            bad(
                1,
                format!("session:{value} is not a session number; use e.g. session:2"),
            )
        })?;
        return Ok(term_query(Term::from_field_u64(fields.session_number, n)));
    }
    let wanted = value.to_lowercase();
    let mut ids: Vec<u64> = ctx
        .sessions
        .iter()
        .filter(|(_, name)| {
            let name = name.to_lowercase();
            name == wanted
                || name
                    .rsplit_once(", ")
                    .is_some_and(|(_, session)| session == wanted)
        })
        .map(|(id, _)| *id)
        .collect();
    ids.sort_unstable();
    if ids.is_empty() {
        let mut known: Vec<&str> = ctx.sessions.values().map(String::as_str).collect();
        known.sort_unstable();
        known.truncate(3);
        let examples = if known.is_empty() {
            "the library holds no sessions yet".to_string()
        } else {
            format!("e.g. session:\"{}\"", known.join("\", session:\""))
        };
        return Err(bad(
            1,
            format!("no session is named {value:?} in session:{value}; give a session number (session:2) or a session's full name as the session filter lists it ({examples})"),
        ));
    }
    Ok(Box::new(BooleanQuery::new(
        ids.into_iter()
            .map(|id| {
                (
                    Occur::Should,
                    term_query(Term::from_field_u64(fields.session, id)),
                )
            })
            .collect(),
    )))
}
