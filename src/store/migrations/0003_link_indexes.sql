-- Plenary schema, version 3: indexes for positions and alignments (statements spoken
-- on behalf of a group, statements aligning with one).
CREATE INDEX statements_on_behalf_of ON statements(on_behalf_of_id) WHERE on_behalf_of_id IS NOT NULL;
CREATE INDEX statements_aligned_with ON statements(aligned_with_id) WHERE aligned_with_id IS NOT NULL;
