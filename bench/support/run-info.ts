import { availableParallelism, loadavg } from 'node:os';
import { type ArSeed, seedAr } from './ar-seed.ts';
import { type BenchDatabase, startBenchDatabase } from './database.ts';
import { roundTo } from './result.ts';
import type { BenchContext, OptionSpec } from './types.ts';

/** The 1-minute load average now, to report it at the start and end of a run. */
export function loadNow(): number {
  return roundTo(loadavg()[0]!, 2);
}

/** Where a run ran, for its details: CPUs, load average at its start and now, Node, the database. */
export function machineDetails(loadAtStart: number, database: BenchDatabase) {
  return {
    cpus: availableParallelism(),
    loadAverage1mAtStartAndEnd: [loadAtStart, loadNow()],
    node: process.version,
    database: database.where,
  };
}

/** The options of a benchmark over the AR seed (`--customers`, `--invoices`). */
export const AR_SEED_OPTIONS = {
  customers: { description: 'customers to seed', default: 50_000, min: 10, max: 1_000_000 },
  invoices: { description: 'invoices to seed', default: 1_000_000, min: 100, max: 20_000_000 },
} satisfies Record<string, OptionSpec>;

/** A throwaway database (startBenchDatabase) loaded with the AR seed at the run's `--customers` and `--invoices`. */
export async function startArDatabase(ctx: BenchContext): Promise<{ database: BenchDatabase; seed: ArSeed }> {
  const database = await startBenchDatabase(ctx);
  ctx.log(`database: ${database.where}`);
  const seed = await seedAr(database.ownerUrl, {
    customers: ctx.options.customers!,
    invoices: ctx.options.invoices!,
    log: ctx.log,
  });
  return { database, seed };
}
