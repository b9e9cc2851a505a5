// The retrieval index (SQLite FTS5, bm25) over one user's profile items, samples, jobs and
// documents. It is kept in step lazily, at question time: a one-statement fingerprint of the
// source tables (row counts and latest updatedAt, per table, for this user) is compared with the
// one the index was built from, and only sources whose content hash changed are rewritten. That
// needs no hook in the stores that write those tables (profile, import, enhancement, jobs,
// documents, samples), so no write path can forget it, and costs one indexed query when nothing
// changed (see the bench). Account deletion removes the passages (a trigger on SQLite, a foreign
// key on PostgreSQL). The two databases differ only in the `IndexBackend` below: FTS5 with bm25
// on SQLite, a generated tsvector with ts_rank and a technology array on PostgreSQL.

import { db, dialect, placeholders } from "../../db/client.ts";
import { derivedWriter, onDataWritten } from "../../db/write-scope.ts";
import { chunkSources, type AdvisorSources, type Chunk, type SourceKind } from "../../core/advisor/chunks.ts";
import type { Passage } from "../../core/advisor/passages.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import { toParsedJob } from "../job/job.service.ts";

type Tx = Pick<ReturnType<typeof db>, "$queryRawUnsafe" | "$executeRawUnsafe">;

// Portable SQL (quoted identifiers, COALESCE, CAST): the same statement on both databases.
const part = (from: string) => `(SELECT CAST(COUNT(*) AS TEXT) || ':' || COALESCE(CAST(MAX(x."updatedAt") AS TEXT), '') FROM ${from})`;
const FINGERPRINT_SQL = `SELECT ${[
  part(`master_profiles x WHERE x."userId" = ?`),
  ...["experiences", "projects", "education"].map((t) => part(`${t} x JOIN master_profiles p ON p.id = x."profileId" WHERE p."userId" = ?`)),
  part(`sample_documents x WHERE x."userId" = ?`),
  part(`jobs x WHERE x."userId" = ?`),
  part(`documents x WHERE x."userId" = ?`),
].join(" || '|' || ")} AS fingerprint`;

/** Ids are cuids; anything else never reaches an FTS expression. */
function userTerm(userId: string): string {
  if (!/^[a-z0-9]+$/i.test(userId)) throw new Error("unexpected user id");
  return `user_id:"${userId}"`;
}

