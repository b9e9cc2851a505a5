// The retrieval index (SQLite FTS5, bm25) over one user's profile items, samples, jobs and
// documents. It is kept in step lazily, at question time: a one-statement fingerprint of the
// source tables (row counts and latest updatedAt, per table, for this user) is compared with the
// one the index was built from, and only sources whose content hash changed are rewritten. That
// needs no hook in the stores that write those tables (profile, import, enhancement, jobs,
// documents, samples), so no write path can forget it, and costs one indexed query when nothing
// changed (see the bench). Account deletion removes the passages through a trigger.

import { db } from "../../db/client.ts";
import { chunkSources, type AdvisorSources, type Chunk, type SourceKind } from "../../core/advisor/chunks.ts";
import type { Passage } from "../../core/advisor/passages.ts";
import { loadProfile } from "../profile/profile.mapper.ts";
import { toParsedJob } from "../job/job.service.ts";

type Tx = Pick<ReturnType<typeof db>, "$queryRawUnsafe" | "$executeRawUnsafe">;

const FINGERPRINT_SQL = `SELECT
  (SELECT COUNT(*) || ':' || IFNULL(MAX(updatedAt), '') FROM master_profiles WHERE userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(x.updatedAt), '') FROM experiences x JOIN master_profiles p ON p.id = x.profileId WHERE p.userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(x.updatedAt), '') FROM projects x JOIN master_profiles p ON p.id = x.profileId WHERE p.userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(x.updatedAt), '') FROM education x JOIN master_profiles p ON p.id = x.profileId WHERE p.userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(updatedAt), '') FROM sample_documents WHERE userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(updatedAt), '') FROM jobs WHERE userId = ?) || '|' ||
  (SELECT COUNT(*) || ':' || IFNULL(MAX(updatedAt), '') FROM documents WHERE userId = ?) AS fingerprint`;

/** Ids are cuids; anything else never reaches an FTS expression. */
function userTerm(userId: string): string {
  if (!/^[a-z0-9]+$/i.test(userId)) throw new Error("unexpected user id");
  return `user_id:"${userId}"`;
}

/** A technology as one FTS token: "C++" → "cplusplus", "Node.js" → "nodedotjs". */
export function techToken(canonical: string): string {
  return canonical.toLowerCase().replace(/\+/g, "plus").replace(/#/g, "sharp").replace(/\./g, "dot").replace(/[^\p{L}\p{N}]/gu, "");
}

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

async function sync(userId: string): Promise<void> {
  const fingerprint = await currentFingerprint(userId);
  const stored = await db().$queryRawUnsafe<{ fingerprint: string }[]>(`SELECT fingerprint FROM advisor_index_state WHERE user_id = ?`, userId);
  if (stored[0]?.fingerprint === fingerprint) return;
  const chunks = chunkSources(await loadSources(userId));
  await db().$transaction(async (tx) => {
    await writeChanges(tx, userId, chunks);
    await tx.$executeRawUnsafe(
      `INSERT INTO advisor_index_state (user_id, fingerprint) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET fingerprint = excluded.fingerprint`,
      userId,
      fingerprint,
    );
  });
}

async function currentFingerprint(userId: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ fingerprint: string }[]>(FINGERPRINT_SQL, ...Array(7).fill(userId));
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
  const existing = await tx.$queryRawUnsafe<{ kind: string; source_id: string; hash: string }[]>(
    `SELECT DISTINCT kind, source_id, hash FROM advisor_chunks WHERE advisor_chunks MATCH ?`,
    userTerm(userId),
  );
  const wanted = new Map<string, string>(chunks.map((c) => [key(c.kind, c.sourceId), c.hash]));
  const have = new Map(existing.map((r) => [key(r.kind, r.source_id), r.hash]));
  for (const r of existing) {
    if (wanted.get(key(r.kind, r.source_id)) === r.hash) continue;
    await tx.$executeRawUnsafe(
      `DELETE FROM advisor_chunks WHERE rowid IN (SELECT rowid FROM advisor_chunks WHERE advisor_chunks MATCH ? AND kind = ? AND source_id = ?)`,
      userTerm(userId),
      r.kind,
      r.source_id,
    );
  }
  const fresh = chunks.filter((c) => have.get(key(c.kind, c.sourceId)) !== c.hash);
  // Many rows per statement: a cold index of a large profile is a handful of statements, not hundreds.
  for (let i = 0; i < fresh.length; i += 50) {
    const batch = fresh.slice(i, i + 50);
    await tx.$executeRawUnsafe(
      `INSERT INTO advisor_chunks (text, techs, user_id, kind, tech_names, source_id, label, start_date, end_date, hash) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
      ...batch.flatMap((c) => [c.text, c.technologies.map(techToken).join(" "), userId, c.kind, JSON.stringify(c.technologies), c.sourceId, c.label, c.startDate, c.endDate, c.hash]),
    );
  }
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

/** The user's passages for a query, best first. Only this user's rows can match (user_id term). */
export async function searchPassages(userId: string, q: SearchQuery): Promise<Passage[]> {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  let match = userTerm(userId);
  if (q.technologies.length) match += ` AND (${q.technologies.map((t) => `techs:${quote(techToken(t))}`).join(" OR ")})`;
  else if (!q.all) {
    if (q.words.length === 0) return [];
    match += ` AND (${q.words.map(quote).join(" OR ")})`;
  }
  const rows = await db().$queryRawUnsafe<Row[]>(
    `SELECT kind, source_id AS sourceId, label, text, tech_names AS techNames, start_date AS startDate, end_date AS endDate,
       bm25(advisor_chunks, 1.0, 2.0, 0.0) AS score
     FROM advisor_chunks WHERE advisor_chunks MATCH ? ORDER BY score LIMIT ?`,
    match,
    q.limit,
  );
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
