import { performance } from 'node:perf_hooks';
import pino, { type Logger } from 'pino';
import { type Config, loadConfig } from '../config/config.ts';
import { repoRoot } from '../config/paths.ts';
import { DEMO_PASSWORD, demoLogins, loadDemo } from '../domain/demo/load-demo.ts';
import { buildApp } from '../http/app.ts';
import { bufferedStdout } from '../http/logging.ts';
import { type RunningWorker, startWorker } from '../jobs/worker.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { openDatabase } from './database.ts';
import { ensureWebBuild } from './web-build.ts';

export function makeLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { pid: process.pid } });
}

function printDemoLogins(config: Config) {
  const lines = [
    '',
    `  Saldo is running at ${config.publicUrl}`,
    '',
    `  Demo logins (password for all: ${DEMO_PASSWORD})`,
    ...demoLogins().map((l) => `    ${l.email.padEnd(40)} ${l.where.join('; ')}`),
    '',
    '  E-mails are captured, not sent: see Outbox in the console (sign in as an owner). Set SMTP_URL to send them.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Runs Saldo: `web` serves HTTP, `worker` runs jobs, `start` both in one process. Stops cleanly
 * on SIGINT/SIGTERM: HTTP first (in-flight requests finish), then the worker, then the database.
 */
export async function serve(
  mode: { web: boolean; worker: boolean },
  overrides: { port?: number } = {},
): Promise<void> {
  const config = { ...loadConfig(), ...(overrides.port ? { port: overrides.port } : {}) };
  const logger = makeLogger(config);
  const httpLog = bufferedStdout();
  const begun = Date.now();
  const attach = !(mode.web && mode.worker);
  const database = await openDatabase(config, logger, { attach, poolSize: 20 });
  let worker: RunningWorker | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      logger.error('shutdown took longer than 30 s: exiting');
      process.exit(1);
    }, 30_000);
    timer.unref();
    try {
      await app?.close();
      httpLog.close();
      await worker?.stop();
      await database.shutdown();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // How long each step took (ms), in the "Saldo ready" line: what a slow start spends its time on.
  const phases: Record<string, number> = { ...database.timings };
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      phases[`${name}Ms`] = Date.now() - t0;
    }
  };
  try {
    const demo = config.demo && (mode.web || !attach);
    // The demo check and the worker wait on the database, building the app on the CPU: they run
    // side by side, and HTTP listens once all three are done.
    const [loaded, started, built] = await Promise.allSettled([
      demo ? timed('demo', () => loadDemo({ db: database.db })) : false,
      mode.worker
        ? timed('worker', () =>
            startWorker({ connectionString: database.url, db: database.db, config, logger }),
          )
        : undefined,
      mode.web
        ? (async () => {
            const webDist = config.serveWeb
              ? await timed('webBuild', () => ensureWebBuild(repoRoot, logger))
              : null;
            return timed('app', () =>
              buildApp({
                db: database.db,
                config,
                mailer: createOutboxMailer(config),
                webDist,
                logStream: httpLog.stream,
              }),
            );
          })()
        : undefined,
    ]);
    if (started.status === 'fulfilled') worker = started.value;
    if (built.status === 'fulfilled') app = built.value;
    for (const result of [loaded, started, built]) if (result.status === 'rejected') throw result.reason;
    if (loaded.status === 'fulfilled' && loaded.value) logger.info('demo sellers loaded');
    worker?.done.catch(() => void stop('worker failure'));
    if (app) {
      await timed('listen', () => app!.listen({ port: config.port, host: config.host }));
      if (demo) printDemoLogins(config);
    }
    logger.info(
      {
        ms: Date.now() - begun,
        sinceProcessStartMs: Math.round(performance.now()),
        phases,
        web: mode.web,
        worker: mode.worker,
      },
      'Saldo ready',
    );
  } catch (err) {
    logger.error({ err }, 'Saldo could not start');
    await app?.close().catch(() => {});
    await worker?.stop().catch(() => {});
    await database.shutdown().catch(() => {});
    process.exit(1);
  }
}
