-- Plenary schema, version 9: a smaller library (issue 14).
--
-- `text_hash` (64 hex characters per statement, 13 % of the text it hashed) is no
-- longer stored: the hash that carries human work to a new version of a document is
-- computed from the text when a version is replaced. `statements_document` repeated
-- the index SQLite already keeps for UNIQUE (document_id, seq).
DROP INDEX statements_document;
ALTER TABLE statements DROP COLUMN text_hash;
