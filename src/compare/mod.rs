//! Comparing actors by theme: for each actor and theme, a stance summary, counts per
//! stance, first and last date, and the evidence quotes.
//!
//! A group's own statements (the EU's, and statements made on its behalf) are its
//! position; its members' alignment with it is listed beside, never merged.

mod views;

pub use views::{
    cell_statements, heatmap_actors, positions_of, profile, ActorProfile, CellStatement, DatedCount,
};

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::store::positions::TagFact;
use crate::themes::Stance;

/// How often an actor took each stance on a theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StanceCounts {
    pub support: u32,
    pub oppose: u32,
    pub conditional: u32,
    pub mention: u32,
}

impl StanceCounts {
    fn add(&mut self, stance: Stance) {
        match stance {
            Stance::Support => self.support += 1,
            Stance::Oppose => self.oppose += 1,
            Stance::Conditional => self.conditional += 1,
            Stance::Mention => self.mention += 1,
        }
    }

    /// `support`, `oppose` or `conditional` when only that one was taken, `mixed`
    /// when several were, `mention` when the actor only mentioned the theme, `none`
    /// when it never touched it.
    pub fn summary(&self) -> &'static str {
        let taken: Vec<&'static str> = [
            ("support", self.support),
            ("oppose", self.oppose),
            ("conditional", self.conditional),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, _)| s)
        .collect();
        match taken.as_slice() {
            [one] => one,
            [] if self.mention > 0 => "mention",
            [] => "none",
            _ => "mixed",
        }
    }
}

/// A quote that shows the position.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Evidence {
    pub id: i64,
    pub stance: Stance,
    pub date: Option<String>,
    pub quote: String,
}

/// One actor's position on one theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Position {
    pub actor: String,
    pub theme: String,
    pub stance: String,
    pub statements: u32,
    pub counts: StanceCounts,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub evidence: Vec<Evidence>,
    /// For a group: the members whose statements align with it (never merged into it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aligned_members: Vec<String>,
}

/// How many quotes each position carries.
pub const EVIDENCE: usize = 3;

/// Builds positions for actors (id, name) × themes from tag facts.
pub fn positions(
    actors: &[(i64, String)],
    themes: &[String],
    facts: &[TagFact],
    aligned: &HashMap<i64, Vec<String>>,
) -> Vec<Position> {
    let mut by_cell: BTreeMap<(i64, &str), Vec<&TagFact>> = BTreeMap::new();
    for f in facts {
        by_cell
            .entry((f.actor, f.theme.as_str()))
            .or_default()
            .push(f);
    }
    let mut out = Vec::with_capacity(actors.len() * themes.len());
    for (id, name) in actors {
        for theme in themes {
            let cell = by_cell
                .get(&(*id, theme.as_str()))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut counts = StanceCounts::default();
            let mut statements: Vec<i64> = Vec::new();
            for f in cell {
                counts.add(f.stance);
                if !statements.contains(&f.statement) {
                    statements.push(f.statement);
                }
            }
            let dates: Vec<&String> = cell.iter().filter_map(|f| f.date.as_ref()).collect();
            // Quotes that take a stance first, then mentions; newest last.
            let mut evidence: Vec<&&TagFact> = cell
                .iter()
                .filter(|f| f.stance != Stance::Mention)
                .collect();
            evidence.extend(cell.iter().filter(|f| f.stance == Stance::Mention));
            out.push(Position {
                actor: name.clone(),
                theme: theme.clone(),
                stance: counts.summary().to_string(),
                statements: statements.len() as u32,
                first_date: dates.iter().min().map(|d| d.to_string()),
                last_date: dates.iter().max().map(|d| d.to_string()),
                evidence: evidence
                    .into_iter()
                    .take(EVIDENCE)
                    .map(|f| Evidence {
                        id: f.statement,
                        stance: f.stance,
                        date: f.date.clone(),
                        quote: f.quote.clone().unwrap_or_default(),
                    })
                    .collect(),
                counts,
                aligned_members: aligned.get(id).cloned().unwrap_or_default(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        let c = |s, o, cnd, m| StanceCounts {
            support: s,
            oppose: o,
            conditional: cnd,
            mention: m,
        };
        assert_eq!(c(0, 0, 0, 0).summary(), "none");
        assert_eq!(c(0, 0, 0, 2).summary(), "mention");
        assert_eq!(c(3, 0, 0, 2).summary(), "support");
        assert_eq!(c(0, 1, 0, 0).summary(), "oppose");
        assert_eq!(c(0, 0, 1, 1).summary(), "conditional");
        assert_eq!(c(1, 1, 0, 0).summary(), "mixed");
    }
}
