-- Plenary schema, version 4: the review queue and approximate names.
-- A statement records the words that named its speaker (evidence), why a person should
-- check it (review; NULL when nobody needs to) and the other speakers the evidence
-- points to (alternatives, a JSON array). A speaker matched only approximately (a
-- name speech recognition garbled) has its own method, 'approximate': the method's
-- CHECK changes, so the table is rebuilt (SQLite's documented procedure; the runner
-- turns foreign keys off around migrations and checks them before committing).

CREATE TABLE statements_new (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,         -- order within the document, from 1
    speaker_id      INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    speaker_label   TEXT,                     -- the speaker as the source names them
    speaker_person  TEXT,                     -- a named person, when the source gives one
    on_behalf_of_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    aligned_with_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    agenda_item_id  INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
    section         TEXT,                     -- heading the statement sits under
    text            TEXT NOT NULL,
    start_offset    INTEGER NOT NULL,         -- byte offsets in the extracted source text
    end_offset      INTEGER NOT NULL,
    source_line     INTEGER,                  -- 1-based line of the first text line
    method          TEXT NOT NULL CHECK (method IN ('label', 'chair_cue', 'approximate', 'in_text', 'file_name', 'document', 'manual', 'unknown')),
    confidence      REAL NOT NULL CHECK (confidence >= 0.0 AND confidence <= 1.0),
    number          TEXT,                     -- paragraph number as printed
    text_hash       TEXT NOT NULL DEFAULT '', -- SHA-256 of the folded text
    evidence        TEXT,                     -- the words that named the speaker
    review          TEXT,                     -- why a person should check the speaker
    alternatives    TEXT NOT NULL DEFAULT '[]', -- other speakers the evidence names (JSON)
    UNIQUE (document_id, seq),
    CHECK (start_offset <= end_offset)
) STRICT;

INSERT INTO statements_new (id, document_id, seq, speaker_id, speaker_label, speaker_person,
    on_behalf_of_id, aligned_with_id, agenda_item_id, section, text, start_offset, end_offset,
    source_line, method, confidence, number, text_hash)
SELECT id, document_id, seq, speaker_id, speaker_label, speaker_person,
    on_behalf_of_id, aligned_with_id, agenda_item_id, section, text, start_offset, end_offset,
    source_line, method, confidence, number, text_hash
FROM statements;

DROP TABLE statements;
ALTER TABLE statements_new RENAME TO statements;

CREATE INDEX statements_speaker ON statements(speaker_id);
CREATE INDEX statements_document ON statements(document_id, seq);
CREATE INDEX statements_on_behalf_of ON statements(on_behalf_of_id) WHERE on_behalf_of_id IS NOT NULL;
CREATE INDEX statements_aligned_with ON statements(aligned_with_id) WHERE aligned_with_id IS NOT NULL;
CREATE INDEX statements_review ON statements(document_id, seq) WHERE review IS NOT NULL;
