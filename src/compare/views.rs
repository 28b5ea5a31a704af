//! What the comparison views show, read from the store: positions of chosen actors,
//! the statements behind one cell, an actor's profile, the members of a heatmap.

use std::collections::HashMap;

use serde::Serialize;

use super::{positions, Position};
use crate::error::Result;
use crate::gazetteer::{ActorKind, Resolver};
use crate::store::actors::Actor;
use crate::store::documents::{StatementFilter, StatementRow};
use crate::store::positions::{PositionFilter, TagFact};
use crate::store::Store;

/// A statement behind a comparison cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct DatedCount {
    pub date: String,
    pub statements: i64,
}

/// Everything one actor said.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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

/// Positions of actors `(id, name)` on themes (keys, known to exist); with `quotes`,
/// evidence quotes and, for groups, who aligned with them.
pub fn positions_of(
    store: &Store,
    resolver: &Resolver,
    actors: &[(i64, String)],
    themes: &[String],
    filter: &PositionFilter,
    quotes: bool,
) -> Result<Vec<Position>> {
    let ids: Vec<i64> = actors.iter().map(|(id, _)| *id).collect();
    let facts = store.position_facts(Some(&ids), themes, filter, quotes)?;
    let mut aligned = HashMap::new();
    for (id, _) in actors {
        let is_group = resolver
            .actor(*id)
            .is_some_and(|a| a.kind == ActorKind::Group);
        if is_group && quotes {
            let names = store.aligned_with(*id)?.into_iter().map(|(n, _)| n);
            aligned.insert(*id, names.collect());
        }
    }
    Ok(positions(actors, themes, &facts, &aligned))
}

/// The statements behind one actor × theme cell, in date order, each with the
/// stances its tags take.
pub fn cell_statements(
    store: &Store,
    actor: i64,
    theme: &str,
    filter: &PositionFilter,
) -> Result<Vec<CellStatement>> {
    let facts = store.position_facts(Some(&[actor]), &[theme.to_string()], filter, false)?;
    let stances = stances_by_statement(facts);
    let ids: Vec<i64> = stances.iter().map(|(s, _)| *s).collect();
    let contexts = store.hit_contexts(&ids)?;
    let mut out = Vec::with_capacity(stances.len());
    for (statement, list) in stances {
        let (Some(c), Some(row)) = (contexts.get(&statement), store.statement(statement)?) else {
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

/// Each statement of `facts` (in their order) with its distinct stances.
fn stances_by_statement(facts: Vec<TagFact>) -> Vec<(i64, Vec<&'static str>)> {
    let mut stances: Vec<(i64, Vec<&'static str>)> = Vec::new();
    for f in facts {
        match stances.iter_mut().find(|(s, _)| *s == f.statement) {
            Some((_, list)) if !list.contains(&f.stance.as_str()) => list.push(f.stance.as_str()),
            Some(_) => {}
            None => stances.push((f.statement, vec![f.stance.as_str()])),
        }
    }
    stances
}

/// An actor's profile: its positions on `themes` (those it touched), at most `limit`
/// statements, and its statements per date.
pub fn profile(
    store: &Store,
    resolver: &Resolver,
    actor: Actor,
    themes: &[String],
    limit: i64,
) -> Result<ActorProfile> {
    let me = [(actor.id, actor.name.clone())];
    let positions = positions_of(
        store,
        resolver,
        &me,
        themes,
        &PositionFilter::default(),
        true,
    )?
    .into_iter()
    .filter(|p| p.statements > 0)
    .collect();
    let timeline = store.actor_timeline(actor.id)?;
    let total_statements = timeline.iter().map(|(_, n)| n).sum();
    let statements = store.statements(&StatementFilter {
        speaker: Some(actor.id),
        limit: Some(limit.max(1)),
        ..StatementFilter::default()
    })?;
    let timeline = timeline
        .into_iter()
        .map(|(date, statements)| DatedCount { date, statements })
        .collect();
    Ok(ActorProfile {
        actor,
        positions,
        statements,
        timeline,
        total_statements,
    })
}

/// The rows of a heatmap: the members of a group or region and the group itself, or
/// every actor that spoke; named, by name.
pub fn heatmap_actors(
    store: &Store,
    resolver: &Resolver,
    group: Option<i64>,
) -> Result<Vec<(i64, String)>> {
    let mut ids: Vec<i64> = match group {
        Some(g) => {
            let mut members = store.members(g)?;
            members.push(g);
            members
        }
        None => store.speaking_actors()?,
    };
    ids.sort();
    ids.dedup();
    let mut named: Vec<(i64, String)> = ids
        .into_iter()
        .filter_map(|id| resolver.actor(id).map(|a| (id, a.name.clone())))
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(named)
}
