//! Facet counts: how many matching statements each speaker, group, theme and session
//! has, collected in the same pass as the total from columns decoded once per segment.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentReader};

/// Counts of the matching statements per speaker, group, theme and session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FacetIds {
    pub speaker: HashMap<u64, u64>,
    pub group: HashMap<u64, u64>,
    pub theme: HashMap<u64, u64>,
    pub session: HashMap<u64, u64>,
}

/// The facet columns, in the order of [`FacetIds`]'s fields.
const FACET_COLUMNS: [&str; 4] = ["speaker", "groups", "theme_id", "session"];

/// One facet column of one segment, decoded: the values of document `d` are
/// `values[offsets[d]..offsets[d + 1]]`.
#[derive(Debug, Default)]
struct DecodedColumn {
    offsets: Vec<u32>,
    values: Vec<u32>,
    /// One more than the largest value: the length of a count vector.
    len: usize,
}

/// A segment's facet columns, decoded once: counting a match is then a few array
/// reads instead of four column lookups (which cost most of a common-word query).
#[derive(Debug, Default)]
pub struct SegmentFacets {
    columns: [DecodedColumn; 4],
    /// When every statement's groups are its speaker's memberships (as the index
    /// writes them), the groups of each speaker: group counts are then summed from
    /// speaker counts instead of counted statement by statement.
    speaker_groups: Option<HashMap<u32, Vec<u32>>>,
}

const SPEAKER: usize = 0;
const GROUPS: usize = 1;

impl SegmentFacets {
    fn decode(reader: &SegmentReader) -> SegmentFacets {
        let ff = reader.fast_fields();
        let max_doc = reader.max_doc();
        let mut out = SegmentFacets::default();
        for (name, decoded) in FACET_COLUMNS.iter().zip(out.columns.iter_mut()) {
            decoded.offsets.reserve(max_doc as usize + 1);
            decoded.offsets.push(0);
            let column: Option<Column<u64>> = ff.u64(name).ok();
            for doc in 0..max_doc {
                if let Some(column) = &column {
                    // Row ids are small; anything else is never expected and skipped.
                    decoded.values.extend(
                        column
                            .values_for_doc(doc)
                            .filter(|v| *v < 1 << 24)
                            .map(|v| v as u32),
                    );
                }
                decoded.offsets.push(decoded.values.len() as u32);
            }
            decoded.len = decoded.values.iter().max().map_or(0, |m| *m as usize + 1);
        }
        out.speaker_groups = out.groups_by_speaker();
        out
    }
}

impl SegmentFacets {
    fn values(&self, column: usize, doc: usize) -> &[u32] {
        let c = &self.columns[column];
        match (c.offsets.get(doc), c.offsets.get(doc + 1)) {
            (Some(&from), Some(&to)) => &c.values[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Each speaker's groups, if every statement's groups are exactly its speaker's.
    fn groups_by_speaker(&self) -> Option<HashMap<u32, Vec<u32>>> {
        let mut map: HashMap<u32, Vec<u32>> = HashMap::new();
        for doc in 0..self.columns[SPEAKER].offsets.len().saturating_sub(1) {
            let groups = self.values(GROUPS, doc);
            match self.values(SPEAKER, doc) {
                [] if groups.is_empty() => {}
                [speaker] => match map.get(speaker) {
                    Some(known) if known.as_slice() != groups => return None,
                    Some(_) => {}
                    None => {
                        map.insert(*speaker, groups.to_vec());
                    }
                },
                _ => return None,
            }
        }
        Some(map)
    }
}

/// Decoded facet columns by segment; segments no longer searched are dropped.
#[derive(Debug, Default)]
pub struct FacetCache {
    segments: std::sync::Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetCache {
    fn get(&self, reader: &SegmentReader) -> Arc<SegmentFacets> {
        let id = reader.segment_id();
        let Ok(mut segments) = self.segments.lock() else {
            return Arc::new(SegmentFacets::decode(reader));
        };
        segments
            .entry(id)
            .or_insert_with(|| Arc::new(SegmentFacets::decode(reader)))
            .clone()
    }

    /// Forgets segments the searcher no longer has (merged away, deleted).
    pub(super) fn retain(&self, searcher: &tantivy::Searcher) {
        if let Ok(mut segments) = self.segments.lock() {
            let live: Vec<SegmentId> = searcher
                .segment_readers()
                .iter()
                .map(|r| r.segment_id())
                .collect();
            segments.retain(|id, _| live.contains(id));
        }
    }
}

/// Collects [`FacetIds`] over every matching statement.
pub struct FacetCollector<'a> {
    pub cache: &'a FacetCache,
}

/// Per-segment counts, in vectors indexed by id (ids are small SQLite row ids).
pub struct FacetSegment {
    facets: Arc<SegmentFacets>,
    counts: [Vec<u64>; 4],
}

impl Collector for FacetCollector<'_> {
    type Fruit = FacetIds;
    type Child = FacetSegment;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let facets = self.cache.get(reader);
        let counts = std::array::from_fn(|i| vec![0; facets.columns[i].len]);
        Ok(FacetSegment { facets, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<[Vec<u64>; 4]>) -> tantivy::Result<FacetIds> {
        let mut merged: [HashMap<u64, u64>; 4] = Default::default();
        for fruit in fruits {
            for (into, counts) in merged.iter_mut().zip(fruit) {
                for (id, n) in counts.into_iter().enumerate().filter(|(_, n)| *n > 0) {
                    *into.entry(id as u64).or_default() += n;
                }
            }
        }
        let [speaker, group, theme, session] = merged;
        Ok(FacetIds {
            speaker,
            group,
            theme,
            session,
        })
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = [Vec<u64>; 4];

    fn collect(&mut self, doc: DocId, _score: Score) {
        let derived = self.facets.speaker_groups.is_some();
        for (i, counts) in self.counts.iter_mut().enumerate() {
            if i == GROUPS && derived {
                continue;
            }
            for &v in self.facets.values(i, doc as usize) {
                // Every value is below the vector's length, sized in `for_segment`.
                if let Some(n) = counts.get_mut(v as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(mut self) -> [Vec<u64>; 4] {
        if let Some(by_speaker) = &self.facets.speaker_groups {
            let [speakers, groups, ..] = &mut self.counts;
            for (speaker, n) in speakers.iter().enumerate().filter(|(_, n)| **n > 0) {
                for g in by_speaker.get(&(speaker as u32)).into_iter().flatten() {
                    if let Some(count) = groups.get_mut(*g as usize) {
                        *count += n;
                    }
                }
            }
        }
        self.counts
    }
}
