//! The `actors`, `actor_aliases` and `memberships` tables: who speaks, and every name
//! they answer to.

use std::collections::HashMap;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::{params, Connection};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::gazetteer::{former, names, ActorKind, GazetteerFile, ResolverActor};

/// An actor with its region, groups and aliases.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Actor {
    pub id: i64,
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub category: Option<String>,
    pub iso2: Option<String>,
    pub iso3: Option<String>,
    /// Canonical name of the UN regional group.
    pub region: Option<String>,
    pub region_key: Option<String>,
    /// Canonical names of the groups and organisations it belongs to.
    pub groups: Vec<String>,
    pub group_keys: Vec<String>,
    /// Every other name it answers to.
    pub aliases: Vec<String>,
    pub observer: bool,
    /// A former State's last day (`YYYY-MM-DD`); none for today's actors.
    pub until: Option<String>,
}

/// Library metadata key holding the hash of the gazetteer last loaded.
pub const GAZETTEER_HASH: &str = "gazetteer_hash";

impl Store {
    /// Loads a gazetteer into the library: actors are inserted or updated by key, and
    /// the gazetteer's aliases and memberships replaced; actors, aliases and memberships
    /// a user added are kept. Runs in one transaction.
    pub fn sync_gazetteer(&mut self, file: &GazetteerFile, hash: &str) -> Result<()> {
        let path = self.path.clone();
        let err = |doing: &'static str| {
            let path = path.clone();
            move |source| Error::Sqlite {
                path,
                doing,
                source,
            }
        };
        let doing = "loading the gazetteer";
        let tx = self.conn.transaction().map_err(err(doing))?;
        let ids = upsert_actors(&tx, file).map_err(err(doing))?;
        link_actors(&tx, file, &ids).map_err(err(doing))?;
        tx.execute(
            "INSERT INTO library_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![GAZETTEER_HASH, hash],
        )
        .map_err(err(doing))?;
        tx.commit().map_err(err(doing))
    }

    /// Every actor, optionally of one kind, sorted by kind then name.
    pub fn actors(&self, kind: Option<ActorKind>) -> Result<Vec<Actor>> {
        let doing = "listing actors";
        let mut stmt = self
            .conn
            .prepare(
                "SELECT a.id, a.key, a.name, a.kind, a.category, a.iso2, a.iso3, a.observer,
                        r.name, r.key, a.until
                 FROM actors a LEFT JOIN actors r ON r.id = a.region_id
                 WHERE ?1 IS NULL OR a.kind = ?1",
            )
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([kind.map(ActorKind::as_str)], |r| {
                Ok(Actor {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    category: r.get(4)?,
                    iso2: r.get(5)?,
                    iso3: r.get(6)?,
                    observer: r.get(7)?,
                    region: r.get(8)?,
                    region_key: r.get(9)?,
                    until: r.get(10)?,
                    groups: Vec::new(),
                    group_keys: Vec::new(),
                    aliases: Vec::new(),
                })
            })
            .map_err(self.err(doing))?;
        let mut actors = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))?;
        let index: HashMap<i64, usize> =
            actors.iter().enumerate().map(|(i, a)| (a.id, i)).collect();

        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.member_id, g.name, g.key FROM memberships m
                 JOIN actors g ON g.id = m.group_id ORDER BY g.name",
            )
            .map_err(self.err(doing))?;
        let mut rows = stmt.query([]).map_err(self.err(doing))?;
        while let Some(r) = rows.next().map_err(self.err(doing))? {
            let member: i64 = r.get(0).map_err(self.err(doing))?;
            if let Some(&i) = index.get(&member) {
                actors[i].groups.push(r.get(1).map_err(self.err(doing))?);
                actors[i]
                    .group_keys
                    .push(r.get(2).map_err(self.err(doing))?);
            }
        }

        for (id, alias) in self.aliases()? {
            if let Some(&i) = index.get(&id) {
                if alias != actors[i].name {
                    actors[i].aliases.push(alias);
                }
            }
        }
        actors.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
        Ok(actors)
    }

    /// Every `(actor id, alias)` pair, canonical names included.
    pub fn aliases(&self) -> Result<Vec<(i64, String)>> {
        let doing = "reading aliases";
        let mut stmt = self
            .conn
            .prepare("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, rowid")
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }

    /// The actors as the resolver needs them.
    pub fn resolver_actors(&self) -> Result<Vec<ResolverActor>> {
        let doing = "reading actors";
        let mut stmt = self
            .conn
            .prepare("SELECT id, key, name, kind, iso3, until, continued_by_id FROM actors")
            .map_err(self.err(doing))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ResolverActor {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    iso3: r.get(4)?,
                    until: r
                        .get::<_, Option<String>>(5)?
                        .as_deref()
                        .and_then(former::parse_until),
                    continued_by: r.get(6)?,
                })
            })
            .map_err(self.err(doing))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err(doing))
    }
}

impl FromSql for ActorKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        text.parse()
            .map_err(|e: Error| FromSqlError::Other(Box::new(e)))
    }
}

/// Inserts or updates the gazetteer's actors by key; returns their ids by key.
fn upsert_actors<'f>(
    tx: &Connection,
    file: &'f GazetteerFile,
) -> rusqlite::Result<HashMap<&'f str, i64>> {
    let mut upsert = tx.prepare(
        "INSERT INTO actors (key, name, kind, category, iso2, iso3, observer, until, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'gazetteer')
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
           category = excluded.category, iso2 = excluded.iso2, iso3 = excluded.iso3,
           observer = excluded.observer, until = excluded.until, origin = 'gazetteer'
         RETURNING id",
    )?;
    let mut ids: HashMap<&str, i64> = HashMap::new();
    for a in &file.actors {
        let id: i64 = upsert.query_row(
            params![
                a.key(),
                a.name,
                a.kind.as_str(),
                a.category,
                a.iso2,
                a.iso3,
                a.observer,
                a.until
            ],
            |r| r.get(0),
        )?;
        ids.insert(a.key(), id);
    }
    Ok(ids)
}

/// Replaces the gazetteer's aliases and memberships (a user's are kept) and sets each
/// actor's region.
fn link_actors(
    tx: &Connection,
    file: &GazetteerFile,
    ids: &HashMap<&str, i64>,
) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM actor_aliases WHERE origin = 'gazetteer'", [])?;
    tx.execute("DELETE FROM memberships WHERE origin = 'gazetteer'", [])?;
    let mut alias = tx.prepare(
        "INSERT INTO actor_aliases (alias_key, alias, actor_id, origin)
         VALUES (?1, ?2, ?3, 'gazetteer') ON CONFLICT (alias_key) DO NOTHING",
    )?;
    let mut member = tx.prepare(
        "INSERT INTO memberships (member_id, group_id, origin)
         VALUES (?1, ?2, 'gazetteer') ON CONFLICT DO NOTHING",
    )?;
    let mut region =
        tx.prepare("UPDATE actors SET region_id = ?2, continued_by_id = ?3 WHERE id = ?1")?;
    for a in &file.actors {
        let id = ids[a.key()];
        for name in a.names() {
            alias.execute(params![names::normalize(name), name, id])?;
        }
        for group in &a.groups {
            member.execute(params![id, ids[group.as_str()]])?;
        }
        let region_id = a.region.as_deref().map(|r| ids[r]);
        let continued_by = a.continued_by.as_deref().map(|c| ids[c]);
        region.execute(params![id, region_id, continued_by])?;
    }
    Ok(())
}
