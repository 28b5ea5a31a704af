-- Plenary schema, version 10: the effective tags found without reading every tag of a
-- theme (issue 14, the matrix at a million statements).
--
-- A tag is effective unless a manual tag on the same statement and theme overrides it
-- (`store::themes::EFFECTIVE_TAGS`). Without an index on (statement, theme) SQLite
-- looked for that manual tag among all the tags of the theme, once per tag: the
-- matrix of every actor × theme took 200 ms on 1,479 tags. Manual tags are few, so a
-- partial index holds only them.
CREATE INDEX tags_manual ON tags(statement_id, theme_id) WHERE origin = 'manual';
