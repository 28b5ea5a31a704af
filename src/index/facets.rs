//! Facet counts: how many matching statements each speaker, group, theme and session
//! has, collected in the same pass as the total from columns decoded once per segment.
//! A pass only marks the matches; the counts are then read from the matches, or, when
//! most of a segment matches ("the"), from the segment's totals less what did not
//! match, so a query that matches everything costs little more than its count.

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
    /// Counts over every document of the segment, deleted ones included.
    totals: [Vec<u64>; 4],
    max_doc: u32,
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
        out.max_doc = max_doc;
        let mut totals: [Vec<u64>; 4] = std::array::from_fn(|i| vec![0; out.columns[i].len]);
        for doc in 0..max_doc as usize {
            out.count(doc, &mut totals, |n| *n += 1);
        }
        out.totals = totals;
        out
    }

    /// Applies `change` to the count of each of document `doc`'s values (group values
    /// left to [`Self::speaker_groups`] when that holds).
    fn count(&self, doc: usize, counts: &mut [Vec<u64>; 4], change: impl Fn(&mut u64)) {
        let derived = self.speaker_groups.is_some();
        for (i, counts) in counts.iter_mut().enumerate() {
            if i == GROUPS && derived {
                continue;
            }
            for &v in self.values(i, doc) {
                // Every value is below the vector's length, sized from the values.
                if let Some(n) = counts.get_mut(v as usize) {
                    change(n);
                }
            }
        }
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

/// A segment's matches, marked; counted at harvest.
pub struct FacetSegment {
    facets: Arc<SegmentFacets>,
    /// One bit per document of the segment.
    matched: Vec<u64>,
    count: u32,
}

impl Collector for FacetCollector<'_> {
    type Fruit = FacetIds;
    type Child = FacetSegment;

    fn for_segment(&self, _segment: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let facets = self.cache.get(reader);
        let matched = vec![0; (reader.max_doc() as usize).div_ceil(64)];
        Ok(FacetSegment {
            facets,
            matched,
            count: 0,
        })
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

/// The documents below `limit` whose bit is `set` in `words`, skipping whole words
/// with none.
fn bits(words: &[u64], set: bool, limit: usize) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(move |(i, &word)| {
        let mut w = if set { word } else { !word };
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                i * 64 + bit
            })
        })
        .take_while(move |&doc| doc < limit)
    })
}

impl SegmentCollector for FacetSegment {
    type Fruit = [Vec<u64>; 4];

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(word) = self.matched.get_mut(doc as usize / 64) {
            *word |= 1 << (doc % 64);
            self.count += 1;
        }
    }

    fn harvest(self) -> [Vec<u64>; 4] {
        let facets = &self.facets;
        let max_doc = facets.max_doc as usize;
        // Most of the segment matched: its totals less the documents that did not
        // (deleted ones among them: the totals count those too).
        let mut counts = if self.count as usize > max_doc / 2 {
            let mut counts = facets.totals.clone();
            for doc in bits(&self.matched, false, max_doc) {
                facets.count(doc, &mut counts, |n| *n = n.saturating_sub(1));
            }
            counts
        } else {
            let mut counts: [Vec<u64>; 4] = std::array::from_fn(|i| vec![0; facets.columns[i].len]);
            for doc in bits(&self.matched, true, max_doc) {
                facets.count(doc, &mut counts, |n| *n += 1);
            }
            counts
        };
        if let Some(by_speaker) = &facets.speaker_groups {
            let [speakers, groups, ..] = &mut counts;
            groups.iter_mut().for_each(|n| *n = 0);
            for (speaker, n) in speakers.iter().enumerate().filter(|(_, n)| **n > 0) {
                for g in by_speaker.get(&(speaker as u32)).into_iter().flatten() {
                    if let Some(count) = groups.get_mut(*g as usize) {
                        *count += n;
                    }
                }
            }
        }
        counts
    }
}
