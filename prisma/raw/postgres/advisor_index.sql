-- The advisor's retrieval index on PostgreSQL: the same derived data as SQLite's FTS5 table
-- (prisma/raw/sqlite/advisor_index.sql), ranked with a tsvector (English stemming, like FTS5's
-- porter tokenizer) and ts_rank instead of bm25; technologies are an array with a GIN index.
-- Outside prisma/migrations for the same reason: derived, rebuilt at question time, and not part
-- of Prisma's datamodel. src/db/migrate.ts runs it after the migrations; every statement is idempotent.
CREATE TABLE IF NOT EXISTS advisor_chunks (id BIGSERIAL PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, kind TEXT NOT NULL, source_id TEXT NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, techs TEXT[] NOT NULL, tech_names TEXT NOT NULL, start_date TEXT, end_date TEXT, hash TEXT NOT NULL, tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED);
CREATE INDEX IF NOT EXISTS advisor_chunks_source ON advisor_chunks (user_id, kind, source_id);
CREATE INDEX IF NOT EXISTS advisor_chunks_tsv ON advisor_chunks USING GIN (tsv);
CREATE INDEX IF NOT EXISTS advisor_chunks_techs ON advisor_chunks USING GIN (techs);
CREATE TABLE IF NOT EXISTS advisor_index_state (user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE, fingerprint TEXT NOT NULL);
