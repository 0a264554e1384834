/**
 * Saldo's side of http-session: Saldo's real HTTP app, built the way `saldo web` builds it
 * (src/cli/serve.ts): the real config from the environment, a pool of 20, the outbox mailer, no
 * web app (SALDO_WEB=0), and request logging at LOG_LEVEL through the same batched stdout as
 * `saldo start` (http/logging.ts: bufferedStdout; the harness sets info and points stdout at a
 * log file, so the cost of logging is included).
 *
 * Env: everything loadConfig reads (DATABASE_URL, PORT, HOST, LOG_LEVEL, SALDO_SECRET_KEY, …),
 * POOL_SIZE (default 20); LOG_LEVEL=off builds the app with logging disabled (for experiments).
 * Exits on SIGTERM/SIGINT (closing the app, so `--cpu-prof` profiles are written) and when its
 * stdin closes (the harness is gone).
 */
import { loadConfig } from '../../src/config/config.ts';
import { createDb } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import { bufferedStdout } from '../../src/http/logging.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';

const config = loadConfig(process.env);
if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
const handle = createDb(config.databaseUrl, { max: Number(process.env.POOL_SIZE || 20) });
const httpLog = bufferedStdout();
const app = await buildApp({
  db: handle.db,
  config,
  mailer: createOutboxMailer(config),
  webDist: null,
  logLevel: config.logLevel === 'off' ? false : config.logLevel,
  logStream: httpLog.stream,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await app.close().catch(() => {});
  httpLog.close();
  await handle.close().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();

await app.listen({ port: config.port, host: config.host });
