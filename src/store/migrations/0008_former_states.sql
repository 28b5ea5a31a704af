-- Plenary schema, version 8: former States (the USSR, Yugoslavia, Czechoslovakia, the
-- German Democratic Republic, Democratic Yemen) — speakers of their time.
--
-- `until` is a former State's last day (YYYY-MM-DD), NULL for today's actors;
-- `continued_by_id` the State that continued its seat, whose code sources file its
-- records under (the Russian Federation for the USSR). The resolver reads both.
ALTER TABLE actors ADD COLUMN until TEXT;
ALTER TABLE actors ADD COLUMN continued_by_id INTEGER REFERENCES actors(id) ON DELETE SET NULL;
