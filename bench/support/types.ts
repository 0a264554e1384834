import type { Cleanup } from './cleanup.ts';

/**
 * What one benchmark run reports. `value` is Saldo's figure and `baseline` the reference's, both
 * in `metric`'s unit. `ratio` is always oriented so that higher is better for Saldo
 * (see ratioOf in result.ts): 1 means "as good as the baseline", 0.6 "60 % of it".
 */
export interface BenchResult {
  name: string;
  /** Unit of value and baseline, e.g. 'requests/s' or 'ms (median)'. */
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  /** Everything else worth keeping (samples, latencies, settings); printed before the last line. */
  details?: Record<string, unknown>;
}

/** A whole-number option a benchmark accepts as `--<name> <n>`. */
export interface OptionSpec {
  description: string;
  default: number;
  min: number;
  max: number;
}

export interface BenchContext {
  /** Seconds of measured load (`--duration`, default 10). */
  duration: number;
  /** Concurrent connections of the load generator (`--connections`, default 50). */
  connections: number;
  /** The benchmark's own options (`Benchmark.options`), defaults applied. */
  options: Record<string, number>;
  /** The repository's root directory. */
  repoRoot: string;
  /** Progress for people: goes to stderr, never to the result line. */
  log(message: string): void;
  /** Teardown of everything the run starts; runs on success, failure and Ctrl-C. */
  cleanup: Cleanup;
}

export interface Benchmark {
  name: string;
  description: string;
  options?: Record<string, OptionSpec>;
  run(ctx: BenchContext): Promise<BenchResult>;
}
