import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { dataWritten, isDerivedWork } from "./write-scope.ts";

/** Prisma's driver-adapter interface (the same for every adapter of one Prisma version). */
type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/** Counts statements sent to the database, so tests can prove that nested selections are not N+1. */
/** Statements run for requests and jobs (the upkeep of derived data, `derivedWriter`, is not counted). */
export const sqlStats = { statements: 0 };

type Queryable = Pick<SqlDriverAdapter, "queryRaw" | "executeRaw">;
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
 * What the server needs from either database's adapter: every statement counted (`sqlStats`) and
 * every write reported to the caches (`dataWritten`), inside transactions too. Both the SQLite and
 * the PostgreSQL adapter go through this one function, so neither can miss a write.
 */
export function instrumentQueries<A extends SqlDriverAdapter>(adapter: A): A {
  const query = adapter.queryRaw.bind(adapter);
  const execute = adapter.executeRaw.bind(adapter);
  adapter.queryRaw = async (q) => {
    if (!isDerivedWork()) sqlStats.statements++;
    return query(q);
  };
  adapter.executeRaw = async (q) => {
    if (!isDerivedWork()) sqlStats.statements++;
    return execute(q);
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportWrites(await startTransaction(isolationLevel));
  return reportWrites(adapter);
}
