-- Plenary schema, version 2: footnotes linked to their paragraph, report times,
-- paragraph numbers, extraction notices, and the text hash used to carry human work
-- across re-imports.

ALTER TABLE documents ADD COLUMN start_time TEXT;
ALTER TABLE documents ADD COLUMN end_time TEXT;
ALTER TABLE documents ADD COLUMN notices TEXT NOT NULL DEFAULT '[]';  -- JSON array

ALTER TABLE statements ADD COLUMN number TEXT;        -- paragraph number as printed
ALTER TABLE statements ADD COLUMN text_hash TEXT NOT NULL DEFAULT ''; -- SHA-256 of the folded text

CREATE INDEX statements_document ON statements(document_id, seq);

CREATE TABLE footnotes (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    statement_id INTEGER REFERENCES statements(id) ON DELETE SET NULL,
    number       TEXT NOT NULL,
    text         TEXT NOT NULL
) STRICT;
CREATE INDEX footnotes_document ON footnotes(document_id);
