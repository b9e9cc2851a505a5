import { db } from "../db/client.ts";
import type { Prisma, Task } from "../generated/prisma/client.ts";
import { LeaseLostError, type Clock, type JobKind } from "./runner.ts";
import { claimNext, type ClaimTx } from "./claim.ts";

/*
 * The task store: persisted work of the scheduled kinds (reminder scans, interview reminders, the
 * weekly digest, email delivery). Every task has an idempotency `key` (unique): enqueuing the same
 * work twice, from a retry, a restart or a second instance, leaves one row. Runnable means QUEUED
 * with `runAt` reached on the injected clock, or RUNNING with an expired lease (the process died).
 */

type Db = Prisma.TransactionClient | ReturnType<typeof db>;

export interface NewTask {
  kind: string;
  key: string;
  runAt: Date;
  userId?: string | null;
  payload?: Prisma.InputJsonValue;
  maxAttempts?: number;
}

/**
 * Enqueues the task unless a task with its key exists (whatever its state); returns whether it was
 * new. Two instances (or two servers in one test process) starting at once both pass the look-up:
 * the unique key decides, and the loser's P2002 means "already there", not a failed start.
 */
export async function enqueue(client: Db, t: NewTask): Promise<boolean> {
  const existing = await client.task.findUnique({ where: { key: t.key }, select: { id: true } });
  if (existing) return false;
  try {
    await client.task.create({
      data: { kind: t.kind, key: t.key, runAt: t.runAt, userId: t.userId ?? null, payload: t.payload ?? {}, maxAttempts: t.maxAttempts ?? 5 },
    });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}

export async function cancelQueued(client: Db, key: string): Promise<void> {
  await client.task.deleteMany({ where: { key, status: "QUEUED" } });
}

export interface TaskKindOptions {
  name: string;
  concurrency: number;
  clock: Clock;
  /** Delay before attempt `attempt + 1` after attempt `attempt` (1-based) failed. */
  backoffMs(attempt: number): number;
  /** A recurring task is re-armed this long after each run instead of ending. */
  everyMs?: number;
  run(task: Task, signal: AbortSignal): Promise<void>;
  /** Called once when a task ends FAILED after its last attempt. */
  gaveUp?(task: Task, error: string): Promise<void>;
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 1000);
}

/** A job kind over the rows of `tasks` with this kind name; the retry policy is the options'. */
export function taskKind(o: TaskKindOptions): JobKind<Task> {
  const later = (ms: number) => new Date(o.clock.now().getTime() + ms);
  // Only the claim that holds the task writes it: same owner and same attempt (a later claim counts one more).
  const held = (task: Task, owner: string) => ({ id: task.id, leaseOwner: owner, attempts: task.attempts, status: "RUNNING" as const });
  const end = async (task: Task, owner: string, data: Prisma.TaskUpdateManyMutationInput) => {
    const r = await db().task.updateMany({ where: held(task, owner), data: { leaseOwner: null, leaseUntil: null, ...data } });
    if (!r.count) throw new LeaseLostError(o.name, task.id);
  };
  return {
    name: o.name,
    concurrency: o.concurrency,
    async claim(owner, leaseMs) {
      const now = new Date();
      const exhausted = (c: Task) => c.status === "RUNNING" && c.attempts >= c.maxAttempts;
      const giveUp = async (c: Task) => {
        const error = `Interrupted ${c.attempts} times (the server stopped while it ran)`;
        const r = await db().task.updateMany({ where: { id: c.id, status: "RUNNING", leaseUntil: c.leaseUntil }, data: { status: "FAILED", lastError: error, leaseOwner: null, leaseUntil: null, finishedAt: now } });
        if (r.count) await o.gaveUp?.(c, error);
      };
      // The conditional update is the lock on SQLite: only one process moves the row out of the state it read.
      const take = async (tx: Pick<ClaimTx, "task">, c: Task) => {
        const r = await tx.task.updateMany({
          where: { id: c.id, status: c.status, attempts: c.attempts },
          data: { status: "RUNNING", leaseOwner: owner, leaseUntil: new Date(Date.now() + leaseMs), attempts: { increment: 1 } },
        });
        return r.count === 1 ? tx.task.findUniqueOrThrow({ where: { id: c.id } }) : null;
      };
      return claimNext({
        table: "tasks",
        runnable: `kind = $1 AND ((status = 'QUEUED' AND "runAt" <= $2) OR (status = 'RUNNING' AND "leaseUntil" < $3))`,
        params: [o.name, o.clock.now(), now],
        order: `"runAt", id`,
        take: async (tx, id) => {
          const c = await tx.task.findUniqueOrThrow({ where: { id } });
          return exhausted(c) ? null : take(tx, c);
        },
        afterSkip: async (id) => {
          const c = await db().task.findUnique({ where: { id } });
          if (c && exhausted(c)) await giveUp(c);
        },
        fallback: async () => {
          const candidates = await db().task.findMany({
            where: { kind: o.name, OR: [{ status: "QUEUED", runAt: { lte: o.clock.now() } }, { status: "RUNNING", leaseUntil: { lt: now } }] },
            orderBy: { runAt: "asc" },
            take: 5,
          });
          for (const c of candidates) {
            if (exhausted(c)) await giveUp(c);
            else {
              const claimed = await take(db(), c);
              if (claimed) return claimed;
            }
          }
          return null;
        },
      });
    },
    async renew(task, owner, leaseMs) {
      const r = await db().task.updateMany({ where: held(task, owner), data: { leaseUntil: new Date(Date.now() + leaseMs) } });
      return r.count === 1;
    },
    async requeue(task, owner) {
      await end(task, owner, { status: "QUEUED", attempts: { decrement: 1 } });
    },
    async run(task, signal) {
      await o.run(task, signal);
      if (o.everyMs) await end(task, task.leaseOwner!, { status: "QUEUED", attempts: 0, lastError: null, runAt: later(o.everyMs) });
      else await end(task, task.leaseOwner!, { status: "DONE", lastError: null, finishedAt: new Date() });
    },
    async failed(task, owner, error) {
      const current = await db().task.findUnique({ where: { id: task.id } });
      if (!current) return;
      if (current.attempts < current.maxAttempts) {
        await end(task, owner, { status: "QUEUED", lastError: message(error), runAt: later(o.backoffMs(current.attempts)) });
      } else if (o.everyMs) {
        // A recurring task never ends: after its last attempt it waits for its next period.
        await end(task, owner, { status: "QUEUED", attempts: 0, lastError: message(error), runAt: later(o.everyMs) });
      } else {
        await end(task, owner, { status: "FAILED", lastError: message(error), finishedAt: new Date() });
        await o.gaveUp?.(current, message(error));
      }
    },
  };
}

/** Exponential backoff: base, 2×, 4× … capped. */
export function exponential(baseMs: number, capMs: number) {
  return (attempt: number) => Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
