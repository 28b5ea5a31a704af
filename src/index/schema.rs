//! The index schema, built once into a struct of field handles.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
};

use super::analyzer::{FOLDED, PAIRS};

/// Field handles of the statement index.
#[derive(Debug, Clone)]
pub struct Fields {
    pub schema: Schema,
    /// The statement's id in SQLite.
    pub id: Field,
    pub document: Field,
    /// Text with folding (stemmed, spelling variants joined). Not stored: SQLite holds
    /// the text once, and snippets are cut from it.
    pub text: Field,
    pub speaker: Field,
    pub speaker_kind: Field,
    /// Groups and organisations the speaker belongs to, and the speaker itself.
    pub groups: Field,
    pub region: Field,
    pub on_behalf_of: Field,
    pub aligned_with: Field,
    pub doc_kind: Field,
    pub process: Field,
    pub session: Field,
    pub session_number: Field,
    pub meeting: Field,
    pub agenda_item: Field,
    /// YYYYMMDD (a year alone is YYYY0000).
    pub date: Field,
    /// Theme keys, with their parents ("poa/regular-institutional-dialogue", "poa").
    pub theme: Field,
    pub stance: Field,
    /// "theme:stance" pairs, so `theme:poa stance:support` means the same tag.
    pub theme_stance: Field,
    /// Theme ids, for facet counts.
    pub theme_id: Field,
    pub unofficial: Field,
    pub ai_generated: Field,
    pub symbol: Field,
    /// Adjacent pairs of frequent folded terms ("unit nation"): a two-word phrase of
    /// frequent words is one term here, found without checking positions; longer ones
    /// are phrases of pairs.
    pub text_pairs: Field,
    /// Stored only, to name a hit without asking SQLite.
    pub speaker_label: Field,
    pub source_line: Field,
    /// A digest of the statement's index document, for comparing it with the database.
    pub digest: Field,
}

impl Fields {
    pub fn new() -> Fields {
        let mut b = Schema::builder();
        // Filters are never scored: no field norms (a byte per statement and field).
        let filter = NumericOptions::default().set_indexed();
        let keyword = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        let id = b.add_u64_field("id", filter.clone().set_stored().set_fast());
        let document = b.add_u64_field("document", filter.clone().set_fast().set_stored());
        let folded = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(FOLDED)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let text = b.add_text_field("text", folded);
        let fields = Fields {
            id,
            document,
            text,
            speaker: b.add_u64_field("speaker", filter.clone().set_fast().set_stored()),
            speaker_kind: b.add_text_field("speaker_kind", keyword.clone()),
            groups: b.add_u64_field("groups", filter.clone().set_fast()),
            region: b.add_u64_field("region", filter.clone()),
            on_behalf_of: b.add_u64_field("on_behalf_of", filter.clone()),
            aligned_with: b.add_u64_field("aligned_with", filter.clone()),
            doc_kind: b.add_text_field("doc_kind", keyword.clone()),
            process: b.add_text_field("process", keyword.clone()),
            session: b.add_u64_field("session", filter.clone().set_fast()),
            session_number: b.add_u64_field("session_number", filter.clone()),
            meeting: b.add_u64_field("meeting", filter.clone()),
            agenda_item: b.add_text_field("agenda_item", keyword.clone()),
            date: b.add_i64_field("date", filter.clone().set_fast()),
            theme: b.add_text_field("theme", keyword.clone()),
            stance: b.add_text_field("stance", keyword.clone()),
            theme_stance: b.add_text_field("theme_stance", keyword.clone()),
            theme_id: b.add_u64_field("theme_id", filter.clone().set_fast()),
            unofficial: b.add_u64_field("unofficial", filter.clone()),
            ai_generated: b.add_u64_field("ai_generated", filter.clone()),
            symbol: b.add_text_field("symbol", keyword),
            text_pairs: b.add_text_field(
                "text_pairs",
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(PAIRS)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                ),
            ),
            speaker_label: b.add_text_field("speaker_label", STORED),
            source_line: b.add_u64_field("source_line", STORED),
            digest: b.add_u64_field("digest", FAST),
            schema: Schema::builder().build(),
        };
        Fields {
            schema: b.build(),
            ..fields
        }
    }
}

impl Default for Fields {
    fn default() -> Self {
        Fields::new()
    }
}
