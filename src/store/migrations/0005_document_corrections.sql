-- Plenary schema, version 5: a person's corrections to a document's title, process,
-- session, meeting and date. They are kept apart from `documents`, keyed by the file
-- the document came from (and the bytes corrected), so that importing the file again —
-- the same bytes, or a changed version replacing the old document — applies them
-- again: a re-import never overwrites a person's correction. NULL leaves the parsed
-- value as it is.

CREATE TABLE document_corrections (
    id             INTEGER PRIMARY KEY,
    source_path    TEXT NOT NULL UNIQUE,     -- documents.source_path of the corrected file
    content_hash   TEXT NOT NULL,            -- SHA-256 of the version it was last applied to
    title          TEXT CHECK (title IS NULL OR trim(title) <> ''),
    process_key    TEXT,                     -- 'global-mechanism'
    process_name   TEXT,                     -- its name, to create it again if need be
    session_number INTEGER CHECK (session_number IS NULL OR session_number >= 1),
    session_name   TEXT,                     -- a session known by its name only
    meeting        INTEGER CHECK (meeting IS NULL OR meeting >= 1),
    date           TEXT,                     -- YYYY-MM-DD
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((process_key IS NULL) = (process_name IS NULL)),
    CHECK (session_number IS NULL OR session_name IS NULL)
) STRICT;
CREATE INDEX document_corrections_hash ON document_corrections(content_hash);
