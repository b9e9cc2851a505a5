import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { dataWritten } from "./write-scope.ts";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

const PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

/** Counts statements sent to SQLite, so tests can prove that nested selections are not N+1. */
export const sqlStats = { statements: 0 };

type Queryable = Pick<Adapter, "queryRaw" | "executeRaw">;
const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql);

/** Reports every statement that is not a plain SELECT (writes, BEGIN, COMMIT, ROLLBACK) once it has run. */
function reportWrites<T extends Queryable>(target: T): T {
  const query = target.queryRaw.bind(target);
  const execute = target.executeRaw.bind(target);
  target.queryRaw = async (q) => {
    try {
      return await query(q);
    } finally {
      if (!isRead(q.sql)) dataWritten();
    }
  };
  target.executeRaw = async (q) => {
    try {
      return await execute(q);
    } finally {
      if (!isRead(q.sql)) dataWritten();
    }
  };
  return target;
}

/**
 * @prisma/adapter-better-sqlite3@6.19.3 + the wasm schema engine apply whole migration files to the
 * shadow database through executeRaw(), which prepares ONE statement only (P3006 "External error").
 * Fall back to executeScript() for argument-less multi-statement SQL.
 */
function instrument(adapter: Adapter): Adapter {
  const origRaw = adapter.executeRaw.bind(adapter);
  const origQuery = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    sqlStats.statements++;
    return origQuery(query);
  };
  adapter.executeRaw = async (query) => {
    sqlStats.statements++;
    try {
      return await origRaw(query);
    } catch (e) {
      if (query.args.length === 0 && e instanceof RangeError && /more than one statement/.test(e.message)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw e;
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportWrites(await startTransaction(isolationLevel));
  return reportWrites(adapter);
}

export class PragmaBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(PRAGMAS);
    return instrument(adapter);
  }
  override async connectToShadowDb() {
    return instrument(await super.connectToShadowDb());
  }
}
