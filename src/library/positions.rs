//! Positions: comparisons, heatmaps, actor profiles, and the export of everything.

use super::Library;
use crate::compare::{self, ActorProfile, CellStatement, Position};
use crate::error::{Error, Listing, Remedy, Result};
use crate::export::{self, ExportRow};
use crate::store::positions::PositionFilter;

impl Library {
    /// Positions of actors (names: any alias) on themes (keys), side by side.
    pub fn compare(
        &self,
        actors: &[String],
        themes: &[String],
        filter: &PositionFilter,
    ) -> Result<Vec<Position>> {
        let mut ids = Vec::new();
        for name in actors {
            let id = self.actor_id(name)?;
            let canonical = self.resolver.actor(id).map(|a| a.name.clone());
            ids.push((id, canonical.unwrap_or_else(|| name.clone())));
        }
        self.require_themes(themes)?;
        compare::positions_of(&self.store, &self.resolver, &ids, themes, filter, true)
    }

    /// The statements behind one actor × theme cell of a comparison, in date order.
    pub fn cell_statements(
        &self,
        actor: &str,
        theme: &str,
        filter: &PositionFilter,
    ) -> Result<Vec<CellStatement>> {
        let id = self.actor_id(actor)?;
        self.require_theme(theme)?;
        compare::cell_statements(&self.store, id, theme, filter)
    }

    /// Everything one actor said: who it is, its position on every theme it touched,
    /// its statements (at most `limit`) and how many it made per date.
    pub fn actor_profile(&self, name: &str, limit: i64) -> Result<ActorProfile> {
        let id = self.actor_id(name)?;
        let mut actors = self.store.actors(None)?;
        actors.retain(|a| a.id == id);
        let actor = actors.pop().ok_or_else(|| Error::NotFound {
            what: "actor",
            value: format!("{name:?}"),
            remedy: Remedy::Pick {
                list: Listing::Actors,
            },
        })?;
        let keys: Vec<String> = self.themes()?.into_iter().map(|t| t.key).collect();
        compare::profile(&self.store, &self.resolver, actor, &keys, limit)
    }

    /// Every actor (or the members of a group or region) × themes: the data of a heatmap.
    pub fn matrix(
        &self,
        themes: &[String],
        group: Option<&str>,
        filter: &PositionFilter,
    ) -> Result<Vec<Position>> {
        let group = group.map(|name| self.actor_id(name)).transpose()?;
        let actors = compare::heatmap_actors(&self.store, &self.resolver, group)?;
        self.require_themes(themes)?;
        compare::positions_of(&self.store, &self.resolver, &actors, themes, filter, false)
    }

    /// Every statement with its document, speaker and effective tags, for export.
    pub fn export_rows(&self) -> Result<Vec<ExportRow>> {
        export::rows(&self.store)
    }

    fn require_themes(&self, themes: &[String]) -> Result<()> {
        themes.iter().try_for_each(|t| self.require_theme(t))
    }
}
