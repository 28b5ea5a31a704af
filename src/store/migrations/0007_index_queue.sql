-- Plenary schema, version 7: the changes the search index has yet to reflect.
--
-- Every change the index reflects bumps the library generation and records here,
-- in the same transaction, the documents it touched (NULL: the whole library).
-- Whoever holds the index writer applies the queue and commits the index with the
-- generation it reached, then removes what it applied: an index never claims a
-- generation whose changes it does not hold, whichever process made them.
CREATE TABLE index_queue (
    generation INTEGER NOT NULL,
    document   INTEGER
) STRICT;
CREATE INDEX index_queue_generation ON index_queue(generation);

-- Changes up to this generation have left the queue: an index older than that
-- cannot catch up from the queue and is rebuilt.
INSERT INTO library_meta (key, value)
SELECT 'queue_applied_through', COALESCE((SELECT value FROM library_meta WHERE key = 'generation'), '0');
