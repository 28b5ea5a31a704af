-- Plenary schema, version 6: the other members of a joint statement ("on behalf of
-- Australia, Belgium, Bulgaria and Canada"), when the group is known only by them.
CREATE TABLE statement_co_speakers (
    statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    PRIMARY KEY (statement_id, actor_id)
) STRICT;
CREATE INDEX statement_co_speakers_actor ON statement_co_speakers(actor_id);
