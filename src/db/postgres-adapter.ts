import { PrismaPg } from "@prisma/adapter-pg";
import { instrumentQueries } from "./instrument.ts";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Queryable = { performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>; startTransaction?: (...a: never[]) => Promise<unknown> };

// Catalog types the adapter has no mapping for, read as text (their text form is what is wanted):
// "char", name, int2vector, regproc, xid, oidvector, pg_node_tree, regclass; name[] as text[].
const AS_TEXT = new Set([18, 19, 22, 24, 28, 30, 194, 2205]);
const TEXT_OID = 25;
const NAME_ARRAY_OID = 1003;
const TEXT_ARRAY_OID = 1009;

/**
 * @prisma/adapter-pg@6.19.3 refuses PostgreSQL's catalog types (`name`, `"char"` …), which the schema engine's
 * catalog queries return, so every `prisma migrate diff` through the adapter fails with "Column
 * type 'name' could not be deserialized" (prisma/orm#27403, open). `name` is text to the driver;
 * report it as such. Used by the CLI's config (prisma/postgres/prisma.config.ts) only: the
 * server's own queries never select a `name` column.
 */
function readNameAsText<T>(queryable: T): T {
  const q = queryable as unknown as Queryable;
  const perform = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await perform(query);
    for (const f of result.fields ?? []) {
      if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
      else if (f.dataTypeID === NAME_ARRAY_OID) f.dataTypeID = TEXT_ARRAY_OID;
    }
    return result;
  };
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...a: never[]) => readNameAsText(await start(...a));
  }
  return queryable;
}

export class MigrationPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return readNameAsText(await super.connect());
  }
  override async connectToShadowDb(): Promise<Adapter> {
    return readNameAsText(await super.connectToShadowDb());
  }
}

/** The server's adapter on PostgreSQL. */
export class CountingPrismaPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    return instrumentQueries(await super.connect());
  }
}
