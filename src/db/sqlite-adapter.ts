import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { instrumentQueries } from "./instrument.ts";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

const PRAGMAS =
  "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

/**
 * @prisma/adapter-better-sqlite3@6.19.3 + the wasm schema engine apply whole migration files to the
 * shadow database through executeRaw(), which prepares ONE statement only (P3006 "External error").
 * Fall back to executeScript() for argument-less multi-statement SQL.
 */
function instrument(adapter: Adapter): Adapter {
  const origRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
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
  return instrumentQueries(adapter);
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
