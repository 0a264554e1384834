import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBenchmark, listing, parseArgs, resolveOptions, UsageError, usage } from './support/args.ts';
import { Cleanup } from './support/cleanup.ts';
import { formatResultLine, formatSummary } from './support/result.ts';
import type { Benchmark } from './support/types.ts';

/**
 * `npm run bench -- <name> [options]`: runs one benchmark and prints, as the last stdout line,
 * {"name","metric","value","baseline","ratio"}. Progress goes to stderr; a summary and the
 * details (JSON) go to stdout before the last line. Exit status: 0 done, 1 the benchmark failed,
 * 2 a usage error, 130/143 interrupted.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(argv: string[]): Promise<number> {
  // Loaded lazily so that --list and usage errors answer at once.
  const { registry } = (await import('./registry.ts')) as { registry: readonly Benchmark[] };
  let benchmark: Benchmark;
  let resolved: ReturnType<typeof resolveOptions>;
  try {
    const args = parseArgs(argv);
    if (args.kind === 'help') {
      process.stdout.write(`${usage(registry)}\n`);
      return 0;
    }
    if (args.kind === 'list') {
      process.stdout.write(`${listing(registry)}\n`);
      return 0;
    }
    benchmark = findBenchmark(registry, args.name);
    resolved = resolveOptions(args.flags, benchmark.options);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench: ${err.message}\n\n${usage(registry)}\n`);
    return 2;
  }

  const cleanup = new Cleanup(log);
  cleanup.armSignals();
  const started = Date.now();
  try {
    log(
      `${benchmark.name}: ${JSON.stringify({ duration: resolved.duration, connections: resolved.connections, ...resolved.options })}`,
    );
    const result = await benchmark.run({ ...resolved, repoRoot, log, cleanup });
    await cleanup.run();
    const line = formatResultLine(result); // throws on a non-finite figure, before anything is printed
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
    process.stdout.write(`${formatSummary(result)}\n`);
    if (result.details) process.stdout.write(`details: ${JSON.stringify(result.details, null, 2)}\n`);
    process.stdout.write(`${line}\n`);
    return 0;
  } catch (err) {
    if (cleanup.wasInterrupted) return new Promise<number>(() => {}); // the signal handler exits
    log(`${benchmark.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup.run();
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
// Lingering handles (pools, timers) must not keep a finished run alive.
setTimeout(() => process.exit(), 200).unref();
