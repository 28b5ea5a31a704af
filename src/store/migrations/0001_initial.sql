-- Plenary schema, version 1: the data model of BRIEF.md.
-- Process → session → meeting → agenda item → statement; documents; actors with
-- aliases and memberships; speaker lists; themes and tags.

CREATE TABLE library_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE processes (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,         -- e.g. 'oewg-2021-2025'
    name       TEXT NOT NULL,                -- e.g. 'OEWG 2021–2025'
    start_year INTEGER,
    end_year   INTEGER
) STRICT;

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY,
    process_id INTEGER NOT NULL REFERENCES processes(id) ON DELETE CASCADE,
    number     INTEGER,                      -- 2 for the 2nd substantive session
    kind       TEXT NOT NULL DEFAULT 'substantive',
    name       TEXT NOT NULL,
    start_date TEXT,                         -- ISO 8601 dates
    end_date   TEXT,
    UNIQUE (process_id, name)
) STRICT;

CREATE TABLE meetings (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    number     INTEGER,
    name       TEXT NOT NULL,
    date       TEXT,
    UNIQUE (session_id, name)
) STRICT;

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    number     TEXT NOT NULL,                -- '5' or '5 (b)'
    title      TEXT,
    UNIQUE (session_id, number)
) STRICT;

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    content_hash  TEXT NOT NULL UNIQUE,      -- SHA-256 of the source bytes
    source_path   TEXT NOT NULL,
    container     TEXT NOT NULL,             -- txt | html | pdf | docx
    kind          TEXT NOT NULL,             -- transcript | session_report | un_document | general_debate
    title         TEXT NOT NULL,
    date          TEXT,
    un_symbol     TEXT,
    process_id    INTEGER REFERENCES processes(id) ON DELETE SET NULL,
    session_id    INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    meeting_id    INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    summary       TEXT,
    source_url    TEXT,
    unofficial    INTEGER NOT NULL DEFAULT 0 CHECK (unofficial IN (0, 1)),
    ai_generated  INTEGER NOT NULL DEFAULT 0 CHECK (ai_generated IN (0, 1)),
    provenance    TEXT,                      -- disclaimer or note as the source states it
    imported_at   TEXT NOT NULL
) STRICT;
CREATE INDEX documents_session ON documents(session_id);
CREATE INDEX documents_source_path ON documents(source_path);

-- UN document symbols a document cites (A/79/214, ST/SGB/2013/4).
CREATE TABLE document_symbols (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    symbol      TEXT NOT NULL,
    PRIMARY KEY (document_id, symbol)
) STRICT;
CREATE INDEX document_symbols_symbol ON document_symbols(symbol);

CREATE TABLE actors (
    id        INTEGER PRIMARY KEY,
    key       TEXT NOT NULL UNIQUE,          -- ISO alpha-3 for states, short id otherwise
    name      TEXT NOT NULL,                 -- canonical name
    kind      TEXT NOT NULL CHECK (kind IN ('state', 'group', 'organisation', 'stakeholder', 'role')),
    category  TEXT,
    iso2      TEXT,
    iso3      TEXT,
    region_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    observer  INTEGER NOT NULL DEFAULT 0 CHECK (observer IN (0, 1)),
    origin    TEXT NOT NULL DEFAULT 'gazetteer' CHECK (origin IN ('gazetteer', 'user'))
) STRICT;

-- Every name an actor answers to, keyed by its folded form (gazetteer::names::normalize).
CREATE TABLE actor_aliases (
    alias_key TEXT PRIMARY KEY,
    alias     TEXT NOT NULL,
    actor_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    origin    TEXT NOT NULL DEFAULT 'gazetteer' CHECK (origin IN ('gazetteer', 'user'))
) STRICT;
CREATE INDEX actor_aliases_actor ON actor_aliases(actor_id);

CREATE TABLE memberships (
    member_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    group_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    origin    TEXT NOT NULL DEFAULT 'gazetteer' CHECK (origin IN ('gazetteer', 'user')),
    PRIMARY KEY (member_id, group_id)
) STRICT;
CREATE INDEX memberships_group ON memberships(group_id);

CREATE TABLE statements (
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
    method          TEXT NOT NULL CHECK (method IN ('label', 'chair_cue', 'in_text', 'file_name', 'document', 'manual', 'unknown')),
    confidence      REAL NOT NULL CHECK (confidence >= 0.0 AND confidence <= 1.0),
    UNIQUE (document_id, seq),
    CHECK (start_offset <= end_offset)
) STRICT;
CREATE INDEX statements_speaker ON statements(speaker_id);

CREATE TABLE speaker_list_entries (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,        -- order in which the floor was given
    actor_id         INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    label            TEXT NOT NULL,           -- the name as the source gives it
    announced        INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1)),  -- named by the Chair
    spoke            INTEGER NOT NULL DEFAULT 0 CHECK (spoke IN (0, 1)),
    statement_id     INTEGER REFERENCES statements(id) ON DELETE SET NULL,
    words            INTEGER,
    seconds          REAL,
    words_per_minute REAL,
    UNIQUE (document_id, seq)
) STRICT;

CREATE TABLE themes (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,         -- 'poa', 'capacity-building', …
    parent_id   INTEGER REFERENCES themes(id) ON DELETE CASCADE,
    label       TEXT NOT NULL,
    description TEXT,
    signals     TEXT NOT NULL DEFAULT '[]',   -- JSON array of words and phrases
    exclusions  TEXT NOT NULL DEFAULT '[]'    -- JSON array of phrases that do not count
) STRICT;

CREATE TABLE tags (
    id           INTEGER PRIMARY KEY,
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    theme_id     INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    span_start   INTEGER,                     -- character span within the statement text
    span_end     INTEGER,
    stance       TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'conditional', 'mention')),
    note         TEXT,
    author       TEXT,
    origin       TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
    confidence   REAL CHECK (confidence IS NULL OR (confidence >= 0.0 AND confidence <= 1.0)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK ((span_start IS NULL) = (span_end IS NULL)),
    CHECK (span_start IS NULL OR span_start <= span_end)
) STRICT;
CREATE INDEX tags_statement ON tags(statement_id);
CREATE INDEX tags_theme ON tags(theme_id);