/** A technology as one FTS token: "C++" → "cplusplus", "Node.js" → "nodedotjs". */
export function techToken(canonical: string): string {
  return canonical.toLowerCase().replace(/\+/g, "plus").replace(/#/g, "sharp").replace(/\./g, "dot").replace(/[^\p{L}\p{N}]/gu, "");
}

export interface SearchQuery {
  /** Canonical technologies: only passages that mention one of them. */
  technologies: string[];
  /** Words to rank by (bm25); ignored when `all` is set. */
  words: string[];
  /** Every passage of the user (timelines, career paths, gaps). */
  all: boolean;
  limit: number;
}

interface Row {
  kind: string;
  sourceId: string;
  label: string;
  text: string;
  techNames: string;
  startDate: string | null;
  endDate: string | null;
  score: number;
}

interface StoredSource {
  kind: string;
  source_id: string;
  hash: string;
}

/** What differs between the databases; every statement is scoped to one user. */
interface IndexBackend {
  sources(tx: Tx, userId: string): Promise<StoredSource[]>;
  removeSource(tx: Tx, userId: string, kind: string, sourceId: string): Promise<void>;
  /** The columns of one insert row, in INSERT_COLUMNS order. */
  row(userId: string, c: Chunk): unknown[];
  /** Ordered best first: a lower score is a better passage, as with bm25. */
  search(userId: string, q: SearchQuery): Promise<Row[]>;
}

const INSERT_COLUMNS = "text, techs, user_id, kind, tech_names, source_id, label, start_date, end_date, hash";
const ROW_COLUMNS = `kind, source_id AS "sourceId", label, text, tech_names AS "techNames", start_date AS "startDate", end_date AS "endDate"`;
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

const sqlite: IndexBackend = {
  sources: (tx, userId) =>
    tx.$queryRawUnsafe<StoredSource[]>(`SELECT DISTINCT kind, source_id, hash FROM advisor_chunks WHERE advisor_chunks MATCH ?`, userTerm(userId)),
  async removeSource(tx, userId, kind, sourceId) {
    await tx.$executeRawUnsafe(
      `DELETE FROM advisor_chunks WHERE rowid IN (SELECT rowid FROM advisor_chunks WHERE advisor_chunks MATCH ? AND kind = ? AND source_id = ?)`,
      userTerm(userId),
      kind,
      sourceId,
    );
  },
  row: (userId, c) => [c.text, c.technologies.map(techToken).join(" "), userId, c.kind, JSON.stringify(c.technologies), c.sourceId, c.label, c.startDate, c.endDate, c.hash],
  async search(userId, q) {
    let match = userTerm(userId);
    if (q.technologies.length) match += ` AND (${q.technologies.map((t) => `techs:${quote(techToken(t))}`).join(" OR ")})`;
    else if (!q.all) match += ` AND (${q.words.map(quote).join(" OR ")})`;
    return db().$queryRawUnsafe<Row[]>(
      `SELECT ${ROW_COLUMNS}, bm25(advisor_chunks, 1.0, 2.0, 0.0) AS score
       FROM advisor_chunks WHERE advisor_chunks MATCH ? ORDER BY score LIMIT ?`,
      match,
      q.limit,
    );
  },
};

const postgres: IndexBackend = {
  sources: (tx, userId) => tx.$queryRawUnsafe<StoredSource[]>(`SELECT DISTINCT kind, source_id, hash FROM advisor_chunks WHERE user_id = $1`, userId),
  async removeSource(tx, userId, kind, sourceId) {
    await tx.$executeRawUnsafe(`DELETE FROM advisor_chunks WHERE user_id = $1 AND kind = $2 AND source_id = $3`, userId, kind, sourceId);
  },
  row: (userId, c) => [c.text, c.technologies.map(techToken), userId, c.kind, JSON.stringify(c.technologies), c.sourceId, c.label, c.startDate, c.endDate, c.hash],
  search(userId, q) {
    // websearch_to_tsquery never fails on user text; "or" between words is its OR.
    const words = q.words.map((w) => w.replace(/["\s-]+/g, " ").trim()).filter(Boolean).join(" or ");
    if (q.technologies.length) {
      // passages naming more of the asked technologies first, then by the words
      return db().$queryRawUnsafe<Row[]>(
        `SELECT ${ROW_COLUMNS}, -(cardinality(ARRAY(SELECT unnest(techs) INTERSECT SELECT unnest($2::text[])))) - ts_rank(tsv, websearch_to_tsquery('english', $3)) AS score
         FROM advisor_chunks WHERE user_id = $1 AND techs && $2::text[] ORDER BY score, id LIMIT $4`,
        userId,
        q.technologies.map(techToken),
        words,
        q.limit,
      );
    }
    if (q.all) return db().$queryRawUnsafe<Row[]>(`SELECT ${ROW_COLUMNS}, 0 AS score FROM advisor_chunks WHERE user_id = $1 ORDER BY id LIMIT $2`, userId, q.limit);
    return db().$queryRawUnsafe<Row[]>(
      `SELECT ${ROW_COLUMNS}, -ts_rank(tsv, query) AS score
       FROM advisor_chunks, websearch_to_tsquery('english', $2) AS query WHERE user_id = $1 AND tsv @@ query ORDER BY score, id LIMIT $3`,
      userId,
      words,
      q.limit,
    );
  },
};

const backend = (): IndexBackend => (dialect() === "postgres" ? postgres : sqlite);

// One sync per user at a time: two questions at once must not both insert the same passages.
const syncing = new Map<string, Promise<void>>();

/** Brings the user's index up to date with the source tables (no-op when the fingerprint matches). */
export async function ensureIndexed(userId: string): Promise<void> {
  const pending = syncing.get(userId);
  if (pending) return pending;
  const run = sync(userId).finally(() => syncing.delete(userId));
  syncing.set(userId, run);
  return run;
}

/**
 * Keeps each user's index in step with their own writes: a write made for a user (a mutation of
 * theirs) schedules a sync of that user's index shortly after, so a burst of edits is one sync and
 * the next question finds it done. Writes with no user (background jobs) are caught by the
 * fingerprint check at question time. Returns the function that stops it (server stop).
 */
export function indexOnWrite(onError: (e: unknown) => void, delayMs = 250): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const stop = onDataWritten((userId) => {
    if (!userId || timers.has(userId)) return;
    const timer = setTimeout(() => {
      timers.delete(userId);
      // derived-data upkeep: not counted as the user's writes or as request statements
      derivedWriter(() => ensureIndexed(userId)).catch(onError);
    }, delayMs);
    timer.unref();
    timers.set(userId, timer);
  });
  return () => {
    stop();
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}

async function sync(userId: string): Promise<void> {
  const fingerprint = await currentFingerprint(userId);
  const stored = await db().$queryRawUnsafe<{ fingerprint: string }[]>(placeholders(`SELECT fingerprint FROM advisor_index_state WHERE user_id = ?`), userId);
  if (stored[0]?.fingerprint === fingerprint) return;
  const chunks = chunkSources(await loadSources(userId));
  // The index is derived data: its own writes drop no cached answer and set off no further sync.
  await derivedWriter(() => db().$transaction(async (tx) => {
    await writeChanges(tx, userId, chunks);
    await tx.$executeRawUnsafe(
      placeholders(`INSERT INTO advisor_index_state (user_id, fingerprint) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET fingerprint = excluded.fingerprint`),
      userId,
      fingerprint,
    );
  }));
}

async function currentFingerprint(userId: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ fingerprint: string }[]>(placeholders(FINGERPRINT_SQL), ...Array(7).fill(userId));
  return String(rows[0]?.fingerprint ?? "");
}

export async function loadSources(userId: string): Promise<AdvisorSources> {
  const [profile, samples, jobs, documents] = await Promise.all([
    loadProfile(userId),
    db().sampleDocument.findMany({ where: { userId }, select: { id: true, type: true, text: true } }),
    db().job.findMany({ where: { userId } }),
    db().document.findMany({ where: { userId }, select: { id: true, title: true, content: true } }),
  ]);
  return { profile, samples, jobs: jobs.map((j) => ({ id: j.id, job: toParsedJob(j) })), documents };
}

const key = (kind: string, id: string) => `${kind}:${id}`;

async function writeChanges(tx: Tx, userId: string, chunks: Chunk[]): Promise<void> {
  const store = backend();
  const existing = await store.sources(tx, userId);
  const wanted = new Map<string, string>(chunks.map((c) => [key(c.kind, c.sourceId), c.hash]));
  const have = new Map(existing.map((r) => [key(r.kind, r.source_id), r.hash]));
  for (const r of existing) {
    if (wanted.get(key(r.kind, r.source_id)) !== r.hash) await store.removeSource(tx, userId, r.kind, r.source_id);
  }
  const fresh = chunks.filter((c) => have.get(key(c.kind, c.sourceId)) !== c.hash);
  // Many rows per statement: a cold index of a large profile is a handful of statements, not hundreds.
  for (let i = 0; i < fresh.length; i += 50) {
    const batch = fresh.slice(i, i + 50);
    await tx.$executeRawUnsafe(
      placeholders(`INSERT INTO advisor_chunks (${INSERT_COLUMNS}) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`),
      ...batch.flatMap((c) => store.row(userId, c)),
    );
  }
}

/** The user's passages for a query, best first. Only this user's rows can match. */
export async function searchPassages(userId: string, q: SearchQuery): Promise<Passage[]> {
  if (!q.technologies.length && !q.all && q.words.length === 0) return [];
  const rows = await backend().search(userId, q);
  return rows.map((r) => ({
    kind: r.kind as SourceKind,
    sourceId: r.sourceId,
    label: r.label,
    text: r.text,
    technologies: JSON.parse(r.techNames) as string[],
    startDate: r.startDate,
    endDate: r.endDate,
    score: Number(r.score),
  }));
}
