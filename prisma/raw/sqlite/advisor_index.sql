-- The advisor's retrieval index: derived data, rebuilt from the source tables at question time
-- (src/modules/advisor/index.store.ts; the PostgreSQL twin is prisma/raw/postgres/), so it lives
-- outside prisma/migrations. FTS5 virtual tables
-- and their shadow tables are outside Prisma's datamodel: kept in a migration, `prisma migrate diff`
-- (npm run db:check) would report them as drift to drop. src/db/migrate.ts runs this file after the
-- Prisma migrations on every start; every statement is idempotent.
CREATE VIRTUAL TABLE IF NOT EXISTS advisor_chunks USING fts5(text, techs, user_id, kind UNINDEXED, tech_names UNINDEXED, source_id UNINDEXED, label UNINDEXED, start_date UNINDEXED, end_date UNINDEXED, hash UNINDEXED, tokenize = 'porter unicode61');
-- What the index was built from, per user: a fingerprint of the source tables (counts, latest updatedAt).
CREATE TABLE IF NOT EXISTS advisor_index_state (user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE, fingerprint TEXT NOT NULL);
-- A deleted account takes its passages with it (virtual tables cannot carry foreign keys).
CREATE TRIGGER IF NOT EXISTS advisor_chunks_user_deleted AFTER DELETE ON users BEGIN DELETE FROM advisor_chunks WHERE user_id = old.id; END;
